/**
 * HTML `<table>` grids into the same Table model as the text reader: colspan and rowspan
 * expanded onto a grid of slots; `$`, `(`, `)`, `%` and footnote marks standing in cells of their
 * own joined to the number they belong to; spacer columns dropped (columns are where numbers
 * stand); a header cell spanning several columns applied to each of them; rows, section
 * headings, rules (cell borders) and blank rows as in a text table. Provenance: the line and
 * column of each cell's text in the source file.
 */
import { describeColumn, type ColumnContext } from './columns';
import type { HtmlCell, HtmlTable } from './html';
import { findScaleStatement, isMalformedCell, parseCell, rowAmountKinds, scaleOf, toAmount, type NumberToken } from './numbers';
import { figureKind, keepsSection, rowKindOf, settleColumns, titleOf, type RowUnits } from './table-context';
import type { Cell, Diagnostic, Scale, Table, TableColumn, TableRow } from './types';

/** A cell placed on the grid. */
interface Placed {
  cell: HtmlCell;
  start: number;
  end: number;
}

type TokenKind = 'empty' | 'dollar' | 'open' | 'close' | 'percent' | 'note' | 'number' | 'text';

interface Token {
  kind: TokenKind;
  placed: Placed;
  /** The cell's text as a number would be read (`(103`, `- 7%` → `-7%`, `—` → `-`). */
  text: string;
  /** Text that looks like a number but is none (`((5))`, `(5, 5)`): left out with a warning where it stands over the figures. */
  malformed?: boolean;
}

/** Dashes that mean zero (`&#151;`, `–`, `-`). */
const DASH = /^[-\u2013\u2014\u2012\u2015]+$/;

