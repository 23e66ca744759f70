/**
 * The text of an EDGAR document as lines: line endings and tabs normalised, the SGML envelope
 * (`<SEC-DOCUMENT>`, `<DOCUMENT>`, `<TYPE>`, `<TEXT>`) and layout markers (`<PAGE>`, `<S>`, `<C>`,
 * `<CAPTION>`) set aside, `<TABLE>` blocks marked. Line numbers stay those of the source.
 */
import { looksLikeHtml, wrappedPlainText } from './html';
import type { Diagnostic } from './types';
import { lineIndex, lineStarts } from './lines';

export interface SourceLine {
  /** 1-based line number in the source text. */
  no: number;
  /** The line with tabs expanded to 8-column stops and control characters blanked. */
  text: string;
  /** 0-based column in the source line where `text` starts (HTML running text; 0 when absent). */
  col?: number;
}

/**
 * A run of lines: inside one `<TABLE>` block, or running text (which may hold untagged tables);
 * or an HTML document, given as offsets [from, to) into the source text.
 */
export interface Region {
  tagged: boolean;
  lines: SourceLine[];
  html?: { from: number; to: number };
}

export interface Envelope {
  company: string;
  /** Central Index Key of the (first) filer. */
  cik: string;
  /** Month (1-12) the filer's fiscal year ends in (`FISCAL YEAR END: 0930` → 9, `0103` → 12), or 0. */
  fiscalYearEnd: number;
  /** Every filer of the submission (a holding company files with its subsidiaries), in order. */
  filers: { company: string; cik: string; fiscalYearEnd: number }[];
  accession: string;
  filedAs: string;
}

export interface DocumentText {
  regions: Region[];
  envelope: Envelope;
  diagnostics: Diagnostic[];
}

/** Document types in a submission whose text is read (others, such as GRAPHIC or ZIP, are skipped). */
const READ_TYPES = /^(8-K|10-Q|10-K|EX-99|EX-13|6-K|20-F|425)/i;

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

/** Splits text into lines: CRLF, CR and LF all end a line; tabs expand; other control characters become blanks. */
export function sourceLines(text: string): SourceLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Splitting at one character is much faster than at a pattern: most texts end their lines with LF alone.
  const raw = body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
  // Most texts hold no such character: then no line is searched for one.
  const blanked = BLANKED.test(text);
  return raw.map((t, i) => ({
    no: i + 1,
    text: blanked ? expandTabs(t).replace(BLANKED_ALL, ' ') : expandTabs(t),
  }));
}

/** Control characters (other than tab and line ends) and the no-break space: each read as a blank. */
// eslint-disable-next-line no-control-regex
const BLANKED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0]/;
const BLANKED_ALL = new RegExp(BLANKED.source, 'g');

/**
 * Lines longer than this are not read (a warning says so). The widest line of a real release is
 * 132 characters; a megabyte on one line is a damaged or hostile file, and reading it as text
 * would cost time that grows faster than its length.
 */
export const MAX_LINE_CHARS = 1000;
/** Overlong lines named one by one in the diagnostics; the rest are counted. */
const OVERLONG_NAMED = 3;

const LAYOUT_ONLY = /^\s*(?:<\/?(?:PAGE|S|C|CAPTION|FN|F\d+|R|L)>\s*)+$/i;
const TABLE_OPEN = /^\s*<TABLE\b[^>]*>\s*$/i;
const TABLE_CLOSE = /^\s*<\/TABLE>\s*$/i;

