/**
 * The pipeline: one call from filing texts to everything the front ends show (read → facts →
 * Dataset → checks → claims), with the diagnostics of each filing. It sits above the layers it
 * composes (`src/filing`, `src/model`, `src/reconcile`, `src/narrative`), inside none of them.
 */
import { isMpower } from './filing/company';
import type { Filing } from './filing/types';
import type { FilingFacts } from './model/facts';
import { Dataset } from './model/dataset';
import { derivePeriods, type DerivedFacts } from './model/derived';
import type { Check, Diagnostic } from './model/types';
import { judgeFilingClaims, readFilingClaims, type JudgedClaim } from './narrative';
import { readSource, type SourceText } from './reading';
import { reconcile } from './reconcile/engine';
import { markCulprits } from './reconcile/triage';

export type { SourceText } from './reading';

export interface Analysis {
  dataset: Dataset;
  /** Periods no release prints but the printed ones give (quarters from years to date, LTM, ratios), computed on first use. */
  readonly derived: DerivedFacts;
  /** Every check, evaluated on first use (a formula answering a value needs none of them). */
  readonly checks: Check[];
  /** The numeric statements of the filings' prose, each judged against the facts (on first use). */
  readonly claims: JudgedClaim[];
  diagnostics: Diagnostic[];
}

/**
 * The sources with names that tell releases apart: a release is known by its file name (provenance,
 * release dates, guidance history, restatements), and EDGAR names every exhibit alike, so a second
 * release under a name already taken becomes `ex99-1.htm (2)`. The same text under the same name
 * is the same release. Idempotent: names already distinct are kept.
 */
export function uniqueNames(sources: SourceText[]): SourceText[] {
  const seen = new Map<string, string>();
  return sources.map((s) => {
    let name = s.name;
    for (let k = 2; seen.has(name) && seen.get(name) !== s.text; k++) name = `${s.name} (${k})`;
    seen.set(name, s.text);
    return name === s.name ? s : { ...s, name };
  });
}

export interface AnalyzeOptions {
  /** Read and judge the prose's claims (default true). Off only to measure what the narrative pass costs (`npm run bench`). */
  narrative?: boolean;
}

/** Reads, maps and reconciles the given filings, on top of `base` when given (which is left unchanged). */
export function analyze(sources: SourceText[], base: SourceText[] = [], options: AnalyzeOptions = {}): Analysis {
  const narrative = options.narrative ?? true;
  const dataset = new Dataset();
  const diagnostics: Diagnostic[] = [];
  const read: FilingFacts[] = [];
  for (const s of uniqueNames([...base, ...sources])) {
    const set = readSource(s, narrative);
    const filing = set.filing;
    for (const d of filing.diagnostics) diagnostics.push(d);
    if (set.facts.length === 0) {
      if (!filing.diagnostics.some((d) => d.severity === 'error')) {
        diagnostics.push({ severity: 'error', message: 'no figures could be read from this file', file: s.name });
      }
      continue;
    }
    const before = dataset.filingFacts().length;
    dataset.add(set);
    if (dataset.filingFacts().length > before) read.push(set);
  }
  let checks: Check[] | undefined;
  let derived: DerivedFacts | undefined;
  let claims: JudgedClaim[] | undefined;
  return {
    dataset,
    diagnostics,
    get derived(): DerivedFacts {
      return (derived ??= derivePeriods(dataset));
    },
    get checks(): Check[] {
      return (checks ??= markCulprits(reconcile(dataset, this.derived)));
    },
    get claims(): JudgedClaim[] {
      return (claims ??= narrative ? read.flatMap((set) => judgeFilingClaims(set.filing, readFilingClaims(set.filing), set.facts, dataset)) : []);
    },
  };
}

/**
 * The part of an analysis that is one company's: the filings `keep` accepts, their facts merged
 * afresh, their own derived periods and checks. The analysis itself when it keeps them all.
 */
export function companyAnalysis(analysis: Analysis, keep: (filing: Filing) => boolean): Analysis {
  const sets = analysis.dataset.filingFacts();
  if (sets.every((s) => keep(s.filing))) return analysis;
  const dataset = new Dataset(sets.filter((s) => keep(s.filing)));
  let checks: Check[] | undefined;
  let derived: DerivedFacts | undefined;
  let claims: JudgedClaim[] | undefined;
  return {
    dataset,
    diagnostics: analysis.diagnostics.filter((d) => dataset.filings.some((f) => f.file === d.file)),
    get derived(): DerivedFacts {
      return (derived ??= derivePeriods(dataset));
    },
    get checks(): Check[] {
      return (checks ??= markCulprits(reconcile(dataset, this.derived)));
    },
    // A kept filing's claims were judged by its own company's facts only: the same here.
    get claims(): JudgedClaim[] {
      return (claims ??= analysis.claims.filter((c) => dataset.filings.some((f) => f.file === c.file)));
    },
  };
}

/** What `=MPWR.*` answer from: Mpower Holding's releases only (another company's release is previewed and exported, never used). */
export function mpowerAnalysis(analysis: Analysis): Analysis {
  return companyAnalysis(analysis, (f) => isMpower({ name: f.company, ticker: f.ticker }));
}

/** Counts of checks by status. */
export function checkCounts(checks: Check[]): Record<Check['status'], number> {
  const counts = { tie: 0, rounding: 0, break: 0, incomplete: 0, unverified: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}
