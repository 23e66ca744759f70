/** `npm run bench`: every speed figure of the project, measured in one process. */
import { benchBundles } from './bundles';
import { benchFunctions, formatFunctionsBench } from './functions';
import { benchParse } from './parse';
import { benchWorkbook } from './workbook';

async function main(): Promise<void> {
  const p = benchParse();
  console.log('Parse + reconcile');
  console.log(`  seed release: ${p.seedMs.toFixed(2)} ms (median of 50), baseline scan ${p.seedBaselineMs.toFixed(3)} ms, ratio ${(p.seedMs / p.seedBaselineMs).toFixed(1)}x`);
  for (const s of p.sizes) {
    console.log(`  synthetic ${s.label} (${s.mb.toFixed(2)} MB): ${s.ms.toFixed(0)} ms, ${s.mbPerS.toFixed(2)} MB/s; baseline ${s.baselineMs.toFixed(1)} ms; ratio ${s.ratio.toFixed(1)}x (goal < 5x)`);
  }
  console.log(`  growth 10 MB / 1 MB: ${p.growth10vs1.toFixed(2)}x (goal <= 11x)`);
  console.log('Custom functions (HyperFormula, one run)');
  for (const line of formatFunctionsBench(await benchFunctions())) console.log(`  ${line}`);
  const w = await benchWorkbook();
  console.log('Workbook (in-memory Excel object model)');
  console.log(`  seed import: ${w.importMs.toFixed(1)} ms, ${w.syncs} syncs; Q3 refresh: ${w.refreshMs.toFixed(1)} ms, ${w.refreshSyncs} syncs; largest request ${(w.maxRequestBytes / 1024).toFixed(0)} KB (limit 5 MB)`);
  console.log('Bundles (production build, gzip -9; goals: functions < 60 KB, task pane < 120 KB at start-up)');
  for (const b of await benchBundles()) {
    console.log(`  ${b.file.padEnd(28)} ${(b.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzipped (${(b.bytes / 1024).toFixed(0)} KB) ${b.startup ? 'start-up' : 'lazy'}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
