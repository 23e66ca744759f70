/**
 * HTML documents (EDGAR exhibits from Word and other HTML writers) as a stream of running-text
 * lines and `<table>` grids, every piece of text with the line and column it stands on in the
 * source file. htmlparser2's streaming parser: small, forgiving, no DOM, runs in Node and in the
 * add-in alike. Entities are decoded (`&#151;` is an em dash, `&nbsp;` a blank).
 */
import { Parser } from 'htmlparser2';
import type { SourceLine } from './document';
import { lineBounds, lineIndex } from './lines';

/** One `<td>`/`<th>` as written. */
export interface HtmlCell {
  /** Text with blanks folded; `<br>` and block breaks inside the cell become `\n`. */
  text: string;
  /** 1-based source line and 0-based column of the cell's first printed character (0 when empty). */
  line: number;
  col: number;
  /** Length of the printed text's source on its line (for the span), at least the text's length. */
  length: number;
  colspan: number;
  rowspan: number;
  /** A border under the cell (a rule under a figure). */
  borderBottom: boolean;
  /** A border above the cell. */
  borderTop: boolean;
  /** Left indent of the text in points (padding, margin and text-indent of the cell and its blocks). */
  indentPt: number;
  /** 1-based source line of each line of `text` (split at `\n`): a cell's lines may stand on lines of their own. */
  lines: number[];
}

export interface HtmlRow {
  cells: HtmlCell[];
}

export interface HtmlTable {
  rows: HtmlRow[];
  /** 1-based lines of `<table` and `</table>`. */
  lines: [number, number];
}

/** Running text and tables in document order. */
export type HtmlItem = { kind: 'line'; line: SourceLine } | { kind: 'table'; table: HtmlTable };

/**
 * Elements that end a paragraph of running text. Not `<br>`: it ends a line within the paragraph
 * (two in a row end the paragraph). Not `<tt>` or `<kbd>`, inline (`<tt>$5.2</tt> million` is one
 * figure), unless written with a margin as a paragraph (`BLOCK_WITH_MARGIN`).
 */
const BLOCKS = new Set([
  'p', 'div', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'address',
  'center', 'hr', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'body', 'html', 'title', 'section', 'article',
  'header', 'footer', 'caption', 'form', 'page',
]);

/**
 * Inline elements some EDGAR converters write as paragraphs (Apple's 2004 release sets its
 * headline and its copyright notice in `<kbd style="margin:0in 0in .0001pt;">` and `<tt ...>`):
 * a block when their style gives them a margin.
 */
const BLOCK_WITH_MARGIN = new Set(['tt', 'kbd']);

/** Elements whose text is never printed. */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'xml']);

/** `0.5pt`, `10px`, `1em`, `.25in` in points; undefined for anything else. */
function points(value: string): number | undefined {
  const m = /^(-?\d*\.?\d+)(pt|px|em|in|cm|mm|pc)?$/i.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  switch ((m[2] ?? 'px').toLowerCase()) {
    case 'pt': return n;
    case 'px': return n * 0.75;
    case 'em': return n * 10;
    case 'in': return n * 72;
    case 'cm': return (n * 72) / 2.54;
    case 'mm': return (n * 72) / 25.4;
    case 'pc': return n * 12;
    default: return undefined;
  }
}

/** Declarations of a `style` attribute, names lower-cased. */
function declarations(style: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!style) return out;
  for (const part of style.split(';')) {
    const i = part.indexOf(':');
    if (i > 0) out.set(part.slice(0, i).trim().toLowerCase(), part.slice(i + 1).trim().toLowerCase());
  }
  return out;
}

/** The left indent (points) a style gives: padding-left, margin-left (or the 4th value of margin/padding), text-indent. */
function leftIndent(style: Map<string, string>): number {
  let pt = 0;
  for (const prop of ['padding', 'margin']) {
    const left = style.get(`${prop}-left`);
    const all = style.get(prop)?.split(/\s+/);
    // The shorthand's left: the fourth of four values, the second of two or three, the one of one.
    const v = left ?? (all && all.length === 4 ? all[3] : all && all.length >= 2 ? all[1] : all?.[0]);
    pt += (v !== undefined ? points(v) : undefined) ?? 0;
  }
  const ti = style.get('text-indent');
  pt += (ti !== undefined ? points(ti) : undefined) ?? 0;
  return pt;
}

