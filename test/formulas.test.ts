// The MPWR functions, pure, over the seed filing. Expected numbers are read off
// assets/filings/mpwr-2004q2-ex99-1.txt (line numbers given), never copied from the program.
import { FormulaStore, onChange, setImported } from '../src/formulas/store';
import { FUNCTIONS, SHORTCUTS, callFunction, guard, check, checks, guidance, items, periods, recon, series, shortcut, source, value } from '../src/formulas/functions-impl';
import { type FormulaError, type FormulaResult, formulaError, isFormulaError } from '../src/formulas/values';
import type { FormulaData } from '../src/formulas/data';
import { closest, editDistance } from '../src/formulas/suggest';
import { SEED, seedFormulaData, syntheticQ3 } from './support/formulas-seed';
import { beforeShared } from './support/shared';

let d: FormulaData;
beforeShared(() => {
  d = seedFormulaData();
});

function err(r: FormulaResult): Pick<FormulaError, 'code' | 'message'> {
  if (!isFormulaError(r)) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return { code: r.code, message: r.message };
}

/** Shortcuts over the statement of operations, Q2 2004 / Q1 2004 / Q2 2003, as printed (lines 235–273, 291). */
const OPERATIONS_AS_PRINTED: [string, number, number, number][] = [
  ['REVENUE', 38496, 37153, 37758],
  ['CORE_REVENUE', 33585, 32770, 32139],
  ['SWITCHED_ACCESS_REVENUE', 4911, 4383, 5619],
  ['DA', 3879, 3901, 3984],
  ['LOSS_FROM_CONTINUING_OPS', -1312, -526, -4618],
  ['NET_LOSS', -1404, -263, -4743],
  ['SHARES', 78417485, 78321851, 65022403],
  ['EPS', -0.02, 0, -0.07],
  ['ADJ_GROSS_MARGIN', 20756, 20765, 18805],
  ['ADJ_GROSS_MARGIN_PCT', 0.539, 0.559, 0.498],
  ['ADJ_EBITDA', 2544, 3216, -782],
  ['ADJ_EBITDA_MARGIN', 0.066, 0.087, -0.021],
  ['GROSS_MARGIN', 18792, 18826, 17063], // line 291
];
/** Shortcuts over the balance sheet, tested with their own periods below (lines 194, 204). */
const BALANCE_SHEET_SHORTCUTS = ['CASH', 'TOTAL_ASSETS'];

