/**
 * Every tolerance the engine uses, on its boundary. The rule as a person states it (DESIGN.md,
 * "Reconciliation rules": tolerance comes from the printed precision, never from a guess):
 *
 * - a footed total, a roll-forward: exact (a difference of one in the last printed digit breaks);
 * - a percentage or a per-share amount recomputed from its operands: within half a unit of its own
 *   last printed digit;
 * - per-share amounts that add up (loss before discontinued + discontinued = net loss per share):
 *   within half a unit of the last digit of each figure in the sum (each is rounded on its own);
 * - the same figure printed twice: equal when printed alike (same scale and decimals), else within
 *   half a unit of the less precise one's last digit (`$8.0 million` against `$8,050` thousand: 50);
 * - a printed period against the same period derived from others (six months against its two
 *   quarters): within half a unit of each figure involved.
 *
 * Each case is a figure just inside (ties or rounds) and just outside (breaks); the figures are
 * written in the test as a filing would print them, and the expected difference is worked out in
 * the comment by hand.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../src/pipeline';
import type { Check } from '../src/model/types';
import { OPERATIONS, Q2_2004, releaseText, type ReleaseTable } from './support/release';

const SEED = readFileSync(path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'), 'utf8');

function checksOf(text: string): Map<string, Check> {
  const a = analyze([{ name: 'test.txt', text }]);
  return new Map(a.checks.map((c) => [c.id, c]));
}

/** Status and difference of one check, as `rounding -0.05`. */
function outcome(text: string, id: string): string {
  const c = checksOf(text).get(id);
  if (!c) throw new Error(`no check ${id}`);
  return `${c.status} ${c.difference === null ? 'null' : c.difference.toString()}`;
}

/** The seed with a printed figure of a line replaced (right-aligned where it stood); `first`: the first of several alike. */
function seedWith(lineNo: number, old: string, text: string, first = false): string {
  const lines = SEED.split('\n');
  const line = lines[lineNo - 1];
  const at = line.indexOf(old);
  if (at < 0 || (!first && line.indexOf(old, at + 1) >= 0)) throw new Error(`line ${lineNo} does not hold '${old}' once`);
  const end = at + old.length;
  lines[lineNo - 1] = line.slice(0, end - Math.max(old.length, text.length)).padEnd(end - text.length) + text + line.slice(end);
  return lines.join('\n');
}

const q2 = (rows: ReleaseTable['rows']): string => releaseText([{ title: OPERATIONS, headers: [Q2_2004], rows }]);

describe('percentages: half a unit of the printed percentage\'s last digit', () => {
  const margin = (ebitda: string, pct: string) =>
    outcome(q2([['Total Operating Revenues', '40,000'], ['Adjusted EBITDA', ebitda], ['  Adjusted EBITDA (% of Revenue)', pct]]), 'adjusted-ebitda-margin@2004Q2');

  test.each([
    // 2,640 / 40,000 = 6.6% exactly.
    ['$2,640', '6.6%', 'tie 0'],
    // 2,660 / 40,000 = 6.65%: 0.05 from both 6.6% and 6.7%, on the boundary.
    ['$2,660', '6.6%', 'rounding -0.05'],
    ['$2,660', '6.7%', 'rounding 0.05'],
    // 2,661 / 40,000 = 6.6525%: 0.0525 from 6.6% (outside), 0.0475 from 6.7% (inside).
    ['$2,661', '6.6%', 'break -0.0525'],
    ['$2,661', '6.7%', 'rounding 0.0475'],
    // Printed without decimals: half a unit is 0.5. 2,600 / 40,000 = 6.5%, 2,599 / 40,000 = 6.4975%.
    ['$2,600', '7%', 'rounding 0.5'],
    ['$2,599', '7%', 'break 0.5025'],
    ['$2,599', '6%', 'rounding -0.4975'],
    // Negative: (860) / 40,000 = -2.15%; (861) / 40,000 = -2.1525%.
    ['($860)', '-2.1%', 'rounding 0.05'],
    ['($861)', '-2.1%', 'break 0.0525'],
    ['($861)', '-2.2%', 'rounding -0.0475'],
  ])('Adjusted EBITDA %s over revenue 40,000 printed as %s: %s', (ebitda, pct, expected) => {
    expect(margin(ebitda, pct)).toBe(expected);
  });

  test('the tolerance a check carries is the one it was judged by', () => {
    const c = checksOf(q2([['Total Operating Revenues', '40,000'], ['Adjusted EBITDA', '$2,660'], ['  Adjusted EBITDA (% of Revenue)', '6.6%']])).get('adjusted-ebitda-margin@2004Q2');
    expect(c?.tolerance.toString()).toBe('0.05');
  });
});

