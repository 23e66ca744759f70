/**
 * The words of claims, as data: which words name a quantity (Mpower's own phrases, the concept
 * catalogue's labels, and plain financial words any release uses), which name a period, which
 * state a direction, which introduce the period compared with, and which hedge a number.
 * `claims.ts` reads sentences with these lists; nothing here is a code path.
 */
import { CONCEPTS, type ConceptDef } from '../model/concepts';
import type { Direction } from './types';

export interface QuantityWords {
  /** Regular expression source, matched case-insensitively on word boundaries. */
  words: string;
  /** Concept id; undefined for catalogue-free words (other companies' releases). */
  concept?: string;
  /** Name shown for catalogue-free words. */
  name?: string;
  /** The words name a loss: the number stated is a negative amount of the concept. */
  loss?: boolean;
  /** The words name guidance (`Adjusted EBITDA guidance`). */
  guidance?: boolean;
  /** Catalogue-free words: the row labels of another company's tables they may stand for, first match wins. */
  labels?: string[];
}

/**
 * Concepts stated only in prose, with no table line: their figures become narrative facts with
 * their provenance (so `=MPWR.VALUE("capital_expenditures", "Q2 2004")` answers).
 */
export const NARRATIVE_CONCEPTS: ConceptDef[] = [
  { id: 'capital_expenditures', name: 'Capital expenditures', aliases: ['capital expenditures'], kind: 'money', statement: 'operations', nature: 'expense', periodType: 'duration' },
];

/** Mpower's phrases, longest first where one contains another. */
const MPWR_WORDS: QuantityWords[] = [
  { words: 'core customer revenues?', concept: 'revenue_core_customer' },
  { words: 'switched access revenues?', concept: 'revenue_switched_access' },
  { words: 'revenues? from continuing operations', concept: 'revenue_total' },
  { words: 'revenue guidance', concept: 'revenue_total', guidance: true },
  { words: 'adjusted gross margin(?: from continuing operations)?', concept: 'adjusted_gross_margin' },
  { words: 'gross margin(?: \\(gaap\\))?(?: including depreciation and amortization)?', concept: 'gross_margin' },
  { words: 'selling, general and administrative \\(sg&a\\) expenses(?: from continuing operations)?', concept: 'sga' },
  { words: 'sg&a(?: expenses)?', concept: 'sga' },
  { words: 'adjusted ebitda loss', concept: 'adjusted_ebitda', loss: true },
  { words: 'adjusted ebitda guidance', concept: 'adjusted_ebitda', guidance: true },
  { words: 'adjusted ebitda', concept: 'adjusted_ebitda' },
  { words: '(?:basic and diluted )?loss per share before discontinued operations', concept: 'eps_loss_before_discontinued', loss: true },
  { words: '(?:basic and diluted )?net loss per share', concept: 'eps_net_loss_basic_diluted', loss: true },
  { words: 'loss from continuing operations', concept: 'loss_from_continuing_operations', loss: true },
  { words: 'loss before discontinued operations', concept: 'loss_before_discontinued_operations', loss: true },
  { words: 'net loss', concept: 'net_loss', loss: true },
  { words: 'net income', concept: 'net_loss' },
  { words: 'unrestricted cash|cash balance|cash and cash equivalents|cash', concept: 'cash_and_equivalents' },
  { words: 'capital expenditures', concept: 'capital_expenditures' },
  { words: 'total revenues?|revenues?', concept: 'revenue_total' },
];

/** Plain words of any release, tied to no concept (claims of other companies link only to their own filing's lines). */
export const GENERIC_WORDS: QuantityWords[] = [
  { words: 'net sales', name: 'net sales', labels: ['net sales', 'sales net of returns and allowances', 'sales', 'revenues'] },
  { words: 'comparable store sales', name: 'comparable store sales' },
  { words: 'merchandise sales and services revenues', name: 'merchandise sales and services revenues', labels: ['merchandise sales and services'] },
  { words: '(?:operating )?revenues?', name: 'revenues', labels: ['revenues', 'net sales', 'operating revenues', 'net revenues', 'sales net of returns and allowances'] },
  { words: 'gross margin rate', name: 'gross margin rate' },
  { words: 'gross margin', name: 'gross margin', labels: ['gross margin', 'gross profit'] },
  { words: 'selling and administrative expenses', name: 'selling and administrative expenses', labels: ['selling and administrative'] },
  { words: 'operating expenses', name: 'operating expenses' },
  { words: 'operating income', name: 'operating income', labels: ['operating income', 'income from operations'] },
  { words: 'operating loss', name: 'operating income', loss: true, labels: ['operating income', 'income from operations'] },
  { words: 'net income|net profit|net earnings', name: 'net income', labels: ['net income', 'consolidated net income', 'net earnings'] },
  { words: 'net loss', name: 'net income', loss: true, labels: ['net income'] },
  { words: 'earnings', name: 'earnings', labels: ['net income', 'consolidated net income'] },
  { words: 'per basic share', name: 'earnings per share (basic)', labels: ['basic', 'basic earnings per share', 'earnings per share basic'] },
  { words: 'per diluted share|diluted earnings per share', name: 'earnings per share (diluted)', labels: ['diluted', 'diluted earnings per share', 'earnings per share diluted'] },
  { words: '(?:basic )?earnings per share|per share', name: 'earnings per share', labels: ['earnings per share', 'basic', 'diluted'] },
  { words: 'cash(?:,? cash equivalents)?(?: and (?:short-term )?investments)?', name: 'cash' },
  { words: 'capital expenditures', name: 'capital expenditures' },
];