describe('VALUE and the shortcuts', () => {
  test('the statement of operations, Q2 2004 / Q1 2004 / Q2 2003 (lines 235–273)', () => {
    const table = OPERATIONS_AS_PRINTED;
    for (const [name, q2, q1, q2003] of table) {
      expect([name, shortcut(d, name, 'Q2 2004'), shortcut(d, name, 'Q1 2004'), shortcut(d, name, 'Q2 2003')]).toEqual([name, q2, q1, q2003]);
    }
  });

  test('balance sheet items asked for a quarter answer at its end date (lines 194, 204)', () => {
    expect([shortcut(d, 'CASH', 'Q2 2004'), shortcut(d, 'CASH', 'Q1 2004'), shortcut(d, 'CASH', 'Q4 2003')]).toEqual([32356, 29294, 29307]);
    expect([shortcut(d, 'TOTAL_ASSETS', 'June 30, 2004'), shortcut(d, 'TOTAL_ASSETS', 38077), shortcut(d, 'TOTAL_ASSETS', 2003)]).toEqual([99874, 102113, 109029]);
    expect(value(d, 'Accumulated Deficit', '2Q04')).toBe(-39239); // line 222
  });

  test('a balance asked at a date takes the balance sheet date within a week of it, else none', () => {
    // Balance sheet dates 2003-12-31, 2004-03-31, 2004-06-30; Total Assets at June 30, 2004: 99,874 (line 204).
    expect([shortcut(d, 'TOTAL_ASSETS', '2004-06-25'), shortcut(d, 'TOTAL_ASSETS', '2004-06-23'), shortcut(d, 'TOTAL_ASSETS', '2004-07-07')]).toEqual([99874, 99874, 99874]);
    expect(err(shortcut(d, 'TOTAL_ASSETS', '2004-06-22')).code).toBe('#N/A'); // eight days before
    expect(err(shortcut(d, 'TOTAL_ASSETS', '2004-05-15')).code).toBe('#N/A');
    expect(shortcut(d, 'TOTAL_ASSETS', '2004-04-02')).toBe(102113); // two days after March 31
  });

  test('a flow asked for a quarter-end date answers for the quarter that ends on it', () => {
    expect(shortcut(d, 'ADJ_EBITDA', 'June 30, 2004')).toBe(2544);
    expect(shortcut(d, 'ADJ_EBITDA', '3/31/2004')).toBe(3216);
    expect(shortcut(d, 'ADJ_EBITDA', 'May 15, 2004')).toBe(2544); // the quarter it falls in
  });

  test('LATEST is the newest quarter; LATEST-n counts calendar quarters back', () => {
    expect(shortcut(d, 'REVENUE', 'LATEST')).toBe(38496);
    expect(shortcut(d, 'REVENUE', 'LATEST-1')).toBe(37153);
    expect(shortcut(d, 'REVENUE', 'LATEST-4')).toBe(37758); // Q2 2003, a year earlier
    expect(err(shortcut(d, 'REVENUE', 'LATEST-2')).code).toBe('#N/A'); // Q4 2003 is not in the filing
    expect(shortcut(d, 'CASH', 'LATEST-2')).toBe(29307); // December 31, 2003
  });

  test('items by printed label (case and spacing forgiven), concept id or common name', () => {
    expect(value(d, 'Total Current Assets', 'Q2 2004')).toBe(48332); // line 199
    expect(value(d, '  total   CURRENT assets ', 'Q2 2004')).toBe(48332);
    expect(value(d, 'total_current_assets', 'Q2 2004')).toBe(48332);
    expect(value(d, "Total Liabilities and Stockholders' Equity", 'Q2 2004')).toBe(99874); // line 225
    expect(value(d, 'Gross Margin (GAAP)', 'Q2 2004')).toBe(18792);
    expect(value(d, 'EBITDA', 'Q2 2004')).toBe(2544);
    expect(value(d, 'Depreciation and Amortization (allocated to Cost of Operating Revenues)', 'Q2 2004')).toBe(1964); // Note 1 / line 289
  });

  test('a scale by any of its words or its factor (Q2 2004 revenue, $38,496 thousand on line 238)', () => {
    const cases: [unknown, number][] = [
      ['units', 38496000], ['unit', 38496000], ['dollars', 38496000], [1, 38496000],
      ['thousands', 38496], ['k', 38496], ['000s', 38496], ["'000", 38496], ['thous', 38496], ['in thousands', 38496], [1000, 38496],
      ['millions', 38.496], ['million', 38.496], ['m', 38.496], ['mm', 38.496], ['mn', 38.496], ['mil', 38.496], ['$ millions', 38.496], [1000000, 38.496],
      ['billions', 0.038496], ['billion', 0.038496], ['b', 0.038496], ['bn', 0.038496], [1000000000, 0.038496],
    ];
    for (const [scale, expected] of cases) expect([scale, value(d, 'Revenue', 'Q2 2004', scale)]).toEqual([scale, expected]);
    for (const bad of [10, 'xbillions', 'billionsx', 'bb']) expect([bad, err(value(d, 'Revenue', 'Q2 2004', bad)).code]).toEqual([bad, '#VALUE!']);
  });

  test('scale: the filing scale ($ thousands) by default, or units / millions; exact', () => {
    expect(value(d, 'Revenue', 'Q2 2004', 'units')).toBe(38496000);
    expect(value(d, 'Revenue', 'Q2 2004', 'millions')).toBe(38.496);
    expect(value(d, 'Revenue', 'Q2 2004', 1000)).toBe(38496);
    expect(value(d, 'Revenue', 'Q2 2004', 'thousands')).toBe(38496);
    expect(shortcut(d, 'SHARES', 'Q2 2004', 'millions')).toBe(78.417485);
    expect(shortcut(d, 'EPS', 'Q2 2004', 'millions')).toBe(-0.02); // per-share ignores scale
    expect(err(value(d, 'Revenue', 'Q2 2004', 'furlongs'))).toEqual({ code: '#VALUE!', message: 'scale must be "units", "thousands" or "millions", not "furlongs"' });
  });

  test('missing facts are #N/A naming what exists; wrong arguments #VALUE!', () => {
    expect(err(shortcut(d, 'ADJ_EBITDA', 'Q3 2005'))).toEqual({ code: '#N/A', message: 'No Adjusted EBITDA for 2005Q3; imported periods: 2003Q2, 2004Q1, 2004Q2; not derivable: needs 9M2005-09-30 and 6M2005-06-30 (the years to date with and without it)' });
    expect(err(shortcut(d, 'CASH', 'Q3 2005'))).toEqual({ code: '#N/A', message: 'No Cash & Cash Equivalents for 2005-09-30; imported periods: 2003-12-31, 2004-03-31, 2004-06-30' });
    expect(err(value(d, 'Capital Spending', 'Q2 2004')).code).toBe('#VALUE!');
    // Stated only in the text (line 66: "Capital expenditures were $1.8 million"): a narrative fact.
    expect(value(d, 'Capital Expenditures', 'Q2 2004')).toBe(1800);
    expect(source(d, 'Capital Expenditures', 'Q2 2004')).toBe('mpwr-2004q2-ex99-1.txt, line 66: Capital expenditures were $1.8 million in the second quarter of 2004. The');
    // The text's "approximately $32.4 million in unrestricted cash" (line 67) is the balance sheet's Cash & Cash Equivalents $32,356 (line 194).
    expect(value(d, 'Unrestricted cash', 'Q2 2004')).toBe(32356);
    expect(err(value(d, 42, 'Q2 2004')).message).toBe('item must be text such as "Adjusted EBITDA", not 42');
    expect(err(shortcut(d, 'ADJ_EBITDA', true)).code).toBe('#VALUE!');
    expect(err(shortcut(d, 'ADJ_EBITDA', null)).code).toBe('#VALUE!');
    expect(err(shortcut(d, 'ADJ_EBITDA', '')).code).toBe('#VALUE!');
  });

  test('every shortcut names a concept of the catalogue and answers for Q2 2004', () => {
    // Each has its figures read off the filing in one of the tests above: a new shortcut needs its own.
    expect(Object.keys(SHORTCUTS).sort()).toEqual([...OPERATIONS_AS_PRINTED.map(([name]) => name), ...BALANCE_SHEET_SHORTCUTS].sort());
    for (const name of Object.keys(SHORTCUTS)) {
      const r = shortcut(d, name, 'Q2 2004');
      expect([name, typeof r]).toEqual([name, 'number']);
    }
  });
});

