/**
 * Applies a SheetPlan to the open workbook through Office.js.
 *
 * Round trips: the caller probes the workbook (one sync, `probeWorkbook`), the writer snapshots
 * the MPWR sheets that exist (one sync, `snapshotSheets`, skipped when there are none), then
 * queues every write and syncs once (`applyPlan`), splitting that sync only when a request would
 * pass Excel on the web's 5 MB limit. Only sheets whose names the plan gives (all `MPWR ...`) are
 * touched. Text is written with a leading apostrophe so Excel keeps it as text whatever it starts
 * with. A sheet that exists is refreshed in place: a period or row the workbook lacks is inserted
 * with Excel's insert at its place, so references in the user's sheets follow their cells. When
 * a write fails, the writer puts back what it changed (`restore`) and says so.
 */
import { cellAddress, columnLetter, parseRange, rangeAddress } from '../workbook/a1';
import type { ChartSpec, KeyedRefresh, PlanCell, SheetPlan, SheetSpec } from '../workbook/plan';
import { FILINGS_NAMESPACE, newerNamespaces, parseFilingsXml } from './filing-store';

type Ctx = Excel.RequestContext;

/** Excel on the web refuses requests over 5 MB; stay well under. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** Points per character of column width (Calibri 11). */
const POINTS_PER_CHAR = 7;
const NAME_PREFIX = 'MPWR_';
const CHART_PREFIX = 'MPWR ';

export interface WriteOptions {
  /** Write provenance notes (ExcelApi 1.18). Default: when the host supports them. */
  notes?: boolean;
  maxRequestBytes?: number;
}

/** What the probe learns in one round trip. */
export interface Probe {
  sheetNames: string[];
  names: { name: string; formula: string; comment: string }[];
  parts: Excel.CustomXmlPart[];
  /** Namespaces of filings parts written by a later version of the add-in (never touched). */
  newer: string[];
}

export function notesSupported(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', '1.18');
  } catch {
    return false;
  }
}

/** Queues the loads of the probe; read it with `readProbe` after the caller's sync. */
export function queueProbe(context: Ctx, namespace: string): () => Probe {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name,items/formula,items/comment');
  const parts = context.workbook.customXmlParts.getByNamespace(namespace);
  parts.load('items/id');
  const all = context.workbook.customXmlParts;
  all.load('items/namespaceUri');
  return () => ({
    sheetNames: sheets.items.map((s) => s.name),
    names: names.items.filter((n) => n.name.toUpperCase().startsWith(NAME_PREFIX)).map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
    parts: parts.items,
    newer: newerNamespaces(all.items.map((p) => p.namespaceUri)),
  });
}

interface SheetSnapshot {
  name: string;
  used: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  charts: Excel.ChartCollection;
  notes?: Excel.NoteCollection;
}

export interface Snapshot {
  sheets: Map<string, SheetSnapshot>;
  xml: OfficeExtension.ClientResult<string>[];
}

const PROPS_LOAD: Excel.CellPropertiesLoadOptions = {
  format: {
    font: { color: true, bold: true, italic: true },
    fill: { color: true, pattern: true },
    indentLevel: true,
    horizontalAlignment: true,
    borders: { style: true },
  },
};

/** Queues the loads that let a refresh line up with (and a failure restore) the MPWR sheets that exist. */
export function queueSnapshot(context: Ctx, probe: Probe, sheetNames: string[], withNotes: boolean): Snapshot {
  const sheets = new Map<string, SheetSnapshot>();
  for (const name of sheetNames) {
    if (!probe.sheetNames.includes(name)) continue;
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRange(false);
    used.load('address,rowIndex,columnIndex,rowCount,columnCount,formulas,values,numberFormat');
    const props = used.getCellProperties(PROPS_LOAD);
    const charts = ws.charts;
    charts.load('items/name');
    let notes: Excel.NoteCollection | undefined;
    if (withNotes) {
      notes = ws.notes;
      notes.load('items');
    }
    sheets.set(name, { name, used, props, charts, notes });
  }
  const xml = probe.parts.map((p) => p.getXml());
  return { sheets, xml };
}

