/**
 * `npm run bench`, workbook: the seed import into the in-memory workbook (test/support/fake-excel:
 * Office.js batching over HyperFormula) — time from the first call to the last sync, the syncs
 * per import, and the same for a refresh with the synthetic Q3 2004 release. Median of `runs`.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { importIntoWorkbook } from '../src/excel/import';
import { excelContext, FakeWorkbook } from '../test/support/fake-excel';

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
  runs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchWorkbook(runs = 7): Promise<WorkbookBench> {
  const root = path.join(__dirname, '..');
  const seed = { name: 'mpwr-2004q2-ex99-1.txt', text: readFileSync(path.join(root, 'assets', 'filings', 'mpwr-2004q2-ex99-1.txt'), 'utf8') };
  const q3 = { name: 'synthetic-2004q3.txt', text: readFileSync(path.join(root, 'test', 'fixtures', 'synthetic-2004q3.txt'), 'utf8') };
  const imports: number[] = [];
  const refreshes: number[] = [];
  let syncs = 0;
  let refreshSyncs = 0;
  let maxRequestBytes = 0;
  for (let i = 0; i < runs; i++) {
    const wb = new FakeWorkbook();
    let t = performance.now();
    const r = await importIntoWorkbook(excelContext(wb), [seed], { notes: true });
    imports.push(performance.now() - t);
    syncs = r.syncs;
    maxRequestBytes = Math.max(...wb.requestBytes);
    t = performance.now();
    const r2 = await importIntoWorkbook(excelContext(wb), [q3], { notes: true });
    refreshes.push(performance.now() - t);
    refreshSyncs = r2.syncs;
  }
  return { importMs: median(imports), syncs, refreshMs: median(refreshes), refreshSyncs, maxRequestBytes, runs };
}

export default benchWorkbook;

if (require.main === module) {
  benchWorkbook().then((b) => {
    console.log('Workbook (in-memory Excel over HyperFormula)');
    console.log(`  seed import: ${b.importMs.toFixed(1)} ms, ${b.syncs} syncs (goal <= 3), largest request ${(b.maxRequestBytes / 1024).toFixed(0)} KB (limit 5 MB)`);
    console.log(`  refresh with Q3 2004: ${b.refreshMs.toFixed(1)} ms, ${b.refreshSyncs} syncs`);
  }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
