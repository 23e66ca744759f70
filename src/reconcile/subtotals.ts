/**
 * Subtotals the reader infers from a table's layout, for tables no catalogue rule knows (other
 * companies' releases). A subtotal row (`Total ...`, `Net ...` under a `Less` row, a figure under
 * a rule with no label or a result's name) adds up rows above it in one of a few readings:
 *
 * - the rows back to the previous rule, blank line, sub-heading or subtotal, all added (a row
 *   whose label begins `Less` and is printed positive is taken away): the layout's own reading;
 * - any contiguous run of rows above, intermediate subtotals standing for the rows they total,
 *   all added; expense rows (`cost`, `expense`, `charges`, `taxes`...) taken away from the rest;
 *   or the first row less the others (`Net sales` less `Cost of sales`).
 *
 * The rows of a table are the same in every column, so the columns vote: a reading that foots in
 * two columns or more (with a figure other than zero) is the table's structure, asserted in every
 * column (`tie`, `rounding`, and `break` only where that structure fails in a column: the filing
 * does not add up there). The layout's own reading with a single column to vote is asserted too.
 * Anything less is `unverified`: the candidate sums are shown, nothing is claimed. Columns are
 * never mixed (a segment's, a pro forma or an `excluding` column foots on its own), percent and
 * percent-change columns are not summed, per-share sums have the tolerance of their printed
 * precision (half a unit of each figure), and money totals foot exactly as printed.
 */
import Decimal from 'decimal.js';
import type { Cell, Table, TableRow } from '../filing/types';
import type { Check, CheckOperand } from '../model/types';
import { plusTimes } from '../model/dataset';
import { halfUnit, makeCheck, ZERO } from './check';

/** How far above a subtotal its operands may start. */
const MAX_RANGE = 14;

/** Words of a row that is a cost to the rows above it. */
const EXPENSE = /\b(?:costs?|expenses?|charges?|taxes|tax expense|provision for|interest expense|depreciation|amortization|impairments?|minority interest|losses?\b(?! from| before)|deductions?)\b/i;
/** Names of a result: a row under a rule whose label begins so is a subtotal. */
const RESULT = /^(?:total|subtotal|net|gross|operating (?:income|loss|profit|earnings)|income|loss|earnings|profit|ebitda|adjusted ebitda|cash (?:generated|used|provided)|(?:increase|decrease|\(decrease\)|\(increase\)))\b/i;

type Reading = 'layout' | 'added' | 'expenses-less' | 'first-less';

interface Candidate {
  reading: Reading;
  /** Indices of the rows summed, top to bottom. */
  rows: number[];
  coefficients: number[];
}

function isSubtotal(rows: TableRow[], i: number): boolean {
  const r = rows[i];
  const label = r.label.trim();
  if (/^(?:sub)?total\b|\btotal$/i.test(label)) return true;
  if (label === '' && r.ruleAbove) return true;
  if (/^net\b/i.test(label) && i > 0 && /^less\b/i.test(rows[i - 1].label.trim())) return true;
  return r.ruleAbove && RESULT.test(label) && !/\bper (?:common |diluted |basic )?share\b/i.test(`${r.section} ${label}`);
}

/** The kind of a row's figures (money, shares, per-share...): a sum adds figures of one kind. */
function kindOf(r: TableRow): string {
  return r.cells[0]?.amount.kind ?? '';
}

/**
 * A printed cell as a check's operand, at the cell's own line (an HTML row's cells may stand on
 * lines of their own). The check is in the table's printed scale, so one unit of
 * the printed number is worth ±1 (its printed sign): `column` and `unit` let triage change a
 * printed digit exactly to name a break's likely culprit.
 */
function cellOperand(row: TableRow, cell: Cell | undefined, coefficient: number, file: string): CheckOperand {
  const out: CheckOperand = { concept: row.label, label: row.label || `(line ${row.line})`, coefficient, value: cell?.amount.value ?? null, file, line: cell?.line ?? row.line, text: row.text };
  if (cell) {
    out.column = cell.span;
    out.unit = new Decimal(cell.amount.value.isNegative() ? -1 : 1);
  }
  return out;
}

/** Coefficient of a row in the layout's reading: `Less allowance  31` is taken away; `Less ... (365,241)` is already negative. */
function layoutSign(r: TableRow, column: number): number {
  if (!/^(?:less|deduct)\b/i.test(r.label.trim())) return 1;
  const cell = r.cells.find((c) => c.column === column);
  return cell && cell.amount.value.isNegative() ? 1 : -1;
}

function isExpense(r: TableRow): boolean {
  return EXPENSE.test(r.label) || (r.label.trim() === '' && EXPENSE.test(r.section));
}