export function snapshotNeedsSync(probe: Probe, sheetNames: string[]): boolean {
  return probe.parts.length > 0 || sheetNames.some((n) => probe.sheetNames.includes(n));
}

/** A write that failed; `restored` says whether the workbook was put back as it was. */
export class WorkbookWriteError extends Error {
  constructor(message: string, readonly restored: boolean, readonly cause?: unknown) {
    super(message);
    this.name = 'WorkbookWriteError';
  }
}

/** Text as Excel must receive it to keep it text: an apostrophe first (Excel drops it and stores the text). */
export function asTextInput(s: string): string {
  return s === '' ? '' : `'${s}`;
}

function inputOf(c: PlanCell): string | number | boolean {
  if (c.formula !== undefined) return c.formula;
  if (c.value === undefined || c.value === null) return '';
  if (typeof c.value === 'string') return asTextInput(c.value);
  return c.value;
}

const ALIGN: Record<string, Excel.HorizontalAlignment> = { left: 'Left' as Excel.HorizontalAlignment, center: 'Center' as Excel.HorizontalAlignment, right: 'Right' as Excel.HorizontalAlignment };

function propsOf(c: PlanCell): Excel.SettableCellProperties {
  const s = c.style;
  const font: Excel.CellPropertiesFont = { color: s?.color ?? '#000000', bold: s?.bold ?? false, italic: s?.italic ?? false };
  const format: Excel.CellPropertiesFormat = { font };
  if (s?.fill) format.fill = { color: s.fill };
  if (s?.indent) format.indentLevel = s.indent;
  if (s?.align) format.horizontalAlignment = ALIGN[s.align];
  if (s?.borderTop || s?.borderBottom) {
    format.borders = {};
    if (s.borderTop) format.borders.top = { style: 'Continuous', weight: 'Thin' };
    if (s.borderBottom) format.borders.bottom = { style: 'Continuous', weight: 'Thin' };
  }
  return { format };
}

function approxBytes(x: unknown): number {
  return JSON.stringify(x).length + 64;
}

/** The inserts that turn `existing` keys into `planned` keys, or undefined when `existing` is not an ordered subset. */
export function insertionsFor(existing: string[], planned: string[]): number[] | undefined {
  const out: number[] = [];
  let i = 0;
  for (let j = 0; j < planned.length; j++) {
    if (i < existing.length && existing[i] === planned[j]) i++;
    else out.push(j);
  }
  return i === existing.length ? out : undefined;
}

