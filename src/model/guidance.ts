/**
 * Guidance over time: every range the releases gave for a measure and a year, oldest first. The
 * newest release's range is the current one (the Dataset's winning facts); a range a later release
 * repeats (reiterates) is one range with several releases, not two; a revised range is a new one,
 * and the earlier ones stay visible with their dates (Guidance sheet, `MPWR.SOURCE`). A revision
 * is not a restatement: guidance is a forecast, not a figure reported differently.
 */
import { valueIn, type Dataset } from './dataset';
import type { Fact } from './types';

export interface GuidanceRange {
  low?: Fact;
  high?: Fact;
  /** The releases that gave this range, oldest first. */
  releases: { file: string; date: string }[];
}

function same(a: Fact | undefined, b: Fact | undefined): boolean {
  if (!a || !b) return a === b;
  return valueIn(a, 'units').eq(valueIn(b, 'units'));
}

/** The ranges given for a concept and period, oldest first (the last one is current). */
export function guidanceHistory(dataset: Dataset, concept: string, period: string): GuidanceRange[] {
  const byFile = new Map<string, { low?: Fact; high?: Fact }>();
  for (const f of dataset.history(concept, period, 'guidance-low')) byFile.set(f.source.file, { ...byFile.get(f.source.file), low: f });
  for (const f of dataset.history(concept, period, 'guidance-high')) byFile.set(f.source.file, { ...byFile.get(f.source.file), high: f });
  const out: GuidanceRange[] = [];
  // Release order (the Dataset keeps its filings in it).
  for (const filing of dataset.filings) {
    const r = byFile.get(filing.file);
    if (!r) continue;
    const last = out[out.length - 1];
    const release = { file: filing.file, date: filing.date };
    if (last && same(last.low, r.low) && same(last.high, r.high)) last.releases.push(release);
    else out.push({ ...r, releases: [release] });
  }
  return out;
}