function tokenOf(p: Placed): Token {
  const raw = p.cell.text.replace(/\n/g, ' ').trim();
  const t = raw.replace(/[\u2013\u2014\u2012\u2015\u2212]/g, '-').replace(/\s+/g, ' ');
  if (t === '') return { kind: 'empty', placed: p, text: '' };
  if (/^\$$/.test(t)) return { kind: 'dollar', placed: p, text: '$' };
  if (/^\(\s*\$?$/.test(t)) return { kind: 'open', placed: p, text: t.replace(/\s/g, '') };
  if (/^\)\s*%?(\s*\(?[a-z0-9]{1,2}\)|\s*\*+)?$/i.test(t) || /^%\s*\)$/.test(t)) return { kind: 'close', placed: p, text: t.startsWith('%') ? '%)' : /%/.test(t) ? ')%' : ')' };
  if (/^%$/.test(t)) return { kind: 'percent', placed: p, text: '%' };
  if (/^(?:\(\s*[a-z0-9]{1,2}\s*\)|\*{1,3}|[a-z]|\[\d\])$/i.test(t) && !/^\(\s*\d{3,}/.test(t)) return { kind: 'note', placed: p, text: t };
  const n = t
    .replace(/^\$\s*/, '$')
    .replace(/^\(\s*\$\s*/, '($')
    .replace(/^(\(?\$?)-\s+(?=[\d.])/, '$1-')
    .replace(/\s*%$/, '%')
    .replace(/\s+\((?:[a-z]|\d)\)$/i, '')
    .replace(/\*+$/, '');
  const unclosed = /^\(\$?-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?$/.test(n);
  if (DASH.test(n) || /^\$\s*-+$/.test(n) || parseCell(n) || unclosed) return { kind: 'number', placed: p, text: DASH.test(n) ? '-' : n };
  return { kind: 'text', placed: p, text: raw, ...(isMalformedCell(n) ? { malformed: true } : {}) };
}

/** Places the cells of every row on a grid, honouring colspan and rowspan. */
function grid(table: HtmlTable): Placed[][] {
  const taken = new Map<number, Set<number>>();
  const take = (r: number, c: number) => {
    let s = taken.get(r);
    if (!s) { s = new Set(); taken.set(r, s); }
    s.add(c);
  };
  return table.rows.map((row, r) => {
    const placed: Placed[] = [];
    let c = 0;
    for (const cell of row.cells) {
      while (taken.get(r)?.has(c)) c++;
      const start = c;
      const end = c + cell.colspan;
      for (let rr = r; rr < r + cell.rowspan; rr++) for (let cc = start; cc < end; cc++) take(rr, cc);
      placed.push({ cell, start, end });
      c = end;
    }
    return placed;
  });
}

/** A number of a row with the `$`, brackets and `%` around it joined. */
interface Joined {
  token: NumberToken;
  start: number;
  end: number;
  cell: HtmlCell;
}

function joinRow(tokens: Token[]): Joined[] {
  const out: Joined[] = [];
  tokens.forEach((tk, i) => {
    if (tk.kind !== 'number') return;
    let text = tk.text;
    let start = tk.placed.start;
    let end = tk.placed.end;
    // Left: `$`, `(` or `($` cells up to the previous number.
    for (let j = i - 1; j >= 0; j--) {
      const l = tokens[j];
      if (l.kind === 'empty') continue;
      if (l.kind === 'dollar' && !text.startsWith('$') && !text.startsWith('($')) { text = `$${text}`; start = l.placed.start; continue; }
      if (l.kind === 'open' && !text.startsWith('(')) { text = `${l.text}${text}`; start = l.placed.start; continue; }
      break;
    }
    // Right: `)`, `%`, footnote marks up to the next number.
    for (let j = i + 1; j < tokens.length; j++) {
      const r = tokens[j];
      if (r.kind === 'empty') continue;
      if (r.kind === 'close' && !text.endsWith(')')) {
        text = r.text === '%)' ? `${text}%)` : r.text === ')%' ? `${text})%` : `${text})`;
        end = r.placed.end;
        continue;
      }
      if (r.kind === 'percent' && !text.endsWith('%')) { text = `${text}%`; end = r.placed.end; continue; }
      if (r.kind === 'note') { end = r.placed.end; continue; }
      break;
    }
    const normal = text.replace(/^\$\(/, '($').replace(/\)%$/, '%)');
    const parsed = parseCell(normal === '-' ? '-' : normal);
    if (!parsed) return;
    out.push({ token: { ...parsed, span: [tk.placed.cell.col, tk.placed.cell.col + Math.max(tk.placed.cell.length, 1)] }, start, end, cell: tk.placed.cell });
  });
  return out;
}

/** Value columns from where the numbers stand: slot ranges that overlap form one column. */
function valueColumns(rows: Joined[][]): { start: number; end: number }[] {
  const spans = rows.flat().map((j) => ({ start: j.start, end: j.end }));
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const cols: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else cols.push({ ...s });
  }
  return cols;
}

function columnIndex(cols: { start: number; end: number }[], j: Joined): number {
  return cols.findIndex((c) => j.start < c.end && j.end > c.start);
}

export interface HtmlTableContext extends ColumnContext {
  file: string;
  /** Running text just above the table (title, caption, scale statement), nearest last. */
  above: string[];
  /** Scale of the previous table of the document, used when a table states none. */
  fallbackScale: Scale | undefined;
  nextId: () => string;
}

interface RowInfo {
  placed: Placed[];
  tokens: Token[];
  joined: Joined[];
  /** Text of the cells left of the first value column. */
  label: string;
  labelCell: HtmlCell | undefined;
  /** Text standing over value columns (header text). */
  valueText: boolean;
  blank: boolean;
}

/** Reads one HTML table into zero or more Tables (a new header row naming periods starts a new one). */
export function readHtmlTable(html: HtmlTable, ctx: HtmlTableContext, diagnostics: Diagnostic[]): Table[] {
  const placedRows = grid(html);
  const infos = placedRows.map((placed): RowInfo => {
    const tokens = placed.map(tokenOf);
    return { placed, tokens, joined: [], label: '', labelCell: undefined, valueText: false, blank: tokens.every((t) => t.kind === 'empty') };
  });
  for (const info of infos) {
    // A number in the first cell of a row is part of its label (`2004 Compared to 2003`, `99.1`).
    const first = info.tokens.findIndex((t) => t.kind !== 'empty');
    if (first >= 0 && (info.tokens[first].kind === 'number' || info.tokens[first].malformed) && info.tokens[first].placed.start === 0) {
      info.tokens[first] = { ...info.tokens[first], kind: 'text', malformed: false };
    }
    // A row of bare years (`2004   2003`) is a header, not figures.
    const numbers = info.tokens.filter((t) => t.kind === 'number');
    if (numbers.length > 0 && numbers.every((t) => /^(?:19|20)\d\d\s*\*{0,2}$/.test(t.text)) && !info.tokens.some((t) => t.kind === 'dollar')) {
      for (const t of numbers) t.kind = 'text';
    }
    info.joined = joinRow(info.tokens);
  }
  const dataRows = infos.filter((r) => r.joined.length > 0);
  if (dataRows.length === 0) return [];
  // Segments: a run of header rows after data rows starts a new table when it names periods.
  const segments: RowInfo[][] = [];
  let current: RowInfo[] = [];
  let seenData = false;
  const firstValue = Math.min(...dataRows.map((x) => x.joined[0].start));
  /** The text cells of a row of no figures that stand over the figures (a header row's). */
  const overValues = (r: RowInfo) => (r.joined.length > 0 || r.blank ? [] : r.tokens.filter((t) => t.kind === 'text' && t.placed.start >= firstValue - 1));
  for (let i = 0; i < infos.length; i++) {
    const r = infos[i];
    if (r.joined.length > 0) { seenData = true; current.push(r); continue; }
    if (seenData && overValues(r).some((t) => describeColumn(t.text, ctx).period !== undefined)) {
      // Header rows just above it (`Six Months Ended June 30,` over `2004`) head the new table too.
      let k = current.length;
      while (k > 0 && overValues(current[k - 1]).length > 0) k--;
      segments.push(current.slice(0, k));
      current = current.slice(k);
      seenData = false;
    }
    current.push(r);
  }
  segments.push(current);
  const out: Table[] = [];
  let fallbackScale = ctx.fallbackScale;
  segments.forEach((seg, k) => {
    const t = buildSegment(seg, html, { ...ctx, above: k === 0 ? ctx.above : [], fallbackScale }, diagnostics);
    if (t) {
      out.push(t);
      fallbackScale = t.scale;
    }
  });
  return out;
}

function rowText(label: string, cells: { text: string }[]): string {
  return [label, ...cells.map((c) => c.text)].filter((s) => s !== '').join('  ');
}

function buildSegment(rows: RowInfo[], html: HtmlTable, ctx: HtmlTableContext, diagnostics: Diagnostic[]): Table | undefined {
  const data = rows.filter((r) => r.joined.length > 0);
  if (data.length === 0) return undefined;
  const cols = valueColumns(data.map((r) => r.joined));
  const firstValue = cols[0].start;
  for (const r of rows) {
    const labelTokens = r.tokens.filter((t) => t.kind !== 'empty' && t.placed.end <= firstValue);
    const labelToken = labelTokens.find((t) => t.kind === 'text' || t.kind === 'number');
    r.label = labelTokens.filter((t) => t.kind === 'text' || t.kind === 'number' || t.kind === 'note').map((t) => t.text.replace(/\n/g, ' ')).join(' ').replace(/\s+/g, ' ').trim();
    r.labelCell = labelToken?.placed.cell;
    r.valueText = r.tokens.some((t) => t.kind !== 'empty' && t.kind !== 'number' && t.placed.end > firstValue && t.placed.start < cols[cols.length - 1].end);
  }
  const firstData = rows.indexOf(data[0]);
  // Header rows: before the first data row, those with text over the value columns. Rows with a
  // label only, after a header row, are section headings; before any, caption lines.
  const headerRows: RowInfo[] = [];
  const caption: string[] = [];
  const leading: RowInfo[] = [];
  let sawHeader = false;
  for (let i = 0; i < firstData; i++) {
    const r = rows[i];
    if (r.blank) continue;
    if (r.valueText) { headerRows.push(r); sawHeader = true; if (r.label) leading.splice(0, leading.length, r); continue; }
    if (sawHeader) leading.push(r);
    else caption.push(r.label || r.tokens.map((t) => t.text).join(' ').trim());
  }
  const headerTexts = cols.map((col) =>
    headerRows
      .map((r) => r.tokens.filter((t) => t.kind !== 'empty' && t.kind !== 'number' && t.placed.start < col.end && t.placed.end > col.start).map((t) => t.text.replace(/\n/g, ' ')).join(' '))
      .filter((s) => s !== '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const headerLabelText = headerRows.map((r) => r.label).filter((s) => s !== '');
  const above = ctx.above;
  const scaleText =
    findScaleStatement([...caption, ...headerLabelText].join(' ')) ??
    findScaleStatement(headerTexts.join(' ')) ??
    findScaleStatement(above.slice(-6).join(' ')) ??
    '';
  const scale: Scale = scaleOf(scaleText) ?? ctx.fallbackScale ?? 'units';
  // The label cell of a header row (`ASSETS` beside the dates) heads the rows; it titles the table only when nothing else does.
  const title = titleOf([...above.slice(-4), ...caption], [], headerLabelText.join(' ') || 'Table');
  const balance = /balance sheets?|financial (?:position|condition)|statements? of condition/i.test(`${title} ${above.slice(-4).join(' ')}`);
  const columns: TableColumn[] = settleColumns(
    cols.map((col, ci) => {
      const d = describeColumn(headerTexts[ci], { ...ctx, balance });
      return { header: headerTexts[ci], period: d.period, scenario: d.scenario, span: [col.start, col.end] as [number, number], measure: d.measure, member: d.member, scale: d.scale, kind: d.kind };
    }),
    `${title} ${caption.join(' ')}`,
    { ...ctx, balance },
  );
  const units: RowUnits = { scaleText, tableScale: scale, title };
  const tableRows: TableRow[] = [];
  let section = leading.length > 0 ? leading[leading.length - 1].label.replace(/:$/, '').trim() : '';
  let sectionRows = 0;
  let ruleAbove = false;
  let blankAbove = false;
  let prev: RowInfo | undefined;
  for (let i = firstData; i < rows.length; i++) {
    const r = rows[i];
    // A border under the previous row's figures, or over this row's, is a rule between them.
    const borderBelowPrev = prev !== undefined && i > firstData && prev.placed.some((p) => p.cell.borderBottom && p.start >= firstValue);
    const borderAbove = r.placed.some((p) => p.cell.borderTop && p.start >= firstValue);
    if (borderBelowPrev || borderAbove) ruleAbove = true;
    if (r.blank) {
      blankAbove = true;
      const next = rows.slice(i + 1).find((x) => !x.blank);
      if (sectionRows > 0 && !keepsSection(tableRows[tableRows.length - 1]?.label, next?.label)) { section = ''; sectionRows = 0; }
      prev = r;
      continue;
    }
    // Cells over the figures that look like numbers but are none: left out, said.
    const malformed = r.tokens.filter((t) => t.malformed && t.placed.start >= firstValue);
    for (const t of malformed) {
      diagnostics.push({ severity: 'warning', message: `cannot read '${t.text}' as a number; that cell is left out`, file: ctx.file, line: t.placed.cell.line });
    }
    if (r.joined.length === 0 && malformed.length > 0) {
      // A row of malformed cells only stays a row (no cells), not a section heading over the rows below.
      const line = (r.labelCell ?? malformed[0].placed.cell).line;
      tableRows.push({ label: r.label, indent: Math.max(0, Math.round((r.labelCell?.indentPt ?? 0) / 5)), section, ruleAbove, blankAbove, line, labelLine: line, text: rowText(r.label, malformed), cells: [] });
      sectionRows++;
      ruleAbove = false;
      blankAbove = false;
      prev = r;
      continue;
    }
    if (r.joined.length === 0) {
      if (r.valueText && !r.label) { prev = r; continue; } // a repeated header inside the table
      section = r.label.replace(/:$/, '').trim();
      sectionRows = 0;
      prev = r;
      continue;
    }
    const label = r.label;
    const kind = rowKindOf(label, section, units);
    const cells: Cell[] = [];
    const byWords = rowAmountKinds(label, section);
    for (const j of r.joined) {
      const column = columnIndex(cols, j);
      if (column < 0) continue;
      const col = columns[column];
      const amountKindHere = figureKind(j.token, kind, col, label, byWords);
      cells.push({ column, amount: toAmount(j.token, amountKindHere), line: j.cell.line, span: j.token.span });
    }
    const labelCell = r.labelCell ?? r.joined[0].cell;
    tableRows.push({
      label,
      indent: Math.max(0, Math.round((r.labelCell?.indentPt ?? 0) / 5)),
      section,
      ruleAbove,
      blankAbove,
      scale: kind.scale,
      line: r.joined[0].cell.line,
      labelLine: labelCell.line || r.joined[0].cell.line,
      text: rowText(label, r.joined.map((j) => ({ text: j.token.text }))),
      cells,
    });
    sectionRows++;
    ruleAbove = false;
    blankAbove = false;
    const words = section.toLowerCase().replace(/[^a-z ]/g, '').trim();
    if (words && /^total\b/i.test(label) && label.toLowerCase().includes(words)) { section = ''; sectionRows = 0; }
    prev = r;
  }
  const lines = rows.flatMap((r) => r.placed.map((p) => p.cell.line)).filter((l) => l > 0);
  return {
    id: ctx.nextId(),
    title,
    scaleText,
    scale,
    columns,
    rows: tableRows,
    lines: [Math.min(html.lines[0], ...lines), Math.max(html.lines[1], ...lines)],
    source: 'html',
  };
}