describe('GUIDANCE', () => {
  test('a bound by any of its words: low/min/minimum, high/max/maximum, mid/midpoint/middle (FY2005 revenue, $174.0 to $180.5 million)', () => {
    for (const w of ['low', 'min', 'minimum', ' LOW ']) expect([w, guidance(d, 'Revenue', 2005, w)]).toEqual([w, 174000]);
    for (const w of ['high', 'max', 'maximum', 'Max']) expect([w, guidance(d, 'Revenue', 2005, w)]).toEqual([w, 180500]);
    for (const w of ['mid', 'midpoint', 'middle']) expect([w, guidance(d, 'Revenue', 2005, w)]).toEqual([w, 177250]);
    expect(err(guidance(d, 'Revenue', 2005, 'highest')).code).toBe('#VALUE!');
  });

  test('revenue guidance printed in $ millions comes back in $ thousands, exactly (lines 73–75)', () => {
    expect(guidance(d, 'Revenue', 2004, 'low')).toBe(152600);
    expect(guidance(d, 'Revenue', 2004, 'high')).toBe(155600);
    expect(guidance(d, 'Revenue', 2005, 'low')).toBe(174000);
    expect(guidance(d, 'Revenue', 2005, 'high')).toBe(180500);
    expect(guidance(d, 'Revenue', 'FY2005')).toBe(177250); // mid = (174.0 + 180.5) / 2
    expect(guidance(d, 'Revenue', 'FY2004', 'mid')).toBe(154100);
  });

  test('Adjusted EBITDA and every line of the guidance reconciliations (lines 317–352)', () => {
    const lines: [string, number, string, number][] = [
      ['Adjusted EBITDA', 2004, 'low', 8000],
      ['Adjusted EBITDA', 2004, 'high', 10000],
      ['Adjusted EBITDA', 2005, 'low', 16000],
      ['Adjusted EBITDA', 2005, 'high', 18000],
      ['Depreciation and Amortization', 2004, 'low', 16000],
      ['Gain on Sale of Assets', 2004, 'high', 300],
      ['Stock-Based Compensation Expense', 2005, 'low', 200],
      ['Loss from Continuing Operations', 2004, 'low', -7900],
      ['Loss from Continuing Operations', 2005, 'high', 1100],
      ['Interest Income', 2005, 'high', 400],
      ['Interest Expense', 2004, 'low', 300],
      ['Other Expense', 2004, 'high', 100],
      ['Loss before Discontinued Operations', 2005, 'low', -800],
      ['Loss before Discontinued Operations', 2005, 'high', 1200],
      ['Income from Discontinued Operations', 2004, 'low', 100],
      ['Loss from Discontinued Operations', 2005, 'high', -300],
      ['Net Loss', 2004, 'low', -7800],
      ['Net Loss', 2004, 'high', -5800],
      ['Net Loss', 2005, 'low', -1100],
      ['Net Loss', 2005, 'high', 900],
      ['Net Loss', 2005, 'mid', -100],
    ];
    for (const [item, year, bound, expected] of lines) expect([item, year, bound, guidance(d, item, year, bound)]).toEqual([item, year, bound, expected]);
  });

  test('no guidance for an item or a year is #N/A; a bad bound #VALUE!', () => {
    expect(err(guidance(d, 'Core Customer', 2005)).code).toBe('#N/A');
    expect(err(guidance(d, 'Adjusted EBITDA', 2006))).toEqual({ code: '#N/A', message: 'No Adjusted EBITDA guidance for FY2006; guidance periods: FY2004, FY2005' });
    expect(err(guidance(d, 'Adjusted EBITDA', 2005, 'best')).code).toBe('#VALUE!');
  });
});

