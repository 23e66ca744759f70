/**
 * The same SheetPlan as an .xlsx file (ExcelJS): for `mpwr import --xlsx` and the task pane's
 * Download. No file system here: it returns the bytes, so it runs in the browser too.
 *
 * Differences from the Office.js writer, both forced by ExcelJS: it cannot draw charts, so the
 * `MPWR Chart` sheet holds the chart's data (its subtitle says how to insert the combo chart);
 * and it cannot write custom XML parts, so the file carries the sheets but not the stored filing
 * texts. Every formula carries its cached result (computed by the layout, `evaluate.ts`), so a
 * reader that does not calculate sees the numbers; the file still asks Excel to calculate on
 * open.
 */
import { Workbook, type Cell, type Worksheet } from 'exceljs';
import { parseRange } from '../workbook/a1';
import type { PlanCell, PrintSpec, SheetPlan } from '../workbook/plan';

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

function cachedResult(c: PlanCell): number | string | boolean | { error: '#N/A' | '#REF!' | '#NAME?' | '#DIV/0!' | '#NULL!' | '#VALUE!' | '#NUM!' } | undefined {
  const r = c.result;
  if (r === undefined || r === null) return undefined;
  if (typeof r === 'object') return { error: r.error as '#VALUE!' };
  if (typeof r === 'number' && !Number.isFinite(r)) return { error: '#NUM!' };
  return typeof r === 'string' ? xmlText(r) : r;
}

function writeCell(cell: Cell, c: PlanCell): void {
  if (c.formula !== undefined) cell.value = { formula: xmlText(c.formula.replace(/^=/, '')), result: cachedResult(c), date1904: false };
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
  // Excel applies an indent only to left- (or right-) aligned text.
  if (s?.indent || s?.align) cell.alignment = { indent: s.indent || undefined, horizontal: s.align ?? 'left' };
  if (s?.borderTop || s?.borderBottom) {
    cell.border = { top: s.borderTop ? { style: 'thin' } : undefined, bottom: s.borderBottom ? { style: 'thin' } : undefined };
  }
  if (c.note) cell.note = xmlText(c.note);
}

/** Page setup: `&` is a code in Excel's header text, so a literal one is doubled. */
function applyPrint(ws: Worksheet, p: PrintSpec): void {
  ws.pageSetup = {
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToPagesWide,
    fitToHeight: 0,
    printTitlesRow: p.titleRows?.replace(/\$/g, ''),
    printTitlesColumn: p.titleColumns?.replace(/\$/g, ''),
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  const text = (t: string): string => xmlText(t).replace(/&/g, '&&');
  ws.headerFooter = {
    oddHeader: `&L${text(p.header[0])}&C${text(p.header[1])}&R${text(p.header[2])}`,
    oddFooter: '&CPage &P of &N',
  };
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
    for (const c of spec.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
    for (const r of spec.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
    for (const cf of spec.conditionalFormats ?? []) {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [{
          type: 'expression',
          priority: 1,
          formulae: [cf.formula.replace(/^=/, '')],
          style: {
            fill: cf.fill ? { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } } : undefined,
            font: cf.color || cf.bold ? { color: cf.color ? { argb: argb(cf.color) } : undefined, bold: cf.bold || undefined } : undefined,
          },
        }],
      });
    }
    if (spec.autoFilter) ws.autoFilter = spec.autoFilter;
    if (spec.print) applyPrint(ws, spec.print);
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