/** A border declaration that draws a line (`solid windowtext .5pt`, `1px solid #000`, `double`), not `none`. */
function drawsBorder(value: string | undefined): boolean {
  if (!value) return false;
  if (/\bnone\b|\bhidden\b/.test(value) && !/\b(solid|double|dotted|dashed)\b/.test(value)) return false;
  if (/(^|\s)0(px|pt)?(\s|$)/.test(value) && !/[1-9]/.test(value)) return false;
  return /\b(solid|double|dotted|dashed|groove|ridge|inset|outset)\b/.test(value) || /\d/.test(value);
}

interface OpenCell {
  cell: HtmlCell;
  /** Index of the line of `cell.text` being written (the number of `\n` in it). */
  piece: number;
  /** Source offset of the first printed character, -1 while none. */
  first: number;
  /** Source offset just past the last printed character. */
  last: number;
}

interface OpenTable {
  table: HtmlTable;
  row: HtmlRow | undefined;
  cell: OpenCell | undefined;
}

/**
 * Reads the HTML in `source` from `from` to `to` (offsets; a document inside a submission) into
 * running-text lines and table grids. Line numbers are those of the whole `source`.
 */
export function readHtml(source: string, from = 0, to = source.length): HtmlItem[] {
  const { starts, ends } = lineBounds(source);
  const items: HtmlItem[] = [];
  const tables: OpenTable[] = [];
  /** Running text of the current source line, outside tables. */
  let lineNo = -1;
  let lineText = '';
  let hidden = 0;
  /** Style-derived indent of open block elements inside the current cell. */
  const blockIndent: number[] = [];

  const flushLine = () => {
    if (lineNo >= 0 && lineText.trim() !== '') items.push({ kind: 'line', line: { no: lineNo, text: lineText.replace(/\s+$/, '') } });
    lineNo = -1;
    lineText = '';
  };
  const paragraphBreak = () => {
    const had = lineNo >= 0 && lineText.trim() !== '';
    const no = lineNo;
    flushLine();
    if (had) items.push({ kind: 'line', line: { no, text: '' } });
  };
  /** `<br>`s since the last printed text of running text. */
  let breaks = 0;
  /** A `<br>` in running text: the line ends, the paragraph goes on; a second one in a row ends it. */
  const lineBreak = () => {
    if (lineNo >= 0 && lineText.trim() !== '') {
      flushLine();
      breaks = 1;
      return;
    }
    if (++breaks !== 2) return;
    const last = items[items.length - 1];
    if (last?.kind === 'line' && last.line.text !== '') items.push({ kind: 'line', line: { no: last.line.no, text: '' } });
  };
  const top = () => tables[tables.length - 1];
  /** Open `BLOCK_WITH_MARGIN` elements: which are blocks. */
  const margined: boolean[] = [];
  const opensBlock = (name: string, style: string | undefined): boolean => {
    if (!BLOCK_WITH_MARGIN.has(name)) return BLOCKS.has(name);
    const block = /\bmargin/i.test(style ?? '');
    margined.push(block);
    return block;
  };
  const closesBlock = (name: string): boolean => (BLOCK_WITH_MARGIN.has(name) ? margined.pop() ?? false : BLOCKS.has(name));

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (HIDDEN.has(name)) { hidden++; return; }
        const block = opensBlock(name, attribs.style);
        const t = top();
        if (name === 'table') {
          paragraphBreak();
          const at = lineIndex(starts, from + parser.startIndex) + 1;
          tables.push({ table: { rows: [], lines: [at, at] }, row: undefined, cell: undefined });
          return;
        }
        if (!t) {
          if (name === 'br') lineBreak();
          else if (block) paragraphBreak();
          return;
        }
        if (name === 'tr') {
          t.row = { cells: [] };
          t.table.rows.push(t.row);
          t.cell = undefined;
          return;
        }
        if (name === 'td' || name === 'th') {
          if (!t.row) { t.row = { cells: [] }; t.table.rows.push(t.row); }
          const style = declarations(attribs.style);
          const span = (v: string | undefined) => Math.min(Math.max(Number.parseInt(v ?? '1', 10) || 1, 1), 100);
          const cell: HtmlCell = {
            text: '',
            line: 0,
            col: 0,
            length: 0,
            colspan: span(attribs.colspan),
            rowspan: span(attribs.rowspan),
            borderBottom: drawsBorder(style.get('border-bottom')) || drawsBorder(style.get('border-bottom-style')),
            borderTop: drawsBorder(style.get('border-top')) || drawsBorder(style.get('border-top-style')),
            indentPt: leftIndent(style),
            lines: [],
          };
          t.row.cells.push(cell);
          t.cell = { cell, piece: 0, first: -1, last: -1 };
          blockIndent.length = 0;
          return;
        }
        if (t.cell) {
          if (name === 'br' || (block && t.cell.cell.text !== '')) newLine(t.cell);
          if (t.cell.first < 0 && attribs.style) {
            const ind = leftIndent(declarations(attribs.style));
            if (ind) blockIndent.push(ind);
          }
        }
      },
      ontext(raw) {
        if (hidden > 0) return;
        const start = from + parser.startIndex;
        const t = top();
        if (t) {
          const c = t.cell;
          if (!c) return;
          const decoded = decodeWithLead(raw);
          const { lead, blanks } = decoded;
          const text = decoded.text.replace(/[ \t\r\n\f]+/g, ' ');
          // The source line of each line of the cell's text: where its first printed character stands.
          if (lead >= 0 && c.cell.lines[c.piece] === undefined) c.cell.lines[c.piece] = lineIndex(starts, start + lead) + 1;
          if (c.first < 0) {
            if (lead < 0) {
              // Leading blanks (`&nbsp;&nbsp;Cash`) indent the label, after a leading <br> too.
              if (!/[^\n]/.test(c.cell.text)) c.cell.indentPt += 5 * blanks;
              return;
            }
            c.first = start + lead;
            const li = lineIndex(starts, c.first);
            c.cell.line = li + 1;
            c.cell.col = c.first - starts[li];
            c.cell.indentPt += blockIndent.reduce((x, y) => x + y, 0) + 5 * blanks;
            c.cell.text += text.replace(/^\s+/, '');
          } else {
            c.cell.text += text;
          }
          c.last = start + raw.length;
          return;
        }
        // Running text: each source line's share of the text, on its own line number.
        const pieces = raw.split('\n');
        let li = lineIndex(starts, start) + 1;
        pieces.forEach((piece, k) => {
          if (k > 0) li++;
          if (lineNo !== li) { flushLine(); lineNo = li; }
          const text = decodeHtmlEntities(piece).replace(/[\s\u00a0]/g, ' ');
          if (text.trim() !== '') breaks = 0;
          lineText += text;
        });
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) { hidden = Math.max(0, hidden - 1); return; }
        const block = closesBlock(name);
        const t = top();
        if (name === 'table' && t) {
          tables.pop();
          t.table.lines[1] = lineIndex(starts, from + parser.endIndex) + 1;
          for (const row of t.table.rows) for (const cell of row.cells) finishCell(cell);
          // A table inside a cell is read on its own, before the table that holds it (which closes later).
          items.push({ kind: 'table', table: t.table });
          return;
        }
        if (!t) {
          if (block) paragraphBreak();
          return;
        }
        if ((name === 'td' || name === 'th') && t.cell) {
          const c = t.cell;
          if (c.first >= 0) {
            const li = lineIndex(starts, c.first);
            // To the line's end, not into its line end (the span is of printed characters).
            c.cell.length = Math.max(c.cell.text.trim().length, Math.min(c.last, ends[li]) - c.first);
          }
          t.cell = undefined;
          return;
        }
        if (name === 'tr') { t.row = undefined; t.cell = undefined; }
        else if (t.cell && block && t.cell.cell.text !== '') newLine(t.cell);
      },
    },
    // Entities are decoded here (`decodeHtmlEntities`), not by the parser: its table of every
    // HTML5 name is larger than the rest of the reader, and releases use a handful of them.
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(source.slice(from, to));
  // A table left open at the end (a truncated file) is read as far as it goes: the parser's end
  // closes every element still open, a table among them (`onclosetag` above).
  parser.end();
  flushLine();
  return items;
}