describe('SERIES', () => {
  test('every imported period in time order, header row of period keys', () => {
    expect(series(d, 'Adjusted EBITDA')).toEqual([
      ['2003Q2', '2004Q1', '2004Q2'],
      [-782, 3216, 2544],
      ['printed', 'printed', 'printed'],
    ]);
    expect(series(d, 'Total Assets')).toEqual([
      ['2003-12-31', '2004-03-31', '2004-06-30'],
      [109029, 102113, 99874],
      ['printed', 'printed', 'printed'],
    ]);
  });

  test('from and to limit the periods; scale applies', () => {
    expect(series(d, 'Revenue', 2004)).toEqual([['2004Q1', '2004Q2'], [37153, 38496], ['printed', 'printed']]);
    expect(series(d, 'Revenue', null, 'Q1 2004', 'millions')).toEqual([['2003Q2', '2004Q1'], [37.758, 37.153], ['printed', 'printed']]);
    expect(series(d, 'Cash', 'Q1 2004', 'Q1 2004')).toEqual([['2004-03-31'], [29294], ['printed']]);
    expect(err(series(d, 'Revenue', 2006)).code).toBe('#N/A');
    expect(err(series(d, 'Revenue', 2005, 2004)).code).toBe('#VALUE!');
  });

  test('from and to as LATEST, a date or an LTM: the quarters they cover', () => {
    // The seed's latest quarter is 2004Q2; LATEST-1 is 2004Q1.
    expect(series(d, 'Revenue', 'LATEST-1', 'LATEST')).toEqual([['2004Q1', '2004Q2'], [37153, 38496], ['printed', 'printed']]);
    // A date falls in its quarter: 2004-03-31 is in 2004Q1.
    expect(series(d, 'Revenue', '2004-03-31', '2004-06-30')).toEqual([['2004Q1', '2004Q2'], [37153, 38496], ['printed', 'printed']]);
    // The twelve months to Q2 2004 start with 2003Q3: 2003Q2 is before them.
    expect(series(d, 'Revenue', 'LTM Q2 2004')).toEqual([['2004Q1', '2004Q2'], [37153, 38496], ['printed', 'printed']]);
    expect(series(d, 'Revenue', null, 'LTM Q1 2004')).toEqual([['2003Q2', '2004Q1'], [37758, 37153], ['printed', 'printed']]);
  });
});

describe('RECON', () => {
  // Each row: label, amount in the concept's own sign (as MPWR.VALUE answers it: an expense is
  // positive), and its effect on the running total as the reconciliation prints it.
  test('Adjusted EBITDA to Net Loss for Q1 2004 (lines 296–309, middle column)', () => {
    expect(recon(d, 'Adjusted EBITDA', 'Q1 2004')).toEqual([
      ['Adjusted EBITDA', 3216, 3216],
      ['Depreciation and Amortization', 3901, -3901],
      ['Gain on Sale of Assets, net', 198, 198],
      ['Stock-Based Compensation Expense', 39, -39],
      ['Loss from Continuing Operations', -526, -526],
      ['Interest Income', 88, 88],
      ['Interest Expense', 66, -66],
      ['Other Expense', 0, 0],
      ['Loss before Discontinued Operations', -504, -504],
      ['(Loss) Income from Discontinued Operations', 241, 241],
      ['Net Loss (GAAP)', -263, -263],
    ]);
  });

  test('the 2004 guidance, low end, via "FY2004 low" (lines 317–330)', () => {
    expect(recon(d, 'adjusted_ebitda', 'FY2004 low')).toEqual([
      ['Adjusted EBITDA', 8000, 8000],
      ['Depreciation and Amortization', 16000, -16000],
      ['Gain on Sale of Assets, net', 300, 300],
      ['Stock-Based Compensation Expense', 200, -200],
      ['Loss from Continuing Operations', -7900, -7900],
      ['Interest Income', 400, 400],
      ['Interest Expense', 300, -300],
      ['Other Expense', 100, -100],
      ['Loss before Discontinued Operations', -7900, -7900],
      ['Income from Discontinued Operations', 100, 100],
      ['Net Loss (GAAP)', -7800, -7800],
    ]);
  });

  test('the 2005 guidance has no Other Expense line, and the mid point foots', () => {
    const mid = recon(d, 'Adjusted EBITDA', 2005, 'mid');
    if (isFormulaError(mid)) throw new Error(mid.message);
    expect(mid.map((r) => r[0])).not.toContain('Other Expense');
    // The effects (as printed) foot to each subtotal; the amounts answer as MPWR.GUIDANCE does.
    expect(mid.map((r) => r[2])).toEqual([17000, -17000, 300, -200, 100, 400, -300, 200, -300, -100]);
    expect(mid.map((r) => r[1])).toEqual([17000, 17000, 300, 200, 100, 400, 300, 200, -300, -100]);
  });

  test('Adjusted Gross Margin to Gross Margin (lines 287–291)', () => {
    expect(recon(d, 'Adjusted Gross Margin', 'Q2 2003')).toEqual([
      ['Adjusted Gross Margin', 18805, 18805],
      ['Depreciation and Amortization (allocated to Cost of Operating Revenues)', 1742, -1742],
      ['Gross Margin (GAAP)', 17063, 17063],
    ]);
  });

  test('a GAAP measure or a missing period is an error', () => {
    expect(err(recon(d, 'Net Loss', 'Q2 2004')).code).toBe('#VALUE!');
    expect(err(recon(d, 'Adjusted EBITDA', 'Q3 2004')).code).toBe('#N/A');
    expect(err(recon(d, 'Adjusted EBITDA', 'FY2004')).message).toMatch(/FY2004 has guidance/);
  });
});