function escapeWords(label: string): string {
  return label
    .split(' ')
    .map((w) => (w === 'and' ? '(?:and|&)' : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('[\\s,-]+');
}

/** The catalogue's labels as phrases (after Mpower's own words, so `net loss per share` wins over `net loss`). */
const CATALOGUE_WORDS: QuantityWords[] = CONCEPTS.flatMap((c) =>
  c.aliases
    .filter((a) => !a.includes('*') && a.split(' ').length >= 2 && !a.includes('%'))
    .map((a) => ({ words: escapeWords(a), concept: c.id })),
);

/** Words for Mpower's releases (the catalogue applies): own phrases, then catalogue labels. */
export const CATALOGUE_QUANTITIES: QuantityWords[] = [...MPWR_WORDS, ...CATALOGUE_WORDS];

/** A share of a quantity in revenue, and the percentage concept that prints it. */
export const SHARE_OF_REVENUE = /^\s*of\s+(?:total\s+)?(?:operating\s+)?(?:revenues?|sales|net sales)\b/i;
export const SHARE_CONCEPTS: Record<string, string> = {
  adjusted_gross_margin: 'adjusted_gross_margin_pct',
  adjusted_ebitda: 'adjusted_ebitda_margin',
};
/** The concept a share is a share of. */
export const SHARE_DENOMINATOR = 'revenue_total';
/** A sentence stating shares of revenue (`as a percentage of revenues`), where each percent is a share. */
export const SHARE_SENTENCE = /\bas a percent(?:age)? of (?:total )?(?:net )?(?:revenues?|sales)\b/i;

export interface DirectionWords {
  words: string;
  direction: Direction;
  /** The word that says the opposite (used by tests that flip a claim's direction). */
  flip: string;
}

/** Direction words, longest first. `better`/`worse` read with the quantity's sign: an improvement in a cost is a decrease. */
export const DIRECTION_WORDS: DirectionWords[] = [
  { words: 'essentially (?:even|flat) with', direction: 'even', flip: 'well up from' },
  { words: 'essentially unchanged from', direction: 'even', flip: 'well up from' },
  { words: 'flat with', direction: 'even', flip: 'up from' },
  { words: 'increased', direction: 'up', flip: 'decreased' },
  { words: 'increases?', direction: 'up', flip: 'decrease' },
  { words: 'decreased', direction: 'down', flip: 'increased' },
  { words: 'decreases?', direction: 'down', flip: 'increase' },
  { words: 'rose', direction: 'up', flip: 'fell' },
  { words: 'fell', direction: 'down', flip: 'rose' },
  { words: 'grew', direction: 'up', flip: 'shrank' },
  { words: 'growth', direction: 'up', flip: 'decline' },
  { words: 'declined', direction: 'down', flip: 'increased' },
  { words: 'declines?', direction: 'down', flip: 'increase' },
  { words: 'higher', direction: 'up', flip: 'lower' },
  { words: 'lower', direction: 'down', flip: 'higher' },
  { words: 'up', direction: 'up', flip: 'down' },
  { words: 'down', direction: 'down', flip: 'up' },
  { words: 'improvements?|improved', direction: 'better', flip: 'deterioration' },
  { words: 'deterioration|worsened', direction: 'worse', flip: 'improvement' },
  { words: 'exceed(?:ed|s)?', direction: 'above', flip: 'missed' },
  { words: 'missed|fell short of', direction: 'below', flip: 'exceeded' },
];

/** Words that introduce the period compared with: `over`, `from`, `compared to`, `than` (not the `from` of `gross margin from continuing operations`). */
export const BASE_WORDS = /\b(?:over|from(?!\s+continuing\s+operations)|compared (?:to|with)|than|versus|vs\.)\s/gi;

/** Words before a number that hedge it. */
export const BOUND_WORDS: { words: RegExp; bound?: 'more' | 'less' }[] = [
  { words: /\b(?:more than|over|in excess of|above)\s*$/i, bound: 'more' },
  { words: /\b(?:less than|under|below)\s*$/i, bound: 'less' },
  { words: /\b(?:approximately|about|nearly|almost|roughly|some)\s*$/i },
];

/** A change is `essentially even` when it is within this many percent of the base. */
export const EVEN_PERCENT = 1;

/** What may stand between a number and the quantity words right after it (`$17.5 million in SG&A expenses`, `2.0% revenue increase`). */
export const AFTER_NUMBER = /^\s*(?:(?:in|of|annual|year-over-year)\s+)*$/i;
/** What may stand between quantity words and the number right after them (`Capital expenditures were $1.8 million`). */
export const BEFORE_NUMBER = /^\s*(?:(?:was|were|is|are|of|at|by|totaled|totalled|reached|rose to|increased to|to|approximately|about|more than|,)\s*)*$/i;

/** An aside: `, which consists of ... ,`, `, excluding depreciation and amortization,`. */
export const ASIDE = /,\s*(?:which|excluding|including|that|who|net of)\b[^,]*,/gi;

/** A number of money followed by these words states a change (`$3.1 million higher than`). */
export const CHANGE_AFTER_MONEY = /^\s*(?:higher|lower|more|less|above|below)\s+than\b|^\s*(?:increase|decrease|improvement|decline)\b/i;
/** A number of money after a direction word and `by` states a change (`increased cash by more than $3 million`). */
export const CHANGE_BY = /\bby\s+(?:(?:more|less) than\s+|approximately\s+|about\s+)?$/i;
/** Money figures that are not a level of the quantity named with them: they are read and left unlinked, with the reason. */
export const NOT_A_LEVEL: { after: RegExp; why: string }[] = [
  { after: /^\s*of\s+(?:[a-z&]+\s+){1,4}(?:is|was|were|are|has been|have been)\s+reclassified\b/i, why: 'an amount reclassified between lines, not a level of either line' },
];

/** Between two figures: `..., or 55% of revenue`: the second states the first one's period too. */
export const SAME_STATEMENT = /,\s*or\s*$/i;
/** The whole gap between two figures of one statement (`$309 million, or $1.04 per share`): the first takes the second's period. */
export const OR_JOINER = /^\s*,?\s*or\s*$/i;
/** Between two figures: `$0.03 and $0.08`: a pair, stated for the sentence's two periods in turn (`respectively`). */
export const PAIR_JOINER = /^\s*and\s*$/i;

/** `for both the second quarter of 2004 and the first quarter of 2004`: one number, several periods. */
export const BOTH_PERIODS = /\bfor\s+both\b/i;
/** `annual increase`, `year-over-year`: compared with the same period a year earlier. */
export const ANNUAL_WORDS = /\b(?:annual|year[- ]over[- ]year|from a year ago)\b/i;
/** `sequential`: compared with the quarter before. */
export const SEQUENTIAL_WORDS = /\bsequential(?:ly)?\b/i;

/** A period as the prose names it, before it is resolved against the release's own periods. */
export type PeriodRef =
  | { kind: 'quarter'; quarter: number; year?: number }
  /** `the second and first quarters of 2004`: two quarters, for a pair of figures in turn. */
  | { kind: 'quarter-pair'; quarters: [number, number]; year?: number }
  | { kind: 'year'; year?: number }
  /** `the first nine months of 2004`: the months from the start of the (calendar) year. */
  | { kind: 'months'; months: number; year?: number }
  | { kind: 'ended'; date: string; months: number }
  | { kind: 'date'; date: string }
  | { kind: 'year-ago' }
  | { kind: 'prior-quarter' }
  | { kind: 'current' }
  /** `the next nine months`, `the coming year`: a period after the release, which no table prints. */
  | { kind: 'ahead' };

const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
const YEAR = '((?:19|20)\\d\\d)';
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE = `(${MONTH}\\s+\\d{1,2},?\\s+(?:19|20)\\d\\d)`;

export interface PeriodWords {
  words: RegExp;
  read: (m: RegExpExecArray) => PeriodRef | undefined;
}

/** Period phrases, tried in order at each place; the longest match wins. */
export const PERIOD_WORDS: PeriodWords[] = [
  { words: new RegExp(`\\b(?:the\\s+)?(first|second|third|fourth)\\s+and\\s+(first|second|third|fourth)\\s+quarters(?:\\s+(?:of\\s+)?(?:fiscal\\s+)?${YEAR})?`, 'gi'),
    read: (m) => ({ kind: 'quarter-pair', quarters: [ORDINAL[m[1].toLowerCase()], ORDINAL[m[2].toLowerCase()]], year: m[3] ? Number(m[3]) : undefined }) },
  { words: new RegExp(`\\b(?:the\\s+)?(?:end\\s+of\\s+(?:the\\s+)?)?(first|second|third|fourth)[\\s-]+quarter(?:\\s+(?:of\\s+)?(?:fiscal\\s+)?${YEAR})?`, 'gi'),
    read: (m) => ({ kind: 'quarter', quarter: ORDINAL[m[1].toLowerCase()], year: m[2] ? Number(m[2]) : undefined }) },
  { words: new RegExp(`\\b(?:the\\s+)?${YEAR}\\s+(first|second|third|fourth)\\s+quarter`, 'gi'),
    read: (m) => ({ kind: 'quarter', quarter: ORDINAL[m[2].toLowerCase()], year: Number(m[1]) }) },
  { words: new RegExp(`\\bQ([1-4])\\s*(?:of\\s+)?${YEAR}`, 'gi'),
    read: (m) => ({ kind: 'quarter', quarter: Number(m[1]), year: Number(m[2]) }) },
  { words: new RegExp(`\\b(?:the\\s+)?(?:quarter|three months|13 weeks)\\s+ended\\s+${DATE}`, 'gi'),
    read: (m) => ({ kind: 'ended', date: m[1], months: 3 }) },
  { words: new RegExp(`\\b(?:the\\s+)?(?:fiscal\\s+)?(?:year|twelve months|52 weeks)\\s+ended\\s+${DATE}`, 'gi'),
    read: (m) => ({ kind: 'ended', date: m[1], months: 12 }) },
  { words: new RegExp(`\\b(?:the\\s+)?(six|nine)\\s+months\\s+ended\\s+${DATE}`, 'gi'),
    read: (m) => ({ kind: 'ended', date: m[2], months: m[1].toLowerCase() === 'six' ? 6 : 9 }) },
  { words: new RegExp(`\\b(?:the\\s+)?(?:full[- ]year|fiscal(?:\\s+year)?|calendar\\s+year|year)\\s+${YEAR}`, 'gi'),
    read: (m) => ({ kind: 'year', year: Number(m[1]) }) },
  { words: /\b(?:the\s+)?full[- ]year\b/gi, read: () => ({ kind: 'year' }) },
  // `the first nine months (of 2004)`, `nine months of 2004`; not `the next nine months`.
  { words: new RegExp(`\\b(?:the\\s+)?(?:first\\s+(six|nine)\\s+months(?:\\s+of\\s+(?:fiscal\\s+)?${YEAR})?|(?<!\\b(?:next|coming|remaining|past|last)\\s+)(six|nine)\\s+months\\s+of\\s+(?:fiscal\\s+)?${YEAR})`, 'gi'),
    read: (m) => ({ kind: 'months', months: (m[1] ?? m[3]).toLowerCase() === 'six' ? 6 : 9, year: m[2] ?? m[4] ? Number(m[2] ?? m[4]) : undefined }) },
  { words: /\b(?:the\s+)?(?:year[- ]ago|prior[- ]year|previous[- ]year|same)\s+(?:quarter|period)(?:\s+(?:of|in|last)\s+(?:the\s+)?(?:prior\s+|previous\s+)?year)?|\b(?:the\s+)?prior\s+year\b/gi,
    read: () => ({ kind: 'year-ago' }) },
  { words: /\b(?:the\s+)?(?:prior|previous|preceding|last|sequential)\s+quarter\b/gi, read: () => ({ kind: 'prior-quarter' }) },
  { words: /\b(?:the\s+)?(?:current[- ]year\s+quarter|current\s+quarter|this\s+quarter|the\s+quarter|current\s+year)\b/gi, read: () => ({ kind: 'current' }) },
  { words: /\b(?:the\s+)?(?:next|coming|remaining|following)\s+(?:(?:three|six|nine|twelve|\d+)\s+)?(?:months?|quarters?|years?)\b/gi, read: () => ({ kind: 'ahead' }) },
  { words: new RegExp(`\\b(?:as\\s+of\\s+|at\\s+)?${DATE}`, 'gi'), read: (m) => ({ kind: 'date', date: m[1] }) },
];
