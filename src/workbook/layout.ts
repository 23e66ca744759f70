/**
 * From an Analysis to a SheetPlan: statement sheets with one row per catalogue concept (so a
 * concept keeps its row whatever a filing contains), periods as columns in time order, numbers
 * as filed in blue with their provenance as notes, every reconciliation rule as a live formula
 * generated from `RULES` over the cells it reconciles, and a Checks sheet whose every check is
 * live (reported, computed, difference, status). Pure: no Office, DOM or Node APIs.
 */
import Decimal from 'decimal.js';
import { addMonthsToEnd, comparePeriods } from '../filing/periods';
import { CONCEPTS, conceptById, type ConceptDef } from '../model/concepts';
import { valueIn, type Dataset } from '../model/dataset';
import { SCALE_FACTOR, type AmountKind, type Check, type Fact, type Period, type Scale, type Scenario } from '../model/types';
import type { Analysis } from '../pipeline';
import { RULES, type Rule } from '../reconcile/rules';
import { cellAddress, sheetCell, sheetRange } from './a1';
import type { CellStyle, CheckCells, ChartSpec, KeyedRefresh, NameSpec, PlanCell, SheetPlan, SheetSpec } from './plan';

export const SHEET_NAMES = {
  balance: 'MPWR Balance Sheet',
  operations: 'MPWR Operations',
  nonGaap: 'MPWR Non-GAAP',
  guidance: 'MPWR Guidance',
  checks: 'MPWR Checks',
  chart: 'MPWR Chart',
} as const;

type GridId = 'balance' | 'operations' | 'nonGaap' | 'guidance' | 'chart';

export const FORMATS: Record<AmountKind, string> = {
  money: '#,##0;(#,##0);"-"',
  percent: '0.0%',
  'per-share': '$0.00',
  shares: '#,##0',
  ratio: '0.00',
};
/** Formats of differences and tolerances on the Checks sheet (they are small). */
const CHECK_FORMATS: Record<AmountKind, string> = {
  money: '#,##0.###;(#,##0.###);"-"',
  percent: '0.000%',
  'per-share': '$0.0000',
  shares: '#,##0',
  ratio: '0.0000',
};

export const INPUT_COLOR = '#0000FF';
export const FORMULA_COLOR = '#000000';
export const RESTATED_FILL = '#FFF2CC';
const KEY_COLOR = '#808080';

/** Header rows and label columns of every keyed sheet: row 0 period keys, row 1 period labels; column A labels, column B row keys. */
export const FIRST_ROW = 2;
export const FIRST_COL = 2;

interface ColumnDef {
  key: string;
  label: string;
  period: string;
  scenario: Scenario | 'guidance-mid';
}

interface RowDef {
  key: string;
  label: string;
  kind: 'concept' | 'section' | 'rule' | 'chart';
  /** Number kind of the row's cells. */
  amountKind: AmountKind;
  rule?: Rule;
}

interface Grid {
  id: GridId;
  name: string;
  title: string;
  subtitle: string;
  columns: ColumnDef[];
  rows: RowDef[];
  cells: Map<string, PlanCell>;
  colIndex: Map<string, number>;
  rowIndex: Map<string, number>;
}

const GUIDANCE_ROWS = CONCEPTS.filter((c) => (c.statement === 'operations' || c.statement === 'non_gaap') && (c.kind === 'money' || c.kind === 'percent') && !c.occasional);

function homeGrid(c: ConceptDef): GridId {
  if (c.statement === 'balance_sheet') return 'balance';
  if (c.statement === 'non_gaap') return 'nonGaap';
  return 'operations';
}

function conceptsOfRule(rule: Rule): string[] {
  if (rule.type === 'sum') return [rule.reported, ...rule.terms.map(([c]) => c)];
  if (rule.type === 'ratio') return [rule.reported, rule.numerator, rule.denominator];
  return [rule.balance, rule.flow];
}

function reportedOfRule(rule: Rule): string {
  return rule.type === 'rollforward' ? rule.balance : rule.reported;
}

/** The sheet a rule's actual-period reconciliation row stands on: Non-GAAP for anything touching a non-GAAP measure, else the reported concept's sheet. */
function ruleGrid(rule: Rule): GridId {
  if (conceptsOfRule(rule).some((c) => conceptById(c)?.statement === 'non_gaap')) return 'nonGaap';
  const reported = conceptById(reportedOfRule(rule));
  return reported ? homeGrid(reported) : 'operations';
}

