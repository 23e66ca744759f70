/**
 * The reader: an EDGAR release in (plain text, an HTML exhibit, a full submission holding either,
 * a bare `<DOCUMENT>` wrapper), a Filing out: its company, tables and sentences, every number
 * exact with its line, and diagnostics a person can act on. Text tables and HTML tables are read
 * by two readers into the same Table model.
 */
import { detectCompany } from './company';
import { readDocument, type Region, type SourceLine } from './document';
import { decodeHtmlEntities, looksLikeHtml, readHtml, wrappedPlainText, type HtmlTable } from './html';
import { readHtmlTable } from './html-table';
import { forgetColumnHeaders } from './columns';
import { forgetCellTexts } from './numbers';
import { datesIn } from './periods';
import { readSentences } from './sentences';
import { settleDashes } from './table-context';
import { readTables } from './text-table';
import type { Diagnostic, Filing, Scale, Sentence, Table } from './types';
import { matchesOf } from './text';

/** Filings larger than this are refused before any work. */
export const MAX_FILING_BYTES = 20 * 1024 * 1024;

function emptyFiling(file: string, text: string, diagnostics: Diagnostic[]): Filing {
  return { file, text, company: '', ticker: '', cik: '', date: '', accession: '', tables: [], sentences: [], diagnostics };
}

/** Why a text cannot be read as a filing at all, or undefined. */
function unusable(text: string): string | undefined {
  if (text.length > MAX_FILING_BYTES) {
    return `the file is ${(text.length / 1048576).toFixed(1)} MB; filings over ${MAX_FILING_BYTES / 1048576} MB are refused`;
  }
  if (text.trim() === '') return 'the file is empty';
  // NUL padding at the end (a download filled out to a block) is not content.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
  if (end === 0) return 'the file is binary, not a text filing';
  const sample = text.slice(0, Math.min(end, 65536));
  // eslint-disable-next-line no-control-regex
  const binary = (sample.match(/[\u0000-\u0008\u000e-\u001a]/g) ?? []).length;
  if (binary > sample.length * 0.01 || sample.includes('\ufffd\ufffd\ufffd')) return 'the file is binary, not a text filing';
  return undefined;
}

/**
 * Tables printed under the same title (Mpower's four `RECONCILIATION TO GAAP`) are told apart
 * by what they reconcile to (their last row) and, for guidance, the period.
 */
function distinguishTitles(tables: Table[]): void {
  const count = new Map<string, number>();
  for (const t of tables) count.set(t.title, (count.get(t.title) ?? 0) + 1);
  for (const t of tables) {
    if ((count.get(t.title) ?? 0) < 2) continue;
    const last = t.rows[t.rows.length - 1]?.label.replace(/\s*\((?:GAAP)\)\s*$/i, '') ?? '';
    const guidance = t.columns.find((c) => c.scenario !== 'actual')?.period?.key;
    t.title = `${t.title} — ${last}${guidance ? ` (${guidance} guidance)` : ''}`;
  }
}

/** Running text is read in paragraphs of at most this many lines (a release's longest has about 40). */
const MAX_PARAGRAPH_LINES = 200;

/** A number that may be over 20 digits long (six digits in a row, or five groups). */
const LONG_NUMBER = /\d{6}|\d,\d{3},\d{3},\d{3},\d{3}/;

/** A run of digits as a number prints them (`1,234,567.89`). */
const DIGIT_RUN = /\d[\d,]*(?:\.\d+)?/g;

/** More digits than any figure a release prints; Decimal computes checks exactly to 20 digits. */
const MAX_FIGURE_DIGITS = 20;

/**
 * Numbers with more digits than any real figure: the table reader may take one for label text
 * (its row then loses the identity it took part in) and checks on one cannot be exact. Said, never
 * silently accepted.
 */
function overlongFigures(regions: { lines: SourceLine[] }[], file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  let more = 0;
  for (const region of regions) {
    for (const l of region.lines) {
      if (!LONG_NUMBER.test(l.text)) continue;
      for (const m of matchesOf(DIGIT_RUN, l.text)) {
        const digits = m[0].replace(/\D/g, '').length;
        if (digits <= MAX_FIGURE_DIGITS) continue;
        if (found.length >= 3) { more++; continue; }
        const shown = m[0].length > 24 ? `${m[0].slice(0, 12)}…${m[0].slice(-6)}` : m[0];
        found.push({ severity: 'warning', message: `line ${l.no} holds a number of ${digits} digits (${shown}), more than any figure a release prints; check the file: a row it stands in may not be read`, file, line: l.no });
      }
    }
  }
  if (more > 0) found.push({ severity: 'warning', message: `${more} more numbers of over ${MAX_FIGURE_DIGITS} digits`, file });
  return found;
}

