/**
 * Numbers as printed in fixed-width financial tables and in running text:
 * `$32,356`, `(39,239)`, `($1,404)`, `$(7,800)`, `$ 900`, `-` (zero), `53.9%`, `-2.1%`,
 * `($0.02)`, `78,417,485`.
 *
 * A cell that looks like a number but is not well formed (`(5`, `5)`, `(-5)`, `--`, `1,23`,
 * `$$5`, `12,3a4`) is no number: `splitTableLine` leaves it out of the row's cells and the table reader warns.
 */
import Decimal from 'decimal.js';
import type { Amount, AmountKind, Scale } from './types';
import { matchesOf } from './text';

/** One number token of a table line: its text, where it stands, what it says. */
export interface NumberToken {
  text: string;
  /** 0-based [start, end) on the line. */
  span: [number, number];
  value: Decimal;
  decimals: number;
  dollar: boolean;
  percent: boolean;
}

/** Longer text is not a table cell (the widest real cells, `$(1,234,567,890.00)`, are far shorter). */
const MAX_CELL_LENGTH = 48;

const CELL_TEXT = /^\(?(\$?)\s*\(?(-?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|\.(\d+))(%?)\)?\)?$/;

const ZERO = new Decimal(0);

// Tests of every line or cell, hoisted (a regular expression literal is a new object each time it is evaluated).
const BARE_YEAR = /^(19|20)\d\d$/;
const LONE_DASH = /^\$?\s*-$/;
const ENDS_LIKE_FIGURE = /[\d-]\)?%?\)?$/;

/** Reads one cell text; undefined when it is not a well-formed number. */
export function parseCell(raw: string): Omit<NumberToken, 'span'> | undefined {
  return cellAt(raw.trim(), [0, 0]);
}

/**
 * What a cell's text reads as, by the text, for one reading: a figure printed again in a release
 * (a total repeated in a reconciliation, a figure in two tables, a document of repeated tables) is
 * parsed once and shares its exact value (decimal.js values are immutable). The reader forgets the
 * memo when a filing is read (`forgetCellTexts`): its keys are slices of the filing's text and
 * would keep it alive. Cleared when full too.
 */
const CELL_MEMO = new Map<string, Omit<NumberToken, 'text' | 'span'> | null>();
/** Distinct cell texts kept (a release prints a few hundred to a few thousand). */
const MEMO_LIMIT = 8192;

/** Forgets the cell texts read so far (the reader calls it when a filing is read). */
export function forgetCellTexts(): void {
  CELL_MEMO.clear();
  AMOUNT_MEMO.clear();
}

/** A cell's token at `span` (the cell text already trimmed), or undefined: one object per cell. */
function cellAt(text: string, span: [number, number]): NumberToken | undefined {
  let read = CELL_MEMO.get(text);
  if (read === undefined) {
    read = readCell(text) ?? null;
    if (CELL_MEMO.size >= MEMO_LIMIT) CELL_MEMO.clear();
    CELL_MEMO.set(text, read);
  }
  return read === null ? undefined : { text, span, value: read.value, decimals: read.decimals, dollar: read.dollar, percent: read.percent };
}

function readCell(text: string): Omit<NumberToken, 'text' | 'span'> | undefined {
  if (text.length > MAX_CELL_LENGTH) return undefined;
  // One dash is a zero (`-`, `$ -`); two (`--`) is no figure Mpower prints: not a number.
  if (LONE_DASH.test(text)) {
    return { value: ZERO, decimals: 0, dollar: text.charCodeAt(0) === 36, percent: false };
  }
  const m = CELL_TEXT.exec(text);
  if (!m) return undefined;
  let opens = 0;
  let closes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) opens++;
    else if (c === 41) closes++;
  }
  if (opens !== closes || opens > 1) return undefined;
  const negative = opens === 1 || m[2] === '-';
  if (opens === 1 && m[2] === '-') return undefined;
  // `.62`, `(.08)`: a leading-dot decimal is a number.
  const digits = m[3].startsWith('.') ? `0${m[3]}` : m[3].replace(/,/g, '');
  const value = new Decimal(digits);
  const fraction = m[4] ?? m[5];
  return {
    value: negative && !value.isZero() ? value.negated() : value,
    decimals: fraction ? fraction.length : 0,
    dollar: m[1] === '$',
    percent: m[6] === '%',
  };
}

