/**
 * The model's parts one at a time: what a derived fact carries, what a period would need to be
 * derived, the id of an unmapped figure under a segment's column, how the Dataset orders a
 * filing's occurrences and keeps its filings and restatements, the D&A note and guidance
 * sentences, and definition changes. Inputs are small made-up releases (test/support/release.ts)
 * or facts written out by hand; every expected value is worked out from them.
 */
import Decimal from 'decimal.js';
import { duration, instant } from '../src/filing/periods';
import type { Filing } from '../src/filing/types';
import { Dataset } from '../src/model/dataset';
import { definitionAt, definitionChanges, valueNotes, type DefinitionChange } from '../src/model/definitions';
import { neededFor } from '../src/model/derived';
import { signNote } from '../src/model/signs';
import type { FilingFacts } from '../src/model/facts';
import type { Fact, Period } from '../src/model/types';
import { analyze } from '../src/pipeline';
import { OPERATIONS, releaseText } from './support/release';

const MPOWER = { name: 'Mpower Holding Corporation', ticker: 'MPE', cik: '' };
const Q2 = duration(3, '2004-06-30');

/** A fact as a filing would give it, with what a test does not care about filled in. */
function fact(over: Partial<Fact> & { table?: string; file?: string; line?: number } = {}): Fact {
  const { table = 't1', file = 'a.txt', line = 1, ...rest } = over;
  const value = rest.value ?? new Decimal(100);
  return {
    company: MPOWER,
    concept: 'revenue_total',
    mapped: true,
    label: 'Total Operating Revenues',
    period: Q2,
    scenario: 'actual',
    value,
    presentedSign: 1,
    amount: { value, kind: 'money', text: value.toString(), decimals: 0 },
    scale: 'thousands',
    source: { file, line, column: [0, 0], table, tableTitle: table, text: '' },
    statement: 'operations',
    ...rest,
  };
}

function filing(file: string, date: string, text = `${file} ${date}`): Filing {
  return { file, text, company: MPOWER.name, ticker: 'MPE', cik: '', date, accession: '', tables: [], sentences: [], diagnostics: [] };
}

const set = (f: Filing, facts: Fact[]): FilingFacts => ({ filing: f, facts: facts.map((x) => ({ ...x, source: { ...x.source, file: f.file } })) });

describe('what a derived fact carries', () => {
  // Q1 2004 and six months to June 30, 2004: Q2 = 6M − Q1 = 210 − 100 = 110; Adjusted EBITDA
  // 10 and 22 → Q2 12; its margin 12 / 110 × 100.
  const ytd = () => analyze([{ name: 'ytd.txt', text: releaseText([{
    title: OPERATIONS,
    headers: [['Three Months Ended', 'March 31, 2004'], ['Six Months Ended', 'June 30, 2004']],
    rows: [['Total Operating Revenues', '$100', '$210'], ['Adjusted EBITDA', '10', '22']],
  }]) }]);

  test('its source is no place in a filing: no file, line 0, the table "derived", and its formula as the text', () => {
    const q2 = ytd().derived.get('revenue_total', '2004Q2');
    expect(q2?.source).toEqual({ file: '', line: 0, column: [0, 0], table: 'derived', tableTitle: 'Derived', text: '6M2004-06-30 − 2004Q1' });
    expect([q2?.value.toString(), q2?.scenario, q2?.mapped, q2?.presentedSign, q2?.label, q2?.statement]).toEqual(['110', 'actual', true, 1, 'Total Operating Revenues', 'operations']);
    expect(q2?.derivation?.operands.map((o) => [o.fact.period.key, o.coefficient])).toEqual([['6M2004-06-30', 1], ['2004Q1', -1]]);
    expect(q2?.derivation?.kind).toBe('difference');
  });

  test('a ratio of a derived quarter names its operands, the factor and the period in its formula', () => {
    const m = ytd().derived.get('adjusted_ebitda_margin', '2004Q2');
    expect(m?.derivation?.formula).toBe('adjusted_ebitda ÷ revenue_total × 100 (2004Q2)');
    expect(m?.source.text).toBe('adjusted_ebitda ÷ revenue_total × 100 (2004Q2)');
    expect([m?.derivation?.kind, m?.derivation?.factor, m?.scale, m?.amount.kind]).toEqual(['ratio', 100, 'units', 'percent']);
    expect(m?.value.toFixed(3)).toBe('10.909');
  });
});