describe('per-share amounts: half a cent of the printed amount', () => {
  const eps = (loss: string, perShare: string) => outcome(q2([
    ['Loss before Discontinued Operations', loss],
    ['Basic and Diluted Weighted Average Shares Outstanding', '100,000,000'],
    ['Basic and Diluted (Loss) Income per Share:'],
    ['Loss before Discontinued Operations', perShare],
  ]), 'eps-loss-before-discontinued@2004Q2');

  test.each([
    // 1,000 thousand / 100,000,000 shares = $0.01 exactly.
    ['(1,000)', '($0.01)', 'tie 0'],
    // 1,500 thousand / 100,000,000 = $0.015: half a cent from both $0.01 and $0.02.
    ['(1,500)', '($0.01)', 'rounding 0.005'],
    ['(1,500)', '($0.02)', 'rounding -0.005'],
    // 1,501 thousand / 100,000,000 = $0.01501: outside for $0.01, inside for $0.02.
    ['(1,501)', '($0.01)', 'break 0.00501'],
    ['(1,501)', '($0.02)', 'rounding -0.00499'],
  ])('loss %s over 100,000,000 shares printed as %s a share: %s', (loss, perShare, expected) => {
    expect(eps(loss, perShare)).toBe(expected);
  });
});

describe('per-share sums: half a unit of the last digit of each figure in the sum', () => {
  const sum = (total: string, before: string, discontinued: string) => outcome(q2([
    ['Basic and Diluted (Loss) Income per Share:'],
    ['Loss before Discontinued Operations', before],
    ['Income from Discontinued Operations', discontinued],
    ['Net Loss', total],
  ]), 'eps-sum@2004Q2');

  test.each([
    // Three figures printed to the cent: tolerance 3 × $0.005 = $0.015.
    ['($0.03)', '($0.02)', '($0.01)', 'tie 0'],
    ['($0.03)', '($0.02)', '($0.02)', 'rounding 0.01'],
    ['($0.03)', '($0.02)', '($0.03)', 'break 0.02'],
    // The total to a tenth ($0.05) and two terms to the cent ($0.005 each): tolerance $0.06.
    ['($0.1)', '($0.02)', '($0.02)', 'rounding -0.06'],
    ['($0.1)', '($0.02)', '($0.01)', 'break -0.07'],
    // A dash is a zero to the cent of its column ($0.005), not to the dollar ($0.5): tolerance
    // 3 × $0.005 = $0.015, so ($0.04) against ($0.02) + 0 is two cents out.
    ['($0.03)', '($0.02)', '-', 'rounding -0.01'],
    ['($0.04)', '($0.02)', '-', 'break -0.02'],
  ])('net loss per share %s = %s + %s: %s', (total, before, discontinued, expected) => {
    expect(sum(total, before, discontinued)).toBe(expected);
  });
});

describe('footed totals and roll-forwards: exact', () => {
  test('Total Current Assets one thousand over its components breaks (line 199: 48,332 = 32,356 + 11,611 + 2,012 + 2,353)', () => {
    expect(outcome(SEED, 'bs-current-assets@2004-06-30')).toBe('tie 0');
    expect(outcome(seedWith(199, '48,332', '48,333'), 'bs-current-assets@2004-06-30')).toBe('break 1');
    expect(outcome(seedWith(199, '48,332', '48,331'), 'bs-current-assets@2004-06-30')).toBe('break -1');
  });

  test('accumulated deficit one thousand off the net loss breaks (line 222: (39,239) − (37,835) = −1,404, line 260)', () => {
    expect(outcome(SEED, 'bs-deficit-rollforward@2004Q2')).toBe('tie 0');
    expect(outcome(seedWith(222, '(39,239)', '(39,240)'), 'bs-deficit-rollforward@2004Q2')).toBe('break -1');
  });

  test('a bridge one thousand off breaks (FY2004 guidance, low end, lines 317-322: 8,000 − 16,000 + 300 − 200 = −7,900)', () => {
    expect(outcome(SEED, 'bridge-adjusted-ebitda@FY2004#guidance-low')).toBe('tie 0');
    // Gain on Sale 301 (line 319): 8,000 − 16,000 + 301 − 200 = −7,899 against −7,900 printed.
    expect(outcome(seedWith(319, '300', '301', true), 'bridge-adjusted-ebitda@FY2004#guidance-low')).toBe('break -1');
  });
});

