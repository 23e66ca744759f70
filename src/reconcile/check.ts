/**
 * A check's arithmetic: half a unit of the last printed digit, the status of a difference, and
 * the Check record itself. Shared by the catalogue rules (`engine.ts`) and the subtotals the
 * reader infers from a table's layout (`subtotals.ts`).
 */
import Decimal from 'decimal.js';
import type { Check, CheckOperand, CheckStatus, Scenario } from '../model/types';

export const ZERO = new Decimal(0);

const HALF_UNITS: Decimal[] = [];

/** Half a unit of the last printed digit: 0.5 for integers, 0.05 for one decimal... (cached: a handful of values). */
export function halfUnit(decimals: number): Decimal {
  return (HALF_UNITS[decimals] ??= new Decimal(5).times(new Decimal(10).pow(-(decimals + 1))));
}

/**
 * A ratio rule's computed value, `numerator ÷ denominator × factor` (the denominator not zero),
 * as the engine and the culprit search both work it out. A factor of 1 needs no product: the
 * quotient is rounded to the precision already, and times 1 leaves it as it is.
 */
export function ratioOf(numerator: Decimal, denominator: Decimal, factor: number): Decimal {
  const quotient = numerator.dividedBy(denominator);
  return factor === 1 ? quotient : quotient.times(factor);
}

export function statusOf(difference: Decimal | null, tolerance: Decimal): CheckStatus {
  if (difference === null) return 'incomplete';
  if (difference.isZero()) return 'tie';
  return difference.abs().lte(tolerance) ? 'rounding' : 'break';
}

export function makeCheck(
  rule: { id: string; description: string },
  period: string,
  scenario: Scenario,
  reported: Decimal | null,
  computed: Decimal | null,
  tolerance: Decimal,
  operands: CheckOperand[],
): Check {
  const difference = reported !== null && computed !== null ? reported.minus(computed) : null;
  // Every operand's line once, in operand order (a same-fact check may list hundreds of places).
  const seen = new Set<number>();
  const lines: number[] = [];
  for (const o of operands) if (o.line !== null && !seen.has(o.line)) { seen.add(o.line); lines.push(o.line); }
  return {
    id: `${rule.id}@${period}${scenario === 'actual' ? '' : `#${scenario}`}`,
    rule: rule.id,
    description: rule.description,
    period,
    scenario,
    status: statusOf(difference, tolerance),
    reported,
    computed,
    difference,
    tolerance,
    operands,
    lines,
  };
}

