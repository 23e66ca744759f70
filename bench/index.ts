/**
 * `npm run bench`: every speed figure of the project, cold and steady apart (see measure.ts for
 * what each means), ratios against baselines measured in the same process.
 * `npm run bench -- --json` prints the same figures as one JSON object (one key per figure) on
 * stdout, so they can be tracked from run to run; progress goes to stderr.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { bundleSizes, buildInto } from './bundles';
import { benchFunctions } from './functions';
import { benchHistory } from './history';
import { benchNarrative } from './narrative';
import { coldRuns, peakRssMb } from './measure';
import { benchHtml, benchParse, SEED_FILE, synthetic } from './parse';
import { benchStages, STAGES } from './stages';
import { benchWorkbook } from './workbook';

const ROOT = path.resolve(__dirname, '..');
const COLD_PROCESSES = 7;

type Figures = Record<string, number>;

const fixed = (n: number, d = 2): string => (Number.isFinite(n) ? n.toFixed(d) : String(n));

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const say = (line: string): void => {
    if (json) process.stderr.write(`${line}\n`);
    else console.log(line);
  };
  const figures: Figures = {};
  const put = (values: Figures): void => { Object.assign(figures, values); };

  say('Building the CLI (tsc) and the add-in (webpack, production) for the figures that need them...');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json')], { stdio: 'inherit' });
  const addin = await buildInto();
  const scratch = mkdtempSync(path.join(tmpdir(), 'mpwr-bench-data-'));
  try {
    // Parse + reconcile.
    const p = benchParse(COLD_PROCESSES);
    put({
      seed_steady_ms: p.seed.subjectMs, seed_baseline_steady_ms: p.seed.baselineMs, seed_steady_ratio: p.seed.ratio, seed_warmup_runs: p.seed.warmup,
      seed_steady_wall_ms: p.seed.subjectWallMs, seed_baseline_steady_wall_ms: p.seed.baselineWallMs,
      seed_cold_ms: p.seedCold.ms, seed_cold_wall_ms: p.seedCold.wallMs, seed_baseline_cold_ms: p.seedCold.baselineMs, seed_cold_ratio: p.seedCold.ms / p.seedCold.baselineMs,
      mb1_steady_ms: p.mb1.subjectMs, mb1_steady_ratio: p.mb1.ratio,
      mb10_steady_ms: p.mb10.subjectMs, mb10_baseline_steady_ms: p.mb10.baselineMs, mb10_steady_ratio: p.mb10.ratio, mb10_steady_wall_ms: p.mb10.subjectWallMs,
      growth_steady: p.growth,
    });
    say('Parse + reconcile (analyze and its checks; the claims of the text are read on first use, see the narrative pass below) vs the baseline (split lines + one number regex; see bench/parse.ts); CPU time, wall-clock in brackets (see bench/measure.ts)');
    say(`  seed, steady (median of ${p.seed.runs} after ${p.seed.warmup} warm-up calls): ${fixed(p.seed.subjectMs, 3)} ms (${fixed(p.seed.subjectWallMs, 3)}); baseline ${fixed(p.seed.baselineMs, 3)} ms (${fixed(p.seed.baselineWallMs, 3)}); ratio ${fixed(p.seed.ratio, 1)}x (goal <= 5x)`);
    say(`  seed, cold (first call in a fresh process, Node alone on the compiled pipeline, median of ${p.seedCold.processes}): ${fixed(p.seedCold.ms, 1)} ms (${fixed(p.seedCold.wallMs, 1)}); baseline ${fixed(p.seedCold.baselineMs, 2)} ms; ratio ${fixed(p.seedCold.ms / p.seedCold.baselineMs, 1)}x`);
    for (const [label, s] of [['1 MB', p.mb1], ['10 MB', p.mb10]] as const) {
      say(`  synthetic ${label} (${fixed(s.mb)} MB), steady (median of ${s.runs} after ${s.warmup}): ${fixed(s.subjectMs, 0)} ms (${fixed(s.subjectWallMs, 0)}), ${fixed(s.mb / (s.subjectMs / 1000))} MB/s; baseline ${fixed(s.baselineMs, 1)} ms (${fixed(s.baselineWallMs, 1)}); ratio ${fixed(s.ratio, 1)}x${label === '10 MB' ? ' (goal <= 10x)' : ''}`);
    }
    say(`  growth 1 MB -> 10 MB, steady: ${fixed(p.growth)}x (goal <= 11x)`);

    // The seed's stages, each timed on its own (bench/stages.ts).
    const st = benchStages();
    for (const s of STAGES) put({ [`seed_stage_${s}_ms`]: st.ms[s], [`seed_stage_${s}_ratio`]: st.ratio[s] });
    const stageSum = STAGES.reduce((sum, s) => sum + st.ratio[s], 0);
    put({ seed_stages_sum_ratio: stageSum });
    say(`Seed by stage, steady (median of ${st.runs} rounds after ${st.warmup}; each stage timed alone, in pipeline order, beside one baseline call per round; baseline ${fixed(st.baselineMs, 3)} ms; see bench/stages.ts)`);
    say(`  ${STAGES.map((s) => `${s.replace('_', ' ')} ${fixed(st.ms[s], 3)} ms ${fixed(st.ratio[s], 2)}x`).join('; ')}; sum ${fixed(stageSum, 1)}x`);

    // The narrative pass on the seed: the full analysis with and without it.
    const n = benchNarrative();
    put({ narrative_seed_with_ms: n.steady.subjectMs, narrative_seed_without_ms: n.steady.baselineMs, narrative_seed_cost_ms: n.costMs, narrative_seed_ratio: n.steady.ratio });
    say(`Narrative pass on the seed (${n.claims} claims read and judged): read + checks + claims vs read + checks, steady (median of ${n.steady.runs} after ${n.steady.warmup}, interleaved)`);
    say(`  with ${fixed(n.steady.subjectMs, 3)} ms; without ${fixed(n.steady.baselineMs, 3)} ms; the pass costs ${fixed(n.costMs, 3)} ms (${fixed(n.steady.ratio, 2)}x)`);

    // An HTML exhibit against the text seed.
    const x = benchHtml();
    put({ html_apple2004_kb: x.kb, html_apple2004_steady_ms: x.steady.subjectMs, html_apple2004_ms_per_kb: x.msPerKb, html_seed_ms_per_kb: x.seedMsPerKb, html_per_kb_ratio: x.perKbRatio });
    say(`HTML exhibit (Apple 2004 EX-99.1, ${fixed(x.kb, 0)} KB, Word-style markup) vs the text seed (${fixed(x.seedKb, 0)} KB), steady (median of ${x.steady.runs} after ${x.steady.warmup}, interleaved)`);
    say(`  ${fixed(x.steady.subjectMs, 1)} ms (${fixed(x.msPerKb, 3)} ms/KB); seed ${fixed(x.steady.baselineMs, 2)} ms (${fixed(x.seedMsPerKb, 3)} ms/KB); per-KB ratio ${fixed(x.perKbRatio, 2)}x`);

    // A model's history: 1, 10, 40 filings merged.
    const h = benchHistory();
    for (const x of h.sizes) put({ [`history_${x.filings}_ms`]: x.ms, [`history_${x.filings}_per_filing_ms`]: x.perFilingMs, [`history_${x.filings}_alone_per_filing_ms`]: x.aloneMs, [`history_${x.filings}_per_filing_ratio`]: x.ratio });
    say(`History: filings imported together (read, merged, derived periods, every check) vs the same filings imported one at a time, steady (median of ${h.runs} rounds after ${h.warmup} warm-up rounds; both timed in each round)`);
    for (const x of h.sizes) say(`  ${String(x.filings).padStart(2)} filing${x.filings === 1 ? ' ' : 's'}: ${fixed(x.ms, 0)} ms, ${fixed(x.perFilingMs, 1)} ms per filing; alone ${fixed(x.aloneMs, 1)} ms per filing; ${fixed(x.ratio)}x${x.filings === 40 ? ' (goal <= 1.3x)' : ''}`);

    // Peak memory of the command people run.
    const mb10File = path.join(scratch, 'synthetic-10mb.txt');
    writeFileSync(mb10File, synthetic(10 * 1024 * 1024));
    const mpwr = path.join(ROOT, 'bin/mpwr.js');
    put({
      rss_seed_mb: peakRssMb(mpwr, ['import', SEED_FILE]),
      rss_seed_json_mb: peakRssMb(mpwr, ['import', SEED_FILE, '--json']),
      rss_10mb_mb: peakRssMb(mpwr, ['import', mb10File]),
      rss_10mb_json_mb: peakRssMb(mpwr, ['import', mb10File, '--json']),
      rss_10mb_json_piped_mb: peakRssMb(mpwr, ['import', mb10File, '--json'], 'piped'),
    });
    say('Peak RSS of `mpwr import` (fresh process; output discarded, unless into a pipe)');
    say(`  seed: ${fixed(figures.rss_seed_mb, 0)} MB, with --json ${fixed(figures.rss_seed_json_mb, 0)} MB; 10 MB: ${fixed(figures.rss_10mb_mb, 0)} MB, with --json ${fixed(figures.rss_10mb_json_mb, 0)} MB (goal <= 250 MB with --json), with --json into a pipe ${fixed(figures.rss_10mb_json_piped_mb, 0)} MB`);

    // The first formula in a fresh functions runtime.
    // Plain Node and the bundle only (test/support/functions-host.js): no TypeScript compiler beside it.
    const [formula] = coldRuns([{ task: 'time', args: [addin], script: path.join(ROOT, 'test/support/functions-host.js') }], COLD_PROCESSES);
    put({ first_formula_cold_ms: formula.first_ms, first_formula_cold_wall_ms: formula.first_wall_ms, functions_bundle_load_ms: formula.load_ms, second_formula_ms: formula.second_ms });
    say(`First formula, built functions bundle in a fresh process (median of ${COLD_PROCESSES})`);
    say(`  =MPWR.ADJ_EBITDA("Q2 2004"), read + answer: ${fixed(formula.first_ms, 1)} ms CPU (${fixed(formula.first_wall_ms, 1)} wall) (goal <= 15 ms); the next call: ${fixed(formula.second_ms, 3)} ms; loading the bundle before it: ${fixed(formula.load_ms, 1)} ms`);

    // Custom functions over a sheet.
    const f = await benchFunctions();
    put({ functions_10k_mpwr_ms: f.mpwrMs, functions_10k_indexmatch_ms: f.indexMatchMs, functions_10k_ratio: f.ratio, functions_10k_mismatches: f.mismatches });
    say(`Custom functions in HyperFormula, ${f.cells.toLocaleString('en-US')} cells each, steady (median of ${f.runs} after 1 warm-up round, alternating)`);
    say(`  =MPWR.* lookups: ${fixed(f.mpwrMs, 0)} ms; INDEX/MATCH over the same numbers: ${fixed(f.indexMatchMs, 0)} ms; ratio ${fixed(f.ratio)}x (goal <= 1x); mismatches ${f.mismatches}`);

    // Workbook import.
    const [wbCold] = coldRuns([{ task: 'workbook' }], 3);
    const w = await benchWorkbook();
    put({
      workbook_import_cold_ms: wbCold.ms, workbook_import_steady_ms: w.importMs, workbook_import_syncs: w.syncs,
      workbook_refresh_steady_ms: w.refreshMs, workbook_refresh_syncs: w.refreshSyncs, workbook_max_request_kb: w.maxRequestBytes / 1024,
    });
    say('Workbook import into the in-memory Excel object model');
    say(`  seed import: cold ${fixed(wbCold.ms, 0)} ms (median of 3 processes), steady ${fixed(w.importMs, 1)} ms (median of ${w.runs} after ${w.warmup}), ${w.syncs} syncs; Q3 refresh steady ${fixed(w.refreshMs, 1)} ms, ${w.refreshSyncs} syncs; largest request ${fixed(w.maxRequestBytes / 1024, 0)} KB (limit 5 MB)`);

    // Bundles.
    const bundles = bundleSizes(addin);
    for (const b of bundles) if (b.startup) figures[`bundle_${b.file.replace(/\.js$/, '')}_gzip_kb`] = b.gzipBytes / 1024;
    say('Bundles (production build, gzip -9; goals: functions < 60 KB, task pane < 120 KB at start-up)');
    for (const b of bundles) say(`  ${b.file.padEnd(28)} ${fixed(b.gzipBytes / 1024, 1).padStart(7)} KB gzipped (${fixed(b.bytes / 1024, 0)} KB) ${b.startup ? 'start-up' : 'lazy'}`);
  } finally {
    rmSync(addin, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
  if (json) process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Number(v.toPrecision(6))])), null, 2)}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