/** What went wrong inside the reader, in words (never a stack trace). */
function failure(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads a filing. Never throws: a text that cannot be read, or a part of it that makes the
 * reader fail, comes back as a diagnostic (errors are values).
 */
export function readFiling(input: string, file: string): Filing {
  try {
    return readFilingText(input, file);
  } catch (e) {
    return emptyFiling(file, input, [{ severity: 'error', message: `the reader failed on this file (${failure(e)}); nothing was read from it`, file }]);
  } finally {
    forgetCellTexts();
    forgetColumnHeaders();
  }
}

/** The text of an HTML table that holds no figures (a layout table), as paragraphs of running text. */
function layoutText(table: HtmlTable): SourceLine[] {
  const out: SourceLine[] = [];
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (cell.text === '') continue;
      // Each line of the cell's text on its own source line (the column is known for the first only).
      cell.text.split('\n').forEach((t, k) => out.push({ no: cell.lines[k] ?? cell.line, text: t, ...(k === 0 ? { col: cell.col } : {}) }));
      out.push({ no: cell.line, text: '' });
    }
  }
  return out;
}

function readFilingText(input: string, file: string): Filing {
  const reason = unusable(input);
  if (reason) return emptyFiling(file, input, [{ severity: 'error', message: reason, file }]);
  // A line ended by a lone CR (old Mac files) ends it as LF does, for every part of the reader
  // (some count lines by LF alone): the same length, so every offset and column stays the source's.
  const source = input.includes('\r') ? input.replace(/\r(?!\n)/g, '\n') : input;
  let text = source;
  // A standalone HTML page (no EDGAR envelope): a wrapped text file is read as text, a laid-out page as HTML.
  const head = text.slice(0, 4096);
  const standaloneHtml = looksLikeHtml(head) && !/<(?:SEC-DOCUMENT|DOCUMENT|TEXT)>/i.test(head);
  if (standaloneHtml) {
    const plain = wrappedPlainText(text);
    if (plain !== undefined) text = plain;
  }
  const doc = standaloneHtml && text === source
    ? { regions: [{ tagged: false, lines: [], html: { from: 0, to: source.length } }] as Region[], envelope: readDocument('', file).envelope, diagnostics: [] as Diagnostic[] }
    : readDocument(text, file);
  const diagnostics: Diagnostic[] = [...doc.diagnostics, ...overlongFigures(doc.regions, file)];
  // The company first: column headers repeat its name (`Mpower Holding`), which names no segment.
  // Entities as the HTML reader decodes them (`&#151;` is an em dash, as in Windows-1252).
  const decoded = decodeHtmlEntities(text.slice(0, 60000).replace(/<[^>]*>/g, ' '));
  const headText = decoded.includes('\u00a0') ? decoded.replace(/\u00a0/g, ' ') : decoded;
  const company = detectCompany(headText, doc.envelope);
  const fiscalYearEnd = doc.envelope.filers[company.fiscalFiler ?? 0]?.fiscalYearEnd || doc.envelope.fiscalYearEnd || undefined;
  const columnCtx = { company: company.name, fiscalYearEnd };
  const tables: Table[] = [];
  let n = 0;
  const nextId = () => `t${++n}`;
  let prevLines: SourceLine[] = [];
  let fallbackScale: Scale | undefined;
  const proseLines: SourceLine[] = [];
  let paragraph = 0;
  const pushProse = (line: SourceLine) => {
    paragraph = line.text.trim() === '' ? 0 : paragraph + 1;
    if (paragraph > MAX_PARAGRAPH_LINES) {
      proseLines.push({ no: line.no, text: '' }); // a run of text this long is not a paragraph: cut it
      paragraph = 1;
    }
    proseLines.push(line);
  };
  for (const region of doc.regions) {
    if (region.html) {
      readHtmlRegion(source, region.html, { file, columnCtx, nextId, diagnostics, tables, pushProse, fallback: () => fallbackScale, setFallback: (s) => { fallbackScale = s; } });
      prevLines = [];
      continue;
    }
    let found: Table[] = [];
    try {
      found = readTables(region, { file, above: prevLines.slice(-8), fallbackScale, nextId, ...columnCtx }, diagnostics);
    } catch (e) {
      const first = region.lines[0]?.no;
      const last = region.lines[region.lines.length - 1]?.no;
      diagnostics.push({ severity: 'warning', message: `lines ${first}–${last} could not be read as tables (${failure(e)}); their numbers are left out`, file, line: first });
    }
    tables.push(...found);
    if (found.length > 0) fallbackScale = found[found.length - 1].scale;
    if (!region.tagged) {
      let k = 0; // tables and lines are both in line order
      for (const l of region.lines) {
        while (k < found.length && found[k].lines[1] < l.no) k++;
        const inTable = k < found.length && l.no >= found[k].lines[0];
        pushProse(inTable ? { no: l.no, text: '' } : l);
      }
    }
    prevLines = region.lines;
  }
  // Figures in notes take the scale of the table just above them.
  const scaleAt = (line: number): Scale | undefined => {
    // Tables are in document order: the last one ending above the line (binary search).
    let lo = 0;
    let hi = tables.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tables[mid].lines[1] < line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? tables[lo - 1].scale : undefined;
  };
  let sentences: Sentence[] = [];
  try {
    sentences = readSentences(proseLines, scaleAt);
  } catch (e) {
    diagnostics.push({ severity: 'warning', message: `the running text could not be read (${failure(e)}); figures stated in it are left out`, file });
  }
  const date = doc.envelope.filedAs || datesIn(headText.split(/\n/).slice(0, 40).join('\n'))[0] || datesIn(headText.slice(0, 8000))[0] || '';
  for (const t of tables) settleDashes(t);
  distinguishTitles(tables);
  if (tables.length === 0) {
    diagnostics.push({ severity: 'warning', message: 'no tables found: no column of numbers under period headers', file });
  }
  for (const t of tables) {
    if (t.columns.every((c) => !c.period)) {
      diagnostics.push({ severity: 'warning', message: `table '${t.title}' names no period in its column headers; its numbers are left out`, file, line: t.lines[0] });
    }
  }
  return {
    file,
    text: input,
    company: company.name,
    ticker: company.ticker,
    cik: company.cik,
    date,
    accession: doc.envelope.accession,
    tables,
    sentences,
    diagnostics,
  };
}

