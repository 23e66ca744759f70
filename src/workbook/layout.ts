/**
 * From an Analysis to a SheetPlan. Model sheets read like a model: labels, then numbers (a
 * hidden column A and a hidden row 1 hold the row and column keys the refresh lines up with);
 * the statements' rows, headings, indents and totals come from `rows.ts`; periods run left to
 * right in time order; numbers appear as the filing presents them (blue, provenance in the note);
 * every reconciliation rule is a live formula generated from `RULES`, with the printed − recomputed
 * difference in a block of its own to the right. The Checks sheet (`checks-sheet.ts`) lists every
 * check, live. Every formula carries its computed value (`evaluate.ts`). Pure: no Office, DOM or
 * Node APIs.
 *
 * Sign convention: cells hold the value as printed at the place it comes from (`Interest Expense
 * (67)` is −67 on the sheet); the reconciliation formulas apply each cell's presented sign, so
 * they foot as the statement does. The MPWR functions answer the canonical sign of the concept
 * (`src/model/concepts.ts`: 67, an expense); where the two differ the cell's note says so.
 */
import Decimal from 'decimal.js';
import { addMonthsToEnd, comparePeriods } from '../filing/periods';
import { CONCEPTS, conceptById, type ConceptDef } from '../model/concepts';
import { signNote } from '../model/signs';
import { valueIn, type Dataset } from '../model/dataset';
import { SCALE_FACTOR, type AmountKind, type Check, type Fact, type Period, type Scale, type Scenario } from '../model/types';
import { mpowerAnalysis, type Analysis } from '../pipeline';
import type { Acceptances } from '../reconcile/triage';
import { DERIVED_RULE, RULES, type Rule } from '../reconcile/rules';
import { definitionChanges, valueNotes } from '../model/definitions';
import { DERIVED_FILL, derivedFormula, derivedNote, orderColumns, placedDerived } from './history';
import { cellAddress, columnLetter, sheetCell, sheetRange } from './a1';
import { buildChecksSheet, type CellRef, type Locator } from './checks-sheet';
import { computeResults } from './evaluate';
import type { CellStyle, CheckCells, ChartSpec, KeyedRefresh, NameSpec, PlanCell, SheetPlan, SheetSpec } from './plan';
import {
  CHECK_FORMATS, FORMATS, FORMULA_COLOR, INPUT_COLOR, RESTATED_FILL, SCALE_WORDS, SHEET_NAMES, cellNumber, columnWidths, normalize, printSpec, provenance,
} from './format';

export { CHECK_FORMATS, FORMATS, FORMULA_COLOR, INPUT_COLOR, RESTATED_FILL, SHEET_NAMES, TOO_LARGE_TEXT } from './format';
import { BALANCE_ROWS, GUIDANCE_ROWS, NEUTRAL_LABELS, NON_GAAP_ROWS, OPERATIONS_ROWS, type RowSpec } from './rows';


type GridId = 'balance' | 'operations' | 'nonGaap' | 'guidance' | 'chart';



/** Keyed sheets: row 1 (hidden) holds the column keys, rows 2–4 the title, subtitle and period headers; column A (hidden) the row keys, B the labels. */
export const KEY_ROW = 0;
export const HEADER_ROW = 3;
export const FIRST_ROW = 4;
export const KEY_COL = 0;
export const LABEL_COL = 1;
export const FIRST_COL = 2;

type ColumnRole = 'value' | 'mid' | 'actual' | 'vs-mid' | 'gap' | 'diff';

interface ColumnDef {
  key: string;
  label: string;
  period: string;
  scenario: Scenario | 'guidance-mid';
  role: ColumnRole;
  /** For a difference column: the key of the column it compares. */
  of?: string;
}

interface RowDef {
  key: string;
  label: string;
  kind: 'concept' | 'section' | 'rule' | 'chart';
  amountKind: AmountKind;
  indent?: number;
  total?: boolean;
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
  /** Presented sign of each fact cell (`row,col`): +1 printed as the canonical sign, −1 the opposite. */
  signs: Map<string, 1 | -1>;
}



export interface PlanOptions {
  /** Breaks the user accepted (check id → reason): written to the Checks sheet, kept across refreshes. */
  accepted?: Acceptances;
}

const SPECS: Record<'balance' | 'operations' | 'nonGaap', RowSpec[]> = { balance: BALANCE_ROWS, operations: OPERATIONS_ROWS, nonGaap: NON_GAAP_ROWS };

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function periodLabel(p: Period): string {
  if (p.type === 'quarter') return `Q${p.key.slice(5)} ${p.key.slice(0, 4)}`;
  if (p.type === 'year') return `FY ${p.key.slice(2)}`;
  const [y, m, d] = p.end.split('-').map(Number);
  if (p.type === 'instant') return `${MONTHS[m - 1]} ${d}, ${y}`;
  return `${p.months}M to ${MONTHS[m - 1]} ${y}`;
}

