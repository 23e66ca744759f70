/**
 * A model's history: 1, 10 and 40 filings imported together (read, merged into the Dataset,
 * derived periods, every check), against the same filings imported one at a time (each alone, in
 * the same round): the ratio is the per-filing cost together over the per-filing cost alone.
 * Merging is linear, so the per-filing cost should stay flat (goal: at 40 within 1.3x of one).
 *
 * The filings are the seed with its years moved forward one year per filing (the Q2 2004 release
 * becomes Q2 2005, Q2 2006, ...): distinct texts, each adding new periods, and each overlapping its
 * predecessor on one quarter (the prior-year column), so the merge also records restatements.
 * Steady figures: medians over rounds after warm-up rounds; in each round every size is timed
 * together and alone, one after the other, so both meet the same machine (and the same garbage
 * collector) and the ratio is taken within the round. A one-filing import is about 1/40 of a
 * forty-filing one: timing forty of them, not one, gives the denominator the same exposure.
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
  /** Median over the rounds of (time together) / (time of the same filings imported one at a time). */
  ratio: number;
  /** Median time to import the same filings one at a time, per filing. */
  aloneMs: number;
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

export function benchHistory(runs = 9, warmup = 3, sizes = [1, 10, 40]): HistoryFigures {
  const seed = readFileSync(SEED_FILE, 'utf8');
  const largest = Math.max(...sizes);
  const all = Array.from({ length: largest }, (_, i) => movedSeed(seed, i));
  const imported = (filings: SourceText[]): number => {
    const a = analyze(filings);
    return a.checks.length + a.derived.facts().length;
  };
  const together = (n: number) => imported(all.slice(0, n));
  const alone = (n: number) => {
    let k = 0;
    for (let i = 0; i < n; i++) k += imported([all[i]]);
    return k;
  };
  for (let i = 0; i < warmup; i++) for (const n of sizes) { together(n); alone(n); }
  const times = new Map<number, { together: number[]; alone: number[]; ratio: number[] }>(sizes.map((n) => [n, { together: [], alone: [], ratio: [] }]));
  for (let i = 0; i < runs; i++) {
    for (const n of sizes) {
      const t = times.get(n);
      if (!t) continue;
      const a = timeOnce(() => together(n));
      const b = timeOnce(() => alone(n));
      t.together.push(a);
      t.alone.push(b);
      t.ratio.push(a / b);
    }
  }
  return {
    runs,
    warmup,
    sizes: sizes.map((n) => {
      const t = times.get(n) ?? { together: [], alone: [], ratio: [] };
      const ms = median(t.together);
      return { filings: n, ms, perFilingMs: ms / n, ratio: median(t.ratio), aloneMs: median(t.alone) / n };
    }),
  };
}
