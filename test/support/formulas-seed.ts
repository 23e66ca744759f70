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
