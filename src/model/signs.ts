/**
 * The sign convention in words. A fact's `value` is in its concept's canonical sign (every MPWR
 * function answers it); the filing may print the opposite at a given place (`Interest Expense
 * (67)`, `Gain on Sale of Assets, net (62)` among the expenses): `presentedSign` is −1 there.
 * The model sheets show the presented value; this says so in the cell's note and in MPWR.SOURCE.
 */
import { conceptById, type Nature } from './concepts';
import type { Fact } from './types';

export const NATURE_WORDS: Record<Nature, string> = {
  income: 'signed as a contribution to income',
  expense: 'an expense, as a positive amount',
  balance: 'as on the balance sheet',
  ratio: 'as printed',
};

/** One sentence when the canonical sign differs from the printed one; undefined when they agree. */
export function signNote(f: Fact): string | undefined {
  if (f.presentedSign === 1 || !f.mapped || f.value.isZero()) return undefined;
  const c = conceptById(f.concept);
  return `Sign: shown as printed (${f.amount.text}). =MPWR functions answer ${f.value.toString()} for ${c?.name ?? f.label} (${NATURE_WORDS[c?.nature ?? 'balance']}).`;
}
