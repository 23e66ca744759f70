/**
 * A period as a person types it into a formula, read into a `PeriodQuery` (what was asked),
 * which `data.ts` resolves against the imported periods (what exists).
 *
 * Every form in DESIGN.md: `"Q2 2004"`, `"2Q04"`, `"2004Q2"`, `"Q2-2004"`, `"June 30, 2004"`,
 * `"6/30/2004"`, an Excel date serial (`38168` = 2004-06-30), `"FY2004"`, `2004`, `"LATEST"`,
 * `"LATEST-1"`; also `"2004-06-30"`, `"Jun 2004"`, `"second quarter 2004"`, `"FY04"`, and a
 * guidance bound after any of them (`"FY2004 low"`, `"FY2005 guidance high"`, `"2005 mid"`).
 *
 * `LATEST` is the quarter of the newest imported period; `LATEST-n` is n calendar quarters
 * before it (so `LATEST-4` is the same quarter a year earlier).
 */
import { isoDate, lastDayOfMonth, monthIndex } from '../filing/periods';
import { closest, editDistance } from './suggest';
import { type Arg, type FormulaError, invalidNumber, invalidValue, isFormulaError, showArg } from './values';

export type Bound = 'low' | 'high' | 'mid';

interface QueryBase {
  /** A guidance bound named in the text (`"FY2004 low"`). */
  bound?: Bound;
  /** The input as typed, for messages. */
  input: string;
}

/** Where a span of months ends: a quarter, the quarter LATEST−offset, or a date. */
export type SpanEnd =
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'latest'; offset: number }
  | { kind: 'date'; date: string };

export type PeriodQuery =
  | (QueryBase & { kind: 'quarter'; year: number; quarter: number })
  | (QueryBase & { kind: 'year'; year: number })
  | (QueryBase & { kind: 'date'; date: string })
  | (QueryBase & { kind: 'latest'; offset: number })
  /**
   * `months` months to the end of a quarter (or to a date): a year to date (`"9M 2004"`,
   * `"YTD Q3 2004"`, `"H1 2004"`), a half (`"H2 2004"`), an LTM (`"LTM Q3 2004"`, `"LTM"`:
   * `ltm` set) or a period key as printed (`"9M2004-09-30"`, `"12M2004-06-30"`).
   */
  | (QueryBase & { kind: 'span'; months: number; end: SpanEnd; ltm?: true });

const EXAMPLES = '"Q2 2004", "2Q04", "2004Q2", "June 30, 2004", "6/30/2004", a date, "FY2004", 2004, "LATEST", "9M 2004", "YTD Q3 2004", "H1 2004" or "LTM Q3 2004"';

/** Largest Excel date serial (9999-12-31). */
const MAX_SERIAL = 2958465;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** ISO date of an Excel date serial (1900 date system; the time of day is dropped). */
export function serialToIso(serial: number): string | undefined {
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL) return undefined;
  if (day === 60) return undefined; // 1900-02-29, a day Excel counts that never was
  const ms = day < 60 ? SERIAL_EPOCH + (day + 1) * 86400000 : SERIAL_EPOCH + day * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Excel date serial of an ISO date. */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const day = Math.round((Date.UTC(y, m - 1, d) - SERIAL_EPOCH) / 86400000);
  return day <= 60 ? day - 1 : day;
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function validDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return undefined;
  return isoDate(year, month, day);
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = "'?((?:19|20)?\\d\\d)";
const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

type Shape =
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number }
  | { kind: 'date'; date: string }
  | { kind: 'latest'; offset: number }
  | { kind: 'span'; months: number; end: SpanEnd; ltm?: true };

const MONTH_COUNTS: Record<string, number> = { three: 3, six: 6, nine: 9, twelve: 12 };

/** A year to date of `months` months (3, 6, 9 or 12) in `year`. */
function ytd(months: number, year: number): Shape | undefined {
  if (![3, 6, 9, 12].includes(months)) return undefined;
  return { kind: 'span', months, end: { kind: 'quarter', year, quarter: months / 3 } };
}

interface Form {
  re: RegExp;
  read: (m: RegExpExecArray) => Shape | undefined;
}