/** A line break in a cell's text (`<br>`, a block), once. */
function newLine(c: OpenCell): void {
  if (c.cell.text.endsWith('\n')) return;
  c.cell.text += '\n';
  c.piece++;
}

/** A cell's text with blanks folded and empty lines dropped, each line keeping its source line. */
function finishCell(cell: HtmlCell): void {
  const texts: string[] = [];
  const lines: number[] = [];
  cell.text
    .replace(/[ \t\r\f\u00a0]+/g, ' ')
    .split('\n')
    .forEach((raw, k) => {
      const s = raw.replace(/ +/g, ' ').trim();
      if (s === '') return;
      texts.push(s);
      lines.push(cell.lines[k] ?? lines[lines.length - 1] ?? cell.line);
    });
  cell.text = texts.join('\n');
  cell.lines = lines;
}

/** Does this text look like an HTML page (rather than plain text)? */
export function looksLikeHtml(text: string): boolean {
  // Not `<TABLE>`: EDGAR's plain-text documents mark their tables with it too.
  return /<html[\s>]|<body[\s>]|<!doctype html|<(?:p|div|font|br|td|tr)\b[^>]*>/i.test(text.slice(0, 4096));
}

/**
 * Plain text wrapped in HTML (`<html><body>` around a text release, with or without `<pre>`):
 * tags dropped and entities decoded line by line, so the text reader sees the same columns and
 * line numbers as in the file. Undefined when the page holds markup tables or paragraphs.
 */