describe('which derived periods follow from which printed ones', () => {
  const derivedOf = (headers: string[][], rows: [string, ...string[]][]) => analyze([{ name: 'd.txt', text: releaseText([{ title: OPERATIONS, headers, rows }]) }]).derived;
  const Q1 = ['Three Months Ended', 'March 31, 2004'];
  const Q2H = ['Three Months Ended', 'June 30, 2004'];
  const H1 = ['Six Months Ended', 'June 30, 2004'];

  test('a quarter derived from a later duration lets an earlier duration give its last missing quarter', () => {
    // Printed: Q1 100, Q4 130, the second half 250, the year 460. The year misses Q2 and Q3 until the
    // half gives Q3 = 250 − 130 = 120; then Q2 = 460 − 100 − 120 − 130 = 110.
    const d = derivedOf(
      [Q1, ['Three Months Ended', 'December 31, 2004'], ['Six Months Ended', 'December 31, 2004'], ['Twelve Months Ended', 'December 31, 2004']],
      [['Total Operating Revenues', '$100', '$130', '$250', '$460']],
    );
    const f = (key: string) => { const x = d.get('revenue_total', key); return x && [x.value.toString(), x.derivation?.formula]; };
    expect(f('2004Q3')).toEqual(['120', '6M2004-12-31 − 2004Q4']);
    expect(f('2004Q2')).toEqual(['110', 'FY2004 − 2004Q1 − 2004Q3 − 2004Q4']);
  });

  test("a ratio is derived for a period where its numerator alone is derived, or its denominator alone", () => {
    // Adjusted EBITDA Q2 = 22 − 10 = 12 beside printed revenue 110: 12 / 110 × 100.
    const n = derivedOf([Q1, Q2H, H1], [['Total Operating Revenues', '$100', '$110', '$210'], ['Adjusted EBITDA', '10', '', '22']]);
    expect(n.get('revenue_total', '2004Q2')).toBeUndefined();
    expect(n.get('adjusted_ebitda_margin', '2004Q2')?.value.toFixed(3)).toBe('10.909');
    // Revenue Q2 = 210 − 100 = 110 beside printed Adjusted EBITDA 12.
    const m = derivedOf([Q1, Q2H, H1], [['Total Operating Revenues', '$100', '', '$210'], ['Adjusted EBITDA', '10', '12', '22']]);
    expect(m.get('adjusted_ebitda', '2004Q2')).toBeUndefined();
    expect(m.get('adjusted_ebitda_margin', '2004Q2')?.value.toFixed(3)).toBe('10.909');
  });

  test('no ratio is derived where it is printed, or where its denominator is zero', () => {
    const printed = derivedOf([Q1, Q2H, H1], [['Total Operating Revenues', '$100', '$110', '$210'], ['Adjusted EBITDA', '10', '', '22'], ['Adjusted EBITDA (% of Revenue)', '10.0%', '10.9%', '10.5%']]);
    expect(printed.get('adjusted_ebitda', '2004Q2')?.value.toString()).toBe('12');
    expect(printed.get('adjusted_ebitda_margin', '2004Q2')).toBeUndefined();
    // Revenue Q2 = 100 − 100 = 0.
    const zero = derivedOf([Q1, H1], [['Total Operating Revenues', '$100', '$100'], ['Adjusted EBITDA', '10', '22']]);
    expect(zero.get('revenue_total', '2004Q2')?.value.toString()).toBe('0');
    expect(zero.get('adjusted_ebitda', '2004Q2')?.value.toString()).toBe('12');
    expect(zero.get('adjusted_ebitda_margin', '2004Q2')).toBeUndefined();
  });

  test('no ratio is derived for a period where only another flow is derived', () => {
    // Cost of Operating Revenues Q2 is derived; printed outside a costs heading, its figures are
    // contributions to income, −50 and −105: Q2 = −105 − (−50) = −55. Revenue and Adjusted EBITDA are printed for Q2.
    const d = derivedOf([Q1, Q2H, H1], [['Total Operating Revenues', '$100', '$110', '$210'], ['Cost of Operating Revenues', '50', '', '105'], ['Adjusted EBITDA', '10', '12', '22']]);
    expect(d.get('cost_of_revenue', '2004Q2')?.value.toString()).toBe('-55');
    expect(d.facts().map((f) => `${f.concept} ${f.period.key}`)).toEqual(['cost_of_revenue 2004Q2']);
  });
});

describe('what a period of a flow would need to be derived', () => {
  const FY2004 = duration(12, '2004-12-31');
  test.each<[string, Period, string[], string]>([
    ['a year, two quarters at hand', FY2004, ['2004Q1', '2004Q3'], 'needs its quarters 2004Q1 to 2004Q4 (missing: 2004Q2, 2004Q4)'],
    ['a year, no quarter at hand', FY2004, [], 'needs its quarters 2004Q1 to 2004Q4 (missing: 2004Q1, 2004Q2, 2004Q3, 2004Q4)'],
    ['a year, every quarter at hand (nothing missing is said)', FY2004, ['2004Q1', '2004Q2', '2004Q3', '2004Q4'], 'needs its quarters 2004Q1 to 2004Q4'],
    ['nine months, the second quarter at hand', duration(9, '2004-09-30'), ['2004Q2'], 'needs its quarters 2004Q1 to 2004Q3 (missing: 2004Q1, 2004Q3)'],
    ['the twelve months to June', duration(12, '2004-06-30'), ['2003Q3', '2003Q4', '2004Q1'], 'needs its quarters 2003Q3 to 2004Q2 (missing: 2004Q2)'],
    ['a first quarter', duration(3, '2004-03-31'), [], '2004Q1 opens its year, so only a release can print it'],
    ['a second quarter', Q2, [], 'needs 6M2004-06-30 and 2004Q1 (the years to date with and without it)'],
    ['a fourth quarter', duration(3, '2004-12-31'), [], 'needs FY2004 and 9M2004-09-30 (the years to date with and without it)'],
    ['an instant', instant('2004-06-30'), [], '2004-06-30 is not a run of calendar quarters, so it cannot be derived'],
  ])('%s', (_name, period, have, words) => {
    expect(neededFor(period, (k) => have.includes(k))).toBe(words);
  });

  test('two months, or a quarter ending in May, is no run of calendar quarters', () => {
    for (const p of [duration(2, '2004-06-30'), duration(3, '2004-05-31'), duration(4, '2004-06-30')]) {
      expect(neededFor(p, () => true)).toBe(`${p.key} is not a run of calendar quarters, so it cannot be derived`);
    }
  });
});

