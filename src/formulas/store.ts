/**
 * The data every `=MPWR.*` formula answers from: the built-in filing overlaid by the filings
 * imported into the workbook. One store per runtime (the shared runtime's functions and task
 * pane see the same one); the Analysis is built lazily on the first formula and rebuilt only
 * when the sources change.
 *
 * The task pane calls `setImported(sources)` after an import (and when a workbook opens with
 * filings saved in it), then recalculates; `onChange` tells it (or anyone) when the data changed.
 * A set of sources that cannot be analysed leaves the previous data in place.
 */
import { analyze, type Analysis, type SourceText } from '../pipeline';
import { FormulaData } from './data';

export type StoreListener = (data: FormulaData) => void;

export class FormulaStore {
  private builtIn: SourceText[] = [];
  private imported: SourceText[] = [];
  private current: FormulaData | undefined;
  private readonly listeners = new Set<StoreListener>();
  /** Incremented on every change of the data. */
  version = 0;

  constructor(builtIn: SourceText[] = []) {
    this.builtIn = [...builtIn];
  }

  /** The built-in filing(s) (the add-in ships the Mpower Q2 2004 release). */
  setBuiltIn(sources: SourceText[]): void {
    if (sameSources(this.builtIn, sources)) return;
    if (!this.current) {
      // Nothing read yet (the add-in setting its filing at load): stay lazy until the first formula.
      this.builtIn = [...sources];
      return;
    }
    this.replace(sources, this.imported);
  }

  /** The filings imported into the workbook, oldest first; they overlay the built-in one. Returns the new Analysis. */
  setImported(sources: SourceText[]): Analysis {
    if (sameSources(this.imported, sources) && this.current) return this.current.analysis;
    return this.replace(this.builtIn, sources).analysis;
  }

  builtInSources(): SourceText[] {
    return [...this.builtIn];
  }

  importedSources(): SourceText[] {
    return [...this.imported];
  }

  /** The current data, built on first use. */
  data(): FormulaData {
    if (!this.current) this.current = new FormulaData(analyze(this.imported, this.builtIn));
    return this.current;
  }

  analysis(): Analysis {
    return this.data().analysis;
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private replace(builtIn: SourceText[], imported: SourceText[]): FormulaData {
    // Analyse first: if that fails, nothing already loaded is lost.
    const next = new FormulaData(analyze(imported, builtIn));
    this.builtIn = [...builtIn];
    this.imported = [...imported];
    this.current = next;
    this.version++;
    for (const l of [...this.listeners]) {
      try {
        l(next);
      } catch {
        // A listener's failure is its own business; the data is already in place.
      }
    }
    return next;
  }
}

function sameSources(a: SourceText[], b: SourceText[]): boolean {
  return a.length === b.length && a.every((s, i) => s.name === b[i].name && s.text === b[i].text);
}

/** The runtime's one store. `functions/functions.ts` gives it the built-in filing. */
export const store = new FormulaStore();

/** Shorthands on the runtime's store for the task pane. */
export function setImported(sources: SourceText[]): Analysis {
  return store.setImported(sources);
}

export function onChange(listener: StoreListener): () => void {
  return store.onChange(listener);
}