interface HtmlRegionContext {
  file: string;
  columnCtx: { company: string; fiscalYearEnd: number | undefined };
  nextId: () => string;
  diagnostics: Diagnostic[];
  tables: Table[];
  pushProse: (line: SourceLine) => void;
  fallback: () => Scale | undefined;
  setFallback: (s: Scale) => void;
}

/** An HTML document: its tables through the HTML table reader, its running text as sentences. */
function readHtmlRegion(source: string, range: { from: number; to: number }, ctx: HtmlRegionContext): void {
  const above: string[] = [];
  let items: ReturnType<typeof readHtml> = [];
  try {
    items = readHtml(source, range.from, range.to);
  } catch (e) {
    ctx.diagnostics.push({ severity: 'warning', message: `the HTML document could not be read (${failure(e)}); its numbers are left out`, file: ctx.file });
    return;
  }
  // What the document prints, running text and cells, line by line: checked as a text region's lines are.
  const printed = items.flatMap((item): SourceLine[] => item.kind === 'line'
    ? [item.line]
    : item.table.rows.flatMap((r) => r.cells.flatMap((c) => c.text.split('\n').map((text, i) => ({ no: c.lines[i] ?? c.line, text })))));
  ctx.diagnostics.push(...overlongFigures([{ lines: printed }], ctx.file));
  for (const item of items) {
    if (item.kind === 'line') {
      ctx.pushProse(item.line);
      const t = item.line.text.trim();
      if (t !== '') {
        // Lines of one paragraph (one source line each) join: the title block reads as printed.
        above.push(t);
        if (above.length > 12) above.shift();
      } else if (above.length > 0 && above[above.length - 1] !== '') above.push('');
      continue;
    }
    let found: Table[] = [];
    try {
      found = readHtmlTable(item.table, { ...ctx.columnCtx, file: ctx.file, above: paragraphs(above), fallbackScale: ctx.fallback(), nextId: ctx.nextId }, ctx.diagnostics);
    } catch (e) {
      ctx.diagnostics.push({ severity: 'warning', message: `the table at line ${item.table.lines[0]} could not be read (${failure(e)}); its numbers are left out`, file: ctx.file, line: item.table.lines[0] });
    }
    if (found.length === 0) {
      for (const l of layoutText(item.table)) ctx.pushProse(l);
      continue;
    }
    ctx.tables.push(...found);
    ctx.setFallback(found[found.length - 1].scale);
    ctx.pushProse({ no: item.table.lines[1], text: '' });
    above.length = 0;
  }
}

/** Lines of running text grouped into paragraphs (a blank entry ends one). */
function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l === '') { if (cur.length) out.push(cur.join(' ')); cur = []; } else cur.push(l);
  }
  if (cur.length) out.push(cur.join(' '));
  return out;
}
