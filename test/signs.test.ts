/**
 * One sign convention, stated (docs/ARCHITECTURE.md, "Signs"): every MPWR function answers the
 * same sign for the same concept whichever function it is — the concept's canonical sign
 * (income items as contributions to income, expenses as positive amounts, balances as on the
 * balance sheet, ratios and per-share amounts as printed) — while the model sheets show each
 * number as the filing presents it, and where the two differ the cell's note and MPWR.SOURCE say
 * so. Each row below is read off the printed statement of the seed (line numbers given).
 */
import { FUNCTIONS, SHORTCUTS, callFunction } from '../src/formulas/functions-impl';
import { isFormulaError, type Matrix } from '../src/formulas/values';
import { analyze } from '../src/pipeline';
import type { FormulaData } from '../src/formulas/data';
import type { SheetPlan } from '../src/workbook/plan';
import { buildPlan, SHEET_NAMES } from '../src/workbook/layout';
import { seedFormulaData, SEED } from './support/formulas-seed';
import { cellAt } from './support/plan-cells';
import { beforeShared } from './support/shared';

/** concept, label to call it by, Q2 2004 as printed, its line, what every function answers, what the sheet shows. */
const PRINTED: [string, string, string, number, number, number][] = [
  ['revenue_total', 'Total Operating Revenues', '38,496', 238, 38496, 38496],
  ['cost_of_revenue', 'Cost of Operating Revenues', '17,740', 242, 17740, 17740],
  ['stock_based_compensation', 'Stock-Based Compensation Expense', '39', 245, 39, 39],
  // Printed (62) among the operating expenses: a gain, so +62 as a contribution to income.
  ['gain_on_sale_of_assets', 'Gain on Sale of Assets, net', '(62)', 246, 62, -62],
  ['depreciation_amortization', 'Depreciation and Amortization', '3,879', 247, 3879, 3879],
  ['total_operating_expenses', 'Total Operating Expenses', '39,808', 249, 39808, 39808],
  ['loss_from_continuing_operations', 'Loss from Continuing Operations', '(1,312)', 251, -1312, -1312],
  ['interest_income', 'Interest Income', '77', 253, 77, 77],
  // Printed (67) and (95): expenses, so +67 and +95 as every function answers them.
  ['interest_expense', 'Interest Expense', '(67)', 254, 67, -67],
  ['other_expense', 'Other Expense', '(95)', 255, 95, -95],
  ['loss_before_discontinued_operations', 'Loss before Discontinued Operations', '(1,397)', 257, -1397, -1397],
  ['discontinued_operations', '(Loss) Income from Discontinued Operations', '(7)', 258, -7, -7],
  ['net_loss', 'Net Loss', '($1,404)', 260, -1404, -1404],
  ['eps_net_loss_basic_diluted', 'Net Loss per Share', '($0.02)', 267, -0.02, -0.02],
  ['adjusted_ebitda', 'Adjusted EBITDA', '$2,544', 272, 2544, 2544],
];

/** The lines of the seed's Adjusted EBITDA reconciliation to GAAP (lines 292-308) among those above. */
const IN_EBITDA_RECON = new Set([
  'adjusted_ebitda', 'depreciation_amortization', 'gain_on_sale_of_assets', 'stock_based_compensation', 'loss_from_continuing_operations',
  'interest_income', 'interest_expense', 'other_expense', 'loss_before_discontinued_operations', 'discontinued_operations', 'net_loss',
]);

let d: FormulaData;
beforeShared(() => { d = seedFormulaData(); });
const call = (name: string, ...args: unknown[]): unknown => callFunction(d, name, args);