const COLUMN_SUFFIX: Record<string, string> = { 'guidance-low': 'Low', 'guidance-high': 'High', 'guidance-mid': 'Mid', actual: 'Actual', 'vs-mid': 'Actual − Mid' };

function columnKey(period: string, scenario: Scenario | 'guidance-mid' | 'vs-mid'): string {
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



/** A fact's value in the sign the filing presents it at its place, as a cell holds it. */
function presentedNumber(f: Fact, moneyScale: Scale): number {
  const v = f.amount.kind === 'money' ? valueIn(f, moneyScale) : f.value;
  const shown = f.presentedSign === 1 ? v : v.negated();
  return f.amount.kind === 'money' ? shown.toNumber() : cellNumber(shown, f.amount.kind, f.scale, moneyScale);
}



function nameOf(prefix: string, key: string): string {
  return `${prefix}${key.toUpperCase().replace(/[^A-Z0-9_.]/g, '_')}`;
}




/** Why no workbook can be written for `analysis` (none of its releases is Mpower's), or undefined. */
export function whyNoWorkbook(analysis: Analysis): string | undefined {
  return mpowerAnalysis(analysis).dataset.filings.length === 0 ? "none of these releases is Mpower Holding's, and the workbook is Mpower's model" : undefined;
}

/** Builds the plan every writer applies. */
export function buildPlan(whole: Analysis, options: PlanOptions = {}): SheetPlan {
  // The workbook is Mpower Holding's model: another company's release is previewed, never written here.
  const analysis = mpowerAnalysis(whole);
  const { dataset, checks } = analysis;
  const moneyScale = moneyScaleOf(dataset);
  const facts = dataset.facts();

  const periodsByKey = new Map<string, Period>();
  for (const f of facts) periodsByKey.set(f.period.key, f.period);
  // Derived quarters, years to date and fiscal years (no LTM columns) stand on the statement sheets too (src/workbook/history.ts).
  const derivedFacts = placedDerived(analysis.derived.facts());
  for (const f of derivedFacts) periodsByKey.set(f.period.key, f.period);
  const changes = definitionChanges(dataset);
  /** A printed fact, else (actuals) a derived one. */
  const anyFact = (concept: string, period: string): Fact | undefined => dataset.get(concept, period) ?? analysis.derived.get(concept, period);

  // Where each fact goes: grid, row key, column key.
  const rowKey = (f: Fact): string => (!f.mapped && conceptById(f.concept) ? `unmapped:${f.concept}` : f.concept);
  const placeFact = (f: Fact): { grid: GridId; row: string; col: string } => {
    if (f.scenario !== 'actual') return { grid: 'guidance', row: rowKey(f), col: columnKey(f.period.key, f.scenario) };
    const c = f.mapped ? conceptById(f.concept) : undefined;
    const grid: GridId = c ? homeGrid(c) : f.statement === 'non_gaap' ? 'nonGaap' : f.period.type === 'instant' ? 'balance' : 'operations';
    return { grid, row: rowKey(f), col: f.period.key };
  };

  const guidedConcepts = new Set(facts.filter((f) => f.scenario !== 'actual').map(rowKey));
  // Unmapped rows in order of first appearance, filings oldest first (a later filing's new rows come last).
  const unmapped: Record<GridId, Map<string, RowDef>> = { balance: new Map(), operations: new Map(), nonGaap: new Map(), guidance: new Map(), chart: new Map() };
  for (const set of dataset.filingFacts()) {
    for (const f of set.facts) {
      const current = dataset.get(f.concept, f.period.key, f.scenario);
      if (!current) continue;
      const where = placeFact(current);
      // Every mapped concept has a row of its own (statement rows, or a guided item's row).
      if (current.mapped) continue;
      const rows = unmapped[where.grid];
      if (!rows.has(where.row)) rows.set(where.row, { key: where.row, label: current.label, kind: 'concept', amountKind: current.amount.kind });
    }
  }

  // Columns: periods of facts and of the checks placed on each grid.
  const colSets: Record<GridId, Set<string>> = { balance: new Set(), operations: new Set(), nonGaap: new Set(), guidance: new Set(), chart: new Set() };
  for (const f of [...facts, ...derivedFacts]) {
    const where = placeFact(f);
    colSets[where.grid].add(where.col);
  }
  const ruleById = new Map(RULES.map((r) => [r.id, r]));
  const checkColumn = (check: Check, rule: Rule): { grid: GridId; col: string } => {
    if (check.scenario !== 'actual') return { grid: 'guidance', col: columnKey(check.period, check.scenario) };
    const grid = ruleGrid(rule);
    if (rule.type === 'rollforward' && grid === 'balance') return { grid, col: periodsByKey.get(check.period)?.end ?? check.period };
    return { grid, col: check.period };
  };
  // Which columns of which grid get a reconciliation (and so a difference column).
  const reconColumns: Record<GridId, Set<string>> = { balance: new Set(), operations: new Set(), nonGaap: new Set(), guidance: new Set(), chart: new Set() };
  const rulesWithChecks = new Set<string>();
  for (const check of checks) {
    const rule = ruleById.get(check.rule);
    if (!rule) continue;
    const { grid, col } = checkColumn(check, rule);
    if (grid !== 'guidance') colSets[grid].add(col);
    if (check.status !== 'incomplete') { reconColumns[grid].add(col); rulesWithChecks.add(`${grid}|${rule.id}`); }
  }

  const sortKeys = (keys: Iterable<string>): string[] =>
    [...new Set(keys)].filter((k) => periodsByKey.has(k)).sort((a, b) => comparePeriods(periodsByKey.get(a) as Period, periodsByKey.get(b) as Period));
  const withDiffs = (columns: ColumnDef[], grid: GridId): ColumnDef[] => {
    const compared = columns.filter((c) => reconColumns[grid].has(c.key));
    if (!compared.length) return columns;
    return [
      ...columns,
      { key: 'diff', label: '', period: '', scenario: 'actual', role: 'gap' },
      ...compared.map((c): ColumnDef => ({ key: `diff:${c.key}`, label: c.label, period: c.period, scenario: c.scenario, role: 'diff', of: c.key })),
    ];
  };
  // Quarters (and balance sheet dates) in time order, then the longer periods in a block of their own.
  const actualColumns = (keys: Iterable<string>): ColumnDef[] =>
    orderColumns(keys, periodsByKey).map((k) => ({ key: k, label: periodLabel(periodsByKey.get(k) as Period), period: k, scenario: 'actual', role: 'value' }));

  const guidancePeriods = dataset.guidancePeriods();
  const guidanceColumns: ColumnDef[] = guidancePeriods.flatMap((p) => {
    const cols: ColumnDef[] = (['guidance-low', 'guidance-high', 'guidance-mid'] as const).map((s) => ({
      key: columnKey(p.key, s), label: `${periodLabel(p)} ${COLUMN_SUFFIX[s]}`, period: p.key, scenario: s, role: s === 'guidance-mid' ? 'mid' : 'value',
    }));
    // Once the year is reported, its actual beside the range, and how far from the mid-point.
    if (facts.some((f) => f.scenario === 'actual' && f.period.key === p.key && guidedConcepts.has(rowKey(f)))) {
      cols.push({ key: `${p.key}#actual`, label: `${periodLabel(p)} ${COLUMN_SUFFIX.actual}`, period: p.key, scenario: 'actual', role: 'actual' });
      cols.push({ key: columnKey(p.key, 'vs-mid'), label: `${periodLabel(p)} ${COLUMN_SUFFIX['vs-mid']}`, period: p.key, scenario: 'actual', role: 'vs-mid' });
    }
    return cols;
  });

  const quarterKeys = sortKeys([...colSets.operations, ...colSets.nonGaap].filter((k) => periodsByKey.get(k)?.type === 'quarter'
    && (anyFact('revenue_total', k) || anyFact('adjusted_ebitda_margin', k))));

  // Rows.
  const labelOf = (c: ConceptDef, guidance: boolean): string => {
    const printed = facts.filter((f) => f.concept === c.id && f.mapped && f.source.table.startsWith('t') && guidance === (f.scenario !== 'actual'));
    const labels = [...new Set(printed.map((f) => f.label))];
    if (labels.length === 1) return labels[0];
    if (labels.length === 0) return c.name;
    return labels.find((l) => /\(loss\) income/i.test(l)) ?? NEUTRAL_LABELS[c.id] ?? c.name;
  };
  const conceptRow = (c: ConceptDef, spec: { indent?: number; total?: boolean }, guidance: boolean): RowDef =>
    ({ key: c.id, label: labelOf(c, guidance), kind: 'concept', amountKind: c.kind, indent: spec.indent, total: spec.total });
  // Occasional concepts (a line a few releases print) have a row only once one is printed.
  const printedConcepts = new Set(facts.map((f) => f.concept));
  const shown = (c: ConceptDef): boolean => !c.occasional || printedConcepts.has(c.id);
  const specRows = (spec: RowSpec[], statements: ConceptDef['statement'][]): RowDef[] => {
    const out: RowDef[] = [];
    const listed = new Set<string>();
    for (const r of spec) {
      if ('heading' in r) { out.push({ key: r.key, label: r.heading, kind: 'section', amountKind: 'money' }); continue; }
      const c = conceptById(r.concept);
      if (!c) continue;
      listed.add(c.id);
      if (shown(c)) out.push(conceptRow(c, r, false));
    }
    for (const c of CONCEPTS) if (statements.includes(c.statement) && !listed.has(c.id) && shown(c)) out.push(conceptRow(c, {}, false));
    return out;
  };
  const ruleRows = (rules: Rule[]): RowDef[] => rules.map((r) => ({
    key: `rule:${r.id}`, label: r.description, kind: 'rule', rule: r, amountKind: conceptById(reportedOfRule(r))?.kind ?? 'money', indent: 1,
  }));
  const section = (key: string, label: string): RowDef => ({ key: `section:${key}`, label, kind: 'section', amountKind: 'money' });
  const withTail = (rows: RowDef[], rules: Rule[], grid: GridId): RowDef[] => {
    const out = [...rows];
    if (rules.length) out.push(section('reconciliations', 'Reconciliations (live formulas over the rows above; differences at the right)'), ...ruleRows(rules));
    const extra = [...unmapped[grid].values()];
    if (extra.length) out.push(section('unmapped', 'Other rows as printed (not in the concept catalogue)'), ...extra);
    return out;
  };
  const actualRules = (grid: GridId): Rule[] => RULES.filter((r) => ruleGrid(r) === grid);
  const guidanceRows = (): RowDef[] => {
    const out: RowDef[] = [];
    const listed = new Set<string>();
    for (const r of GUIDANCE_ROWS) {
      if ('heading' in r) continue;
      const c = conceptById(r.concept);
      if (!c || !guidedConcepts.has(c.id)) continue;
      listed.add(c.id);
      out.push(conceptRow(c, r, true));
    }
    for (const c of CONCEPTS) if (guidedConcepts.has(c.id) && !listed.has(c.id)) out.push(conceptRow(c, {}, true));
    return out;
  };

  const scaleWords = SCALE_WORDS[moneyScale];
  const grids: Grid[] = [];
  const makeGrid = (id: GridId, title: string, columns: ColumnDef[], rows: RowDef[]): Grid => {
    const subtitle = id === 'chart'
      ? `${scaleWords}. In Excel the add-in draws the chart below (columns: revenue; line, secondary axis: Adjusted EBITDA margin); an .xlsx written outside Excel holds this data only: select rows 4 to 7 and Insert > Combo chart.`
      : `${scaleWords}, except shares and per share. Figures as the filing presents them (blue: as filed; black: formulas).`;
    const g: Grid = {
      id, name: SHEET_NAMES[id], title, subtitle, columns, rows, cells: new Map(), signs: new Map(),
      colIndex: new Map(columns.map((c, i) => [c.key, FIRST_COL + i])),
      rowIndex: new Map(rows.map((r, i) => [r.key, FIRST_ROW + i])),
    };
    grids.push(g);
    return g;
  };
  const balance = makeGrid('balance', 'Mpower Holding — Balance Sheet', withDiffs(actualColumns(colSets.balance), 'balance'), withTail(specRows(SPECS.balance, ['balance_sheet']), actualRules('balance'), 'balance'));
  const operations = makeGrid('operations', 'Mpower Holding — Statement of Operations', withDiffs(actualColumns(colSets.operations), 'operations'), withTail(specRows(SPECS.operations, ['operations', 'per_share']), actualRules('operations'), 'operations'));
  const nonGaap = makeGrid('nonGaap', 'Mpower Holding — Non-GAAP Measures and Reconciliation to GAAP', withDiffs(actualColumns(colSets.nonGaap), 'nonGaap'), withTail(specRows(SPECS.nonGaap, ['non_gaap']), actualRules('nonGaap'), 'nonGaap'));
  const guidanceRules = RULES.filter((r) => rulesWithChecks.has(`guidance|${r.id}`));
  const guidance = makeGrid('guidance', 'Mpower Holding — Guidance (low, high and mid of each range)', withDiffs(guidanceColumns, 'guidance'), withTail(guidanceRows(), guidanceRules, 'guidance'));
  const chart = makeGrid('chart', 'Mpower Holding — Revenue and Adjusted EBITDA margin by quarter (chart data)', actualColumns(quarterKeys), [
    { key: 'revenue_total', label: 'Total Operating Revenues', kind: 'chart', amountKind: 'money' },
    { key: 'adjusted_ebitda', label: 'Adjusted EBITDA', kind: 'chart', amountKind: 'money' },
    { key: 'adjusted_ebitda_margin', label: 'Adjusted EBITDA (% of Revenue)', kind: 'chart', amountKind: 'percent' },
  ]);
  const byId: Record<GridId, Grid> = { balance, operations, nonGaap, guidance, chart };

  const setCell = (g: Grid, row: number, col: number, cell: PlanCell): void => { g.cells.set(`${row},${col}`, cell); };
  const getCell = (g: Grid, row: number, col: number): PlanCell | undefined => g.cells.get(`${row},${col}`);
  type At = { grid: Grid; row: number; col: number };
  const signAt = (at: At): 1 | -1 => at.grid.signs.get(`${at.row},${at.col}`) ?? 1;

  // Where a (concept, period, scenario) lives: the cell a formula references.
  const cellOf = (f: Fact | undefined): At | undefined => {
    if (!f) return undefined;
    const where = placeFact(f);
    const g = byId[where.grid];
    const row = g.rowIndex.get(where.row);
    const col = g.colIndex.get(where.col);
    return row === undefined || col === undefined ? undefined : { grid: g, row, col };
  };
  const locate = (concept: string, period: string, scenario: Scenario): At | undefined => cellOf(dataset.get(concept, period, scenario));
  /** Where a printed or derived fact lives (reconciliation formulas use `locate`: the engine checks printed figures only). */
  const locateAny = (concept: string, period: string): At | undefined => cellOf(anyFact(concept, period));
  const refFrom = (from: { name: string }, to: CellRef): string =>
    to.grid.name === from.name ? cellAddress(to.row, to.col) : sheetCell(to.grid.name, to.row, to.col);

  // Facts as the filing presents them (blue), with provenance, sign and restatement notes.
  const restated = new Map<string, { previous: Fact; current: Fact }>();
  for (const r of dataset.restatements) {
    const now = dataset.get(r.concept, r.period, r.scenario);
    if (now && now.source.file === r.current.source.file) restated.set(`${r.concept}|${r.period}|${r.scenario}`, { previous: r.previous, current: now });
  }
  const zeros: At[] = [];
  for (const f of facts) {
    const at = locate(f.concept, f.period.key, f.scenario);
    if (!at) continue;
    const r = restated.get(`${f.concept}|${f.period.key}|${f.scenario}`);
    const notes = [provenance(f)];
    const sign = signNote(f);
    if (sign) notes.push(sign);
    notes.push(...valueNotes(f, dataset.releaseDate(f), changes));
    const style = input({ numberFormat: FORMATS[f.amount.kind] });
    if (r) {
      style.fill = RESTATED_FILL;
      notes.unshift(`RESTATED: previously ${r.previous.amount.text} in ${r.previous.source.file}, line ${r.previous.source.line}`);
    }
    setCell(at.grid, at.row, at.col, { value: presentedNumber(f, moneyScale), style, note: notes.join('\n') });
    at.grid.signs.set(`${at.row},${at.col}`, f.presentedSign);
    if (f.value.isZero()) zeros.push(at);
  }
  // A printed zero (`-`) has no sign of its own: it takes its row's, so a formula reads alike in every column.
  for (const at of zeros) {
    const row = at.grid.columns.map((_, i) => at.grid.signs.get(`${at.row},${FIRST_COL + i}`));
    const cells = at.grid.columns.map((_, i) => at.grid.cells.get(`${at.row},${FIRST_COL + i}`));
    const other = row.find((s, i) => s !== undefined && typeof cells[i]?.value === 'number' && cells[i]?.value !== 0);
    if (other) at.grid.signs.set(`${at.row},${at.col}`, other);
  }

  // Derived values: live formulas over the cells they follow from, grey, with a note naming the
  // derivation and its lines. A derived cell is presented in its row's sign (that of its first operand).
  const derivationOf = (f: Fact, from: { name: string }, outSign: 1 | -1): string | undefined => {
    const factor = f.amount.kind === 'percent' ? (f.derivation?.factor ?? 100) / 100 : f.derivation?.factor ?? 1;
    const cells = new Map(f.derivation?.operands.map((o) => [o.fact, locateAny(o.fact.concept, o.fact.period.key)]) ?? []);
    return derivedFormula(f, (op) => { const at = cells.get(op); return at ? refFrom(from, at) : undefined; }, {
      factor, outSign, signOf: (op) => { const at = cells.get(op); return at ? signAt(at) : 1; },
    });
  };
  for (const f of derivedFacts) {
    const at = locateAny(f.concept, f.period.key);
    if (!at || getCell(at.grid, at.row, at.col)) continue;
    const first = f.derivation?.operands[0]?.fact;
    const firstAt = first && f.derivation?.kind !== 'ratio' ? locateAny(first.concept, first.period.key) : undefined;
    const outSign = firstAt ? signAt(firstAt) : 1;
    const formula = derivationOf(f, at.grid, outSign);
    const style = formulaStyle({ numberFormat: FORMATS[f.amount.kind], italic: true, fill: DERIVED_FILL });
    const note = [derivedNote(f), ...valueNotes(f, '', changes)].join('\n');
    const value = f.amount.kind === 'money' ? outSign * valueIn(f, moneyScale).toNumber() : cellNumber(f.value, f.amount.kind, f.scale, moneyScale);
    setCell(at.grid, at.row, at.col, formula ? { formula, style, note } : { value, style, note });
    at.grid.signs.set(`${at.row},${at.col}`, outSign);
  }
  // Printed periods checked against their derivation (the Checks sheet's live formulas).
  const agreementOf = new Map(analysis.derived.agreements().map((a) => [`${DERIVED_RULE.id}:${a.printed.concept}@${a.printed.period.key}`, a]));
  const derivedCheck = (checkId: string, from: { name: string }): { printed: CellRef; formula: string } | undefined => {
    const a = agreementOf.get(checkId);
    const printed = a && locate(a.printed.concept, a.printed.period.key, 'actual');
    const formula = a && printed ? derivationOf(a.derived, from, signAt(printed)) : undefined;
    return printed && formula ? { printed, formula } : undefined;
  };

  // Guidance mid-points (derived, black); the year's actual and its distance from the mid-point.
  for (const p of guidancePeriods) {
    const lo = guidance.colIndex.get(columnKey(p.key, 'guidance-low')) as number;
    const hi = guidance.colIndex.get(columnKey(p.key, 'guidance-high')) as number;
    const mid = guidance.colIndex.get(columnKey(p.key, 'guidance-mid')) as number;
    const act = guidance.colIndex.get(`${p.key}#actual`);
    const vs = guidance.colIndex.get(columnKey(p.key, 'vs-mid'));
    guidance.rows.forEach((r, i) => {
      if (r.kind !== 'concept') return;
      const row = FIRST_ROW + i;
      const fmt = formulaStyle({ numberFormat: FORMATS[r.amountKind] });
      const hasRange = getCell(guidance, row, lo) && getCell(guidance, row, hi);
      if (hasRange) setCell(guidance, row, mid, { formula: `=(${cellAddress(row, lo)}+${cellAddress(row, hi)})/2`, style: fmt });
      if (act === undefined || vs === undefined) return;
      const actual = locate(r.key, p.key, 'actual');
      if (!actual) return;
      // The actual as presented on its statement, in the guidance row's presentation.
      const flip = signAt(actual) !== (guidance.signs.get(`${row},${lo}`) ?? 1);
      setCell(guidance, row, act, { formula: `=${flip ? '-' : ''}${refFrom(guidance, actual)}`, style: fmt });
      if (hasRange) setCell(guidance, row, vs, { formula: `=${cellAddress(row, act)}-${cellAddress(row, mid)}`, style: formulaStyle({ numberFormat: CHECK_FORMATS[r.amountKind] }) });
    });
  }

  // Chart data: references to the statement cells (printed or derived).
  for (const r of chart.rows) {
    for (const c of chart.columns) {
      const at = locateAny(r.key, c.period);
      if (!at) continue;
      setCell(chart, chart.rowIndex.get(r.key) as number, chart.colIndex.get(c.key) as number, {
        formula: `=${refFrom(chart, at)}`, style: formulaStyle({ numberFormat: FORMATS[r.amountKind] }),
      });
    }
  }

  // Reconciliation formulas, generated from the rules, one per check that has all its operands.
  // Each term carries the rule's coefficient times its cell's presented sign, times the presented
  // sign of the total it recomputes: the formula foots as the printed statement does.
  const term = (coefficient: Decimal, ref: string, first: boolean): string => {
    const sign = coefficient.isNegative() ? '-' : first ? '' : '+';
    const mag = coefficient.abs();
    return `${sign}${mag.eq(1) ? ref : `${mag.toString()}*${ref}`}`;
  };
  const reconOf = new Map<string, { formula: At; printed: At }>();
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
    let printed: At | undefined;
    if (rule.type === 'sum') {
      printed = locate(rule.reported, check.period, check.scenario);
      const sR = printed ? signAt(printed) : 1;
      const parts: string[] = [];
      let complete = true;
      for (const [concept, coefficient] of rule.terms) {
        const at = locate(concept, check.period, check.scenario);
        if (!at) { if (!rule.optional?.includes(concept)) complete = false; continue; }
        parts.push(term(new Decimal(coefficient * signAt(at) * sR), refFrom(g, at), parts.length === 0));
      }
      if (complete && parts.length) formula = `=${parts.join('')}`;
    } else if (rule.type === 'ratio') {
      printed = locate(rule.reported, check.period, check.scenario);
      const num = locate(rule.numerator, check.period, check.scenario);
      const den = locate(rule.denominator, check.period, check.scenario);
      if (num && den && printed) {
        const numKind = conceptById(rule.numerator)?.kind;
        let k = new Decimal(rule.factor);
        if (kind === 'percent') k = k.dividedBy(100);
        if (rule.numeratorScale && numKind === 'money') k = k.times(SCALE_FACTOR[moneyScale]).dividedBy(SCALE_FACTOR[rule.numeratorScale]);
        k = k.times(signAt(printed) * signAt(num) * signAt(den));
        const neg = k.isNegative() ? '-' : '';
        formula = `=${neg}${refFrom(g, num)}${k.abs().eq(1) ? '' : `*${k.abs().toString()}`}/${refFrom(g, den)}`;
      }
    } else {
      // As the engine: the balance at the quarter's end against the balance three months before.
      const period = periodsByKey.get(check.period);
      printed = period ? locate(rule.balance, period.end, 'actual') : undefined;
      const start = period ? locate(rule.balance, addMonthsToEnd(period.end, -3), 'actual') : undefined;
      const flow = locate(rule.flow, check.period, 'actual');
      if (start && flow && printed) {
        const sR = signAt(printed);
        formula = `=${term(new Decimal(signAt(start) * sR), refFrom(g, start), true)}${term(new Decimal(signAt(flow) * sR), refFrom(g, flow), false)}`;
      }
    }
    if (!formula || !printed) continue;
    setCell(g, row, col, { formula, style: formulaStyle({ numberFormat: CHECK_FORMATS[kind], italic: true }) });
    reconOf.set(check.id, { formula: { grid: g, row, col }, printed });
    // Printed − recomputed, in the difference block.
    const diffCol = g.colIndex.get(`diff:${colKey}`);
    if (diffCol !== undefined) {
      setCell(g, row, diffCol, { formula: `=${refFrom(g, printed)}-${cellAddress(row, col)}`, style: formulaStyle({ numberFormat: CHECK_FORMATS[kind] }) });
    }
  }

  // The Checks sheet.
  const locator: Locator = {
    locate, signAt: (at) => signAt(at as At), refFrom, moneyScale,
    reconciliation: (id) => reconOf.get(id),
    derivation: derivedCheck,
    ruleOf: (id) => ruleById.get(id),
  };
  const checksBuilt = buildChecksSheet(analysis, locator, options.accepted ?? new Map(), restated);

  // Keyed sheets to SheetSpecs.
  const sheets: SheetSpec[] = [];
  const names: NameSpec[] = [];
  const nameTaken = new Set<string>();
  const header = (text: string): PlanCell => ({ value: text, style: { bold: true } });
  for (const g of grids) {
    const width = FIRST_COL + g.columns.length;
    const values = g.columns.filter((c) => c.role !== 'gap' && c.role !== 'diff');
    const firstDiff = g.columns.findIndex((c) => c.role === 'diff');
    const rows: PlanCell[][] = [];
    const blank = (): PlanCell => ({});
    rows.push([{ value: 'key' }, {}, ...g.columns.map((c): PlanCell => ({ value: c.key }))]);
    rows.push([{}, header(g.title), ...g.columns.map(blank)]);
    const sub: PlanCell[] = [{}, { value: g.subtitle, style: { italic: true } }, ...g.columns.map(blank)];
    if (firstDiff >= 0) sub[FIRST_COL + firstDiff] = { value: 'Difference: printed − recomputed', style: { italic: true } };
    rows.push(sub);
    rows.push([{}, { value: '', style: { borderBottom: true } }, ...g.columns.map((c): PlanCell => (c.role === 'gap' ? {} : { value: c.label, style: { bold: true, align: 'right', borderBottom: true } }))]);
    g.rows.forEach((r, i) => {
      const row = FIRST_ROW + i;
      const labelStyle: CellStyle = r.kind === 'section' ? { bold: true } : r.kind === 'rule' ? { italic: true } : {};
      if (r.indent) labelStyle.indent = r.indent;
      if (r.total) { labelStyle.bold = true; }
      const line: PlanCell[] = [{ value: r.key }, { value: r.label, style: labelStyle }];
      for (let c = FIRST_COL; c < width; c++) {
        const cell = getCell(g, row, c) ?? {};
        const role = g.columns[c - FIRST_COL].role;
        if (r.total && role !== 'gap' && role !== 'diff') cell.style = { ...cell.style, bold: true, borderTop: true };
        line.push(cell);
      }
      if (r.total) line[LABEL_COL].style = { ...line[LABEL_COL].style, borderTop: true };
      rows.push(line);
      const isGuidance = g.id === 'guidance';
      // Excel names are at most 255 characters and unique whatever their case: two unmapped
      // labels that spell the same name, or one printed on two sheets, get it once (the first).
      const name = nameOf(isGuidance ? 'MPWR_GUIDANCE_' : 'MPWR_', r.key).slice(0, 255);
      if (r.kind === 'concept' && g.id !== 'chart' && !nameTaken.has(name.toUpperCase())) {
        nameTaken.add(name.toUpperCase());
        names.push({
          name,
          refersTo: `=${sheetRange(g.name, row, FIRST_COL, 1, Math.max(1, values.length), true)}`,
          comment: `${r.label} (${g.name}${isGuidance ? ', low/high/mid of each range' : ', quarters left to right in time order, then the longer periods'})`.slice(0, 255),
        });
      }
    });
    normalize(rows, width);
    const refresh: KeyedRefresh = {
      kind: 'keyed', keyRow: KEY_ROW, firstCol: FIRST_COL, columnKeys: g.columns.map((c) => c.key), keyCol: KEY_COL, firstRow: FIRST_ROW, rowKeys: g.rows.map((r) => r.key),
    };
    const widths = columnWidths(rows.slice(HEADER_ROW), 60);
    widths[KEY_COL] = 4;
    widths[LABEL_COL] = Math.min(Math.max(widths[LABEL_COL], 30), 58);
    g.columns.forEach((c, i) => { if (c.role === 'gap') widths[FIRST_COL + i] = 3; else widths[FIRST_COL + i] = Math.min(Math.max(widths[FIRST_COL + i], 12), 18); });
    const spec: SheetSpec = {
      name: g.name,
      blocks: [{ row: 0, col: 0, cells: rows }],
      freeze: { rows: FIRST_ROW, cols: FIRST_COL },
      columnWidths: widths,
      hiddenColumns: [KEY_COL],
      hiddenRows: [KEY_ROW],
      refresh,
      print: printSpec(g.name, dataset, `$2:$${FIRST_ROW}`, `$A:$${columnLetter(LABEL_COL)}`),
    };
    if (g.id === 'chart') spec.charts = g.columns.length ? [chartSpec(g, SCALE_WORDS[moneyScale])] : [];
    sheets.push(spec);
  }
  names.push(...checksBuilt.names);
  // Sheet order as a reader expects: statements, non-GAAP, guidance, checks, chart.
  const order = [SHEET_NAMES.balance, SHEET_NAMES.operations, SHEET_NAMES.nonGaap, SHEET_NAMES.guidance, SHEET_NAMES.checks, SHEET_NAMES.chart];
  const all = [...sheets, checksBuilt.sheet].sort((a, b) => order.indexOf(a.name as (typeof order)[number]) - order.indexOf(b.name as (typeof order)[number]));
  const plan: SheetPlan = { sheets: all, names, checks: checksBuilt.cells as CheckCells[] };
  computeResults(plan);
  return plan;
}

function chartSpec(g: Grid, scaleWords: string): ChartSpec {
  const n = g.columns.length;
  const rowOf = (key: string): number => g.rowIndex.get(key) as number;
  return {
    title: 'Revenue and Adjusted EBITDA margin by quarter',
    categories: sheetRange(g.name, HEADER_ROW, FIRST_COL, 1, n, true),
    series: [
      { name: `Total Operating Revenues (${scaleWords})`, values: sheetRange(g.name, rowOf('revenue_total'), FIRST_COL, 1, n, true), type: 'column' },
      { name: 'Adjusted EBITDA margin', values: sheetRange(g.name, rowOf('adjusted_ebitda_margin'), FIRST_COL, 1, n, true), type: 'line', secondaryAxis: true },
    ],
    anchor: { row: FIRST_ROW + g.rows.length + 2, col: LABEL_COL },
  };
}


