// The seed filing for formula tests: the built-in Mpower Q2 2004 release, as the add-in ships it.
import { readFileSync } from 'fs';
import * as path from 'path';
import type { FormulaData } from '../../src/formulas/data';
import { FormulaStore } from '../../src/formulas/store';
import type { SourceText } from '../../src/reconcile/analysis';

export const SEED_NAME = 'mpwr-2004q2-ex99-1.txt';
export const SEED: SourceText = {
  name: SEED_NAME,
  text: readFileSync(path.resolve(__dirname, '../../assets/filings', SEED_NAME), 'utf8'),
};

let seedData: FormulaData | undefined;

/** The formula data of the seed alone (built once per test file). */
export function seedFormulaData(): FormulaData {
  seedData ??= new FormulaStore([SEED]).data();
  return seedData;
}
