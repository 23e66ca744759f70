/**
 * The culprit search's shortcut: the one-digit changes of a break's number that mend the break are
 * found by bisection (the break's difference is monotone in one changed operand). Here they are
 * found the long way, each candidate tried with this test's own arithmetic (cross-multiplied for
 * ratios, so no division rounds), over many made-up breaks of each kind of rule: a sum, a ratio
 * (its reported figure, numerator or denominator changed) and a roll-forward. Both must give the
 * same candidates in the same order (the search breaks ties between candidates by that order).
 */
import Decimal from 'decimal.js';
import type { Check, CheckOperand } from '../src/model/types';
import { mendingCandidates, oneDigitChanges } from '../src/reconcile/triage';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const op = (value: Decimal, coefficient: number, unit: Decimal): CheckOperand => ({
  concept: 'x', label: 'x', coefficient, value, file: 'f', line: 1, text: '', column: [0, 1], unit,
});

const check = (rule: string, operands: CheckOperand[], tolerance: Decimal): Check => ({
  id: `${rule}@2004Q2`, rule, description: '', period: '2004Q2', scenario: 'actual', status: 'break',
  reported: null, computed: null, difference: null, tolerance, operands, lines: [1],
});

/** |reported − computed| ≤ tolerance, in this test's arithmetic: exact products and sums only. */
function mendsByHand(kind: 'sum' | 'ratio' | 'rollforward', values: Decimal[], coefficients: number[], tolerance: Decimal): boolean {
  if (kind === 'ratio') {
    const [r, n, d] = values;
    if (d.isZero()) return true; // no computed value: incomplete, not a break
    // |r − n·f/d| ≤ tol  ⇔  |r·d − n·f| ≤ tol·|d|
    return r.times(d).minus(n.times(coefficients[1])).abs().lte(tolerance.times(d.abs()));
  }
  if (kind === 'rollforward') return values[0].minus(values[1]).minus(values[2]).abs().lte(tolerance);
  let computed = new Decimal(0);
  for (let i = 1; i < values.length; i++) computed = computed.plus(values[i].times(coefficients[i]));
  return values[0].minus(computed).abs().lte(tolerance);
}

const int = (next: () => number, digits: number): number => Math.floor(next() * 10 ** digits);

