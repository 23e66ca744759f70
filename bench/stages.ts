/**
 * Where the seed's parse + reconcile time goes: each stage of `analyze` (and of the `checks` it
 * is asked for) timed on its own, in the order the pipeline runs them, each round beside one call
 * of the baseline (`baselineScan`, as in parse.ts), steady. A stage's ratio is its median over the
 * baseline's median of the same rounds, so the ratios of the stages add up to about the whole
 * pipeline's (medians of parts need not add up to the median of the whole exactly).
 *
 * The stages, as `src/pipeline.ts` and `src/reading.ts` call them:
 *   read          the filing's text to its tables and sentences (`readFiling`)
 *   facts         the tables' figures to facts (`factsOf`)
 *   prose facts   the figures of the running text that no table prints (`narrativeFacts`)
 *   dataset       the facts merged by concept, period and scenario (`Dataset.add`)
 *   derived       the periods the figures give but no release prints (`derivePeriods`)
 *   checks        every rule and same-fact check evaluated (`reconcile`)
 *   culprits      the likely wrong figure of each break looked for (`markCulprits`)
 */
import { readFileSync } from 'fs';
import { readFiling } from '../src/filing/reader';
import { Dataset } from '../src/model/dataset';
import { derivePeriods } from '../src/model/derived';
import { factsOf } from '../src/model/facts';
import { narrativeFacts } from '../src/narrative';
import { reconcile } from '../src/reconcile/engine';
import { markCulprits } from '../src/reconcile/triage';
import { baselineScan } from './baseline';
import { median, timeOnce } from './measure';
import { SEED_FILE } from './parse';

export const STAGES = ['read', 'facts', 'prose_facts', 'dataset', 'derived', 'checks', 'culprits'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageFigures {
  /** Steady CPU milliseconds of each stage (median). */
  ms: Record<Stage, number>;
  /** Each stage's median over the baseline's median. */
  ratio: Record<Stage, number>;
  baselineMs: number;
  warmup: number;
  runs: number;
}

/** One round: the baseline, then every stage in turn, each timed; the stages' times in STAGES order. */
function round(text: string): { baseline: number; stages: number[] } {
  const baseline = timeOnce(() => baselineScan(text));
  const t: number[] = [];
  let filing!: ReturnType<typeof readFiling>;
  let set!: ReturnType<typeof factsOf>;
  let dataset!: Dataset;
  let derived!: ReturnType<typeof derivePeriods>;
  let checks!: ReturnType<typeof reconcile>;
  t.push(timeOnce(() => { filing = readFiling(text, 'bench.txt'); }));
  t.push(timeOnce(() => { set = factsOf(filing); }));
  t.push(timeOnce(() => { for (const f of narrativeFacts(filing)) set.facts.push(f); }));
  t.push(timeOnce(() => { dataset = new Dataset(); dataset.add(set); }));
  t.push(timeOnce(() => { derived = derivePeriods(dataset); }));
  t.push(timeOnce(() => { checks = reconcile(dataset, derived); }));
  t.push(timeOnce(() => markCulprits(checks)));
  return { baseline, stages: t };
}

export function benchStages(warmup = 300, runs = 200): StageFigures {
  const text = readFileSync(SEED_FILE, 'utf8');
  for (let i = 0; i < warmup; i++) round(text);
  const base: number[] = [];
  const per: number[][] = STAGES.map(() => []);
  for (let i = 0; i < runs; i++) {
    const r = round(text);
    base.push(r.baseline);
    r.stages.forEach((ms, k) => per[k].push(ms));
  }
  const baselineMs = median(base);
  const ms = Object.fromEntries(STAGES.map((s, k) => [s, median(per[k])])) as Record<Stage, number>;
  const ratio = Object.fromEntries(STAGES.map((s) => [s, ms[s] / baselineMs])) as Record<Stage, number>;
  return { ms, ratio, baselineMs, warmup, runs };
}
