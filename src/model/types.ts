/**
 * The data model shared by every layer (see DESIGN.md, "Data model").
 * Pure types: no Office globals, no DOM, no Node-only APIs.
 */
import Decimal from 'decimal.js';
import type { Amount, Company, Period, Scale } from '../filing/types';

export type { Amount, AmountKind, Company, Diagnostic, Period, PeriodType, Scale, Scenario } from '../filing/types';
export { SCALE_FACTOR } from '../filing/types';
import type { Scenario } from '../filing/types';

/** Where a number came from in the filing. 1-based line; 0-based column span [start, end). */
export interface SourceRef {
  file: string;
  line: number;
  column: [number, number];
  /** Id of the table (`t1`...) or `narrative` / `note`. */
  table: string;
  /** The table's title as printed, or the sentence's context. */
  tableTitle: string;
  /** The whole printed line the number stands on (trimmed at the right). */
  text: string;
}

/** One number of a filing, mapped to a concept. */
export interface Fact {
  /** Who reported it: facts of one company never answer for another's. */
  company: Company;
  /** Canonical concept id (`adjusted_ebitda`) or, for unmapped rows, a slug of the label. */
  concept: string;
  mapped: boolean;
  /** The row label as printed, continuation lines joined. */
  label: string;
  period: Period;
  scenario: Scenario;
  /** Value in the canonical sign of the concept, printed scale. */
  value: Decimal;
  /** +1 when the filing prints the canonical sign at this place, -1 when it prints the opposite. */
  presentedSign: 1 | -1;
  amount: Amount;
  /** Scale of `value` (money in the table's scale; shares, per-share and percent are `units`). */
  scale: Scale;
  source: SourceRef;
  /** Statement the fact belongs to (`balance_sheet`, `operations`, `non_gaap`, `guidance`, `note`, `narrative`, or `table`). */
  statement: string;
  /**
   * Set for figures that are not the period's consolidated value as reported: a segment
   * (`domestic`), `pro forma`, `excluding ...`, `adjustments`, or a change column
   * (`change`, `pct-change`, `pct-of`). Such facts are never catalogue concepts.
   */
  member?: string;
  /**
   * Set for a figure no release prints but that follows from printed ones (a quarter from
   * year-to-date figures, a year or LTM from quarters, a ratio of derived operands): how, from
   * which facts. Such a fact has no line of its own (`source.table` is `derived`); its operands do.
   * See `src/model/derived.ts`.
   */
  derivation?: Derivation;
}

/** How a derived fact follows from other facts: value = Σ coefficient × operand, or numerator ÷ denominator × factor. */
export interface Derivation {
  kind: 'difference' | 'sum' | 'ratio';
  /** In period keys and signs: `FY2003 − 9M2003-09-30`, `2003Q3 + 2003Q4 + 2004Q1 + 2004Q2`, `adjusted_ebitda ÷ revenue_total × 100`. */
  formula: string;
  /** The facts it rests on (printed or themselves derived), with their coefficients (a ratio: numerator +1, denominator −1). */
  operands: { fact: Fact; coefficient: 1 | -1 }[];
  /** For a ratio: the factor (100 for a percentage). */
  factor?: number;
}

/**
 * `tie`/`rounding`: the identity holds (exactly / within half a unit of the last printed digit);
 * `break`: the filing does not add up; `incomplete`: an operand is not printed; `unverified`: the
 * reader inferred a structure (a subtotal of a table no rule knows) it is not sure of, so the
 * difference is shown but nothing is asserted.
 */
export type CheckStatus = 'tie' | 'rounding' | 'break' | 'incomplete' | 'unverified';

export interface CheckOperand {
  concept: string;
  label: string;
  /** Coefficient applied to the operand (+1, -1, or a factor for ratios). */
  coefficient: number;
  value: Decimal | null;
  file: string;
  line: number | null;
  text: string;
  /** Where the number stands on its line (0-based span), when it is one printed cell: with `file` and `line`, the cell's identity across checks. */
  column?: [number, number];
  /** The operand's value for one unit of the printed number (its sign and scale in this check), so a printed digit can be changed exactly. */
  unit?: Decimal;
}

/** The one printed number whose change by a single digit would make a break add up (see `src/reconcile/triage.ts`). */
export interface Culprit {
  /** Index into the check's operands. */
  operand: number;
  label: string;
  file: string;
  line: number;
  /** The number as printed, and the value with one digit changed that would tie (or round) every check it is in. */
  printed: Decimal;
  wouldTie: Decimal;
}

/** One identity evaluated for one period and scenario. */
export interface Check {
  /** `ruleId@period[#scenario]`, unique within an analysis. */
  id: string;
  rule: string;
  description: string;
  period: string;
  scenario: Scenario;
  status: CheckStatus;
  reported: Decimal | null;
  computed: Decimal | null;
  difference: Decimal | null;
  tolerance: Decimal;
  /** The reported number first, then the operands. */
  operands: CheckOperand[];
  /** 1-based lines of every operand (reported first), without duplicates. */
  lines: number[];
  /** For a break: the likely wrong number, when exactly one stands out. */
  culprit?: Culprit;
}

/** A value that a newer filing reports differently. */
export interface Restatement {
  concept: string;
  period: string;
  scenario: Scenario;
  previous: Fact;
  current: Fact;
}
