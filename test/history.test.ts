/**
 * Mpower across quarters: the releases of a model's history imported in any order give the same
 * Dataset, checks and SheetPlan; derived periods carry their derivation. Fixtures (each labelled
 * synthetic in its first line) are test/fixtures/mpwr-*-ex99-1.*; expected numbers are read off
 * their text (line numbers given), sums done by hand.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, type Analysis, type SourceText } from '../src/pipeline';
import { buildPlan } from '../src/workbook/layout';

const read = (dir: string, name: string): SourceText => ({ name, text: readFileSync(path.resolve(__dirname, dir, name), 'utf8') });
const Q4_2003 = read('fixtures', 'mpwr-2003q4-ex99-1.txt');
const Q1_2004 = read('fixtures', 'mpwr-2004q1-ex99-1.txt');
const SEED = read('../assets/filings', 'mpwr-2004q2-ex99-1.txt');
const Q4_2004 = read('fixtures', 'mpwr-2004q4-ex99-1.htm');
/** In release order. */
const HISTORY = [Q4_2003, Q1_2004, SEED, Q4_2004];

/** Everything an import produces, as comparable text. */
function state(a: Analysis): { facts: string[]; derived: string[]; checks: string[]; restatements: string[]; plan: string } {
  return {
    facts: a.dataset.facts().map((f) => `${f.concept}|${f.period.key}|${f.scenario}|${f.value.toString()}|${f.source.file}:${f.source.line}`),
    derived: a.derived.facts().map((f) => `${f.concept}|${f.period.key}|${f.value.toString()}|${f.derivation?.formula}`),
    checks: a.checks.map((c) => `${c.id}|${c.status}|${c.reported?.toString()}|${c.computed?.toString()}|${c.operands.map((o) => `${o.file}:${o.line}`).join(',')}`),
    restatements: a.dataset.restatements.map((r) => `${r.concept}|${r.period}|${r.previous.source.file}|${r.current.source.file}`),
    plan: JSON.stringify(buildPlan(a)),
  };
}

describe('the history imported in any order', () => {
  const orders: [string, SourceText[]][] = [
    ['time order', HISTORY],
    ['reverse', [...HISTORY].reverse()],
    ['shuffle 1', [SEED, Q4_2003, Q4_2004, Q1_2004]],
    ['shuffle 2', [Q4_2004, Q1_2004, Q4_2003, SEED]],
    ['shuffle 3', [Q1_2004, SEED, Q4_2004, Q4_2003]],
  ];
  const reference = state(analyze(HISTORY));

  test.each(orders.slice(1))('%s gives the same facts, derived facts, checks, restatements and SheetPlan', (_name, order) => {
    const s = state(analyze(order));
    expect(s.facts).toEqual(reference.facts);
    expect(s.derived).toEqual(reference.derived);
    expect(s.checks).toEqual(reference.checks);
    expect(s.restatements).toEqual(reference.restatements);
    expect(s.plan === reference.plan).toBe(true);
  });

  test('one at a time onto the ones before (as refreshes do) gives the same as all at once', () => {
    let base: SourceText[] = [];
    let last: Analysis | undefined;
    for (const s of [Q4_2004, SEED, Q4_2003, Q1_2004]) {
      last = analyze([s], base);
      base = [...base, s];
    }
    expect(state(last as Analysis)).toEqual(reference);
  });

  test('the filings stand in release order and every check holds but the seed\'s own break', () => {
    const a = analyze([...HISTORY].reverse());
    expect(a.dataset.filings.map((f) => f.date)).toEqual(['2004-02-26', '2004-04-29', '2004-07-29', '2005-02-24']);
    expect(a.checks.filter((c) => c.status === 'break').map((c) => c.id)).toEqual(['eps-discontinued@2004Q1']);
  });
});

describe('derived periods', () => {
  const a = analyze(HISTORY);

  test('2004Q3 revenue, printed nowhere here, is FY2004 − 2004Q1 − 2004Q2 − 2004Q4 = 151,049 − 37,153 − 38,496 − 37,790', () => {
    // FY2004 and 2004Q4 from the Q4 2004 release's statement of operations; 2004Q1 and 2004Q2 from the seed (newest for them).
    expect(a.dataset.get('revenue_total', '2004Q3')).toBeUndefined();
    const q3 = a.derived.get('revenue_total', '2004Q3');
    expect(q3?.value.toString()).toBe('37610');
    expect(q3?.derivation?.kind).toBe('difference');
    expect(q3?.derivation?.formula).toBe('FY2004 − 2004Q1 − 2004Q2 − 2004Q4');
    expect(q3?.derivation?.operands.map((o) => [o.fact.period.key, o.coefficient, o.fact.source.file])).toEqual([
      ['FY2004', 1, Q4_2004.name], ['2004Q1', -1, SEED.name], ['2004Q2', -1, SEED.name], ['2004Q4', -1, Q4_2004.name],
    ]);
  });

  test('LTM to June 2004 is the sum of four quarters, one of them derived (2003Q3 = FY2003 − 2003Q1 − 2003Q2 − 2003Q4)', () => {
    // 2003Q3 = 148,200 − 36,640 − 37,758 − 36,912 = 36,890; LTM = 36,890 + 36,912 + 37,153 + 38,496 = 149,451.
    expect(a.derived.get('revenue_total', '2003Q3')?.value.toString()).toBe('36890');
    const ltm = a.derived.get('revenue_total', '12M2004-06-30');
    expect(ltm?.value.toString()).toBe('149451');
    expect(ltm?.derivation?.formula).toBe('2003Q3 + 2003Q4 + 2004Q1 + 2004Q2');
    expect(ltm?.derivation?.operands[0].fact.derivation?.kind).toBe('difference');
    // Adjusted EBITDA LTM: 340 (2003Q3 = 436 + 1,570 + 782 − 2,448) + 2,448 + 3,216 + 2,544 = 8,548.
    expect(a.derived.get('adjusted_ebitda', '2003Q3')?.value.toString()).toBe('340');
    expect(a.derived.get('adjusted_ebitda', '12M2004-06-30')?.value.toString()).toBe('8548');
  });

  test('a derived ratio is recomputed from its derived operands, never summed', () => {
    // 2004Q3 Adjusted EBITDA = 8,936 − 3,216 − 2,544 − 1,862 = 1,314; margin = 1,314 / 37,610 × 100.
    const m = a.derived.get('adjusted_ebitda_margin', '2004Q3');
    expect(m?.derivation?.kind).toBe('ratio');
    expect(m?.value.toNumber()).toBeCloseTo((1314 / 37610) * 100, 12);
    // No percentage or per-share amount is ever added up over quarters.
    expect(a.derived.get('adjusted_ebitda_margin', '6M2004-06-30')?.derivation?.kind).toBe('ratio');
    expect(a.derived.facts().filter((f) => f.amount.kind !== 'money' && f.derivation?.kind !== 'ratio')).toEqual([]);
    expect(a.derived.get('eps_net_loss_basic_diluted', '2004Q3')).toBeUndefined();
    expect(a.derived.get('weighted_average_shares', '2004Q3')).toBeUndefined();
  });

  test('balances are never summed or subtracted', () => {
    expect(a.derived.facts().filter((f) => f.period.type === 'instant' || f.statement === 'balance_sheet')).toEqual([]);
    expect(a.derived.get('cash_and_equivalents', '12M2004-06-30')).toBeUndefined();
    expect(a.derived.get('accumulated_deficit', 'FY2004')).toBeUndefined();
  });
});
