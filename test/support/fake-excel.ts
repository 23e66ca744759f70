/**
 * An in-memory workbook implementing the part of Excel's JavaScript object model the writer
 * uses, with Office.js's batching: calls on proxies are queued and run at `context.sync()`,
 * loaded properties can be read only after a sync, and a failing command leaves the commands
 * before it applied (as Excel does). Cell contents live in HyperFormula, which evaluates the
 * formulas and moves references when columns and rows are inserted or deleted, across sheets and
 * names, as Excel does.
 *
 * Input rules follow Excel's: a string starting with `=` is a formula, `+`/`-`/`@` start a formula
 * too, a numeric or ISO-date string becomes a number, and a leading apostrophe makes the rest text.
 */
import { HyperFormula, DetailedCellError } from 'hyperformula';

type Op = () => void;
type Raw = string | number | boolean | null;

interface Fmt { numberFormat?: string; color?: string; bold?: boolean; italic?: boolean; fill?: string; indent?: number; align?: string; borderTop?: boolean; borderBottom?: boolean }
interface CondFormat { address: string; formula: string; fill?: string; color?: string; bold?: boolean }
interface PageSetup { orientation?: string; zoom?: unknown; titleRows?: string; titleColumns?: string; headers: Record<string, string> }
interface NoteObj { content: string }
interface ChartObj {
  name: string;
  type: string;
  title: string;
  source: string;
  seriesBy: string;
  series: { name: string; values: string; xValues?: string; chartType?: string; axisGroup?: string }[];
  position?: string;
}
interface SheetData {
  name: string;
  formats: Map<string, Fmt>;
  notes: Map<string, NoteObj>;
  widths: Map<number, number>;
  freeze?: { rows: number; cols: number };
  charts: ChartObj[];
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  conditional: CondFormat[];
  autoFilter?: string;
  page?: PageSetup;
}
interface Part { id: string; xml: string }
interface Box { r0: number; c0: number; r1: number; c1: number; wholeCols?: boolean; wholeRows?: boolean }

export class FakeExcelError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'OfficeExtension.Error';
  }
}

export interface SyncInfo { sync: number; op: number; suspended: boolean }

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function colLetter(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) { const r = (n - 1) % 26; out = String.fromCharCode(65 + r) + out; n = Math.floor((n - 1) / 26); }
  return out;
}
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
function boxAddress(b: Box): string {
  if (b.wholeCols) return `${colLetter(b.c0)}:${colLetter(b.c1)}`;
  if (b.wholeRows) return `${b.r0 + 1}:${b.r1 + 1}`;
  const a = `${colLetter(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${colLetter(b.c1)}${b.r1 + 1}`;
}

/** Parses `A1`, `A1:C3`, `C:E`, `3:5` (optionally `Sheet!` first). */
export function parseAddress(address: string): { sheet?: string; box: Box } {
  let rest = address.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const s = rest.slice(0, bang);
    sheet = s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
    rest = rest.slice(bang + 1);
  }
  rest = rest.replace(/\$/g, '');
  const [a, b = a] = rest.split(':');
  let m = /^([A-Z]+)$/i.exec(a);
  const m2 = /^([A-Z]+)$/i.exec(b);
  if (m && m2) return { sheet, box: { r0: 0, r1: MAX_ROW, c0: colIndex(m[1]), c1: colIndex(m2[1]), wholeCols: true } };
  m = /^(\d+)$/.exec(a);
  const n2 = /^(\d+)$/.exec(b);
  if (m && n2) return { sheet, box: { r0: Number(m[1]) - 1, r1: Number(n2[1]) - 1, c0: 0, c1: MAX_COL, wholeRows: true } };
  const p = /^([A-Z]+)(\d+)$/i.exec(a);
  const q = /^([A-Z]+)(\d+)$/i.exec(b);
  if (!p || !q) throw new FakeExcelError('InvalidArgument', `bad address ${address}`);
  return { sheet, box: { r0: Number(p[2]) - 1, c0: colIndex(p[1]), r1: Number(q[2]) - 1, c1: colIndex(q[1]) } };
}

function isoSerial(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  return Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** What Excel stores for an input typed into a cell (`formulas`/`values` setters). */
export function excelInput(v: unknown): Raw {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = String(v);
  if (s.startsWith("'")) return s; // HyperFormula, like Excel, keeps the rest as text
  if (s.startsWith('=')) return s;
  const num = s.replace(/,/g, '');
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?$/.test(num)) return num.endsWith('%') ? Number(num.slice(0, -1)) / 100 : Number(num);
  if (s.startsWith('+') || s.startsWith('-')) return `=${s}`;
  if (s.startsWith('@')) return `=${s.slice(1)}`;
  const serial = isoSerial(s);
  if (serial !== undefined) return serial;
  if (/^(true|false)$/i.test(s)) return /^true$/i.test(s);
  return `'${s}`;
}

