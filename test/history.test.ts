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
import { conceptForLabel } from '../src/model/concepts';
import { guidanceHistory } from '../src/model/guidance';
import { Dataset, valueIn } from '../src/model/dataset';
import type { Fact } from '../src/model/types';
import { beforeShared } from './support/shared';

const read = (dir: string, name: string): SourceText => ({ name, text: readFileSync(path.resolve(__dirname, dir, name), 'utf8') });
const Q4_2003 = read('fixtures', 'mpwr-2003q4-ex99-1.txt');
const Q1_2004 = read('fixtures', 'mpwr-2004q1-ex99-1.txt');
const SEED = read('../assets/filings', 'mpwr-2004q2-ex99-1.txt');
const Q3_2004 = read('fixtures', 'mpwr-2004q3-ex99-1.txt');
const Q4_2004 = read('fixtures', 'mpwr-2004q4-ex99-1.htm');
/** The four new releases and the seed, in release order. */
const ALL = [Q4_2003, Q1_2004, SEED, Q3_2004, Q4_2004];
/** Without the Q3 2004 release, 2003Q3 and 2004Q3 are printed nowhere: they are derived. */
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
    ['reverse', [...ALL].reverse()],
    ['shuffle 1', [SEED, Q3_2004, Q4_2003, Q4_2004, Q1_2004]],
    ['shuffle 2', [Q4_2004, Q1_2004, Q3_2004, Q4_2003, SEED]],
    ['shuffle 3', [Q1_2004, Q4_2004, SEED, Q4_2003, Q3_2004]],
  ];
  let reference: ReturnType<typeof state>;
  beforeShared(() => { reference = state(analyze(ALL)); });

  test.each(orders)('%s gives the same facts, derived facts, checks, restatements and SheetPlan as time order', (_name, order) => {
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
    for (const s of [Q4_2004, SEED, Q3_2004, Q4_2003, Q1_2004]) {
      last = analyze([s], base);
      base = [...base, s];
    }
    expect(state(last as Analysis)).toEqual(reference);
  });

  test('the filings stand in release order; every check holds but the seed\'s own break; the one restatement is the Q3 release\'s', () => {
    const a = analyze([...ALL].reverse());
    expect(a.dataset.filings.map((f) => f.date)).toEqual(['2004-02-26', '2004-04-29', '2004-07-29', '2004-10-28', '2005-02-24']);
    expect(a.checks.filter((c) => c.status === 'break').map((c) => c.id)).toEqual(['eps-discontinued@2004Q1']);
    expect(a.checks.filter((c) => c.status === 'incomplete' || c.status === 'unverified')).toEqual([]);
    // mpwr-2004q3 lines 1-2 say so: 2004Q2 Interest Expense (72), was (67); Other Expense (90), was (95).
    expect(a.dataset.restatements.map((r) => `${r.concept} ${r.period}: ${r.previous.value} → ${r.current.value}`)).toEqual([
      'interest_expense 2004Q2: 67 → 72',
      'other_expense 2004Q2: 95 → 90',
    ]);
    expect(a.dataset.get('interest_expense', '2004Q2')?.source.file).toBe(Q3_2004.name);
  });

  test('printed periods agree with their derivations: years and nine months against their quarters', () => {
    const a = analyze(ALL);
    const derivedChecks = a.checks.filter((c) => c.rule.startsWith('derived:'));
    const byId = new Map(derivedChecks.map((c) => [c.id, c]));
    // FY2003 revenue 148,200 (Q4 2004 release) = 36,640 + 37,758 + 36,890 + 36,912, one quarter from each release.
    const fy = byId.get('derived:revenue_total@FY2003');
    expect([fy?.status, fy?.reported?.toString(), fy?.computed?.toString()]).toEqual(['tie', '148200', '148200']);
    expect(fy?.operands.map((o) => o.file)).toEqual([Q4_2004.name, Q1_2004.name, SEED.name, Q3_2004.name, Q4_2003.name]);
    // 9M2004 (Q3 release) = 37,153 + 38,496 + 37,610; FY2004 = 9M + 37,790.
    expect(byId.get('derived:revenue_total@9M2004-09-30')?.status).toBe('tie');
    expect(byId.get('derived:adjusted_ebitda@FY2004')?.status).toBe('tie');
    // The restated 2004Q2 interest expense (72) is the one the nine months add: 66 + 72 + 70 = 208.
    const ie = byId.get('derived:interest_expense@9M2004-09-30');
    expect([ie?.status, ie?.reported?.toString(), ie?.computed?.toString()]).toEqual(['tie', '208', '208']);
    expect(derivedChecks.every((c) => c.status === 'tie')).toBe(true);
    // Flows only: no check of a balance or a percentage against a sum.
    expect(derivedChecks.filter((c) => /cash|deficit|margin_pct|ebitda_margin|eps|shares/.test(c.id))).toEqual([]);
  });
});