describe('the candidates that mend a break, found by bisection, are those found by trying each', () => {
  const RULE = { sum: 'bs-total-assets', ratio: 'eps-discontinued', rollforward: 'bs-deficit-rollforward' } as const;

  test.each([
    ['sum', 1], ['sum', 2], ['ratio', 3], ['ratio', 4], ['rollforward', 5], ['rollforward', 6],
  ] as const)('%s breaks (seed %d): every operand changed, 150 made-up checks', (kind, seed) => {
    const next = random(seed);
    let compared = 0;
    let mended = 0;
    for (let n = 0; n < 150; n++) {
      const sign = next() < 0.3 ? -1 : 1;
      let values: Decimal[];
      let coefficients: number[];
      let tolerance: Decimal;
      if (kind === 'ratio') {
        // A per-share amount (2 decimals) against income in thousands over a share count.
        const shares = new Decimal(1 + int(next, 6 + Math.floor(next() * 3)));
        const income = new Decimal(int(next, 1 + Math.floor(next() * 5))).times(sign);
        const eps = income.times(1000).dividedBy(shares).toDecimalPlaces(2).plus(new Decimal(int(next, 1) - 4).dividedBy(100));
        values = [eps, income, shares];
        coefficients = [1, 1000, -1];
        tolerance = new Decimal('0.005');
      } else if (kind === 'rollforward') {
        const start = new Decimal(int(next, 6)).times(sign);
        const flow = new Decimal(int(next, 4));
        values = [start.plus(flow).plus(int(next, 2) - 50), start, flow];
        coefficients = [1, -1, 1];
        tolerance = next() < 0.5 ? new Decimal(0) : new Decimal(1);
      } else {
        const terms = Array.from({ length: 2 + Math.floor(next() * 4) }, () => new Decimal(int(next, 1 + Math.floor(next() * 6))));
        coefficients = [1, ...terms.map(() => (next() < 0.25 ? -1 : 1))];
        const total = terms.reduce((t, v, i) => t.plus(v.times(coefficients[i + 1])), new Decimal(0));
        values = [total.plus(int(next, 3) - 500), ...terms];
        tolerance = next() < 0.5 ? new Decimal(0) : new Decimal(int(next, 1));
      }
      const units = values.map(() => new Decimal(1));
      const c = check(RULE[kind], values.map((v, i) => op(v, coefficients[i], units[i])), tolerance);
      for (let at = 0; at < values.length; at++) {
        const candidates = oneDigitChanges(values[at]);
        const expected = candidates.filter((cand) => {
          const changed = values.slice();
          changed[at] = cand;
          return mendsByHand(kind, changed, coefficients, tolerance);
        });
        const got = mendingCandidates(c, [at], candidates);
        expect(got.map(String)).toEqual(expected.map(String));
        compared++;
        mended += expected.length;
      }
    }
    // Not a vacuous comparison: many operands were tried and some candidates mended their break.
    expect(compared).toBeGreaterThan(300);
    expect(mended).toBeGreaterThan(20);
  });

  test('figures of 18 to 20 digits, which doubles cannot tell apart, are put in their exact order (negative ones too)', () => {
    const next = random(7);
    let mended = 0;
    for (let n = 0; n < 60; n++) {
      const digits = 18 + (n % 3);
      const big = () => new Decimal(String(1 + int(next, 8))).times(new Decimal(10).pow(digits - 9)).plus(int(next, 8));
      const terms = [big(), big()];
      const sign = n % 2 === 0 ? -1 : 1;
      const total = terms[0].plus(terms[1]).times(sign);
      // Off by a few units in the last digits: only a change there mends it, among candidates a double rounds together.
      const values = [total.plus(1 + int(next, 1)), terms[0].times(sign), terms[1].times(sign)];
      const coefficients = [1, 1, 1];
      const tolerance = new Decimal(0);
      const c = check(RULE.sum, values.map((v, i) => op(v, coefficients[i], new Decimal(1))), tolerance);
      for (let at = 0; at < values.length; at++) {
        const candidates = oneDigitChanges(values[at]);
        const expected = candidates.filter((cand) => {
          const changed = values.slice();
          changed[at] = cand;
          return mendsByHand('sum', changed, coefficients, tolerance);
        });
        expect(mendingCandidates(c, [at], candidates).map(String)).toEqual(expected.map(String));
        mended += expected.length;
      }
    }
    expect(mended).toBeGreaterThan(60);
  });

  test('a number standing twice in the break is tried candidate by candidate (no shortcut), with the same answer', () => {
    // 2,000 + 2,000 = 4,500: changing both 2,000s together (at = [1, 2]) to 2,200 or 2,300 does not
    // mend it, 2,250 is no one-digit change; 3,000 + 3,000 = 6,000 is no mend either: none.
    const v = [new Decimal(4500), new Decimal(2000), new Decimal(2000)];
    const c = check(RULE.sum, v.map((x) => op(x, 1, new Decimal(1))), new Decimal(0));
    expect(mendingCandidates(c, [1, 2], oneDigitChanges(new Decimal(2000)))).toEqual([]);
    // 4,400 = 2,200 + 2,200: changing both to 2,200 mends it.
    const w = [new Decimal(4400), new Decimal(2000), new Decimal(2000)];
    const d = check(RULE.sum, w.map((x) => op(x, 1, new Decimal(1))), new Decimal(0));
    expect(mendingCandidates(d, [1, 2], oneDigitChanges(new Decimal(2000))).map(String)).toEqual(['2200']);
  });
});
