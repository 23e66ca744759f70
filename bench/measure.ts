/**
 * How the bench measures, in one place:
 *
 * - **time** is CPU time of this process (`process.cpuUsage`, user + system, every thread: the
 *   JIT's and the garbage collector's helpers count), not wall-clock time: on a shared machine a
 *   call is often descheduled while others run, and the longer the call the more often, so wall
 *   time inflates a long subject against a short baseline (here: seed wall median 15.8 ms against
 *   a fastest run of 3.0 ms; baseline 0.20 against 0.17). Wall-clock medians are reported beside
 *   the steady CPU figures for comparison.
 * - **steady**: the median of `runs` timed calls after `warmup` untimed ones (the JIT has compiled
 *   the hot paths, caches are filled). The subject and its baseline are timed alternately, call
 *   by call, so that a busy machine slows both alike; a ratio is the subject's median over the
 *   baseline's median from the same interleaved run.
 * - **cold**: the first call in a fresh Node process (`coldRuns`): the code is loaded and compiled
 *   before the clock starts, so a cold figure is the first execution of already-loaded code, not
 *   Node's start-up. The median of several processes; subject and baseline processes alternate.
 *   A cold child runs in Node alone where it can (`ColdTask.script`: the seed on the compiled
 *   pipeline, bench/cold-parse.js; the first formula on the built bundle,
 *   test/support/functions-host.js): a TypeScript compiler loaded beside the code (ts-node) makes
 *   its first call's garbage collection dearer. Only the workbook's figure still runs under ts-node
 *   (bench/cold-child.ts: it needs test/support's TypeScript).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** CPU milliseconds of one call (see the module comment). */
export function timeOnce(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e3;
}

/** CPU and wall-clock milliseconds of one call. */
function timeBoth(fn: () => unknown): { cpu: number; wall: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - wall0) / 1e6;
  const used = process.cpuUsage(cpu0);
  return { cpu: (used.user + used.system) / 1e3, wall };
}

export interface SteadyPair {
  subjectMs: number;
  baselineMs: number;
  ratio: number;
  /** Wall-clock medians of the same calls (for comparison; the ratio is of CPU times). */
  subjectWallMs: number;
  baselineWallMs: number;
  warmup: number;
  runs: number;
}

/** Steady medians of a subject and its baseline, warmed up, then timed alternately. */
export function steadyPair(subject: () => unknown, baseline: () => unknown, warmup: number, runs: number): SteadyPair {
  for (let i = 0; i < warmup; i++) {
    subject();
    baseline();
  }
  const s: number[] = [];
  const b: number[] = [];
  const sw: number[] = [];
  const bw: number[] = [];
  for (let i = 0; i < runs; i++) {
    const tb = timeBoth(baseline);
    b.push(tb.cpu);
    bw.push(tb.wall);
    const ts = timeBoth(subject);
    s.push(ts.cpu);
    sw.push(ts.wall);
  }
  const subjectMs = median(s);
  const baselineMs = median(b);
  return { subjectMs, baselineMs, ratio: subjectMs / baselineMs, subjectWallMs: median(sw), baselineWallMs: median(bw), warmup, runs };
}

/** A task of `bench/cold-child.ts` (or of `script`), by name, with its arguments. */
export interface ColdTask {
  task: string;
  args?: string[];
  /** A plain JavaScript script run by `node` alone instead (its arguments: `task`, then `args`). */
  script?: string;
}

/**
 * Runs `bench/cold-child.ts TASK ARGS...` (or `node SCRIPT TASK ARGS...`) in `processes` fresh Node processes and returns the
 * median of each figure the child reports (it prints one JSON object of numbers on its last line).
 */
export function coldRuns(tasks: ColdTask[], processes: number): Record<string, number>[] {
  const child = path.join(__dirname, 'cold-child.ts');
  const figures: Record<string, number[]>[] = tasks.map(() => ({}));
  for (let p = 0; p < processes; p++) {
    tasks.forEach((t, i) => {
      const argv = t.script ? [t.script, t.task, ...(t.args ?? [])] : ['-r', 'ts-node/register/transpile-only', child, t.task, ...(t.args ?? [])];
      const r = spawnSync(process.execPath, argv, {
        cwd: path.join(__dirname, '..'),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (r.status !== 0) throw new Error(`cold task ${t.task} failed: ${r.stderr || r.stdout}`);
      const last = r.stdout.trim().split('\n').pop() ?? '{}';
      for (const [k, v] of Object.entries(JSON.parse(last) as Record<string, number>)) (figures[i][k] ??= []).push(v);
    });
  }
  return figures.map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, median(v)])));
}

/** Peak resident set size (MB) of a command run in a fresh Node process, its output discarded or read through a pipe. */
export function peakRssMb(script: string, args: string[], output: 'discarded' | 'piped' = 'discarded'): number {
  const preload = path.join(__dirname, 'rss-preload.js');
  // `discarded`: stdout is /dev/null (a file: every write is taken at once); `piped`: a pipe this
  // process reads (`mpwr import --json | jq`), where the writer must wait for its reader.
  const r = spawnSync(process.execPath, ['-r', preload, script, ...args], {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', output === 'piped' ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
  });
  const m = /MPWR_BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr ?? '');
  if (!m) throw new Error(`no peak RSS from ${script} ${args.join(' ')} (exit ${r.status}): ${r.stderr}`);
  return Number(m[1]) / 1024;
}