function keysOf(used: Excel.Range, refresh: KeyedRefresh): { columns: string[]; rows: string[] } {
  const f = used.formulas as unknown[][];
  const cell = (r: number, c: number): string => {
    const v = f[r - used.rowIndex]?.[c - used.columnIndex];
    return v === undefined || v === null ? '' : String(v).replace(/^'/, '');
  };
  const columns: string[] = [];
  for (let c = refresh.firstCol; c < used.columnIndex + used.columnCount; c++) columns.push(cell(refresh.keyRow, c));
  const rows: string[] = [];
  for (let r = refresh.firstRow; r < used.rowIndex + used.rowCount; r++) rows.push(cell(r, refresh.keyCol));
  const trim = (a: string[]): string[] => { while (a.length && a[a.length - 1] === '') a.pop(); return a; };
  return { columns: trim(columns), rows: trim(rows) };
}

export interface SheetChange {
  sheet: string;
  created: boolean;
  /** Column keys inserted (with Excel's insert), and row keys. */
  insertedColumns: string[];
  insertedRows: string[];
  /** The sheet's layout no longer lined up with the plan and was rewritten whole. */
  rebuilt: boolean;
}

export interface ApplyReport {
  changes: SheetChange[];
  syncs: number;
  /** Largest request sent, in bytes (estimated). */
  maxRequestBytes: number;
  warnings: string[];
}

interface Step { bytes: number; run: () => void }

/** Everything the restore needs to know about what the write was meant to change. */
interface Undo {
  created: string[];
  inserts: Map<string, { columns: number[]; rows: number[]; refresh: KeyedRefresh }>;
  /** Stored-filings parts the write rewrote or deleted (their XML as the snapshot saw it), and whether it added one. */
  parts: { rewritten: { id: string; xml: string }[]; deleted: { id: string; xml: string }[]; added: boolean };
}

/**
 * Queues and sends every write of `plan` (after `validatePlan`). `xml` is the new content of the
 * custom XML part (replaces the probed part, or is added). On failure, restores and throws a
 * WorkbookWriteError.
 */
export async function applyPlan(
  context: Ctx,
  plan: SheetPlan,
  probe: Probe,
  snapshot: Snapshot,
  xml: string | undefined,
  previous: SheetPlan | undefined,
  options: WriteOptions = {},
): Promise<ApplyReport> {
  const withNotes = options.notes ?? notesSupported();
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  // Structure first (new sheets, inserted columns and rows, clears), for every sheet, then the
  // contents: a formula written before another sheet's insert would be moved by it.
  const structure: Step[] = [];
  const steps: Step[] = [];
  const s0 = (bytes: number, run: () => void): void => { structure.push({ bytes, run }); };
  const q = (bytes: number, run: () => void): void => { steps.push({ bytes, run }); };
  const changes: SheetChange[] = [];
  const warnings: string[] = [];
  const undo: Undo = { created: [], inserts: new Map(), parts: { rewritten: [], deleted: [], added: false } };

  for (const spec of plan.sheets) {
    const snap = snapshot.sheets.get(spec.name);
    const change: SheetChange = { sheet: spec.name, created: !snap, insertedColumns: [], insertedRows: [], rebuilt: false };
    changes.push(change);
    const name = spec.name;
    const sheet = (): Excel.Worksheet => context.workbook.worksheets.getItem(name);
    if (!snap) {
      undo.created.push(name);
      s0(64, () => { context.workbook.worksheets.add(name); });
    } else {
      let clearAll = spec.refresh?.kind !== 'keyed';
      if (spec.refresh?.kind === 'keyed') {
        const refresh = spec.refresh;
        const have = keysOf(snap.used, refresh);
        const cols = insertionsFor(have.columns, refresh.columnKeys);
        const rows = insertionsFor(have.rows, refresh.rowKeys);
        if (!cols || !rows) {
          change.rebuilt = true;
          clearAll = true;
          warnings.push(`${name} did not line up with this version's layout and was rewritten whole: check references into it`);
        } else {
          undo.inserts.set(name, { columns: cols, rows, refresh });
          for (const j of cols) {
            // Columns that go after every existing one need no insert: nothing is there to move.
            if (j - cols.indexOf(j) >= have.columns.length) continue;
            const letter = columnLetter(refresh.firstCol + j);
            change.insertedColumns.push(refresh.columnKeys[j]);
            s0(64, () => { sheet().getRange(`${letter}:${letter}`).insert('Right'); });
          }
          for (const i of rows) {
            if (i - rows.indexOf(i) >= have.rows.length) continue;
            const r = refresh.firstRow + i + 1;
            change.insertedRows.push(refresh.rowKeys[i]);
            s0(64, () => { sheet().getRange(`${r}:${r}`).insert('Down'); });
          }
          // Appended after the last existing column or row: no insert, the plan's block writes them.
          change.insertedColumns.push(...cols.filter((j) => j - cols.indexOf(j) >= have.columns.length).map((j) => refresh.columnKeys[j]));
          change.insertedRows.push(...rows.filter((i) => i - rows.indexOf(i) >= have.rows.length).map((i) => refresh.rowKeys[i]));
        }
      }
      if (clearAll) s0(64, () => { sheet().getUsedRange(false).clear('All'); });
      for (const ch of snap.charts.items) if (ch.name.startsWith(CHART_PREFIX)) s0(64, () => { ch.delete(); });
      for (const n of snap.notes?.items ?? []) s0(64, () => { n.delete(); });
    }
    queueSheetContents(context, spec, q, maxBytes, withNotes);
  }

  // Names: after the sheets they refer to.
  const planNames = new Set(plan.names.map((n) => n.name.toUpperCase()));
  const existing = new Map(probe.names.map((n) => [n.name.toUpperCase(), n]));
  for (const n of plan.names) {
    const had = existing.get(n.name.toUpperCase());
    if (had && had.formula === n.refersTo) continue;
    q(200, () => {
      if (had) {
        const item = context.workbook.names.getItem(had.name);
        item.formula = n.refersTo;
        if (n.comment !== undefined) item.comment = n.comment;
      } else {
        context.workbook.names.add(n.name, n.refersTo, n.comment);
      }
    });
  }
  for (const n of probe.names) {
    if (!planNames.has(n.name.toUpperCase())) q(64, () => { context.workbook.names.getItem(n.name).delete(); });
  }

  // The stored filings. Only parts this version reads whole are rewritten (the first) or merged
  // into it (the rest, deleted); a damaged or unknown part in the namespace is left as it is.
  if (xml !== undefined) {
    const readable = probe.parts
      .map((part, i) => ({ part, xml: snapshot.xml[i]?.value }))
      .filter((p): p is { part: Excel.CustomXmlPart; xml: string } => p.xml !== undefined && parseFilingsXml(p.xml).problems.length === 0);
    const [first, ...extra] = readable;
    if (first && first.xml !== xml) {
      undo.parts.rewritten.push({ id: first.part.id, xml: first.xml });
      q(xml.length + 64, () => { first.part.setXml(xml); });
    } else if (!first) {
      undo.parts.added = true;
      q(xml.length + 64, () => { context.workbook.customXmlParts.add(xml); });
    }
    for (const p of extra) {
      undo.parts.deleted.push({ id: p.part.id, xml: p.xml });
      q(64, () => { p.part.delete(); });
    }
  }

  // Send, splitting only where a request would pass the limit.
  let syncs = 0;
  let batch = 0;
  let largest = 0;
  try {
    context.application.suspendApiCalculationUntilNextSync();
    for (const s of [...structure, ...steps]) {
      if (batch > 0 && batch + s.bytes > maxBytes) {
        largest = Math.max(largest, batch);
        await context.sync();
        syncs++;
        batch = 0;
        context.application.suspendApiCalculationUntilNextSync();
      }
      s.run();
      batch += s.bytes;
    }
    largest = Math.max(largest, batch);
    await context.sync();
    syncs++;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    let restored = false;
    try {
      await restore(context, plan, snapshot, probe, undo, previous, withNotes);
      restored = true;
    } catch {
      restored = false;
    }
    throw new WorkbookWriteError(
      restored
        ? `Writing to the workbook failed (${why}). Nothing was changed: the MPWR sheets, names and stored filings are as they were before the import.`
        : `Writing to the workbook failed (${why}), and putting the MPWR sheets back failed too. Close the workbook without saving to keep the last saved version.`,
      restored,
      error,
    );
  }
  return { changes, syncs, maxRequestBytes: largest, warnings };
}

/** Queues a sheet's blocks (values and formulas, number formats, fonts and fills), notes, freeze panes, widths and charts. */
function queueSheetContents(context: Ctx, spec: SheetSpec, q: (bytes: number, run: () => void) => void, maxBytes: number, withNotes: boolean): void {
  const name = spec.name;
  const sheet = (): Excel.Worksheet => context.workbook.worksheets.getItem(name);
  for (const block of spec.blocks) {
    const width = block.cells[0]?.length ?? 0;
    if (width === 0) continue;
    // Whole 2D arrays; a block too big for one request is cut into bands of rows.
    const inputs = block.cells.map((r) => r.map(inputOf));
    const formats = block.cells.map((r) => r.map((c) => c.style?.numberFormat ?? 'General'));
    const props = block.cells.map((r) => r.map(propsOf));
    const rowBytes = block.cells.map((_, i) => approxBytes(inputs[i]) + approxBytes(formats[i]) + approxBytes(props[i]));
    let r0 = 0;
    while (r0 < block.cells.length) {
      let r1 = r0 + 1;
      let bytes = rowBytes[r0];
      while (r1 < block.cells.length && bytes + rowBytes[r1] <= maxBytes / 2) bytes += rowBytes[r1++];
      const top = block.row + r0;
      const rows = r1 - r0;
      const band = { inputs: inputs.slice(r0, r1), formats: formats.slice(r0, r1), props: props.slice(r0, r1) };
      q(bytes, () => {
        const range = sheet().getRangeByIndexes(top, block.col, rows, width);
        range.clear('Formats');
        range.numberFormat = band.formats;
        range.formulas = band.inputs;
        range.setCellProperties(band.props);
      });
      r0 = r1;
    }
    if (withNotes) {
      block.cells.forEach((row, ri) => row.forEach((c, ci) => {
        if (!c.note) return;
        const address = cellAddress(block.row + ri, block.col + ci);
        const note = c.note;
        q(note.length + 64, () => { sheet().notes.add(sheet().getRange(address), note); });
      }));
    }
  }
  if (spec.freeze) {
    const { rows, cols } = spec.freeze;
    q(64, () => {
      const fp = sheet().freezePanes;
      fp.unfreeze();
      if (rows > 0 || cols > 0) fp.freezeAt(sheet().getRangeByIndexes(0, 0, Math.max(rows, 1), Math.max(cols, 1)));
      if (rows === 0) fp.freezeColumns(cols);
      if (cols === 0) fp.freezeRows(rows);
    });
  }
  (spec.columnWidths ?? []).forEach((w, i) => {
    const letter = columnLetter(i);
    q(64, () => { sheet().getRange(`${letter}:${letter}`).format.columnWidth = w * POINTS_PER_CHAR; });
  });
  q(512, () => { queueSheetSettings(sheet(), spec); });
  for (const chart of spec.charts ?? []) q(256, () => { addChart(context, name, chart); });
}

/** Hidden key column and row, conditional formats, the filter and the page setup of a sheet (ExcelApi 1.9). */
function queueSheetSettings(ws: Excel.Worksheet, spec: SheetSpec): void {
  for (const c of spec.hiddenColumns ?? []) {
    const letter = columnLetter(c);
    ws.getRange(`${letter}:${letter}`).columnHidden = true;
  }
  for (const r of spec.hiddenRows ?? []) ws.getRange(`${r + 1}:${r + 1}`).rowHidden = true;
  ws.getRange().conditionalFormats.clearAll();
  for (const cf of spec.conditionalFormats ?? []) {
    const f = ws.getRange(cf.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    f.custom.rule.formula = cf.formula;
    if (cf.fill) f.custom.format.fill.color = cf.fill;
    if (cf.color) f.custom.format.font.color = cf.color;
    if (cf.bold) f.custom.format.font.bold = true;
  }
  ws.autoFilter.remove();
  if (spec.autoFilter) ws.autoFilter.apply(ws.getRange(spec.autoFilter));
  const p = spec.print;
  if (p) {
    const layout = ws.pageLayout;
    layout.orientation = (p.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
    layout.zoom = { horizontalFitToPages: p.fitToPagesWide, verticalFitToPages: 0 };
    if (p.titleRows) layout.setPrintTitleRows(p.titleRows);
    if (p.titleColumns) layout.setPrintTitleColumns(p.titleColumns);
    const hf = layout.headersFooters.defaultForAllPages;
    // `&` starts a code in Excel's header text: a literal one is doubled.
    const text = (t: string): string => t.replace(/&/g, '&&');
    hf.leftHeader = text(p.header[0]);
    hf.centerHeader = text(p.header[1]);
    hf.rightHeader = text(p.header[2]);
    hf.centerFooter = 'Page &P of &N';
  }
}

function localAddress(ref: string): string {
  const p = parseRange(ref);
  if (!p) throw new Error(`not a range: ${ref}`);
  return rangeAddress(p.start.row, p.start.col, p.end.row - p.start.row + 1, p.end.col - p.start.col + 1);
}

function rangeOf(context: Ctx, defaultSheet: string, ref: string): Excel.Range {
  const p = parseRange(ref);
  return context.workbook.worksheets.getItem(p?.sheet ?? defaultSheet).getRange(localAddress(ref));
}

function addChart(context: Ctx, sheetName: string, spec: ChartSpec): void {
  const ws = context.workbook.worksheets.getItem(sheetName);
  const [first, ...rest] = spec.series;
  if (!first) return;
  const chart = ws.charts.add(first.type === 'line' ? 'Line' : 'ColumnClustered', rangeOf(context, sheetName, first.values), 'Rows');
  chart.name = `${CHART_PREFIX}${spec.title}`.slice(0, 250);
  chart.title.text = spec.title;
  const categories = rangeOf(context, sheetName, spec.categories);
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(rangeOf(context, sheetName, s.values));
    series.setXAxisValues(categories);
    series.chartType = s.type === 'line' ? 'Line' : 'ColumnClustered';
    if (s.secondaryAxis) series.axisGroup = 'Secondary';
  }
  chart.setPosition(ws.getRangeByIndexes(spec.anchor.row, spec.anchor.col, 1, 1));
}

/**
 * Puts the MPWR sheets, names and stored filings back as the snapshot saw them: deletes sheets
 * the import created, removes the rows and columns it inserted, writes the old contents, formats,
 * notes and charts back. Two round trips (one to see how far the failed write got).
 */
async function restore(context: Ctx, plan: SheetPlan, snapshot: Snapshot, probe: Probe, undo: Undo, previous: SheetPlan | undefined, withNotes: boolean): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  const parts = context.workbook.customXmlParts.getByNamespace(FILINGS_NAMESPACE);
  parts.load('items/id');
  const now = new Map<string, { used: Excel.Range; charts: Excel.ChartCollection; notes?: Excel.NoteCollection }>();
  for (const [name] of snapshot.sheets) {
    const ws = sheets.getItem(name);
    const used = ws.getUsedRange(false);
    used.load('address,rowIndex,columnIndex,rowCount,columnCount,formulas');
    const charts = ws.charts;
    charts.load('items/name');
    let notes: Excel.NoteCollection | undefined;
    if (withNotes) { notes = ws.notes; notes.load('items'); }
    now.set(name, { used, charts, notes });
  }
  await context.sync();

  const existing = new Set(sheets.items.map((s) => s.name));
  for (const name of undo.created) if (existing.has(name)) sheets.getItem(name).delete();

  // Every sheet's inserted columns and rows go before any contents are written back: a formula
  // written back before another sheet's delete would be moved (or broken) by it.
  for (const [name, snap] of snapshot.sheets) {
    const ws = sheets.getItem(name);
    const cur = now.get(name);
    if (!cur) continue;
    const ins = undo.inserts.get(name);
    if (ins) {
      // Remove the inserted columns and rows that made it: those whose key the sheet did not have.
      const had = keysOf(snap.used, ins.refresh);
      const is = keysOf(cur.used, ins.refresh);
      const lastCol = is.columns.lastIndexOf(had.columns[had.columns.length - 1] ?? '\u0000');
      const hadCols = new Set(had.columns);
      for (let j = Math.min(lastCol, is.columns.length - 1); j >= 0; j--) {
        if (!hadCols.has(is.columns[j])) {
          const letter = columnLetter(ins.refresh.firstCol + j);
          ws.getRange(`${letter}:${letter}`).delete('Left');
        }
      }
      const lastRow = is.rows.lastIndexOf(had.rows[had.rows.length - 1] ?? '\u0000');
      const hadRows = new Set(had.rows);
      for (let i = Math.min(lastRow, is.rows.length - 1); i >= 0; i--) {
        if (!hadRows.has(is.rows[i])) {
          const r = ins.refresh.firstRow + i + 1;
          ws.getRange(`${r}:${r}`).delete('Up');
        }
      }
    }
  }
  for (const [name, snap] of snapshot.sheets) {
    const ws = sheets.getItem(name);
    const cur = now.get(name);
    if (!cur) continue;
    ws.getUsedRange(false).clear('All');
    const used = snap.used;
    const target = ws.getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount);
    const formulas = (used.formulas as unknown[][]).map((row, r) => row.map((f, c) => {
      const v = (used.values as unknown[][])[r][c];
      if (typeof f === 'string' && !(f.startsWith('=') && f !== v)) return asTextInput(f);
      return f as string | number | boolean;
    }));
    target.numberFormat = used.numberFormat;
    target.formulas = formulas;
    target.setCellProperties(snap.props.value.map((row) => row.map((p): Excel.SettableCellProperties => {
      const format: Excel.CellPropertiesFormat = { font: { ...p.format?.font } };
      if (p.format?.fill && p.format.fill.pattern !== 'None') format.fill = { color: p.format.fill.color };
      if (p.format?.indentLevel !== undefined) format.indentLevel = p.format.indentLevel;
      if (p.format?.horizontalAlignment !== undefined) format.horizontalAlignment = p.format.horizontalAlignment;
      if (p.format?.borders) format.borders = p.format.borders;
      return { format };
    })));
    for (const ch of cur.charts.items) if (ch.name.startsWith(CHART_PREFIX)) ch.delete();
    for (const n of cur.notes?.items ?? []) n.delete();
    const spec = previous?.sheets.find((s) => s.name === name);
    if (spec) {
      for (const block of spec.blocks) {
        if (withNotes) {
          block.cells.forEach((row, ri) => row.forEach((c, ci) => {
            if (c.note) ws.notes.add(ws.getRange(cellAddress(block.row + ri, block.col + ci)), c.note);
          }));
        }
      }
      (spec.columnWidths ?? []).forEach((w, i) => {
        const letter = columnLetter(i);
        ws.getRange(`${letter}:${letter}`).format.columnWidth = w * POINTS_PER_CHAR;
      });
      for (const chart of spec.charts ?? []) addChart(context, name, chart);
      queueSheetSettings(ws, spec);
    }
    // Columns the failed write widened that the old layout did not have go back to the standard width.
    const had = spec?.columnWidths?.length ?? 0;
    const planned = plan.sheets.find((s) => s.name === name)?.columnWidths?.length ?? 0;
    for (let i = had; i < planned; i++) {
      const letter = columnLetter(i);
      ws.getRange(`${letter}:${letter}`).format.useStandardWidth = true;
    }
  }

  // Names after the structure is back (an insert or delete moves them).
  const before = new Map(probe.names.map((n) => [n.name.toUpperCase(), n]));
  const current = new Set<string>();
  for (const n of names.items) {
    const key = n.name.toUpperCase();
    if (!key.startsWith(NAME_PREFIX)) continue;
    current.add(key);
    const old = before.get(key);
    if (!old) n.delete();
    else if (old.formula !== n.formula) { n.formula = old.formula; n.comment = old.comment; }
  }
  for (const [key, n] of before) if (!current.has(key)) context.workbook.names.add(n.name, n.formula, n.comment || undefined);

  // The stored filings: what the write changed goes back; parts it never touched stay as they are.
  const hadPart = new Set(probe.parts.map((p) => p.id));
  for (const p of parts.items) {
    const rewritten = undo.parts.rewritten.find((r) => r.id === p.id);
    if (rewritten) p.setXml(rewritten.xml);
    else if (undo.parts.added && !hadPart.has(p.id)) p.delete();
  }
  for (const old of undo.parts.deleted) {
    // A merged part the write deleted comes back (Excel gives it a new id); one it did not reach is still there.
    if (!parts.items.some((p) => p.id === old.id)) context.workbook.customXmlParts.add(old.xml);
  }
  await context.sync();
}
