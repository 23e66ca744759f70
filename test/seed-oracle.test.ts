/**
 * The engine against the oracle of test/support/seed-oracle.ts (the seed's identities written down
 * by line, with their own arithmetic, nothing from `src/`): on the seed, and on copies of it with
 * one figure changed, every check the engine makes is one the oracle makes, with the same status
 * and difference, and no other. The fuzz test (test/fuzz.test.ts) does the same for every printed
 * figure and random digits.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, checkCounts } from '../src/pipeline';
import { oracleChecks, seedCheckCount } from './support/seed-oracle';

const SEED = readFileSync(path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'), 'utf8');

/** id → `status difference` (differences to 12 decimals: ratios are divisions). */
function summary(checks: Iterable<[string, { status: string; difference: { toFixed(n: number): string } | null }]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, c] of checks) out[id] = `${c.status} ${c.difference === null ? 'null' : c.difference.toFixed(12)}`;
  return out;
}

const engine = (text: string) => summary(analyze([{ name: 'seed.txt', text }]).checks.map((c) => [c.id, c] as [string, typeof c]));
const oracle = (text: string) => summary(oracleChecks(text));

/** The seed with the figure `old` on a line replaced by `text`, right-aligned where it stood. */
function changed(lineNo: number, old: string, text: string): string {
  const lines = SEED.split('\n');
  const line = lines[lineNo - 1];
  const at = line.indexOf(old);
  expect(at).toBeGreaterThanOrEqual(0);
  lines[lineNo - 1] = line.slice(0, at + old.length - text.length) + text + line.slice(at + old.length);
  return lines.join('\n');
}

describe('the seed against its identities as a person reads them', () => {
  test('the same checks, statuses and differences', () => {
    expect(engine(SEED)).toEqual(oracle(SEED));
  });

  test('how many: one per identity and column, one per figure printed twice', () => {
    const { identities, reprints } = seedCheckCount();
    // 7 balance sheet sums × 3 dates, 2 roll-forwards; 15 statement-of-operations identities × 3
    // quarters; 3 bridges/sums × 4 guidance ends; D&A split × 3 quarters.
    expect(identities).toBe(7 * 3 + 2 + 15 * 3 + 3 * 4 + 3);
    // 12 statement rows reprinted in the reconciliation × 3 quarters, Note 1 × 3, text guidance × 4.
    expect(reprints).toBe(12 * 3 + 3 + 4);
    const a = analyze([{ name: 'seed.txt', text: SEED }]);
    expect(a.checks).toHaveLength(identities + reprints);
    // All tie or round but the filing's own inconsistency (Q1 2004 discontinued operations per share).
    const counts = checkCounts(a.checks);
    const o = [...oracleChecks(SEED).values()];
    expect(counts).toMatchObject({
      tie: o.filter((c) => c.status === 'tie').length,
      rounding: o.filter((c) => c.status === 'rounding').length,
      break: 1,
      incomplete: 0,
    });
  });

  test.each([
    // line, printed, changed to: what a person expects to break is in the oracle, not written here twice.
    [199, '48,332', '48,333'], // Total Current Assets
    [246, '(62)', '(63)'], // Gain on Sale among Operating Expenses (printed the other way)
    [254, '(67)', '(68)'], // Interest Expense
    [262, '78,417,485', '98,417,485'], // the share count: per-share amounts recompute
    [270, '53.9%', '54.0%'], // a percentage one tenth off
    [289, '(1,964)', '(1,965)'], // D&A allocated to cost of revenues (also in Note 1)
    [297, '(3,879)', '(3,870)'], // the reconciliation's reprint of D&A
    [318, '(16,000)', '(16,001)'], // FY2004 guidance D&A
    [352, '$ 900', '$ 901'], // FY2005 guidance net income, high end
  ])('line %i: %s changed to %s', (line, old, text) => {
    const mutated = changed(line, old, text);
    const expected = oracle(mutated);
    expect(engine(mutated)).toEqual(expected);
    // And the change is seen: some check that tied or rounded now breaks.
    const before = oracle(SEED);
    expect(Object.keys(expected).filter((id) => expected[id].startsWith('break') && !before[id].startsWith('break')).length).toBeGreaterThan(0);
  });

  test.each([
    // Q2 2004 discontinued operations per share $0.01: net loss per share ($0.02) = ($0.02) + $0.01
    // is off by $0.01, within the three figures' half cents ($0.015): it rounds (the ratio breaks).
    [266, '$0.00', '$0.01', 'eps-sum@2004Q2', 'rounding'],
    // FY2004 Adjusted EBITDA guidance, low end, $8,040 in the table against "$8.0 million" in the text:
    // 40 thousand apart, within half a tenth of a million (50).
    [317, '$8,000', '$8,040', 'same-fact:adjusted_ebitda@FY2004#guidance-low', 'rounding'],
    [317, '$8,000', '$8,051', 'same-fact:adjusted_ebitda@FY2004#guidance-low', 'break'],
  ])('near a tolerance: line %i %s changed to %s, %s %s', (line, old, text, id, status) => {
    const mutated = changed(line, old, text);
    const expected = oracle(mutated);
    expect(expected[id]).toMatch(new RegExp(`^${status} `));
    expect(engine(mutated)).toEqual(expected);
  });

  test.each([
    // A figure that is no number ('--', '(5': test/numbers.test.ts) is left out with a warning; a
    // check it stands in cannot be computed: incomplete, never a break or a tie.
    [195, '11,611', '--', 'bs-current-assets@2004-06-30'], // Accounts Receivable, a term
    [262, '78,417,485', '(5', 'eps-net-loss@2004Q2'], // the share count, a denominator
  ])('unreadable: line %i %s changed to %s, %s incomplete', (line, old, text, id) => {
    const mutated = changed(line, old, text.padStart(old.length));
    const expected = oracle(mutated);
    expect(expected[id]).toBe('incomplete null');
    expect(engine(mutated)).toEqual(expected);
  });
});