describe('every function answers the canonical sign of a concept, whichever function it is', () => {
  test.each(PRINTED)('%s (printed %s at line %s… as every function answers it)', (concept, label, _printed, _line, answer) => {
    expect(call('VALUE', label, 'Q2 2004')).toBe(answer);
    expect(call('VALUE', concept, 'Q2 2004')).toBe(answer);
    const shortcut = Object.entries(SHORTCUTS).find(([, id]) => id === concept)?.[0];
    if (shortcut) expect([shortcut, call(shortcut, 'Q2 2004')]).toEqual([shortcut, answer]);
    const series = call('SERIES', concept) as Matrix;
    expect(series[1][series[0].indexOf('2004Q2')]).toBe(answer);
    // In RECON the amount column answers the same; the effect column is the reconciliation's print.
    const recon = call('RECON', 'Adjusted EBITDA', 'Q2 2004') as Matrix;
    const row = recon.find((r) => r[0] === label || (concept === 'net_loss' && r[0] === 'Net Loss (GAAP)'));
    expect([label, row?.[1]]).toEqual([label, IN_EBITDA_RECON.has(concept) ? answer : undefined]);
  });

  test('the functions that answer a concept\'s value are all covered here', () => {
    const valued = FUNCTIONS.filter((f) => f.params.some((p) => p.name === 'item' || p.name === 'measure') || f.name in SHORTCUTS).map((f) => f.name);
    // LTM adds the same canonical values over four quarters (the seed prints three, so it is tested
    // in the history tests); GROWTH answers a change, not a value.
    expect(valued.filter((n) => !['VALUE', 'GUIDANCE', 'SERIES', 'RECON', 'SOURCE', 'LTM', 'GROWTH', ...Object.keys(SHORTCUTS)].includes(n))).toEqual([]);
  });

  test('GUIDANCE answers the same sign: FY2004 Interest Expense (300), D&A (16,000), Gain on Sale 300 (lines 318-324)', () => {
    expect(call('GUIDANCE', 'Interest Expense', 2004, 'low')).toBe(300);
    expect(call('GUIDANCE', 'Depreciation and Amortization', 2004, 'high')).toBe(16000);
    expect(call('GUIDANCE', 'Gain on Sale of Assets, net', 2004, 'mid')).toBe(300);
    expect(call('GUIDANCE', 'Loss from Continuing Operations', 2004, 'low')).toBe(-7900);
    // RECON of the guidance: the same amounts, and effects as the guidance reconciliation prints them.
    const recon = call('RECON', 'Adjusted EBITDA', 'FY2004', 'low') as Matrix;
    expect(recon.find((r) => r[0] === 'Interest Expense')).toEqual(['Interest Expense', 300, -300]);
  });

  test('CHECKS reports in the same sign: Total Operating Expenses 39,808 (line 249)', () => {
    const rows = call('CHECKS', 'Q2 2004') as Matrix;
    const row = rows.find((r) => r[0] === 'ops-expenses@2004Q2');
    expect(row?.slice(2)).toEqual(['tie', 39808, 39808, 0]);
  });

  test('MPWR.SOURCE says where the printed sign differs from the answer', () => {
    const s = call('SOURCE', 'Interest Expense', 'Q2 2004');
    expect(isFormulaError(s)).toBe(false);
    expect(s).toContain('line 254');
    expect(s).toContain('=MPWR functions answer 67 for Interest Expense (an expense, as a positive amount)');
    expect(call('SOURCE', 'Total Operating Revenues', 'Q2 2004')).not.toContain('Sign:');
  });
});

describe('the model sheets show each number as the filing presents it', () => {
  let plan: SheetPlan;
  beforeShared(() => { plan = buildPlan(analyze([SEED])); });
  const home = (concept: string): string => (concept.startsWith('adjusted') ? SHEET_NAMES.nonGaap : SHEET_NAMES.operations);
  test.each(PRINTED)('%s: the cell shows %s (line %s)', (concept, _label, printed, line, answer, shown) => {
    const cell = cellAt(plan, home(concept), concept, '2004Q2');
    expect(cell.value).toBe(shown);
    expect(cell.note).toContain(`line ${line}`);
    expect(cell.note).toContain(`printed: ${printed}`);
    if (shown !== answer) expect(cell.note).toContain(`=MPWR functions answer ${answer} `);
    else expect(cell.note).not.toContain('Sign:');
  });
});
