/**
 * Subtotals inferred from a table's layout (tables no catalogue rule knows): asserted only where
 * the layout supports them, `unverified` with the candidate sums where it does not, and `break`
 * only where a structure the other columns confirm fails: the filing does not add up there.
 * Expected figures are read off the filings.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, checkCounts } from '../src/pipeline';

const FILINGS = path.resolve(__dirname, 'fixtures/filings');
const read = (name: string) => readFileSync(path.join(FILINGS, name), 'latin1');
const subtotals = (name: string, text = read(name)) => analyze([{ name, text }]).checks.filter((c) => c.rule.startsWith('table-subtotal'));

describe('structures the layout supports', () => {
  test("Sears: Net credit card receivables = receivables less the allowance; Total current assets adds the Net row, not its parts", () => {
    const checks = subtotals('sears-2004q2-8k.txt');
    // July 3, 2004: 0 + 1,813 − 31 = 1,782; June 28, 2003: 29,465 + 1,849 − 1,953 = 29,361.
    const net = checks.filter((c) => c.lines[0] === 424);
    expect(net.map((c) => [c.period, c.status, c.reported?.toString()])).toEqual([
      ['2004-07-03', 'tie', '1782'], ['2003-06-28', 'tie', '29361'], ['2004-01-03', 'tie', '1956'],
    ]);
    // 3,559 + 1,782 + 557 + 5,543 + 891 + 588 = 12,920 (the Net row stands for the domestic and
    // Canadian receivables and the allowance).
    const current = checks.find((c) => c.lines[0] === 430 && c.period === '2004-07-03');
    expect(current?.status).toBe('tie');
    expect(current?.lines).toEqual([430, 418, 424, 425, 426, 428, 429]);
  });

  test('Southern: Net Income As Reported = Operating Income + Other Income − Interest Charges − Income Taxes (was a false break)', () => {
    const checks = subtotals('southern-2004q4-8k.txt').filter((c) => c.lines[0] === 773);
    // 396 − 15 − 179 + 2 = 204; 341 − 10 − 180 − 26 = 125; 2,827 − 11 − 698 − 586 = 1,532; 2,805 − 20 − 699 − 612 = 1,474.
    expect(checks.filter((c) => !c.id.includes('change')).map((c) => `${c.period}:${c.status}:${c.reported?.toString()}`)).toEqual([
      '2004Q4:tie:204', '2003Q4:tie:125', 'FY2004:tie:1532', 'FY2003:tie:1474',
    ]);
  });

  test('Asta: an unlabelled total of expenses, then Income before income taxes = Finance income − that total', () => {
    const checks = subtotals('astafunding-2005q3-8k.txt');
    // 4,153,000 + 512,000 + 0 = 4,665,000; 19,028,000 − 4,665,000 = 14,363,000.
    expect(checks.find((c) => c.lines[0] === 303 && c.period === '2005Q2')?.status).toBe('tie');
    expect(checks.find((c) => c.lines[0] === 306 && c.period === '2005Q2')?.status).toBe('tie');
  });
});

describe('per-share subtotals: half a cent of each figure, a dash a zero to the cent', () => {
  // Sears, Summary of Certain Significant Items, 13 weeks (lines 669-696) and 26 weeks (lines
  // 721-758): every per-share figure is printed to the cent, so each adds $0.005 to a sum's
  // tolerance, the dashes (`-`) standing in those columns included.
  const perShare = (checks: ReturnType<typeof subtotals>, line: number) =>
    checks.filter((c) => c.lines[0] === line && c.id.includes(':earnings@')).map((c) => [c.period, c.status, c.reported?.toString(), c.tolerance.toString()]);

  test('Sears: the totals of the per-share columns and their tolerances', () => {
    const checks = subtotals('sears-2004q2-8k.txt');
    // 13 weeks 2004: $0.29 = 0.05 + 0.12 + 0.12 + 0 (total divested) + 0 (retirement plan): six
    // figures, 6 × 0.005 = 0.03. 2003: $(0.46) = 0 + 0.06 + 0 + (0.56) + 0.04, also 0.03.
    expect(perShare(checks, 696)).toEqual([['2004Q2', 'tie', '0.29', '0.03'], ['2003Q2', 'tie', '-0.46', '0.03']]);
    // 26 weeks 2004: $4.18 = 3.86 − 0.09 + 0.17 + 0.12 + 0.12 + 0 + 0: eight figures, 0.04.
    expect(perShare(checks, 758)).toEqual([['26W2004-07-03', 'tie', '4.18', '0.04'], ['26W2003-06-28', 'tie', '-1.07', '0.04']]);
    // Total divested businesses, 13 weeks: four figures (all dashes in 2004) to the cent, 0.02.
    const divested = checks.filter((c) => c.lines[0] === 691 && c.id.includes(':earnings@'));
    expect(divested.map((c) => [c.period, c.status, c.tolerance.toString()])).toEqual([['2004Q2', 'tie', '0.02'], ['2003Q2', 'tie', '0.02']]);
  });

  test('Sears: a per-share total 99 cents off is a break, not rounding', () => {
    const lines = read('sears-2004q2-8k.txt').split('\n');
    expect(lines[695]).toContain('$0.29');
    lines[695] = lines[695].replace('$0.29', '$1.28');
    const checks = subtotals('sears-2004q2-8k.txt', lines.join('\n'));
    const total = checks.find((c) => c.lines[0] === 696 && c.period === '2004Q2' && c.id.includes(':earnings@'));
    // $1.28 against 0.05 + 0.12 + 0.12 = 0.29: 0.99 out, tolerance 0.03.
    expect([total?.status, total?.difference?.toString(), total?.tolerance.toString()]).toEqual(['break', '0.99', '0.03']);
  });
});

describe('a break is a filing that does not add up', () => {
  test("one digit changed in Apple's Cost of sales breaks Gross margin in that column only", () => {
    const lines = read('apple-2004q3-8k.txt').split('\n');
    expect(lines[1733]).toContain('>1,455<');
    lines[1733] = lines[1733].replace('>1,455<', '>1,456<');
    const checks = subtotals('apple-2004q3-8k.txt', lines.join('\n'));
    const broken = checks.filter((c) => c.status === 'break');
    // Gross margin 559 against 2,014 − 1,456 = 558 for the three months ended June 26, 2004.
    expect(broken.map((c) => [c.period, c.reported?.toString(), c.computed?.toString()])).toEqual([['2004Q2', '559', '558']]);
    expect(broken[0].lines).toContain(1734);
  });

  test("Apple's Gross margin misprinted 569 breaks both totals it takes part in, and is named their likely culprit", () => {
    const lines = read('apple-2004q3-8k.txt').split('\n');
    expect(lines[1765]).toContain('>559<');
    lines[1765] = lines[1765].replace('>559<', '>569<');
    const checks = subtotals('apple-2004q3-8k.txt', lines.join('\n'));
    const broken = checks.filter((c) => c.status === 'break');
    // Three months ended June 26, 2004: Gross margin 569 against Net sales 2,014 − Cost of sales 1,455 = 559,
    // and Operating income 72 against 569 − Total operating expenses 487 = 82. Only 569 → 559 mends both.
    expect(broken.map((c) => [c.period, c.reported?.toString(), c.computed?.toString()])).toEqual([['2004Q2', '569', '559'], ['2004Q2', '72', '82']]);
    for (const c of broken) expect(c.culprit && [c.culprit.line, c.culprit.printed.toString(), c.culprit.wouldTie.toString()]).toEqual([1766, '569', '559']);
  });

  test('an ambiguous structure is unverified with its candidate sums, never a break', () => {
    const text = [
      'Example Corp (NYSE: EX)', '', 'SUMMARY (in millions)', '',
      '                                   2004', '',
      'Alpha                                10',
      'Beta                                 20',
      '                                   ----',
      'Total                                31', '',
    ].join('\n');
    const checks = analyze([{ name: 'x.txt', text }]).checks;
    expect(checks.map((c) => c.status)).toEqual(['unverified']);
    expect(checks[0].description).toMatch(/not certain/);
    expect(checkCounts(checks).break).toBe(0);
  });
});

describe('the rules of inference on small tables, each sum worked by hand', () => {
  // A two-column table (2004, 2003) of a made-up release; `body` is the table's rows as printed.
  const TWO_YEARS = '                                   2004      2003';
  const inferred = (body: string[], header = TWO_YEARS) => {
    const text = ['Example Corp (NYSE: EX)', '', 'SUMMARY (in millions)', '', header, '', ...body, ''].join('\n');
    return analyze([{ name: 'x.txt', text }]).checks.filter((c) => c.rule.startsWith('table-subtotal'));
  };
  // A check as `period status total = ±operand ...` (the operands' printed values and signs).
  const sums = (body: string[], header?: string) =>
    inferred(body, header).map((c) => `${c.period} ${c.status} ${c.reported} =${c.operands.slice(1).map((o) => ` ${o.coefficient < 0 ? '−' : '+'}${o.value}`).join('')}`);

  test.each<[string, string[], string[]]>([
    ['a plain list under no rule and no total: nothing is a subtotal', [
      'Alpha                                10        20',
      'Beta                                 30        40',
      'Gamma                                40        60',
      'Delta                                70       100',
    ], []],
    ['a Less row printed positive is taken away; printed negative it is added as printed', [
      'Receivables                         100        90',
      'Less allowance                      (10)        9',
      '                                   ----      ----',
      'Net receivables                      90        81',
    ], ['FY2004 tie 90 = +100 +-10', 'FY2003 tie 81 = +90 −9']],
    ['a Deduct row is taken away too', [
      'Gross sales                         100        90',
      'Deduct: returns                      10         9',
      '                                   ----      ----',
      'Net sales                            90        81',
    ], ['FY2004 tie 90 = +100 −10', 'FY2003 tie 81 = +90 −9']],
    ['a word ending in -less is not a Less row: Total = 100 + 5', [
      'Cups                                100        90',
      'Bottomless refills                    5         4',
      '                                   ----      ----',
      'Total                               105        94',
    ], ['FY2004 tie 105 = +100 +5', 'FY2003 tie 94 = +90 +4']],
    ['Net under a Less row is a subtotal without a rule', [
      'Receivables                         100        90',
      'Less allowance                       10         9',
      'Net receivables                      90        81',
    ], ['FY2004 tie 90 = +100 −10', 'FY2003 tie 81 = +90 −9']],
    ['Net under a row that only ends in -less is not (100 − 5 = 95 would foot)', [
      'Cups                                100        90',
      'Bottomless refills                    5         4',
      'Net cups                             95        86',
    ], []],
    ['a row that only ends in -net under a Less row is not a subtotal', [
      'Sales                               100        90',
      'Less returns                          5         4',
      'Cabinet sales                        40        30',
    ], []],
    ['total in the middle of a label is not a Total', [
      'Alpha                                10        20',
      'Beta                                 30        40',
      'Share of total orders                40        60',
    ], []],
    ['a label ending in total is a Total: 10 + 30', [
      'Alpha                                10        20',
      'Beta                                 30        40',
      'Grand total                          40        60',
    ], ['FY2004 tie 40 = +10 +30', 'FY2003 tie 60 = +20 +40']],
    ['an unlabelled figure under a rule is a subtotal; one without a rule is not', [
      'Alpha                                10        20',
      'Beta                                 30        40',
      '                                   ----      ----',
      '                                     40        60',
      'Gamma                                 5         5',
      '                                     45        65',
    ], ['FY2004 tie 40 = +10 +30', 'FY2003 tie 60 = +20 +40']],
    ['a result under a rule is a subtotal: revenue less expenses (100 − 60 − 10 = 30; 90 − 50 − 12 = 28)', [
      'Revenue                             100        90',
      'Cost of revenue                      60        50',
      'Selling expenses                     10        12',
      '                                   ----      ----',
      'Operating income                     30        28',
    ], ['FY2004 tie 30 = +100 −60 −10', 'FY2003 tie 28 = +90 −50 −12']],
    ['a per-share result under a rule is not a subtotal (by its label)', [
      'Continuing operations              0.40      0.30',
      'Discontinued operations            0.10      0.05',
      '                                   ----      ----',
      'Net income per share               0.50      0.35',
    ], []],
    ['a per-share result under a rule is not a subtotal (by its section)', [
      'Basic earnings per share:',
      'Continuing operations              0.40      0.30',
      'Discontinued operations            0.10      0.05',
      '                                   ----      ----',
      'Net income                         0.50      0.35',
    ], []],
    ['an unlabelled row in an expense section is an expense: 100 + 10 − 50 = 60, 90 + 10 − 50 = 50', [
      'Revenue                             100        90',
      'Other income                         10        10',
      'Operating expenses:',
      '  Selling                            30        30',
      '  General                            20        20',
      '                                   ----      ----',
      '                                     50        50',
      '                                   ----      ----',
      'Operating income                     60        50',
    ], ['FY2004 tie 50 = +30 +20', 'FY2003 tie 50 = +30 +20', 'FY2004 tie 60 = +100 +10 −50', 'FY2003 tie 50 = +90 +10 −50']],
    ['a sum adds figures of one kind: a row of share counts above a Total is no part of it (10 + 5 would foot)', [
      'Alpha                                10        20',
      'Weighted average shares outstanding   5         5',
      '                                   ----      ----',
      'Total                                15        25',
    ], []],
    ['a row whose figures cannot be read ends the rows above a Total: one row is no sum, nothing is claimed', [
      'Alpha                                10        20',
      'Beta                                 --        --',
      'Gamma                                30        40',
      '                                   ----      ----',
      'Total                                40        60',
    ], []],
  ])('%s', (_name, body, expected) => {
    expect(sums(body)).toEqual(expected);
  });

  test('a Total under a blank line and no rule, over rows that do not add up to it: no reading, nothing shown', () => {
    expect(sums([
      'Alpha                                10        20',
      'Beta                                 30        40',
      '',
      'Total                                99        99',
    ])).toEqual([]);
  });

  const ONE_YEAR = '                                   2004';
  test('one column: a reading that foots there and is not just the first row less the rest is the structure', () => {
    // Net sales 100 − Cost of sales 60 = 40: cost is an expense word.
    expect(sums(['Net sales                           100', 'Cost of sales                        60', '                                   ----', 'Gross margin                         40'], ONE_YEAR))
      .toEqual(['FY2004 tie 40 = +100 −60']);
  });

  test('one column: only the first row less the other foots: unverified, shown as laid out (100 + 60)', () => {
    const checks = inferred(['Alpha                               100', 'Beta                                 60', '                                   ----', 'Total                                40'], ONE_YEAR);
    expect(checks.map((c) => [c.status, c.computed?.toString()])).toEqual([['unverified', '160']]);
    // The description names the rows as laid out and the reading that foots.
    expect(checks[0].description).toMatch(/^Total: the rows it adds are not certain \(.*\); as laid out: Alpha \+ Beta; readings that foot elsewhere: Alpha − Beta \(foots in 1 of 1 columns\)$/);
  });

  test('a structure two columns confirm breaks where a third does not add up (10 + 30 = 40, 20 + 40 = 60, 30 + 50 = 80, not 99)', () => {
    const checks = inferred([
      'Alpha                                10        20        30',
      'Beta                                 30        40        50',
      '                                   ----      ----      ----',
      'Total                                40        60        99',
    ], '                                   2004      2003      2002');
    expect(checks.map((c) => [c.period, c.status, c.computed?.toString()])).toEqual([['FY2004', 'tie', '40'], ['FY2003', 'tie', '60'], ['FY2002', 'break', '80']]);
  });

  test('a change column is summed, a percent-change column is not', () => {
    const checks = inferred([
      'Alpha                                10        20       (10)        (50)%',
      'Beta                                 30        40       (10)        (25)%',
      '                                   ----      ----      ----        ----',
      'Total                                40        60       (20)        (33)%',
    ], '                                   2004      2003    Change     % Change');
    expect(checks.map((c) => [c.period, c.status, c.reported?.toString()])).toEqual([['FY2004', 'tie', '40'], ['FY2003', 'tie', '60'], ['FY2004', 'tie', '-20']]);
    expect(checks[2].id).toMatch(/:change@/);
  });

  test('a percent-of column printed without % signs is not summed (60.0 + 40.0 = 100.0 would foot)', () => {
    const checks = inferred([
      'Alpha                                60       60.0',
      'Beta                                 40       40.0',
      '                                   ----       ----',
      'Total                               100      100.0',
    ], '                                   2004  % of sales');
    expect(checks.map((c) => [c.period, c.status, c.reported?.toString()])).toEqual([['FY2004', 'tie', '100']]);
  });

  test('a column that names no period is not summed (its 1 + 2 = 3 would foot)', () => {
    const checks = inferred([
      'Alpha                                60         1',
      'Beta                                 40         2',
      '                                   ----      ----',
      'Total                               100         3',
    ], '                                   2004     Notes');
    expect(checks.map((c) => [c.period, c.status, c.reported?.toString()])).toEqual([['FY2004', 'tie', '100']]);
  });

  test('a labelled row in an expense section is read by its own label, not the section: nothing foots, unverified as laid out', () => {
    // Operating income 75: as laid out Selling + General = 30 + 25 = 55 (20 + 25 = 45); Revenue +
    // Other income − Selling − General would be 120 + 10 − 30 − 25 = 75 (110 + 10 − 20 − 25 = 75),
    // but Selling and General name no cost, and the section's words are for unlabelled rows only.
    const checks = inferred([
      'Revenue                             120       110',
      'Other income                         10        10',
      'Costs and expenses:',
      '  Selling                            30        20',
      '  General                            25        25',
      '                                   ----      ----',
      'Operating income                     75        75',
    ]);
    expect(checks.map((c) => [c.period, c.status, c.computed?.toString()])).toEqual([['FY2004', 'unverified', '55'], ['FY2003', 'unverified', '45']]);
  });

  test("a total's rows as laid out reach back fourteen rows at most", () => {
    // Rows 1 to 15 (twice as much in 2003) under a Total printed 999 that nothing adds up to: as
    // laid out it adds the fourteen rows above it, 2 + 3 + ... + 15 = 119 (238 in 2003).
    const body = Array.from({ length: 15 }, (_, k) => `Row ${String(k + 1).padEnd(30)}${String(k + 1).padStart(6)}${String(2 * (k + 1)).padStart(10)}`);
    const checks = inferred([...body, '                                   ----      ----', 'Total                               999       999']);
    expect(checks.map((c) => [c.period, c.status, c.computed?.toString(), c.operands.length])).toEqual([['FY2004', 'unverified', '119', 15], ['FY2003', 'unverified', '238', 15]]);
    expect(checks[0].operands[1].label).toBe('Row 2');
  });

  test('readings that foot in one column of two are shown with their signs, and asserted nowhere', () => {
    // 100 − 10 = 90 foots in 2004; 90 − 9 = 81 is not the 99 printed for 2003.
    const checks = inferred([
      'Receivables                         100        90',
      'Less allowance                       10         9',
      '                                   ----      ----',
      'Net receivables                      90        99',
    ]);
    expect(checks.map((c) => [c.period, c.status])).toEqual([['FY2004', 'unverified'], ['FY2003', 'unverified']]);
    expect(checks[0].description).toBe('Net receivables: the rows it adds are not certain (SUMMARY); as laid out: Receivables − Less allowance; readings that foot elsewhere: ' +
      'Receivables − Less allowance (foots in 1 of 2 columns); Receivables − Less allowance (foots in 1 of 2 columns); Receivables − Less allowance (foots in 1 of 2 columns)');
  });

  test('of the readings that foot in one column only, the first three are shown (added before costs taken away, the shorter first)', () => {
    // 2004: four readings make 10, Costs + Delta, Beta + Costs + Delta, and the same with Costs taken away
    // (an expense word); 2003: none makes 99. As laid out: all four rows.
    const checks = inferred([
      'Alpha                                10         1',
      'Beta                                  0         2',
      'Costs                                 0         3',
      'Delta                                10         4',
      '                                   ----      ----',
      'Total                                10        99',
    ]);
    expect(checks.map((c) => [c.period, c.status, c.computed?.toString()])).toEqual([['FY2004', 'unverified', '20'], ['FY2003', 'unverified', '10']]);
    expect(checks[0].description.split('; readings that foot elsewhere: ')[1]).toBe(
      'Costs + Delta (foots in 1 of 2 columns); Beta + Costs + Delta (foots in 1 of 2 columns); − Costs + Delta (foots in 1 of 2 columns)');
  });

  test('the likely culprit of a break in a column of bracketed figures is named by its printed digits', () => {
    // Revenue less Costs foots in 2004 (100 − 60 = 40) and 2003 (90 − 50 = 40); in 2002 67 − 75 = −8
    // is not the 32 printed. Only Costs printed 35 mends it (67 − 35 = 32): 32 cannot become −8,
    // and 67 would have to be 107.
    const checks = inferred([
      'Revenue                             100        90        67',
      'Costs                              (60)      (50)      (75)',
      '                                   ----      ----      ----',
      'Net                                  40        40        32',
    ], '                                   2004      2003      2002');
    expect(checks.map((c) => [c.period, c.status])).toEqual([['FY2004', 'tie'], ['FY2003', 'tie'], ['FY2002', 'break']]);
    const culprit = checks[2].culprit;
    expect(culprit && [culprit.label, culprit.line, culprit.printed.toString(), culprit.wouldTie.toString()]).toEqual(['Costs', 8, '75', '35']);
  });

  test('two columns that read alike (two 2004 columns) have ids of their own, by their place', () => {
    const checks = inferred([
      'Alpha                                10        20',
      'Beta                                 30        40',
      '                                   ----      ----',
      'Total                                40        60',
    ], '                                   2004      2004');
    expect(checks.map((c) => c.id)).toEqual(['table-subtotal:x.txt:t1:L10:c1@FY2004', 'table-subtotal:x.txt:t1:L10:c2@FY2004']);
  });
});