/** Reads the envelope fields and the regions of every readable document in the text. */
export function readDocument(text: string, file: string): DocumentText {
  const lines = sourceLines(text);
  const diagnostics: Diagnostic[] = [];
  const envelope: Envelope = { company: '', cik: '', fiscalYearEnd: 0, filers: [], accession: '', filedAs: '' };
  // Offsets of line starts in `text` (the HTML reader reads documents from the source itself).
  const starts = lineStarts(text);
  const lineOffset = (no: number) => (no - 1 < starts.length ? starts[no - 1] : text.length);
  /** Line number of the `<TEXT>` of an HTML document being skipped over, or 0. */
  let htmlFrom = 0;

  const regions: Region[] = [];
  let current: Region = { tagged: false, lines: [] };
  let inHeader = false;
  let inPem = false;
  let skipDocument = false;
  let inTable = false;
  let tableStart = 0;

  const flush = (tagged: boolean) => {
    if (current.lines.length > 0) regions.push(current);
    current = { tagged, lines: [] };
  };

  let overlong = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (htmlFrom > 0) {
      // Inside an HTML document: its end is `</TEXT>` (or `</DOCUMENT>`), wherever on a line it stands.
      const close = /<\/TEXT>|<\/DOCUMENT>/i.exec(line.text);
      if (!close) continue;
      const to = lineOffset(line.no) + close.index;
      pushHtml(htmlFrom, to);
      htmlFrom = 0;
      if (/^\s*<\/DOCUMENT>/i.test(line.text.slice(close.index))) flush(false);
      continue;
    }
    if (line.text.length > MAX_LINE_CHARS) {
      if (++overlong <= OVERLONG_NAMED) {
        diagnostics.push({ severity: 'warning', message: `line ${line.no} is ${line.text.length} characters long (a release's lines are under 200); it was not read`, file, line: line.no });
      }
      if (!skipDocument && !inHeader && !inPem) current.lines.push({ no: line.no, text: '' }); // a blank: nothing joins across it
      continue;
    }
    const t = line.text.trim();
    // Most lines are text or table rows: every marker below starts with `<` or `-----`.
    const c0 = t.charCodeAt(0);
    if (c0 !== 60 && c0 !== 45 && !inHeader && !inPem) {
      if (!skipDocument) current.lines.push(line);
      continue;
    }
    if (/^-----BEGIN PRIVACY-ENHANCED MESSAGE-----$/.test(t)) { inPem = true; continue; }
    if (inPem) { if (t === '') inPem = false; continue; }
    if (/^-----END PRIVACY-ENHANCED MESSAGE-----$/.test(t)) continue;
    if (/^<SEC-HEADER>/i.test(t) || /^<IMS-HEADER>/i.test(t)) { inHeader = true; }
    if (inHeader) {
      const acc = /^ACCESSION NUMBER:\s*(\S+)/i.exec(t);
      if (acc) envelope.accession = acc[1];
      const name = /^COMPANY CONFORMED NAME:\s*(.+)$/i.exec(t);
      if (name) envelope.filers.push({ company: name[1].trim(), cik: '', fiscalYearEnd: 0 });
      const filer = envelope.filers[envelope.filers.length - 1];
      const cik = /^CENTRAL INDEX KEY:\s*(\d+)/i.exec(t);
      if (cik && filer && !filer.cik) filer.cik = cik[1];
      const fye = /^FISCAL YEAR END:\s*(\d\d)(\d\d)/i.exec(t);
      if (fye && filer && !filer.fiscalYearEnd) {
        // A year that ends in the first days of a month (`0103`) closes the month before.
        const month = Number(fye[1]);
        filer.fiscalYearEnd = Number(fye[2]) <= 7 ? (month === 1 ? 12 : month - 1) : month;
      }
      if (filer && !envelope.company) Object.assign(envelope, { company: filer.company });
      if (filer && envelope.filers.length === 1) Object.assign(envelope, { cik: filer.cik, fiscalYearEnd: filer.fiscalYearEnd });
      const filed = /^FILED AS OF DATE:\s*(\d{8})/i.exec(t);
      if (filed) envelope.filedAs = `${filed[1].slice(0, 4)}-${filed[1].slice(4, 6)}-${filed[1].slice(6, 8)}`;
      if (/^<\/(SEC|IMS)-HEADER>/i.test(t)) inHeader = false;
      continue;
    }
    if (/^<\/?(SEC-DOCUMENT|IMS-DOCUMENT|DOCUMENT|TEXT|SEQUENCE|FILENAME|DESCRIPTION)>/i.test(t) || /^<ACCEPTANCE-DATETIME>/i.test(t)) {
      if (/^<DOCUMENT>/i.test(t)) { flush(false); skipDocument = false; }
      if (/^<TEXT>/i.test(t) && !skipDocument) {
        // An HTML document (an `.htm` exhibit): read by the HTML reader from the source text.
        const next = lines.slice(li + 1, li + 40).map((l) => l.text).join('\n');
        const rest = t.replace(/^<TEXT>/i, '');
        if (looksLikeHtml(`${rest}\n${next}`)) {
          flush(false);
          htmlFrom = rest.trim() !== '' ? lineOffset(line.no) + line.text.search(/<TEXT>/i) + 6 : lineOffset(line.no + 1);
        }
      }
      continue;
    }
    const type = /^<TYPE>\s*(\S+)/i.exec(t);
    if (type) {
      skipDocument = !READ_TYPES.test(type[1]);
      continue;
    }
    if (skipDocument) continue;
    if (TABLE_OPEN.test(line.text)) {
      if (inTable) diagnostics.push({ severity: 'warning', message: 'a <TABLE> opens inside another table; the first is closed here', file, line: line.no });
      flush(true);
      inTable = true;
      tableStart = line.no;
      continue;
    }
    if (TABLE_CLOSE.test(line.text)) {
      if (!inTable) continue;
      flush(false);
      inTable = false;
      continue;
    }
    if (LAYOUT_ONLY.test(line.text)) continue;
    current.lines.push(line);
  }
  if (overlong > OVERLONG_NAMED) {
    diagnostics.push({ severity: 'warning', message: `${overlong - OVERLONG_NAMED} more lines over ${MAX_LINE_CHARS} characters were not read`, file });
  }
  if (htmlFrom > 0) pushHtml(htmlFrom, text.length);
  if (inTable) {
    diagnostics.push({ severity: 'warning', message: `the table opened at line ${tableStart} is never closed (truncated file?); read to the end`, file, line: tableStart });
  }
  flush(false);
  return { regions, envelope, diagnostics };

  /** An HTML document: plain text wrapped in HTML is read as text, anything else by the HTML reader. */
  function pushHtml(from: number, to: number): void {
    const html = text.slice(from, to);
    const plain = wrappedPlainText(html);
    if (plain !== undefined) {
      const first = lineIndex(starts, from);
      regions.push({ tagged: false, lines: sourceLines(plain).map((l) => ({ no: l.no + first, text: l.text })) });
      return;
    }
    regions.push({ tagged: false, lines: [], html: { from, to } });
  }
}
