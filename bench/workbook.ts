/**
 * `npm run bench`, workbook: the seed import into the in-memory workbook (test/support/fake-excel:
 * Office.js batching over HyperFormula) — time from the first call to the last sync, the syncs
 * per import, and the same for a refresh with the synthetic Q3 2004 release. Steady: median of
 * `runs` after `warmup` untimed rounds (the cold first import is measured by cold-child.ts).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { importIntoWorkbook } from '../src/excel/import';
import { excelContext, FakeWorkbook } from '../test/support/fake-excel';
import { median } from './measure';

export interface WorkbookBench {
  /** Median time of the seed import into an empty workbook, ms. */
  importMs: number;
  /** Syncs of that import (goal: at most 3). */
  syncs: number;
  /** Median time of the refresh (Q3 2004 into the seeded workbook), ms. */
  refreshMs: number;
  refreshSyncs: number;
  /** Largest request of the seed import, bytes (limit 5 MB). */
  maxRequestBytes: number;
  warmup: number;
  runs: number;
}

export async function benchWorkbook(runs = 7, warmup = 3): Promise<WorkbookBench> {
  const root = path.join(__dirname, '..');
  const seed = { name: 'mpwr-2004q2-ex99-1.txt', text: readFileSync(path.join(root, 'assets', 'filings', 'mpwr-2004q2-ex99-1.txt'), 'utf8') };
  const q3 = { name: 'synthetic-2004q3.txt', text: readFileSync(path.join(root, 'test', 'fixtures', 'synthetic-2004q3.txt'), 'utf8') };
  const imports: number[] = [];
  const refreshes: number[] = [];
  let syncs = 0;
  let refreshSyncs = 0;
  let maxRequestBytes = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const wb = new FakeWorkbook();
    let t = performance.now();
    const r = await importIntoWorkbook(excelContext(wb), [seed], { notes: true });
    if (i >= warmup) imports.push(performance.now() - t);
    syncs = r.syncs;
    maxRequestBytes = Math.max(...wb.requestBytes);
    t = performance.now();
    const r2 = await importIntoWorkbook(excelContext(wb), [q3], { notes: true });
    if (i >= warmup) refreshes.push(performance.now() - t);
    refreshSyncs = r2.syncs;
  }
  return { importMs: median(imports), syncs, refreshMs: median(refreshes), refreshSyncs, maxRequestBytes, warmup, runs };
}
