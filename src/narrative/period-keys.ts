/**
 * Period keys as claims resolve them (`2004Q2`, `FY2004`, `9M2004-09-30`, `13W2024-11-02`,
 * `2004-06-30`), back to what they mean: a Period (for a narrative fact), an end date and a length
 * (for matching another company's fiscal periods and telling a forecast from an actual).
 */
import { duration, instant } from '../filing/periods';
import type { Period } from '../model/types';

/** End date and length of a period key (`2004Q2`, `FY2004`, `3M2024-11-02`, `13W2024-11-02`, `2004-06-30`). */
export function spanOfKey(key: string): { end: string; months: number } | undefined {
  const q = /^(\d{4})Q([1-4])$/.exec(key);
  if (q) {
    const m = Number(q[2]) * 3;
    return { end: `${q[1]}-${String(m).padStart(2, '0')}-${new Date(Date.UTC(Number(q[1]), m, 0)).getUTCDate()}`, months: 3 };
  }
  const y = /^FY(\d{4})$/.exec(key);
  if (y) return { end: `${y[1]}-12-31`, months: 12 };
  const d = /^(\d+)([MW])(\d{4}-\d\d-\d\d)$/.exec(key);
  if (d) return { end: d[3], months: d[2] === 'M' ? Number(d[1]) : Math.round((Number(d[1]) * 12) / 52) };
  if (/^\d{4}-\d\d-\d\d$/.test(key)) return { end: key, months: 0 };
  return undefined;
}


/** The Period of a key a claim resolved (`2004Q2`, `FY2004`, `9M2004-09-30`, `2004-06-30`); undefined for weeks, which Mpower's prose never states. */
export function periodOfKey(key: string): Period | undefined {
  const s = spanOfKey(key);
  if (!s || /^\d+W/.test(key)) return undefined;
  return s.months === 0 ? instant(s.end) : duration(s.months, s.end);
}
