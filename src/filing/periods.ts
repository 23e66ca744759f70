/**
 * Periods named in column headers and sentences: `Three Months Ended June 30, 2004`,
 * `June 30, 2004`, `12 Months Ending December 31, 2004`, `For the 13 Weeks Ended July 3, 2004`,
 * `3 Months Ended December` + `2004`. Canonical keys as in DESIGN.md.
 */
import type { Period, Scenario } from './types';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_RE = new RegExp(`${MONTH_RE}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)`, 'gi');
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

/** Every full date (`June 30, 2004`) in a text, as ISO dates, in order. */
export function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const month = monthIndex(m[1]) + 1;
    const day = Number(m[2]);
    const year = Number(m[3]);
    if (month >= 1 && day >= 1 && day <= lastDayOfMonth(year, month)) out.push(isoDate(year, month, day));
  }
  return out;
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

/** `Three Months Ended`, `12 Months Ending`, `For the 13 Weeks Ended`: months (and weeks) of a duration header. */
export function durationOf(text: string): { months: number; weeks?: number } | undefined {
  const m = /\b([a-z-]+|\d{1,2})\s+(months?|weeks?|quarters?)\s+end(?:ed|ing)\b/i.exec(text);
  if (m) {
    const n = countOf(m[1]);
    if (n === undefined) return undefined;
    if (/^week/i.test(m[2])) return { months: Math.round((n * 12) / 52), weeks: n };
    if (/^quarter/i.test(m[2])) return { months: n * 3 };
    return { months: n };
  }
  if (/\b(?:fiscal\s+)?year\s+end(?:ed|ing)\b|\bfull[- ]year\b|\btwelve months\b/i.test(text)) return { months: 12 };
  if (/\bquarter\s+end(?:ed|ing)\b/i.test(text)) return { months: 3 };
  return undefined;
}

/** The scenario a column header names: guidance ranges have a low and a high end. */
export function scenarioOf(header: string): Scenario {
  const h = header.toLowerCase();
  const guidance = /guidance|outlook|forecast|range|projected|estimate/.test(h);
  if (/\blow\b|\bminimum\b/.test(h) && guidance) return 'guidance-low';
  if (/\bhigh\b|\bmaximum\b/.test(h) && guidance) return 'guidance-high';
  return 'actual';
}

/**
 * The period a column header names, given its own text and, where the header names the
 * duration and month for several columns at once (`3 Months Ended December` over `2004  2003`),
 * the year the column itself carries.
 */
export function periodOfHeader(rawHeader: string): Period | undefined {
  const header = rawHeader.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const dates = datesIn(header);
  const dur = durationOf(header);
  const ownYear = /(?:^|\s)((?:19|20)\d\d)\s*$/.exec(header)?.[1];
  let end: string | undefined;
  if (dates.length === 1) end = dates[0];
  else if (dates.length > 1) {
    // `July 3, 2004 and June 28, 2003 ... 2004`: the date whose year the column carries.
    end = (ownYear && dates.find((d) => d.startsWith(ownYear))) || dates[0];
  } else if (ownYear) {
    // `3 Months Ended December ... 2004`: the month named, the column's year.
    const month = new RegExp(`end(?:ed|ing)\\s+${MONTH_RE}`, 'i').exec(header);
    if (month) {
      const y = Number(ownYear);
      const mo = monthIndex(month[1]) + 1;
      end = isoDate(y, mo, lastDayOfMonth(y, mo));
    } else if (dur && dur.months === 12) {
      end = isoDate(Number(ownYear), 12, 31);
    } else if (/^\s*(?:fiscal\s+)?(?:19|20)\d\d\s*$/i.test(header) || /\byear\b/i.test(header)) {
      end = isoDate(Number(ownYear), 12, 31);
      return duration(12, end);
    }
  }
  if (!end) return undefined;
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