export function wrappedPlainText(html: string): string | undefined {
  if (/<table[\s>]/i.test(html) && !/<pre[\s>]/i.test(html)) return undefined;
  if (!/<pre[\s>]/i.test(html)) {
    // Paragraph markup means a laid-out page, not a wrapped text file.
    const paragraphs = (html.match(/<(p|div|br|td)[\s>]/gi) ?? []).length;
    if (paragraphs > 3) return undefined;
  }
  const lines = html.split(/\r\n|\r|\n/);
  const hasPre = /<pre[\s>]/i.test(html);
  let inPre = false;
  return lines
    .map((line) => {
      if (!hasPre) return decodeEntities(line.replace(/<[^>]*>/g, ''));
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
    })
    .join('\n');
}

/** The named entities releases use (EDGAR's HTML is mostly `&nbsp;` and numeric references). */
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", mdash: '\u2014', ndash: '\u2013',
  rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', bull: '\u2022', middot: '\u00b7',
  hellip: '\u2026', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', sect: '\u00a7', para: '\u00b6',
  cent: '\u00a2', pound: '\u00a3', euro: '\u20ac', yen: '\u00a5', deg: '\u00b0', plusmn: '\u00b1',
  frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be', times: '\u00d7', divide: '\u00f7', shy: '',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '', zwj: '', minus: '\u2212', dagger: '\u2020',
  Dagger: '\u2021', laquo: '\u00ab', raquo: '\u00bb', iexcl: '\u00a1', iquest: '\u00bf', acute: '\u00b4',
  eacute: '\u00e9', Eacute: '\u00c9', egrave: '\u00e8', agrave: '\u00e0', aacute: '\u00e1', ccedil: '\u00e7',
  ntilde: '\u00f1', ouml: '\u00f6', uuml: '\u00fc', auml: '\u00e4', oacute: '\u00f3', iacute: '\u00ed', uacute: '\u00fa',
};
/** Windows-1252 characters of references &#128;-&#159; (as browsers decode them: `&#151;` is an em dash). */
const CP1252: Record<number, number> = {
  128: 0x20ac, 130: 0x201a, 131: 0x0192, 132: 0x201e, 133: 0x2026, 134: 0x2020, 135: 0x2021, 136: 0x02c6, 137: 0x2030,
  138: 0x0160, 139: 0x2039, 140: 0x0152, 142: 0x017d, 145: 0x2018, 146: 0x2019, 147: 0x201c, 148: 0x201d, 149: 0x2022,
  150: 0x2013, 151: 0x2014, 152: 0x02dc, 153: 0x2122, 154: 0x0161, 155: 0x203a, 156: 0x0153, 158: 0x017e, 159: 0x0178,
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

function codePoint(n: number): string {
  const cp = CP1252[n] ?? n;
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

function decodeOne(m: string, dec: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (dec !== undefined) return codePoint(Number(dec));
  if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
  const v = name !== undefined ? NAMED[name] ?? NAMED[name.toLowerCase()] : undefined;
  // An unknown name (or one without its `;` that is no known name) stays as written.
  return v !== undefined && (m.endsWith(';') || name === 'nbsp' || name === 'amp') ? v : m;
}

/** HTML character references decoded: numeric (`&#151;` as Windows-1252 does), and the named ones releases use. */
export function decodeHtmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, decodeOne);
}

/**
 * A raw text chunk decoded, with the offset in the raw text of its first printed character (-1
 * when it prints nothing) and the number of no-break blanks before it (they indent a label).
 */
function decodeWithLead(raw: string): { text: string; lead: number; blanks: number } {
  let lead = -1;
  let blanks = 0;
  let text = '';
  let i = 0;
  ENTITY.lastIndex = 0;
  while (i < raw.length) {
    let ch: string;
    let len = 1;
    if (raw[i] === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(raw);
      if (m && m.index === i) { ch = decodeOne(m[0], m[1], m[2], m[3]); len = m[0].length; } else ch = '&';
    } else ch = raw[i];
    if (lead < 0) {
      if (ch === '\u00a0') blanks++;
      else if (ch.trim() !== '') lead = i;
    }
    text += ch;
    i += len;
  }
  return { text, lead, blanks };
}

function decodeEntities(s: string): string {
  return decodeHtmlEntities(s).replace(/\u00a0/g, ' ');
}
