// The seed filing for formula tests: the built-in Mpower Q2 2004 release, as the add-in ships it.
import { readFileSync } from 'fs';
import * as path from 'path';
import type { FormulaData } from '../../src/formulas/data';
import { FormulaStore } from '../../src/formulas/store';
import type { SourceText } from '../../src/pipeline';
import { shared } from './shared';

export const SEED_NAME = 'mpwr-2004q2-ex99-1.txt';
export const SEED: SourceText = {
  name: SEED_NAME,
  text: readFileSync(path.resolve(__dirname, '../../assets/filings', SEED_NAME), 'utf8'),
};

/**
 * `MPWR.RECON("Adjusted EBITDA", "Q2 2004")` read off the seed by hand (lines 296–309, left
 * column): each line's label as the reconciliation prints it, its amount in the item's own sign
 * (as MPWR.VALUE gives it), and its effect as printed (a bracket subtracts).
 */
export const SEED_Q2_RECON: [string, number, number][] = [
  ['Adjusted EBITDA', 2544, 2544],
  ['Depreciation and Amortization', 3879, -3879],
  ['Gain on Sale of Assets, net', 62, 62],
  ['Stock-Based Compensation Expense', 39, -39],
  ['Loss from Continuing Operations', -1312, -1312],
  ['Interest Income', 77, 77],
  ['Interest Expense', 67, -67],
  ['Other Expense', 95, -95],
  ['Loss before Discontinued Operations', -1397, -1397],
  ['(Loss) Income from Discontinued Operations', -7, -7],
  ['Net Loss (GAAP)', -1404, -1404],
];

/** The formula data of the seed alone (built once per test file; see `shared`). */
export const seedFormulaData: () => FormulaData = shared(() => new FormulaStore([SEED]).data());

/** The seed with every period one quarter later, filed later: a new quarter and restated Q2 2004 figures. */
export function syntheticQ3(): SourceText {
  const text =
    'SYNTHETIC TEST FILING (not a real release): the seed with every period moved one quarter later.\n' +
    SEED.text
      .replace(/July 29, 2004/g, 'Oct. 28, 2004')
      .replace(/June 30, 2004/g, 'Sep. 30, 2004')
      .replace(/March 31, 2004/g, 'June 30, 2004')
      .replace(/June 30, 2003/g, 'Sep. 30, 2003');
  return { name: 'synthetic-2004q3.txt', text };
}