const GUIDANCE_IDS = new Set(GUIDANCE_ROWS.map((c) => c.id));

/** Rules that reconcile guidance ranges: sums and ratios not restricted to actuals, over guidance rows only. */
function guidanceRule(rule: Rule): boolean {
  if (rule.type === 'rollforward') return false;
  if (rule.type === 'sum' && rule.scenarios === 'actual') return false;
  return conceptsOfRule(rule).every((c) => GUIDANCE_IDS.has(c));
}

function quarterLabel(p: Period): string {
  if (p.type === 'quarter') return `Q${p.key.slice(5)} ${p.key.slice(0, 4)}`;
  if (p.type === 'year') return `FY ${p.key.slice(2)}`;
  if (p.type === 'instant') {
    const [y, m, d] = p.end.split('-').map(Number);
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
    return `${month} ${d}, ${y}`;
  }
  return `${p.months} months to ${p.end}`;
}

const SCENARIO_LABEL: Record<string, string> = { 'guidance-low': 'Low', 'guidance-high': 'High', 'guidance-mid': 'Mid' };

function columnKey(period: string, scenario: Scenario | 'guidance-mid'): string {
  return scenario === 'actual' ? period : `${period}#${scenario}`;
}

function input(style: CellStyle = {}): CellStyle {
  return { color: INPUT_COLOR, ...style };
}
function formulaStyle(style: CellStyle = {}): CellStyle {
  return { color: FORMULA_COLOR, ...style };
}

/** The money scale of the workbook: the scale most table figures are printed in. */
function moneyScaleOf(dataset: Dataset): Scale {
  const counts = new Map<Scale, number>();
  for (const f of dataset.facts()) if (f.amount.kind === 'money' && f.source.table.startsWith('t')) counts.set(f.scale, (counts.get(f.scale) ?? 0) + 1);
  let best: Scale = 'thousands';
  let n = -1;
  for (const [s, c] of counts) if (c > n) { best = s; n = c; }
  return best;
}

const SCALE_WORDS: Record<Scale, string> = { units: '$', thousands: '$ thousands', millions: '$ millions', billions: '$ billions' };

/** A Decimal in `scale` (money) or as printed (others) → the number a cell holds (percent as a fraction). */
function cellNumber(value: Decimal, kind: AmountKind, scale: Scale, moneyScale: Scale): number {
  if (kind === 'money') return value.times(SCALE_FACTOR[scale]).dividedBy(SCALE_FACTOR[moneyScale]).toNumber();
  if (kind === 'percent') return value.dividedBy(100).toNumber();
  return value.toNumber();
}

function factNumber(f: Fact, moneyScale: Scale): number {
  if (f.amount.kind === 'money') return valueIn(f, moneyScale).toNumber();
  return cellNumber(f.value, f.amount.kind, f.scale, moneyScale);
}

function oneLine(text: string): string {
  return text.trim().replace(/\s{2,}/g, '  ');
}

function provenance(f: Fact): string {
  return `${f.source.file}, line ${f.source.line} (${f.source.tableTitle})\nprinted: ${f.amount.text}\n${oneLine(f.source.text)}`;
}