/** The rows a subtotal's layout reading adds: back to the previous rule, blank line, sub-heading or subtotal (included). */
function layoutRange(rows: TableRow[], at: number, consumed: Map<number, number>, subtotals: Set<number>): number[] {
  const total = rows[at];
  const out: number[] = [];
  // A blank line over the total (and no rule): the layout gives it no rows to add.
  if (total.blankAbove && !total.ruleAbove) return out;
  for (let i = at - 1; i >= 0 && at - i <= MAX_RANGE; i--) {
    if (consumed.has(i)) continue;
    const r = rows[i];
    if (r.section !== total.section && !(total.section === '' && subtotals.has(i))) break;
    if (kindOf(r) !== kindOf(total)) break;
    out.push(i);
    if (r.ruleAbove || r.blankAbove || subtotals.has(i)) break;
  }
  return out.reverse();
}

/** Every candidate reading of the rows above a subtotal. */
function candidates(rows: TableRow[], at: number, consumed: Map<number, number>, subtotals: Set<number>, column: number): Candidate[] {
  const out: Candidate[] = [];
  const layout = layoutRange(rows, at, consumed, subtotals);
  if (layout.length >= 2) out.push({ reading: 'layout', rows: layout, coefficients: layout.map((i) => layoutSign(rows[i], column)) });
  // Contiguous runs above (rows an earlier subtotal stands for are left out: it counts instead).
  const above: number[] = [];
  for (let i = at - 1; i >= 0 && above.length < MAX_RANGE; i--) {
    if (consumed.has(i)) continue;
    if (kindOf(rows[i]) !== kindOf(rows[at])) break;
    above.unshift(i);
    if (above.length < 2) continue;
    const run = [...above];
    const signs = run.map((i2) => layoutSign(rows[i2], column));
    out.push({ reading: 'added', rows: run, coefficients: signs });
    const expense = run.map((i2) => (isExpense(rows[i2]) ? -1 : 1));
    if (expense.some((c) => c < 0) && expense.some((c) => c > 0)) out.push({ reading: 'expenses-less', rows: run, coefficients: expense });
    out.push({ reading: 'first-less', rows: run, coefficients: run.map((_, k) => (k === 0 ? 1 : -1)) });
  }
  return out;
}

interface Evaluated {
  computed: Decimal | null;
  tolerance: Decimal;
}

function evaluate(rows: TableRow[], c: Candidate, column: number, reportedDecimals: number, perShare: boolean): Evaluated {
  let sum = ZERO;
  // Money totals foot exactly as printed; per-share sums within half a unit of each printed figure.
  let tolerance = perShare ? halfUnit(reportedDecimals) : ZERO;
  for (let k = 0; k < c.rows.length; k++) {
    const cell = rows[c.rows[k]].cells.find((x) => x.column === column);
    if (!cell) return { computed: null, tolerance };
    sum = plusTimes(sum, cell.amount.value, c.coefficients[k]);
    if (perShare) tolerance = tolerance.plus(halfUnit(cell.amount.decimals));
  }
  return { computed: sum, tolerance };
}

function describe(rows: TableRow[], c: Candidate): string {
  return c.rows
    .map((i, k) => `${k === 0 ? (c.coefficients[k] < 0 ? '− ' : '') : c.coefficients[k] < 0 ? ' − ' : ' + '}${rows[i].label || `(line ${rows[i].line})`}`)
    .join('');
}

/** Columns whose figures are summed: value and change columns with a period, not percents. */
function summable(table: Table, column: number): boolean {
  const col = table.columns[column];
  if (!col?.period) return false;
  const m = col.measure ?? 'value';
  return m === 'value' || m === 'change';
}

/**
 * The part of a check id that names a subtotal row: the file (its name, blanks as `_`), the table
 * and the row's line, and where rows share a line (an HTML table written on one line) the row's
 * place among them: `buckle.html:t1:L10:r3`. Ids are unique per check, across releases too, so
 * accepting one accepts that check only.
 */
function rowIds(table: Table, file: string): string[] {
  const name = file.replace(/^.*[\\/]/, '').replace(/\s+/g, '_');
  const onLine = new Map<number, number>();
  for (const r of table.rows) onLine.set(r.line, (onLine.get(r.line) ?? 0) + 1);
  const seen = new Map<number, number>();
  return table.rows.map((r) => {
    const k = (seen.get(r.line) ?? 0) + 1;
    seen.set(r.line, k);
    return `${name}:${table.id}:L${r.line}${(onLine.get(r.line) ?? 0) > 1 ? `:r${k}` : ''}`;
  });
}

/**
 * The part of a check id that names a column beside its period and scenario (which the check id
 * ends with): its member and measure (`:Domestic`, `:change`), and its place (`:c3`) where two
 * columns would otherwise read alike.
 */
