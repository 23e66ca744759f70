/**
 * The seed's narrative claim by claim, as a person reads it off lines 10–77 of
 * assets/filings/mpwr-2004q2-ex99-1.txt: what each statement is about, its form, the words printed
 * and the status the tables give it (the figure each is checked against is in the comment). Used
 * by test/narrative-seed.test.ts (the engine) and test/narrative-checks-sheet.test.ts (the
 * Checks sheet's live formulas).
 */
import type { ClaimForm, ClaimStatus } from '../../src/narrative';

export interface Expected {
  line: number;
  /** The number as printed (a range: its low end), or the direction words of a comparison. */
  words: string;
  form: ClaimForm;
  concept: string;
  period: string;
  base?: string;
  /** `holds`: tie or rounding (which one is asserted where the arithmetic is exact). */
  status: ClaimStatus | 'holds';
  /** For unlinked claims: why, as the report says it. */
  reason?: RegExp;
}

// Read off the text; the table figures each is checked against are in the comments (line of the table).
export const EXPECTED: Expected[] = [
  // "a 4.5% annual increase in core customer revenue": 33,585 / 32,139 − 1 = 4.499% (line 235).
  { line: 10, words: '4.5%', form: 'change', concept: 'revenue_core_customer', period: '2004Q2', base: '2003Q2', status: 'rounding' },
  // "exceeded our second quarter 2004 Adjusted EBITDA guidance": that guidance was given in the Q1 release, not imported.
  { line: 15, words: 'exceeded', form: 'comparison', concept: 'adjusted_ebitda', period: '2004Q2', status: 'unlinked', reason: /no Adjusted EBITDA guidance for 2004Q2/ },
  // "increased cash by more than $3 million over the first quarter 2004": 32,356 − 29,294 = 3,062 (line 194).
  { line: 16, words: '$3 million', form: 'change', concept: 'cash_and_equivalents', period: '2004-06-30', base: '2004-03-31', status: 'tie' },
  // "increased revenue ... by 3.6% over the first quarter of 2004": 38,496 / 37,153 − 1 = 3.615% (line 238).
  { line: 20, words: '3.6%', form: 'change', concept: 'revenue_total', period: '2004Q2', base: '2004Q1', status: 'rounding' },
  // "to $38.5 million in the second quarter of 2004": 38,496.
  { line: 21, words: '$38.5 million', form: 'amount', concept: 'revenue_total', period: '2004Q2', status: 'rounding' },
  // "a 2.0% revenue increase over the second quarter of 2003": 38,496 / 37,758 − 1 = 1.955%.
  { line: 22, words: '2.0%', form: 'change', concept: 'revenue_total', period: '2004Q2', base: '2003Q2', status: 'rounding' },
  // "Core customer revenue ... rose to $33.6 million in the second quarter of 2004": 33,585.
  { line: 24, words: '$33.6 million', form: 'amount', concept: 'revenue_core_customer', period: '2004Q2', status: 'rounding' },
  // "up 2.5% over the first quarter of 2004": 33,585 / 32,770 − 1 = 2.487%.
  { line: 25, words: '2.5%', form: 'change', concept: 'revenue_core_customer', period: '2004Q2', base: '2004Q1', status: 'rounding' },
  // "and 4.5% over the second quarter of 2003".
  { line: 25, words: '4.5%', form: 'change', concept: 'revenue_core_customer', period: '2004Q2', base: '2003Q2', status: 'rounding' },
  // "adjusted gross margin ... at $20.8 million in the second quarter of 2004": 20,756 (line 269).
  { line: 28, words: '$20.8 million', form: 'amount', concept: 'adjusted_gross_margin', period: '2004Q2', status: 'rounding' },
  // "essentially even with the first quarter of 2004": 20,756 against 20,765, −0.04%.
  { line: 28, words: 'essentially even with', form: 'comparison', concept: 'adjusted_gross_margin', period: '2004Q2', base: '2004Q1', status: 'tie' },
  // "a 10% increase over the adjusted gross margin of $18.8 million in the second quarter of 2003": 20,756 / 18,805 − 1 = 10.37%.
  { line: 29, words: '10%', form: 'change', concept: 'adjusted_gross_margin', period: '2004Q2', base: '2003Q2', status: 'rounding' },
  { line: 29, words: '$18.8 million', form: 'amount', concept: 'adjusted_gross_margin', period: '2003Q2', status: 'rounding' },
  // "Adjusted gross margin was 54% of revenue ..., compared to 56% ... and 50%": 20,756 / 38,496 = 53.9%, 20,765 / 37,153 = 55.9%, 18,805 / 37,758 = 49.8%.
  { line: 30, words: '54%', form: 'share', concept: 'adjusted_gross_margin', period: '2004Q2', status: 'rounding' },
  { line: 31, words: '56%', form: 'share', concept: 'adjusted_gross_margin', period: '2004Q1', status: 'rounding' },
  { line: 32, words: '50%', form: 'share', concept: 'adjusted_gross_margin', period: '2003Q2', status: 'rounding' },
  // "Gross margin including depreciation and amortization was $18.8 million for both the second quarter of 2004 and the first quarter of 2004": 18,792 and 18,826 (line 291).
  { line: 35, words: '$18.8 million', form: 'amount', concept: 'gross_margin', period: '2004Q2', status: 'rounding' },
  { line: 35, words: '$18.8 million', form: 'amount', concept: 'gross_margin', period: '2004Q1', status: 'rounding' },
  // "and $17.1 million in the second quarter of 2003": 17,063.
  { line: 36, words: '$17.1 million', form: 'amount', concept: 'gross_margin', period: '2003Q2', status: 'rounding' },
  // "SG&A expenses ... were $18.2 million for the second quarter of 2004": 18,212 (line 244).
  { line: 40, words: '$18.2 million', form: 'amount', concept: 'sga', period: '2004Q2', status: 'rounding' },
  // "a 3.8% increase from the $17.5 million in SG&A expenses reported in the first quarter of 2004": 18,212 / 17,549 − 1 = 3.778%.
  { line: 41, words: '3.8%', form: 'change', concept: 'sga', period: '2004Q2', base: '2004Q1', status: 'rounding' },
  { line: 41, words: '$17.5 million', form: 'amount', concept: 'sga', period: '2004Q1', status: 'rounding' },
  // "a 7.0% improvement from the $19.6 million ... for the second quarter of 2003": a cost that fell, 18,212 / 19,587 − 1 = −7.02%.
  { line: 43, words: '7.0%', form: 'change', concept: 'sga', period: '2004Q2', base: '2003Q2', status: 'rounding' },
  { line: 43, words: '$19.6 million', form: 'amount', concept: 'sga', period: '2003Q2', status: 'rounding' },
  // "ending the second quarter of 2004 with positive Adjusted EBITDA of $2.5 million": 2,544 (line 272).
  { line: 47, words: '$2.5 million', form: 'amount', concept: 'adjusted_ebitda', period: '2004Q2', status: 'rounding' },
  // "While down from the $3.2 million in Adjusted EBITDA in the first quarter of 2004": 2,544 < 3,216.
  { line: 48, words: 'down', form: 'comparison', concept: 'adjusted_ebitda', period: '2004Q2', base: '2004Q1', status: 'tie' },
  { line: 48, words: '$3.2 million', form: 'amount', concept: 'adjusted_ebitda', period: '2004Q1', status: 'rounding' },
  // "a significant improvement over the $0.8 million Adjusted EBITDA loss in the second quarter of 2003": 2,544 > −782.
  { line: 49, words: 'improvement', form: 'comparison', concept: 'adjusted_ebitda', period: '2004Q2', base: '2003Q2', status: 'tie' },
  { line: 49, words: '$0.8 million', form: 'amount', concept: 'adjusted_ebitda', period: '2003Q2', status: 'rounding' },
  // "exceeds the company's Adjusted EBITDA guidance for the quarter": again the Q1 release's guidance.
  { line: 50, words: 'exceeds', form: 'comparison', concept: 'adjusted_ebitda', period: '2004Q2', status: 'unlinked', reason: /no Adjusted EBITDA guidance for 2004Q2/ },
  // "Loss from continuing operations was $1.3 million in the second quarter of 2004": (1,312) (line 251).
  { line: 53, words: '$1.3 million', form: 'amount', concept: 'loss_from_continuing_operations', period: '2004Q2', status: 'rounding' },
  // "up from a $0.5 million loss ... in the first quarter of 2004": the loss grew from 526 to 1,312.
  { line: 54, words: 'up', form: 'comparison', concept: 'loss_from_continuing_operations', period: '2004Q2', base: '2004Q1', status: 'tie' },
  { line: 54, words: '$0.5 million', form: 'amount', concept: 'loss_from_continuing_operations', period: '2004Q1', status: 'rounding' },
  // "a 72% improvement over the $4.6 million loss ... in the second quarter of 2003": 1 − 1,312 / 4,618 = 71.6%.
  { line: 55, words: '72%', form: 'change', concept: 'loss_from_continuing_operations', period: '2004Q2', base: '2003Q2', status: 'rounding' },
  { line: 55, words: '$4.6 million', form: 'amount', concept: 'loss_from_continuing_operations', period: '2003Q2', status: 'rounding' },
  // "net loss was $1.4 million ..., a $0.3 million net loss ... and a $4.7 million net loss": ($1,404), ($263), ($4,743) (line 260).
  { line: 56, words: '$1.4 million', form: 'amount', concept: 'net_loss', period: '2004Q2', status: 'rounding' },
  { line: 57, words: '$0.3 million', form: 'amount', concept: 'net_loss', period: '2004Q1', status: 'rounding' },
  { line: 58, words: '$4.7 million', form: 'amount', concept: 'net_loss', period: '2003Q2', status: 'rounding' },
  // "loss per share before discontinued operations was $0.02, and ... net loss per share was $0.02": ($0.02), ($0.02) (lines 265, 267).
  { line: 61, words: '$0.02', form: 'amount', concept: 'eps_loss_before_discontinued', period: '2004Q2', status: 'tie' },
  { line: 62, words: '$0.02', form: 'amount', concept: 'eps_net_loss_basic_diluted', period: '2004Q2', status: 'tie' },
  // "Capital expenditures were $1.8 million in the second quarter of 2004": no table prints them.
  { line: 66, words: '$1.8 million', form: 'amount', concept: 'capital_expenditures', period: '2004Q2', status: 'unlinked', reason: /no table prints capital expenditures: kept as a narrative fact/ },
  // "approximately $32.4 million in unrestricted cash": Cash & Cash Equivalents $32,356 (restricted cash is its own line).
  { line: 67, words: '$32.4 million', form: 'amount', concept: 'cash_and_equivalents', period: '2004-06-30', status: 'rounding' },
  // "$3.1 million higher than the cash balance at the end of the first quarter of 2004": 3,062.
  { line: 68, words: '$3.1 million', form: 'change', concept: 'cash_and_equivalents', period: '2004-06-30', base: '2004-03-31', status: 'rounding' },
  // Revenue guidance: printed only in the text (the guidance tables reconcile Adjusted EBITDA).
  { line: 74, words: '$152.6 million', form: 'range', concept: 'revenue_total', period: 'FY2004', status: 'unlinked', reason: /no table prints Total Operating Revenues guidance for FY2004/ },
  { line: 74, words: '$174.0 million', form: 'range', concept: 'revenue_total', period: 'FY2005', status: 'unlinked', reason: /no table prints Total Operating Revenues guidance for FY2005/ },
  // Adjusted EBITDA guidance: $8,000 to $10,000 (line 317) and $16,000 to $18,000 (line 340).
  { line: 76, words: '$8.0 million', form: 'range', concept: 'adjusted_ebitda', period: 'FY2004', status: 'tie' },
  { line: 77, words: '$16.0 million', form: 'range', concept: 'adjusted_ebitda', period: 'FY2005', status: 'tie' },
];
