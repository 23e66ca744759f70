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
import { definitionAt, definitionChanges, type DefinitionChange } from '../src/model/definitions';
import { neededFor } from '../src/model/derived';
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