describe('the same figure printed twice', () => {
  test('printed alike (same scale and decimals): equal, or a break (Adjusted Gross Margin $20,756, lines 269 and 287)', () => {
    const id = 'same-fact:adjusted_gross_margin@2004Q2';
    expect(outcome(SEED, id)).toBe('tie 0');
    expect(outcome(seedWith(287, '$20,756', '$20,757'), id)).toBe('break 1');
  });

  // FY2004 Adjusted EBITDA guidance, low end: `$8.0 million` in the text (line 76) and `$8,000` in
  // the guidance table (line 317, $ thousands). The table figure is the primary one; the text's
  // last digit is a tenth of a million, so they agree within half of it: 50 thousand.
  test.each([
    ['$8,000', 'tie 0'],
    ['$8,050', 'rounding -50'],
    ['$7,950', 'rounding 50'],
    ['$8,051', 'break -51'],
    ['$7,949', 'break 51'],
  ])('across scales: the table printing %s against the text\'s $8.0 million: %s', (table, expected) => {
    expect(outcome(seedWith(317, '$8,000', table), 'same-fact:adjusted_ebitda@FY2004#guidance-low')).toBe(expected);
  });

  test('the tolerance across scales is the less precise figure\'s half unit (50 thousand), not the more precise one\'s (0.5)', () => {
    expect(checksOf(seedWith(317, '$8,000', '$8,050')).get('same-fact:adjusted_ebitda@FY2004#guidance-low')?.tolerance.toString()).toBe('50');
  });
});

describe('a printed period against the same period derived from others', () => {
  // Revenue for the three months ended March 31 and June 30, 2004 and the six months ended June 30:
  // each printed to the thousand, so the six months agree with Q1 + Q2 within 3 × 0.5 = 1.5.
  const sixMonths = (q1: string, q2v: string, h1: string) => outcome(releaseText([{
    title: OPERATIONS,
    headers: [['Three Months Ended', 'June 30, 2004'], ['Three Months Ended', 'March 31, 2004'], ['Six Months Ended', 'June 30, 2004']],
    rows: [['Total Operating Revenues', q2v, q1, h1]],
  }]), 'derived:revenue_total@6M2004-06-30');

  test.each([
    ['37,153', '38,496', '75,649', 'tie 0'],
    ['37,153', '38,496', '75,650', 'rounding 1'],
    ['37,153', '38,496', '75,648', 'rounding -1'],
    ['37,153', '38,496', '75,651', 'break 2'],
    ['37,153', '38,496', '75,647', 'break -2'],
  ])('Q1 %s + Q2 %s against six months %s: %s', (q1, q2v, h1, expected) => {
    expect(sixMonths(q1, q2v, h1)).toBe(expected);
  });
});

describe('what a check lists: the printed line and every line it is computed from', () => {
  test('a derived period: the six months printed, and the two quarters it is derived from, each with its coefficient', () => {
    const text = releaseText([{
      title: OPERATIONS,
      headers: [['Three Months Ended', 'June 30, 2004'], ['Three Months Ended', 'March 31, 2004'], ['Six Months Ended', 'June 30, 2004']],
      rows: [['Total Operating Revenues', '38,496', '37,153', '75,649']],
    }]);
    const line = text.split('\n').findIndex((l) => l.startsWith('Total Operating Revenues')) + 1;
    const c = checksOf(text).get('derived:revenue_total@6M2004-06-30');
    // 75,649 printed = 37,153 (Q1) + 38,496 (Q2), all three on the one row: the printed figure
    // first, then the quarters it is derived from.
    const ops = c?.operands.map((o) => [o.concept, o.coefficient, o.value?.toString(), o.line]) ?? [];
    expect(ops[0]).toEqual(['revenue_total', 1, '75649', line]);
    expect(ops.slice(1).sort()).toEqual([['revenue_total', 1, '37153', line], ['revenue_total', 1, '38496', line]]);
    expect(c?.lines).toEqual([line]);
  });
});

describe('a percentage with its operands missing', () => {
  test('printed with neither Adjusted EBITDA nor revenue: no check (nothing to recompute it from)', () => {
    expect(checksOf(q2([['  Adjusted EBITDA (% of Revenue)', '6.6%']])).has('adjusted-ebitda-margin@2004Q2')).toBe(false);
  });

  test('printed with revenue but no Adjusted EBITDA: incomplete, naming what is missing; its lines are the two printed', () => {
    const text = q2([['Total Operating Revenues', '40,000'], ['  Adjusted EBITDA (% of Revenue)', '6.6%']]);
    const lineOf = (label: string) => text.split('\n').findIndex((l) => l.startsWith(label)) + 1;
    const c = checksOf(text).get('adjusted-ebitda-margin@2004Q2');
    expect(c?.lines).toEqual([lineOf('  Adjusted EBITDA (%'), lineOf('Total Operating Revenues')]);
    expect(c?.status).toBe('incomplete');
    expect(c?.computed).toBeNull();
    // Each operand traceable: its label as printed, file and line; the missing one named by its concept.
    expect(c?.operands.map((o) => [o.concept, o.label, o.value?.toString() ?? null, o.file, o.line])).toEqual([
      ['adjusted_ebitda_margin', 'Adjusted EBITDA (% of Revenue)', '6.6', 'test.txt', lineOf('  Adjusted EBITDA (%')],
      ['adjusted_ebitda', 'adjusted_ebitda', null, '', null],
      ['revenue_total', 'Total Operating Revenues', '40000', 'test.txt', lineOf('Total Operating Revenues')],
    ]);
    // And the text of its line (none for the missing one).
    expect(c?.operands.map((o) => o.text)).toEqual([text.split('\n')[lineOf('  Adjusted EBITDA (%') - 1], '', text.split('\n')[lineOf('Total Operating Revenues') - 1]]);
  });
});

