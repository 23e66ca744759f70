/**
 * The six real releases of other companies (public SEC filings, 2004-2024): every table the
 * reader finds with its title and its column periods as a person reads them off the header, at
 * least 25 figures each (value, period, kind, scale) read off the filing by a person, every
 * `break` listed (there is none: every subtotal these filings print adds up under the structure
 * their layout gives, checked by hand in the note), and the share of checks that tie or round.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, checkCounts, type Analysis } from '../src/pipeline';
import type { Fact } from '../src/model/types';
import { shared } from './support/shared';

const FILINGS = path.resolve(__dirname, 'fixtures/filings');

interface Expected {
  file: string;
  tables: [title: string, periods: string[]][];
  /** label as printed, period key, value as printed (sign applied), kind, scale; `in` narrows by concept id part or member. */
  facts: [label: string, period: string, value: string, kind: Fact['amount']['kind'], scale: Fact['scale'], narrow?: string][];
}

const M = 'millions';
const T = 'thousands';
const U = 'units';

const EXPECTED: Expected[] = [
  {
    file: 'sears-2004q2-8k.txt',
    tables: [
      ['SEARS, ROEBUCK AND CO. CONSOLIDATED INCOME', ['2004Q2', '2003Q2', '26W2004-07-03', '26W2003-06-28']],
      ['SEARS, ROEBUCK AND CO. CONSOLIDATED BALANCE SHEET', ['2004-07-03', '2003-06-28', '2004-01-03']],
      ['Segment Income Statements — For the 13 Weeks Ended July 3, 2004 and June 28, 2003', ['2004Q2', '2003Q2', '2004Q2', '2003Q2', '2004Q2', '2003Q2']],
      ['* Domestic segment detail for the 13 weeks ended June 28, 2003', ['2003Q2', '2003Q2', '2003Q2', '2003Q2']],
      ['Segment Income Statements — For the 26 Weeks Ended July 3, 2004 and June 28, 2003', ['26W2004-07-03', '26W2003-06-28', '26W2004-07-03', '26W2003-06-28', '26W2004-07-03', '26W2003-06-28']],
      ['** Domestic segment detail for the 26 weeks ended June 28, 2003', ['26W2003-06-28', '26W2003-06-28', '26W2003-06-28', '26W2003-06-28']],
      ['SIGNIFICANT ITEMS Domestic Inventories:', ['2004-07-03', '2003-06-28', '2004-01-03']],
      ['Domestic Retail Stores:', ['2004-07-03', '2003-06-28', '2004-01-03']],
      ['Summary of Certain Significant Items:(1)', ['2004Q2', '2004Q2', '2003Q2', '2003Q2']],
      ['SIGNIFICANT ITEMS Summary of Certain Significant Items: (1)', ['26W2004-07-03', '26W2004-07-03', '26W2003-06-28', '26W2003-06-28']],
    ],
    facts: [
      ['Merchandise sales and services', '2004Q2', '8700', 'money', M, 'revenues_'],
      ['Merchandise sales and services', '26W2003-06-28', '16325', 'money', M, 'revenues_'],
      ['Total revenues', '2004Q2', '8781', 'money', M, '^total_revenues$'],
      ['Total revenues', '2003Q2', '10196', 'money', M, '^total_revenues$'],
      ['Total revenues', '26W2004-07-03', '16575', 'money', M, '^total_revenues$'],
      ['Selling and administrative', '26W2003-06-28', '4409', 'money', M, 'costs_and_expenses_'],
      ['Operating income', '2003Q2', '489', 'money', M, '^operating_income$'],
      ['Income tax expense', '2004Q2', '-32', 'money', M],
      ['NET INCOME/ (LOSS)', '26W2004-07-03', '-806', 'money', M],
      ['Cumulative effect of change in accounting principle', '26W2004-07-03', '-839', 'money', M, '^cumulative'],
      ['Earnings/ (loss) per share', '26W2004-07-03', '-3.71', 'per-share', U, 'basic'],
      ['Earnings/ (loss) per share', '2004Q2', '0.24', 'per-share', U, 'diluted'],
      ['Average common equivalent shares outstanding', '2004Q2', '216.5', 'shares', M],
      ['Cash and cash equivalents', '2004-07-03', '3559', 'money', M],
      ['Cash and cash equivalents', '2004-01-03', '9057', 'money', M],
      ['Domestic credit card receivables', '2003-06-28', '29465', 'money', M],
      ['Less allowance for uncollectible accounts', '2003-06-28', '1953', 'money', M],
      ['Total assets', '2004-07-03', '21927', 'money', M],
      ['Total assets', '2003-06-28', '50373', 'money', M],
      ['Treasury stock - at cost', '2004-07-03', '-8740', 'money', M],
      ["Total shareholders' equity", '2004-01-03', '6401', 'money', M],
      ['Total common shares outstanding', '2004-07-03', '213.1', 'shares', M],
      ['Total revenues', '2004Q2', '7673', 'money', M, 'domestic'],
      ['Total revenues', '2004Q2', '1108', 'money', M, 'sears canada'],
      ['Operating income', '26W2004-07-03', '3', 'money', M, 'domestic'],
      ['Total revenues', '2003Q2', '1266', 'money', M, 'credit financial products'],
      ['Special Charges', '2004Q2', '41', 'money', M, 'pretax'],
      ['Special Charges', '2004Q2', '0.12', 'per-share', U],
      ['Total', '26W2004-07-03', '4.18', 'per-share', U],
    ],
  },
  {
    file: 'southern-2004q4-8k.txt',
    tables: [
      ['Southern Company — Financial Highlights', ['2004Q4', '2003Q4', 'FY2004', 'FY2003']],
      ['Significant Factors Impacting EPS (Notes)', ['2004Q4', '2003Q4', '2004Q4', 'FY2004', 'FY2003', 'FY2004']],
      ['Southern Company — Analysis of Consolidated Earnings', ['2004Q4', '2003Q4', '2004Q4', 'FY2004', 'FY2003', 'FY2004']],
      ['Kilowatt-Hour Sales', ['2004Q4', '2003Q4', '2004Q4', 'FY2004', 'FY2003', 'FY2004']],
      ['Southern Company — Financial Overview', ['2004Q4', '2003Q4', '2004Q4', 'FY2004', 'FY2003', 'FY2004']],
    ],
    facts: [
      ['Retail Business', '2004Q4', '122', 'money', M, 'consolidated'],
      ['Retail Business', 'FY2003', '1153', 'money', M, 'consolidated'],
      ['Competitive Generation', 'FY2004', '220', 'money', M, 'consolidated'],
      ['Total', '2003Q4', '147', 'money', M, 'consolidated'],
      ['Parent Company and Other', 'FY2003', '-36', 'money', M, 'consolidated'],
      ['Net Income - Excluding One-Time Items (See Notes)', 'FY2004', '1508', 'money', M],
      ['- As Reported', '2004Q4', '204', 'money', M],
      ['- - Excluding One-Time Items (See Notes)', '2004Q4', '0.24', 'per-share', U],
      ['- - As Reported', 'FY2003', '2.03', 'per-share', U],
      ['Operating Revenues', '2004Q4', '2721', 'money', M, '^operating_revenues$'],
      ['Average Shares Outstanding (in millions)', 'FY2004', '739', 'shares', M],
      ['Consolidated Earnings-', 'FY2004', '2.04', 'per-share', U],
      ['Competitive Generation', 'FY2004', '-0.01', 'per-share', U, 'change'],
      ['Retail Revenue', '2004Q4', '2194', 'money', M, '^income_account_retail_revenue$'],
      ['Retail Revenue', 'FY2003', '8875', 'money', M, '^income_account_retail_revenue$'],
      ['Contract Termination', 'FY2003', '142', 'money', M, '^income_account_contract_termination$'],
      ['Total Revenues', 'FY2004', '11903', 'money', M, '^income_account_total_revenues$'],
      ['Total Revenues', '2004Q4', '201', 'money', M, 'change'],
      ['Fuel and Purchased Power', '2003Q4', '824', 'money', M],
      ['Income Taxes', '2004Q4', '-2', 'money', M, '^income_account_income_taxes$'],
      ['NET INCOME AS REPORTED (See Note)', 'FY2003', '1474', 'money', M, 'reported_see_note$'],
      ['Residential', 'FY2004', '3.9', 'percent', U, 'change'],
      ['Earnings Before Income Taxes', '2004Q4', '202', 'money', M, '^consolidated'],
      ['Operating Revenues', '2004Q4', '971', 'money', M, 'alabama'],
      ['Operating Revenues', 'FY2004', '7', 'percent', U, 'alabama_power_operating_revenues_pct'],
      ['Earnings Before Income Taxes', '2003Q4', '-58', 'money', M, 'mississippi'],
      ['Net Income Available to Common (See Note)', 'FY2003', '155', 'money', M, 'southern_power'],
    ],
  },
  {
    file: 'astafunding-2005q3-8k.txt',
    tables: [
      ['CONSOLIDATED STATEMENTS OF OPERATIONS DATA — (UNAUDITED)', ['2005Q2', '2004Q2', '9M2005-06-30', '9M2004-06-30']],
      ['ASTA FUNDING, INC. AND SUBSIDIARIES — CONSOLIDATED BALANCE SHEETS DATA', ['2005-06-30', '2004-09-30']],
    ],
    facts: [
      ['Finance income', '2005Q2', '19028000', 'money', U],
      ['Finance income', '2004Q2', '12050000', 'money', U],
      ['Finance income', '9M2005-06-30', '49520000', 'money', U],
      ['Finance income', '9M2004-06-30', '36369000', 'money', U],
      ['General and administrative', '2005Q2', '4153000', 'money', U],
      ['Interest', '9M2004-06-30', '623000', 'money', U],
      ['Third-party servicing', '9M2004-06-30', '1316000', 'money', U],
      ['', '2005Q2', '4665000', 'money', U],
      ['Income before income taxes', '9M2005-06-30', '36983000', 'money', U],
      ['Income tax expense', '2004Q2', '3802000', 'money', U],
      ['Net income', '2005Q2', '8536000', 'money', U],
      ['Net income', '9M2004-06-30', '15728000', 'money', U],
      ['Basic', '2005Q2', '0.63', 'per-share', U, 'per_share'],
      ['Diluted', '9M2005-06-30', '1.53', 'per-share', U, 'per_share'],
      ['Basic', '2005Q2', '13569000', 'shares', U, 'shares'],
      ['Diluted', '9M2004-06-30', '14248000', 'shares', U, 'shares'],
      ['Cash', '2005-06-30', '1920000', 'money', U],
      ['Cash', '2004-09-30', '3344000', 'money', U],
      ['Consumer receivables acquired for liquidation', '2005-06-30', '166728000', 'money', U],
      ['Deposit on receivable purchase', '2004-09-30', '7288000', 'money', U],
      ['Total assets', '2005-06-30', '171740000', 'money', U],
      ['Debt', '2004-09-30', '39355000', 'money', U],
      ['Total liabilities', '2005-06-30', '35305000', 'money', U],
      ['Retained earnings', '2005-06-30', '75715000', 'money', U],
      ["Total stockholders' equity", '2004-09-30', '114466000', 'money', U],
    ],
  },
  {
    file: 'apple-2004q3-8k.txt',
    tables: [
      ['UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS', ['2004-06-26', '2003-09-27']],
      ['UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS', ['2004Q2', '2003Q2', '9M2004-06-26', '9M2003-06-28']],
      ['UNAUDITED NON-GAAP CONDENSED CONSOLIDATED STATEMENT OF OPERATIONS — THREE MONTHS ENDED JUNE 26, 2004', ['2004Q2', '2004Q2', '2004Q2']],
      ['UNAUDITED NON-GAAP CONDENSED CONSOLIDATED STATEMENT OF OPERATIONS — NINE MONTHS ENDED JUNE 26, 2004', ['9M2004-06-26', '9M2004-06-26', '9M2004-06-26']],
      ['Apple Computer, Inc. — Q3’04 Unaudited Summary Data', ['2004Q1', '2004Q1', '2003Q2', '2003Q2', '2004Q2', '2004Q2', '2004Q2', '2004Q2', '2004Q2', '2004Q2']],
    ],
    facts: [
      ['Cash and cash equivalents', '2004-06-26', '3120', 'money', M],
      ['Cash and cash equivalents', '2003-09-27', '3396', 'money', M],
      ['Short-term investments', '2004-06-26', '1846', 'money', M],
      ['Total current assets', '2003-09-27', '5887', 'money', M],
      ['Total assets', '2004-06-26', '7223', 'money', M],
      ['Current debt', '2004-06-26', '0', 'money', M],
      ['Deferred stock compensation', '2004-06-26', '-103', 'money', M],
      ['Accumulated other comprehensive income (loss)', '2003-09-27', '-35', 'money', M],
      ["Total shareholders’ equity", '2004-06-26', '4812', 'money', M],
      ['Net sales', '2004Q2', '2014', 'money', M, '^net_sales$'],
      ['Net sales', '2003Q2', '1545', 'money', M, '^net_sales$'],
      ['Net sales', '9M2004-06-26', '5929', 'money', M, '^net_sales$'],
      ['Net sales', '9M2003-06-28', '4492', 'money', M, '^net_sales$'],
      ['Cost of sales', '2004Q2', '1455', 'money', M, '^cost_of_sales$'],
      ['Restructuring costs', '2003Q2', '0', 'money', M, 'operating_expenses_restructuring_costs$'],
      ['Operating income (loss)', '9M2003-06-28', '-32', 'money', M],
      ['Cumulative effect of accounting change, net', '9M2003-06-28', '-2', 'money', M],
      ['Net income', '2004Q2', '61', 'money', M, '^net_income$'],
      ['Diluted', '2004Q2', '0.16', 'per-share', U, 'earnings_per_common_share_diluted'],
      ['Basic', '9M2004-06-26', '367606', 'shares', T, 'shares_used'],
      ['Net income', '2004Q2', '67', 'money', M, 'non_gaap'],
      ['Restructuring costs', '9M2004-06-26', '-18', 'money', M, 'adjustments'],
      ['Americas', '2004Q2', '1018', 'money', M, '^operating_segments_americas$'],
      ['Total Apple', '2003Q2', '1545', 'money', M],
      ['iPod', '2004Q2', '860', 'money', M, 'cpu_units'],
    ],
  },
  {
    file: 'apple-2011q1-8k.txt',
    tables: [
      ['Apple Inc. — UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS', ['2010Q4', '2009Q4']],
      ['Apple Inc. — UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS', ['2010-12-25', '2010-09-25']],
      ['Apple Inc. — UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS', ['2010Q4', '2009Q4']],
      ['Apple Inc. — Q1 2011 Unaudited Summary Data', ['2010Q3', '2010Q3', '2009Q4', '2009Q4', '2010Q4', '2010Q4', '2010Q4', '2010Q4', '2010Q4', '2010Q4']],
    ],
    facts: [
      ['Net sales', '2010Q4', '26741', 'money', M],
      ['Net sales', '2009Q4', '15683', 'money', M],
      ['Cost of sales (1)', '2010Q4', '16443', 'money', M],
      ['Research and development (1)', '2009Q4', '398', 'money', M],
      ['Operating income', '2010Q4', '7827', 'money', M],
      ['Provision for income taxes', '2009Q4', '1380', 'money', M],
      ['Net income', '2010Q4', '6004', 'money', M, '^net_income$'],
      ['Diluted', '2010Q4', '6.43', 'per-share', U, 'earnings_per_common_share'],
      ['Basic', '2010Q4', '919294', 'shares', T, 'shares_used'],
      ['Cost of sales', '2010Q4', '52', 'money', M, 'stock_based'],
      ['Cash and cash equivalents', '2010-12-25', '10734', 'money', M],
      ['Cash and cash equivalents', '2010-09-25', '11261', 'money', M],
      ['Vendor non-trade receivables', '2010-12-25', '4847', 'money', M],
      ['Total assets', '2010-12-25', '86742', 'money', M],
      ['Deferred revenue – non-current', '2010-09-25', '1139', 'money', M],
      ['Accumulated other comprehensive income/(loss)', '2010-09-25', '-46', 'money', M],
      ['Total liabilities and shareholders’ equity', '2010-09-25', '75183', 'money', M],
      ['Cash generated by operating activities', '2010Q4', '9773', 'money', M],
      ['Purchases of marketable securities', '2010Q4', '-19575', 'money', M],
      ['Accounts receivable, net', '2010Q4', '-517', 'money', M],
      ['(Decrease)/increase in cash and cash equivalents', '2009Q4', '2346', 'money', M],
      ['Americas', '2010Q4', '9218', 'money', M, '^operating_segments_americas$'],
      ['Americas', '2010Q4', '1360', 'money', M, 'cpu_units'],
      ['iPhone and Related Products and Services (4)', '2010Q3', '8822', 'money', M, '^iphone_and_related_products_and_services_4$'],
      ['Total Apple', '2009Q4', '15683', 'money', M],
    ],
  },
  {
    file: 'buckle-2024q3-ex99.html',
    tables: [
      ['THE BUCKLE, INC. — CONSOLIDATED STATEMENTS OF INCOME', ['13W2024-11-02', '13W2023-10-28', '39W2024-11-02', '39W2023-10-28']],
      ['THE BUCKLE, INC. — CONSOLIDATED BALANCE SHEETS', ['2024-11-02', '2024-02-03', '2023-10-28']],
    ],
    facts: [
      ['SALES, Net of returns and allowances', '13W2024-11-02', '293618', 'money', T],
      ['SALES, Net of returns and allowances', '13W2023-10-28', '303457', 'money', T],
      ['SALES, Net of returns and allowances', '39W2024-11-02', '838490', 'money', T],
      ['SALES, Net of returns and allowances', '39W2023-10-28', '878719', 'money', T],
      ['COST OF SALES (Including buying, distribution, and occupancy costs)', '13W2024-11-02', '153547', 'money', T],
      ['Gross profit', '39W2023-10-28', '418884', 'money', T],
      ['Selling', '13W2024-11-02', '71986', 'money', T],
      ['', '13W2024-11-02', '85588', 'money', T],
      ['INCOME FROM OPERATIONS', '39W2024-11-02', '145139', 'money', T],
      ['INCOME TAX EXPENSE', '13W2023-10-28', '16793', 'money', T],
      ['NET INCOME', '13W2024-11-02', '44172', 'money', T],
      ['NET INCOME', '39W2023-10-28', '140338', 'money', T],
      ['Basic', '13W2024-11-02', '0.89', 'per-share', U],
      ['Diluted', '39W2024-11-02', '2.35', 'per-share', U],
      ['Basic weighted average shares', '13W2024-11-02', '49854', 'shares', T],
      ['Diluted weighted average shares', '39W2023-10-28', '49891', 'shares', T],
      ['Cash and cash equivalents', '2024-11-02', '301958', 'money', T],
      ['Cash and cash equivalents', '2024-02-03', '268213', 'money', T],
      ['Cash and cash equivalents', '2023-10-28', '311657', 'money', T],
      ['Inventory', '2024-11-02', '149351', 'money', T],
      ['Less accumulated depreciation and amortization', '2024-11-02', '-365241', 'money', T],
      ['', '2024-02-03', '128837', 'money', T],
      ['Total assets', '2024-11-02', '976270', 'money', T],
      ['Gift certificates redeemable', '2023-10-28', '12305', 'money', T],
      ['Retained earnings', '2024-02-03', '220030', 'money', T],
      ['Total liabilities and stockholders’ equity', '2023-10-28', '921207', 'money', T],
    ],
  },
];

