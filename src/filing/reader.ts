/**
 * The reader: EDGAR text (or an HTML page with preformatted text) in, a Filing out: its tables
 * and sentences, every number exact with its line, and diagnostics a person can act on.
 */
import { preformattedText, readDocument, type SourceLine } from './document';
import { datesIn } from './periods';
import { readSentences } from './sentences';
import { readTables } from './text-table';
import type { Diagnostic, Filing, Scale, Sentence, TextTable } from './types';

/** Filings larger than this are refused before any work. */
export const MAX_FILING_BYTES = 20 * 1024 * 1024;

function emptyFiling(file: string, text: string, diagnostics: Diagnostic[]): Filing {
  return { file, text, company: '', ticker: '', date: '', accession: '', tables: [], sentences: [], diagnostics };
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
function distinguishTitles(tables: TextTable[]): void {
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
      if (!/\d{6}|\d,\d{3},\d{3},\d{3},\d{3}/.test(l.text)) continue;
      for (const m of l.text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
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
  }
}

function readFilingText(input: string, file: string): Filing {
  const reason = unusable(input);
  if (reason) return emptyFiling(file, input, [{ severity: 'error', message: reason, file }]);
  let text = input;
  if (/<html[\s>]|<body[\s>]|<!doctype html/i.test(text.slice(0, 4096))) {
    const pre = preformattedText(text);
    if (pre === undefined) {
      return emptyFiling(file, input, [{
        severity: 'error',
        message: 'this is an HTML page with no plain-text tables; use the filing\'s .txt version from EDGAR',
        file,
      }]);
    }
    text = pre;
  }
  const doc = readDocument(text, file);
  const diagnostics: Diagnostic[] = [...doc.diagnostics, ...overlongFigures(doc.regions, file)];
  const tables: TextTable[] = [];
  let n = 0;
  const nextId = () => `t${++n}`;
  let prevLines: SourceLine[] = [];
  let fallbackScale: Scale | undefined;
  const proseLines: SourceLine[] = [];
  let paragraph = 0;
  for (const region of doc.regions) {
    let found: TextTable[] = [];
    try {
      found = readTables(region, { file, above: prevLines.slice(-8), fallbackScale, nextId }, diagnostics);
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
        const line = inTable ? { no: l.no, text: '' } : l;
        paragraph = line.text.trim() === '' ? 0 : paragraph + 1;
        if (paragraph > MAX_PARAGRAPH_LINES) {
          proseLines.push({ no: l.no, text: '' }); // a run of text this long is not a paragraph: cut it
          paragraph = 1;
        }
        proseLines.push(line);
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
  const head = text.slice(0, 20000).replace(/\s+/g, ' ');
  const listed = /([A-Z][A-Za-z0-9&.,' -]{2,80}?)\s*\((?:AMEX|NYSE|NASDAQ|Nasdaq|OTC[A-Z]*)\s*:\s*([A-Z.]{1,6})\)/.exec(head);
  const company = listed ? listed[1].replace(/^.*\s[-–]\s+/, '').trim() : doc.envelope.company;
  const date = doc.envelope.filedAs || datesIn(text.split(/\n/).slice(0, 40).join('\n'))[0] || '';
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
    company,
    ticker: listed ? listed[2] : '',
    date,
    accession: doc.envelope.accession,
    tables,
    sentences,
    diagnostics,
  };
}