const FORMS: Form[] = [
  { re: /^latest(?:\s*-\s*(\d{1,3}))?$/, read: (m) => ({ kind: 'latest', offset: m[1] ? Number(m[1]) : 0 }) },
  // 9M 2004, 9M04, 6M 2004, 12M 2004 (years to date)
  { re: new RegExp(`^(\\d{1,2})\\s*m(?:onths?)?\\s*(?:fy\\s*)?${YEAR}$`), read: (m) => ytd(Number(m[1]), fullYear(m[2])) },
  // nine months 2004, six months ended 2004
  { re: new RegExp(`^(three|six|nine|twelve) months(?: end(?:ed|ing))?\\s*,?\\s*(?:fy\\s*)?${YEAR}$`), read: (m) => ytd(MONTH_COUNTS[m[1]], fullYear(m[2])) },
  // H1 2004, 1H04, H2 2004, first half 2004, second half of 2004
  { re: new RegExp(`^(?:h([12])|([12])h)\\s*[-/,]?\\s*(?:fy\\s*)?${YEAR}$`), read: (m) => ({ kind: 'span', months: 6, end: { kind: 'quarter', year: fullYear(m[3]), quarter: Number(m[1] ?? m[2]) * 2 } }) },
  { re: new RegExp(`^(first|second|1st|2nd) half(?: of)?\\s*,?\\s*(?:fy\\s*)?${YEAR}$`), read: (m) => ({ kind: 'span', months: 6, end: { kind: 'quarter', year: fullYear(m[2]), quarter: ORDINALS[m[1]] * 2 } }) },
  // 9M2004-09-30, 12M2004-06-30: period keys as the add-in writes them
  { re: /^(\d{1,2})m((?:19|20)\d\d)-(\d\d)-(\d\d)$/, read: (m) => spanToDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])) },
  // Q2 2004, Q2-2004, Q2/04, Q2'04, Q2 FY2004, Q22004
  { re: new RegExp(`^q([1-4])\\s*[-/,]?\\s*(?:fy\\s*)?${YEAR}$`), read: (m) => ({ kind: 'quarter', quarter: Number(m[1]), year: fullYear(m[2]) }) },
  // 2Q04, 2Q 2004, 2Q-2004
  { re: new RegExp(`^([1-4])\\s*q\\s*[-/,]?\\s*(?:fy\\s*)?${YEAR}$`), read: (m) => ({ kind: 'quarter', quarter: Number(m[1]), year: fullYear(m[2]) }) },
  // 2004Q2, 2004-Q2, 2004 Q2, FY2004 Q2
  { re: /^(?:fy\s*)?((?:19|20)\d\d)\s*[-/]?\s*q([1-4])$/, read: (m) => ({ kind: 'quarter', quarter: Number(m[2]), year: Number(m[1]) }) },
  // second quarter 2004, 2nd quarter of 2004
  { re: new RegExp(`^(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter(?:\\s+of)?\\s*,?\\s*(?:fy\\s*)?${YEAR}$`), read: (m) => ({ kind: 'quarter', quarter: ORDINALS[m[1]], year: fullYear(m[2]) }) },
  // FY2004, FY 2004, FY04, FY'04, CY2004, 2004
  { re: /^(?:fy|cy|fiscal|fiscal year|year)\s*'?(\d\d(?:\d\d)?)$/, read: (m) => ({ kind: 'year', year: fullYear(m[1]) }) },
  { re: /^((?:19|20)\d\d)$/, read: (m) => ({ kind: 'year', year: Number(m[1]) }) },
  // 2004-06-30, 2004/06/30
  { re: /^((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})$/, read: (m) => date(Number(m[1]), Number(m[2]), Number(m[3])) },
  // 6/30/2004, 6-30-04 (month first, as Mpower's US filings and US Excel)
  { re: /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d\d)$/, read: (m) => date(fullYear(m[3]), Number(m[1]), Number(m[2])) },
  // June 30, 2004; Jun. 30 2004; June 30th, 2004
  { re: new RegExp(`^${MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})$`), read: (m) => date(Number(m[3]), monthIndex(m[1]) + 1, Number(m[2])) },
  // 30 June 2004
  { re: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s*,?\\s*(\\d{4})$`), read: (m) => date(Number(m[3]), monthIndex(m[2]) + 1, Number(m[1])) },
  // June 2004, Jun-2004, Jun-04, Jun'04, Jun/04 (the month's end; a two-digit year needs its separator: "Jun 04" could be a day)
  { re: new RegExp(`^${MONTH}\\s*,?\\s*(\\d{4})$`), read: (m) => monthEnd(Number(m[2]), monthIndex(m[1]) + 1) },
  { re: new RegExp(`^${MONTH}\\s*[-/']\\s*((?:19|20)?\\d\\d)$`), read: (m) => monthEnd(fullYear(m[2]), monthIndex(m[1]) + 1) },
];

function spanToDate(months: number, year: number, month: number, day: number): Shape | undefined {
  const iso = validDate(year, month, day);
  return iso && months > 0 && months <= 24 ? { kind: 'span', months, end: { kind: 'date', date: iso } } : undefined;
}

/** Where a span named by the period after "LTM" or "YTD" ends, or undefined when that period names no quarter end. */
function spanEnd(shape: Shape): SpanEnd | undefined {
  switch (shape.kind) {
    case 'quarter':
      return { kind: 'quarter', year: shape.year, quarter: shape.quarter };
    case 'latest':
      return { kind: 'latest', offset: shape.offset };
    case 'date':
      return { kind: 'date', date: shape.date };
    case 'year':
      return { kind: 'quarter', year: shape.year, quarter: 4 };
    default:
      return undefined;
  }
}

/** `LTM Q3 2004`, `TTM 3Q04`, `LTM` (the latest), `LTM-1`; `YTD Q3 2004`, `Q3 2004 YTD`. */
function readPrefixed(text: string): Shape | undefined | 'unreadable' {
  const ltm = /^(?:ltm|ttm|last twelve months|trailing twelve months)(?:\s*-\s*(\d{1,3}))?(?:\s+(?:to\s+|ending\s+|ended\s+)?(.+))?$/.exec(text);
  if (ltm) {
    if (!ltm[2]) return { kind: 'span', months: 12, end: { kind: 'latest', offset: ltm[1] ? Number(ltm[1]) : 0 }, ltm: true };
    const inner = readShape(ltm[2]);
    const end = inner && inner !== 'unreadable' ? spanEnd(inner) : undefined;
    return end ? { kind: 'span', months: 12, end, ltm: true } : 'unreadable';
  }
  const y = /^(?:ytd|year to date)\s+(.+)$/.exec(text) ?? /^(.+?)\s+(?:ytd|year to date)$/.exec(text);
  if (y) {
    const inner = readShape(y[1]);
    if (!inner || inner === 'unreadable') return 'unreadable';
    if (inner.kind === 'year') return { kind: 'span', months: 12, end: { kind: 'quarter', year: inner.year, quarter: 4 } };
    if (inner.kind !== 'quarter') return 'unreadable';
    return { kind: 'span', months: inner.quarter * 3, end: { kind: 'quarter', year: inner.year, quarter: inner.quarter } };
  }
  return undefined;
}

/** The shape a (lower-cased, bound-free) text names, undefined when no form matches, `unreadable` when one does but names no real period. */
function readShape(text: string): Shape | undefined | 'unreadable' {
  const prefixed = readPrefixed(text);
  if (prefixed) return prefixed;
  for (const form of FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    return form.read(m) ?? 'unreadable';
  }
  return undefined;
}

function date(year: number, month: number, day: number): Shape | undefined {
  const iso = validDate(year, month, day);
  return iso ? { kind: 'date', date: iso } : undefined;
}

function monthEnd(year: number, month: number): Shape | undefined {
  return month >= 1 ? { kind: 'date', date: isoDate(year, month, lastDayOfMonth(year, month)) } : undefined;
}

// Linear-time patterns only (no nested or adjacent unbounded repeats): the text comes from a cell.
const BOUND_RE = /(?:^|[\s,(-])(?:guidance ?)?(low|high|mid|midpoint|middle)(?: ?(?:end|of range|guidance))?\)?$/;
/** Longest period text worth reading ("second quarter of fiscal 2004 guidance midpoint" is 48). */
const MAX_PERIOD_TEXT = 80;

/** The text without separators and the word "guidance" at its end. */
function trimTail(text: string): string {
  let t = text;
  for (;;) {
    const before = t;
    while (t.length > 0 && ' ,(-'.includes(t[t.length - 1])) t = t.slice(0, -1);
    if (t.endsWith('guidance')) t = t.slice(0, -'guidance'.length);
    if (t === before) return t.trim();
  }
}

function readText(raw: string): PeriodQuery | FormulaError {
  if (raw.length > MAX_PERIOD_TEXT) return invalidValue(`"${raw.slice(0, 24)}..." is too long to be a period; use ${EXAMPLES}`);
  let text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let bound: Bound | undefined;
  const b = BOUND_RE.exec(text);
  if (b) {
    bound = b[1] === 'low' ? 'low' : b[1] === 'high' ? 'high' : 'mid';
    text = trimTail(text.slice(0, b.index));
  }
  if (/^\d+(?:\.\d+)?$/.test(text) && !/^(?:19|20)\d\d$/.test(text)) {
    const q = readNumber(Number(text), raw);
    return isFormulaError(q) ? q : { ...q, bound };
  }
  const shape = readShape(text);
  if (shape === 'unreadable') return invalidValue(`"${raw}" is not a real period (a date that does not exist, or a span that ends on no quarter)`);
  if (shape) return { ...shape, bound, input: raw };
  const guess = repaired(text);
  return invalidValue(`Can't read "${raw}" as a period${guess ? `; did you mean "${guess}"?` : `; use ${EXAMPLES}`}`);
}

const WORDS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'quarter', 'first', 'second', 'third', 'fourth', 'fiscal', 'year', 'latest', 'guidance', 'low', 'high', 'mid'];