describe('the id of a figure no concept takes, under a column of a segment or a change', () => {
  const REVENUE = 'Total Operating Revenues';
  const factsUnder = (header: string[], label = REVENUE, cell = '$100') =>
    analyze([{ name: 'segment.txt', text: releaseText([{ title: OPERATIONS, headers: [header], rows: [[label, cell]] }]) }])
      .dataset.facts().map((f) => [f.concept, f.member, f.mapped]);

  test("a segment's figure is the row's slug and the segment's words, blanks as one underscore, never the catalogue's", () => {
    // "North East" over a bare date: the member `north east`; Total Operating Revenues → total_operating_revenues.
    expect(factsUnder(['North East', 'June 30, 2004'])).toEqual([['total_operating_revenues__north_east', 'north east', false]]);
    expect(factsUnder(['North East', 'June 30, 2004'], 'Widget Sales')).toEqual([['widget_sales__north_east', 'north east', false]]);
  });

  test('a mark before or after the segment\'s words leaves no underscore at either end of the id', () => {
    // A dagger (a footnote mark) is no letter: `north east†` → north_east_ → north_east.
    expect(factsUnder(['North East†', 'June 30, 2004'])).toEqual([['total_operating_revenues__north_east', 'north east†', false]]);
    expect(factsUnder(['†North East', 'June 30, 2004'])).toEqual([['total_operating_revenues__north_east', '†north east', false]]);
    // Two marks in a row between words fold to one underscore.
    expect(factsUnder(['North †† East', 'June 30, 2004'])).toEqual([['total_operating_revenues__north_east', 'north †† east', false]]);
  });

  test("a segment's % change column names both, a blank between (the member) and an underscore (the id)", () => {
    // The change column takes the period of the column before it; the figure 2.0% is a percent: the row's slug takes `_pct`.
    const text = releaseText([{ title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004'], ['North East', '% Change']], rows: [[REVENUE, '$38,496', '2.0%']] }]);
    const facts = analyze([{ name: 'change.txt', text }]).dataset.facts().map((f) => [f.concept, f.member, f.mapped, f.value.toString()]);
    expect(facts).toEqual([['revenue_total', undefined, true, '38496'], ['total_operating_revenues_pct__north_east_pct_change', 'north east pct-change', false, '2']]);
  });
});

describe('a filing in the Dataset, fact by fact', () => {
  const A = filing('a.txt', '2004-07-29');
  const B = filing('b.txt', '2004-10-28');
  const C = filing('c.txt', '2005-02-01');
  const revenue = (value: number) => fact({ value: new Decimal(value) });

  test("a figure's table occurrences come first, in the filing's order, then its text figures: the first table's is the fact", () => {
    const facts = [fact({ table: 'narrative', line: 40 }), fact({ table: 't1', line: 10 }), fact({ table: 'note', line: 50 }), fact({ table: 't2', line: 20 })];
    const d = new Dataset([set(A, facts)]);
    expect(d.occurrences('revenue_total', '2004Q2').map((f) => `${f.source.table}:${f.source.line}`)).toEqual(['t1:10', 't2:20', 'narrative:40', 'note:50']);
    expect(d.get('revenue_total', '2004Q2')?.source.line).toBe(10);
    expect(d.allOccurrences().map((l) => l.map((f) => f.source.line))).toEqual([[10, 20, 40, 50]]);
  });

  test('text figures alone keep their order; a text figure before a table\'s moves after it', () => {
    const d = new Dataset([set(A, [fact({ table: 'note', line: 50 }), fact({ table: 'narrative', line: 40 })])]);
    expect(d.occurrences('revenue_total', '2004Q2').map((f) => f.source.line)).toEqual([50, 40]);
    const e = new Dataset([set(A, [fact({ table: 'narrative', line: 40 }), fact({ table: 't3', line: 30 })])]);
    expect(e.occurrences('revenue_total', '2004Q2').map((f) => f.source.line)).toEqual([30, 40]);
    expect(e.occurrences('revenue_total', '2004Q3')).toEqual([]);
  });

  test('the filings in release order, whatever the order they are added in', () => {
    const d = new Dataset();
    expect(d.filings).toEqual([]);
    d.add(set(C, [revenue(120)]));
    d.add(set(A, [revenue(100)]));
    d.add(set(B, [revenue(100)]));
    expect(d.filings.map((f) => f.file)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(d.filingFacts().map((s) => s.filing.file)).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  test('a text added again, under any name, adds nothing and restates nothing', () => {
    const d = new Dataset([set(A, [revenue(100)])]);
    expect(d.add(set({ ...A, file: 'again.txt' }, [revenue(90)]))).toEqual([]);
    expect(d.filings.map((f) => f.file)).toEqual(['a.txt']);
    expect(d.get('revenue_total', '2004Q2')?.value.toString()).toBe('100');
    expect(d.restatements).toEqual([]);
  });

  test('three releases restating one figure: each release against the one before it, whatever the import order', () => {
    // 100 (July 2004), then 110 (October), then 120 (February 2005): 100 → 110 and 110 → 120.
    const chain = (d: Dataset) => d.restatements.map((r) => `${r.previous.value}→${r.current.value} ${r.current.source.file}`);
    const inOrder = new Dataset([set(A, [revenue(100)]), set(B, [revenue(110)]), set(C, [revenue(120)])]);
    expect(chain(inOrder)).toEqual(['100→110 b.txt', '110→120 c.txt']);
    // The middle release last: 100 → 120 is no longer a pair once 110 stands between them.
    const d = new Dataset([set(A, [revenue(100)]), set(C, [revenue(120)])]);
    expect(chain(d)).toEqual(['100→120 c.txt']);
    const found = d.add(set(B, [revenue(110)]));
    expect(found.map((r) => `${r.previous.value}→${r.current.value}`)).toEqual(['100→110', '110→120']);
    expect(chain(d)).toEqual(['100→110 b.txt', '110→120 c.txt']);
    expect(d.get('revenue_total', '2004Q2')?.value.toString()).toBe('120');
    expect(d.history('revenue_total', '2004Q2').map((f) => f.source.file)).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  test('the middle release agreeing with the newest: one restatement, the older value against it', () => {
    const d = new Dataset([set(A, [revenue(100)]), set(C, [revenue(120)])]);
    d.add(set(B, [revenue(120)]));
    expect(d.restatements.map((r) => `${r.previous.value}→${r.current.value} ${r.current.source.file}`)).toEqual(['100→120 b.txt']);
  });

  test('restatements of two figures, one of them in two releases, kept apart', () => {
    const cost = (value: number) => fact({ concept: 'cost_of_revenue', value: new Decimal(value) });
    const d = new Dataset([set(A, [revenue(100), cost(50)]), set(B, [revenue(110), cost(55)]), set(C, [revenue(120), cost(55)])]);
    expect(d.restatements.map((r) => `${r.concept} ${r.previous.value}→${r.current.value}`)).toEqual(['cost_of_revenue 50→55', 'revenue_total 100→110', 'revenue_total 110→120']);
  });

  test('restatements by concept, then period, then the older release, whatever order they were found in', () => {
    // Q2 listed before Q1; B and C are added before A, so C restating B (Q2, Q1) is found before A's cost and B restating A (Q2).
    const at = (concept: string, end: string, value: number) => fact({ concept, period: duration(3, end), value: new Decimal(value) });
    const d = new Dataset();
    d.add(set(filing('d.txt', '2005-04-28'), [at('cost_of_revenue', '2004-09-30', 55)]));
    d.add(set(B, [at('revenue_total', '2004-06-30', 110), at('revenue_total', '2004-03-31', 95)]));
    d.add(set(C, [at('revenue_total', '2004-06-30', 120), at('revenue_total', '2004-03-31', 99)]));
    d.add(set(A, [at('cost_of_revenue', '2004-09-30', 50), at('revenue_total', '2004-06-30', 100), at('revenue_total', '2004-03-31', 95)]));
    expect(d.restatements.map((r) => `${r.concept} ${r.period} ${r.previous.source.file}→${r.current.source.file}`)).toEqual([
      'cost_of_revenue 2004Q3 a.txt→d.txt', 'revenue_total 2004Q1 b.txt→c.txt', 'revenue_total 2004Q2 a.txt→b.txt', 'revenue_total 2004Q2 b.txt→c.txt',
    ]);
  });

  test('a new guidance range is no restatement', () => {
    const low = (value: number) => fact({ scenario: 'guidance-low', period: duration(12, '2004-12-31'), value: new Decimal(value) });
    const d = new Dataset([set(A, [low(150)]), set(B, [low(152)])]);
    expect(d.restatements).toEqual([]);
    expect(d.get('revenue_total', 'FY2004', 'guidance-low')?.value.toString()).toBe('152');
    expect(d.history('revenue_total', 'FY2004', 'guidance-low').map((f) => f.value.toString())).toEqual(['150', '152']);
    expect(d.guidancePeriods().map((p) => p.key)).toEqual(['FY2004']);
    expect(d.periods()).toEqual([]);
  });

  test('the unmapped facts are those no concept took, in the order of the facts', () => {
    const d = new Dataset([set(A, [
      fact({ concept: 'widget_sales', mapped: false, period: duration(3, '2004-06-30') }),
      revenue(100),
      fact({ concept: 'deferred_charges', mapped: false, period: instant('2004-03-31') }),
    ])]);
    expect(d.unmapped().map((f) => f.concept)).toEqual(['deferred_charges', 'widget_sales']);
    expect(d.facts().map((f) => f.concept)).toEqual(['deferred_charges', 'widget_sales', 'revenue_total']);
    expect(d.info()).toEqual([{ file: 'a.txt', company: MPOWER.name, ticker: 'MPE', date: '2004-07-29', accession: '', tables: 0, facts: 3, unmapped: 2, periods: ['2004-03-31', '2004Q2'] }]);
    expect(d.periods().map((p) => p.key)).toEqual(['2004-03-31', '2004Q2']);
  });

  test("a fact's release date is its filing's, '' for a file the Dataset has not", () => {
    const d = new Dataset([set(A, [revenue(100)]), set(B, [revenue(100)])]);
    expect(d.releaseDate(fact({ file: 'b.txt' }))).toBe('2004-10-28');
    expect(d.releaseDate(fact({ file: 'z.txt' }))).toBe('');
  });

  test("another company's like-named figure restates nothing of Mpower's, and answers only where Mpower prints none", () => {
    const OTHER = { name: 'Acme Widgets Inc.', ticker: 'ACME', cik: '' };
    const acme = filing('acme.txt', '2004-08-01');
    const d = new Dataset([set(A, [revenue(100)]), set(acme, [fact({ company: OTHER, value: new Decimal(7) }), fact({ company: OTHER, concept: 'widget_sales', mapped: false, value: new Decimal(3) })])]);
    expect(d.restatements).toEqual([]);
    expect(d.get('revenue_total', '2004Q2')?.value.toString()).toBe('100');
    expect(d.get('widget_sales', '2004Q2')?.value.toString()).toBe('3');
    expect(d.facts().map((f) => `${f.concept} ${f.value}`)).toEqual(['revenue_total 100', 'revenue_total 7', 'widget_sales 3']);
  });

  test('two other companies printing one id: the one that released it first answers, in either import order, and neither restates the other', () => {
    const widgets = (name: string, value: number) => fact({ company: { name, ticker: '', cik: '' }, concept: 'widget_sales', mapped: false, value: new Decimal(value) });
    const acme = () => set(filing('acme.txt', '2004-08-01'), [widgets('Acme Widgets Inc.', 3)]);
    const beta = () => set(filing('beta.txt', '2004-09-01'), [widgets('Beta Gadgets Corp.', 5)]);
    const d = new Dataset([acme(), beta()]);
    expect(d.get('widget_sales', '2004Q2')?.value.toString()).toBe('3');
    expect(d.restatements).toEqual([]);
    // Added the other way round: still Acme's (released first), as the Dataset's order is the releases', not the import's.
    const reversed = new Dataset([beta(), acme()]);
    expect(reversed.get('widget_sales', '2004Q2')?.value.toString()).toBe('3');
    expect(reversed.restatements).toEqual([]);
  });
});

describe("the statement a table's title names", () => {
  test.each<[string, string[], string]>([
    ['STATEMENT OF OPERATIONS (amounts in $ thousands)', ['Three Months Ended', 'June 30, 2004'], 'operations'],
    ['CONSOLIDATED STATEMENTS OF INCOME (in thousands)', ['Three Months Ended', 'June 30, 2004'], 'operations'],
    ['BALANCE SHEET (amounts in $ thousands)', ['June 30, 2004'], 'balance_sheet'],
    ['RECONCILIATION TO GAAP (amounts in $ thousands)', ['Three Months Ended', 'June 30, 2004'], 'non_gaap'],
    ['NON-GAAP MEASURES (amounts in $ thousands)', ['Three Months Ended', 'June 30, 2004'], 'non_gaap'],
    ['EXPECTATIONS (amounts in $ thousands)', ['Guidance', 'Three Months Ending September 30, 2004'], 'guidance'],
    ['EXPECTATIONS (amounts in $ thousands)', ['Outlook', 'Three Months Ending September 30, 2004'], 'guidance'],
    ['SELECTED DATA (amounts in $ thousands)', ['Three Months Ended', 'June 30, 2004'], 'table'],
  ])('%s: %s', (title, header, statement) => {
    // Widget Sales is no concept: it takes the table's statement, or `table`.
    const text = releaseText([{ title, headers: [header], rows: [['Widget Sales', '$1,200']] }]);
    expect(analyze([{ name: 't.txt', text }]).dataset.facts().map((f) => [f.concept, f.statement])).toEqual([['widget_sales', statement]]);
  });

  test("a concept in a table whose title names none keeps its own statement", () => {
    const text = releaseText([{ title: 'SELECTED DATA (amounts in $ thousands)', headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Adjusted EBITDA', '$2,544'], ['Total Operating Revenues', '$38,496']] }]);
    expect(analyze([{ name: 't.txt', text }]).dataset.facts().map((f) => [f.concept, f.statement])).toEqual([['adjusted_ebitda', 'non_gaap'], ['revenue_total', 'operations']]);
  });
});

describe('the D&A split of a note, sentence by sentence', () => {
  const quarterTable = { title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$38,496'] as [string, string]] };
  const sixMonthTable = { title: OPERATIONS, headers: [['Six Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$75,649'] as [string, string]] };
  const textFacts = (prose: string, table = quarterTable) =>
    analyze([{ name: 'note.txt', text: releaseText([table], [prose]) }]).dataset.facts()
      .filter((f) => !f.source.table.startsWith('t'))
      .map((f) => `${f.concept} ${f.period.key} ${f.value} ${f.source.table}`);

  test('a subject the rule does not know gives nothing', () => {
    expect(textFacts('Marketing is exclusive of depreciation and amortization of $1,915 for the three months ended June 30, 2004.')).toEqual([]);
  });

  test('Cost of Operating Revenues, after a note\'s number or not', () => {
    expect(textFacts('Cost of Operating Revenues is exclusive of depreciation and amortization of $1,964 for the three months ended June 30, 2004.')).toEqual(['da_cost_of_revenue 2004Q2 1964 narrative']);
    expect(textFacts('Note 1: Cost of Operating Revenues is exclusive of depreciation and amortization of $1,964 for the three months ended June 30, 2004.')).toEqual(['da_cost_of_revenue 2004Q2 1964 note']);
  });

  test('a figure for each date, or nothing', () => {
    // Two figures, three dates; two figures, one date.
    expect(textFacts('Selling, General and Administrative is exclusive of depreciation and amortization of $1,915 and $1,962 for the three months ended June 30, 2004, March 31, 2004 and June 30, 2003.')).toEqual([]);
    expect(textFacts('Selling, General and Administrative is exclusive of depreciation and amortization of $1,915 and $1,962 for the three months ended June 30, 2004.')).toEqual([]);
  });

  test('the dates are all those after the first "for the"', () => {
    expect(textFacts('Selling, General and Administrative is exclusive of depreciation and amortization of $1,915 and $1,962 for the three months ended June 30, 2004 and for the three months ended March 31, 2004.')).toEqual([
      'da_sga 2004Q1 1962 narrative', 'da_sga 2004Q2 1915 narrative',
    ]);
  });

  test('the subject opens the sentence (after a note\'s number), else it is none', () => {
    expect(textFacts('Note 2: Selling, General and Administrative is exclusive of depreciation and amortization of $1,915 for the three months ended June 30, 2004.')).toEqual(['da_sga 2004Q2 1915 note']);
    expect(textFacts('The figures for Cost of Operating Revenues are exclusive of depreciation and amortization of $1,964 for the three months ended June 30, 2004.')).toEqual([]);
    expect(textFacts('The figures for Selling, General and Administrative are exclusive of depreciation and amortization of $1,915 for the three months ended June 30, 2004.')).toEqual([]);
  });

  test('only money figures are matched to the dates: a percentage beside them is not one of them', () => {
    expect(textFacts('Selling, General and Administrative is exclusive of depreciation and amortization of $1,915 and $1,962, or 5% and 6% of revenue, for the three months ended June 30, 2004 and March 31, 2004.')).toEqual([
      'da_sga 2004Q1 1962 narrative', 'da_sga 2004Q2 1915 narrative',
    ]);
  });

  test('the duration the sentence states holds, whatever the tables print', () => {
    expect(textFacts('Selling, General and Administrative is exclusive of depreciation and amortization of $3,877 for the six months ended June 30, 2004.')).toEqual(['da_sga 6M2004-06-30 3877 narrative']);
    expect(textFacts('Selling, General and Administrative is exclusive of depreciation and amortization of $7,800 for the twelve months ended December 31, 2003.')).toEqual(['da_sga FY2003 7800 narrative']);
  });

  test('a bare date takes the duration the tables print to it, else a quarter', () => {
    // The tables print six months to June 30, 2004 only; March 31, 2004 they do not print.
    const bare = 'Selling, General and Administrative is exclusive of depreciation and amortization of $3,877 and $1,962 for the periods ended June 30, 2004 and March 31, 2004.';
    expect(textFacts(bare, sixMonthTable)).toEqual(['da_sga 2004Q1 1962 narrative', 'da_sga 6M2004-06-30 3877 narrative']);
    expect(textFacts(bare)).toEqual(['da_sga 2004Q1 1962 narrative', 'da_sga 2004Q2 3877 narrative']);
  });
});

describe('guidance ranges stated in a sentence', () => {
  const TABLE = { title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$38,496'] as [string, string]] };
  const ranges = (...prose: string[]) =>
    analyze([{ name: 'guidance.txt', text: releaseText([TABLE], prose) }]).dataset.facts()
      .filter((f) => f.scenario !== 'actual')
      .map((f) => `${f.concept} ${f.period.key} ${f.scenario} ${f.value}`);

  test.each([
    ['The forecast of revenues for fiscal 2005 is $174.0 million to $180.5 million.'],
    ['The outlook for revenue in the year 2005 is $174.0 million - $180.5 million.'],
    ['We expect full year 2005 revenue of $174.0 million – $180.5 million.'],
    ['Mpower is forecasting revenue for fiscal year 2005 of between $174.0 million and $180.5 million.'],
    ['Revenue guidance for the full-year 2005 is $174.0 million to $180.5 million.'],
    ['Mpower forecasts revenues for fiscal 2005 of $174.0 million to $180.5 million.'],
    ['Mpower projects revenue for fiscal year 2005 of $174.0 million to $180.5 million.'],
  ])('%s', (sentence) => {
    expect(ranges(sentence)).toEqual(['revenue_total FY2005 guidance-low 174', 'revenue_total FY2005 guidance-high 180.5']);
  });

  test('a range in a sentence with no forward-looking word is no guidance', () => {
    expect(ranges('Revenue for fiscal 2005 was between $174.0 million and $180.5 million across the segments.')).toEqual([]);
  });

  test('the measure and the year are those named before the figures', () => {
    // Adjusted EBITDA named after the range is not its measure; a year named only after it is none.
    expect(ranges('Mpower expects full-year 2005 revenue of $174.0 million to $180.5 million, with Adjusted EBITDA growing.')).toEqual([
      'revenue_total FY2005 guidance-low 174', 'revenue_total FY2005 guidance-high 180.5',
    ]);
    expect(ranges('Mpower expects revenue of $174.0 million to $180.5 million for the full year 2005.')).toEqual([]);
    expect(ranges('Mpower expects full-year 2005 Adjusted EBITDA of $8.0 million to $10.0 million.')).toEqual([
      'adjusted_ebitda FY2005 guidance-low 8', 'adjusted_ebitda FY2005 guidance-high 10',
    ]);
  });

  test('a percentage and a money figure joined by "to" are no range, in either order', () => {
    expect(ranges('Mpower expects full-year 2005 revenue to rise 12% to $180.5 million.')).toEqual([]);
    expect(ranges('Mpower expects full-year 2005 revenue to rise by $20.0 million to 12% above 2004.')).toEqual([]);
  });

  test('two figures joined by other words, or a percentage, are no range', () => {
    expect(ranges('Mpower expects full-year 2005 revenue of $174.0 million, up from $152.6 million.')).toEqual([]);
    // "to" or "and" must be all that stands between them.
    expect(ranges('Mpower expects full-year 2005 revenue of $152.6 million, rising to $174.0 million.')).toEqual([]);
    expect(ranges('Mpower expects full-year 2005 revenue of $174.0 million to as much as $180.5 million.')).toEqual([]);
    expect(ranges('Mpower expects full-year 2005 revenue growth of 10% to 12%.')).toEqual([]);
  });
});

describe('definition changes a release states', () => {
  const TABLE = { title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$38,496'] as [string, string]] };
  const changesOf = (...releases: string[][]) =>
    definitionChanges(analyze(releases.map((prose, i) => ({ name: `r${i}.txt`, text: releaseText([TABLE], prose).replace('July 29, 2004', `July ${29 - i}, 2004`) }))).dataset)
      .map((c) => `${c.concept} ${c.from} ${c.before} ${c.file}`);

  test('one release stating changes of two measures, or of one measure from two quarters: each is a change', () => {
    expect(changesOf([
      'Beginning with the third quarter of 2005, adjusted gross margin also excludes incremental transition expenses.',
      'Beginning with the third quarter of 2005, Adjusted EBITDA also excludes incremental transition expenses.',
      'Starting in the first quarter 2006, adjusted gross margin will exclude severance.',
    ])).toEqual([
      'adjusted_gross_margin 2005Q3 2005-06-30 r0.txt', 'adjusted_ebitda 2005Q3 2005-06-30 r0.txt', 'adjusted_gross_margin 2006Q1 2005-12-31 r0.txt',
    ]);
  });

  test('a change stated again, in the same release or a later one, is the first statement of it', () => {
    const s = 'Effective from the fourth quarter of 2004, Adjusted EBITDA now includes stock-based compensation.';
    // r1 is dated July 28, r0 July 29: the older release states it first.
    expect(changesOf([s, s], [s])).toEqual(['adjusted_ebitda 2004Q4 2004-09-30 r1.txt']);
  });

  test('without a quarter named, the change holds from the newest quarter the release reports', () => {
    expect(changesOf(['Adjusted EBITDA no longer excludes stock-based compensation.'])).toEqual(['adjusted_ebitda 2004Q2 2004-03-31 r0.txt']);
    // The newest quarter printed first, the one before it after it.
    const text = releaseText([{ title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004'], ['Three Months Ended', 'March 31, 2004']], rows: [['Total Operating Revenues', '$38,496', '$37,153']] }], ['Adjusted EBITDA now excludes stock-based compensation.']);
    expect(definitionChanges(analyze([{ name: 'two.txt', text }]).dataset).map((c) => c.from)).toEqual(['2004Q2']);
  });

  test('a quarter only guided, not reported, is not where it holds', () => {
    const f: Filing = { ...filing('g.txt', '2004-07-29'), sentences: [{ text: 'Adjusted EBITDA now excludes stock-based compensation.', line: 9, kind: 'narrative', numbers: [] }] };
    const d = new Dataset([set(f, [fact(), fact({ scenario: 'guidance-low', period: duration(3, '2004-09-30') })])]);
    expect(definitionChanges(d).map((c) => [c.from, c.line, c.release, c.text])).toEqual([['2004Q2', 9, '2004-07-29', 'Adjusted EBITDA now excludes stock-based compensation.']]);
  });

  test("a note's sentence, or another company's, changes no definition", () => {
    expect(changesOf(['Note 3: Adjusted EBITDA now excludes stock-based compensation.'])).toEqual([]);
    const acme = releaseText([TABLE], ['Beginning with the third quarter of 2005, Adjusted EBITDA also excludes incremental transition expenses.'])
      .replace('Mpower Holding Announces', 'Acme Widgets Announces').replace('Mpower Holding Corporation (AMEX: MPE)', 'Acme Widgets Inc. (NYSE: ACW)');
    const a = analyze([{ name: 'acme.txt', text: acme }]);
    expect(a.dataset.filings[0].company).toMatch(/Acme/);
    expect(definitionChanges(a.dataset)).toEqual([]);
  });

  test('of two measures named before the verb, the one named last', () => {
    expect(changesOf(['Beginning with the third quarter of 2005, Adjusted EBITDA, like adjusted gross margin, also excludes incremental transition expenses.'])).toEqual([
      'adjusted_gross_margin 2005Q3 2005-06-30 r0.txt',
    ]);
  });

  test('the measure is the one named before the verb; no measure, no verb of change: no change', () => {
    expect(changesOf([
      'Commencing with the second quarter of 2005, the company also excludes restructuring charges from Adjusted EBITDA.',
      'Adjusted EBITDA is calculated as net loss excluding depreciation and amortization.',
    ])).toEqual([]);
    expect(changesOf(['From the second quarter of 2005, Adjusted EBITDA excludes also restructuring charges, as adjusted gross margin does.'])).toEqual(['adjusted_ebitda 2005Q2 2005-03-31 r0.txt']);
  });
});

describe('which definition a period is under, and what a value\'s note says of it', () => {
  const change = (concept: string, from: string, before: string): DefinitionChange => ({ concept, from, before, text: `${concept} also excludes X.`, file: 'r.txt', line: 7, release: '2005-07-28' });
  const AGM = change('adjusted_gross_margin', '2005Q3', '2005-06-30');
  const EBITDA = change('adjusted_ebitda', '2006Q1', '2005-12-31');

  test.each<[string, Period, string]>([
    ['the quarter before the change: old', duration(3, '2005-06-30'), 'old'],
    ['the first quarter under it: new', duration(3, '2005-09-30'), 'new'],
    ['a year across it: mixed', duration(12, '2005-12-31'), 'mixed'],
    ['the next year: new', duration(12, '2006-12-31'), 'new'],
    ['a balance at its first quarter end: new', instant('2005-09-30'), 'new'],
  ])('%s', (_name, period, side) => {
    expect(definitionAt([AGM, EBITDA], 'adjusted_gross_margin', period).map((x) => [x.change.concept, x.side])).toEqual([['adjusted_gross_margin', side]]);
  });

  test("another measure's change is not this one's", () => {
    expect(definitionAt([AGM, EBITDA], 'revenue_total', duration(3, '2006-03-31'))).toEqual([]);
    expect(definitionAt([AGM, EBITDA], 'adjusted_ebitda', duration(3, '2006-03-31')).map((x) => [x.change.from, x.side])).toEqual([['2006Q1', 'new']]);
  });

  test('a note says the definition a value is under, or that its quarters straddle it; nothing before it', () => {
    const agm = (period: Period) => fact({ concept: 'adjusted_gross_margin', label: 'Adjusted Gross Margin', period });
    expect(valueNotes(agm(duration(3, '2005-09-30')), '2005-10-27', [AGM, EBITDA])).toEqual([
      'under the definition from 2005Q3: "adjusted_gross_margin also excludes X." (r.txt, line 7)',
    ]);
    expect(valueNotes(agm(duration(12, '2005-12-31')), '2006-02-27', [AGM, EBITDA])).toEqual([
      'spans a definition change, its quarters before 2005Q3 under the old definition: definition from 2005Q3: "adjusted_gross_margin also excludes X." (r.txt, line 7)',
    ]);
    expect(valueNotes(agm(duration(3, '2005-06-30')), '2005-07-28', [AGM, EBITDA])).toEqual([]);
  });

  test('a label that meant this concept only then is said in the note; not for a derived value', () => {
    const gm = fact({ concept: 'adjusted_gross_margin', label: 'Gross Margin', period: duration(3, '2003-12-31') });
    expect(valueNotes(gm, '2004-02-26', [])).toEqual(["printed as \"Gross Margin\": Mpower's name for Adjusted Gross Margin in releases before April 2004"]);
    expect(valueNotes(gm, '2004-04-29', [])).toEqual([]);
    expect(valueNotes({ ...gm, derivation: { kind: 'sum', formula: '', operands: [] } }, '2004-02-26', [])).toEqual([]);
    expect(valueNotes({ ...gm, mapped: false }, '2004-02-26', [])).toEqual([]);
  });
});

describe('the sign note', () => {
  test('a figure printed with the other sign says so, naming the concept and its convention', () => {
    const interest = fact({ concept: 'interest_expense', label: 'Interest Expense', value: new Decimal(67), presentedSign: -1, amount: { value: new Decimal(-67), kind: 'money', text: '(67)', decimals: 0 } });
    expect(signNote(interest)).toBe('Sign: shown as printed ((67)). =MPWR functions answer 67 for Interest Expense (an expense, as a positive amount).');
  });

  test('a figure of no catalogue concept is named by its label, signed as on the balance sheet', () => {
    const f = fact({ concept: 'widget_reserve', label: 'Widget Reserve', value: new Decimal(-5), presentedSign: -1, amount: { value: new Decimal(5), kind: 'money', text: '5', decimals: 0 } });
    expect(signNote(f)).toBe('Sign: shown as printed (5). =MPWR functions answer -5 for Widget Reserve (as on the balance sheet).');
  });

  test('nothing where the signs agree, for an unmapped row, or for zero', () => {
    expect(signNote(fact({ presentedSign: 1 }))).toBeUndefined();
    expect(signNote(fact({ presentedSign: -1, mapped: false }))).toBeUndefined();
    expect(signNote(fact({ presentedSign: -1, value: new Decimal(0) }))).toBeUndefined();
  });
});
