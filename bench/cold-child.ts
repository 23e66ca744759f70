/**
 * One cold measurement in a fresh Node process under ts-node (run by `coldRuns` in measure.ts):
 * everything is loaded and compiled first, then the first call is timed (wall-clock ms). The one
 * figure that needs TypeScript sources (the in-memory workbook of test/support); the seed's and
 * the first formula's run in Node alone (bench/cold-parse.js, test/support/functions-host.js).
 *
 *   cold-child.ts workbook          first seed import into the in-memory workbook
 */
import { readFileSync } from 'fs';
import * as path from 'path';

type Figures = Record<string, number>;

const SEED = path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt');

async function workbook(): Promise<Figures> {
  const { importIntoWorkbook } = await import('../src/excel/import');
  const { excelContext, FakeWorkbook } = await import('../test/support/fake-excel');
  const seed = { name: path.basename(SEED), text: readFileSync(SEED, 'utf8') };
  const wb = new FakeWorkbook();
  const t = performance.now();
  await importIntoWorkbook(excelContext(wb), [seed], { notes: true });
  return { ms: performance.now() - t };
}

async function main(): Promise<void> {
  const [task] = process.argv.slice(2);
  const tasks: Record<string, () => Promise<Figures>> = {
    workbook,
  };
  const run = tasks[task];
  if (!run) throw new Error(`unknown cold task ${task}`);
  console.log(JSON.stringify(await run()));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