/** The text with each misspelt word (`Jnue`, `quartr`) replaced by the word it is closest to, when that reads as a period. */
function repaired(text: string): string | undefined {
  let changed = false;
  const fixed = text.replace(/[a-z]{3,}/g, (w) => {
    if (WORDS.includes(w) || /^(?:fy|cy|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|ltm|ttm|ytd|last|twelve|months|trailing|ending|ended|date)$/.test(w)) return w;
    const c = closest(w, WORDS);
    if (!c || editDistance(w, c) > 2) return w;
    changed = true;
    return c;
  });
  if (!changed) return undefined;
  const again = readText(fixed);
  return isFormulaError(again) ? undefined : fixed.replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
}

function readNumber(n: number, input: string): PeriodQuery | FormulaError {
  if (Number.isInteger(n) && n >= 1950 && n <= 2100) return { kind: 'year', year: n, input };
  const iso = serialToIso(n);
  if (!iso) return invalidNumber(`${input} is neither a year nor an Excel date serial (1 to ${MAX_SERIAL})`);
  return { kind: 'date', date: iso, input };
}

const textCache = new Map<string, PeriodQuery | FormulaError>();
const CACHE_LIMIT = 20000;

/** The period an argument asks for, or `#VALUE!` (empty, boolean, unreadable text) / `#NUM!` (a number that is no date). */
export function readPeriod(arg: Arg, name = 'period'): PeriodQuery | FormulaError {
  switch (arg.type) {
    case 'empty':
      return invalidValue(`${name} is required; use ${EXAMPLES}`);
    case 'boolean':
      return invalidValue(`${name} must be a period such as "Q2 2004", not ${showArg(arg)}`);
    case 'number':
      return readNumber(arg.value, String(arg.value));
    case 'text': {
      const hit = textCache.get(arg.value);
      if (hit) return hit;
      const read = readText(arg.value);
      if (textCache.size >= CACHE_LIMIT) textCache.clear();
      textCache.set(arg.value, read);
      return read;
    }
  }
}

/** The last day of a calendar quarter. */
export function quarterEnd(year: number, quarter: number): string {
  return isoDate(year, quarter * 3, lastDayOfMonth(year, quarter * 3));
}

/** Shifts a quarter by n quarters (negative: earlier). */
export function shiftQuarter(year: number, quarter: number, by: number): { year: number; quarter: number } {
  const index = year * 4 + (quarter - 1) + by;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** The calendar quarter a date falls in. */
export function quarterOf(date: string): { year: number; quarter: number } {
  const [y, m] = date.split('-').map(Number);
  return { year: y, quarter: Math.ceil(m / 3) };
}
