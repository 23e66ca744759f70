/**
 * Fixed-width text tables: where they are, their columns (from the alignment of the numbers
 * themselves), their headers, titles, scale statements, rows, section headings and cells.
 */
import { findScaleStatement, rowAmountKinds, scaleOf, splitTableLine, toAmount, type MalformedCell, type NumberToken } from './numbers';
import { durationOf, datesIn, fiscalQuarterIn, monthDayIn, numericDatesIn } from './periods';
import { describeColumn, type ColumnContext } from './columns';
import type { Region, SourceLine } from './document';
import { figureKind, keepsSection, rowKindOf, settleColumns, withoutScaleBrackets, type RowUnits } from './table-context';
import type { Cell, Diagnostic, Scale, TableColumn, TableRow, TextTable } from './types';
import { foldBlanks, leadingBlanks, matchesOf } from './text';

type LineKind = 'blank' | 'rule' | 'data' | 'text';

interface Classified {
  line: SourceLine;
  kind: LineKind;
  label: string;
  tokens: NumberToken[];
  /** Cells that look like numbers but are none (left out, with a warning). */
  malformed: MalformedCell[];
}

/** A rule line: only dashes, equals signs, underscores and blanks, with a run of three. Linear (no nested quantifier). */
const isRule = (text: string): boolean => RULE_RUN.test(text) && RULE_ONLY.test(text.trim());
const RULE_RUN = /[-=_]{3}/;
const RULE_ONLY = /^[-=_ ]+$/;

/** Blanks only, or nothing. */
const BLANK_LINE = /^\s*$/;

function classify(line: SourceLine): Classified {
  const text = line.text;
  if (BLANK_LINE.test(text)) return { line, kind: 'blank', label: '', tokens: [], malformed: [] };
  if (isRule(text)) return { line, kind: 'rule', label: '', tokens: [], malformed: [] };
  const { label, tokens, malformed } = splitTableLine(text);
  // A row whose cells are all malformed is still a row (with no cells), not a heading.
  return { line, kind: tokens.length > 0 || malformed.length > 0 ? 'data' : 'text', label, tokens, malformed };
}

/** Running prose: a long line of words with single blanks, no column gutters. */
function isProse(c: Classified): boolean {
  if (c.kind !== 'text') return false;
  const t = c.line.text.trim();
  if (/\s{3,}/.test(t)) return false;
  return t.length >= 50 && t.split(/\s+/).length >= 8;
}

// Tests of every line or row, hoisted (a regular expression literal is a new object each time it is evaluated).
const THOUSANDS = /\d,\d{3}/;
const GUTTER_OR_INDENT = /\S\s{2,}\S|^\s{12,}\S/;
const TWO_YEARS = /\b(?:19|20)\d\d\s{2,}(?:19|20)\d\d\b/;
const LONE_YEAR = /^\s{12,}(?:19|20)\d\d\s*$/;
const GUIDANCE_WORD = /\b(?:guidance|range)\b/i;
const GUTTER = /\s{2,}\S/;
const TOTAL = /^total\b/i;

/** A line that names periods or a guidance range: the header of a (new) table. */
function isPeriodHeader(c: Classified): boolean {
  if (c.kind !== 'text') return false;
  const t = c.line.text;
  // A line of a label naming dates (`issued and outstanding -- 13,577,000 at June 30, 2005`) is no header.
  if (THOUSANDS.test(t)) return false;
  if (datesIn(t).length > 0 || durationOf(t) || numericDatesIn(t).length > 0 || fiscalQuarterIn(t)) return true;
  if (monthDayIn(t) && GUTTER_OR_INDENT.test(t)) return true;
  if (TWO_YEARS.test(t)) return true;
  // One year alone, standing over a column (a table of one column): `                    2004`.
  if (LONE_YEAR.test(t)) return true;
  return GUIDANCE_WORD.test(t) && GUTTER.test(t.trim());
}

/** Untagged tables in running text: runs of data lines not broken by prose, with the lines above them. */
function untaggedBlocks(lines: Classified[]): Classified[][] {
  const blocks: Classified[][] = [];
  let i = 0;
  let floor = 0;
  while (i < lines.length) {
    if (lines[i].kind !== 'data' || lines[i].tokens.length < 1) { i++; continue; }
    // Extend down while no prose and data keeps coming within a few lines.
    let end = i;
    let j = i + 1;
    let gap = 0;
    while (j < lines.length && !isProse(lines[j])) {
      if (lines[j].kind === 'data') { end = j; gap = 0; } else if (++gap > 8) break;
      j++;
    }
    // A lone number line inside prose is not a table.
    const dataCount = lines.slice(i, end + 1).filter((c) => c.kind === 'data').length;
    if (dataCount < 2) { i = end + 1; continue; }
    let start = i;
    while (start > floor && i - start < 15 && !isProse(lines[start - 1])) start--;
    while (start < i && lines[start].kind === 'blank') start++;
    blocks.push(lines.slice(start, end + 1));
    i = end + 1;
    floor = i;
  }
  return blocks;
}