describe('a printed period that disagrees with its derivation', () => {
  // The Q4 2003 release with 100 of its fourth quarter core customer revenue moved to switched access
  // (line 121: $32,690 → $32,790; line 122: 4,222 → 4,122): the release still adds up in itself.
  const lines = Q4_2003.text.split('\n');
  lines[120] = lines[120].replace('$32,690', '$32,790');
  lines[121] = lines[121].replace('4,222', '4,122');
  const mutated: SourceText = { name: 'mpwr-2003q4-moved.txt', text: lines.join('\n') };

  test('a year against its quarters: a break listing the printed line and every line of the derivation', () => {
    const a = analyze([mutated, Q1_2004, SEED, Q3_2004, Q4_2004]);
    const c = a.checks.find((x) => x.id === 'derived:revenue_core_customer@FY2003');
    // 129,612 printed (Q4 2004 release) against 32,236 + 32,139 + 32,547 + 32,790 = 129,712.
    expect([c?.status, c?.reported?.toString(), c?.computed?.toString(), c?.difference?.toString()]).toEqual(['break', '129612', '129712', '-100']);
    expect(c?.operands.map((o) => `${o.file}:${o.line}`)).toEqual([
      `${Q4_2004.name}:876`, `${Q1_2004.name}:114`, `${SEED.name}:235`, `${Q3_2004.name}:119`, `${mutated.name}:121`,
    ]);
    expect(a.checks.filter((x) => x.status === 'break').map((x) => x.id).sort()).toEqual([
      'derived:revenue_core_customer@FY2003', 'derived:revenue_switched_access@FY2003', 'eps-discontinued@2004Q1',
    ]);
  });

  test('a quarter against the year to date less the quarters before it (no 2003Q1 imported)', () => {
    const a = analyze([mutated, SEED, Q3_2004, Q4_2004]);
    const c = a.checks.find((x) => x.id === 'derived:revenue_core_customer@2003Q4');
    // 32,790 printed against FY2003 − 9M2003 = 129,612 − 96,922 = 32,690; tolerance 3 × 0.5.
    expect([c?.status, c?.reported?.toString(), c?.computed?.toString(), c?.tolerance.toString()]).toEqual(['break', '32790', '32690', '1.5']);
    expect(c?.description).toMatch(/Core Customer 2003Q4 = FY2003 − 9M2003-09-30$/);
    expect(c?.operands.map((o) => `${o.file}:${o.line}`)).toEqual([`${mutated.name}:121`, `${Q4_2004.name}:876`, `${Q3_2004.name}:119`]);
  });
});

