/**
 * The task pane's Excel path (taskpane/backend.ts, ExcelBackend) against the in-memory workbook
 * of test/support/fake-excel.ts, with `Excel.run` and `Office.addin` stood in: what the pane
 * reads from the workbook, what it writes, that =MPWR.* formulas get the new data, and what a
 * person reads when the write fails.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ExcelBackend, type Job } from '../taskpane/backend';
import { previewOf } from '../taskpane/preview';
import { store } from '../src/formulas/store';
import { analyze, type SourceText } from '../src/pipeline';
import { excelContext, FakeWorkbook } from './support/fake-excel';
import { oracleCounts } from './support/seed-oracle';

const SEED: SourceText = { name: 'mpwr-2004q2-ex99-1.txt', text: readFileSync(join(__dirname, '..', 'assets', 'filings', 'mpwr-2004q2-ex99-1.txt'), 'utf8') };
const Q3: SourceText = { name: 'synthetic-2004q3.txt', text: readFileSync(join(__dirname, 'fixtures', 'synthetic-2004q3.txt'), 'utf8') };

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

interface Host {
  wb: FakeWorkbook;
  calculations: string[];
  startup: string[];
  runOptions: unknown[];
}

/** `Excel.run` over a FakeWorkbook (plus `application.calculate`), and `Office.addin`. */
function installHost(): Host {
  const host: Host = { wb: new FakeWorkbook(), calculations: [], startup: [], runOptions: [] };
  const context = excelContext(host.wb);
  Object.assign(context.application, { calculate: (type: string) => host.wb.enqueue(() => host.calculations.push(type)) });
  const run = <T>(a: unknown, b?: Batch<T>): Promise<T> => {
    if (b) host.runOptions.push(a);
    return (b ?? (a as Batch<T>))(context);
  };
  Object.assign(globalThis, {
    Excel: { run, CalculationType: { full: 'Full' } },
    Office: {
      StartupBehavior: { load: 'Load', none: 'None' },
      addin: { setStartupBehavior: async (b: string) => { host.startup.push(b); } },
    },
  });
  return host;
}

async function job(backend: ExcelBackend, sources: SourceText[]): Promise<Job> {
  const base = (await backend.imported()).sources;
  return { analysis: analyze(sources, base), sources, base };
}

afterEach(() => {
  for (const k of ['Excel', 'Office']) Reflect.deleteProperty(globalThis, k);
  store.setImported([]);
});

describe('Write to workbook (ExcelBackend)', () => {
  test('an empty workbook holds nothing; the seed is written, stored, and fed to =MPWR.* formulas', async () => {
    const host = installHost();
    const backend = new ExcelBackend();
    expect(await backend.imported()).toEqual({ sources: [], problems: [] });

    const progress: string[] = [];
    const line = await backend.commit(await job(backend, [SEED]), (_f, text) => progress.push(text));

    const o = oracleCounts(SEED.text); // 126 checks: 111 tie, 14 rounding, 1 break (test/support/seed-oracle.ts)
    expect(line).toMatch(new RegExp(`^Wrote \\d+ MPWR sheets from 1 filing; ${o.all} checks: ${o.tie} tie, ${o.rounding} rounding, ${o.break} break, 0 incomplete`));
    expect(progress).toEqual(expect.arrayContaining(['Updating =MPWR formulas…']));
    expect(host.wb.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['MPWR Operations', 'MPWR Checks']));
    expect(host.runOptions).toEqual([{ delayForCellEdit: true }]);
    expect((await backend.imported()).sources).toEqual([SEED]);
    expect(store.importedSources()).toEqual([SEED]);
    expect(host.calculations).toEqual(['Full']);
    expect(host.startup).toEqual(['Load']);
  });

  test('a second quarter is previewed and written on top of what the workbook holds', async () => {
    installHost();
    const backend = new ExcelBackend();
    await backend.commit(await job(backend, [SEED]), () => undefined);

    const next = await job(backend, [Q3]);
    expect(next.base).toEqual([SEED]);
    const preview = previewOf(next.analysis, [Q3.name]);
    expect(preview.filings.map((f) => f.file)).toEqual([Q3.name]);
    expect(preview.periods).toEqual(expect.arrayContaining(['2003Q2', '2004Q1', '2004Q2', '2004Q3']));

    const line = await backend.commit(next, () => undefined);
    expect(line).toMatch(/^Wrote \d+ MPWR sheets from 2 filings/);
    expect(line).toMatch(/restated value/);
    expect(store.importedSources()).toEqual([SEED, Q3]);
  });

  test('the seed again is recognised as already imported', async () => {
    installHost();
    const backend = new ExcelBackend();
    await backend.commit(await job(backend, [SEED]), () => undefined);
    const again = await job(backend, [{ name: 'copy.txt', text: SEED.text }]);
    expect(previewOf(again.analysis, ['copy.txt']).alreadyImported).toEqual(['copy.txt']);
  });

  test('a write that fails midway says nothing changed, and the workbook is as it was', async () => {
    const host = installHost();
    const backend = new ExcelBackend();
    await backend.commit(await job(backend, [SEED]), () => undefined);
    const sheetsBefore = JSON.stringify(host.wb.state());
    host.wb.failWhen = ({ suspended, op }) => suspended && op === 40;
    const error = await backend.commit(await job(backend, [Q3]), () => undefined).then(() => undefined, (e: unknown) => e);
    host.wb.failWhen = undefined;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Nothing was changed/);
    expect((error as Error).message).not.toMatch(/\n\s+at /); // no stack trace
    expect(JSON.stringify(host.wb.state())).toBe(sheetsBefore);
    expect(store.importedSources()).toEqual([SEED]);
  });

  test('when the stored releases cannot be read, the preview says so and goes on', async () => {
    installHost();
    Object.assign(globalThis, { Excel: { run: async () => { throw new Error('The workbook is busy'); } } });
    const r = await new ExcelBackend().imported();
    expect(r.sources).toEqual([]);
    expect(r.problems).toEqual([expect.stringMatching(/could not be read \(The workbook is busy\)/)]);
  });
});