function nameOf(prefix: string, key: string): string {
  return `${prefix}${key.toUpperCase().replace(/[^A-Z0-9_.]/g, '_')}`;
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** Builds the plan every writer applies. */
export function buildPlan(analysis: Analysis): SheetPlan {
  const { dataset, checks } = analysis;
  const moneyScale = moneyScaleOf(dataset);
  const facts = dataset.facts();

  // Where each fact goes: grid, row key, column key.
  const periodsByKey = new Map<string, Period>();
  for (const f of facts) periodsByKey.set(f.period.key, f.period);

  const unmapped: Record<GridId, Map<string, RowDef>> = {
    balance: new Map(), operations: new Map(), nonGaap: new Map(), guidance: new Map(), chart: new Map(),
  };
  // An unmapped row whose slug spells a catalogue id (an empty label under an `Adjusted EBITDA`
  // heading) keeps a row of its own: one key, one row.
  const rowKey = (f: Fact): string => (!f.mapped && conceptById(f.concept) ? `unmapped:${f.concept}` : f.concept);
  const placeFact = (f: Fact): { grid: GridId; row: string; col: string } => {
    if (f.scenario !== 'actual') {
      return { grid: 'guidance', row: rowKey(f), col: columnKey(f.period.key, f.scenario) };
    }
    const c = f.mapped ? conceptById(f.concept) : undefined;
    const grid: GridId = c ? homeGrid(c) : f.statement === 'non_gaap' ? 'nonGaap' : f.period.type === 'instant' ? 'balance' : 'operations';
    return { grid, row: rowKey(f), col: f.period.key };
  };
  // Unmapped rows in order of first appearance, filings oldest first (a later filing's new rows come last).
  for (const set of dataset.filingFacts()) {
    for (const f of set.facts) {
      const current = dataset.get(f.concept, f.period.key, f.scenario);
      const catalogueRow = current?.mapped && (current.scenario === 'actual' || GUIDANCE_IDS.has(current.concept));
      if (!current || catalogueRow) continue;
      const where = placeFact(current);
      const rows = unmapped[where.grid];
      if (!rows.has(where.row)) rows.set(where.row, { key: where.row, label: current.label, kind: 'concept', amountKind: current.amount.kind });
    }
  }

  // Columns: periods of facts and of the checks placed on each grid.
  const colSets: Record<GridId, Set<string>> = {
    balance: new Set(), operations: new Set(), nonGaap: new Set(), guidance: new Set(), chart: new Set(),
  };
  for (const f of facts) {
    const where = placeFact(f);
    colSets[where.grid].add(where.col);
  }
  const ruleById = new Map(RULES.map((r) => [r.id, r]));
  const checkColumn = (check: Check, rule: Rule): { grid: GridId; col: string } => {
    if (check.scenario !== 'actual') return { grid: 'guidance', col: columnKey(check.period, check.scenario) };
    const grid = ruleGrid(rule);
    if (rule.type === 'rollforward' && grid === 'balance') {
      return { grid, col: periodsByKey.get(check.period)?.end ?? check.period };
    }
    return { grid, col: check.period };
  };
  for (const check of checks) {
    const rule = ruleById.get(check.rule);
    if (!rule) continue;
    const { grid, col } = checkColumn(check, rule);
    if (grid !== 'guidance') colSets[grid].add(col);
  }

  const sortKeys = (keys: Iterable<string>): string[] =>
    [...new Set(keys)].filter((k) => periodsByKey.has(k)).sort((a, b) => comparePeriods(periodsByKey.get(a) as Period, periodsByKey.get(b) as Period));
  const actualColumns = (keys: Iterable<string>): ColumnDef[] =>
    sortKeys(keys).map((k) => ({ key: k, label: quarterLabel(periodsByKey.get(k) as Period), period: k, scenario: 'actual' }));

  const guidancePeriods = dataset.guidancePeriods();
  const guidanceColumns: ColumnDef[] = guidancePeriods.flatMap((p) =>
    (['guidance-low', 'guidance-high', 'guidance-mid'] as const).map((s) => ({
      key: columnKey(p.key, s), label: `${quarterLabel(p)} ${SCENARIO_LABEL[s]}`, period: p.key, scenario: s,
    })));

  const quarterKeys = sortKeys([...colSets.operations, ...colSets.nonGaap].filter((k) => periodsByKey.get(k)?.type === 'quarter'
    && (dataset.get('revenue_total', k) || dataset.get('adjusted_ebitda_margin', k))));

  // Rows.
  const conceptRows = (list: ConceptDef[], grid: GridId): RowDef[] => list.map((c) => {
    const printed = facts.filter((f) => f.concept === c.id && f.source.table.startsWith('t') && (grid === 'guidance') === (f.scenario !== 'actual'));
    const latest = printed[printed.length - 1];
    let label = latest?.label ?? c.name;
    if (c.kind === 'per-share' && !/share/i.test(label)) label = `${label} per Share`;
    return { key: c.id, label, kind: 'concept', amountKind: c.kind };
  });
  const ruleRows = (rules: Rule[]): RowDef[] => rules.map((r) => ({
    key: `rule:${r.id}`, label: r.description, kind: 'rule', rule: r, amountKind: conceptById(reportedOfRule(r))?.kind ?? 'money',
  }));
  const section = (key: string, label: string): RowDef => ({ key: `section:${key}`, label, kind: 'section', amountKind: 'money' });
  const withTail = (rows: RowDef[], rules: Rule[], grid: GridId): RowDef[] => {
    const out = [...rows];
    if (rules.length) out.push(section('reconciliations', 'Reconciliations (live formulas over the rows above)'), ...ruleRows(rules));
    const extra = [...unmapped[grid].values()];
    if (extra.length) out.push(section('unmapped', 'Other rows as printed (not in the concept catalogue)'), ...extra);
    return out;
  };
  const actualRules = (grid: GridId): Rule[] => RULES.filter((r) => ruleGrid(r) === grid);

  const scaleWords = SCALE_WORDS[moneyScale];
  const grids: Grid[] = [];
  const makeGrid = (id: GridId, title: string, columns: ColumnDef[], rows: RowDef[]): Grid => {
    const subtitle = id === 'chart'
      ? `${scaleWords}. In Excel the add-in draws the chart below (columns: revenue; line, secondary axis: Adjusted EBITDA margin); an .xlsx written outside Excel holds this data only: select rows 2 to 5 and Insert > Combo chart.`
      : `${scaleWords}, except shares and per share; labels as printed`;
    const g: Grid = {
      id, name: SHEET_NAMES[id], title, subtitle,
      columns, rows, cells: new Map(),
      colIndex: new Map(columns.map((c, i) => [c.key, FIRST_COL + i])),
      rowIndex: new Map(rows.map((r, i) => [r.key, FIRST_ROW + i])),
    };
    grids.push(g);
    return g;
  };
  const printedConcepts = new Set(facts.map((f) => f.concept));
  const stmt = (s: ConceptDef['statement'][]): ConceptDef[] => CONCEPTS.filter((c) => s.includes(c.statement) && (!c.occasional || printedConcepts.has(c.id)));
  const balance = makeGrid('balance', 'Mpower Holding — Balance Sheet', actualColumns(colSets.balance), withTail(conceptRows(stmt(['balance_sheet']), 'balance'), actualRules('balance'), 'balance'));
  const operations = makeGrid('operations', 'Mpower Holding — Statement of Operations', actualColumns(colSets.operations), withTail(conceptRows(stmt(['operations', 'per_share']), 'operations'), actualRules('operations'), 'operations'));
  const nonGaap = makeGrid('nonGaap', 'Mpower Holding — Non-GAAP Measures and Reconciliation to GAAP', actualColumns(colSets.nonGaap), withTail(conceptRows(stmt(['non_gaap']), 'nonGaap'), actualRules('nonGaap'), 'nonGaap'));
  const guidance = makeGrid('guidance', 'Mpower Holding — Guidance (low, high and mid of each range)', guidanceColumns, withTail(conceptRows(GUIDANCE_ROWS, 'guidance'), RULES.filter(guidanceRule), 'guidance'));
  const chart = makeGrid('chart', 'Mpower Holding — Revenue and Adjusted EBITDA margin by quarter (chart data)', actualColumns(quarterKeys), [
    { key: 'revenue_total', label: 'Total Operating Revenues', kind: 'chart', amountKind: 'money' },
    { key: 'adjusted_ebitda', label: 'Adjusted EBITDA', kind: 'chart', amountKind: 'money' },
    { key: 'adjusted_ebitda_margin', label: 'Adjusted EBITDA (% of Revenue)', kind: 'chart', amountKind: 'percent' },
  ]);
  const byId: Record<GridId, Grid> = { balance, operations, nonGaap, guidance, chart };

  const setCell = (g: Grid, row: number, col: number, cell: PlanCell): void => { g.cells.set(`${row},${col}`, cell); };
  const getCell = (g: Grid, row: number, col: number): PlanCell | undefined => g.cells.get(`${row},${col}`);

  // Where a (concept, period, scenario) lives: the cell a formula references.
  const locate = (concept: string, period: string, scenario: Scenario): { grid: Grid; row: number; col: number } | undefined => {
    const f = dataset.get(concept, period, scenario);
    if (!f) return undefined;
    const where = placeFact(f);
    const g = byId[where.grid];
    const row = g.rowIndex.get(where.row);
    const col = g.colIndex.get(where.col);
    return row === undefined || col === undefined ? undefined : { grid: g, row, col };
  };
  const refFrom = (from: Grid, to: { grid: Grid; row: number; col: number }): string =>
    to.grid === from ? cellAddress(to.row, to.col) : sheetCell(to.grid.name, to.row, to.col);

  // Facts as filed (blue), with provenance notes and restatement flags.
  const restated = new Map<string, { previous: Fact; current: Fact }>();
  for (const r of dataset.restatements) {
    const now = dataset.get(r.concept, r.period, r.scenario);
    if (now && now.source.file === r.current.source.file) restated.set(`${r.concept}|${r.period}|${r.scenario}`, { previous: r.previous, current: now });
  }
  for (const f of facts) {
    const at = locate(f.concept, f.period.key, f.scenario);
    if (!at) continue;
    const r = restated.get(`${f.concept}|${f.period.key}|${f.scenario}`);
    let note = provenance(f);
    const style = input({ numberFormat: FORMATS[f.amount.kind] });
    if (r) {
      style.fill = RESTATED_FILL;
      note = `RESTATED: previously ${r.previous.amount.text} in ${r.previous.source.file}, line ${r.previous.source.line}\n${note}`;
    }
    setCell(at.grid, at.row, at.col, { value: factNumber(f, moneyScale), style, note });
  }

  // Guidance mid-points (derived, black).
  for (const p of guidancePeriods) {
    const lo = guidance.colIndex.get(columnKey(p.key, 'guidance-low')) as number;
    const hi = guidance.colIndex.get(columnKey(p.key, 'guidance-high')) as number;
    const mid = guidance.colIndex.get(columnKey(p.key, 'guidance-mid')) as number;
    guidance.rows.forEach((r, i) => {
      if (r.kind !== 'concept') return;
      const row = FIRST_ROW + i;
      if (!getCell(guidance, row, lo) || !getCell(guidance, row, hi)) return;
      const a = cellAddress(row, lo);
      const b = cellAddress(row, hi);
      setCell(guidance, row, mid, { formula: `=(${a}+${b})/2`, style: formulaStyle({ numberFormat: FORMATS[r.amountKind] }) });
    });
  }

  // Chart data: references to the statement cells.
  for (const r of chart.rows) {
    for (const c of chart.columns) {
      const at = locate(r.key, c.period, 'actual');
      if (!at) continue;
      setCell(chart, chart.rowIndex.get(r.key) as number, chart.colIndex.get(c.key) as number, {
        formula: `=${refFrom(chart, at)}`, style: formulaStyle({ numberFormat: FORMATS[r.amountKind] }),
      });
    }
  }

  // Reconciliation formulas, generated from the rules, one per check that has all its operands.
  const checkCells: CheckCells[] = [];
  const reconOf = new Map<string, { formula: { grid: Grid; row: number; col: number }; printed: { grid: Grid; row: number; col: number } }>();
  for (const check of checks) {
    const rule = ruleById.get(check.rule);
    if (!rule || check.status === 'incomplete') continue;
    const { grid: gid, col: colKey } = checkColumn(check, rule);
    const g = byId[gid];
    const row = g.rowIndex.get(`rule:${rule.id}`);
    const col = g.colIndex.get(colKey);
    if (row === undefined || col === undefined) continue;
    const kind = conceptById(reportedOfRule(rule))?.kind ?? 'money';
    let formula: string | undefined;
    let printed: { grid: Grid; row: number; col: number } | undefined;
    if (rule.type === 'sum') {
      printed = locate(rule.reported, check.period, check.scenario);
      const parts: string[] = [];
      let complete = true;
      for (const [concept, coefficient] of rule.terms) {
        const at = locate(concept, check.period, check.scenario);
        if (!at) { if (!rule.optional?.includes(concept)) complete = false; continue; }
        const ref = refFrom(g, at);
        const sign = coefficient < 0 ? '-' : '+';
        const mag = Math.abs(coefficient);
        parts.push(`${sign}${mag === 1 ? ref : `${mag}*${ref}`}`);
      }
      if (complete && parts.length) formula = `=${parts.join('').replace(/^\+/, '')}`;
    } else if (rule.type === 'ratio') {
      printed = locate(rule.reported, check.period, check.scenario);
      const num = locate(rule.numerator, check.period, check.scenario);
      const den = locate(rule.denominator, check.period, check.scenario);
      if (num && den) {
        const numKind = conceptById(rule.numerator)?.kind;
        let k = new Decimal(rule.factor);
        if (kind === 'percent') k = k.dividedBy(100);
        if (rule.numeratorScale && numKind === 'money') k = k.times(SCALE_FACTOR[moneyScale]).dividedBy(SCALE_FACTOR[rule.numeratorScale]);
        formula = `=${refFrom(g, num)}${k.eq(1) ? '' : `*${k.toString()}`}/${refFrom(g, den)}`;
      }
    } else {
      // As the engine: the balance at the quarter's end against the balance three months before.
      const period = periodsByKey.get(check.period);
      printed = period ? locate(rule.balance, period.end, 'actual') : undefined;
      const start = period ? locate(rule.balance, addMonthsToEnd(period.end, -3), 'actual') : undefined;
      const flow = locate(rule.flow, check.period, 'actual');
      if (start && flow) formula = `=${refFrom(g, start)}+${refFrom(g, flow)}`;
    }
    if (!formula || !printed) continue;
    setCell(g, row, col, { formula, style: formulaStyle({ numberFormat: FORMATS[kind], italic: true }) });
    reconOf.set(check.id, { formula: { grid: g, row, col }, printed });
  }

  // Checks sheet.
  const checkRows: PlanCell[][] = [];
  const checksName = SHEET_NAMES.checks;
  const header = (text: string): PlanCell => ({ value: text, style: { bold: true } });
  checkRows.push([
    header('Mpower Holding — Checks (live: change an input cell and its checks re-evaluate)'),
    ...Array.from({ length: 11 }, (): PlanCell => ({})),
  ]);
  checkRows.push(['Check', 'Description', 'Period', 'Scenario', 'Reported', 'Computed', 'Difference', 'Tolerance', 'Status', 'Status at import', 'Lines', 'Files'].map(header));
  const unitOf = (check: Check): { kind: AmountKind; scale: Scale } => {
    const rule = ruleById.get(check.rule);
    let f: Fact | undefined;
    if (rule?.type === 'rollforward') f = dataset.get(rule.balance, periodsByKey.get(check.period)?.end ?? '', 'actual');
    else f = dataset.get(rule ? reportedOfRule(rule) : check.operands[0]?.concept ?? '', check.period, check.scenario)
      ?? dataset.get(check.operands[1]?.concept ?? '', check.period, check.scenario);
    return f ? { kind: f.amount.kind, scale: f.scale } : { kind: 'money', scale: moneyScale };
  };
  for (const check of checks) {
    const r = checkRows.length;
    const { kind, scale } = unitOf(check);
    const E = cellAddress(r, 4);
    const F = cellAddress(r, 5);
    const num = (d: Decimal | null): PlanCell => (d === null ? {} : { value: cellNumber(d, kind, scale, moneyScale), style: input({ numberFormat: FORMATS[kind] }) });
    let reported: PlanCell = num(check.reported);
    let computed: PlanCell = num(check.computed);
    const recon = reconOf.get(check.id);
    const checksGrid = { name: checksName } as Grid;
    if (recon) {
      reported = { formula: `=${refFrom(checksGrid, recon.printed)}`, style: formulaStyle({ numberFormat: FORMATS[kind] }) };
      computed = { formula: `=${refFrom(checksGrid, recon.formula)}`, style: formulaStyle({ numberFormat: FORMATS[kind] }) };
    } else if (check.rule.startsWith('same-fact:')) {
      const home = locate(check.operands[1]?.concept ?? '', check.period, check.scenario);
      const other = check.operands[0];
      if (home) computed = { formula: `=${refFrom(checksGrid, home)}`, style: formulaStyle({ numberFormat: FORMATS[kind] }) };
      if (other && reported.value !== undefined) reported.note = `${other.file}, line ${other.line ?? '?'}\n${oneLine(other.text)}`;
    }
    const tolerance = cellNumber(check.tolerance, kind, scale, moneyScale);
    const files = [...new Set(check.operands.map((o) => o.file).filter((x) => x))].join(', ');
    checkRows.push([
      { value: check.id },
      { value: check.description },
      { value: check.period },
      { value: check.scenario },
      reported,
      computed,
      { formula: `=IF(OR(${E}="",${F}=""),"",${E}-${F})`, style: formulaStyle({ numberFormat: CHECK_FORMATS[kind] }) },
      { value: tolerance, style: input({ numberFormat: CHECK_FORMATS[kind] }) },
      { formula: `=IF(OR(${E}="",${F}=""),"incomplete",IF(ROUND(${E}-${F},9)=0,"tie",IF(ABS(${E}-${F})<=${cellAddress(r, 7)}*1.000000001,"rounding","break")))`, style: formulaStyle({ bold: true }) },
      { value: check.status },
      { value: check.lines.join(', ') },
      { value: files },
    ]);
    checkCells.push({
      id: check.id,
      status: check.status,
      reported: sheetCell(checksName, r, 4),
      computed: sheetCell(checksName, r, 5),
      difference: sheetCell(checksName, r, 6),
      liveStatus: sheetCell(checksName, r, 8),
      reconciliation: recon ? {
        formula: sheetCell(recon.formula.grid.name, recon.formula.row, recon.formula.col),
        printed: sheetCell(recon.printed.grid.name, recon.printed.row, recon.printed.col),
      } : undefined,
    });
  }
  // Restatements: the current value live, the previous one as filed.
  checkRows.push(Array.from({ length: 12 }, (): PlanCell => ({})));
  checkRows.push([header('Restatements (a newer filing reports a different value; the newer value is in the sheets, flagged)'), ...Array.from({ length: 11 }, (): PlanCell => ({}))]);
  checkRows.push(['Restated', 'Line item', 'Period', 'Scenario', 'Current', 'Previous', 'Change', '', 'Status', '', 'Lines', 'Files'].map(header));
  if (restated.size === 0) checkRows.push([{ value: 'none' }, ...Array.from({ length: 11 }, (): PlanCell => ({}))]);
  for (const [key, { previous, current }] of restated) {
    const r = checkRows.length;
    const [concept, period, scenario] = key.split('|');
    const at = locate(concept, period, scenario as Scenario);
    const kind = current.amount.kind;
    checkRows.push([
      { value: `restated:${columnKey(period, scenario as Scenario)}:${concept}` },
      { value: `${current.label} (was ${previous.amount.text}, now ${current.amount.text})` },
      { value: period },
      { value: scenario },
      at ? { formula: `=${refFrom({ name: checksName } as Grid, at)}`, style: formulaStyle({ numberFormat: FORMATS[kind] }) } : { value: factNumber(current, moneyScale) },
      { value: factNumber(previous, moneyScale), style: input({ numberFormat: FORMATS[kind] }), note: provenance(previous) },
      { formula: `=${cellAddress(r, 4)}-${cellAddress(r, 5)}`, style: formulaStyle({ numberFormat: FORMATS[kind] }) },
      {},
      { value: 'restated', style: { bold: true, fill: RESTATED_FILL } },
      {},
      { value: `now ${current.source.line}; was ${previous.source.line}` },
      { value: `now ${current.source.file}; was ${previous.source.file}` },
    ]);
  }

  // Keyed sheets to SheetSpecs.
  const sheets: SheetSpec[] = [];
  const names: NameSpec[] = [];
  const nameTaken = new Set<string>();
  for (const g of grids) {
    const width = FIRST_COL + g.columns.length;
    const rows: PlanCell[][] = [];
    const keyStyle: CellStyle = { color: KEY_COLOR, italic: true };
    rows.push([header(g.title), { value: 'key', style: keyStyle }, ...g.columns.map((c): PlanCell => ({ value: c.key, style: keyStyle }))]);
    rows.push([{ value: g.subtitle, style: { italic: true } }, { value: 'concept', style: keyStyle }, ...g.columns.map((c) => header(c.label))]);
    g.rows.forEach((r, i) => {
      const row = FIRST_ROW + i;
      const label: PlanCell = { value: r.label, style: r.kind === 'section' ? { bold: true } : r.kind === 'rule' ? { italic: true } : {} };
      const line: PlanCell[] = [label, { value: r.key, style: keyStyle }];
      for (let c = FIRST_COL; c < width; c++) line.push(getCell(g, row, c) ?? {});
      rows.push(line);
      const isGuidance = g.id === 'guidance';
      // Excel names are at most 255 characters and unique whatever their case: two unmapped
      // labels that spell the same name, or one printed on two sheets, get it once (the first).
      const name = nameOf(isGuidance ? 'MPWR_GUIDANCE_' : 'MPWR_', r.key).slice(0, 255);
      if (r.kind === 'concept' && g.id !== 'chart' && !nameTaken.has(name.toUpperCase())) {
        nameTaken.add(name.toUpperCase());
        names.push({
          name,
          refersTo: `=${sheetRange(g.name, row, FIRST_COL, 1, Math.max(1, g.columns.length), true)}`,
          // Excel keeps at most 255 characters of a name's comment.
          comment: `${r.label} (${g.name}${isGuidance ? ', low/high/mid of each range' : ''}), periods left to right in time order`.slice(0, 255),
        });
      }
    });
    const refresh: KeyedRefresh = {
      kind: 'keyed', keyRow: 0, firstCol: FIRST_COL, columnKeys: g.columns.map((c) => c.key), keyCol: 1, firstRow: FIRST_ROW, rowKeys: g.rows.map((r) => r.key),
    };
    const spec: SheetSpec = {
      name: g.name,
      blocks: [{ row: 0, col: 0, cells: rows }],
      freeze: { rows: FIRST_ROW, cols: FIRST_COL },
      columnWidths: columnWidths(rows),
      refresh,
    };
    if (g.id === 'chart') spec.charts = g.columns.length ? [chartSpec(g)] : [];
    normalize(rows, width);
    sheets.push(spec);
  }
  normalize(checkRows, 12);
  const checksSheet: SheetSpec = {
    name: checksName,
    blocks: [{ row: 0, col: 0, cells: checkRows }],
    freeze: { rows: 2, cols: 1 },
    columnWidths: columnWidths(checkRows).map((w, i) => (i === 0 ? Math.min(w, 44) : i === 1 ? Math.min(w, 70) : w)),
    refresh: { kind: 'replace' },
  };
  // Sheet order as a reader expects: statements, non-GAAP, guidance, checks, chart.
  const order = [SHEET_NAMES.balance, SHEET_NAMES.operations, SHEET_NAMES.nonGaap, SHEET_NAMES.guidance, SHEET_NAMES.checks, SHEET_NAMES.chart];
  const all = [...sheets, checksSheet].sort((a, b) => order.indexOf(a.name as (typeof order)[number]) - order.indexOf(b.name as (typeof order)[number]));
  return { sheets: all, names, checks: checkCells };
}

function chartSpec(g: Grid): ChartSpec {
  const n = g.columns.length;
  const rowOf = (key: string): number => g.rowIndex.get(key) as number;
  return {
    title: 'Revenue and Adjusted EBITDA margin by quarter',
    categories: sheetRange(g.name, 1, FIRST_COL, 1, n, true),
    series: [
      { name: 'Total Operating Revenues ($ thousands)', values: sheetRange(g.name, rowOf('revenue_total'), FIRST_COL, 1, n, true), type: 'column' },
      { name: 'Adjusted EBITDA margin', values: sheetRange(g.name, rowOf('adjusted_ebitda_margin'), FIRST_COL, 1, n, true), type: 'line', secondaryAxis: true },
    ],
    anchor: { row: FIRST_ROW + g.rows.length + 3, col: 0 },
  };
}

/** Pads every row to `width` cells so blocks are rectangular. */
/** What a cell holds in place of a figure too large for a double (a filing's 400-digit number). */
export const TOO_LARGE_TEXT = '(too large for Excel)';

function normalize(rows: PlanCell[][], width: number): void {
  for (const r of rows) {
    while (r.length < width) r.push({});
    // Excel cannot hold it as a number: text, with the printed figure still in the cell's note.
    for (const c of r) if (typeof c.value === 'number' && !Number.isFinite(c.value)) c.value = TOO_LARGE_TEXT;
  }
}

function displayLength(c: PlanCell): number {
  if (typeof c.value === 'string') return c.value.length;
  if (typeof c.value === 'number') return formatNumber(c.value).length + 2;
  if (c.formula) return 12;
  return 0;
}

/** Widths in characters that fit the contents (labels capped so a long description does not push the numbers away). */
function columnWidths(rows: PlanCell[][]): number[] {
  const width = Math.max(...rows.map((r) => r.length));
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    let w = 8;
    // The title rows of column A span several columns: it does not set the width.
    rows.forEach((r, i) => { if (!(i <= 1 && c === 0) && r[c]) w = Math.max(w, displayLength(r[c]) + 1); });
    out.push(Math.min(w, c === 0 ? 60 : 40));
  }
  return out;
}

