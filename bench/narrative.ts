/**
 * What the narrative pass costs on the seed: the whole analysis the import report needs (read,
 * facts, Dataset, every check, every claim judged) against the same analysis without the
 * narrative pass (`analyze(..., { narrative: false })`: no claims read, no narrative facts),
 * steady and interleaved in the same process. The difference is the pass's cost; the ratio is
 * with over without.
 */
import { readFileSync } from 'fs';
import { analyze } from '../src/pipeline';
import { steadyPair, type SteadyPair } from './measure';
import { SEED_FILE } from './parse';

export interface NarrativeFigures {
  steady: SteadyPair;
  /** Milliseconds the narrative pass adds (with − without). */
  costMs: number;
  claims: number;
}

export function benchNarrative(): NarrativeFigures {
  const text = readFileSync(SEED_FILE, 'utf8');
  const sources = [{ name: 'mpwr-2004q2-ex99-1.txt', text }];
  const withClaims = (): number => { const a = analyze(sources); return a.checks.length + a.claims.length; };
  const without = (): number => analyze(sources, [], { narrative: false }).checks.length;
  const steady = steadyPair(withClaims, without, 100, 200);
  return { steady, costMs: steady.subjectMs - steady.baselineMs, claims: analyze(sources).claims.length };
}
