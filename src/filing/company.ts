/**
 * Who filed a release: the envelope's filer (name and CIK) and the release's own words
 * (`Mpower Holding Corporation (AMEX: MPE)`). One company at a time: the Mpower catalogue and the
 * `=MPWR.*` functions speak of Mpower Holding only.
 */
import type { Company, Filing } from './types';
import { foldBlanks } from './text';

/** A name followed by its exchange and ticker: `Mpower Holding Corporation (AMEX: MPE)` (blanks single: the name's window is folded). */
const LISTED = /([A-Z][A-Za-z0-9&.,'\u2019 -]{2,80}?)\s*,?\s*\((?:AMEX|NYSE|NASDAQ|Nasdaq|NasdaqGS|NasdaqNM|OTC[A-Z]*|NYSE Amex)\s*:\s*([A-Z.]{1,6})\)/;
/** The bracket of `LISTED` in the text as printed (any run of blanks where `LISTED` has one). */
const LISTED_AT = /\((?:AMEX|NYSE|NASDAQ|Nasdaq|NasdaqGS|NasdaqNM|OTC[A-Z]*|NYSE\s+Amex)\s*:\s*[A-Z.]{1,6}\)/g;
/** A name followed by a bare ticker: `Sears, Roebuck and Co. (S)`. */
const BARE = /([A-Z][A-Za-z0-9&.,'\u2019 -]{2,80}?)\s*,?\s*\(([A-Z]{1,5})\)/;
const BARE_AT = /\([A-Z]{1,5}\)/g;
/** How far before its bracket a name's match can start: 81 name characters and ` , ` (blanks are single here). */
const NAME_REACH = 90;

/**
 * The first match of `full` (a name then a bracket) in `foldBlanks(text)`, found cheaply and without
 * folding the whole text: the brackets (`at`, which allows any blanks where `full` has one) are
 * searched for in the text as printed, and `full` runs only over the NAME_REACH folded characters
 * before each and the bracket. A name cannot run over a bracket, so the first bracket a name
 * stands before ends the first match, and that match starts within NAME_REACH characters of it.
 * Folding a part of the text gives the end of folding the whole text up to that part's end (a run
 * of blanks cut by the part's start is still one blank), so the window is the same as in the folded text.
 */
function firstBefore(text: string, at: RegExp, full: RegExp): RegExpExecArray | null {
  at.lastIndex = 0;
  for (let m = at.exec(text); m; m = at.exec(text)) {
    const end = m.index + m[0].length;
    const want = NAME_REACH + foldBlanks(m[0]).length;
    let from = Math.max(0, m.index - 2 * NAME_REACH);
    let window = foldBlanks(text.slice(from, end));
    while (window.length < want && from > 0) {
      from = Math.max(0, from - 4 * NAME_REACH);
      window = foldBlanks(text.slice(from, end));
    }
    const found = full.exec(window.length > want ? window.slice(window.length - want) : window);
    if (found) return found;
  }
  return null;
}

/** The company a release names: envelope first for identity, the release's own spelling when they agree. */
export function detectCompany(
  head: string,
  envelope: { company: string; cik: string; filers?: { company: string; cik: string }[] },
): Company & { fiscalFiler?: number } {
  const listed = firstBefore(head, LISTED_AT, LISTED);
  let name = listed ? cleanName(listed[1]) : '';
  let ticker = listed ? listed[2] : '';
  const first = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]/g, ' ').trim().split(/\s+/)[0] ?? '';
  // Of several filers (a holding company files with its subsidiaries), the one the release names.
  const filers = envelope.filers ?? [];
  const named = name ? filers.findIndex((f) => first(f.company) === first(name)) : -1;
  if (named >= 0) envelope = { company: filers[named].company, cik: filers[named].cik };
  if (envelope.company) {
    // The release's spelling (`Sears, Roebuck and Co.`) when it names the filer; else the filer.
    // A bare ticker (`(S)`) only when no exchange is named (`(GAAP)` brackets abound: looked for only then).
    const bare = name ? null : firstBefore(head, BARE_AT, BARE);
    const candidate = name || (bare ? cleanName(bare[1]) : '');
    const agrees = candidate !== '' && first(candidate) === first(envelope.company);
    if (agrees && !name && bare) ticker = bare[2];
    if (!agrees) ticker = listed && first(cleanName(listed[1])) === first(envelope.company) ? ticker : '';
    name = agrees ? candidate : envelope.company;
  }
  if (!name && /\bMpower\s+Holding\b/.test(head)) name = 'Mpower Holding Corporation';
  return { name, ticker, cik: envelope.cik, fiscalFiler: named >= 0 ? named : 0 };
}

/** `ROCHESTER, NY - July 29, 2004 - Mpower Holding Corporation` (or `NY--July 29, 2004--Mpower`) → `Mpower Holding Corporation`. */
function cleanName(raw: string): string {
  return raw
    .replace(/^.*(?:\s-{1,2}|--|–|—)\s*/, '')
    .replace(/^(?:(?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+-based|today,?)\s+/, '')
    .replace(/,\s*$/, '')
    .trim();
}

/** The company of a filing. */
export function companyOf(filing: Pick<Filing, 'company' | 'ticker' | 'cik'>): Company {
  return { name: filing.company, ticker: filing.ticker, cik: filing.cik ?? '' };
}

/**
 * Is this Mpower Holding (the company the catalogue, the rules and `=MPWR.*` speak of)? By name
 * (`Mpower Holding Corporation`, the envelope's `MPOWER HOLDING CORP`) or by its AMEX ticker.
 * An unknown company (no name, no ticker) is not Mpower.
 */
export function isMpower(company: Pick<Company, 'name' | 'ticker'>): boolean {
  return /\bmpower\b/i.test(company.name) || (company.name === '' && company.ticker === 'MPE');
}

/** A key that tells companies apart: the CIK when known, else the name folded, else ''. */
export function companyKey(company: Company): string {
  if (isMpower(company)) return 'mpower';
  if (company.cik) return `cik:${company.cik.replace(/^0+/, '')}`;
  return company.name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