/** Splits a block into tables: a new table starts where a run of non-data lines names periods. */
function splitTables(block: Classified[]): { header: Classified[]; body: Classified[] }[] {
  const out: { header: Classified[]; body: Classified[] }[] = [];
  let header: Classified[] = [];
  let body: Classified[] = [];
  let i = 0;
  while (i < block.length) {
    const c = block[i];
    if (c.kind === 'data') { body.push(c); i++; continue; }
    let j = i;
    while (j < block.length && block[j].kind !== 'data') j++;
    const run = block.slice(i, j);
    if (body.length === 0) header.push(...run);
    else if (j < block.length && run.some(isPeriodHeader)) {
      out.push({ header, body });
      header = run;
      body = [];
    } else body.push(...run);
    i = j;
  }
  if (body.some((c) => c.kind === 'data')) out.push({ header, body });
  return out;
}

interface ColumnSpan { start: number; end: number }

/** Columns from the alignment of the numbers: token spans that overlap (or touch) form one column. */
function columnSpans(rows: Classified[]): ColumnSpan[] {
  const spans: [number, number][] = [];
  for (const r of rows) for (const t of r.tokens) spans.push(t.span);
  spans.sort((a, b) => a[0] - b[0]);
  const cols: ColumnSpan[] = [];
  for (const [start, end] of spans) {
    const last = cols[cols.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else cols.push({ start, end });
  }
  return cols;
}

/** The column a cell's span overlaps most. Columns are disjoint and sorted, so only the few near the span are looked at. */
function columnOf(cols: ColumnSpan[], span: [number, number]): number {
  let lo = 0;
  let hi = cols.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cols[mid].end <= span[0]) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestOverlap = 0;
  for (let i = lo; i < cols.length && cols[i].start < span[1]; i++) {
    const o = Math.min(cols[i].end, span[1]) - Math.max(cols[i].start, span[0]);
    if (o > bestOverlap) { bestOverlap = o; best = i; }
  }
  return best;
}

interface Chunk { text: string; start: number; end: number }

/** A run of words one blank apart: a header's text between gutters. */
const HEADER_CHUNK = /\S+(?: \S+)*/g;

/** Header text split at gutters, and after a year that a column word follows (`2003 Change`). */
function chunks(text: string): Chunk[] {
  const out: Chunk[] = [];
  for (const m of matchesOf(HEADER_CHUNK, text)) {
    let start = m.index ?? 0;
    // Split after a year a column word follows (`2003 Change`), and between two dates (`June 28, January 3,`).
    for (const piece of m[0].split(/(?<=\b(?:19|20)\d\d) (?=[A-Z%]|(?:19|20)\d\d\b)|(?<=\b[A-Z][a-z]+\.? \d{1,2},) (?=[A-Z][a-z]+\.? \d{1,2}\b)/)) {
      out.push({ text: piece, start, end: start + piece.length });
      start += piece.length + 1;
    }
  }
  return out;
}

/** Header words that name a group of columns (a duration or a date over several years). */
const GROUP_WORDS = /\b(?:months?|weeks?|quarters?|years?|periods?)\b.*\b(?:end(?:ed|ing)|to date)\b|\bend(?:ed|ing)\b|\b(?:ytd|year[- ]to[- ]date)\b|^(?:at|as of)\b/i;

/** Header words that name a period or a group of them: a duration, a date with or without its year. */
function namesPeriod(text: string): boolean {
  return GROUP_WORDS.test(text) || monthDayIn(text) !== undefined || datesIn(text).length > 0;
}

/** The columns a chunk stands over (its extent overlaps theirs). */
function columnsUnder(k: Chunk, cols: ColumnSpan[]): number[] {
  return cols.map((col, ci) => (Math.min(k.end, col.end) - Math.max(k.start, col.start) > 0 ? ci : -1)).filter((ci) => ci >= 0);
}

/**
 * n chunks each centred over its own run of columns (`Domestic  Sears Canada  Consolidated` over
 * six). A chunk lying within another header line's label of one column is stacked on that label
 * (`Earnings` over `Per Share`, beside `Pretax`), not a group's header.
 */
