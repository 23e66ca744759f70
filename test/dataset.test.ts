/**
 * The Dataset merges filings by release date: the newer value wins and a changed value is a
 * restatement, whichever order the filings are imported in.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import { Dataset, filingOrder, valueIn } from '../src/model/dataset';
import { printedOperands } from '../src/model/derived';
import type { Filing } from '../src/filing/types';
import { canonicalValue } from '../src/model/facts';
import { analyze } from '../src/pipeline';
import { OPERATIONS, releaseText } from './support/release';
import { beforeShared } from './support/shared';

const seed = { name: 'mpwr-2004q2-ex99-1.txt', text: readFileSync(path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'), 'utf8') };
const q3 = { name: 'synthetic-2004q3.txt', text: readFileSync(path.resolve(__dirname, 'fixtures/synthetic-2004q3.txt'), 'utf8') };

describe('Dataset merge and restatements', () => {
  // The synthetic Q3 release (first line says so) restates June 30, 2004 Accounts Receivable 11,611 → 11,561.
  test.each([
    ['seed then Q3', [seed, q3]],
    ['Q3 then seed', [q3, seed]],
  ])('%s: the newer release wins and the change is a restatement', (_name, order) => {
    const a = analyze(order);
    expect(a.dataset.get('accounts_receivable_net', '2004-06-30')?.value.toString()).toBe('11561');
    const r = a.dataset.restatements.find((x) => x.concept === 'accounts_receivable_net' && x.period === '2004-06-30');
    expect(r?.previous.value.toString()).toBe('11611');
    expect(r?.current.value.toString()).toBe('11561');
    expect(r?.current.source.file).toBe('synthetic-2004q3.txt');
  });

  test('restatements come in one order, by concept then period, whatever the import order, and as a copy', () => {
    // The synthetic release restates June 30, 2004 Accounts Receivable and Other Receivables; here
    // it restates Cash too (line 25: $32,356 → $32,456), printed above them, so the order of the
    // balance sheet is not the canonical one (accounts_receivable_net < cash_and_equivalents < other_receivables).
    const q3cash = { ...q3, text: q3.text.replace('$33,100               $32,356', '$33,100               $32,456') };
    const keys = (order: typeof seed[]) => analyze(order).dataset.restatements.map((r) => `${r.concept}|${r.period}`);
    const k = keys([seed, q3cash]);
    expect(k).toEqual(['accounts_receivable_net|2004-06-30', 'cash_and_equivalents|2004-06-30', 'other_receivables|2004-06-30']);
    const byConceptThenPeriod = (a: string, b: string) => {
      const [ca, pa] = a.split('|');
      const [cb, pb] = b.split('|');
      return ca < cb ? -1 : ca > cb ? 1 : pa < pb ? -1 : pa > pb ? 1 : 0;
    };
    expect(k).toEqual([...k].sort(byConceptThenPeriod));
    expect(keys([q3cash, seed])).toEqual(k);
    const d = analyze([seed, q3cash]).dataset;
    d.restatements.length = 0;
    expect(d.restatements.map((r) => `${r.concept}|${r.period}`)).toEqual(k);
  });

  test('importing the same release twice changes nothing', () => {
    const a = analyze([seed, seed]);
    expect(a.dataset.info()).toHaveLength(1);
    expect(a.dataset.restatements).toHaveLength(0);
  });
});

describe('a fact in another scale', () => {
  test('money converts; per-share figures, share counts and percentages are what they are in any scale', () => {
    const d = analyze([seed]).dataset;
    const get = (concept: string) => {
      const f = d.get(concept, '2004Q2');
      if (!f) throw new Error(concept);
      return f;
    };
    // Line 238: Total Operating Revenues $38,496 thousand.
    expect([valueIn(get('revenue_total'), 'units'), valueIn(get('revenue_total'), 'millions'), valueIn(get('revenue_total'), 'thousands')].map(String)).toEqual(['38496000', '38.496', '38496']);
    // Line 267: Net Loss per share ($0.02); line 262: 78,417,485 shares; line 273: 6.6% — all in a table "in $ thousands".
    expect(valueIn(get('eps_net_loss_basic_diluted'), 'units').toString()).toBe('-0.02');
    expect(valueIn(get('weighted_average_shares'), 'millions').toString()).toBe('78417485');
    expect(valueIn(get('adjusted_ebitda_margin'), 'units').toString()).toBe('6.6');
  });
});

describe('derived periods from a release that prints a quarter and years to date', () => {
  // A made-up release: Q1 2004, six, nine and twelve months of 2004, as printed. By hand:
  // Q2 = 6M − Q1 = 210 − 100 = 110, Q3 = 9M − 6M = 330 − 210 = 120, Q4 = FY − 9M = 460 − 330 = 130;
  // Adjusted EBITDA 10, 22, 36, 52 → Q2 12, Q3 14, Q4 16; its margin for Q2 is 12 / 110 = 10.909...%.
  const text = releaseText([{
    title: OPERATIONS,
    headers: [['Three Months Ended', 'March 31, 2004'], ['Six Months Ended', 'June 30, 2004'], ['Nine Months Ended', 'September 30, 2004'], ['Twelve Months Ended', 'December 31, 2004']],
    rows: [
      ['Total Operating Revenues', '$100', '$210', '$330', '$460'],
      ['Adjusted EBITDA', '10', '22', '36', '52'],
      ['Net Loss per Share', '($0.01)', '($0.03)', '($0.04)', '($0.05)'],
    ],
  }]);
  let a: ReturnType<typeof analyze>;
  beforeShared(() => { a = analyze([{ name: 'ytd.txt', text }]); });
  const derived = (concept: string, key: string) => {
    const f = a.derived.get(concept, key);
    return f && [f.value.toString(), f.derivation?.formula];
  };

  test('each quarter is a year to date less the one before it', () => {
    expect(derived('revenue_total', '2004Q2')).toEqual(['110', '6M2004-06-30 − 2004Q1']);
    expect(derived('revenue_total', '2004Q3')).toEqual(['120', '9M2004-09-30 − 6M2004-06-30']);
    expect(derived('revenue_total', '2004Q4')).toEqual(['130', 'FY2004 − 9M2004-09-30']);
    expect(derived('adjusted_ebitda', '2004Q4')).toEqual(['16', 'FY2004 − 9M2004-09-30']);
  });

  test('derived facts in time order, in catalogue order within a period (revenue, Adjusted EBITDA, its margin)', () => {
    const q = (k: string) => [`${k} revenue_total`, `${k} adjusted_ebitda`, `${k} adjusted_ebitda_margin`];
    expect(a.derived.facts().map((f) => `${f.period.key} ${f.concept}`)).toEqual([...q('2004Q2'), ...q('2004Q3'), ...q('2004Q4')]);
  });

  test('a ratio of a derived quarter is recomputed from its derived operands', () => {
    expect(a.derived.get('adjusted_ebitda_margin', '2004Q2')?.value.toFixed(4)).toBe('10.9091');
  });

  test('per-share figures are never subtracted', () => {
    expect(a.derived.get('eps_net_loss_basic_diluted', '2004Q2')).toBeUndefined();
  });

  test('without a six-month column: Q3 = 9M − Q1 − Q2, and six months is Q1 + Q2', () => {
    // 330 − 100 − 110 = 120; 100 + 110 = 210.
    const b = analyze([{ name: 'q1q2-9m.txt', text: releaseText([{
      title: OPERATIONS,
      headers: [['Three Months Ended', 'March 31, 2004'], ['Three Months Ended', 'June 30, 2004'], ['Nine Months Ended', 'September 30, 2004']],
      rows: [['Total Operating Revenues', '$100', '$110', '$330']],
    }]) }]);
    const f = (key: string) => { const x = b.derived.get('revenue_total', key); return x && [x.value.toString(), x.derivation?.formula]; };
    expect(f('2004Q3')).toEqual(['120', '9M2004-09-30 − 2004Q1 − 2004Q2']);
    expect(f('6M2004-06-30')).toEqual(['210', '2004Q1 + 2004Q2']);
  });

  test('a derived figure is a catalogue figure resting on the printed ones, at the finest precision among them', () => {
    // $21.25 (two decimals) − $10.5 (one) = 10.75 for the second quarter.
    const b = analyze([{ name: 'decimals.txt', text: releaseText([{
      title: OPERATIONS,
      headers: [['Three Months Ended', 'March 31, 2004'], ['Six Months Ended', 'June 30, 2004']],
      rows: [['Total Operating Revenues', '$10.5', '$21.25']],
    }]) }]);
    const q2 = b.derived.get('revenue_total', '2004Q2');
    expect([q2?.value.toString(), q2?.amount.decimals, q2?.mapped]).toEqual(['10.75', 2, true]);
    expect(q2 && printedOperands(q2).map((f) => [f.period.key, f.amount.text])).toEqual([['6M2004-06-30', '$21.25'], ['2004Q1', '$10.5']]);
  });

  test('printed figures are not derived again', () => {
    expect(a.derived.get('revenue_total', '2004Q1')).toBeUndefined();
    expect(a.derived.get('revenue_total', 'FY2004')).toBeUndefined();
  });
});

describe('facts from table cells', () => {
  test.each<[string, number, 'income' | 'expense' | 'balance' | 'ratio', boolean, number]>([
    // A flow is stored as its contribution to income, an expense as a positive cost; a cost
    // section's rows are printed as costs (positive reduces income); balances and ratios as printed.
    ['revenue printed 100', 100, 'income', false, 100],
    ['an income row printed 100 under a costs heading', 100, 'income', true, -100],
    ['an expense printed 100 under a costs heading', 100, 'expense', true, 100],
    ['an expense printed 100 outside one (a contribution to income)', 100, 'expense', false, -100],
    ['a balance', -5, 'balance', true, -5],
    ['a ratio', 5, 'ratio', true, 5],
  ])('%s', (_name, printed, nature, costSection, expected) => {
    expect(canonicalValue(new Decimal(printed), nature, costSection).toNumber()).toBe(expected);
  });

  test('a flow under a bare date takes the shortest duration the release prints to that date', () => {
    // Six and three months to June 30, 2004 are printed; the reconciliation's "June 30, 2004" is the quarter.
    const text = releaseText([
      { title: OPERATIONS, headers: [['Six Months Ended', 'June 30, 2004'], ['Three Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$75,649', '$38,496']] },
      { title: 'RECONCILIATION TO GAAP (amounts in $ thousands)', headers: [['June 30, 2004']], rows: [['Adjusted EBITDA', '$2,544']] },
    ]);
    const f = analyze([{ name: 'bare-date.txt', text }]).dataset.facts().find((x) => x.concept === 'adjusted_ebitda');
    expect(f?.period.key).toBe('2004Q2');
  });

  test('a flow under a bare date, where the release prints only six months to that date, is those six months', () => {
    // The reconciliation printed first: its bare date is no duration to take.
    const text = releaseText([
      { title: 'RECONCILIATION TO GAAP (amounts in $ thousands)', headers: [['June 30, 2004']], rows: [['Adjusted EBITDA', '$5,760']] },
      { title: OPERATIONS, headers: [['Six Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$75,649']] },
    ]);
    const f = analyze([{ name: 'bare-date.txt', text }]).dataset.facts().find((x) => x.concept === 'adjusted_ebitda');
    expect(f?.period.key).toBe('6M2004-06-30');
  });

  test("each table's facts carry the statement its title names (the seed: balance sheet, operations, reconciliation, guidance)", () => {
    const facts = analyze([seed]).dataset.filingFacts()[0].facts;
    const at = (line: number) => [...new Set(facts.filter((x) => x.source.line === line).map((x) => x.statement))];
    // Line 194 Cash (BALANCE SHEET, line 190), 238 revenue (STATEMENT OF OPERATIONS, 231), 296 Adjusted
    // EBITDA (RECONCILIATION TO GAAP, 293), 317 Adjusted EBITDA under `Adjusted EBITDA Guidance Range` (313).
    expect([at(194), at(238), at(296), at(317)]).toEqual([['balance_sheet'], ['operations'], ['non_gaap'], ['guidance']]);
    // A row no concept names takes its table's statement too.
    const text = releaseText([{ title: 'BALANCE SHEET (amounts in $ thousands)', headers: [['June 30, 2004']], rows: [['Cash & Cash Equivalents', '$32,356'], ['Deferred Charges', '$1,200']] }]);
    const own = analyze([{ name: 'bs.txt', text }]).dataset.facts().map((x) => [x.concept, x.mapped, x.statement]);
    expect(own).toEqual([['cash_and_equivalents', true, 'balance_sheet'], ['deferred_charges', false, 'balance_sheet']]);
  });

  test("the seed's reconciliation, under bare dates, gives quarters (line 296: Adjusted EBITDA $2,544 for 2004Q2)", () => {
    const f = analyze([seed]).dataset.filingFacts()[0].facts.find((x) => x.concept === 'adjusted_ebitda' && x.source.line === 296 && x.value.eq(2544));
    expect(f?.period.key).toBe('2004Q2');
  });
});

describe('a change column is not the quantity', () => {
  test("a % Change column's figure is kept apart (unmapped, its member named), never the quarter's revenue", () => {
    const text = releaseText([{ title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004'], ['Three Months Ended', 'June 30, 2003'], ['', '% Change']], rows: [['Total Operating Revenues', '$38,496', '$37,758', '2.0%']] }]);
    const d = analyze([{ name: 'change.txt', text }]).dataset;
    expect(d.get('revenue_total', '2004Q2')?.value.toString()).toBe('38496');
    const change = d.facts().filter((f) => f.member);
    expect(change.map((f) => [f.mapped, f.member, f.value.toString(), f.concept.startsWith('total_operating_revenues') && f.concept !== 'revenue_total'])).toEqual([[false, 'pct-change', '2', true]]);
  });
});

describe('figures stated only in the text (narrative rules)', () => {
  const TABLE = { title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$38,496'] as [string, string]] };
  const textFacts = (...prose: string[]) =>
    analyze([{ name: 'prose.txt', text: releaseText([TABLE], prose) }]).dataset.facts()
      .filter((f) => f.source.table !== 't1')
      .map((f) => `${f.concept} ${f.period.key} ${f.scenario} ${f.value}`);

  test('a guidance range: "$a million to $b million", the measure and year named before it', () => {
    expect(textFacts('Mpower expects full-year 2005 revenue of $174.0 million to $180.5 million.')).toEqual([
      'revenue_total FY2005 guidance-low 174', 'revenue_total FY2005 guidance-high 180.5',
    ]);
  });

  test('"between $a and $b"; two measures in one sentence, the year said once', () => {
    expect(textFacts('The company expects revenue for fiscal year 2004 of $152.6 million to $155.6 million and Adjusted EBITDA of between $8.0 million and $10.0 million.')).toEqual([
      'revenue_total FY2004 guidance-low 152.6', 'revenue_total FY2004 guidance-high 155.6',
      'adjusted_ebitda FY2004 guidance-low 8', 'adjusted_ebitda FY2004 guidance-high 10',
    ]);
  });

  test('not a range, not guidance, no year: nothing', () => {
    expect(textFacts(
      'Mpower expects full-year 2005 revenue of $174.0 million, compared to $152.6 million.',
      'Revenue for the year 2004 was $152.6 million to $155.6 million.',
      'Mpower expects revenue of $174.0 million to $180.5 million.',
    )).toEqual([]);
  });

  test('the D&A split of a note: one figure per date, else nothing', () => {
    expect(textFacts('Selling, General and Administrative is exclusive of depreciation and amortization of $1,915 and $1,962 for the three months ended June 30, 2004 and March 31, 2004.')).toEqual([
      'da_sga 2004Q1 actual 1962', 'da_sga 2004Q2 actual 1915',
    ]);
    expect(textFacts('Selling, General and Administrative is exclusive of depreciation and amortization of $1,915 and $1,962 for the three months ended June 30, 2004, March 31, 2004 and June 30, 2003.')).toEqual([]);
  });
});

describe('the order of releases: by date, then file name, then text (never by import order)', () => {
  const filing = (date: string, file: string, text = ''): Filing => ({ file, text, company: '', ticker: '', cik: '', date, accession: '', tables: [], sentences: [], diagnostics: [] });
  test.each<[string, Filing, Filing, number]>([
    ['an earlier date first', filing('2004-07-29', 'b.txt'), filing('2004-10-28', 'a.txt'), -1],
    ['a later date after', filing('2004-10-28', 'a.txt'), filing('2004-07-29', 'b.txt'), 1],
    ['an undated release before a dated one', filing('', 'z.txt'), filing('2004-07-29', 'a.txt'), -1],
    ['one date: by file name', filing('2004-07-29', 'a.txt'), filing('2004-07-29', 'b.txt'), -1],
    ['one date, the other way round', filing('2004-07-29', 'b.txt'), filing('2004-07-29', 'a.txt'), 1],
    ['one date and name: by text', filing('2004-07-29', 'a.txt', 'A'), filing('2004-07-29', 'a.txt', 'B'), -1],
    ['the same release', filing('2004-07-29', 'a.txt', 'A'), filing('2004-07-29', 'a.txt', 'A'), 0],
  ])('%s', (_name, a, b, order) => {
    expect(filingOrder(a, b)).toBe(order);
  });
});

describe('the primary occurrence of a key', () => {
  test('is a table cell even when the filing lists a figure of its text first; tables keep their document order, then text figures theirs', () => {
    const set = analyze([seed]).dataset.filingFacts()[0];
    const key = (f: { concept: string; period: { key: string }; scenario: string }) => `${f.concept}|${f.period.key}|${f.scenario}`;
    // Stock-based compensation for Q2 2004 is printed in two tables of the seed: 39 on line 245 (the
    // statement of operations) and (39) on line 299 (the reconciliation).
    const printed = set.facts.filter((f) => key(f) === 'stock_based_compensation|2004Q2|actual');
    expect(printed.map((f) => f.source.line)).toEqual([245, 299]);
    const inText = (line: number, table: string) => ({ ...printed[0], source: { ...printed[0].source, table, line } });
    const before = inText(7, 'narrative');
    const after = inText(9, 'note');
    const d = new Dataset([{ filing: set.filing, facts: [before, ...set.facts, after] }]);
    expect(d.occurrences('stock_based_compensation', '2004Q2')).toEqual([printed[0], printed[1], before, after]);
    // The list as the reader gives it (tables first already) stays as it is.
    expect(new Dataset([set]).occurrences('stock_based_compensation', '2004Q2')).toEqual(printed);
  });
});