function normFmt(f: Fmt): Fmt | undefined {
  const out: Fmt = {};
  if (f.numberFormat && f.numberFormat !== 'General') out.numberFormat = f.numberFormat;
  if (f.color && f.color.toUpperCase() !== '#000000') out.color = f.color.toUpperCase();
  if (f.bold) out.bold = true;
  if (f.italic) out.italic = true;
  if (f.fill) out.fill = f.fill.toUpperCase();
  if (f.indent) out.indent = f.indent;
  if (f.align && f.align !== 'General') out.align = f.align;
  if (f.borderTop) out.borderTop = true;
  if (f.borderBottom) out.borderBottom = true;
  return Object.keys(out).length ? out : undefined;
}

class ClientResult<T> {
  private v: T | undefined;
  private ready = false;
  set(v: T): void { this.v = v; this.ready = true; }
  get value(): T {
    if (!this.ready) throw new FakeExcelError('PropertyNotLoaded', 'ClientResult read before context.sync()');
    return this.v as T;
  }
}

/** The workbook's state, and the request context the writer gets. */
export class FakeWorkbook {
  readonly hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  readonly sheets: SheetData[] = [];
  readonly parts: Part[] = [];
  readonly nameComments = new Map<string, string>();
  syncs = 0;
  /** Bytes of each sync's request (set payloads, estimated as JSON). */
  readonly requestBytes: number[] = [];
  /** Commands in each sync's batch. */
  readonly batchSizes: number[] = [];
  /** When it returns true, the command about to run fails (and the rest of the batch is dropped). */
  failWhen?: (info: SyncInfo) => boolean;
  queue: { op: Op; bytes: number }[] = [];
  suspendNext = false;
  /** Syncs whose batch began with `suspendApiCalculationUntilNextSync`. */
  suspendedSyncs = 0;
  private nextId = 1;
  readonly context: FakeContext;

  constructor() {
    this.context = new FakeContext(this);
  }

