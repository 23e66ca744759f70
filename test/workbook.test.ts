/**
 * The pure layout (src/workbook): a concept keeps its row whatever a filing contains, periods
 * run left to right in time order, reconciliation formulas come from the rules (not written by
 * hand), and the plan validates.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyze } from '../src/pipeline';
import { RULES } from '../src/reconcile/rules';
import { CONCEPTS } from '../src/model/concepts';
import { cellAddress, columnIndex, columnLetter, parseRange, quoteSheet } from '../src/workbook/a1';
import { buildPlan, FORMATS, SHEET_NAMES } from '../src/workbook/layout';
import type { KeyedRefresh, PlanCell, SheetPlan } from '../src/workbook/plan';
import { validatePlan } from '../src/workbook/validate';
import { addressOf, cellAt, checkRow, refOf } from './support/plan-cells';

const SEED = { name: 'mpwr-2004q2-ex99-1.txt', text: readFileSync(join(__dirname, '..', 'assets', 'filings', 'mpwr-2004q2-ex99-1.txt'), 'utf8') };
const Q3 = { name: 'synthetic-2004q3.txt', text: readFileSync(join(__dirname, 'fixtures', 'synthetic-2004q3.txt'), 'utf8') };

const sheet = (plan: SheetPlan, name: string) => {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const keyed = (plan: SheetPlan, name: string): KeyedRefresh => sheet(plan, name).refresh as KeyedRefresh;
const cell = (plan: SheetPlan, name: string, address: string): PlanCell => {
  const p = parseRange(address);
  if (!p) throw new Error(address);
  return sheet(plan, name).blocks[0].cells[p.start.row][p.start.col];
};

describe('a1 addresses', () => {
  test('columns and cells', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(columnIndex('AAA')).toBe(702);
    expect(cellAddress(4, 2, true)).toBe('$C$5');
    expect(quoteSheet("MPWR O'Neil")).toBe("'MPWR O''Neil'");
    expect(parseRange("='MPWR Operations'!$C$5:$E$5")).toEqual({ sheet: 'MPWR Operations', start: { row: 4, col: 2 }, end: { row: 4, col: 4 } });
  });
});

describe('layout of the seed', () => {
  const analysis = analyze([SEED]);
  const plan = buildPlan(analysis);

  test('the five sheets of the issue and the chart data, every one an MPWR sheet; the plan validates', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      SHEET_NAMES.balance, SHEET_NAMES.operations, SHEET_NAMES.nonGaap, SHEET_NAMES.guidance, SHEET_NAMES.checks, SHEET_NAMES.chart,
    ]);
    expect(validatePlan(plan)).toEqual([]);
  });

  test('rows are the catalogue of each statement (a line printed only from some release on, once printed), in the order and under the headings the filing prints', () => {
    const bs = keyed(plan, SHEET_NAMES.balance).rowKeys.filter((k) => !k.includes(':'));
    expect([...bs].sort()).toEqual(CONCEPTS.filter((c) => c.statement === 'balance_sheet').map((c) => c.id).sort());
    const ops = keyed(plan, SHEET_NAMES.operations).rowKeys.filter((k) => !k.includes(':'));
    expect([...ops].sort()).toEqual(CONCEPTS.filter((c) => (c.statement === 'operations' || c.statement === 'per_share') && !c.occasional).map((c) => c.id).sort());
    // The statement of operations as printed (lines 234-267): headings, then their rows.
    expect(keyed(plan, SHEET_NAMES.operations).rowKeys.slice(0, 12)).toEqual([
      'section:operating-revenues', 'revenue_core_customer', 'revenue_switched_access', 'revenue_total',
      'section:operating-expenses', 'cost_of_revenue', 'sga', 'stock_based_compensation', 'gain_on_sale_of_assets', 'depreciation_amortization', 'total_operating_expenses',
      'loss_from_continuing_operations',
    ]);
    const label = (sheet: string, key: string): PlanCell => cell(plan, sheet, addressOf(plan, sheet, key, sheet === SHEET_NAMES.balance ? '2004-06-30' : '2004Q2').replace(/^[A-Z]+/, 'B'));
    expect(label(SHEET_NAMES.balance, 'section:current-assets')).toMatchObject({ value: 'Current Assets', style: { bold: true } });
    expect(label(SHEET_NAMES.balance, 'cash_and_equivalents')).toMatchObject({ value: 'Cash & Cash Equivalents', style: { indent: 1 } });
    expect(label(SHEET_NAMES.balance, 'total_current_assets')).toMatchObject({ style: { bold: true, borderTop: true, indent: 1 } });
    expect(cellAt(plan, SHEET_NAMES.balance, 'total_assets', '2004-06-30')).toMatchObject({ value: 99874, style: { bold: true, borderTop: true } });
    expect(cellAt(plan, SHEET_NAMES.balance, 'cash_and_equivalents', '2004-06-30').style?.bold).toBeUndefined();
  });

  test('periods left to right in time order', () => {
    // Quarters, then the longer periods (H1 2004, derived from 2004Q1 and 2004Q2), then, after a gap,
    // the difference block: printed − recomputed for each period reconciled.
    expect(keyed(plan, SHEET_NAMES.operations).columnKeys).toEqual(['2003Q2', '2004Q1', '2004Q2', '6M2004-06-30', 'diff', 'diff:2003Q2', 'diff:2004Q1', 'diff:2004Q2']);
    expect(keyed(plan, SHEET_NAMES.balance).columnKeys).toEqual(['2003-12-31', '2004-03-31', '2004-06-30', 'diff', 'diff:2003-12-31', 'diff:2004-03-31', 'diff:2004-06-30']);
    expect(keyed(plan, SHEET_NAMES.guidance).columnKeys.slice(0, 6)).toEqual([
      'FY2004#guidance-low', 'FY2004#guidance-high', 'FY2004#guidance-mid', 'FY2005#guidance-low', 'FY2005#guidance-high', 'FY2005#guidance-mid',
    ]);
  });

  test('numbers as the filing presents them (read off the filing), in blue with the model formats; percents as fractions', () => {
    const ops = (row: string, col: string): PlanCell => cellAt(plan, SHEET_NAMES.operations, row, col);
    expect(ops('revenue_total', '2004Q2')).toMatchObject({ value: 38496, style: { color: '#0000FF', numberFormat: FORMATS.money } });
    expect(ops('net_loss', '2003Q2')).toMatchObject({ value: -4743 }); // Net Loss, Q2 2003: ($4,743)
    expect(ops('weighted_average_shares', '2004Q1')).toMatchObject({ value: 78321851, style: { numberFormat: '#,##0' } });
    expect(ops('eps_discontinued', '2004Q1')).toMatchObject({ value: 0.01, style: { numberFormat: '$#,##0.00;$(#,##0.00);$0.00' } });
    // Signs as printed: Gain on Sale (62) under Operating Expenses, Interest Expense (67), Other Expense (95).
    expect(ops('gain_on_sale_of_assets', '2004Q2').value).toBe(-62);
    expect(ops('interest_expense', '2004Q2').value).toBe(-67);
    expect(ops('other_expense', '2004Q2').value).toBe(-95);
    expect(ops('depreciation_amortization', '2004Q2').value).toBe(3879);
    expect(cellAt(plan, SHEET_NAMES.nonGaap, 'adjusted_ebitda_margin', '2003Q2')).toMatchObject({ value: -0.021, style: { numberFormat: '0.0%' } }); // -2.1%
    // Revenue guidance is printed in millions in the text ($152.6 million): in the sheets' $ thousands.
    expect(cellAt(plan, SHEET_NAMES.guidance, 'revenue_total', 'FY2004#guidance-low')).toMatchObject({ value: 152600 });
    const lo = addressOf(plan, SHEET_NAMES.guidance, 'revenue_total', 'FY2004#guidance-low');
    const hi = addressOf(plan, SHEET_NAMES.guidance, 'revenue_total', 'FY2004#guidance-high');
    expect(cellAt(plan, SHEET_NAMES.guidance, 'revenue_total', 'FY2004#guidance-mid')).toMatchObject({ formula: `=(${lo}+${hi})/2`, style: { color: '#000000' }, result: 154100 });
  });

  test('where the canonical sign differs from the printed one, the note says so', () => {
    const gain = cellAt(plan, SHEET_NAMES.operations, 'gain_on_sale_of_assets', '2004Q2');
    expect(gain.note).toContain('Sign: shown as printed ((62)). =MPWR functions answer 62 for Gain on Sale of Assets, net (signed as a contribution to income).');
    expect(cellAt(plan, SHEET_NAMES.operations, 'interest_expense', '2004Q2').note).toContain('=MPWR functions answer 67 for Interest Expense (an expense, as a positive amount)');
    expect(cellAt(plan, SHEET_NAMES.operations, 'revenue_total', '2004Q2').note).not.toContain('Sign:');
  });

  test('every sum rule becomes formulas generated from its terms and coefficients', () => {
    for (const rule of RULES) {
      if (rule.type !== 'sum') continue;
      const checks = analysis.checks.filter((c) => c.rule === rule.id && c.status !== 'incomplete');
      for (const check of checks) {
        const cells = (plan.checks ?? []).find((c) => c.id === check.id);
        expect([check.id, cells?.reconciliation !== undefined]).toEqual([check.id, true]);
        const at = parseRange(cells?.reconciliation?.formula ?? '');
        const f = sheet(plan, at?.sheet ?? '').blocks[0].cells[at?.start.row ?? 0][at?.start.col ?? 0].formula ?? '';
        const refs = f.match(/('[^']+'!)?\$?[A-Z]{1,3}\$?\d+/g) ?? [];
        const present = rule.terms.filter(([c]) => check.operands.some((o) => o.concept === c && o.value !== null));
        expect([check.id, refs.length]).toEqual([check.id, present.length]);
        // Each term's sign is its coefficient times its cell's presented sign (and the total's): the
        // formula recomputes the printed total exactly.
        const printedAt = parseRange(cells?.reconciliation?.printed ?? '');
        const printed = sheet(plan, printedAt?.sheet ?? '').blocks[0].cells[printedAt?.start.row ?? 0][printedAt?.start.col ?? 0].value;
        const result = sheet(plan, at?.sheet ?? '').blocks[0].cells[at?.start.row ?? 0][at?.start.col ?? 0].result as number;
        if (rule.tolerance !== 'printed') expect([check.id, result]).toEqual([check.id, printed]);
      }
    }
    // ops-expenses: the gain on sale is printed (62) among the expenses, so the formula adds the cells as printed.
    const terms = ['cost_of_revenue', 'sga', 'stock_based_compensation', 'gain_on_sale_of_assets', 'depreciation_amortization'].map((k) => addressOf(plan, SHEET_NAMES.operations, k, '2004Q2'));
    expect(cellAt(plan, SHEET_NAMES.operations, 'rule:ops-expenses', '2004Q2')).toMatchObject({ formula: `=${terms.join('+')}`, result: 39808 });
    const loss = ['loss_from_continuing_operations', 'interest_income', 'interest_expense', 'other_expense'].map((k) => addressOf(plan, SHEET_NAMES.operations, k, '2004Q2'));
    expect(cellAt(plan, SHEET_NAMES.operations, 'rule:ops-loss-before-discontinued', '2004Q2')).toMatchObject({ formula: `=${loss.join('+')}`, result: -1397 });
  });

  test('the Checks sheet: each check live, against its tolerance, with the engine\'s status beside it', () => {
    const checks = sheet(plan, SHEET_NAMES.checks).blocks[0].cells;
    const header = checks.find((r) => r[0].value === 'Check');
    expect(header?.map((c) => c.value)).toEqual(['Check', 'Description', 'Period', 'Scenario', 'Reported', 'Computed', 'Difference', 'Tolerance', 'Status', 'At import', 'Likely culprit', 'Lines', 'Accepted (reason)', 'Files']);
    const row = checkRow(plan, 'eps-discontinued@2004Q1');
    expect(row[4].formula).toBe(`=${refOf(plan, SHEET_NAMES.operations, 'eps_discontinued', '2004Q1')}`);
    expect(row[5].formula).toBe(`=${refOf(plan, SHEET_NAMES.operations, 'rule:eps-discontinued', '2004Q1')}`);
    // The computed value shown to the digits that explain the break: $0.0031 against $0.01.
    expect(row[5].style?.numberFormat).toBe('$#,##0.0000;$(#,##0.0000);"-"');
    expect(row[7].value).toBe(0.005);
    expect(row[8].formula).toMatch(/^=IF\(OR\(E\d+="",F\d+=""\),"incomplete",IF\(ROUND\(E\d+-F\d+,9\)=0,"tie",IF\(ABS\(E\d+-F\d+\)<=H\d+\*1\.000000001,"rounding",IF\(M\d+<>"","accepted break","break"\)\)\)\)$/);
    expect(row[9].value).toBe('break');
    expect(row[11].value).toBe('266, 258, 262');
  });

  test('a name for each concept row', () => {
    const names = new Map(plan.names.map((n) => [n.name, n.refersTo]));
    for (const c of CONCEPTS) expect([c.id, names.has(`MPWR_${c.id.toUpperCase()}`)]).toEqual([c.id, !c.occasional]);
    const r = addressOf(plan, SHEET_NAMES.operations, 'revenue_total', '2003Q2').slice(1);
    expect(names.get('MPWR_REVENUE_TOTAL')).toBe(`='MPWR Operations'!$C$${r}:$F$${r}`);
  });

  test('frozen headers and label columns; widths fit the labels', () => {
    const ops = sheet(plan, SHEET_NAMES.operations);
    expect(ops.freeze).toEqual({ rows: 4, cols: 2 });
    expect(ops.hiddenColumns).toEqual([0]);
    expect(ops.columnWidths?.[1]).toBe(58); // the longest labels are capped
    expect(ops.columnWidths?.[2]).toBeGreaterThanOrEqual(10);
  });

  test('the chart: revenue columns and Adjusted EBITDA margin on a secondary axis, by quarter', () => {
    const [chart] = sheet(plan, SHEET_NAMES.chart).charts ?? [];
    expect(chart.categories).toBe("'MPWR Chart'!$C$4:$E$4");
    expect(chart.series.map((s) => [s.type, s.secondaryAxis ?? false])).toEqual([['column', false], ['line', true]]);
    expect(cellAt(plan, SHEET_NAMES.chart, 'adjusted_ebitda_margin', '2004Q2')).toMatchObject({ formula: `=${refOf(plan, SHEET_NAMES.nonGaap, 'adjusted_ebitda_margin', '2004Q2')}`, style: { numberFormat: '0.0%' }, result: 0.066 });
  });

  test('provenance notes: file, line, printed text', () => {
    expect(cellAt(plan, SHEET_NAMES.balance, 'accumulated_deficit', '2003-12-31').note).toBe(
      'mpwr-2004q2-ex99-1.txt, line 222 (BALANCE SHEET)\nprinted: (37,572)\nAccumulated Deficit  (39,239)  (37,835)  (37,572)',
    );
  });
});

describe('layout stability', () => {
  test('a concept keeps its row whichever filings are in the dataset', () => {
    const seedOnly = buildPlan(analyze([SEED]));
    const q3Only = buildPlan(analyze([Q3]));
    const both = buildPlan(analyze([Q3], [SEED]));
    // Statement sheets carry the whole catalogue; Guidance only what is guided (no empty rows), so its
    // rows are compared as an ordered subset of the guidance spec.
    for (const name of [SHEET_NAMES.balance, SHEET_NAMES.operations, SHEET_NAMES.nonGaap]) {
      expect(keyed(q3Only, name).rowKeys).toEqual(keyed(seedOnly, name).rowKeys);
      expect(keyed(both, name).rowKeys).toEqual(keyed(seedOnly, name).rowKeys);
    }
    expect(keyed(both, SHEET_NAMES.operations).columnKeys.slice(0, 5)).toEqual(['2003Q2', '2003Q3', '2004Q1', '2004Q2', '2004Q3']);
  });

  test('the same analysis gives the same plan', () => {
    expect(JSON.stringify(buildPlan(analyze([SEED])))).toBe(JSON.stringify(buildPlan(analyze([SEED]))));
  });

  test('restated values are flagged and listed with the old and the new value', () => {
    const plan = buildPlan(analyze([Q3], [SEED]));
    const ar = cellAt(plan, SHEET_NAMES.balance, 'accounts_receivable_net', '2004-06-30');
    expect(ar).toMatchObject({ value: 11561, style: { fill: '#FFF2CC' } });
    expect(ar.note).toContain('RESTATED: previously 11,611 in mpwr-2004q2-ex99-1.txt, line 195');
    const rows = sheet(plan, SHEET_NAMES.checks).blocks[0].cells.filter((r) => String(r[0].value).startsWith('restated:'));
    expect(rows.map((r) => [r[0].value, r[4].formula, r[5].value])).toEqual([
      ['restated:2004-06-30:accounts_receivable_net', `=${refOf(plan, SHEET_NAMES.balance, 'accounts_receivable_net', '2004-06-30')}`, 11611],
      ['restated:2004-06-30:other_receivables', `=${refOf(plan, SHEET_NAMES.balance, 'other_receivables', '2004-06-30')}`, 2012],
    ]);
  });
});

describe('validation', () => {
  const plan = buildPlan(analyze([SEED]));
  test('refuses a plan that would touch a user sheet, a ragged block, a bad formula or name', () => {
    const bad: SheetPlan = {
      sheets: [
        { name: 'Sheet1', blocks: [] },
        { name: 'MPWR X', blocks: [{ row: 0, col: 0, cells: [[{ value: 1 }], [{ value: 1 }, { value: 2 }]] }] },
        { name: 'MPWR Y', blocks: [{ row: 0, col: 0, cells: [[{ formula: '=SUM(A1' }, { value: Number.NaN }]] }] },
      ],
      names: [{ name: 'A1', refersTo: "='MPWR X'!$A$1" }, { name: 'MPWR_OK', refersTo: "='Elsewhere'!$A$1" }],
    };
    const errors = validatePlan(bad);
    expect(errors.join('\n')).toMatch(/"Sheet1" is not an MPWR sheet/);
    expect(errors.join('\n')).toMatch(/row 1 has 2 cells, expected 1/);
    expect(errors.join('\n')).toMatch(/unbalanced/);
    expect(errors.join('\n')).toMatch(/not a finite number/);
    expect(errors.join('\n')).toMatch(/name A1 is not a valid Excel name/);
    expect(errors.join('\n')).toMatch(/MPWR_OK refers to/);
    expect(validatePlan(plan)).toEqual([]);
  });
});