describe('each operand points at its printed figure', () => {
  const lines = SEED.split('\n');
  /** Where `printed` stands on line `no` (1-based), as [start, end) characters. */
  const span = (no: number, printed: string): [number, number] => {
    const at = lines[no - 1].indexOf(printed);
    return [at, at + printed.length];
  };

  test('a table figure: its line, its characters, and what one printed unit stands for (−1 where printed in parentheses as an expense)', () => {
    // FY2004 guidance, low end (lines 317-322): Adjusted EBITDA $8,000 − D&A (16,000) + gain on
    // sale 300 − stock-based compensation (200) = (7,900). D&A and stock-based compensation are
    // expenses (positive amounts) printed in parentheses: one printed unit is −1 of them.
    const c = checksOf(SEED).get('bridge-adjusted-ebitda@FY2004#guidance-low');
    expect(c?.operands.map((o) => [o.line, o.column, o.unit?.toString(), o.coefficient])).toEqual([
      [322, span(322, '(7,900)'), '1', 1], // a loss, printed negative as it is: +1
      [317, span(317, '$8,000'), '1', 1],
      [318, span(318, '(16,000)'), '-1', -1],
      [319, span(319, '300'), '1', 1],
      [320, span(320, '(200)'), '-1', -1],
    ]);
  });

  test('a figure in the text: its line only (no column, no printed unit)', () => {
    // "$8.0 million" (line 76) against $8,000 in the guidance table (line 317).
    const c = checksOf(SEED).get('same-fact:adjusted_ebitda@FY2004#guidance-low');
    expect(c?.operands.map((o) => [o.line, o.column ?? null, o.unit?.toString() ?? null])).toEqual([
      [76, null, null],
      [317, span(317, '$8,000'), '1'],
    ]);
  });
});

describe('a sum over tables printed in different scales is worked in the total\'s scale', () => {
  // Operations in $ thousands: 38,000 − 17,000 − 18,500 = 2,500 thousand = $2.5 million, the
  // Adjusted EBITDA a reconciliation "in $ millions" prints.
  const text = (ebitda: string) => releaseText([
    { title: OPERATIONS, headers: [Q2_2004], rows: [['Total Operating Revenues', '38,000'], ['Operating Expenses:'], ['  Cost of Operating Revenues', '17,000'], ['  Selling, General and Administrative', '18,500']] },
    { title: 'RECONCILIATION TO GAAP (amounts in $ millions)', headers: [Q2_2004], rows: [['Adjusted EBITDA', ebitda]] },
  ]);
  test.each([
    ['$2.5', 'tie 0'],
    ['$2.6', 'break 0.1'],
  ])('Adjusted EBITDA printed %s million', (ebitda, expected) => {
    expect(outcome(text(ebitda), 'adjusted-ebitda@2004Q2')).toBe(expected);
  });

  test('a total in $ millions rounds the thousands it adds: within half its last digit and half of each term\'s, not a break', () => {
    // Revenues 38,040 thousand: 38,040 − 17,000 − 18,500 = 2,540 thousand = $2.54 million, printed $2.5.
    // Tolerance: 0.05 (the total's last digit) + 3 × 0.0005 (the terms', in millions) = 0.0515.
    const c = checksOf(text('$2.5').replace('38,000', '38,040')).get('adjusted-ebitda@2004Q2');
    expect([c?.status, c?.difference?.toString(), c?.tolerance.toString()]).toEqual(['rounding', '-0.04', '0.0515']);
  });

  test("the check's operands are shown in the total's scale ($ millions), each with the worth of one printed unit there", () => {
    const c = analyze([{ name: 'test.txt', text: text('$2.5') }]).checks.find((x) => x.id === 'adjusted-ebitda@2004Q2');
    // Adjusted EBITDA 2.5 as printed; 38,000, 17,000 and 18,500 thousand are 38, 17 and 18.5 million, one printed unit (a thousand) 0.001 (costs are printed as the positive figures they are).
    expect(c?.operands.filter((o) => o.value !== null).map((o) => [o.value?.toString(), o.unit?.toString()])).toEqual([['2.5', '1'], ['38', '0.001'], ['17', '0.001'], ['18.5', '0.001']]);
  });
});