describe('derived periods', () => {
  let a: Analysis;
  beforeShared(() => { a = analyze(HISTORY); });

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

  test('2003Q4 from FY2003 − 9M2003 where no release prints that quarter\'s column', () => {
    // Without the Q4 2003 release: FY2003 from the Q4 2004 release, 9M2003 from the Q3 2004 release.
    const b = analyze([Q1_2004, SEED, Q3_2004, Q4_2004]);
    expect(b.dataset.get('revenue_total', '2003Q4')).toBeUndefined();
    const q4 = b.derived.get('revenue_total', '2003Q4');
    expect(q4?.derivation?.formula).toBe('FY2003 − 9M2003-09-30');
    expect(q4?.value.toString()).toBe('36912'); // 148,200 − 111,288: what the Q4 2003 release prints (line 124)
    expect(b.derived.get('adjusted_ebitda', '2003Q4')?.value.toString()).toBe('2448'); // 436 − (−2,012)
    expect(b.derived.get('net_loss', '2003Q4')?.value.toString()).toBe('-1227'); // −15,418 − (−14,191)
    // Its margin, recomputed: 2,448 / 36,912 × 100 (the Q4 2003 release prints 6.6%).
    expect(b.derived.get('adjusted_ebitda_margin', '2003Q4')?.value.toNumber()).toBeCloseTo((2448 / 36912) * 100, 12);
    expect(b.derived.get('accumulated_deficit', '2003Q4')).toBeUndefined();
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
  let data: FormulaData;
  beforeShared(() => { data = new FormulaData(analyze(HISTORY)); });
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

describe('label drift: what a label means depends on the release date', () => {
  let a: Analysis;
  let data: FormulaData;
  beforeShared(() => { a = analyze(ALL); data = new FormulaData(a); });

  test('the Q4 2003 release\'s "Gross Margin" is adjusted gross margin; the same words in the Q3 2004 release are GAAP gross margin', () => {
    // mpwr-2003q4 line 156: Gross Margin $20,318 (2003Q4), 55.0% on line 157; its GAAP line is "Gross Margin including ... (GAAP)" $18,468.
    const agm = a.dataset.get('adjusted_gross_margin', '2003Q4');
    expect([agm?.value.toString(), agm?.label, agm?.source.line]).toEqual(['20318', 'Gross Margin', 156]);
    expect(a.dataset.get('adjusted_gross_margin_pct', '2003Q4')?.value.toString()).toBe('55');
    expect(a.dataset.get('gross_margin', '2003Q4')?.value.toString()).toBe('18468');
    // mpwr-2004q3 line 184: Gross Margin $17,604 (2004Q3) is GAAP gross margin (Adjusted Gross Margin is $19,594 on line 155).
    const gm = a.dataset.get('gross_margin', '2004Q3');
    expect([gm?.value.toString(), gm?.label, gm?.source.line]).toEqual(['17604', 'Gross Margin', 184]);
    expect(a.checks.find((c) => c.id === 'bridge-gross-margin@2003Q4')?.status).toBe('tie'); // 20,318 − 1,850 = 18,468
    expect(a.checks.find((c) => c.id === 'bridge-gross-margin@2004Q3')?.status).toBe('tie'); // 19,594 − 1,990 = 17,604
  });

  test('undated text and formulas take today\'s meaning; a value read under an old label says so beside it', () => {
    expect(conceptForLabel('Gross Margin', 'money', '')?.id).toBe('gross_margin');
    expect(conceptForLabel('Gross Margin', 'money', '2004-02-26')?.id).toBe('adjusted_gross_margin');
    expect(conceptForLabel('Gross Margin', 'money', '2004-10-28')?.id).toBe('gross_margin');
    expect(callFunction(data, 'VALUE', ['Gross Margin', 'Q4 2003'])).toBe(18468);
    expect(callFunction(data, 'ADJ_GROSS_MARGIN', ['Q4 2003'])).toBe(20318);
    expect(callFunction(data, 'SOURCE', ['Adjusted Gross Margin', 'Q4 2003'])).toBe(
      'mpwr-2003q4-ex99-1.txt, line 156: Gross Margin $20,318 $18,150 $76,263 $73,100; printed as "Gross Margin": Mpower\'s name for Adjusted Gross Margin in releases before April 2004',
    );
    expect(callFunction(data, 'SOURCE', ['Gross Margin', 'Q3 2004'])).toMatch(/^mpwr-2004q3-ex99-1\.txt, line 184: Gross Margin \$17,604 [^;]*$/);
  });
});

describe('a definition change, recorded from the release that states it', () => {
  const Q3_2005 = read('fixtures', 'mpwr-2005q3-ex99-1.txt');
  let a: Analysis;
  let data: FormulaData;
  beforeShared(() => { a = analyze([...ALL, Q3_2005]); data = new FormulaData(a); });

  test('the Q3 2005 release states it (line 15): from 2005Q3, adjusted gross margin also excludes incremental transition expenses', () => {
    const changes = data.definitionChanges();
    expect(changes.map((c) => [c.concept, c.from, c.before, c.file, c.line, c.release])).toEqual([
      ['adjusted_gross_margin', '2005Q3', '2005-06-30', Q3_2005.name, 15, '2005-10-27'],
    ]);
    expect(changes[0].text).toMatch(/^Beginning with the third quarter of 2005, adjusted gross margin also excludes "incremental transition expenses"/);
    // Its tables add up under the new definition: 38,500 − 17,900 = 20,600; 20,600 − 2,150 − 460 = 17,990 (GAAP).
    expect(a.checks.filter((c) => c.period === '2005Q3' && c.status !== 'tie' && c.status !== 'rounding')).toEqual([]);
    expect(a.checks.find((c) => c.id === 'bridge-gross-margin@2005Q3')?.status).toBe('tie');
    expect(a.checks.find((c) => c.id === 'ops-expenses@2005Q3')?.status).toBe('tie');
    expect(a.checks.find((c) => c.id === 'adjusted-ebitda@2005Q3')?.status).toBe('tie'); // 38,500 − 17,900 − 460 − 17,800 = 2,340
  });

  test('shown beside the values it affects, never merged silently with the old definition', () => {
    expect(callFunction(data, 'ADJ_GROSS_MARGIN', ['Q3 2005'])).toBe(20600);
    expect(callFunction(data, 'SOURCE', ['Adjusted Gross Margin', 'Q3 2005'])).toMatch(/; under the definition from 2005Q3: "Beginning with the third quarter of 2005, .*" \(mpwr-2005q3-ex99-1\.txt, line 15\)$/);
    // 2004Q3 is under the old definition, whichever release printed it last.
    expect(callFunction(data, 'SOURCE', ['Adjusted Gross Margin', 'Q3 2004'])).not.toMatch(/definition/);
    const g = callFunction(data, 'GROWTH', ['Adjusted Gross Margin', 'Q3 2005']);
    expect(isFormulaError(g) && [g.code, g.message]).toEqual(['#N/A', expect.stringMatching(/^Adjusted Gross Margin of 2004Q3 and of 2005Q3 are under different definitions/)]);
    // Revenue's definition did not change: (38,500 − 37,610) / 37,610.
    expect(callFunction(data, 'GROWTH', ['Revenue', 'Q3 2005'])).toBeCloseTo((38500 - 37610) / 37610, 12);
  });
});

describe('a definition change stated another way', () => {
  // The Q3 2005 release's line 15 reads "Beginning with the third quarter of 2005, adjusted gross
  // margin also excludes"; the sentence goes on to line 18.
  const restated = (line15: string): SourceText => {
    const q = read('fixtures', 'mpwr-2005q3-ex99-1.txt');
    const lines = q.text.split('\n');
    lines[14] = line15;
    return { name: 'mpwr-2005q3-reworded.txt', text: lines.join('\n') };
  };
  const changes = (line15: string) => new FormulaData(analyze([restated(line15)])).definitionChanges().map((c) => [c.concept, c.from, c.before, c.line]);

  test('without a date it takes effect in the quarter the release reports (2005Q3, after 2005-06-30)', () => {
    expect(changes('Adjusted gross margin also excludes')).toEqual([['adjusted_gross_margin', '2005Q3', '2005-06-30', 15]]);
  });

  test('two measures named before the verb: the one named last is the one that changes', () => {
    expect(changes('Beginning with the first quarter of 2005, as with adjusted gross margin, adjusted EBITDA also excludes')).toEqual([
      ['adjusted_ebitda', '2005Q1', '2004-12-31', 15],
    ]);
  });
});

describe('guidance revised by a later release', () => {
  test.each([
    ['time order', ALL],
    ['reverse', [...ALL].reverse()],
  ])('%s: the newest range wins, a reiterated range is one range, earlier ranges stay visible with their dates', (_name, order) => {
    const a = analyze(order);
    const data = new FormulaData(a);
    // FY2005 Adjusted EBITDA: $16.0–$18.0 million in four releases (the seed's table, lines 340-341, and its text), then $12.0–$15.0 million (Q4 2004 release).
    expect(callFunction(data, 'GUIDANCE', ['Adjusted EBITDA', 2005, 'low'])).toBe(12000);
    expect(callFunction(data, 'GUIDANCE', ['Adjusted EBITDA', 2005, 'high'])).toBe(15000);
    const h = guidanceHistory(a.dataset, 'adjusted_ebitda', 'FY2005');
    // (The Q4 2003 release states it in text only, in $ millions: compared in $ thousands.)
    const k = (f: Fact | undefined) => (f ? valueIn(f, 'thousands').toString() : undefined);
    expect(h.map((r) => [k(r.low), k(r.high), r.releases.map((x) => x.date)])).toEqual([
      ['16000', '18000', ['2004-02-26', '2004-04-29', '2004-07-29', '2004-10-28']],
      ['12000', '15000', ['2005-02-24']],
    ]);
    // FY2004 revenue: $152.6–$155.6 million until the Q3 2004 release revised it to $150.0–$152.0 million (text only, in $ millions).
    expect(callFunction(data, 'GUIDANCE', ['Revenue', 2004, 'mid'])).toBe(151000);
    expect(callFunction(data, 'SOURCE', ['Revenue', 'FY2004 low'])).toMatch(
      /; range 150,000 to 152,000 \(mpwr-2004q3-ex99-1\.txt, 2004-10-28\); revised from 152,600 to 155,600 \(mpwr-2003q4-ex99-1\.txt, 2004-02-26; mpwr-2004q1-ex99-1\.txt, 2004-04-29; mpwr-2004q2-ex99-1\.txt, 2004-07-29\)$/,
    );
    // A revision is not a restatement.
    expect(a.dataset.restatements.filter((r) => r.scenario !== 'actual')).toEqual([]);
  });
});

describe('SOURCE of a guidance midpoint', () => {
  test('names both lines when the ends stand on two (the Q3 2004 release, lines 46-47: "$150.0 / million to $152.0 million"), one line when on one (its table, line 236)', () => {
    const data = new FormulaData(analyze([Q3_2004]));
    const revenue = callFunction(data, 'SOURCE', ['Revenue', 'FY2004 mid']) as string;
    expect(revenue).toMatch(/^\(low \+ high\) \/ 2 of mpwr-2004q3-ex99-1\.txt, line 46: .*\$150\.0 \| mpwr-2004q3-ex99-1\.txt, line 47: million to \$152\.0 million/);
    const ebitda = callFunction(data, 'SOURCE', ['Adjusted EBITDA', 'FY2005 mid']) as string;
    expect(ebitda).toMatch(/^\(low \+ high\) \/ 2 of mpwr-2004q3-ex99-1\.txt, line 236: +Adjusted EBITDA +\$16,000 +\$18,000/);
    expect(ebitda).not.toContain(' | ');
  });
});

describe('guidance given by one end only', () => {
  // Made-up releases from the seed's FY2005 Adjusted EBITDA range ($16.0 to $18.0 million, lines
  // 340-341): each keeps the ends named, under its own name and date.
  test('a range with one end is a range; the same end again is one range; the other end added is a new one', () => {
    const seed = analyze([SEED]).dataset;
    const set = seed.filingFacts()[0];
    const end = (scenario: string) => set.facts.find((f) => f.concept === 'adjusted_ebitda' && f.period.key === 'FY2005' && f.scenario === scenario) as Fact;
    const release = (file: string, date: string, ends: Fact[]) => ({
      filing: { ...set.filing, file, date, text: `${file}\n${set.filing.text}` },
      facts: ends.map((f) => ({ ...f, source: { ...f.source, file } })),
    });
    const low = end('guidance-low');
    const high = end('guidance-high');
    const dataset = new Dataset([
      release('a.txt', '2004-07-29', [low]),
      release('b.txt', '2004-10-28', [low]),
      release('c.txt', '2005-02-24', [low, high]),
      release('d.txt', '2005-04-28', [high]),
    ]);
    const k = (f: Fact | undefined) => (f ? valueIn(f, 'thousands').toString() : 'none');
    expect(guidanceHistory(dataset, 'adjusted_ebitda', 'FY2005').map((r) => [k(r.low), k(r.high), r.releases.map((x) => x.file)])).toEqual([
      ['16000', 'none', ['a.txt', 'b.txt']],
      ['16000', '18000', ['c.txt']],
      ['none', '18000', ['d.txt']],
    ]);
  });
});

describe('releases saved under one name (EDGAR names every exhibit alike)', () => {
  const alike = (s: SourceText): SourceText => ({ name: s.name.endsWith('.htm') ? 'ex99-1.htm' : 'ex99-1.txt', text: s.text });

  test('each is a release of its own: named apart, guidance revisions, restatements and checks as with their own names', () => {
    const a = analyze(ALL.map(alike));
    expect(a.dataset.filings.map((f) => f.file)).toEqual(['ex99-1.txt', 'ex99-1.txt (2)', 'ex99-1.txt (3)', 'ex99-1.txt (4)', 'ex99-1.htm']);
    // FY2004 revenue: $152.6–$155.6 million (Q4 2003, Q1 2004 and Q2 2004 releases), revised to $150.0–$152.0 million by the Q3 2004 release.
    const h = guidanceHistory(a.dataset, 'revenue_total', 'FY2004');
    expect(h.map((r) => [r.low && valueIn(r.low, 'millions').toString(), r.high && valueIn(r.high, 'millions').toString(), r.releases.map((x) => x.date)])).toEqual([
      ['152.6', '155.6', ['2004-02-26', '2004-04-29', '2004-07-29']],
      ['150', '152', ['2004-10-28']],
    ]);
    const named = analyze(ALL);
    // The Q3 2004 release restates 2004Q2 interest and other expense (its first lines).
    expect(a.dataset.restatements.length).toBe(named.dataset.restatements.length);
    expect(a.dataset.restatements.length).toBeGreaterThan(0);
    expect(a.checks.map((c) => `${c.id} ${c.status}`)).toEqual(named.checks.map((c) => `${c.id} ${c.status}`));
  });

  test('the same text under the same name twice is one release', () => {
    expect(analyze([SEED, SEED]).dataset.filings.map((f) => f.file)).toEqual(['mpwr-2004q2-ex99-1.txt']);
  });
});
