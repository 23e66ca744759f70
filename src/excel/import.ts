/**
 * Import into the open workbook: read what the workbook already holds (stored filings, MPWR
 * sheets), analyse the new filings on top of the stored ones, build the plan, validate it whole,
 * and write it — at most three `context.sync()` calls (probe, snapshot, write) unless a request
 * must be split to stay under Excel on the web's 5 MB limit.
 */
import { analyze, checkCounts, type Analysis, type SourceText } from '../pipeline';
import { buildPlan, SHEET_NAMES, whyNoWorkbook } from '../workbook/layout';
import { acceptancesFromSheet } from '../workbook/checks-sheet';
import type { Acceptances } from '../reconcile/triage';
import type { SheetPlan } from '../workbook/plan';
import { validatePlan } from '../workbook/validate';
import { MAX_FILING_BYTES } from '../filing/reader';
import { FILINGS_NAMESPACE, filingsXml, mergeFilings, newerVersionProblem, parseFilingsXml } from './filing-store';
import { applyPlan, notesSupported, queueProbe, queueSnapshot, snapshotNeedsSync, WorkbookWriteError, type SheetChange, type WriteOptions } from './writer';

export interface ImportResult {
  analysis: Analysis;
  plan: SheetPlan;
  /** Every filing now stored in the workbook, in import order. */
  filings: SourceText[];
  /** Filings given that were already in the workbook (nothing new from them). */
  alreadyStored: string[];
  changes: SheetChange[];
  syncs: number;
  /** Largest request sent, bytes (estimated). */
  maxRequestBytes: number;
  warnings: string[];
  /** One line for the task pane. */
  message: string;
}

/** Every MPWR sheet a plan may name (the writer touches no other). */
export const MPWR_SHEETS: string[] = Object.values(SHEET_NAMES);

/** Existing sheets that carry an MPWR sheet's name but that MPWR did not write (the caller refuses to touch them). */
function sheetsInTheWay(sheetNames: string[], mpwrWasHere: boolean): string[] {
  return sheetNames.filter((n) => MPWR_SHEETS.some((m) => m.toLowerCase() === n.toLowerCase() && (m !== n || !mpwrWasHere)));
}

export interface ImportOptions extends WriteOptions {
  /** Breaks to accept (check id → reason), on top of those accepted in the workbook's Checks sheet. */
  accepted?: Acceptances;
}

export async function importIntoWorkbook(context: Excel.RequestContext, sources: SourceText[], options: ImportOptions = {}): Promise<ImportResult> {
  // A file over the cap is refused before any work, the workbook not even read.
  const huge = sources.filter((s) => s.text.length > MAX_FILING_BYTES);
  if (huge.length) {
    throw new WorkbookWriteError(`Nothing was written: ${huge.map((s) => `${s.name} is ${(s.text.length / 1048576).toFixed(1)} MB`).join(', ')}; filings over ${MAX_FILING_BYTES / 1048576} MB are refused.`, true);
  }
  let syncs = 0;
  const sync = async (): Promise<void> => { await context.sync(); syncs++; };
  const withNotes = options.notes ?? notesSupported();

  // 1. Probe: sheets, names, stored-filings part.
  const readProbe = queueProbe(context, FILINGS_NAMESPACE);
  await sync();
  const probe = readProbe();
  // A later version's filings, or sheets with MPWR's names that MPWR did not write: touch nothing.
  if (probe.newer.length) throw new WorkbookWriteError(`Nothing was written: ${newerVersionProblem(probe.newer)}.`, true);
  const inTheWay = sheetsInTheWay(probe.sheetNames, probe.parts.length > 0);
  if (inTheWay.length) {
    const list = inTheWay.map((n) => `'${n}'`).join(', ');
    throw new WorkbookWriteError(`Nothing was written: this workbook already has ${inTheWay.length === 1 ? 'a sheet' : 'sheets'} named ${list} that MPWR did not write. Rename or delete ${inTheWay.length === 1 ? 'it' : 'them'}, then import again.`, true);
  }

  // 2. Snapshot of the MPWR sheets that exist and the stored filings (skipped in an empty workbook).
  const snapshot = queueSnapshot(context, probe, MPWR_SHEETS, withNotes);
  if (snapshotNeedsSync(probe, MPWR_SHEETS)) await sync();
  const warnings: string[] = [];
  let stored: SourceText[] = [];
  for (const x of snapshot.xml) {
    const r = parseFilingsXml(x.value);
    stored = mergeFilings(stored, r.filings);
    warnings.push(...r.problems);
  }

  // Analyse and plan before anything is written.
  const alreadyStored = sources.filter((s) => stored.some((t) => t.text === s.text)).map((s) => s.name);
  const filings = mergeFilings(stored, sources);
  const analysis = analyze(filings.slice(stored.length), stored);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (analysis.dataset.facts().length === 0) {
    throw new WorkbookWriteError(`Nothing was written: ${errors.map((e) => `${e.file}: ${e.message}`).join('; ') || 'no figures could be read'}.`, true);
  }
  const refusal = whyNoWorkbook(analysis);
  if (refusal) throw new WorkbookWriteError(`Nothing was written: ${refusal}.`, true);
  // Breaks the user accepted on the Checks sheet are kept across the refresh.
  const checksSnap = snapshot.sheets.get(SHEET_NAMES.checks);
  const accepted: Acceptances = new Map([...(checksSnap ? acceptancesFromSheet(checksSnap.used.formulas as unknown[][]) : []), ...(options.accepted ?? [])]);
  const plan = buildPlan(analysis, { accepted });
  const problems = validatePlan(plan);
  if (problems.length) {
    throw new WorkbookWriteError(`Nothing was written: the layout is not valid (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}).`, true);
  }
  const previous = stored.length ? buildPlan(analyze(stored), { accepted }) : undefined;

  // 3. Write (restores and throws on failure).
  const report = await applyPlan(context, plan, probe, snapshot, filingsXml(filings), previous, { ...options, notes: withNotes });
  syncs += report.syncs;
  warnings.push(...report.warnings);

  const counts = checkCounts(analysis.checks);
  const acceptedBreaks = analysis.checks.filter((c) => c.status === 'break' && accepted.has(c.id)).length;
  const added = report.changes.flatMap((c) => c.insertedColumns.map((k) => `${k} (${c.sheet})`));
  const restated = analysis.dataset.restatements.length;
  const message = [
    `Wrote ${plan.sheets.length} MPWR sheets from ${filings.length} filing${filings.length === 1 ? '' : 's'}`,
    `${analysis.checks.length} checks: ${counts.tie} tie, ${counts.rounding} rounding, ${counts.break} break${acceptedBreaks ? ` (${acceptedBreaks} accepted)` : ''}, ${counts.incomplete} incomplete${counts.unverified ? `, ${counts.unverified} unverified` : ''}`,
    added.length ? `new columns: ${[...new Set(report.changes.flatMap((c) => c.insertedColumns))].join(', ')}` : '',
    restated ? `${restated} restated value${restated === 1 ? '' : 's'} flagged on MPWR Checks` : '',
    alreadyStored.length ? `already in the workbook: ${alreadyStored.join(', ')}` : '',
  ].filter((x) => x).join('; ') + '.';
  return { analysis, plan, filings, alreadyStored, changes: report.changes, syncs, maxRequestBytes: report.maxRequestBytes, warnings, message };
}
