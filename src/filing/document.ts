/**
 * The text of an EDGAR document as lines: line endings and tabs normalised, the SGML envelope
 * (`<SEC-DOCUMENT>`, `<DOCUMENT>`, `<TYPE>`, `<TEXT>`) and layout markers (`<PAGE>`, `<S>`, `<C>`,
 * `<CAPTION>`) set aside, `<TABLE>` blocks marked. Line numbers stay those of the source.
 */
import type { Diagnostic } from './types';

export interface SourceLine {
  /** 1-based line number in the source text. */
  no: number;
  /** The line with tabs expanded to 8-column stops and control characters blanked. */
  text: string;
}

/** A run of lines: inside one `<TABLE>` block, or running text (which may hold untagged tables). */
export interface Region {
  tagged: boolean;
  lines: SourceLine[];
}

export interface Envelope {
  company: string;
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
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return raw.map((t, i) => ({
    no: i + 1,
    // eslint-disable-next-line no-control-regex
    text: expandTabs(t).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0]/g, ' '),
  }));
}

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
  const envelope: Envelope = { company: '', accession: '', filedAs: '' };
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
  for (const line of lines) {
    if (line.text.length > MAX_LINE_CHARS) {
      if (++overlong <= OVERLONG_NAMED) {
        diagnostics.push({ severity: 'warning', message: `line ${line.no} is ${line.text.length} characters long (a release's lines are under 200); it was not read`, file, line: line.no });
      }
      if (!skipDocument && !inHeader && !inPem) current.lines.push({ no: line.no, text: '' }); // a blank: nothing joins across it
      continue;
    }
    const t = line.text.trim();
    if (/^-----BEGIN PRIVACY-ENHANCED MESSAGE-----$/.test(t)) { inPem = true; continue; }
    if (inPem) { if (t === '') inPem = false; continue; }
    if (/^-----END PRIVACY-ENHANCED MESSAGE-----$/.test(t)) continue;
    if (/^<SEC-HEADER>/i.test(t) || /^<IMS-HEADER>/i.test(t)) { inHeader = true; }
    if (inHeader) {
      const acc = /^ACCESSION NUMBER:\s*(\S+)/i.exec(t);
      if (acc) envelope.accession = acc[1];
      const name = /^COMPANY CONFORMED NAME:\s*(.+)$/i.exec(t);
      if (name && !envelope.company) envelope.company = name[1].trim();
      const filed = /^FILED AS OF DATE:\s*(\d{8})/i.exec(t);
      if (filed) envelope.filedAs = `${filed[1].slice(0, 4)}-${filed[1].slice(4, 6)}-${filed[1].slice(6, 8)}`;
      if (/^<\/(SEC|IMS)-HEADER>/i.test(t)) inHeader = false;
      continue;
    }
    if (/^<\/?(SEC-DOCUMENT|DOCUMENT|TEXT|SEQUENCE|FILENAME|DESCRIPTION)>/i.test(t) || /^<ACCEPTANCE-DATETIME>/i.test(t)) {
      if (/^<DOCUMENT>/i.test(t)) { flush(false); skipDocument = false; }
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
  if (inTable) {
    diagnostics.push({ severity: 'warning', message: `the table opened at line ${tableStart} is never closed (truncated file?); read to the end`, file, line: tableStart });
  }
  flush(false);
  return { regions, envelope, diagnostics };
}

/**
 * Plain text inside an HTML page's `<pre>` blocks (how EDGAR serves many older exhibits as
 * .htm), with entities decoded; undefined when the page has no `<pre>` text.
 * Line numbers are those of the HTML source, so provenance still points into the file given.
 */
export function preformattedText(html: string): string | undefined {
  if (!/<pre[\s>]/i.test(html)) return undefined;
  const lines = html.split(/\r\n|\r|\n/);
  let inPre = false;
  const out = lines.map((line) => {
    let keep = '';
    let rest = line;
    for (;;) {
      if (!inPre) {
        const open = /<pre[^>]*>/i.exec(rest);
        if (!open) break;
        inPre = true;
        rest = rest.slice(open.index + open[0].length);
      } else {
        const close = /<\/pre>/i.exec(rest);
        if (!close) { keep += rest; break; }
        keep += rest.slice(0, close.index);
        inPre = false;
        rest = rest.slice(close.index + close[0].length);
      }
    }
    return decodeEntities(keep.replace(/<[^>]*>/g, ''));
  });
  return out.join('\n');
}

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)));
}