  enqueue(op: Op, bytes = 32): void { this.queue.push({ op, bytes }); }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const suspended = this.suspendNext;
    this.suspendNext = false;
    this.syncs++;
    this.requestBytes.push(batch.reduce((s, b) => s + b.bytes, 0));
    this.batchSizes.push(batch.length);
    if (suspended) this.suspendedSyncs++;
    // HyperFormula recalculates lazily on read, as Excel does once calculation resumes.
    batch.forEach((b, i) => {
      if (this.failWhen?.({ sync: this.syncs, op: i, suspended })) throw new FakeExcelError('GeneralException', `injected failure at command ${i} of sync ${this.syncs}`);
      b.op();
    });
  }

  // ---- sheets -------------------------------------------------------------------------------
  sheet(name: string): SheetData {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: worksheet ${name}`);
    return s;
  }
  hasSheet(name: string): boolean { return this.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase()); }
  sheetId(name: string): number {
    const id = this.hf.getSheetId(this.sheet(name).name);
    if (id === undefined) throw new FakeExcelError('ItemNotFound', name);
    return id;
  }
  addSheet(name: string): SheetData {
    if (this.hasSheet(name)) throw new FakeExcelError('ItemAlreadyExists', `A sheet named ${name} already exists`);
    this.hf.addSheet(name);
    const s: SheetData = { name, formats: new Map(), notes: new Map(), widths: new Map(), charts: [], hiddenCols: new Set(), hiddenRows: new Set(), conditional: [] };
    this.sheets.push(s);
    return s;
  }
  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.hf.removeSheet(this.sheetId(name));
    this.sheets.splice(this.sheets.indexOf(s), 1);
  }

  /** Bounding box of cells with contents or formats (Excel's used range), or undefined. */
  usedBox(name: string, valuesOnly = false): Box | undefined {
    const s = this.sheet(name);
    const data = this.hf.getSheetSerialized(this.sheetId(name));
    let box: Box | undefined;
    const grow = (r: number, c: number): void => {
      if (!box) box = { r0: r, c0: c, r1: r, c1: c };
      else { box.r0 = Math.min(box.r0, r); box.c0 = Math.min(box.c0, c); box.r1 = Math.max(box.r1, r); box.c1 = Math.max(box.c1, c); }
    };
    data.forEach((row, r) => row.forEach((v, c) => { if (v !== null && v !== undefined && v !== '') grow(r, c); }));
    if (!valuesOnly) for (const k of s.formats.keys()) { const [r, c] = k.split(',').map(Number); grow(r, c); }
    return box;
  }

  private clip(name: string, b: Box): Box | undefined {
    if (!b.wholeCols && !b.wholeRows) return b;
    const u = this.usedBox(name);
    if (!u) return undefined;
    const r0 = Math.max(b.r0, u.r0), r1 = Math.min(b.r1, u.r1), c0 = Math.max(b.c0, u.c0), c1 = Math.min(b.c1, u.c1);
    return r0 > r1 || c0 > c1 ? undefined : { r0, r1, c0, c1 };
  }

  setInputs(name: string, b: Box, inputs: unknown): void {
    const rows = b.r1 - b.r0 + 1, cols = b.c1 - b.c0 + 1;
    const grid = Array.isArray(inputs) ? (inputs as unknown[][]) : Array.from({ length: rows }, () => Array.from({ length: cols }, () => inputs));
    if (grid.length !== rows || grid.some((r) => r.length !== cols)) throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}!${boxAddress(b)})`);
    this.hf.setCellContents({ sheet: this.sheetId(name), row: b.r0, col: b.c0 }, grid.map((r) => r.map(excelInput)));
  }

  clearContents(name: string, b: Box): void {
    const c = this.clip(name, b);
    if (!c) return;
    this.hf.setCellContents({ sheet: this.sheetId(name), row: c.r0, col: c.c0 }, Array.from({ length: c.r1 - c.r0 + 1 }, () => Array.from({ length: c.c1 - c.c0 + 1 }, () => null)));
  }

  clearFormats(name: string, b: Box): void {
    const s = this.sheet(name);
    for (const k of [...s.formats.keys()]) {
      const [r, c] = k.split(',').map(Number);
      if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) s.formats.delete(k);
    }
  }

  eachCell(b: Box, f: (r: number, c: number, i: number, j: number) => void): void {
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) f(r, c, r - b.r0, c - b.c0);
  }

  setFmt(name: string, r: number, c: number, patch: Fmt): void {
    const s = this.sheet(name);
    const k = `${r},${c}`;
    const f = normFmt({ ...s.formats.get(k), ...patch });
    if (f) s.formats.set(k, f); else s.formats.delete(k);
  }

  fmt(name: string, r: number, c: number): Fmt {
    return this.sheet(name).formats.get(`${r},${c}`) ?? {};
  }

  cellValue(name: string, r: number, c: number): Raw {
    const v = this.hf.getCellValue({ sheet: this.sheetId(name), row: r, col: c });
    if (v instanceof DetailedCellError) return v.value;
    return v === null ? '' : (v as Raw);
  }

  cellFormula(name: string, r: number, c: number): Raw {
    const a = { sheet: this.sheetId(name), row: r, col: c };
    if (this.hf.doesCellHaveFormula(a)) return this.hf.getCellFormula(a) ?? '';
    return this.cellValue(name, r, c);
  }

  /** Inserts (n > 0) or deletes (n < 0) whole columns at `at`, moving formats, notes, widths and charts. */
  shiftColumns(name: string, at: number, n: number): void {
    const id = this.sheetId(name);
    if (n > 0) this.hf.addColumns(id, [at, n]); else this.hf.removeColumns(id, [at, -n]);
    const s = this.sheet(name);
    const move = <T>(m: Map<string, T>): Map<string, T> => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const [r, c] = k.split(',').map(Number);
        if (c < at) out.set(k, v);
        else if (n > 0) out.set(`${r},${c + n}`, v);
        else if (c >= at - n) out.set(`${r},${c + n}`, v);
      }
      return out;
    };
    s.formats = move(s.formats) as Map<string, Fmt>;
    s.notes = move(s.notes) as Map<string, NoteObj>;
    const w = new Map<number, number>();
    for (const [c, v] of s.widths) { if (c < at) w.set(c, v); else if (n > 0) w.set(c + n, v); else if (c >= at - n) w.set(c + n, v); }
    s.widths = w;
  }

  shiftRows(name: string, at: number, n: number): void {
    const id = this.sheetId(name);
    if (n > 0) this.hf.addRows(id, [at, n]); else this.hf.removeRows(id, [at, -n]);
    const s = this.sheet(name);
    const move = <T>(m: Map<string, T>): Map<string, T> => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const [r, c] = k.split(',').map(Number);
        if (r < at) out.set(k, v);
        else if (n > 0) out.set(`${r + n},${c}`, v);
        else if (r >= at - n) out.set(`${r + n},${c}`, v);
      }
      return out;
    };
    s.formats = move(s.formats) as Map<string, Fmt>;
    s.notes = move(s.notes) as Map<string, NoteObj>;
  }

  newId(): string { return `{${String(this.nextId++).padStart(8, '0')}-FAKE}`; }

  // ---- reading back, for tests -------------------------------------------------------------
  /** Evaluated value of `Sheet!A1` (or `A1` on `sheet`). */
  value(ref: string, sheet?: string): Raw {
    const { sheet: s, box } = parseAddress(ref);
    return this.cellValue(s ?? sheet ?? '', box.r0, box.c0);
  }
  formula(ref: string, sheet?: string): Raw {
    const { sheet: s, box } = parseAddress(ref);
    return this.cellFormula(s ?? sheet ?? '', box.r0, box.c0);
  }
  /** Whether the cell holds a formula (as opposed to a constant or text). */
  hasFormula(ref: string, sheet?: string): boolean {
    const { sheet: s, box } = parseAddress(ref);
    return this.hf.doesCellHaveFormula({ sheet: this.sheetId(s ?? sheet ?? ''), row: box.r0, col: box.c0 });
  }
  format(ref: string, sheet?: string): Fmt {
    const { sheet: s, box } = parseAddress(ref);
    return this.fmt(s ?? sheet ?? '', box.r0, box.c0);
  }
  note(ref: string, sheet?: string): string | undefined {
    const { sheet: s, box } = parseAddress(ref);
    return this.sheet(s ?? sheet ?? '').notes.get(`${box.r0},${box.c0}`)?.content;
  }
  /** Row `r` (0-based) of a sheet as evaluated values. */
  row(name: string, r: number): Raw[] {
    const box = this.usedBox(name);
    if (!box) return [];
    const out: Raw[] = [];
    for (let c = 0; c <= box.c1; c++) out.push(this.cellValue(name, r, c));
    return out;
  }
  names(): { name: string; formula: string; comment: string }[] {
    return this.hf.listNamedExpressions().map((n) => ({ name: n, formula: String(this.hf.getNamedExpressionFormula(n) ?? ''), comment: this.nameComments.get(n.toUpperCase()) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Everything a user could see or a model depends on, as plain data (for before/after comparisons). */
  state(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        cells: this.hf.getSheetSerialized(this.sheetId(s.name)),
        values: this.hf.getSheetValues(this.sheetId(s.name)).map((r) => r.map((v) => (v instanceof DetailedCellError ? v.value : v))),
        formats: [...s.formats.entries()].sort(),
        notes: [...s.notes.entries()].map(([k, v]) => [k, v.content]).sort(),
        widths: [...s.widths.entries()].sort((a, b) => a[0] - b[0]),
        freeze: s.freeze,
        charts: s.charts.map((c) => ({ ...c })),
        hidden: { cols: [...s.hiddenCols].sort(), rows: [...s.hiddenRows].sort() },
        conditional: s.conditional.map((c) => ({ ...c })),
        autoFilter: s.autoFilter,
        page: s.page ? { ...s.page, headers: { ...s.page.headers } } : undefined,
      })),
      names: this.names(),
      parts: this.parts.map((p) => p.xml),
    };
  }
}

