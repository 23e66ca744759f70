/**
 * Where an import goes: into the open workbook through Office.js (in Excel), or into a
 * downloaded .xlsx (the same pane opened in a browser). Both build the same SheetPlan.
 */
import { checkCounts, type Analysis, type SourceText } from '../src/pipeline';
import type { SheetPlan } from '../src/workbook/plan';
import { setImported } from '../src/formulas/store';
import { buildPlan, whyNoWorkbook } from '../src/workbook/layout';
import { loadStoredFilings } from '../src/excel/filing-store';
import { describeError } from './sources';

/** Reports how far the work is, 0..1 (undefined: a step of unknown length), and what it is doing. */
export type Progress = (fraction: number | undefined, text: string) => void;

export interface Job {
  analysis: Analysis;
  /** The filings of this import. */
  sources: SourceText[];
  /** Filings imported before (already in the workbook), which the analysis includes. */
  base: SourceText[];
}

export interface Imported {
  sources: SourceText[];
  problems: string[];
}

export interface Backend {
  readonly host: 'excel' | 'browser';
  /** The label of the button that writes. */
  readonly actionLabel: string;
  /** What the badge at the top says. */
  readonly description: string;
  /** Filings imported before, which a new import adds to, and what could not be read of them. */
  imported(): Promise<Imported>;
  /** Writes the job; returns the result line. Throws with a message a person can act on. */
  commit(job: Job, progress: Progress): Promise<string>;
}

/** Lets the pane repaint before a long synchronous step. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function checksText(analysis: Analysis): string {
  const c = checkCounts(analysis.checks);
  const parts = [`${c.tie} tie`, `${c.rounding} rounding`, `${c.break} ${c.break === 1 ? 'break' : 'breaks'}`];
  if (c.incomplete > 0) parts.push(`${c.incomplete} incomplete`);
  return `${analysis.checks.length} checks: ${parts.join(', ')}`;
}

function sheetCount(plan: SheetPlan): string {
  return `${plan.sheets.length} ${plan.sheets.length === 1 ? 'sheet' : 'sheets'}`;
}

/** `mpwr-2004Q2.xlsx` after the latest quarter. */
export function downloadName(analysis: Analysis): string {
  const quarters = analysis.dataset.periods().filter((p) => p.type !== 'instant');
  const last = quarters[quarters.length - 1];
  return `mpwr-${last ? last.key : 'import'}.xlsx`;
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Saves bytes as a file through the browser's download. */
function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Outside Excel: preview, then Download .xlsx. The releases previewed in this session are kept
 * (as a workbook keeps its imported ones): the next release is read on top of them and the
 * download holds them all, until Start over.
 */
export class BrowserBackend implements Backend {
  readonly host = 'browser';
  readonly actionLabel = 'Download .xlsx';
  readonly description = 'Not in Excel: preview and download an .xlsx';
  private session: SourceText[] = [];

  async imported(): Promise<Imported> {
    return { sources: [...this.session], problems: [] };
  }

  /** Keeps the releases of a preview that read something, for the next one. */
  keep(sources: SourceText[]): void {
    for (const s of sources) if (!this.session.some((t) => t.text === s.text)) this.session.push(s);
  }

  /** Forgets the session's releases. */
  clear(): void {
    this.session = [];
  }

  async commit(job: Job, progress: Progress): Promise<string> {
    progress(0.1, 'Laying out the sheets…');
    await nextFrame();
    const refusal = whyNoWorkbook(job.analysis);
    if (refusal) throw new Error(refusal);
    const plan = buildPlan(job.analysis);
    progress(0.3, 'Loading the .xlsx writer…');
    const { planToXlsx } = await import(/* webpackChunkName: "xlsx" */ '../src/xlsx/write-xlsx');
    progress(0.5, `Writing ${sheetCount(plan)} to .xlsx…`);
    const bytes = await planToXlsx(plan);
    const name = downloadName(job.analysis);
    progress(0.9, `Saving ${name}…`);
    download(bytes, name);
    setImported([...job.base, ...job.sources]);
    const releases = job.base.length + job.sources.length;
    return `Downloaded ${name} (${sheetCount(plan)}, ${sizeText(bytes.length)}${releases > 1 ? `, ${releases} releases` : ''}; ${checksText(job.analysis)}).`;
  }
}

/** A failed write as the Excel writer reports it (src/excel/writer.ts, WorkbookWriteError). */
function writeErrorOf(e: unknown): { message: string; restored: boolean } | undefined {
  if (e instanceof Error && e.name === 'WorkbookWriteError') {
    const restored = (e as Error & { restored?: unknown }).restored;
    return { message: e.message, restored: restored === true };
  }
  return undefined;
}

/** Recalculates the workbook so that every =MPWR.* formula answers from the new data. */
async function recalculate(): Promise<void> {
  await Excel.run(async (context) => {
    context.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}

/** Asks Office to start the add-in's runtime when this workbook opens, so formulas have their data. */
async function loadAtStartup(): Promise<void> {
  if (typeof Office === 'undefined' || typeof Office.addin?.setStartupBehavior !== 'function') return;
  await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
}

/** In Excel: writes the MPWR sheets into the open workbook and keeps the filings in it. */
export class ExcelBackend implements Backend {
  readonly host = 'excel';
  readonly actionLabel = 'Write to workbook';
  readonly description = 'Connected to Excel';

  async imported(): Promise<Imported> {
    try {
      const { filings, problems } = await Excel.run((context) => loadStoredFilings(context));
      return { sources: filings, problems };
    } catch (e) {
      return { sources: [], problems: [`the releases imported before could not be read (${describeError(e)}); this preview shows the new release alone`] };
    }
  }

  /** After the workbook opens: formulas answer from the releases stored in it. */
  async restore(sources: SourceText[]): Promise<void> {
    if (sources.length === 0) return;
    setImported(sources);
    await recalculate();
  }

  async commit(job: Job, progress: Progress): Promise<string> {
    progress(0.05, 'Loading the workbook writer…');
    const { importIntoWorkbook } = await import(/* webpackChunkName: "excel" */ '../src/excel/import');
    progress(undefined, 'Writing the MPWR sheets and saving the release in the workbook…');
    let result: Awaited<ReturnType<typeof importIntoWorkbook>>;
    try {
      // Waits while a cell is being edited instead of failing.
      result = await Excel.run({ delayForCellEdit: true }, (context) => importIntoWorkbook(context, job.sources));
    } catch (e) {
      const failed = writeErrorOf(e);
      if (!failed) throw new Error(`Nothing was written: ${describeError(e)}. The workbook is as it was; try again.`);
      // The writer's message says what happened and whether the workbook was put back.
      throw new Error(failed.restored ? failed.message : `${failed.message} Import again to rewrite the MPWR sheets.`);
    }
    progress(0.85, 'Updating =MPWR formulas…');
    const notes: string[] = [...result.warnings];
    try {
      setImported(result.filings);
      await recalculate();
    } catch (e) {
      notes.push(`=MPWR formulas could not be recalculated (${describeError(e)}); press Ctrl+Alt+F9`);
    }
    try {
      await loadAtStartup();
    } catch {
      notes.push('Excel would not start MPWR with this workbook; open the task pane once after reopening it');
    }
    return notes.length > 0 ? `${result.message} Note: ${notes.join('; ')}.` : result.message;
  }
}
