/**
 * Claims: the numeric statements of a release's prose ("revenue ... rose 3.6% over the first
 * quarter of 2004 to $38.5 million"), each read into what it states (a quantity, a period, a form
 * and a number or a direction) and judged against the Dataset at its own printed precision.
 * Pure types: no Office globals, no DOM, no Node-only APIs.
 */
import type Decimal from 'decimal.js';
import type { Scale, Scenario } from '../model/types';

/**
 * - `amount`: a level (`$38.5 million in the second quarter of 2004`, `$0.02`);
 * - `change`: a change between two periods, as a percentage (`3.6% over`) or an amount
 *   (`$3.1 million higher than`);
 * - `share`: a share of revenue (`54% of revenue`);
 * - `comparison`: a direction without a number (`essentially even with`, `down from`, `exceeds ... guidance`);
 * - `range`: a guidance range (`$152.6 million to $155.6 million`).
 */
export type ClaimForm = 'amount' | 'change' | 'share' | 'comparison' | 'range';

/** What a direction word says: up/down of the quantity as named, better/worse for the company, even (about unchanged), above (exceeds guidance). */
export type Direction = 'up' | 'down' | 'better' | 'worse' | 'even' | 'above' | 'below';

/** `tie`: exactly as stated; `rounding`: equal at the claim's printed precision; `break`: the text says something the tables do not; `unlinked`: no fact to judge it by (`reason` says why). */
export type ClaimStatus = 'tie' | 'rounding' | 'break' | 'unlinked';

/** A place in the source: 1-based line, 0-based column span [start, end) on it. */
export interface TextSpan {
  line: number;
  span: [number, number];
  /** The words as printed. */
  text: string;
}

/** A number as stated in prose, with the scale it is written in and how it is hedged. */
export interface ClaimedNumber extends TextSpan {
  /** The magnitude as printed (`$0.8 million` -> 0.8), in `scale`. */
  value: Decimal;
  kind: 'money' | 'percent' | 'per-share';
  /** Digits printed after the decimal point (sets the precision it is judged at). */
  decimals: number;
  scale: Scale;
  /** `more than $3 million` -> `more`, `less than` -> `less`; `approximately` is plain rounding. */
  bound?: 'more' | 'less';
}

/** The quantity a claim is about, as the prose names it. */
export interface ClaimQuantity extends TextSpan {
  /** Concept id (`revenue_total`) when the vocabulary knows the words; undefined for other words. */
  concept?: string;
  /** A readable name (`Total Operating Revenues`, or the words as printed). */
  name: string;
  /** Named as a loss (`net loss`, `Adjusted EBITDA loss`): the number is a negative amount of the concept. */
  loss: boolean;
  /** Catalogue-free words: the row labels of the company's own tables they may stand for. */
  labels?: string[];
}

export interface Claim {
  /** `L21C20`: the line and column of its number (or word), unique within one filing (`L21C20-2` for a number's second claim). */
  id: string;
  file: string;
  /** The sentence the claim stands in. */
  sentence: string;
  /** Line the sentence starts on. */
  sentenceLine: number;
  /** Offsets [start, end) of the claim's number (or word) in `sentence`. */
  sentenceSpan: [number, number];
  /** Line of the claim's number (or of its direction word when it has no number). */
  line: number;
  /** Column span of that number (or word) on its line. */
  span: [number, number];
  form: ClaimForm;
  quantity: ClaimQuantity;
  /** Period key the claim is about (`2004Q2`, `2004-06-30`, `FY2004`), when read. */
  period?: string;
  /** For changes and comparisons: the period compared with. */
  base?: string;
  scenario: Scenario;
  /** The number stated (for a range: its low end). */
  claimed?: ClaimedNumber;
  /** A range's high end. */
  high?: ClaimedNumber;
  direction?: Direction;
  /** The direction word as printed, with its place (the word a reader would flip). */
  directionWord?: TextSpan;
  /** Why the claim could not be read completely (no period, no quantity), when it could not. */
  unread?: string;
  /** The sentence names no period for it: `period` is an earlier sentence's, or the release's quarter. */
  periodImplied?: boolean;
}

/** A fact a claim was judged against, with its place in the filing. */
export interface ClaimOperand {
  concept: string;
  label: string;
  period: string;
  scenario: Scenario;
  /** As in the Dataset: canonical sign, the fact's scale. */
  value: Decimal;
  scale: Scale;
  file: string;
  line: number;
  /** Column span of the figure on its line. */
  column: [number, number];
  /** The whole printed line. */
  text: string;
}

export interface JudgedClaim extends Claim {
  status: ClaimStatus;
  /** What the tables say, in the claim's own terms and scale (`38.496` for `$38.5 million`, `3.614` for `3.6%`), or null when unlinked. */
  actual: Decimal | null;
  /** The claimed value in the same terms (signed: `-1.3` for a `$1.3 million loss`; a range: its low end). */
  stated: Decimal | null;
  /** The facts used (current period first, then the base, or numerator and denominator). */
  operands: ClaimOperand[];
  /** For `break` and `unlinked`: why, in words a person can act on. */
  reason?: string;
}

/** Counts a person reads as coverage: claims found, linked to facts, and judged tie or rounding. */
export interface ClaimCoverage {
  found: number;
  linked: number;
  tie: number;
  rounding: number;
  break: number;
  unlinked: number;
}
