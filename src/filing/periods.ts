/**
 * Periods named in column headers and sentences: `Three Months Ended June 30, 2004`,
 * `June 30, 2004`, `12 Months Ending December 31, 2004`, `For the 13 Weeks Ended July 3, 2004`,
 * `3 Months Ended December` + `2004`. Canonical keys as in DESIGN.md.
 */
import type { Period, Scenario } from './types';
import { foldBlanks, matchesOf } from './text';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_RE = new RegExp(`${MONTH_RE}\\s+(\\d{1,2})(?:,\\s*|\\s+)((?:19|20)\\d\\d)\\b`, 'gi');
/** A month and day without a year (`December 31,`, `June 30`): the year stands in the column. */
const MONTH_DAY_RE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})\\b(?!\\s*,?\\s*(?:19|20)\\d\\d)`, 'i');
/** Numeric dates `1/1/00`, `9/25/1999`, `12-31-2004`. */
const NUMERIC_DATE_RE = /(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)?\d\d)(?![\d/])/g;
const COUNT_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, six: 6, nine: 9, twelve: 12, thirteen: 13,
  'twenty-six': 26, 'thirty-nine': 39, 'fifty-two': 52, 'fifty-three': 53,
};

export function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDate(year: number, month1: number, day: number): string {
  return `${year}-${pad2(month1)}-${pad2(day)}`;
}

export function lastDayOfMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** Every full date (`June 30, 2004`, `September 25,1999`) in a text, as ISO dates, in order. */
export function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of matchesOf(DATE_RE, text)) {
    const month = monthIndex(m[1]) + 1;
    const day = Number(m[2]);
    const year = Number(m[3]);
    if (month >= 1 && day >= 1 && day <= lastDayOfMonth(year, month)) out.push(isoDate(year, month, day));
  }
  return out;
}

/** Numeric dates of a column header (`1/1/00`, `9/25/1999`), as ISO dates; two-digit years 50-99 are 19xx. */
export function numericDatesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of matchesOf(NUMERIC_DATE_RE, text)) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    let year = Number(m[3]);
    if (m[3].length === 2) year += year >= 50 ? 1900 : 2000;
    if (month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month)) out.push(isoDate(year, month, day));
  }
  return out;
}

/** A month and day named without a year (`December 31,`), or undefined. */
export function monthDayIn(text: string): { month: number; day: number } | undefined {
  const m = MONTH_DAY_RE.exec(text);
  if (!m) return undefined;
  const month = monthIndex(m[1]) + 1;
  const day = Number(m[2]);
  return month >= 1 && day >= 1 && day <= 31 ? { month, day } : undefined;
}

export function instant(date: string): Period {
  return { key: date, type: 'instant', end: date, months: 0 };
}

/**
 * The period of a duration of `months` ending on `end` (ISO): a quarter when it is three months
 * (or 13 weeks) ending within a week of a calendar quarter's end, a year likewise, else a
 * generic key `6M2004-06-30`.
 */
export function duration(months: number, end: string, weeks?: number): Period {
  // Memoised (the reader, facts and derived periods ask for the same few), a fresh object each time.
  const memo = `${months}|${end}|${weeks ?? ''}`;
  let p = DURATIONS.get(memo);
  if (!p) {
    if (DURATIONS.size > 10000) DURATIONS.clear();
    DURATIONS.set(memo, (p = computeDuration(months, end, weeks)));
  }
  return { ...p };
}

const DURATIONS = new Map<string, Period>();

function computeDuration(months: number, end: string, weeks?: number): Period {
  const [y, m, d] = end.split('-').map(Number);
  const ends = new Date(Date.UTC(y, m - 1, d)).getTime();
  // The calendar month end nearest to the date (fiscal periods end on a weekday near it).
  const candidates = [
    [y, m],
    [m === 1 ? y - 1 : y, m === 1 ? 12 : m - 1],
  ].map(([yy, mm]) => ({ yy, mm, t: Date.UTC(yy, mm - 1, lastDayOfMonth(yy, mm)) }));
  const near = candidates.reduce((a, b) => (Math.abs(a.t - ends) <= Math.abs(b.t - ends) ? a : b));
  const closeEnough = Math.abs(near.t - ends) <= 7 * 86400000;
  if (closeEnough && months === 3 && near.mm % 3 === 0) {
    return { key: `${near.yy}Q${near.mm / 3}`, type: 'quarter', end, months };
  }
  if (closeEnough && months === 12 && near.mm === 12) {
    return { key: `FY${near.yy}`, type: 'year', end, months };
  }
  const key = weeks ? `${weeks}W${end}` : `${months}M${end}`;
  return { key, type: 'duration', end, months };
}

function countOf(word: string): number | undefined {
  const n = Number(word);
  if (Number.isInteger(n) && n > 0) return n;
  return COUNT_WORDS[word.toLowerCase()];
}

/**
 * `Three Months Ended`, `12 Months Ending`, `For the 13 Weeks Ended`, `Six Month Periods Ended`,
 * `Years Ended`, `Quarter Ended`: months (and weeks) of a duration header.
 */
export function durationOf(text: string): { months: number; weeks?: number } | undefined {
  const m = /\b([a-z]+(?:-[a-z]+)?|\d{1,2})[\s-]+(months?|weeks?|quarters?)(?:\s+periods?)?\s+(?:end(?:ed|ing)|to)\b/i.exec(text);
  if (m) {
    const n = countOf(m[1]);
    if (n !== undefined) {
      if (/^week/i.test(m[2])) return { months: Math.round((n * 12) / 52), weeks: n };
      if (/^quarter/i.test(m[2])) return { months: n * 3 };
      return { months: n };
    }
  }
  if (/\b(?:fiscal\s+)?years?\s+end(?:ed|ing)\b|\bfull[- ]year\b|\btwelve months\b|\b12 months\b/i.test(text)) return { months: 12 };
  if (/\bquarters?\s+end(?:ed|ing)\b/i.test(text)) return { months: 3 };
  const weeks = /\b(\d{1,2}|[a-z]+(?:-[a-z]+)?)[\s-]+weeks?\b/i.exec(text);
  if (weeks) {
    const n = countOf(weeks[1]);
    if (n !== undefined && n >= 4 && n <= 53) return { months: Math.round((n * 12) / 52), weeks: n };
  }
  return undefined;
}

/** Month number (1-12) a fiscal year ends in, from the envelope's `FISCAL YEAR END: 0930`; 12 by default. */
export interface PeriodContext {
  fiscalYearEnd?: number;
}

const QUARTER_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

/**
 * A fiscal quarter named in a header (`First Quarter 2000`, `Q3'04`, `Q1 2011`, `4th Quarter
 * 2003`, `Third Quarter Fiscal 2005`): its number and fiscal year, or undefined.
 */
export function fiscalQuarterIn(text: string): { quarter: number; year: number } | undefined {
  const year = (y: string) => (y.length === 2 ? 2000 + Number(y) - (Number(y) >= 50 ? 100 : 0) : Number(y));
  let m = /\bQ([1-4])\s*(?:FY\s*)?['’`]?\s*((?:19|20)\d\d|\d\d)\b/i.exec(text);
  if (m) return { quarter: Number(m[1]), year: year(m[2]) };
  m = /\b([1-4])Q\s*['’`]?((?:19|20)\d\d|\d\d)\b/i.exec(text);
  if (m) return { quarter: Number(m[1]), year: year(m[2]) };
  m = /\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:year\s+)?)?\s*(['’`]?(?:19|20)\d\d|['’`]\d\d)?\b/i.exec(text);
  if (m) {
    const y = m[2] ?? /\b((?:19|20)\d\d)\b/.exec(text)?.[1];
    if (!y) return undefined;
    return { quarter: QUARTER_WORDS[m[1].toLowerCase()], year: year(y.replace(/['’`]/, '')) };
  }
  return undefined;
}

