// Mutation testing of the core modules (StrykerJS, jest runner): `npm run mutate` runs all four
// directories in one run; `MPWR_MUTATE=reconcile npm run mutate` runs one (filing, model,
// reconcile or formulas), with its own report (reports/mutation/<dir>/) and its own incremental
// file, so a second run after new tests re-runs only the mutants whose code or tests changed.
// See README.md ("Mutation testing") for the time it takes and how to read the report.
// MPWR_MUTATE_SAMPLE=k tests a random 1-in-k sample of the lines (scripts/stryker-sample.mjs), and
// `node scripts/mutation-score.mjs` turns a run's report into the score (an estimate with its
// margin for a sample). MPWR_MUTATE_CONCURRENCY=2 runs two test processes.
import { DIRS, mutationPart } from './scripts/mutation-part.mjs';

const only = process.env.MPWR_MUTATE;
const part = mutationPart();
/** The suites of each layer (test/<name>.test.ts). */
const SUITES = {
  filing: ['line-ends', 'text', 'numbers', 'text-table', 'text-table-layout', 'period-headers', 'html-reader', 'seed-facts', 'real-filings', 'reader-robust', 'reader-parts', 'filing-context', 'dashes'],
  model: ['concepts', 'dataset', 'model-parts', 'seed-facts', 'signs', 'same-fact', 'history'],
  reconcile: ['seed-oracle', 'tolerances', 'same-fact', 'seed-checks', 'inferred-subtotals', 'checks-triage', 'culprit-search', 'check-ids', 'history'],
  formulas: ['formulas', 'formulas-call', 'formulas-functions', 'formulas-parts', 'formulas-period-input', 'signs', 'history'],
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: (only ? [only] : DIRS).map((d) => `src/${d}/**/*.ts`),
  testRunner: 'jest',
  jest: {
    configFile: 'jest.config.js',
    // Each directory's mutants meet the suites written for that layer (below). A mutant run
    // loads every suite related to the mutated file, and each suite reads its filings when
    // jest collects it, whether or not one of its tests covers the mutant: with every suite, a
    // mutant costs half a minute on this machine; with its layer's suites, seconds. Left out:
    // the fuzz test (its cases run in worker threads that load the sources afresh, outside
    // Stryker's instrumentation), the browser, build, manifest and LibreOffice tests, the
    // workbook, Excel, .xlsx, task pane and HyperFormula suites (layers above the core), and
    // formulas-abuse / company-separation / hostile (25, 15 and 40 s a run). Suites left out
    // can only kill more mutants: each score is a lower bound.
    config: {
      // src/ among the roots: jest --findRelatedTests (below) follows imports only through files
      // it has crawled, so with test/ alone it finds only the suites importing a mutated file
      // directly, not those reaching it through src/pipeline.ts.
      roots: ['<rootDir>/test', '<rootDir>/src'],
      // Transpile only (no type-check): Stryker marks every file @ts-nocheck anyway, and ts-jest's
      // type-checking language service costs about 5 s a jest run on this machine (7.7 s against
      // 2.1 s for one suite), which a mutant run pays again and again.
      transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true }] },
      testMatch: [...new Set((only ? [only] : DIRS).flatMap((d) => SUITES[d]))].map((name) => `<rootDir>/test/${name}.test.ts`),
    },
    enableFindRelatedTests: true,
  },
  // Only the tests that reach a mutant run for it; a mutant in code run once at load (a constant
  // table, a module-level regex) would need every test: those are skipped and not counted.
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  // This machine has two cores shared by several people: one test process unless
  // MPWR_MUTATE_CONCURRENCY says more (two stryker runs at once halve the throughput of both), and
  // a generous timeout (a slow run under load is not taken for an infinite loop).
  concurrency: Number(process.env.MPWR_MUTATE_CONCURRENCY ?? '1'),
  timeoutMS: 30000,
  timeoutFactor: 3,
  dryRunTimeoutMinutes: 40,
  // Text for a person to read (diagnostics' `message`, checks' `description`, help's `summary` and
  // `example`) is not mutated: scripts/stryker-message-text.mjs. Those mutants show as Ignored.
  plugins: ['@stryker-mutator/jest-runner', './scripts/stryker-sample.mjs', './scripts/stryker-message-text.mjs', './scripts/stryker-mutant-log.mjs'],
  // Message text last: where both ignore one node, its mutants count as text (not as lines left out).
  ignorers: ['sample', 'message-text'],
  incremental: true,
  // One incremental file per directory, whichever sample: a result stands for its mutant until its
  // code or the tests covering it change, so a second draw (or a full run) tests only what the
  // first did not (Stryker runs a mutant its last run ignored).
  incrementalFile: `reports/mutation/${only ?? 'all'}/incremental.json`,
  // mutant-log: each result as it comes (reports/mutation/<dir>/mutants.jsonl), for a run stopped early.
  reporters: ['clear-text', 'progress', 'html', 'json', 'mutant-log'],
  htmlReporter: { fileName: `reports/mutation/${part}/mutation.html` },
  jsonReporter: { fileName: `reports/mutation/${part}/mutation.json` },
  thresholds: { high: 90, low: 80, break: null },
  // Stryker adds @ts-nocheck to these (a mutant need not type-check); not to the HTML fixtures.
  disableTypeChecks: '{src,test}/**/*.ts',
  ignorePatterns: ['dist', 'dist-addin', 'test-output', 'reports', '.scratch'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