// ---- proxies ------------------------------------------------------------------------------

abstract class Proxy {
  protected loaded = false;
  constructor(protected readonly wb: FakeWorkbook) {}
  protected abstract populate(): void;
  load(_props?: unknown): this {
    this.wb.enqueue(() => { this.populate(); this.loaded = true; });
    return this;
  }
  protected need(): void {
    if (!this.loaded) throw new FakeExcelError('PropertyNotLoaded', `The property is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }
}

class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  constructor(private readonly wb: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(wb);
    this.application = { suspendApiCalculationUntilNextSync: () => { wb.suspendNext = true; } };
  }
  sync(): Promise<void> { return this.wb.sync(); }
}

class FakeWorkbookProxy {
  readonly worksheets: WorksheetCollection;
  readonly names: NameCollection;
  readonly customXmlParts: PartCollection;
  constructor(wb: FakeWorkbook) {
    this.worksheets = new WorksheetCollection(wb);
    this.names = new NameCollection(wb);
    this.customXmlParts = new PartCollection(wb);
  }
}

class WorksheetCollection extends Proxy {
  private _items: Worksheet[] = [];
  get items(): Worksheet[] { this.need(); return this._items; }
  protected populate(): void { this._items = this.wb.sheets.map((s) => new Worksheet(this.wb, s.name)); }
  getItem(name: string): Worksheet { return new Worksheet(this.wb, name); }
  getItemOrNullObject(name: string): Worksheet { return new Worksheet(this.wb, name, true); }
  add(name: string): Worksheet {
    this.wb.enqueue(() => { this.wb.addSheet(name); });
    return new Worksheet(this.wb, name);
  }
}

class Worksheet extends Proxy {
  private _isNull = false;
  constructor(wb: FakeWorkbook, readonly name: string, private readonly orNull = false) { super(wb); }
  get isNullObject(): boolean { this.need(); return this._isNull; }
  protected populate(): void {
    if (this.orNull) this._isNull = !this.wb.hasSheet(this.name);
    else this.wb.sheet(this.name);
  }
  getRange(address?: string): Range {
    return new Range(this.wb, this.name, () => parseAddress(address ?? 'A:XFD').box);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    return new Range(this.wb, this.name, () => ({ r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 }));
  }
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.wb, this.name, () => this.wb.usedBox(this.name, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }
  delete(): void { this.wb.enqueue(() => this.wb.deleteSheet(this.name)); }
  get freezePanes(): FreezePanes { return new FreezePanes(this.wb, this.name); }
  get charts(): ChartCollection { return new ChartCollection(this.wb, this.name); }
  get notes(): NoteCollection { return new NoteCollection(this.wb, this.name); }
  get autoFilter(): { apply: (range: Range | string) => void; remove: () => void } {
    const wb = this.wb;
    const name = this.name;
    return {
      apply: (range) => wb.enqueue(() => { wb.sheet(name).autoFilter = typeof range === 'string' ? range : boxAddress(range.box()); }),
      remove: () => wb.enqueue(() => { wb.sheet(name).autoFilter = undefined; }),
    };
  }
  get pageLayout(): unknown {
    const wb = this.wb;
    const name = this.name;
    const page = (): PageSetup => { const s = wb.sheet(name); return (s.page ??= { headers: {} }); };
    const headers = new globalThis.Proxy({}, { set: (_t, k, v) => { wb.enqueue(() => { page().headers[String(k)] = String(v); }); return true; } });
    return {
      set orientation(v: string) { wb.enqueue(() => { page().orientation = v; }); },
      set zoom(v: unknown) { wb.enqueue(() => { page().zoom = v; }); },
      setPrintTitleRows: (v: string) => wb.enqueue(() => { page().titleRows = v; }),
      setPrintTitleColumns: (v: string) => wb.enqueue(() => { page().titleColumns = v; }),
      headersFooters: { defaultForAllPages: headers },
    };
  }
}

class FreezePanes {
  constructor(private readonly wb: FakeWorkbook, private readonly sheet: string) {}
  freezeAt(range: Range | string): void {
    this.wb.enqueue(() => {
      const b = typeof range === 'string' ? parseAddress(range).box : range.box();
      this.wb.sheet(this.sheet).freeze = { rows: b.r1 + 1, cols: b.c1 + 1 };
    });
  }
  freezeRows(n: number): void { this.wb.enqueue(() => { const s = this.wb.sheet(this.sheet); s.freeze = { rows: n, cols: s.freeze?.cols ?? 0 }; }); }
  freezeColumns(n: number): void { this.wb.enqueue(() => { const s = this.wb.sheet(this.sheet); s.freeze = { rows: s.freeze?.rows ?? 0, cols: n }; }); }
  unfreeze(): void { this.wb.enqueue(() => { this.wb.sheet(this.sheet).freeze = undefined; }); }
}

class Range extends Proxy {
  private resolved?: Box;
  private data?: { address: string; box: Box; formulas: Raw[][]; values: Raw[][]; numberFormat: string[][] };
  constructor(wb: FakeWorkbook, readonly sheetName: string, private readonly resolver: () => Box) { super(wb); }
  /** Resolved once, when the first command using it runs (Excel resolves a used range at that point of the batch). */
  box(): Box {
    if (!this.resolved) { this.wb.sheet(this.sheetName); this.resolved = this.resolver(); }
    return this.resolved;
  }
  protected populate(): void {
    const b = this.box();
    const formulas: Raw[][] = [], values: Raw[][] = [], numberFormat: string[][] = [];
    if (!b.wholeCols && !b.wholeRows) {
      for (let r = b.r0; r <= b.r1; r++) {
        formulas.push([]); values.push([]); numberFormat.push([]);
        for (let c = b.c0; c <= b.c1; c++) {
          formulas[formulas.length - 1].push(this.wb.cellFormula(this.sheetName, r, c));
          values[values.length - 1].push(this.wb.cellValue(this.sheetName, r, c));
          numberFormat[numberFormat.length - 1].push(this.wb.fmt(this.sheetName, r, c).numberFormat ?? 'General');
        }
      }
    }
    this.data = { address: `${quote(this.sheetName)}!${boxAddress(b)}`, box: b, formulas, values, numberFormat };
  }
  private d(): NonNullable<Range['data']> { this.need(); return this.data as NonNullable<Range['data']>; }
  get address(): string { return this.d().address; }
  get rowIndex(): number { return this.d().box.r0; }
  get columnIndex(): number { return this.d().box.c0; }
  get rowCount(): number { const b = this.d().box; return b.r1 - b.r0 + 1; }
  get columnCount(): number { const b = this.d().box; return b.c1 - b.c0 + 1; }
  get formulas(): Raw[][] { return this.d().formulas; }
  set formulas(v: Raw[][]) { this.wb.enqueue(() => this.wb.setInputs(this.sheetName, this.box(), v), JSON.stringify(v).length); }
  get values(): Raw[][] { return this.d().values; }
  set values(v: Raw[][]) { this.wb.enqueue(() => this.wb.setInputs(this.sheetName, this.box(), v), JSON.stringify(v).length); }
  get numberFormat(): string[][] { return this.d().numberFormat; }
  set numberFormat(v: string[][]) {
    this.wb.enqueue(() => {
      const b = this.box();
      this.wb.eachCell(b, (r, c, i, j) => this.wb.setFmt(this.sheetName, r, c, { numberFormat: Array.isArray(v) ? v[i][j] : (v as string) }));
    }, JSON.stringify(v).length);
  }
  get format(): RangeFormat { return new RangeFormat(this.wb, this); }
  set columnHidden(v: boolean) {
    this.wb.enqueue(() => { const b = this.box(); const s = this.wb.sheet(this.sheetName); for (let c = b.c0; c <= b.c1; c++) { if (v) s.hiddenCols.add(c); else s.hiddenCols.delete(c); } });
  }
  set rowHidden(v: boolean) {
    this.wb.enqueue(() => { const b = this.box(); const s = this.wb.sheet(this.sheetName); for (let r = b.r0; r <= Math.min(b.r1, b.r0 + 1000); r++) { if (v) s.hiddenRows.add(r); else s.hiddenRows.delete(r); } });
  }
  get conditionalFormats(): { add: (type: string) => unknown; clearAll: () => void } {
    const wb = this.wb;
    const range = this;
    return {
      add: (type: string) => {
        if (type !== 'Custom') throw new FakeExcelError('NotImplemented', 'the fake adds custom conditional formats only');
        const cf: CondFormat = { address: '', formula: '' };
        wb.enqueue(() => { cf.address = boxAddress(range.box()); wb.sheet(range.sheetName).conditional.push(cf); });
        const set = (patch: Partial<CondFormat>): void => wb.enqueue(() => { Object.assign(cf, patch); });
        return {
          custom: {
            rule: { set formula(v: string) { set({ formula: v }); } },
            format: {
              fill: { set color(v: string) { set({ fill: v.toUpperCase() }); } },
              font: { set color(v: string) { set({ color: v.toUpperCase() }); }, set bold(v: boolean) { set({ bold: v }); } },
            },
          },
        };
      },
      clearAll: () => wb.enqueue(() => {
        const b = range.box();
        const s = wb.sheet(range.sheetName);
        s.conditional = s.conditional.filter((c) => {
          const x = parseAddress(c.address).box;
          return !(x.r0 >= b.r0 && x.r1 <= b.r1 && x.c0 >= b.c0 && x.c1 <= b.c1);
        });
      }),
    };
  }
  setCellProperties(props: { format?: { font?: { color?: string; bold?: boolean; italic?: boolean }; fill?: { color?: string }; indentLevel?: number; horizontalAlignment?: string; borders?: { top?: { style?: string }; bottom?: { style?: string } } } }[][]): void {
    this.wb.enqueue(() => {
      const b = this.box();
      if (props.length !== b.r1 - b.r0 + 1 || props.some((r) => r.length !== b.c1 - b.c0 + 1)) throw new FakeExcelError('InvalidArgument', 'setCellProperties: dimensions do not match the range');
      this.wb.eachCell(b, (r, c, i, j) => {
        const p = props[i][j].format;
        if (!p) return;
        const patch: Fmt = {};
        if (p.font?.color !== undefined) patch.color = p.font.color;
        if (p.font?.bold !== undefined) patch.bold = p.font.bold;
        if (p.font?.italic !== undefined) patch.italic = p.font.italic;
        if (p.fill?.color !== undefined) patch.fill = p.fill.color;
        if (p.indentLevel !== undefined) patch.indent = p.indentLevel;
        if (p.horizontalAlignment !== undefined) patch.align = p.horizontalAlignment;
        if (p.borders?.top?.style !== undefined) patch.borderTop = p.borders.top.style !== 'None';
        if (p.borders?.bottom?.style !== undefined) patch.borderBottom = p.borders.bottom.style !== 'None';
        this.wb.setFmt(this.sheetName, r, c, patch);
      });
    }, JSON.stringify(props).length);
  }
  getCellProperties(_opts: unknown): ClientResult<unknown[][]> {
    const result = new ClientResult<unknown[][]>();
    this.wb.enqueue(() => {
      const b = this.box();
      const out: unknown[][] = [];
      this.wb.eachCell(b, (r, c, i) => {
        const f = this.wb.fmt(this.sheetName, r, c);
        if (!out[i]) out[i] = [];
        out[i].push({ format: {
          font: { color: f.color ?? '#000000', bold: f.bold ?? false, italic: f.italic ?? false },
          fill: { color: f.fill ?? '#FFFFFF', pattern: f.fill ? 'Solid' : 'None' },
          indentLevel: f.indent ?? 0,
          horizontalAlignment: f.align ?? 'General',
          borders: { top: { style: f.borderTop ? 'Continuous' : 'None' }, bottom: { style: f.borderBottom ? 'Continuous' : 'None' } },
        } });
      });
      result.set(out);
    });
    return result;
  }
  clear(applyTo: string = 'All'): void {
    this.wb.enqueue(() => {
      const b = this.box();
      if (applyTo === 'All' || applyTo === 'Contents') this.wb.clearContents(this.sheetName, b);
      if (applyTo === 'All' || applyTo === 'Formats') this.wb.clearFormats(this.sheetName, b);
    });
  }
  insert(shift: string): Range {
    this.wb.enqueue(() => {
      const b = this.box();
      if (shift === 'Right' && b.wholeCols) this.wb.shiftColumns(this.sheetName, b.c0, b.c1 - b.c0 + 1);
      else if (shift === 'Down' && b.wholeRows) this.wb.shiftRows(this.sheetName, b.r0, b.r1 - b.r0 + 1);
      else throw new FakeExcelError('NotImplemented', 'the fake inserts whole columns (Right) or whole rows (Down) only');
    });
    return new Range(this.wb, this.sheetName, () => this.box());
  }
  delete(shift: string): void {
    this.wb.enqueue(() => {
      const b = this.box();
      if (shift === 'Left' && b.wholeCols) this.wb.shiftColumns(this.sheetName, b.c0, -(b.c1 - b.c0 + 1));
      else if (shift === 'Up' && b.wholeRows) this.wb.shiftRows(this.sheetName, b.r0, -(b.r1 - b.r0 + 1));
      else throw new FakeExcelError('NotImplemented', 'the fake deletes whole columns (Left) or whole rows (Up) only');
    });
  }
  getEntireColumn(): Range { return new Range(this.wb, this.sheetName, () => { const b = this.box(); return { r0: 0, r1: MAX_ROW, c0: b.c0, c1: b.c1, wholeCols: true }; }); }
}

class RangeFormat {
  constructor(private readonly wb: FakeWorkbook, private readonly range: Range) {}
  set useStandardWidth(v: boolean) {
    if (!v) return;
    this.wb.enqueue(() => {
      const b = this.range.box();
      for (let c = b.c0; c <= b.c1; c++) this.wb.sheet(this.range.sheetName).widths.delete(c);
    });
  }
  set columnWidth(points: number) {
    this.wb.enqueue(() => {
      const b = this.range.box();
      for (let c = b.c0; c <= b.c1; c++) this.wb.sheet(this.range.sheetName).widths.set(c, points);
    });
  }
  get font(): { color: string; bold: boolean; italic: boolean } {
    const set = (patch: Fmt): void => this.wb.enqueue(() => {
      const b = this.range.box();
      this.wb.eachCell(b, (r, c) => this.wb.setFmt(this.range.sheetName, r, c, patch));
    });
    return {
      set color(v: string) { set({ color: v }); },
      set bold(v: boolean) { set({ bold: v }); },
      set italic(v: boolean) { set({ italic: v }); },
    } as { color: string; bold: boolean; italic: boolean };
  }
}

class NoteCollection extends Proxy {
  private _items: Note[] = [];
  constructor(wb: FakeWorkbook, private readonly sheet: string) { super(wb); }
  get items(): Note[] { this.need(); return this._items; }
  protected populate(): void { this._items = [...this.wb.sheet(this.sheet).notes.values()].map((n) => new Note(this.wb, this.sheet, n)); }
  add(cell: Range | string, content: string): Note {
    const obj: NoteObj = { content };
    this.wb.enqueue(() => {
      const b = typeof cell === 'string' ? parseAddress(cell).box : cell.box();
      const notes = this.wb.sheet(this.sheet).notes;
      const k = `${b.r0},${b.c0}`;
      if (notes.has(k)) throw new FakeExcelError('InvalidArgument', `the cell ${boxAddress(b)} already has a note`);
      notes.set(k, obj);
    }, content.length);
    return new Note(this.wb, this.sheet, obj);
  }
}

class Note extends Proxy {
  constructor(wb: FakeWorkbook, private readonly sheet: string, private readonly obj: NoteObj) { super(wb); }
  protected populate(): void { /* content is on obj */ }
  get content(): string { return this.obj.content; }
  delete(): void {
    this.wb.enqueue(() => {
      const notes = this.wb.sheet(this.sheet).notes;
      for (const [k, v] of notes) if (v === this.obj) notes.delete(k);
    });
  }
}

class ChartCollection extends Proxy {
  private _items: Chart[] = [];
  constructor(wb: FakeWorkbook, private readonly sheet: string) { super(wb); }
  get items(): Chart[] { this.need(); return this._items; }
  protected populate(): void { this._items = this.wb.sheet(this.sheet).charts.map((c) => new Chart(this.wb, this.sheet, c)); }
  add(type: string, source: Range, seriesBy: string): Chart {
    const obj: ChartObj = { name: '', type, title: '', source: '', seriesBy, series: [] };
    this.wb.enqueue(() => {
      obj.source = `${quote(source.sheetName)}!${boxAddress(source.box())}`;
      obj.series.push({ name: 'Series1', values: obj.source });
      this.wb.sheet(this.sheet).charts.push(obj);
    });
    return new Chart(this.wb, this.sheet, obj);
  }
}

class Chart extends Proxy {
  constructor(wb: FakeWorkbook, private readonly sheet: string, private readonly obj: ChartObj) { super(wb); }
  protected populate(): void { /* fields are on obj */ }
  get name(): string { return this.obj.name; }
  set name(v: string) { this.wb.enqueue(() => { this.obj.name = v; }); }
  get title(): { text: string } {
    const wb = this.wb, obj = this.obj;
    return { set text(v: string) { wb.enqueue(() => { obj.title = v; }); } } as { text: string };
  }
  get series(): { getItemAt: (i: number) => ChartSeries; add: (name: string) => ChartSeries } {
    return {
      getItemAt: (i: number) => new ChartSeries(this.wb, () => this.obj.series[i]),
      add: (name: string) => {
        const s = { name, values: '' };
        this.wb.enqueue(() => { this.obj.series.push(s); });
        return new ChartSeries(this.wb, () => s);
      },
    };
  }
  setPosition(start: Range | string): void {
    this.wb.enqueue(() => { this.obj.position = typeof start === 'string' ? start : boxAddress(start.box()); });
  }
  delete(): void {
    this.wb.enqueue(() => {
      const list = this.wb.sheet(this.sheet).charts;
      const i = list.indexOf(this.obj);
      if (i < 0) throw new FakeExcelError('ItemNotFound', 'chart');
      list.splice(i, 1);
    });
  }
}

class ChartSeries {
  constructor(private readonly wb: FakeWorkbook, private readonly get: () => ChartObj['series'][number]) {}
  set name(v: string) { this.wb.enqueue(() => { this.get().name = v; }); }
  set chartType(v: string) { this.wb.enqueue(() => { this.get().chartType = v; }); }
  set axisGroup(v: string) { this.wb.enqueue(() => { this.get().axisGroup = v; }); }
  setValues(r: Range): void { this.wb.enqueue(() => { this.get().values = `${quote(r.sheetName)}!${boxAddress(r.box())}`; }); }
  setXAxisValues(r: Range): void { this.wb.enqueue(() => { this.get().xValues = `${quote(r.sheetName)}!${boxAddress(r.box())}`; }); }
}

class NameCollection extends Proxy {
  private _items: NamedItem[] = [];
  get items(): NamedItem[] { this.need(); return this._items; }
  protected populate(): void {
    this._items = this.wb.hf.listNamedExpressions().map((n) => Object.assign(new NamedItem(this.wb, n), { snapshot: this.wb.names().find((x) => x.name === n) }));
  }
  getItem(name: string): NamedItem { return new NamedItem(this.wb, name); }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    this.wb.enqueue(() => {
      const ref = typeof reference === 'string' ? reference : `=${quote(reference.sheetName)}!${boxAddress(reference.box())}`;
      if (this.wb.hf.listNamedExpressions().some((n) => n.toUpperCase() === name.toUpperCase())) throw new FakeExcelError('ItemAlreadyExists', `name ${name} exists`);
      this.wb.hf.addNamedExpression(name, ref.startsWith('=') ? ref : `=${ref}`);
      this.wb.nameComments.set(name.toUpperCase(), comment ?? '');
    });
    return new NamedItem(this.wb, name);
  }
}

class NamedItem extends Proxy {
  snapshot?: { name: string; formula: string; comment: string };
  constructor(wb: FakeWorkbook, readonly name: string) { super(wb); }
  protected populate(): void { /* loaded with the collection */ }
  get formula(): string { return this.snapshot?.formula ?? ''; }
  set formula(v: string) {
    this.wb.enqueue(() => {
      const n = this.wb.hf.listNamedExpressions().find((x) => x.toUpperCase() === this.name.toUpperCase());
      if (!n) throw new FakeExcelError('ItemNotFound', `name ${this.name}`);
      this.wb.hf.changeNamedExpression(n, v.startsWith('=') ? v : `=${v}`);
    });
  }
  get comment(): string { return this.snapshot?.comment ?? ''; }
  set comment(v: string) { this.wb.enqueue(() => { this.wb.nameComments.set(this.name.toUpperCase(), v); }); }
  delete(): void {
    this.wb.enqueue(() => {
      const n = this.wb.hf.listNamedExpressions().find((x) => x.toUpperCase() === this.name.toUpperCase());
      if (!n) throw new FakeExcelError('ItemNotFound', `name ${this.name}`);
      this.wb.hf.removeNamedExpression(n);
      this.wb.nameComments.delete(this.name.toUpperCase());
    });
  }
}

class PartCollection extends Proxy {
  private _items: XmlPart[] = [];
  get items(): XmlPart[] { this.need(); return this._items; }
  protected populate(): void { this._items = this.wb.parts.map((p) => new XmlPart(this.wb, p)); }
  add(xml: string): XmlPart {
    const part: Part = { id: '', xml };
    this.wb.enqueue(() => { part.id = this.wb.newId(); this.wb.parts.push(part); }, xml.length);
    return new XmlPart(this.wb, part);
  }
  getByNamespace(ns: string): ScopedParts { return new ScopedParts(this.wb, ns); }
}

function namespaceOf(xml: string): string {
  return /<(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*\s[^>]*?xmlns(?::[\w.-]+)?="([^"]*)"/.exec(xml.replace(/<\?xml[^>]*\?>/, ''))?.[1] ?? '';
}

class ScopedParts extends Proxy {
  private _items: XmlPart[] = [];
  constructor(wb: FakeWorkbook, private readonly ns: string) { super(wb); }
  get items(): XmlPart[] { this.need(); return this._items; }
  protected populate(): void { this._items = this.wb.parts.filter((p) => namespaceOf(p.xml) === this.ns).map((p) => new XmlPart(this.wb, p)); }
}

class XmlPart extends Proxy {
  constructor(wb: FakeWorkbook, private readonly part: Part) { super(wb); }
  protected populate(): void { /* id is on part */ }
  get id(): string { return this.part.id; }
  /** The namespace of the part's root element, as Excel reports it. */
  get namespaceUri(): string { return namespaceOf(this.part.xml); }
  getXml(): ClientResult<string> {
    const r = new ClientResult<string>();
    this.wb.enqueue(() => { if (!this.wb.parts.includes(this.part)) throw new FakeExcelError('ItemNotFound', 'custom XML part'); r.set(this.part.xml); });
    return r;
  }
  setXml(xml: string): void {
    this.wb.enqueue(() => { if (!this.wb.parts.includes(this.part)) throw new FakeExcelError('ItemNotFound', 'custom XML part'); this.part.xml = xml; }, xml.length);
  }
  delete(): void {
    this.wb.enqueue(() => { const i = this.wb.parts.indexOf(this.part); if (i >= 0) this.wb.parts.splice(i, 1); });
  }
}

/** The fake's context, typed as the writer expects it. */
export function excelContext(wb: FakeWorkbook): Excel.RequestContext {
  return wb.context as unknown as Excel.RequestContext;
}