function evenGroups(over: Chunk[], cols: ColumnSpan[], labels: Chunk[]): boolean {
  if (cols.length % over.length !== 0) return false;
  const g = cols.length / over.length;
  return over.every((k, j) => {
    if (/^(?:19|20)\d\d\**$/.test(k.text)) return false;
    if (labels.some((m) => m.start <= k.start && k.end <= m.end)) return false;
    const centre = (k.start + k.end) / 2;
    return centre >= cols[j * g].start && centre <= cols[(j + 1) * g - 1].end;
  });
}

/** Words that leave a label unfinished, so the next line continues it. */
const CONNECTOR_END = /(?:\b(?:and|or|of|for|to|the|in|before|after|from|per|with|by|on|at|less|net)|[,&(])\s*$/i;

function continues(prev: Classified, next: Classified): boolean {
  const p = prev.line.text.trim();
  if (p.endsWith(':')) return false;
  const nextLabel = (next.kind === 'data' ? next.label : next.line.text).trim();
  if (nextLabel === '') return false;
  const opens = (p.match(/\(/g) ?? []).length;
  const closes = (p.match(/\)/g) ?? []).length;
  return /^[a-z(]/.test(nextLabel) || CONNECTOR_END.test(p) || opens > closes;
}

export interface TableContext extends ColumnContext {
  file: string;
  /** Lines just above the block (titles and scale statements often stand there). */
  above: SourceLine[];
  /** Scale of the previous table of the document, used when a table states none. */
  fallbackScale: Scale | undefined;
}

function buildTable(
  id: string,
  part: { header: Classified[]; body: Classified[] },
  ctx: TableContext,
  diagnostics: Diagnostic[],
): TextTable | undefined {
  const dataRows = part.body.filter((c) => c.kind === 'data' && c.tokens.length > 0);
  if (dataRows.length === 0) return undefined;
  const cols = columnSpans(dataRows);
  const firstColStart = cols[0].start;
  // Where the rows' labels end: header text starting right of every label stands over the columns.
  const labelsEnd = Math.max(0, ...dataRows.map((c) => c.label.trimEnd().length));

  // Header lines: up to the last rule of the header zone (or, without a rule, the last line naming
  // periods), and any whose text all stands over the columns. Later lines are section headings.
  const zone = part.header;
  let headEnd = -1;
  zone.forEach((c, i) => { if (c.kind === 'rule') headEnd = i; });
  if (headEnd < 0) headEnd = zone.map(isPeriodHeader).lastIndexOf(true);
  const headerParts: string[][] = cols.map(() => []);
  const titleParts: { line: number; text: string }[] = [];
  const leading: Classified[] = [];
  const zoneChunks = zone.map((c) => (c.kind === 'text' ? chunks(c.line.text) : []));
  // Each header line's labels of a single column, for telling a stacked word from a group's header.
  const singleLabels = zoneChunks.map((cs) => cs.filter((k) => columnsUnder(k, cols).length === 1));
  zone.forEach((c, i) => {
    // A blank line between the header's last line and the rows (`Income Account-`, blank, `Retail Revenue`) keeps them apart.
    if (c.kind === 'blank' && i > headEnd && leading.length > 0) { leading.push(c); return; }
    if (c.kind !== 'text') return;
    const cs = zoneChunks[i];
    const overColumns = cs.every((k) => k.end > firstColStart - 2);
    if (i > headEnd && !overColumns) { leading.push(c); return; }
    const lineParts: string[] = cols.map(() => '');
    const owner: (Chunk | undefined)[] = cols.map(() => undefined);
    const over: Chunk[] = [];
    for (const k of cs) {
      // Text starting in the label area is a title or caption, even where it runs over the first column.
      // A period's words (`Three Months Ended`) starting right of every label head the columns
      // however far left of the figures they start (a wide header over short figures).
      const inLabelArea = k.start < firstColStart - 12 && !(k.start > labelsEnd + 1 && namesPeriod(k.text));
      if (k.end <= firstColStart - 2 || inLabelArea) { titleParts.push({ line: i, text: k.text }); continue; }
      // Columns the chunk stands over; only where it stands over none, those it touches (two blanks off).
      const real = columnsUnder(k, cols);
      const near = real.length > 0 ? real : cols.map((col, ci) => (k.start < col.end + 2 && k.end > col.start - 2 ? ci : -1)).filter((ci) => ci >= 0);
      for (const ci of near) {
        lineParts[ci] = lineParts[ci] ? `${lineParts[ci]} ${k.text}` : k.text;
        owner[ci] = k;
      }
      if (near.length === 0) titleParts.push({ line: i, text: k.text });
      else over.push(k);
    }
    // A spanning header (`Three Months Ended`, `June 30,`, `December 31,`, `Domestic` over two
    // years) names every column of its group: a column no chunk of this line stands over takes the
    // nearest one. Only for group words (durations, dates without a year) or a line of n chunks
    // over a multiple of n columns; stacked one-per-column labels (`Retail &` / `Related`) do not spread.
    const groupLine = over.length > 0 && over.length < cols.length &&
      (over.every((k) => GROUP_WORDS.test(k.text) || monthDayIn(k.text) !== undefined) || evenGroups(over, cols, singleLabels.flatMap((ls, li) => (li === i ? [] : ls))));
    if (groupLine) {
      cols.forEach((col, ci) => {
        if (owner[ci]) return;
        const centre = (col.start + col.end) / 2;
        let best: Chunk | undefined;
        let bestDistance = Infinity;
        for (const k of over) {
          const d = centre < k.start ? k.start - centre : centre > k.end ? centre - k.end : 0;
          if (d < bestDistance) { bestDistance = d; best = k; }
        }
        if (best) lineParts[ci] = best.text;
      });
    }
    lineParts.forEach((t, ci) => { if (t) headerParts[ci].push(t); });
  });

  const aboveText = ctx.above.map((l) => l.text.trim()).filter((t) => t !== '');
  // A caption above the title (`FINANCIAL STATEMENTS`) gives way to the line naming the scale.
  const scaleLine =
    titleParts.find((p) => (findScaleStatement(p.text) || /\bamounts in\b/i.test(p.text)) && withoutScaleBrackets(p.text) !== '')?.line ?? -1;
  const titleText = foldBlanks(titleParts.filter((p) => p.line >= scaleLine).map((p) => p.text).join(' ')).trim();
  const scaleText =
    findScaleStatement(titleText) ??
    findScaleStatement(zone.map((c) => c.line.text).join(' ')) ??
    findScaleStatement(aboveText.join(' ')) ??
    '';
  const scale: Scale = scaleOf(scaleText) ?? ctx.fallbackScale ?? 'units';
  let title = foldBlanks(withoutScaleBrackets(titleText));
  if (title === '' || /^\(?notes?\)?$/i.test(title)) {
    // Lines above, after the last line of figures (the end of the table before it).
    const lastFigures = aboveText.map((t) => splitTableLine(t).tokens.length > 0).lastIndexOf(true);
    const prose = aboveText.slice(lastFigures + 1).filter((t) => !findScaleStatement(t) && !/^exhibit\b/i.test(t));
    title = prose.slice(-2).join(' — ') || `Table ${id.slice(1)}`;
  }

  const columnCtx = { company: ctx.company, fiscalYearEnd: ctx.fiscalYearEnd, balance: /balance sheets?|financial (?:position|condition)/i.test(`${title} ${aboveText.slice(-3).join(' ')}`) };
  const columns: TableColumn[] = settleColumns(
    cols.map((col, ci) => {
      const header = foldBlanks(headerParts[ci].join(' ')).trim();
      const d = describeColumn(header, columnCtx);
      const column: TableColumn = { header, period: d.period, scenario: d.scenario, span: [col.start, col.end] };
      if (d.measure !== 'value') column.measure = d.measure;
      if (d.member) column.member = d.member;
      if (d.scale) column.scale = d.scale;
      if (d.kind) column.kind = d.kind;
      return column;
    }),
    title,
    columnCtx,
  );
  const units: RowUnits = { scaleText, tableScale: scale, title };

  const rows: TableRow[] = [];
  let section = '';
  let sectionRows = 0;
  let ruleAbove = false;
  let blankAbove = false;
  let sectionIndent = 0;
  let pending: Classified[] = [];
  const body = [...leading, ...part.body];
  body.forEach((c, i) => {
    const next = body[i + 1];
    if (c.kind === 'blank') {
      pending = [];
      blankAbove = rows.length > 0;
      // A blank line ends the section, unless the next line stands further in than its heading
      // (Sears's `Basic` over rows set apart by blank lines).
      let n = i + 1;
      while (n < body.length && (body[n].kind === 'blank' || body[n].kind === 'rule')) n++;
      const nextLine = body[n] as Classified | undefined;
      const nextIndent = nextLine ? leadingBlanks(nextLine.line.text) : 0;
      const nextLabel = nextLine?.kind === 'data' ? nextLine.label : nextLine?.line.text;
      if (sectionRows > 0 && !(section && nextIndent > sectionIndent) && !keepsSection(rows[rows.length - 1]?.label, nextLabel)) { section = ''; sectionRows = 0; }
      return;
    }
    if (c.kind === 'rule') { ruleAbove = true; return; }
    for (const bad of c.malformed) {
      diagnostics.push({ severity: 'warning', message: `cannot read '${bad.text}' as a number; that cell is left out`, file: ctx.file, line: c.line.no });
    }
    if (c.kind === 'text') {
      // A label runs on (`Accelerated Depreciation` / `resulting from CSC Purchased` / `Services
      // transaction  39`): the next line continues it, or stands at the indent of a continuation line.
      const indentOf = (x: Classified) => leadingBlanks(x.line.text);
      const sameIndent = pending.length > 0 && next !== undefined && indentOf(next) === indentOf(c) && indentOf(c) > indentOf(pending[0]);
      if (next && (next.kind === 'data' || next.kind === 'text') && (continues(c, next) || sameIndent)) { pending.push(c); return; }
      // A heading over two lines (`Consolidated Earnings-` / `(See Notes)`) is one heading.
      const heading = [...pending.map((p) => p.line.text.trim()), c.line.text.trim()].join(' ').replace(/:$/, '').trim();
      pending = [];
      // `Consolidated Earnings-` / `(See Notes)`: a bracketed line under a heading completes it.
      section = /^\(.*\)$/.test(heading) && section !== '' && sectionRows === 0 ? `${section} ${heading}` : heading;
      sectionIndent = leadingBlanks(c.line.text);
      sectionRows = 0;
      return;
    }
    const first = pending[0] ?? c;
    let label = c.label.trim();
    if (pending.length > 0) label = [...pending.map((p) => p.line.text.trim()), label].filter((t) => t !== '').join(' ');
    const rowKind = rowKindOf(label, section, units);
    const cells: Cell[] = [];
    const byWords = rowAmountKinds(label, section);
    for (const t of c.tokens) {
      const column = columnOf(cols, t.span);
      if (column < 0) continue;
      const kind = figureKind(t, rowKind, columns[column], label, byWords);
      cells.push({ column, amount: toAmount(t, kind), line: c.line.no, span: t.span });
    }
    // Properties in the order a row always has them (optional ones only where they hold), no object spread.
    const row: TableRow = { label, indent: leadingBlanks(first.line.text), section, ruleAbove } as TableRow;
    if (blankAbove) row.blankAbove = true;
    if (rowKind.scale && rowKind.kind !== 'money') row.scale = rowKind.scale;
    row.line = c.line.no;
    row.labelLine = first.line.no;
    row.text = c.line.text.trimEnd();
    row.cells = cells;
    rows.push(row);
    sectionRows++;
    ruleAbove = false;
    blankAbove = false;
    pending = [];
    if (section && TOTAL.test(label)) {
      const words = section.toLowerCase().replace(/[^a-z ]/g, '').trim();
      if (words && label.toLowerCase().includes(words)) { section = ''; sectionRows = 0; }
    }
  });

  const allLines = [...zone, ...part.body].map((c) => c.line.no);
  return {
    id,
    title,
    scaleText,
    scale,
    columns,
    rows,
    lines: [Math.min(...allLines), Math.max(...allLines)],
    source: 'text',
  };
}

/** Every table of a region (a `<TABLE>` block holds one or more; running text may hold untagged ones). */
export function readTables(
  region: Region,
  ctx: TableContext & { nextId: () => string },
  diagnostics: Diagnostic[],
): TextTable[] {
  const classified = region.lines.map(classify);
  const blocks = region.tagged ? [classified] : untaggedBlocks(classified);
  const tables: TextTable[] = [];
  let fallback = ctx.fallbackScale;
  for (const block of blocks) {
    const startNo = block[0]?.line.no ?? 0;
    const above = region.tagged ? ctx.above : region.lines.filter((l) => l.no < startNo && l.no >= startNo - 8);
    for (const part of splitTables(block)) {
      const table = buildTable(ctx.nextId(), part, { file: ctx.file, above, fallbackScale: fallback, company: ctx.company, fiscalYearEnd: ctx.fiscalYearEnd }, diagnostics);
      if (table) {
        tables.push(table);
        fallback = table.scale;
      }
    }
  }
  return tables;
}
