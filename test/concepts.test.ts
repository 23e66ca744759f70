/**
 * Labels to concepts: a label is known however Mpower spells its ampersands, case and blanks.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { conceptForLabel, datedAlias, datedConcept, findConcept, normalizeLabel, slugOf } from '../src/model/concepts';
import { analyze } from '../src/pipeline';

const seed = readFileSync(path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'), 'utf8');

describe('"&" reads as "and"', () => {
  test.each([
    ['Cash & Cash Equivalents', 'Cash and Cash Equivalents'],
    ['Long-Term Restricted Cash & Cash Equivalents', 'Long-term restricted cash and cash equivalents'],
    ['Selling, General & Administrative', 'Selling, General and Administrative'],
  ])('%s is the same label as %s', (a, b) => {
    expect(normalizeLabel(a)).toBe(normalizeLabel(b));
  });

  test('a label spelled with "and" finds the concept Mpower prints with "&", and the other way round', () => {
    // The catalogue knows "Long-Term Restricted Cash & Cash Equivalents" (balance sheet, line 201).
    expect(conceptForLabel('Long-Term Restricted Cash and Cash Equivalents', 'money')?.id).toBe('long_term_restricted_cash');
    // ... and "Selling, General and Administrative" (statement of operations, line 243).
    expect(conceptForLabel('Selling, General & Administrative', 'money')?.id).toBe('sga');
    expect(findConcept('Selling, General & Administrative')?.id).toBe('sga');
  });

  test('a release printing "and" where the seed prints "&" reads to the same concepts and checks', () => {
    const lines = seed.split('\n');
    // Line 201: Long-Term Restricted Cash & Cash Equivalents 9,479 / 9,475 / 9,537 (a term of Total Assets).
    expect(lines[200]).toMatch(/^Long-Term Restricted Cash & Cash Equivalents {5}/);
    lines[200] = lines[200].replace('Cash & Cash Equivalents    ', 'Cash and Cash Equivalents  ');
    const a = analyze([{ name: 'and.txt', text: lines.join('\n') }]);
    expect(a.dataset.get('long_term_restricted_cash', '2004-06-30')?.value.toString()).toBe('9479');
    expect(a.checks.find((c) => c.id === 'bs-total-assets@2004-06-30')?.status).toBe('tie');
  });
});

describe('labels as the catalogue compares them', () => {
  test.each<[string, string]>([
    ['Stockholders’ Equity', 'stockholders equity'], // a curly apostrophe, a backtick and a straight one alike
    ['Stockholders` Equity', 'stockholders equity'],
    ["Stockholders' Equity", 'stockholders equity'],
    ['Gain on Sale of Assets, net', 'gain on sale of assets net'],
    ['Adjusted EBITDA (% of Revenue)', 'adjusted ebitda % of revenue'],
    ['  Total   Assets  ', 'total assets'],
    ['Net Loss*', 'net loss*'],
    ['EBITDA(1)', 'ebitda 1'],
  ])('%j reads %j', (label, normal) => {
    expect(normalizeLabel(label)).toBe(normal);
  });

  test('a stem alias (`...*`) takes the label and the label with more words, not a longer word', () => {
    // Cost of Operating Revenues is printed over two lines in the seed (lines 241-242), with its note after it.
    expect(conceptForLabel('Cost of Operating Revenues', 'money')?.id).toBe('cost_of_revenue');
    expect(conceptForLabel('Cost of Operating Revenues (exclusive of depreciation and amortization)', 'money')?.id).toBe('cost_of_revenue');
    expect(conceptForLabel('Cost of Operating Revenuesx', 'money')).toBeUndefined();
  });

  test('the kind of the figure picks the concept a label names: money, per share, a ratio beside a money label', () => {
    // Line 260 "Net Loss ($1,404)" is money; line 267 "Net Loss ($0.02)" is per share.
    expect(conceptForLabel('Net Loss', 'money')?.id).toBe('net_loss');
    expect(conceptForLabel('Net Loss', 'per-share')?.id).toBe('eps_net_loss_basic_diluted');
    // A ratio printed beside a money label is read as that money concept's figure; shares are not.
    expect(conceptForLabel('Adjusted EBITDA', 'ratio')?.id).toBe('adjusted_ebitda');
    expect(conceptForLabel('Adjusted EBITDA', 'shares')).toBeUndefined();
    expect(conceptForLabel('Adjusted EBITDA (% of Revenue)', 'money')).toBeUndefined();
  });

  test('a dated alias applies from its date, never to undated text; on the day the name changed the new name holds', () => {
    // Releases before 2004-04-01 print "Gross Margin" for Adjusted Gross Margin.
    expect(conceptForLabel('Gross Margin', 'money', '2004-03-31')?.id).toBe('adjusted_gross_margin');
    expect(conceptForLabel('Gross Margin', 'money', '2004-04-01')?.id).toBe('gross_margin');
    expect(conceptForLabel('Gross Margin', 'money', '')?.id).toBe('gross_margin');
    expect(conceptForLabel('Gross Margin (% of Revenue)', 'percent', '2004-02-26')?.id).toBe('adjusted_gross_margin_pct');
    expect(datedConcept('gross  margin', '2004-02-26')?.id).toBe('adjusted_gross_margin');
    expect(datedConcept('Gross Margin', '')).toBeUndefined();
    const agm = findConcept('adjusted_gross_margin');
    expect(agm && datedAlias(agm, 'Gross Margin', '2004-02-26')?.note).toBe("Mpower's name for Adjusted Gross Margin in releases before April 2004");
    expect(agm && datedAlias(agm, 'Gross Margin', '2004-10-28')).toBeUndefined();
  });
});

describe('the id of a label no concept takes', () => {
  test.each<[string, Parameters<typeof slugOf>[1], string]>([
    ['Widget Sales', 'money', 'widget_sales'],
    ['Widget Sales', 'per-share', 'widget_sales_per_share'],
    ['Widget Sales', 'percent', 'widget_sales_pct'],
    ['Widget Sales', 'shares', 'widget_sales'],
    ['  Widget   Sales (Net) * ', 'money', 'widget_sales_net'],
    ['Widget % of Sales', 'percent', 'widget_of_sales_pct'],
    ['***', 'money', 'unlabelled'],
    ['', 'per-share', 'unlabelled_per_share'],
    // Another company's "Total Assets" is not Mpower's total_assets, nor its "Adjusted EBITDA" Mpower's.
    ['Total Assets', 'money', 'total_assets_unmapped'],
    ['Adjusted-EBITDA', 'money', 'adjusted_ebitda_unmapped'],
    ['Net Loss', 'per-share', 'net_loss_per_share'],
  ])('%j (%s) is %s', (label, kind, id) => {
    expect(slugOf(label, kind)).toBe(id);
  });
});

describe('what a person means by an item', () => {
  test.each<[string, string | undefined]>([
    ['adjusted_ebitda', 'adjusted_ebitda'],
    [' Adjusted-EBITDA ', 'adjusted_ebitda'],
    ['REVENUE TOTAL', 'revenue_total'],
    // An id no label spells: blanks around it and hyphens in it are forgiven.
    [' revenue_total ', 'revenue_total'],
    ['revenue-total', 'revenue_total'],
    ['long term restricted cash', 'long_term_restricted_cash'],
    ['Long - Term  Restricted Cash', 'long_term_restricted_cash'],
    ['total current assets', 'total_current_assets'],
    ['Adjusted EBITDA (% of Revenue)', 'adjusted_ebitda_margin'],
    ['Unrestricted Cash', 'cash_and_equivalents'],
    ['Cost of Operating Revenues (exclusive of depreciation and amortization)', 'cost_of_revenue'],
    ['Selling, General and Administrative (exclusive of D&A)', 'sga'],
    ['Selling, General and Administrativex', undefined],
    ['Widget Sales', undefined],
  ])('%j is %s', (item, id) => {
    expect(findConcept(item)?.id).toBe(id);
  });
});