/** The calendar quarter a fiscal quarter ends in, given the month the fiscal year ends in. */
function fiscalQuarterEnd(quarter: number, fiscalYear: number, fyEndMonth: number): { year: number; month: number } {
  const total = fiscalYear * 12 + (fyEndMonth - 1) - (4 - quarter) * 3;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

/** The scenario a column header names: guidance ranges have a low and a high end. */
export function scenarioOf(header: string): Scenario {
  const h = header.toLowerCase();
  const guidance = /guidance|outlook|forecast|range|projected|estimate/.test(h);
  if (/\blow\b|\bminimum\b/.test(h) && guidance) return 'guidance-low';
  if (/\bhigh\b|\bmaximum\b/.test(h) && guidance) return 'guidance-high';
  return 'actual';
}

/** Months from the end of the fiscal year before `end` (ISO) to `end`: the length of a year-to-date period. */
function monthsIntoFiscalYear(end: string, fyEndMonth: number): number {
  const month = Number(end.slice(5, 7));
  const n = (month - fyEndMonth + 12) % 12;
  return n === 0 ? 12 : n;
}

/** Years standing as words of a header (`2004`, `, 2003`). */
const YEARS_RE = /(?:^|[\s,])((?:19|20)\d\d)\b/g;

/**
 * The period a column header names, given its own text and, where the header names the
 * duration and month for several columns at once (`3 Months Ended December` over `2004  2003`,
 * `December 31,` over `1997  1996`, `Six Month Periods Ended June 30, 1998 and 1997`), the year
 * the column itself carries. `balance` says the table is a balance sheet (a year-only column is
 * then an instant at the year's end, not a fiscal year).
 */
export function periodOfHeader(rawHeader: string, ctx: PeriodContext & { balance?: boolean } = {}): Period | undefined {
  const header = foldBlanks(rawHeader.includes('(') ? rawHeader.replace(/\([^()]*\)/g, ' ') : rawHeader).trim();
  const fyEnd = ctx.fiscalYearEnd ?? 12;
  const dates = datesIn(header);
  if (dates.length === 0) dates.push(...numericDatesIn(header));
  let dur = durationOf(header);
  if (!dur && /\b(?:ytd|year[- ]to[- ]date)\b/i.test(header) && dates.length > 0) dur = { months: monthsIntoFiscalYear(dates[0], fyEnd) };
  const years = matchesOf(YEARS_RE, header).map((m) => m[1]);
  const ownYear = /(?:^|[\s,])((?:19|20)\d\d)\s*\*{0,2}\s*$/.exec(header)?.[1];
  let end: string | undefined;
  if (dates.length === 1) {
    end = dates[0];
    // `June 30, 1998 and 1997 ... 1997`: the month and day named, the column's year.
    const md = monthDayIn(header.replace(/\b(19|20)\d\d\b/g, ''));
    if (ownYear && !end.startsWith(ownYear) && md && years.filter((y) => y === ownYear).length >= 1 && /\band\b|,\s*(?:19|20)\d\d\s*$/.test(header)) {
      const y = Number(ownYear);
      end = isoDate(y, md.month, Math.min(md.day, lastDayOfMonth(y, md.month)));
    }
  } else if (dates.length > 1) {
    // `July 3, 2004 and June 28, 2003 ... 2004`: the date whose year the column carries.
    end = (ownYear && dates.find((d) => d.startsWith(ownYear))) || dates[0];
  } else if (ownYear) {
    const y = Number(ownYear);
    const md = monthDayIn(header);
    // `3 Months Ended December ... 2004`: the month named, the column's year.
    const month = new RegExp(`(?:end(?:ed|ing)|at|as of)\\s+${MONTH_RE}`, 'i').exec(header) ?? new RegExp(`^${MONTH_RE}\\s*,?\\s*(?:19|20)\\d\\d$`, 'i').exec(header);
    if (md) {
      // `December 31, ... 1997`: that day of the column's year.
      end = isoDate(y, md.month, Math.min(md.day, lastDayOfMonth(y, md.month)));
    } else if (month) {
      const mo = monthIndex(month[1]) + 1;
      end = isoDate(y, mo, lastDayOfMonth(y, mo));
    } else if (dur && dur.months === 12) {
      end = isoDate(y, fyEnd, lastDayOfMonth(y, fyEnd));
    } else if (/^\s*(?:fiscal\s+)?(?:year\s+)?(?:19|20)\d\d\s*\*{0,2}\s*$/i.test(header) || /\byear\b/i.test(header)) {
      end = isoDate(y, fyEnd, lastDayOfMonth(y, fyEnd));
      // A year alone under a balance sheet (or `At`/`As of`) is that year's closing date.
      if (ctx.balance || /\b(?:at|as of)\b/i.test(header)) return instant(end);
      return duration(12, end);
    }
  }
  if (!end) {
    const fq = fiscalQuarterIn(header);
    if (!fq) return undefined;
    const q = fiscalQuarterEnd(fq.quarter, fq.year, fyEnd);
    const p = duration(3, isoDate(q.year, q.month, lastDayOfMonth(q.year, q.month)));
    const fiscal = `Q${fq.quarter} FY${fq.year}`;
    return fyEnd === 12 && p.key === `${fq.year}Q${fq.quarter}` ? p : { ...p, fiscal };
  }
  if (dur) return duration(dur.months, end, dur.weeks);
  return instant(end);
}

/** Adds months to an ISO month end, keeping it at the month's end. */
export function addMonthsToEnd(end: string, months: number): string {
  const [y, m] = end.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  return isoDate(yy, mm, lastDayOfMonth(yy, mm));
}

/** Time order of periods: by end date, then shorter first. */
export function comparePeriods(a: Period, b: Period): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return a.months - b.months;
}
