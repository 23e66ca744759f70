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
import { FormulaData } from '../src/formulas/data';
import { callFunction } from '../src/formulas/functions-impl';
import { isFormulaError } from '../src/formulas/values';

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

describe('functions over the history', () => {
  const data = new FormulaData(analyze(HISTORY));
  const call = (name: string, ...args: unknown[]) => callFunction(data, name, args);
  const error = (r: unknown) => (isFormulaError(r) ? { code: r.code, message: r.message } : { value: r });

  test('every period form: 9M, YTD, H1, FY, LTM of a quarter, LTM (latest), a derived quarter', () => {
    // 37,153 + 38,496 + 37,610 (2004Q3 derived) = 113,259; H1: 37,153 + 38,496 = 75,649.
    expect(call('REVENUE', '9M 2004')).toBe(113259);
    expect(call('REVENUE', '9M04')).toBe(113259);
    expect(call('REVENUE', 'YTD Q3 2004')).toBe(113259);
    expect(call('REVENUE', 'Q3 2004 YTD')).toBe(113259);
    expect(call('REVENUE', 'nine months 2004')).toBe(113259);
    expect(call('REVENUE', '9M2004-09-30')).toBe(113259);
    expect(call('REVENUE', 'H1 2004')).toBe(75649);
    expect(call('REVENUE', '1H04')).toBe(75649);
    expect(call('REVENUE', 'FY2004')).toBe(151049); // printed, Q4 2004 release
    // 36,912 + 37,153 + 38,496 + 37,610 = 150,171.
    expect(call('REVENUE', 'LTM Q3 2004')).toBe(150171);
    expect(call('REVENUE', 'TTM 3Q04')).toBe(150171);
    expect(call('VALUE', 'Total Operating Revenues', 'LTM')).toBe(151049); // the latest quarter is 2004Q4: LTM = FY2004
    expect(call('REVENUE', 'LTM-1')).toBe(150171);
    expect(call('REVENUE', 'Q3 2004')).toBe(37610);
    expect(call('ADJ_EBITDA', 'Q3 2003')).toBe(340);
    // A ratio for a derived period: 7,074 / 113,259 (9M Adjusted EBITDA 3,216 + 2,544 + 1,314).
    expect(call('ADJ_EBITDA_MARGIN', '9M 2004')).toBeCloseTo(7074 / 113259, 12);
    // A balance for a span is the balance at its end; an LTM of a balance is refused.
    expect(call('CASH', 'H1 2004')).toBe(32356);
    expect(error(call('CASH', 'LTM Q2 2004'))).toEqual({ code: '#VALUE!', message: expect.stringMatching(/is a balance: it has no LTM/) });
  });

  test('LTM(item, [period]) for revenue and Adjusted EBITDA', () => {
    expect(call('LTM', 'Revenue', 'Q2 2004')).toBe(149451);
    // 340 + 2,448 + 3,216 + 2,544 = 8,548.
    expect(call('LTM', 'Adjusted EBITDA', 'Q2 2004')).toBe(8548);
    expect(call('LTM', 'Adjusted EBITDA')).toBe(8936); // latest: FY2004 as printed
    expect(call('LTM', 'Adjusted EBITDA', 2003)).toBe(436);
    expect(call('LTM', 'Adjusted EBITDA', 'Q2 2004', 'millions')).toBeCloseTo(8.548, 12);
    expect(error(call('LTM', 'Adjusted EBITDA', '9M 2004'))).toEqual({ code: '#VALUE!', message: expect.stringMatching(/LTM takes the quarter/) });
  });

  test('GROWTH(item, period, [basis]) for revenue and Adjusted EBITDA, yoy by default, qoq on request', () => {
    expect(call('GROWTH', 'Revenue', 'Q4 2004')).toBeCloseTo((37790 - 36912) / 36912, 12);
    expect(call('GROWTH', 'Revenue', 'Q2 2004', 'qoq')).toBeCloseTo((38496 - 37153) / 37153, 12);
    expect(call('GROWTH', 'Revenue', 'FY2004')).toBeCloseTo((151049 - 148200) / 148200, 12);
    expect(call('GROWTH', 'Revenue', 'LTM Q3 2004', 'qoq')).toBeCloseTo((150171 - 149451) / 149451, 12);
    // From a loss to a profit is growth: (2,544 − (−782)) / 782.
    expect(call('GROWTH', 'Adjusted EBITDA', 'Q2 2004')).toBeCloseTo((2544 + 782) / 782, 12);
    expect(call('GROWTH', 'Adjusted EBITDA', 'FY2004')).toBeCloseTo((8936 - 436) / 436, 12);
    // A derived quarter against a printed one: 2004Q3 (1,314) over 2003Q3 (340), both derived.
    expect(call('GROWTH', 'Adjusted EBITDA', 'Q3 2004')).toBeCloseTo((1314 - 340) / 340, 12);
    expect(error(call('GROWTH', 'Revenue', 'FY2004', 'qoq'))).toEqual({ code: '#VALUE!', message: expect.stringMatching(/use "yoy"/) });
    expect(error(call('GROWTH', 'Revenue', 'Q2 2004', 'weekly'))).toEqual({ code: '#VALUE!', message: expect.stringMatching(/^basis must be/) });
    expect(error(call('GROWTH', 'Adjusted EBITDA margin', 'Q2 2004')).code).toBe('#VALUE!');
    expect(error(call('GROWTH', 'Revenue', 'Q1 2003')).code).toBe('#N/A'); // no 2002Q1
  });

  test('SERIES over quarters says which are derived', () => {
    const s = call('SERIES', 'Revenue', '2003', '2004') as unknown[][];
    expect(s[0]).toEqual(['2003Q1', '2003Q2', '2003Q3', '2003Q4', '2004Q1', '2004Q2', '2004Q3', '2004Q4']);
    expect(s[1]).toEqual([36640, 37758, 36890, 36912, 37153, 38496, 37610, 37790]);
    expect(s[2]).toEqual(['printed', 'printed', 'derived: FY2003 − 2003Q1 − 2003Q2 − 2003Q4', 'printed', 'printed', 'printed', 'derived: FY2004 − 2004Q1 − 2004Q2 − 2004Q4', 'printed']);
  });

  test('SOURCE of a derived value names its derivation and every line it rests on', () => {
    const s = call('SOURCE', 'Revenue', 'Q3 2004') as string;
    expect(s).toMatch(/^derived: FY2004 − 2004Q1 − 2004Q2 − 2004Q4 = 151,049 − 37,153 − 38,496 − 37,790; FY2004: mpwr-2004q4-ex99-1\.htm, line \d+: Total Operating Revenues 37,790 151,049 148,200; 2004Q1: mpwr-2004q2-ex99-1\.txt, line 238: /);
    expect(call('SOURCE', 'Revenue', 'Q2 2004')).toMatch(/^mpwr-2004q2-ex99-1\.txt, line 238: Total Operating Revenues/);
    expect(call('SOURCE', 'Adjusted EBITDA margin', 'Q3 2004')).toMatch(/^derived: adjusted_ebitda ÷ revenue_total × 100 \(2004Q3\) = 1,314 ÷ 37,610 × 100; 2004Q3 Adjusted EBITDA: \[derived: FY2004 − /);
  });

  test('a period neither printed nor derivable is #N/A listing what it would need', () => {
    expect(error(call('REVENUE', 'Q3 2002'))).toEqual({ code: '#N/A', message: expect.stringMatching(/No Total Operating Revenues for 2002Q3; imported periods: .*; not derivable: needs 9M2002-09-30 and 6M2002-06-30/) });
    expect(error(call('REVENUE', 'LTM Q3 2002'))).toEqual({ code: '#N/A', message: expect.stringMatching(/not derivable: needs its quarters 2001Q4 to 2002Q3 \(missing: 2001Q4, 2002Q1, 2002Q2, 2002Q3\)/) });
    expect(error(call('REVENUE', 'Q1 2002'))).toEqual({ code: '#N/A', message: expect.stringMatching(/2002Q1 opens its year, so only a release can print it/) });
    expect(error(call('EPS', 'Q3 2004'))).toEqual({ code: '#N/A', message: expect.stringMatching(/not derivable: Net Loss per Share is not a flow/) });
  });
});