/** Each release's analysis, made when a test first asks for it (see `shared`). */
const analyses = new Map<string, () => Analysis>();
function analysisOf(file: string): Analysis {
  let a = analyses.get(file);
  if (!a) {
    a = shared(() => analyze([{ name: file, text: readFileSync(path.join(FILINGS, file), 'latin1') }]));
    analyses.set(file, a);
  }
  return a();
}

describe.each(EXPECTED)('$file', ({ file, tables, facts }) => {
  test('every table, its title and its column periods', () => {
    const filing = analysisOf(file).dataset.filings[0];
    expect(filing.tables.map((t) => [t.title, t.columns.map((c) => c.period?.key ?? '-')])).toEqual(tables);
  });

  test(`${facts.length} figures read off the filing: value, period, kind, scale`, () => {
    expect(facts.length).toBeGreaterThanOrEqual(25);
    const all = analysisOf(file).dataset.filingFacts()[0].facts;
    const wrong: string[] = [];
    for (const [label, period, value, kind, scale, narrow] of facts) {
      const re = narrow ? new RegExp(narrow) : undefined;
      const hits = all.filter((f) => f.label === label && f.period.key === period && (!re || re.test(f.concept) || re.test(f.member ?? '')) && f.amount.value.toString() === value);
      // A figure printed in two tables (the income statement and the segment table's consolidated column) is found twice, alike.
      const found = [...new Set(hits.map((f) => `${f.amount.kind}/${f.scale}`))];
      if (found.length !== 1 || found[0] !== `${kind}/${scale}`) wrong.push(`${label} ${period} ${value}: expected ${kind}/${scale}, found [${found.join(', ')}]`);
    }
    expect(wrong).toEqual([]);
  });

  test('no break (none of their printed subtotals fails), 95% or more of the other checks tie or round', () => {
    const { checks } = analysisOf(file);
    const counts = checkCounts(checks);
    expect(checks.filter((c) => c.status === 'break').map((c) => `${c.id}: ${c.reported?.toString()} vs ${c.computed?.toString()}`)).toEqual([]);
    const decided = counts.tie + counts.rounding + counts.unverified;
    expect(decided).toBeGreaterThan(15);
    expect((counts.tie + counts.rounding) / decided).toBeGreaterThanOrEqual(0.95);
  });
});
