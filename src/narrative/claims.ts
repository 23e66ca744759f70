/**
 * The claims reader: every numeric statement of a release's running text read into claims (see
 * `types.ts`), with the words of `vocabulary.ts`. A sentence is read as mentions in order
 * (numbers, quantity words, period words, direction words, words that introduce the period
 * compared with); each number becomes a claim whose quantity, period, form and direction are the
 * mentions bound to it, and a direction word bound to no number (`down from`, `essentially even
 * with`, `exceeds ... guidance`) becomes a comparison. Pure: no Office, DOM or Node APIs.
 */
import Decimal from 'decimal.js';
import { conceptById, datedConcept } from '../model/concepts';
import { GUIDANCE_SENTENCE, RANGE_JOINER } from '../model/narrative-rules';
import { datesIn, duration, isoDate, lastDayOfMonth } from '../filing/periods';
import type { Filing, Sentence } from '../filing/types';
import type { NumberedLines } from '../filing/lines';
import type { Period, Scale } from '../model/types';
import { spanOfKey } from './period-keys';
import type { Claim, ClaimedNumber, ClaimQuantity, Direction, TextSpan } from './types';
import {
  AFTER_NUMBER, ANNUAL_WORDS, BASE_WORDS, BEFORE_NUMBER, BOTH_PERIODS, BOUND_WORDS, CATALOGUE_QUANTITIES, CHANGE_AFTER_MONEY,
  ASIDE, CHANGE_BY, DIRECTION_WORDS, GENERIC_WORDS, NARRATIVE_CONCEPTS, NOT_A_LEVEL, OR_JOINER, PAIR_JOINER, PERIOD_WORDS, SAME_STATEMENT, SEQUENTIAL_WORDS, SHARE_OF_REVENUE, SHARE_SENTENCE,
  type PeriodRef, type QuantityWords,
} from './vocabulary';
import { matchesOf } from '../filing/text';

// ---------------------------------------------------------------------------------------------
// Mentions

interface Mention {
  start: number;
  end: number;
}
interface NumberMention extends Mention {
  text: string;
  value: Decimal;
  decimals: number;
  percent: boolean;
  scale?: Scale;
}
interface QuantityMention extends Mention {
  words: QuantityWords;
  /** The concept the words name in this release (a dated alias applies: `gross margin` before April 2004 is Adjusted Gross Margin). */
  concept?: string;
  /** `negative Adjusted EBITDA`: a sign word right before the quantity. */
  sign?: { start: number; end: number; negative: boolean };
}
interface PeriodMention extends Mention {
  ref: PeriodRef;
}
interface DirectionMention extends Mention {
  direction: Direction;
}

const FIGURE = /\$\s?((?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?)(?:\s+(million|billion|thousand)\b)?|(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)/gi;
const SCALES: Record<string, Scale> = { million: 'millions', billion: 'billions', thousand: 'thousands' };

function numbersIn(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of matchesOf(FIGURE, text)) {
    const start = m.index ?? 0;
    const digits = m[3] ?? m[1];
    if (!digits || !/\d/.test(digits)) continue;
    const plain = digits.replace(/,/g, '');
    // A money figure inside a longer number (`1-866-...`) or a date is not a figure.
    if (m[3] !== undefined && /[\d.,]$/.test(text.slice(0, start))) continue;
    out.push({
      start,
      end: start + m[0].length,
      text: m[0],
      value: new Decimal(plain.startsWith('.') ? `0${plain}` : plain),
      decimals: (plain.split('.')[1] ?? '').length,
      percent: m[3] !== undefined,
      scale: m[2] ? SCALES[m[2].toLowerCase()] : undefined,
    });
  }
  return out;
}

/** `core customer revenues?|cash` → `core`, `cash`; undefined when an alternative does not start with a literal word of 3 letters or more. */
function anchorsOf(words: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  const alternatives: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const ch = words[i];
    if (ch === '\\') { i++; continue; }
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) { alternatives.push(words.slice(from, i)); from = i + 1; }
  }
  alternatives.push(words.slice(from));
  for (const alt of alternatives) {
    const m = /^[a-z0-9&]+/i.exec(alt);
    if (!m) return undefined;
    // A letter followed by a quantifier is optional: the literal stops before it.
    const quantified = /^[?*{]/.test(alt.slice(m[0].length));
    const word = (quantified ? m[0].slice(0, -1) : m[0]).toLowerCase();
    if (word.length < 3) return undefined;
    out.push(word);
  }
  return out;
}

/** Non-overlapping matches: earliest first, the longest where two start together (then the first listed). */
function pick<T extends Mention>(found: (T & { order: number })[]): T[] {
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.order - b.order);
  const out: T[] = [];
  let end = -1;
  for (const f of found) {
    if (f.start < end) continue;
    out.push(f);
    end = f.end;
  }
  return out;
}

const SIGN_BEFORE = /\b(positive|negative)\s+$/i;