/**
 * Splits a table line into its label and the number cells standing at its right end.
 * The label must be separated from the first cell by two blanks or more (prose has one).
 * A line whose cells are all bare years (`2004  2003`) is a header, not data: no cells.
 */
export function splitTableLine(line: string): { label: string; tokens: NumberToken[]; malformed: MalformedCell[] } {
  // Cells are taken word by word from the right (a lone `$` joins the word after it: `$  122`,
  // `$    -`, `$ (3.86)`), stopping at the first word that is no number: the label is not scanned.
  // Tabs were expanded and control characters blanked by the document layer, so blanks are spaces.
  // Most lines of a release are prose without a figure at their end: skip them cheaply.
  const last = line.trimEnd();
  if (!ENDS_LIKE_FIGURE.test(last.slice(-4))) return { label: last, tokens: [], malformed: [] };
  const tokens: NumberToken[] = [];
  const malformed: MalformedCell[] = [];
  let pos = last.length;
  // The word before the last one looked at, kept for the next step when that step starts at it.
  let nextFrom = -1;
  let nextEnd = 0;
  let nextStart = 0;
  for (;;) {
    // The word ending before `pos` ([start, end)), and the word before it.
    const end = pos === nextFrom ? nextEnd : wordEndBefore(last, pos);
    if (end === 0) break;
    const start = pos === nextFrom ? nextStart : wordStartBefore(last, end);
    const prevEnd = wordEndBefore(last, start);
    const prevStart = prevEnd === 0 ? 0 : wordStartBefore(last, prevEnd);
    nextFrom = start;
    nextEnd = prevEnd;
    nextStart = prevStart;
    const dollarBefore = prevEnd > 0 && prevEnd - prevStart === 1 && last.charCodeAt(prevStart) === 36;
    if (dollarBefore) {
      // The joined text has no blank at either end (words end at non-blanks).
      const parsed = cellAt(last.slice(prevStart, end), [prevStart, end]);
      if (parsed) {
        tokens.push(parsed);
        pos = prevStart;
        continue;
      }
    }
    const parsed = cellAt(last.slice(start, end), [start, end]);
    if (parsed) {
      tokens.push(parsed);
      pos = start;
      continue;
    }
    // A cell that looks like a number but is none (`(5`, `--`), standing apart as cells do (two
    // blanks before it): left out, and the cells to its left are still read.
    const at = dollarBefore ? prevStart : start;
    const bad = last.slice(at, end);
    if (at >= 2 && last.slice(at - 2, at) === '  ' && isMalformedNumber(bad)) {
      malformed.unshift({ text: bad, start: at });
      pos = at;
      continue;
    }
    // A malformed cell of number words one blank apart (`(5, 5)`): left out as one cell.
    const spread = spreadMalformed(last, at, end);
    if (spread >= 0) {
      malformed.unshift({ text: last.slice(spread, end), start: spread });
      pos = spread;
      continue;
    }
    break;
  }
  tokens.reverse(); // taken right to left
  // Cells may stand one blank apart; the label stands two blanks or more before the first cell.
  let drop = 0;
  while (drop < tokens.length) {
    const at = tokens[drop].span[0];
    if ((at >= 2 && line.charCodeAt(at - 1) === 32 && line.charCodeAt(at - 2) === 32) || line.slice(0, at).trim() === '') break;
    drop++;
  }
  if (drop > 0) tokens.splice(0, drop);
  const labelEnd = Math.min(tokens[0]?.span[0] ?? line.length, malformed[0]?.start ?? line.length);
  const label = line.slice(0, labelEnd).trimEnd();
  if (tokens.length > 0 && tokens.every(isBareYear)) return { label: line.trimEnd(), tokens: [], malformed: [] };
  return { label, tokens, malformed };
}

/** Where the word ending at or before `end` ends (blanks skipped leftwards), 0 when none does. */
function wordEndBefore(line: string, end: number): number {
  let e = end;
  while (e > 0 && line.charCodeAt(e - 1) === 32) e--;
  return e;
}

