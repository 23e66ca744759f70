/**
 * A model's history: 1, 10 and 40 filings imported together (read, merged into the Dataset,
 * derived periods, every check), and the cost per filing at each size against the cost of one.
 * Merging is linear, so the per-filing cost should stay flat (goal: at 40 within 1.3x of one).
 *
 * The filings are the seed with its years moved forward one year per filing (the Q2 2004 release
 * becomes Q2 2005, Q2 2006, ...): distinct texts, each adding new periods, and each overlapping its
 * predecessor on one quarter (the prior-year column), so the merge also records restatements.
 * Steady figures: medians after warm-up calls, sizes timed alternately (see measure.ts).
 */
import { readFileSync } from 'fs';
import { analyze, type SourceText } from '../src/pipeline';
import { median, timeOnce } from './measure';
import { SEED_FILE } from './parse';

export interface HistorySize {
  filings: number;
  /** Median time to import that many filings together. */
  ms: number;
  perFilingMs: number;
  /** perFilingMs over the one-filing figure. */
  ratio: number;
}

export interface HistoryFigures {
  sizes: HistorySize[];
  runs: number;
  warmup: number;
}

/** The seed moved forward by `years` (every year it names, its release date with them). */
export function movedSeed(seed: string, years: number): SourceText {
  const text = seed.replace(/\b(19|20)(\d\d)\b/g, (y) => String(Number(y) + years));
  return { name: `mpwr-${2004 + years}q2-moved.txt`, text };
}

export function benchHistory(runs = 7, warmup = 2, sizes = [1, 10, 40]): HistoryFigures {
  const seed = readFileSync(SEED_FILE, 'utf8');
  const largest = Math.max(...sizes);
  const all = Array.from({ length: largest }, (_, i) => movedSeed(seed, i));
  const run = (n: number) => {
    const a = analyze(all.slice(0, n));
    return a.checks.length + a.derived.facts().length;
  };
  for (let i = 0; i < warmup; i++) for (const n of sizes) run(n);
  const times = new Map<number, number[]>(sizes.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) for (const n of sizes) times.get(n)?.push(timeOnce(() => run(n)));
  const one = median(times.get(sizes[0]) ?? []) / sizes[0];
  return {
    runs,
    warmup,
    sizes: sizes.map((n) => {
      const ms = median(times.get(n) ?? []);
      return { filings: n, ms, perFilingMs: ms / n, ratio: ms / n / one };
    }),
  };
}