/** Asides (`, which consists of ... ,`, `, excluding depreciation and amortization,`): their words are not what the sentence states. */
function asidesIn(text: string): Mention[] {
  return matchesOf(ASIDE, text).map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/**
 * A vocabulary made ready to search: each phrase's regular expression, and the anchor words one of
 * which a sentence must contain for it to match (each alternative's first literal word, see
 * `anchorsOf`; none when an alternative starts otherwise), as indexes into the vocabulary's
 * distinct anchor words (phrases share them: `net`, `adjusted`).
 */
interface CompiledVocabulary {
  anchors: string[];
  phrases: { re: RegExp; anchors?: number[] }[];
}
const compiled = new WeakMap<QuantityWords[], CompiledVocabulary>();
function compiledVocabulary(vocabulary: QuantityWords[]): CompiledVocabulary {
  let v = compiled.get(vocabulary);
  if (!v) {
    const index = new Map<string, number>();
    const phrases = vocabulary.map((q) => ({
      re: new RegExp(`(?<![a-z0-9&])(?:${q.words})(?![a-z0-9&])`, 'gi'),
      anchors: anchorsOf(q.words)?.map((a) => {
        let i = index.get(a);
        if (i === undefined) index.set(a, (i = index.size));
        return i;
      }),
    }));
    v = { anchors: [...index.keys()], phrases };
    compiled.set(vocabulary, v);
  }
  return v;
}

function quantitiesIn(text: string, vocabulary: QuantityWords[], asides: Mention[], releaseDate: string): QuantityMention[] {
  const found: (QuantityMention & { order: number })[] = [];
  const lower = text.toLowerCase();
  // Most phrases are not in a given sentence: a substring test rules them out before the regular
  // expression runs. Phrases share anchor words (`net`, `adjusted`): each is looked for once per sentence.
  const { anchors, phrases } = compiledVocabulary(vocabulary);
  const present = new Int8Array(anchors.length); // 0 not yet looked for, 1 in the sentence, -1 not
  const inSentence = (a: number): boolean => (present[a] ||= lower.includes(anchors[a]) ? 1 : -1) === 1;
  vocabulary.forEach((words, order) => {
    const { re, anchors: own } = phrases[order];
    if (own && !own.some(inSentence)) return;
    for (const m of matchesOf(re, text)) {
      const start = m.index ?? 0;
      if (asides.some((a) => start >= a.start && start < a.end)) continue;
      found.push({ start, end: start + m[0].length, words, order });
    }
  });
  return pick(found).map((found) => {
    const dated = found.words.concept ? datedConcept(text.slice(found.start, found.end), releaseDate) : undefined;
    const q = { ...found, concept: dated?.id ?? found.words.concept };
    const s = SIGN_BEFORE.exec(text.slice(Math.max(0, q.start - 12), q.start));
    if (!s) return q;
    const at = q.start - (text.slice(Math.max(0, q.start - 12), q.start).length - (s.index ?? 0));
    return { ...q, sign: { start: at, end: at + s[1].length, negative: /^negative$/i.test(s[1]) } };
  });
}

function periodsIn(text: string): PeriodMention[] {
  const found: (PeriodMention & { order: number })[] = [];
  PERIOD_WORDS.forEach((p, order) => {
    for (const m of matchesOf(p.words, text)) {
      const ref = p.read(m as RegExpExecArray);
      if (!ref) continue;
      const start = m.index ?? 0;
      found.push({ start, end: start + m[0].length, ref, order });
    }
  });
  return pick(found);
}

const directionRegexes = DIRECTION_WORDS.map((d) => ({ ...d, re: new RegExp(`\\b(?:${d.words})\\b`, 'gi') }));

function directionsIn(text: string, inside: Mention[]): DirectionMention[] {
  const found: (DirectionMention & { order: number })[] = [];
  directionRegexes.forEach((d, order) => {
    for (const m of matchesOf(d.re, text)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (inside.some((x) => start < x.end && end > x.start)) continue;
      if (d.direction === 'up' && /^up$/i.test(m[0]) && /^\s+to\b/i.test(text.slice(end))) continue; // "up to 61 stores"
      found.push({ start, end, direction: d.direction, order });
    }
  });
  return pick(found);
}

function basesIn(text: string, inside: Mention[], asides: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of matchesOf(BASE_WORDS, text)) {
    const start = m.index ?? 0;
    const end = start + m[0].trimEnd().length;
    if (inside.some((x) => start < x.end && end > x.start)) continue;
    if (asides.some((a) => start >= a.start && start < a.end)) continue;
    out.push({ start, end });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Places: sentence offsets back to lines and columns of the source

/** Maps offsets in a sentence (lines trimmed and joined with one blank) to source lines and columns. */
function locator(lines: NumberedLines, s: Sentence): (offset: number) => { line: number; column: number } {
  const pieces: { offset: number; line: number; column: number; length: number }[] = [];
  let offset = 0;
  let no = s.line;
  while (offset < s.text.length && no <= lines.count) {
    const raw = lines.at(no);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    const rest = s.text.slice(offset);
    // On the first line the sentence may start after another one's end.
    let at = 0;
    if (pieces.length === 0) {
      // The place on the line from which the line's rest and the sentence agree.
      at = -1;
      for (let i = trimmed.indexOf(rest[0]); i >= 0; i = trimmed.indexOf(rest[0], i + 1)) {
        const tail = trimmed.slice(i);
        if (rest.startsWith(tail) || tail.startsWith(rest)) { at = i; break; }
      }
      if (at < 0) at = 0;
    }
    const length = Math.min(trimmed.length - at, rest.length);
    if (length <= 0 && pieces.length > 0) break;
    pieces.push({ offset, line: no, column: lead + at, length });
    offset += length + 1;
    no++;
  }
  return (o) => {
    let p = pieces[0] ?? { offset: 0, line: s.line, column: 0, length: 0 };
    for (const x of pieces) if (x.offset <= o) p = x;
    return { line: p.line, column: p.column + (o - p.offset) };
  };
}

// ---------------------------------------------------------------------------------------------
// Periods: what a phrase means for this release

export interface PeriodContext {
  /** The release's own quarter (`2004Q2`): the newest quarter of its tables. */
  current?: { year: number; quarter: number };
  /** Balance sheet dates the filing prints (a quarter's end for a balance maps to the nearest). */
  instants: string[];
}

function quarterEndDate(year: number, quarter: number): string {
  return isoDate(year, quarter * 3, lastDayOfMonth(year, quarter * 3));
}

function nearestInstant(date: string, instants: string[]): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  let best = date;
  let bestDays = 8;
  for (const i of instants) {
    const d = Math.abs(Date.parse(`${i}T00:00:00Z`) - t) / 86400000;
    if (d < bestDays) { best = i; bestDays = d; }
  }
  return best;
}

/** The period key a reference means for a flow (`2004Q2`) or a balance (`2004-06-30`), relative to the claim's own period where it is relative. */
function resolvePeriod(ref: PeriodRef, instant: boolean, ctx: PeriodContext, relativeTo?: { year: number; quarter: number }): string | undefined {
  const here = relativeTo ?? ctx.current;
  let yq: { year: number; quarter: number } | undefined;
  switch (ref.kind) {
    case 'quarter': {
      const year = ref.year ?? here?.year;
      if (year === undefined) return undefined;
      yq = { year, quarter: ref.quarter };
      break;
    }
    case 'year': {
      const year = ref.year ?? here?.year;
      if (year === undefined) return undefined;
      return instant ? nearestInstant(`${year}-12-31`, ctx.instants) : `FY${year}`;
    }
    case 'months': {
      const year = ref.year ?? here?.year;
      if (year === undefined) return undefined;
      const end = isoDate(year, ref.months, lastDayOfMonth(year, ref.months));
      return instant ? nearestInstant(end, ctx.instants) : duration(ref.months, end).key;
    }
    case 'ended': {
      const date = datesIn(ref.date)[0];
      if (!date) return undefined;
      return instant ? date : duration(ref.months, date).key;
    }
    case 'date': {
      const date = datesIn(ref.date)[0];
      if (!date) return undefined;
      return instant ? date : duration(3, date).key;
    }
    case 'year-ago':
      if (!here) return undefined;
      yq = { year: here.year - 1, quarter: here.quarter };
      break;
    case 'prior-quarter':
      if (!here) return undefined;
      yq = here.quarter === 1 ? { year: here.year - 1, quarter: 4 } : { year: here.year, quarter: here.quarter - 1 };
      break;
    case 'current':
      yq = here;
      break;
    case 'ahead':
    case 'quarter-pair': // resolved figure by figure (`pairOfQuarters`)
      return undefined;
  }
  if (!yq) return undefined;
  return instant ? nearestInstant(quarterEndDate(yq.year, yq.quarter), ctx.instants) : `${yq.year}Q${yq.quarter}`;
}

function quarterOfRef(ref: PeriodRef, ctx: PeriodContext): { year: number; quarter: number } | undefined {
  if (ref.kind === 'quarter') {
    const year = ref.year ?? ctx.current?.year;
    return year === undefined ? undefined : { year, quarter: ref.quarter };
  }
  if (ref.kind === 'current') return ctx.current;
  const key = resolvePeriod(ref, false, ctx);
  const m = key ? /^(\d{4})Q([1-4])$/.exec(key) : null;
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : undefined;
}

/**
 * The period a change of a period that is not a quarter (`the first nine months of 2004`, `the
 * full year`, `the year ended ...`) is compared with: the same span a year earlier for `a year
 * ago` / `the same period` / `annual`; none for `the prior quarter` (no such thing for nine
 * months). Undefined for a quarter's claim: the caller resolves it relative to the quarter.
 */
function baseOfSpan(ref: PeriodRef, baseRef: PeriodRef, instant: boolean, ctx: PeriodContext): { key?: string } | undefined {
  const yearOf = (r: { year?: number }) => r.year ?? ctx.current?.year;
  let shifted: PeriodRef | undefined;
  switch (ref.kind) {
    case 'year':
    case 'months': {
      const year = yearOf(ref);
      shifted = year === undefined ? undefined : { ...ref, year: year - 1 };
      break;
    }
    case 'ended': {
      if (ref.months === 3) return undefined;
      const date = datesIn(ref.date)[0];
      const before = date ? `${Number(date.slice(0, 4)) - 1}${date.slice(4)}` : undefined;
      if (baseRef.kind === 'year-ago') return { key: before ? (instant ? nearestInstant(before, ctx.instants) : duration(ref.months, before).key) : undefined };
      break;
    }
    default:
      return undefined;
  }
  if (baseRef.kind === 'year-ago') return { key: shifted ? resolvePeriod(shifted, instant, ctx) : undefined };
  if (baseRef.kind === 'prior-quarter' || baseRef.kind === 'current') return { key: undefined };
  return undefined;
}

/** The context of a filing: its newest quarter and its balance sheet dates, from its tables' columns. */
export function periodContext(filing: Filing): PeriodContext {
  const periods: Period[] = [];
  for (const t of filing.tables) for (const c of t.columns) if (c.period && c.scenario === 'actual') periods.push(c.period);
  let current: { year: number; quarter: number } | undefined;
  for (const p of periods) {
    const m = /^(\d{4})Q([1-4])$/.exec(p.key);
    if (!m) continue;
    const yq = { year: Number(m[1]), quarter: Number(m[2]) };
    if (!current || yq.year * 4 + yq.quarter > current.year * 4 + current.quarter) current = yq;
  }
  const instants = [...new Set(periods.filter((p) => p.type === 'instant').map((p) => p.key))];
  return { current, instants };
}

// ---------------------------------------------------------------------------------------------
// Reading a sentence

const RANGE_LEAD = /\b(?:between|range of|from)\s*$/i;
const PER_SHARE_AFTER = /^\s*(?:per\s+(?:basic\s+and\s+diluted\s+|diluted\s+|basic\s+)?share|a\s+share)\b/i;
const LEVEL_BEFORE = /\b(?:to|at)\s+$/i;

interface Reading {
  sentence: Sentence;
  text: string;
  numbers: NumberMention[];
  quantities: QuantityMention[];
  periods: PeriodMention[];
  directions: DirectionMention[];
  bases: Mention[];
  /** A forward-looking sentence (`expects`, `guidance`, `outlook`): its ranges are guidance, a figure for a later period a forecast. */
  guidance: boolean;
}

function between(text: string, a: Mention, b: Mention): string {
  return text.slice(a.end, b.start);
}

/** The period a base word introduces: the first period after it (`from the $17.5 million ... in the first quarter of 2004`). */
function isBasePeriod(r: Reading, p: PeriodMention): boolean {
  return r.bases.some((b) => b.end <= p.start && r.periods.find((x) => x.start >= b.end) === p);
}

export interface ReadOptions {
  /** Mpower's release (the catalogue applies) or another company's (plain words only). */
  catalogue: boolean;
  /** Lines of the source file, for column spans. */
  lines: NumberedLines;
  context: PeriodContext;
  /** Read only the sentences this accepts (each then read on its own, with no period or subject carried from the sentences skipped). */
  only?: (s: Sentence) => boolean;
}

interface Draft {
  at: Mention;
  form: Claim['form'];
  quantity?: QuantityMention;
  numberIndex?: number;
  number?: NumberMention;
  high?: NumberMention;
  periodRefs: PeriodRef[];
  baseRef?: PeriodRef;
  direction?: DirectionMention;
  signWord?: Mention;
  bound?: 'more' | 'less';
  guidance: boolean;
  /** Read, but not a statement the tables can check (why). */
  unread?: string;
  /** The period is not named in the sentence: an earlier sentence's, or the release's quarter. */
  impliedPeriod?: boolean;
}

/** The periods a pair (`$0.03 and $0.08`) is stated for in turn: the sentence's amounts so far name exactly two periods, the last two amounts one each in this order; else undefined (which figure is for which period is not said). */
function pairPeriods(drafts: Draft[]): [PeriodRef, PeriodRef] | undefined {
  const seen = new Map<string, PeriodRef>();
  for (const d of drafts) {
    if (d.form !== 'amount') continue;
    for (const ref of d.periodRefs) if (!seen.has(JSON.stringify(ref))) seen.set(JSON.stringify(ref), ref);
  }
  const refs = [...seen.values()];
  // And the two figures just before the pair were stated for them in this order (`$2.1 million for the fourth quarter and $6.3 million for the full year 2004; ... $0.03 and $0.08`).
  const amounts = drafts.filter((d) => d.form === 'amount');
  const [a, b] = amounts.slice(-2).map((d) => (d.periodRefs.length === 1 ? JSON.stringify(d.periodRefs[0]) : ''));
  return refs.length === 2 && a === JSON.stringify(refs[0]) && b === JSON.stringify(refs[1]) ? [refs[0], refs[1]] : undefined;
}

const UNPAIRED = 'a pair of figures (`$a and $b`) whose periods the sentence does not tell apart';

/** The quantity of number `n`: the words right after or right before it; else the previous number's (`$0.02 for the fourth quarter and $0.23 for the full year`) when neither other quantity words nor a comparison (`compared to`) come between; else the sentence's subject. */
function quantityFor(r: Reading, n: Mention, previous: QuantityMention | undefined, share = false, last?: { quantity: QuantityMention; end: number }): QuantityMention | undefined {
  // Words right after the number (`$17.5 million in SG&A expenses`, `2.0% revenue increase`); not the `of revenue` of a share.
  const after = share ? undefined : r.quantities.find((q) => q.start >= n.end && AFTER_NUMBER.test(r.text.slice(n.end, q.start)));
  if (after) return after;
  // Words right before it (`Capital expenditures were $1.8 million`, `cash by more than $3 million`).
  const before = [...r.quantities].reverse().find((q) => q.end <= n.start && BEFORE_NUMBER.test(r.text.slice(q.end, n.start)));
  if (before) return before;
  if (last && !r.quantities.some((q) => q.start >= last.end && q.start < n.start) && !r.bases.some((b) => b.start >= last.end && b.start < n.start)) return last.quantity;
  // The sentence's subject, else the one before.
  return r.quantities.find((q) => q.end <= n.start) ?? previous ?? r.quantities[0];
}

function boundOf(r: Reading, n: NumberMention): 'more' | 'less' | undefined {
  const lead = r.text.slice(Math.max(0, n.start - 24), n.start);
  for (const b of BOUND_WORDS) if (b.words.test(lead)) return b.bound;
  return undefined;
}

/** A direction word bound to number `i`: right after it (`3.8% increase`), or right before (`up 2.5%`, `increased revenue ... by 3.6%`). */
function directionFor(r: Reading, i: number, used: Set<DirectionMention>): DirectionMention | undefined {
  const n = r.numbers[i];
  const next = r.numbers[i + 1];
  const prev = r.numbers[i - 1];
  const after = r.directions.find((d) => d.start >= n.end && (!next || d.start < next.start) && /^\s*(?:(?:annual|year-over-year|sequential|[a-z&]+)\s+)?$/i.test(stripQuantities(r, n.end, d.start)));
  if (after && !used.has(after)) return after;
  const before = [...r.directions].reverse().find((d) => d.end <= n.start && (!prev || d.start > prev.end));
  if (before && !used.has(before)) {
    const gap = stripQuantities(r, before.end, n.start);
    if (/^\s*(?:by\s+)?(?:(?:more|less) than\s+|approximately\s+|about\s+)?$/i.test(gap)) return before;
  }
  return undefined;
}

/** The text between two offsets with quantity words taken out. */
function stripQuantities(r: Reading, from: number, to: number): string {
  let s = '';
  let at = from;
  for (const q of r.quantities) {
    if (q.end <= from || q.start >= to) continue;
    s += r.text.slice(at, Math.max(at, q.start));
    at = Math.min(to, q.end);
  }
  return s + r.text.slice(at, to);
}

/** Periods stated for number `i`: after it, before the next number (all of them after `for both`); else none. */
function periodsAfter(r: Reading, i: number): PeriodMention[] {
  const n = r.numbers[i];
  const next = r.numbers[i + 1];
  const list = r.periods.filter((p) => p.start >= n.end && (!next || p.start < next.start));
  // `net income of $309 million, or $1.04 per share ... in the second quarter of 2003`: one statement, one period.
  if (list.length === 0 && next && OR_JOINER.test(between(r.text, n, next))) return periodsAfter(r, i + 1);
  if (list.length === 0) return [];
  if (BOTH_PERIODS.test(r.text.slice(n.end, list[0].start))) return list;
  return [list[0]];
}

/** The base of a change bound to number `i`: the first period after the next base word (`over`, `from`), or the year before (`annual`). */
function baseFor(r: Reading, from: number, lead: number): PeriodRef | undefined {
  if (ANNUAL_WORDS.test(r.text.slice(Math.max(0, lead), from + 24))) return { kind: 'year-ago' };
  if (SEQUENTIAL_WORDS.test(r.text.slice(Math.max(0, lead), from + 24))) return { kind: 'prior-quarter' };
  const b = r.bases.find((x) => x.start >= from);
  if (!b) return undefined;
  return r.periods.find((p) => p.start >= b.end)?.ref;
}

function readSentence(r: Reading, opts: ReadOptions, state: { main?: PeriodRef; subject?: QuantityMention }): Draft[] {
  const drafts: Draft[] = [];
  const used = new Set<DirectionMention>();
  const guidance = r.guidance;
  const shareSentence = SHARE_SENTENCE.test(r.text);
  // The sentence's own period: the first one not introduced by a base word.
  const mainMention = r.periods.find((p) => !isBasePeriod(r, p));
  const main: PeriodRef = mainMention?.ref ?? state.main ?? { kind: 'current' };
  let lastPercentForm: Claim['form'] | undefined;
  let lastChange: Draft | undefined;
  /** The period the second figure of a pair is stated for (or why it has none), by its index. */
  let pairPeriod: { index: number; ref?: PeriodRef } | undefined;
  const lastBound = () => {
    const d = drafts[drafts.length - 1];
    return d?.quantity && d.number ? { quantity: d.quantity, end: (d.high ?? d.number).end } : undefined;
  };
  /** `$20.3 million in the fourth quarter of 2003, or 55% of revenue`: the previous figure's periods. */
  const sameStatement = (i: number): PeriodRef[] | undefined => {
    const d = drafts[drafts.length - 1];
    return i > 0 && d?.numberIndex === i - 1 && SAME_STATEMENT.test(r.text.slice(r.numbers[i - 1].end, r.numbers[i].start)) ? d.periodRefs : undefined;
  };
  for (let i = 0; i < r.numbers.length; i++) {
    const n = r.numbers[i];
    const next = r.numbers[i + 1];
    const quantity = quantityFor(r, n, state.subject, false, lastBound());
    const bound = boundOf(r, n);
    // A guidance range: two money figures joined by `to` / `and`.
    if (!n.percent && next && !next.percent && RANGE_JOINER.test(between(r.text, n, next)) && (guidance || RANGE_LEAD.test(r.text.slice(Math.max(0, n.start - 12), n.start)))) {
      const before = [...r.periods].reverse().find((p) => p.end <= n.start);
      const q = [...r.quantities].reverse().find((x) => x.end <= n.start) ?? quantity;
      drafts.push({ at: n, form: 'range', quantity: q, number: n, high: next, numberIndex: i, periodRefs: before ? [before.ref] : main ? [main] : [], guidance: true });
      i++;
      continue;
    }
    if (n.percent) {
      const afterText = r.text.slice(n.end);
      const dir = directionFor(r, i, used);
      const share = SHARE_OF_REVENUE.test(afterText) || (shareSentence && !dir) || (!dir && lastPercentForm === 'share');
      if (share) {
        const own = periodsAfter(r, i);
        const refs = own.length ? own.map((p) => p.ref) : sameStatement(i) ?? [main];
        drafts.push({ at: n, form: 'share', quantity: quantityFor(r, n, state.subject, true, lastBound()), number: n, numberIndex: i, periodRefs: refs, guidance: false });
        lastPercentForm = 'share';
        continue;
      }
      const inherited = !dir && lastChange && /^\s*(?:over|from|compared|versus|than)\b/i.test(afterText) ? lastChange.direction : undefined;
      if (dir || inherited || /^\s*(?:over|from)\b/i.test(afterText)) {
        if (dir) used.add(dir);
        const lead = dir && dir.end <= n.start ? dir.start : n.start;
        const d: Draft = { at: n, form: 'change', quantity, number: n, numberIndex: i, periodRefs: main ? [main] : [], baseRef: baseFor(r, n.end, lead), direction: dir ?? inherited, bound, guidance: false };
        drafts.push(d);
        lastChange = d;
        lastPercentForm = 'change';
        continue;
      }
      // A percentage level (`increased to 27.9 percent in the current year`).
      const own = periodsAfter(r, i);
      drafts.push({ at: n, form: 'amount', quantity, number: n, numberIndex: i, periodRefs: own.length ? own.map((p) => p.ref) : main ? [main] : [], bound, guidance: false });
      lastPercentForm = 'amount';
      continue;
    }
    // Money: a change (`$3.1 million higher than`, `increased cash by more than $3 million`) or a level.
    const afterText = r.text.slice(n.end);
    const changeAfter = CHANGE_AFTER_MONEY.test(afterText);
    const dir = directionFor(r, i, used);
    const byBefore = CHANGE_BY.test(r.text.slice(Math.max(0, n.start - 30), n.start));
    if ((changeAfter && dir && dir.start >= n.end) || (dir && dir.end <= n.start && byBefore)) {
      used.add(dir);
      const lead = dir.end <= n.start ? dir.start : n.start;
      const d: Draft = { at: n, form: 'change', quantity, number: n, numberIndex: i, periodRefs: main ? [main] : [], baseRef: baseFor(r, n.end, lead), direction: dir, bound, guidance: false };
      drafts.push(d);
      lastChange = d;
      continue;
    }
    const own = periodsAfter(r, i).map((p) => p.ref);
    let unread: string | undefined;
    let refs: PeriodRef[] | undefined;
    // `$a and $b`: the next figure's own periods say how the pair is stated.
    const nextOwn = next && PAIR_JOINER.test(between(r.text, n, next)) ? periodsAfter(r, i + 1) : undefined;
    // `$38.5 million and $37.2 million for the second and first quarters of 2004`: one quarter each, in turn.
    const quarters = nextOwn?.[0]?.ref;
    if (quarters?.kind === 'quarter-pair') {
      refs = [{ kind: 'quarter', quarter: quarters.quarters[0], year: quarters.year }];
      pairPeriod = { index: i + 1, ref: { kind: 'quarter', quarter: quarters.quarters[1], year: quarters.year } };
    } else if (own.length && own[0].kind !== 'quarter-pair') {
      refs = own;
    } else if (own.length === 0) {
      refs = sameStatement(i);
    } else if (pairPeriod?.index !== i) {
      unread = 'one figure stated for two quarters at once';
    }
    if (!refs && pairPeriod?.index === i) {
      if (pairPeriod.ref) refs = [pairPeriod.ref];
      else unread = UNPAIRED;
    }
    if (!refs && !unread && nextOwn?.length === 0 && !next?.percent) {
      const pair = pairPeriods(drafts);
      if (pair) refs = [pair[0]];
      else unread = UNPAIRED;
      pairPeriod = { index: i + 1, ref: pair?.[1] };
    }
    if (!refs) {
      const before = [...r.periods].reverse().find((p) => p.end <= n.start && !isBasePeriod(r, p));
      refs = before ? [before.ref] : [main];
    }
    unread ??= NOT_A_LEVEL.find((x) => x.after.test(afterText))?.why;
    drafts.push({ at: n, form: 'amount', quantity, number: n, numberIndex: i, periodRefs: refs, bound, guidance: guidance && !!quantity?.words.guidance, signWord: quantity?.sign, ...(unread ? { unread } : {}) });
  }
  // Direction words bound to no number: comparisons (`down from`, `essentially even with`, `exceeds ... guidance`).
  for (const d of r.directions) {
    if (used.has(d)) continue;
    const rest = r.text.slice(d.end);
    if (d.direction === 'above' || d.direction === 'below') {
      const q = r.quantities.find((x) => x.start >= d.end && x.words.guidance && x.start - d.end < 40);
      if (!q) continue;
      const p = r.periods.find((x) => Math.abs(x.start - q.end) < 20 || Math.abs(q.start - x.end) < 12);
      drafts.push({ at: d, form: 'comparison', quantity: q, periodRefs: p ? [p.ref] : main ? [main] : [], direction: d, guidance: true });
      continue;
    }
    const isComparison = d.direction === 'even' || /^\s*(?:from|over|compared (?:to|with)|than)\b/i.test(rest);
    if (!isComparison) continue;
    const q = r.quantities.find((x) => x.start >= d.end) && d.direction !== 'even' ? quantityAfterBase(r, d) : undefined;
    const subject = r.quantities[0] ?? state.subject;
    drafts.push({ at: d, form: 'comparison', quantity: q ?? subject, periodRefs: main ? [main] : [], baseRef: r.periods.find((p) => p.start >= d.end)?.ref, direction: d, guidance: false });
  }
  drafts.sort((a, b) => a.at.start - b.at.start);
  if (!mainMention) for (const d of drafts) if (d.periodRefs.includes(main)) d.impliedPeriod = true;
  if (mainMention) state.main = mainMention.ref;
  if (r.quantities[0]) state.subject = r.quantities[0];
  return drafts;
}

/** `down from the $3.2 million in Adjusted EBITDA`: the quantity named with the base, when it is named there. */
function quantityAfterBase(r: Reading, d: Mention): QuantityMention | undefined {
  const n = r.numbers.find((x) => x.start >= d.end && x.start - d.end < 20);
  if (!n) return undefined;
  return r.quantities.find((q) => q.start >= n.end && AFTER_NUMBER.test(r.text.slice(n.end, q.start)));
}

// ---------------------------------------------------------------------------------------------
// From drafts to claims

function concept(q: QuantityMention | undefined): string | undefined {
  return q?.concept;
}

function isInstant(conceptId: string | undefined): boolean {
  if (!conceptId) return false;
  const c = conceptById(conceptId) ?? NARRATIVE_CONCEPTS.find((x) => x.id === conceptId);
  return c?.periodType === 'instant';
}

function quantityName(q: QuantityMention): string {
  const id = q.concept;
  const c = id ? conceptById(id) ?? NARRATIVE_CONCEPTS.find((x) => x.id === id) : undefined;
  return c?.name ?? q.words.name ?? '';
}

function span(r: Reading, at: (o: number) => { line: number; column: number }, m: Mention): TextSpan {
  const a = at(m.start);
  // Words wrapped onto the next line: the span covers their part on the first line.
  let last = m.end - 1;
  while (last > m.start && at(last).line !== a.line) last--;
  while (last > m.start && /\s/.test(r.text[last])) last--;
  return { line: a.line, span: [a.column, at(last).column + 1], text: r.text.slice(m.start, m.end) };
}

function claimedNumber(r: Reading, at: (o: number) => { line: number; column: number }, n: NumberMention, q: QuantityMention | undefined, bound?: 'more' | 'less'): ClaimedNumber {
  const c = q?.concept ? conceptById(q.concept) : undefined;
  const perShare = !n.percent && n.scale === undefined && (c?.kind === 'per-share' || PER_SHARE_AFTER.test(r.text.slice(n.end)));
  const reader = r.sentence.numbers.find((x) => x.amount.text === n.text.trim());
  return {
    ...span(r, at, n),
    value: n.value,
    kind: n.percent ? 'percent' : perShare ? 'per-share' : 'money',
    decimals: n.decimals,
    scale: n.percent || perShare ? 'units' : n.scale ?? reader?.scale ?? 'units',
    ...(bound ? { bound } : {}),
  };
}

/**
 * A claim's id from its place, `L21C20` (line 21, column 20 of its number or word), so an id
 * accepted once still names the same claim after the reader or the prose elsewhere changes; the
 * second claim of one number (one figure for two periods) is `L21C20-2`.
 */
function claimId(where: TextSpan, ids: Set<string>): string {
  const at = `L${where.line}C${where.span[0]}`;
  let id = at;
  for (let k = 2; ids.has(id); k++) id = `${at}-${k}`;
  ids.add(id);
  return id;
}

/** Reads every claim of a filing's narrative (notes under tables are facts, not claims). */
export function readClaims(filing: Filing, opts: ReadOptions): Claim[] {
  const vocabulary = opts.catalogue ? CATALOGUE_QUANTITIES : GENERIC_WORDS;
  const out: Claim[] = [];
  const state: { main?: PeriodRef; subject?: QuantityMention } = {};
  const ids = new Set<string>();
  for (const sentence of filing.sentences) {
    if (sentence.kind !== 'narrative' || (opts.only && !opts.only(sentence))) continue;
    const text = sentence.text;
    if (!/\d|\b(?:even|flat|unchanged|exceed|down|up|improv)/i.test(text)) continue;
    const numbers = numbersIn(text);
    const asides = asidesIn(text);
    const quantities = quantitiesIn(text, vocabulary, asides, filing.date);
    const periods = periodsIn(text);
    const directions = directionsIn(text, [...quantities, ...periods]);
    const bases = basesIn(text, [...quantities, ...periods], asides);
    if (numbers.length === 0 && directions.length === 0) continue;
    const r: Reading = { sentence, text, numbers, quantities, periods, directions, bases, guidance: GUIDANCE_SENTENCE.test(text) };
    const at = locator(opts.lines, sentence);
    for (const d of readSentence(r, opts, state)) {
      const q = d.quantity;
      const conceptId = concept(q);
      const instant = isInstant(conceptId);
      const refs = d.periodRefs.length ? d.periodRefs : [undefined];
      for (const ref of refs) {
        const period = ref ? resolvePeriod(ref, instant, opts.context) : undefined;
        const here = ref ? quarterOfRef(ref, opts.context) : undefined;
        const spanBase = ref && d.baseRef ? baseOfSpan(ref, d.baseRef, instant, opts.context) : undefined;
        const base = spanBase ? spanBase.key : d.baseRef ? resolvePeriod(d.baseRef, instant, opts.context, here) : undefined;
        const where = span(r, at, d.at);
        const quantity: ClaimQuantity = q
          ? { ...span(r, at, q), concept: conceptId, name: quantityName(q) || q.words.name || r.text.slice(q.start, q.end), loss: !!q.words.loss || !!q.sign?.negative, ...(q.words.labels ? { labels: q.words.labels } : {}) }
          : { line: where.line, span: where.span, text: '', name: '', loss: false };
        // In a forward-looking sentence a figure for a period after the release's is a forecast.
        const ahead = ref?.kind === 'ahead' || (r.guidance && d.form !== 'range' && period !== undefined && opts.context.current !== undefined && (spanOfKey(period)?.end ?? '') > quarterEndDate(opts.context.current.year, opts.context.current.quarter));
        const unread = d.unread ?? (ahead ? 'a forecast for a period after the release: no actual figure to check it by' : !q ? 'no quantity named' : !period ? 'no period stated or implied' : (d.form === 'change' || d.form === 'comparison') && !base && d.direction?.direction !== 'above' && d.direction?.direction !== 'below' ? 'no period compared with' : undefined);
        const claim: Claim = {
          id: claimId(where, ids),
          file: filing.file,
          sentence: text,
          sentenceLine: sentence.line,
          sentenceSpan: [d.at.start, d.high ? d.high.end : d.at.end],
          line: where.line,
          span: where.span,
          form: d.form,
          quantity,
          ...(period ? { period } : {}),
          ...(base ? { base } : {}),
          scenario: d.form === 'range' ? 'guidance-low' : 'actual',
          ...(d.number ? { claimed: claimedNumber(r, at, d.number, q, d.bound) } : {}),
          ...(d.high ? { high: claimedNumber(r, at, d.high, q) } : {}),
          ...(d.direction ? { direction: d.direction.direction, directionWord: span(r, at, d.direction) } : {}),
          ...(d.signWord ? { directionWord: span(r, at, d.signWord) } : {}),
          ...(unread ? { unread } : {}),
          ...(d.impliedPeriod ? { periodImplied: true } : {}),
        };
        if (d.guidance && d.form === 'comparison') claim.scenario = 'guidance-high';
        out.push(claim);
      }
    }
  }
  return out;
}