function columnIds(table: Table): string[] {
  const tags = table.columns.map((c) => `${c.member ? `:${c.member.replace(/\s+/g, '-')}` : ''}${c.measure && c.measure !== 'value' ? `:${c.measure}` : ''}`);
  const keys = table.columns.map((c, i) => `${tags[i]}@${c.period?.key ?? ''}#${c.scenario}`);
  return tags.map((tag, i) => (keys.indexOf(keys[i]) !== keys.lastIndexOf(keys[i]) ? `${tag}:c${i + 1}` : tag));
}

/** The inferred subtotal checks of one table (see the module comment). */
export function inferredSubtotals(table: Table, file: string): Check[] {
  const rows = table.rows;
  const out: Check[] = [];
  const rowIdOf = rowIds(table, file);
  const columnIdOf = columnIds(table);
  /** Row index → the subtotal row that stands for it. */
  const consumed = new Map<number, number>();
  /** Rows found to be subtotals (an intermediate subtotal ends the layout reading of the next). */
  const subtotals = new Set<number>();
  rows.forEach((row, at) => {
    if (!isSubtotal(rows, at)) return;
    const cells = row.cells.filter((c) => summable(table, c.column) && c.amount.kind !== 'percent' && c.amount.kind !== 'ratio');
    if (cells.length === 0) return;
    // Every column votes for the readings that foot in it.
    const all = candidates(rows, at, consumed, subtotals, cells[0].column);
    if (all.length === 0) return;
    const score = all.map((cand) => {
      let ties = 0;
      let fails = 0;
      for (const cell of cells) {
        const coeffs = cand.reading === 'layout' || cand.reading === 'added' ? cand.rows.map((i) => layoutSign(rows[i], cell.column)) : cand.coefficients;
        const e = evaluate(rows, { ...cand, coefficients: coeffs }, cell.column, cell.amount.decimals, cell.amount.kind === 'per-share');
        if (e.computed === null) continue;
        const foots = cell.amount.value.minus(e.computed).abs().lte(e.tolerance);
        if (foots && !cell.amount.value.isZero()) ties++;
        else if (!foots) fails++;
      }
      return { cand, ties, fails };
    });
    // The structure: the reading that foots in most columns; the layout's own first among equals, then the shortest.
    const order: Reading[] = ['layout', 'added', 'expenses-less', 'first-less'];
    score.sort((a, b) => b.ties - a.ties || a.fails - b.fails || order.indexOf(a.cand.reading) - order.indexOf(b.cand.reading) || a.cand.rows.length - b.cand.rows.length);
    const best = score[0];
    const layout = score.find((s) => s.cand.reading === 'layout');
    const established = best.ties >= 2 || (best.cand.reading === 'layout' && best.ties >= 1 && best.fails === 0) ||
      (best.ties >= 1 && best.fails === 0 && cells.length === 1 && best.cand.reading !== 'first-less');
    // Nothing to show: no reading as laid out and none that foots anywhere (a `Total` over rows it does not add).
    if (!established && !layout && best.ties === 0) { subtotals.add(at); return; }
    const chosen = established ? best.cand : (layout?.cand ?? best.cand);
    if (established) for (const i of chosen.rows) consumed.set(i, at);
    subtotals.add(at);
    const candidatesText = score
      .filter((s) => s.ties > 0)
      .slice(0, 3)
      .map((s) => `${describe(rows, s.cand)} (foots in ${s.ties} of ${cells.length} columns)`);
    for (const cell of cells) {
      const column = table.columns[cell.column];
      const coeffs = chosen.reading === 'layout' || chosen.reading === 'added' ? chosen.rows.map((i) => layoutSign(rows[i], cell.column)) : chosen.coefficients;
      const e = evaluate(rows, { ...chosen, coefficients: coeffs }, cell.column, cell.amount.decimals, cell.amount.kind === 'per-share');
      const operands: CheckOperand[] = [
        cellOperand(row, cell, 1, file),
        ...chosen.rows.map((i, k) => cellOperand(rows[i], rows[i].cells.find((x) => x.column === cell.column), coeffs[k], file)),
      ];
      const structure = describe(rows, { ...chosen, coefficients: coeffs });
      const description = established
        ? `${row.label || `The figure on line ${row.line}`} = ${structure} (${table.title}; inferred from the layout${best.ties >= 2 ? `, footing in ${best.ties} columns` : ''})`
        : `${row.label || `The figure on line ${row.line}`}: the rows it adds are not certain (${table.title}); as laid out: ${structure}${candidatesText.length ? `; readings that foot elsewhere: ${candidatesText.join('; ')}` : '; no reading of the rows above foots'}`;
      const check = makeCheck(
        { id: `table-subtotal:${rowIdOf[at]}${columnIdOf[cell.column]}`, description },
        column.period?.key ?? '',
        column.scenario,
        cell.amount.value,
        e.computed,
        e.tolerance,
        operands,
      );
      if (!established && check.status !== 'incomplete') check.status = 'unverified';
      out.push(check);
    }
  });
  return out;
}