describe('CHECKS of a guidance bound', () => {
  // The seed reconciles its FY2004 guidance at both ends of the range (lines 311-332).
  const scenarios = (period: string) => new Set((checks(d, period) as string[][]).slice(1).map((r) => r[0].replace(/^[^#]*#?/, '') || 'actual'));
  test('low, high or mid (both ends); a bare year: every check of the year', () => {
    expect(scenarios('FY2004 low')).toEqual(new Set(['guidance-low']));
    expect(scenarios('FY2004 high')).toEqual(new Set(['guidance-high']));
    expect(scenarios('FY2004 mid')).toEqual(new Set(['guidance-low', 'guidance-high']));
    expect(scenarios('FY2004')).toEqual(new Set(['guidance-low', 'guidance-high']));
  });

  test('a period of no check is #N/A naming the checked periods; a bad period is its own error', () => {
    const e = err(checks(d, 'Q3 2009'));
    expect([e.code, e.message]).toEqual(['#N/A', expect.stringMatching(/^No checks for 2009Q3 \/ 2009-09-30; checked periods: .*2004Q2/)]);
    expect(err(checks(d, 'banana')).message).toMatch(/^Can't read "banana" as a period/);
    expect(err(check(d, true)).code).toBe('#VALUE!');
  });
});

describe('CHECK, CHECKS, SOURCE, PERIODS, ITEMS', () => {
  test('CHECK: Q2 2004 and Q2 2003 hold; Q1 2004 breaks on the $0.01 per share of line 266; all periods therefore FALSE', () => {
    expect(check(d, 'Q2 2004')).toBe(true);
    expect(check(d, '2003Q2')).toBe(true);
    expect(check(d, '2004Q1')).toBe(false);
    expect(check(d, 'FY2004')).toBe(true);
    expect(check(d, 'FY2005 high')).toBe(true);
    expect(check(d)).toBe(false);
    expect(err(check(d, 'Q3 2009')).code).toBe('#N/A');
  });

  test('CHECKS of Q1 2004 shows the break with reported, computed and difference', () => {
    const rows = checks(d, 'Q1 2004');
    if (isFormulaError(rows)) throw new Error(rows.message);
    expect(rows[0]).toEqual(['id', 'period', 'status', 'reported', 'computed', 'difference']);
    const broken = rows.filter((r) => r[2] === 'break');
    expect(broken.map((r) => r[0])).toEqual(['eps-discontinued@2004Q1']);
    const [, period, , reported, computed] = broken[0];
    expect(period).toBe('2004Q1');
    expect(reported).toBe(0.01);
    expect(computed).toBeCloseTo(241000 / 78321851, 12);
  });

  test('SOURCE names the file, the line and the printed line', () => {
    expect(source(d, 'Adjusted EBITDA', 'Q2 2004')).toBe('mpwr-2004q2-ex99-1.txt, line 272: Adjusted EBITDA $2,544 $3,216 ($782)');
    expect(source(d, 'Cash', 'Q2 2004')).toBe('mpwr-2004q2-ex99-1.txt, line 194: Cash & Cash Equivalents $32,356 $29,294 $29,307');
    expect(source(d, 'Net Loss', 'FY2005 high')).toBe('mpwr-2004q2-ex99-1.txt, line 352: Net (Loss) Income (GAAP) $(1,100) $ 900');
    expect(source(d, 'Adjusted EBITDA', 'FY2004 mid')).toMatch(/^\(low \+ high\) \/ 2 of mpwr-2004q2-ex99-1.txt, line 317: /);
    expect(err(source(d, 'Adjusted EBITDA', 'Q3 2004')).code).toBe('#N/A');
  });

  test("SOURCE of a guidance end names that end's own line (FY2005 revenue: $174.0 on line 74, $180.5 on line 75)", () => {
    expect(source(d, 'Revenue', 'FY2005 low')).toBe('mpwr-2004q2-ex99-1.txt, line 74: 2004 is $152.6 million to $155.6 million, and for full-year 2005 is $174.0');
    expect(source(d, 'Revenue', 'FY2005 high')).toBe('mpwr-2004q2-ex99-1.txt, line 75: million to $180.5 million. The company is forecasting full-year 2004 Adjusted');
  });

  test('PERIODS and ITEMS', () => {
    expect(periods(d)).toEqual([['2003Q2'], ['2003-12-31'], ['2004-03-31'], ['2004Q1'], ['2004-06-30'], ['2004Q2']]);
    expect(periods(d, 'quarters')).toEqual([['2003Q2'], ['2004Q1'], ['2004Q2']]);
    expect(periods(d, 'guidance')).toEqual([['FY2004'], ['FY2005']]);
    expect(err(periods(d, 'someday')).code).toBe('#VALUE!');
    const list = items(d);
    if (isFormulaError(list)) throw new Error(list.message);
    expect(list[0]).toEqual(['cash_and_equivalents', 'Cash & Cash Equivalents']);
    expect(list.map((r) => r[0])).toEqual(expect.arrayContaining(['adjusted_ebitda', 'net_loss', 'eps_net_loss_basic_diluted', 'da_sga']));
  });
});

describe('scales, bases and arguments of the wrong kind', () => {
  // Revenue Q2 2004, line 238: $38,496 thousand; Q1 2004 37,153; Q2 2003 37,758.
  test.each<[string, number]>([
    ['units', 38496000], ['dollars', 38496000], ['thousands', 38496], ["'000s", 38496], ['k', 38496], ['thous', 38496],
    ['in $ millions', 38.496], ['mm', 38.496], ['billions', 0.038496], ['bn', 0.038496], ['b', 0.038496],
  ])('REVENUE in %s', (scale, expected) => {
    expect(callFunction(d, 'REVENUE', ['Q2 2004', scale])).toBeCloseTo(expected, 12);
  });

  test('an unknown scale is #VALUE! naming the ones there are', () => {
    expect(err(callFunction(d, 'REVENUE', ['Q2 2004', 'billionz']))).toEqual({ code: '#VALUE!', message: 'scale must be "units", "thousands" or "millions", not "billionz"' });
  });

  // Year over year: (38,496 − 37,758) / 37,758; quarter over quarter: (38,496 − 37,153) / 37,153.
  const YOY = (38496 - 37758) / 37758;
  const QOQ = (38496 - 37153) / 37153;
  test.each<[string | undefined, number]>([
    [undefined, YOY], ['yoy', YOY], ['Year over year', YOY], ['y', YOY], ['annual', YOY], ['Y/Y', YOY],
    ['qoq', QOQ], ['quarter-over-quarter', QOQ], ['q', QOQ], ['Sequential', QOQ], ['Q/Q', QOQ],
  ])('GROWTH of revenue, basis %s', (basis, expected) => {
    const args = basis === undefined ? ['Revenue', 'Q2 2004'] : ['Revenue', 'Q2 2004', basis];
    expect(callFunction(d, 'GROWTH', args)).toBeCloseTo(expected, 12);
  });

  test('GROWTH says why it will not answer', () => {
    expect(err(callFunction(d, 'GROWTH', ['Revenue', 'Q2 2004', 'monthly']))).toEqual({ code: '#VALUE!', message: 'basis must be "yoy" (year over year, the default) or "qoq" (quarter over quarter), not "monthly"' });
    expect(err(callFunction(d, 'GROWTH', ['Revenue', 'FY2004 low']))).toEqual({ code: '#VALUE!', message: 'GROWTH is of actual figures, not guidance (FY2004 low)' });
    expect(err(callFunction(d, 'GROWTH', ['Adjusted EBITDA (% of Revenue)', 'Q2 2004'])).message).toMatch(/is a percentage: its growth is ambiguous/);
    expect(err(callFunction(d, 'GROWTH', ['Revenue', 'banana'])).message).toMatch(/^Can't read "banana" as a period/);
  });

  test('LTM and SERIES pass a bad period or scale on as it is', () => {
    expect(err(callFunction(d, 'LTM', ['Revenue', 'banana'])).message).toMatch(/^Can't read "banana" as a period/);
    expect(err(callFunction(d, 'LTM', ['Revenue', 'Q2 2004', 'furlongs'])).message).toMatch(/^scale must be/);
    expect(err(callFunction(d, 'SERIES', ['Revenue', 'banana'])).message).toMatch(/^Can't read "banana" as a period/);
    expect(err(callFunction(d, 'SERIES', ['Revenue', 'Q1 2004', 'banana'])).message).toMatch(/^Can't read "banana" as a period/);
    expect(err(callFunction(d, 'SERIES', ['Revenue', 'Q1 2004', 'Q2 2004', 'furlongs'])).message).toMatch(/^scale must be/);
  });
});

describe('"did you mean": edit distance and the closest name', () => {
  test.each<[string, string, number]>([
    ['', 'abc', 3], ['abc', '', 3], ['abc', 'abc', 0], ['kitten', 'sitting', 3],
    ['abcd', 'abdc', 1], // two letters swapped are one edit
    ['ca', 'abc', 3], // optimal string alignment: a swapped pair is not edited again
  ])('editDistance(%j, %j) = %d', (a, b, n) => {
    expect(editDistance(a, b)).toBe(n);
  });

  test.each<[string, string[], string | undefined]>([
    ['Adjusted EBIDTA', ['Adjusted EBITDA', 'Adjusted Gross Margin'], 'Adjusted EBITDA'],
    ['Cash and Cash Equivalents', ['Cash & Cash Equivalents'], undefined], // the same name once folded: nothing to suggest
    ['switched', ['Switched Access', 'Core Customer'], 'Switched Access'], // the only one containing it
    ['access', ['Switched Access', 'Access Lines'], undefined], // contained in two: no guess
    ['xyzzy', ['Switched Access', 'Core Customer'], undefined],
    ['re', ['Revenue'], undefined],
    ['a'.repeat(81), ['a'.repeat(80)], undefined], // too long to compare
  ])('closest(%j)', (input, names, expected) => {
    expect(closest(input, names)).toBe(expected);
  });
});

describe('callFunction', () => {
  test('by name, with or without the namespace, any case', () => {
    expect(callFunction(d, 'ADJ_EBITDA', ['Q2 2004'])).toBe(2544);
    expect(callFunction(d, 'mpwr.adj_ebitda', ['Q2 2004'])).toBe(2544);
  });

  test('the number of arguments is checked', () => {
    expect(err(callFunction(d, 'ADJ_EBITDA', []))).toEqual({ code: '#VALUE!', message: 'MPWR.ADJ_EBITDA takes 1 to 2 arguments (period, [scale]), got 0' });
    expect(err(callFunction(d, 'ITEMS', [1])).code).toBe('#VALUE!');
    expect(err(callFunction(d, 'NOPE', [])).code).toBe('#VALUE!');
  });

  test('PERIODS of one kind: the quarters and the balance sheet dates the seed prints', () => {
    const col = (kind: string) => (callFunction(d, 'PERIODS', [kind]) as unknown[][]).map((r) => r[0]);
    // Statement of operations: Q2 2004, Q1 2004, Q2 2003 (line 231); balance sheet: June 30 and March 31, 2004, December 31, 2003 (line 190).
    expect([...col('quarters')].sort()).toEqual(['2003Q2', '2004Q1', '2004Q2']);
    expect([...col('instants')].sort()).toEqual(['2003-12-31', '2004-03-31', '2004-06-30']);
  });

  test('GROWTH "qoq" of a year is refused: a year has no quarter before it', () => {
    expect(err(callFunction(d, 'GROWTH', ['Adjusted EBITDA', 'FY2004', 'qoq'])).message).toMatch(/^"qoq" compares a quarter \(or an LTM\) with the one before; FY2004 is not a quarter: use "yoy"$/);
  });

  test('PERIODS("all") is the actual periods, then the guidance ones', () => {
    const col = (kind: string) => (callFunction(d, 'PERIODS', [kind]) as unknown[][]).map((r) => r[0]);
    expect(col('all')).toEqual([...col('actual'), ...col('guidance')]);
    expect(col('guidance')).toEqual(['FY2004', 'FY2005']); // the two guidance reconciliations, lines 311 and 334
  });

  test('CLAIMS for a period the text states nothing of is #N/A, naming the periods it does', () => {
    const e = err(callFunction(d, 'CLAIMS', ['Q3 2005']));
    expect(e.code).toBe('#N/A');
    expect(e.message).toMatch(/^No claims about 2005Q3 \/ 2005-09-30; the text states figures for .*2004Q2/); // a quarter and its end
  });

  test('CLAIMS gives money in the filings\' scale, a change as a fraction, and no table figure for an unlinked claim', () => {
    const rows = callFunction(d, 'CLAIMS', []) as (string | number)[][];
    expect(rows[0]).toEqual(['text', 'claimed', 'actual', 'status', 'line']);
    // Line 21: "to $38.5 million in the second quarter of 2004" against Total Operating Revenues 38,496 (thousands).
    const revenue = rows.find((r) => r[4] === 21 && r[1] === 38500);
    expect(revenue && [revenue[2], revenue[3]]).toEqual([38496, 'rounding']);
    // Line 20: "by 3.6% over the first quarter of 2004": (38,496 − 37,153) / 37,153 = 3.61%.
    const change = rows.find((r) => r[4] === 20 && r[1] === 0.036);
    expect(change?.[2]).toBeCloseTo((38496 - 37153) / 37153, 12);
    const unlinked = rows.filter((r) => r[3] === 'unlinked');
    expect(unlinked.length).toBeGreaterThan(0);
    for (const r of unlinked) expect(r[2]).toBe('');
  });

  test('an exception inside a function is #VALUE!, never thrown to the host', () => {
    expect(guard(() => { throw new Error('boom'); })).toEqual(formulaError('#VALUE!', 'MPWR could not compute this: boom'));
    expect(guard(() => { throw 'odd'; })).toEqual(formulaError('#VALUE!', 'MPWR could not compute this: odd'));
    expect(guard(() => 5)).toBe(5);
  });

  test('the registry lists every function of the issue', () => {
    expect(FUNCTIONS.map((f) => f.name).sort()).toEqual(
      ['VALUE', ...Object.keys(SHORTCUTS), 'GUIDANCE', 'LTM', 'GROWTH', 'SERIES', 'RECON', 'CHECK', 'CHECKS', 'CLAIMS', 'SOURCE', 'PERIODS', 'ITEMS'].sort(),
    );
    expect(Object.keys(SHORTCUTS).sort()).toEqual(
      ['ADJ_EBITDA', 'ADJ_EBITDA_MARGIN', 'ADJ_GROSS_MARGIN', 'ADJ_GROSS_MARGIN_PCT', 'GROSS_MARGIN', 'REVENUE', 'CORE_REVENUE', 'SWITCHED_ACCESS_REVENUE', 'DA', 'LOSS_FROM_CONTINUING_OPS', 'NET_LOSS', 'EPS', 'CASH', 'TOTAL_ASSETS', 'SHARES'].sort(),
    );
  });
});

describe('the store: built-in filing overlaid by imported ones', () => {
  test('an import adds its quarter, moves LATEST, restates, and tells listeners; clearing it goes back', () => {
    const s = new FormulaStore([SEED]);
    expect(shortcut(s.data(), 'ADJ_EBITDA', 'LATEST')).toBe(2544);
    const seen: number[] = [];
    const stop = s.onChange((data) => seen.push(data.analysis.dataset.filings.length));

    const analysis = s.setImported([syntheticQ3()]);
    expect(seen).toEqual([2]);
    expect(s.version).toBe(1);
    expect(analysis.dataset.filings.map((f) => f.file)).toEqual(['mpwr-2004q2-ex99-1.txt', 'synthetic-2004q3.txt']);
    expect(shortcut(s.data(), 'ADJ_EBITDA', 'Q3 2004')).toBe(2544); // the synthetic's first column
    expect(shortcut(s.data(), 'ADJ_EBITDA', 'Q2 2004')).toBe(3216); // restated by the newer filing
    expect(shortcut(s.data(), 'ADJ_EBITDA', 'LATEST')).toBe(2544);
    expect(periods(s.data(), 'quarters')).toEqual(expect.arrayContaining([['2004Q3']]));
    expect(analysis.dataset.restatements.some((r) => r.concept === 'adjusted_ebitda' && r.period === '2004Q2')).toBe(true);

    s.setImported([syntheticQ3()]); // the same again: nothing changes
    expect(seen).toEqual([2]);

    s.setImported([]);
    expect(seen).toEqual([2, 1]);
    expect(shortcut(s.data(), 'ADJ_EBITDA', 'Q2 2004')).toBe(2544);
    expect(err(shortcut(s.data(), 'ADJ_EBITDA', 'Q3 2004')).code).toBe('#N/A');
    stop();
    s.setImported([syntheticQ3()]);
    expect(seen).toEqual([2, 1]);
  });

  test('an unreadable import leaves the built-in data answering; a failing listener does not stop the others', () => {
    const s = new FormulaStore([SEED]);
    const calls: string[] = [];
    s.onChange(() => {
      throw new Error('listener failed');
    });
    s.onChange(() => calls.push('second'));
    const analysis = s.setImported([{ name: 'junk.txt', text: 'not a filing at all' }]);
    expect(analysis.diagnostics.some((x) => x.file === 'junk.txt' && x.severity === 'error')).toBe(true);
    expect(calls).toEqual(['second']);
    expect(shortcut(s.data(), 'ADJ_EBITDA', 'Q2 2004')).toBe(2544);
  });

  test('the built-in filing set at load is read on the first formula; set later, it rebuilds and notifies', () => {
    const s = new FormulaStore();
    const seen: number[] = [];
    s.onChange(() => seen.push(s.version));
    s.setBuiltIn([SEED]);
    expect([s.version, seen]).toEqual([0, []]); // lazy: nothing read yet
    expect(shortcut(s.data(), 'REVENUE', 'Q2 2004')).toBe(38496);
    s.setBuiltIn([syntheticQ3()]);
    expect(seen).toEqual([1]);
    expect(shortcut(s.data(), 'REVENUE', 'Q3 2004')).toBe(38496); // the synthetic's first column
  });

  test('the sources it holds, as copies; the Analysis of its data', () => {
    const s = new FormulaStore([SEED]);
    s.setImported([syntheticQ3()]);
    s.builtInSources().length = 0;
    s.importedSources().length = 0;
    expect(s.builtInSources().map((x) => x.name)).toEqual([SEED.name]);
    expect(s.importedSources().map((x) => x.name)).toEqual(['synthetic-2004q3.txt']);
    expect(s.analysis()).toBe(s.data().analysis);
  });

  test("the runtime store's shorthands for the task pane: setImported and onChange", () => {
    // This suite gives the runtime's store no built-in filing (functions/functions.ts does, in the add-in).
    const seen: string[][] = [];
    const stop = onChange((d) => seen.push(d.analysis.dataset.filings.map((f) => f.file)));
    expect(setImported([syntheticQ3()]).dataset.filings.map((f) => f.file)).toEqual(['synthetic-2004q3.txt']);
    stop();
    setImported([]);
    expect(seen).toEqual([['synthetic-2004q3.txt']]);
  });

  test('with nothing loaded every function answers #N/A, never throws', () => {
    const empty = new FormulaStore([]).data();
    for (const f of FUNCTIONS) {
      const args = f.params.filter((p) => !p.optional).map((p) => (p.name === 'item' || p.name === 'measure' ? 'Adjusted EBITDA' : p.name === 'year' ? 2004 : 'Q2 2004'));
      const r = callFunction(empty, f.name, args);
      expect([f.name, isFormulaError(r) ? r.code : r]).toEqual([f.name, '#N/A']);
    }
  });
});