/** Where the word ending at `end` starts (non-blanks scanned leftwards). */
function wordStartBefore(line: string, end: number): number {
  let b = end;
  while (b > 0 && line.charCodeAt(b - 1) !== 32) b--;
  return b;
}

function isBareYear(t: NumberToken): boolean {
  return BARE_YEAR.test(t.text);
}

/** A word of a table line that looks like a number but is not a well-formed one. */
export interface MalformedCell {
  text: string;
  /** 0-based column where it starts. */
  start: number;
}

/**
 * Number characters only, a digit among them (`(-5)`, `$$5`, `((1))`, `12,3a4`, `1e9`, `1,23`), or
 * dashes alone (`--`, `$ --`), and not a well-formed number.
 */
function isMalformedNumber(text: string): boolean {
  if (text.length > MAX_CELL_LENGTH) return false;
  const t = text.replace(/^\$\s+/, '$');
  const numberLike = /^[($\-]*[\d,.]*\d[\d,.a-zA-Z]*[%)]*$/.test(t) || /^\$?-{2}$/.test(t); // `--`; a longer run of dashes is a rule under a column
  return numberLike && parseCell(text) === undefined;
}

/** Characters of a printed number (no letters, no blanks). */
const NUMBER_CHARS = /^[\d,.()$%-]+$/;

/**
 * A cell's text that looks like a number but is none: a malformed number (`(5`, `((5))`, `--`,
 * `1,23`) or number words with blanks between (`(5, 5)`, `1 234`). Both readers leave it out
 * with a warning.
 */
export function isMalformedCell(text: string): boolean {
  const t = text.trim();
  if (isMalformedNumber(t)) return true;
  const words = t.split(/\s+/);
  return words.length > 1 && words.length <= 4 && words.every((w) => NUMBER_CHARS.test(w)) && /\d/.test(t) && parseCell(t) === undefined;
}

/**
 * Where a malformed cell of words one blank apart ending at `end` (`(5, 5)`) starts, or -1: the
 * words before `at` joined while each is number characters and no number itself, until two
 * blanks stand before them (as before any cell).
 */
function spreadMalformed(line: string, at: number, end: number): number {
  if (!NUMBER_CHARS.test(line.slice(at, end))) return -1;
  let start = at;
  for (let n = 0; n < 3; n++) {
    if (start < 2 || line[start - 1] !== ' ' || line[start - 2] === ' ') return -1;
    let b = start - 1;
    while (b > 0 && line[b - 1] !== ' ') b--;
    const word = line.slice(b, start - 1);
    if (!NUMBER_CHARS.test(word) || parseCell(word) !== undefined) return -1;
    start = b;
    if (start >= 2 && line[start - 1] === ' ' && line[start - 2] === ' ') return isMalformedCell(line.slice(start, end)) ? start : -1;
  }
  return -1;
}

/** What a row's label and section say about the kind of its numbers. */
interface RowWords { perShare: boolean; share: boolean; shares: boolean; ratio: boolean }
const rowWordsCache = new Map<string, RowWords>();

/** What a row's label and section say about its numbers (memoised: rows repeat across tables). */
function rowWords(label: string, section: string): RowWords {
  const key = `${section}\u0000${label}`;
  let w = rowWordsCache.get(key);
  if (!w) {
    const where = `${section} ${label}`.toLowerCase();
    const l = label.toLowerCase();
    w = {
      perShare: /per (common )?share|per diluted share|\beps\b/.test(where),
      share: /share/.test(where),
      shares: /\bshares\b.*\b(outstanding|weighted|average)\b|\b(weighted|average)\b.*\bshares\b/.test(l),
      ratio: /\bratio\b/.test(l),
    };
    if (rowWordsCache.size > 10000) rowWordsCache.clear();
    rowWordsCache.set(key, w);
  }
  return w;
}

/** The kind of a table number from how it is printed and the row it stands in. */
export function amountKind(token: Pick<NumberToken, 'percent' | 'decimals' | 'dollar'>, label: string, section: string): AmountKind {
  return token.percent ? 'percent' : amountKindBy(token, rowWords(label, section));
}

