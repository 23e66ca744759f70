/**
 * What a column header says, for the text and the HTML reader alike: the period, the scenario
 * (guidance ends), what the numbers measure (a period's value, a change, a percent change, a
 * percent of another figure) and, for columns that are not the consolidated figures as reported,
 * the member they show (a segment, a pro forma or `excluding` view, adjustments).
 */
import { scaleOf } from './numbers';
import { foldBlanks } from './text';
import { periodOfHeader, scenarioOf, type PeriodContext } from './periods';
import type { AmountKind, ColumnMeasure, Period, Scale, Scenario } from './types';

export interface ColumnContext extends PeriodContext {
  /** The table is a balance sheet (year-only columns are year-end instants). */
  balance?: boolean;
  /** The company's name, which headers repeat (`Mpower Holding`) and which names no member. */
  company?: string;
}

export interface ColumnDescription {
  period?: Period;
  scenario: Scenario;
  measure: ColumnMeasure;
  member?: string;
  scale?: Scale;
  kind?: AmountKind;
}

/** What the numbers of a column measure, from its header. */
export function measureOf(header: string): ColumnMeasure {
  const h = header.toLowerCase();
  if (/%\s*(?:of|to)\s+(?:net\s+|total\s+)?(?:revenues?|sales)|as a (?:%|percent(?:age)?) of|percent(?:age)? of (?:net\s+|total\s+)?(?:revenues?|sales)/.test(h)) return 'percent-of';
  if (/%\s*(?:change|chg|inc|incr|increase|decrease|var)|percent(?:age)?\s+(?:change|increase|decrease)|change\s*(?:%|percent)|\bpct\.?\s+change/.test(h)) return 'percent-change';
  if (/\b(?:change|variance|increase\s*\/?\s*\(?decrease\)?|inc\.?\s*\(?dec\.?\)?|better\s*\(?worse\)?|favorable)\b/.test(h)) return 'change';
  return 'value';
}

/** Words that say when or how a column is reported, not which part of the company it shows. */
const NOT_A_MEMBER = new RegExp(
  [
    String.raw`\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?`,
    // A numeric date before a day or month alone (`6/30/04`: `6` alone would leave the slashes).
    String.raw`\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b`, String.raw`\b(?:19|20)\d\d\b`, String.raw`['’]\d\d\b`, String.raw`\b\d{1,2}\b`,
    String.raw`\b(?:one|two|three|four|six|nine|twelve|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three|first|second|third|fourth|1st|2nd|3rd|4th)\b`,
    String.raw`\b(?:months?|weeks?|quarters?|years?|periods?|fiscal|ended|ending|end|for|the|at|as|of|to|and|date|ytd|q[1-4]|[1-4]q|fy)\b`,
    String.raw`\b(?:actual|actuals|reported|as reported|consolidated|total|unaudited|audited|restated|notes?|see|guidance|range|low|high|outlook|forecast|projected|estimate[sd]?|minimum|maximum)\b`,
    String.raw`\b(?:in|thousands?|millions?|billions?|dollars?|except|per|share|shares|amounts?|data)\b`,
    String.raw`\b(?:change|increase|decrease|variance|inc|dec|better|worse|favorable|unfavorable|percent|pct|chg|vs|versus)\b`,
    String.raw`\$\s*(?:000s?|m|mm|k|b)?\b`, String.raw`[(),.:;*%&$#\-–—]`,
  ].join('|'),
  'gi',
);

/** The company's name and its first two words, each between blanks, as `memberOf` takes them out of a header (none for a name of one word). */
let phrasesOf: { company: string; phrases: string[] } = { company: '', phrases: [] };
function companyPhrases(company: string): string[] {
  if (phrasesOf.company === company) return phrasesOf.phrases;
  const words = company.toLowerCase().replace(/[,.]/g, ' ').split(/\s+/).filter((w) => w !== '');
  const phrases = words.length < 2 ? [] : [words.join(' '), words.slice(0, 2).join(' ')].map((p) => ` ${p} `);
  phrasesOf = { company, phrases };
  return phrases;
}

