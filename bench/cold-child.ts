/**
 * One cold measurement in a fresh Node process (run by `coldRuns` in measure.ts): everything is
 * loaded and compiled first, then the first call is timed. Prints one JSON object of figures (ms,
 * CPU time as measure.ts says; `*wall_ms` wall-clock).
 *
 *   cold-child.ts parse FILE        first analyze() of the file and its checks (read → facts → checks)
 *   cold-child.ts baseline FILE     first baseline scan of the file (see parse.ts)
 *   cold-child.ts workbook          first seed import into the in-memory workbook
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { timeOnce, wallOnce } from './measure';

type Figures = Record<string, number>;

const SEED = path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt');

async function parse(file: string): Promise<Figures> {
  const { analyze } = await import('../src/pipeline');
  const text = readFileSync(file, 'utf8');
  // Read, facts, Dataset and every check (checks are evaluated on first use, so they are asked for).
  let wall = 0;
  const ms = timeOnce(() => { wall = wallOnce(() => analyze([{ name: path.basename(file), text }]).checks.length); });
  return { ms, wall_ms: wall };
}

async function baseline(file: string): Promise<Figures> {
  const { baselineScan } = await import('./parse');
  const text = readFileSync(file, 'utf8');
  return { ms: timeOnce(() => baselineScan(text)) };
}

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
  const [task, arg] = process.argv.slice(2);
  const tasks: Record<string, () => Promise<Figures>> = {
    parse: () => parse(arg ?? SEED),
    baseline: () => baseline(arg ?? SEED),
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
