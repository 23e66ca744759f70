/**
 * The same SheetPlan as an .xlsx file (ExcelJS): for `mpwr import --xlsx` and the task pane's
 * Download. No file system here: it returns the bytes, so it runs in the browser too.
 *
 * Differences from the Office.js writer, both forced by ExcelJS: it cannot draw charts, so the
 * `MPWR Chart` sheet holds the chart's data (its subtitle says how to insert the combo chart);
 * and it cannot write custom XML parts, so the file carries the sheets but not the stored filing
 * texts. Formulas are written without cached results and the file asks Excel to calculate on
 * open.
 */
import { Workbook, type Cell, type Worksheet } from 'exceljs';
import { parseRange } from '../workbook/a1';
import type { PlanCell, SheetPlan } from '../workbook/plan';

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

/**
 * Characters XML 1.0 cannot hold: ExcelJS writes them as they are and the file no longer opens.
 * C0 controls but tab, LF and CR; U+FFFE and U+FFFF; halves of surrogate pairs standing alone.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as an .xlsx can hold it (each character it cannot is replaced by U+FFFD). */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD');
}

function writeCell(cell: Cell, c: PlanCell): void {
  if (c.formula !== undefined) cell.value = { formula: xmlText(c.formula.replace(/^=/, '')), date1904: false };
  // A string is stored as a string: ExcelJS never reads `=...` text as a formula.
  else if (typeof c.value === 'string') cell.value = xmlText(c.value);
  // ExcelJS would write `Infinity` or `NaN` into the file, which Excel cannot open.
  else if (typeof c.value === 'number' && !Number.isFinite(c.value)) cell.value = { error: '#NUM!' };
  else if (c.value !== undefined && c.value !== null) cell.value = c.value;
  const s = c.style;
  if (s?.numberFormat) cell.numFmt = s.numberFormat;
  if (s && (s.color || s.bold || s.italic)) {
    cell.font = { color: s.color ? { argb: argb(s.color) } : undefined, bold: s.bold || undefined, italic: s.italic || undefined };
  }
  if (s?.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (c.note) cell.note = xmlText(c.note);
}

/** Builds the ExcelJS workbook for a plan (exported for tests and callers that add to it). */
export function planToWorkbook(plan: SheetPlan): Workbook {
  const wb = new Workbook();
  wb.creator = 'MPWR add-in';
  wb.calcProperties.fullCalcOnLoad = true;
  const sheets = new Map<string, Worksheet>();
  for (const spec of plan.sheets) {
    const ws = wb.addWorksheet(spec.name, {
      views: spec.freeze ? [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }] : [],
    });
    sheets.set(spec.name, ws);
    for (const block of spec.blocks) {
      block.cells.forEach((row, ri) => row.forEach((c, ci) => {
        if (c.formula === undefined && (c.value === undefined || c.value === null) && !c.style && !c.note) return;
        writeCell(ws.getCell(block.row + ri + 1, block.col + ci + 1), c);
      }));
    }
    (spec.columnWidths ?? []).forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  }
  for (const n of plan.names) {
    const p = parseRange(n.refersTo);
    if (!p?.sheet || !sheets.has(p.sheet)) continue;
    wb.definedNames.add(n.refersTo.replace(/^=/, ''), n.name);
  }
  return wb;
}

/** The .xlsx bytes of a plan. */
export async function planToXlsx(plan: SheetPlan): Promise<Uint8Array> {
  const buffer = await planToWorkbook(plan).xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}