/** The member a header names (`Domestic`, `Sears Canada`, `pro forma`, `excluding one-time items`), or undefined. */
export function memberOf(header: string, company = ''): string | undefined {
  const h = header.toLowerCase();
  if (/\bpro\s*-?\s*forma\b/.test(h)) return 'pro forma';
  const excluding = /\b(excluding|excl\.|before)\s+([a-z][a-z -]*)/.exec(h);
  if (excluding) return `${excluding[1]} ${excluding[2].trim()}`.replace(/\s+/g, ' ');
  if (/\bnon-?\s*gaap\s+adjustments?\b|\badjustments?\b/.test(h)) return 'adjustments';
  if (/\bnon-?\s*gaap\b|\badjusted\b/.test(h)) return 'non-gaap';
  let rest = ` ${foldBlanks((h.includes('year') ? h.replace(/\byear\s*\/\s*year\b|\byear[- ]over[- ]year\b|\bversus prior year\b/g, ' yoy ') : h).replace(/[,.]/g, ' '))} `;
  // The company's name (`Mpower Holding` over every column) names no member; `Sears Canada` does.
  for (const phrase of companyPhrases(company)) {
    if (rest.includes(phrase)) rest = rest.split(phrase).join(' ');
  }
  rest = foldBlanks(rest.replace(NOT_A_MEMBER, ' ')).trim();
  if (!/[a-z]{2,}/.test(rest)) return undefined;
  return rest;
}

/**
 * What each header read so far says, for one reading: a release prints the same headers over
 * several tables (`Three Months Ended June 30, 2004`), and a header's description is a pure
 * function of its text and context. The reader forgets it when a filing is read
 * (`forgetColumnHeaders`); cleared when full too. Descriptions are shared, never changed.
 */
const HEADER_MEMO = new Map<string, ColumnDescription>();
const HEADER_MEMO_LIMIT = 4096;

/** Forgets the headers read so far (the reader calls it when a filing is read). */
export function forgetColumnHeaders(): void {
  HEADER_MEMO.clear();
}

/** Everything a column header says (see the module comment). */
export function describeColumn(header: string, ctx: ColumnContext = {}): ColumnDescription {
  const key = `${ctx.balance ? 1 : 0}|${ctx.fiscalYearEnd ?? ''}|${ctx.company ?? ''}|${header}`;
  let d = HEADER_MEMO.get(key);
  if (d === undefined) {
    d = readColumn(header, ctx);
    if (HEADER_MEMO.size >= HEADER_MEMO_LIMIT) HEADER_MEMO.clear();
    HEADER_MEMO.set(key, d);
  }
  return d;
}

function readColumn(header: string, ctx: ColumnContext): ColumnDescription {
  const measure = measureOf(header);
  const scale = /\$\s*m\b|\$\s*mm\b|\bin millions\b/i.test(header)
    ? 'millions'
    : /\$\s*(?:000s?|k)\b|\bin thousands\b/i.test(header)
      ? 'thousands'
      : /\$\s*b\b|\bin billions\b/i.test(header)
        ? 'billions'
        : undefined;
  const scenario = scenarioOf(header);
  const period = periodOfHeader(header, ctx);
  let member = scenario === 'actual' ? memberOf(header, ctx.company) : undefined;
  if (member && /^(?:rev|revenues?|sales|net sales|amount|value|dollars)$/.test(member)) member = undefined;
  if (member && measure === 'value' && /^(?:sequential|yoy|prior|over)$/.test(member)) member = undefined;
  // `Earnings Per Share` over a column of a pretax / per-share pair; `%` over a column of percents.
  const kind: AmountKind | undefined = /\bper (?:diluted |common |basic )?share\b|\beps\b/i.test(header) && !/\bexcept\b/i.test(header) ? 'per-share' : /^\s*%\s*$|\bpercent\b(?!\s+change)/i.test(header) && measure === 'value' ? 'percent' : undefined;
  return { period, scenario, measure, member, kind, scale: scale ?? (scaleOf(header) && /\(in\b/i.test(header) ? scaleOf(header) : undefined) };
}