/** `amountKind` for each figure of one row: the row's words are worked out once, when a cell first asks. */
export function rowAmountKinds(label: string, section: string): (token: Pick<NumberToken, 'percent' | 'decimals' | 'dollar'>) => AmountKind {
  let words: RowWords | undefined;
  return (token) => (token.percent ? 'percent' : amountKindBy(token, (words ??= rowWords(label, section))));
}

/** `amountKind` with the row's words worked out already. */
function amountKindBy(token: Pick<NumberToken, 'percent' | 'decimals' | 'dollar'>, w: RowWords): AmountKind {
  if (token.percent) return 'percent';
  if (w.perShare || (token.dollar && token.decimals === 2 && w.share)) return 'per-share';
  if (w.shares && !token.dollar && token.decimals <= 1) return 'shares';
  if (w.ratio) return 'ratio';
  return 'money';
}

/** The Amounts made of each cell text, by kind, for one reading (as `CELL_MEMO`): one object for every cell that prints the same figure as the same kind (Amounts are never changed). */
const AMOUNT_MEMO = new Map<string, Partial<Record<AmountKind, Amount>>>();

export function toAmount(token: Omit<NumberToken, 'span'>, kind: AmountKind): Amount {
  let kinds = AMOUNT_MEMO.get(token.text);
  if (kinds === undefined) {
    if (AMOUNT_MEMO.size >= MEMO_LIMIT) AMOUNT_MEMO.clear();
    AMOUNT_MEMO.set(token.text, (kinds = {}));
  }
  const known = kinds[kind];
  if (known !== undefined && known.value === token.value && known.decimals === token.decimals) return known;
  return (kinds[kind] = { value: token.value, kind, text: token.text, decimals: token.decimals });
}

const SCALE_WORDS: [RegExp, Scale][] = [
  [/\bbillions?\b/i, 'billions'],
  [/\bmillions?\b/i, 'millions'],
  [/\bthousands?\b|\$\s*000s?\b|\(000s?\)/i, 'thousands'],
];

/** The scale a statement such as `amounts in $ thousands` or `(In Millions of Dollars)` names. */
export function scaleOf(text: string): Scale | undefined {
  for (const [re, scale] of SCALE_WORDS) if (re.test(text)) return scale;
  return undefined;
}

/** A scale statement inside text, as printed (`amounts in $ thousands, except share and per share amounts`). */
export function findScaleStatement(text: string): string | undefined {
  const m =
    /\(([^()]*\b(?:thousands?|millions?|billions?)\b[^()]*)\)/i.exec(text) ??
    /((?:amounts|dollars)\s+in\s+[^.;]*?\b(?:thousands?|millions?|billions?)\b[^.;()]*)/i.exec(text);
  return m ? m[1].replace(/\s+/g, ' ').trim() : undefined;
}

/** A money figure in running text: `$152.6 million`, `$1,964`, `$0.02`. */
export interface TextFigure {
  text: string;
  index: number;
  value: Decimal;
  decimals: number;
  scale: Scale | undefined;
  percent: boolean;
}

const TEXT_FIGURE = /\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s+(million|billion|thousand)\b)?|(\d+(?:\.\d+)?)%/gi;

/** Every money figure and percentage in a sentence, in order. */
export function textFigures(sentence: string): TextFigure[] {
  const out: TextFigure[] = [];
  for (const m of matchesOf(TEXT_FIGURE, sentence)) {
    if (m[4] !== undefined) {
      out.push({
        text: m[0],
        index: m.index ?? 0,
        value: new Decimal(m[4]),
        decimals: (m[4].split('.')[1] ?? '').length,
        scale: undefined,
        percent: true,
      });
      continue;
    }
    const whole = m[1].replace(/,/g, '');
    const frac = m[2] ?? '';
    out.push({
      text: m[0],
      index: m.index ?? 0,
      value: new Decimal(frac ? `${whole}.${frac}` : whole),
      decimals: frac.length,
      scale: m[3] ? (scaleOf(m[3]) as Scale) : undefined,
      percent: false,
    });
  }
  return out;
}
