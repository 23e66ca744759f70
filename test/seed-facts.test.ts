/**
 * Every number of the seed release, read off the filing by a person (assets/filings/
 * mpwr-2004q2-ex99-1.txt), with its concept, period, scenario and kind.
 * Values are as printed, in the printed scale; the canonical sign is checked where the filing
 * prints the opposite (D&A `(3,879)` in the reconciliation is the expense 3,879).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../src/pipeline';
import type { Fact } from '../src/model/types';
import { shared } from './support/shared';

const SEED = path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt');
const text = readFileSync(SEED, 'utf8');
const analysis = shared(() => analyze([{ name: 'mpwr-2004q2-ex99-1.txt', text }]));
const facts = () => analysis().dataset.filingFacts()[0].facts;

function find(concept: string, period: string, line: number, scenario = 'actual'): Fact {
  const f = facts().find((x) => x.concept === concept && x.period.key === period && x.scenario === scenario && x.source.line === line);
  if (!f) throw new Error(`no fact ${concept} ${period} ${scenario} at line ${line}`);
  return f;
}

type Row = [concept: string, line: number, values: string[]];

const BS = ['2004-06-30', '2004-03-31', '2003-12-31'];
const BALANCE_SHEET: Row[] = [
  ['cash_and_equivalents', 194, ['32356', '29294', '29307']],
  ['accounts_receivable_net', 195, ['11611', '12196', '14076']],
  ['other_receivables', 196, ['2012', '4031', '5039']],
  ['prepaid_and_other_current_assets', 197, ['2353', '2983', '4579']],
  ['total_current_assets', 199, ['48332', '48504', '53001']],
  ['property_and_equipment_net', 200, ['31296', '32268', '33762']],
  ['long_term_restricted_cash', 201, ['9479', '9475', '9537']],
  ['intangibles_net', 202, ['6658', '7803', '8948']],
  ['other_assets', 203, ['4109', '4063', '3781']],
  ['total_assets', 204, ['99874', '102113', '109029']],
  ['capital_lease_obligations_current', 208, ['66', '155', '256']],
  ['accounts_payable', 209, ['10467', '11520', '15754']],
  ['accrued_sales_tax', 210, ['3603', '3578', '3647']],
  ['accrued_property_taxes', 211, ['2970', '2952', '2818']],
  ['accrued_bonus', 212, ['921', '460', '2388']],
  ['deferred_revenue_current', 213, ['4867', '4814', '4696']],
  ['accrued_other_expenses', 214, ['10264', '10527', '11018']],
  ['total_current_liabilities', 216, ['33158', '34006', '40577']],
  ['deferred_revenue_long_term', 217, ['1978', '2063', '2211']],
  ['total_liabilities', 219, ['35136', '36069', '42788']],
  ['common_stock', 220, ['78', '78', '78']],
  ['additional_paid_in_capital', 221, ['103899', '103801', '103735']],
  ['accumulated_deficit', 222, ['-39239', '-37835', '-37572']],
  ['total_stockholders_equity', 224, ['64738', '66044', '66241']],
  ['total_liabilities_and_equity', 225, ['99874', '102113', '109029']],
];

const Q = ['2004Q2', '2004Q1', '2003Q2'];
// Statement of operations: canonical values (expenses positive, gain positive, income items signed).
const OPERATIONS: Row[] = [
  ['revenue_core_customer', 235, ['33585', '32770', '32139']],
  ['revenue_switched_access', 236, ['4911', '4383', '5619']],
  ['revenue_total', 238, ['38496', '37153', '37758']],
  ['cost_of_revenue', 242, ['17740', '16388', '18953']],
  ['sga', 244, ['18212', '17549', '19587']],
  ['stock_based_compensation', 245, ['39', '39', '29']],
  ['gain_on_sale_of_assets', 246, ['62', '198', '177']],
  ['depreciation_amortization', 247, ['3879', '3901', '3984']],
  ['total_operating_expenses', 249, ['39808', '37679', '42376']],
  ['loss_from_continuing_operations', 251, ['-1312', '-526', '-4618']],
  ['interest_income', 253, ['77', '88', '46']],
  ['interest_expense', 254, ['67', '66', '184']],
  ['other_expense', 255, ['95', '0', '0']],
  ['loss_before_discontinued_operations', 257, ['-1397', '-504', '-4756']],
  ['discontinued_operations', 258, ['-7', '241', '13']],
  ['net_loss', 260, ['-1404', '-263', '-4743']],
  ['weighted_average_shares', 262, ['78417485', '78321851', '65022403']],
  ['eps_loss_before_discontinued', 265, ['-0.02', '-0.01', '-0.07']],
  ['eps_discontinued', 266, ['0', '0.01', '0']],
  ['eps_net_loss_basic_diluted', 267, ['-0.02', '0', '-0.07']],
  ['adjusted_gross_margin', 269, ['20756', '20765', '18805']],
  ['adjusted_gross_margin_pct', 270, ['53.9', '55.9', '49.8']],
  ['adjusted_ebitda', 272, ['2544', '3216', '-782']],
  ['adjusted_ebitda_margin', 273, ['6.6', '8.7', '-2.1']],
  // Gross margin reconciliation.
  ['adjusted_gross_margin', 287, ['20756', '20765', '18805']],
  ['da_cost_of_revenue', 289, ['1964', '1939', '1742']],
  ['gross_margin', 291, ['18792', '18826', '17063']],
  // Net loss reconciliation.
  ['adjusted_ebitda', 296, ['2544', '3216', '-782']],
  ['depreciation_amortization', 297, ['3879', '3901', '3984']],
  ['gain_on_sale_of_assets', 298, ['62', '198', '177']],
  ['stock_based_compensation', 299, ['39', '39', '29']],
  ['loss_from_continuing_operations', 301, ['-1312', '-526', '-4618']],
  ['interest_income', 302, ['77', '88', '46']],
  ['interest_expense', 303, ['67', '66', '184']],
  ['other_expense', 304, ['95', '0', '0']],
  ['loss_before_discontinued_operations', 306, ['-1397', '-504', '-4756']],
  ['discontinued_operations', 307, ['-7', '241', '13']],
  ['net_loss', 309, ['-1404', '-263', '-4743']],
  // Note 1.
  ['da_cost_of_revenue', 277, ['1964', '1939', '1742']],
  ['da_sga', 279, ['1915', '1962', '2242']],
];

const G = ['guidance-low', 'guidance-high'];
const GUIDANCE_2004: Row[] = [
  ['adjusted_ebitda', 317, ['8000', '10000']],
  ['depreciation_amortization', 318, ['16000', '16000']],
  ['gain_on_sale_of_assets', 319, ['300', '300']],
  ['stock_based_compensation', 320, ['200', '200']],
  ['loss_from_continuing_operations', 322, ['-7900', '-5900']],
  ['interest_income', 323, ['400', '400']],
  ['interest_expense', 324, ['300', '300']],
  ['other_expense', 325, ['100', '100']],
  ['loss_before_discontinued_operations', 327, ['-7900', '-5900']],
  ['discontinued_operations', 328, ['100', '100']],
  ['net_loss', 330, ['-7800', '-5800']],
];
const GUIDANCE_2005: Row[] = [
  ['adjusted_ebitda', 340, ['16000', '18000']],
  ['depreciation_amortization', 341, ['17000', '17000']],
  ['gain_on_sale_of_assets', 342, ['300', '300']],
  ['stock_based_compensation', 343, ['200', '200']],
  ['loss_from_continuing_operations', 345, ['-900', '1100']],
  ['interest_income', 346, ['400', '400']],
  ['interest_expense', 347, ['300', '300']],
  ['loss_before_discontinued_operations', 349, ['-800', '1200']],
  ['discontinued_operations', 350, ['-300', '-300']],
  ['net_loss', 352, ['-1100', '900']],
];

const KIND: Record<string, string> = {
  weighted_average_shares: 'shares',
  eps_loss_before_discontinued: 'per-share',
  eps_discontinued: 'per-share',
  eps_net_loss_basic_diluted: 'per-share',
  adjusted_gross_margin_pct: 'percent',
  adjusted_ebitda_margin: 'percent',
};

describe('seed release: every printed number', () => {
  test.each(BALANCE_SHEET)('balance sheet %s (line %i)', (concept, line, values) => {
    values.forEach((v, i) => {
      const f = find(concept, BS[i], line);
      expect(f.value.toString()).toBe(v);
      expect(f.amount.kind).toBe('money');
      expect(f.scale).toBe('thousands');
      expect(f.period.type).toBe('instant');
    });
  });
  test.each(OPERATIONS)('quarters %s (line %i)', (concept, line, values) => {
    values.forEach((v, i) => {
      const f = find(concept, Q[i], line);
      expect(f.value.toString()).toBe(v);
      expect(f.amount.kind).toBe(KIND[concept] ?? 'money');
      expect(f.scale).toBe((KIND[concept] ?? 'money') === 'money' ? 'thousands' : 'units');
      expect(f.period.type).toBe('quarter');
    });
  });
  test.each(GUIDANCE_2004)('2004 guidance %s (line %i)', (concept, line, values) => {
    values.forEach((v, i) => expect(find(concept, 'FY2004', line, G[i]).value.toString()).toBe(v));
  });
  test.each(GUIDANCE_2005)('2005 guidance %s (line %i)', (concept, line, values) => {
    values.forEach((v, i) => expect(find(concept, 'FY2005', line, G[i]).value.toString()).toBe(v));
  });

  test('narrative guidance ranges, in millions as written', () => {
    const expected: [string, string, number, string, string][] = [
      ['revenue_total', 'FY2004', 74, '152.6', '155.6'],
      ['revenue_total', 'FY2005', 74, '174', '180.5'],
      ['adjusted_ebitda', 'FY2004', 76, '8', '10'],
      ['adjusted_ebitda', 'FY2005', 77, '16', '18'],
    ];
    for (const [concept, period, line, low, high] of expected) {
      const lo = facts().find((f) => f.concept === concept && f.period.key === period && f.scenario === 'guidance-low' && f.source.table === 'narrative');
      const hi = facts().find((f) => f.concept === concept && f.period.key === period && f.scenario === 'guidance-high' && f.source.table === 'narrative');
      expect(lo?.value.toString()).toBe(low);
      expect(lo?.scale).toBe('millions');
      expect(lo?.source.line).toBe(line);
      expect(hi?.value.toString()).toBe(high);
    }
    // $180.5 million stands on line 75 (the sentence wraps).
    expect(facts().find((f) => f.concept === 'revenue_total' && f.period.key === 'FY2005' && f.scenario === 'guidance-high')?.source.line).toBe(75);
  });

  test('a figure read from the text carries its printed line, as a table figure does', () => {
    // Line 66: "Capital expenditures were $1.8 million in the second quarter of 2004. The".
    const capex = facts().find((f) => f.concept === 'capital_expenditures' && f.period.key === '2004Q2');
    expect([capex?.value.toString(), capex?.scale, capex?.source.line, capex?.source.text]).toEqual([
      '1.8', 'millions', 66, 'Capital expenditures were $1.8 million in the second quarter of 2004. The',
    ]);
  });

  test('presentation signs: the same quantity printed with opposite signs', () => {
    expect(find('depreciation_amortization', '2004Q2', 247).presentedSign).toBe(1);
    expect(find('depreciation_amortization', '2004Q2', 297).presentedSign).toBe(-1);
    expect(find('gain_on_sale_of_assets', '2004Q2', 246).amount.value.toString()).toBe('-62');
    expect(find('gain_on_sale_of_assets', '2004Q2', 246).presentedSign).toBe(-1);
    expect(find('gain_on_sale_of_assets', '2004Q2', 298).presentedSign).toBe(1);
  });

  test('Net Loss as an amount and as a per-share figure are different concepts', () => {
    expect(find('net_loss', '2004Q2', 260).amount.text).toBe('($1,404)');
    expect(find('eps_net_loss_basic_diluted', '2004Q2', 267).amount.text).toBe('($0.02)');
  });

  test('provenance: line, column span and printed text', () => {
    const f = find('adjusted_ebitda', '2004Q2', 272);
    const line = text.split('\n')[271];
    expect(line.slice(f.source.column[0], f.source.column[1])).toBe('$2,544');
    expect(f.source.text.startsWith('Adjusted EBITDA')).toBe(true);
    expect(f.source.tableTitle).toMatch(/STATEMENT OF OPERATIONS/);
  });

  test('what was found: company, tables, periods, nothing unmapped', () => {
    const [info] = analysis().dataset.info();
    expect(info.company).toBe('Mpower Holding Corporation');
    expect(info.ticker).toBe('MPE');
    expect(info.date).toBe('2004-07-29');
    expect(info.periods).toEqual(['2003Q2', '2003-12-31', '2004-03-31', '2004Q1', '2004-06-30', '2004Q2']);
    expect(analysis().dataset.guidancePeriods().map((p) => p.key)).toEqual(['FY2004', 'FY2005']);
    expect(info.unmapped).toBe(0);
    // 25 balance sheet rows × 3, 24 + 3 + 11 reconciliation rows × 3, 6 note figures,
    // 11 + 10 guidance rows × 2, 8 narrative guidance figures, capital expenditures (stated only in the text).
    expect(info.facts).toBe(25 * 3 + 24 * 3 + 3 * 3 + 11 * 3 + 6 + 11 * 2 + 10 * 2 + 8 + 1);
    expect(analysis().diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
