#!/usr/bin/env node
// The mutation score of a run (`npm run mutate`), from its report reports/mutation/<part>/mutation.json:
//
//   node scripts/mutation-score.mjs                     # the part of MPWR_MUTATE / MPWR_MUTATE_SAMPLE
//   node scripts/mutation-score.mjs reports/mutation/all-1in8/mutation.json [--survivors]
//   node scripts/mutation-score.mjs reports/mutation/{filing,model}-1in8/mutation.json   # and together
//
// The score is Stryker's: detected (killed or timed out) over detected + survived + no coverage;
// ignored mutants (message text, static, not drawn) and compile or runtime errors do not count.
//
// For a sampled run (MPWR_MUTATE_SAMPLE=k, scripts/stryker-sample.mjs) the score is an estimate,
// from two strata: mutants of nodes spanning several lines, all tested (counted exactly), and
// mutants of one-line nodes, tested on a 1-in-k sample of the lines. Lines are the sampling units
// (a line's mutants are drawn together), so the margin is that of a cluster sample: the ratio
// estimator's standard error with the finite-population correction, times 1.96 for 95%. The
// one-line stratum's size is the drawn mutants that count plus the mutants of the lines left out,
// scaled by the share of the drawn lines' mutants that counted (the rest were message text,
// static or errors). Whether a line is drawn is worked out again here, as the sampler does.
import { readFileSync } from 'fs';
import { mutationPart } from './mutation-part.mjs';
import { drawn } from './stryker-sample.mjs';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) files.push(`reports/mutation/${mutationPart()}/mutation.json`);
const showSurvivors = args.includes('--survivors');

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const NOT_DRAWN = /^not in the 1-in-(\d+) sample of lines(?: \(draw (\w+)\))?/;

/** One stratum's counts, with its drawn lines for the margin. */
function stratum() {
  return { detected: 0, valid: 0, other: 0, notDrawn: 0, k: 1, lines: new Map() };
}

/** The sample a report was drawn with (k = 1: not sampled), from the reason its left-out mutants give. */
function sampleOf(files) {
  for (const [, f] of files) {
    for (const m of f.mutants) {
      const nd = m.status === 'Ignored' ? NOT_DRAWN.exec(m.statusReason ?? '') : null;
      if (nd) return { k: Number(nd[1]), draw: nd[2] ?? '' };
    }
  }
  return { k: 1, draw: '' };
}

function tally(files, sample) {
  const multi = stratum();
  const single = stratum();
  single.k = sample.k;
  const survivors = [];
  for (const [name, f] of files) {
    for (const m of f.mutants) {
      const oneLine = m.location.start.line === m.location.end.line;
      if (oneLine && !drawn(m.location.start.line, sample.k, sample.draw)) {
        // Left out, whatever its reason (a message-text mutant of a line left out may say either).
        single.notDrawn++;
        continue;
      }
      const s = oneLine ? single : multi;
      if (!DETECTED.has(m.status) && !UNDETECTED.has(m.status)) {
        // Message text, static, errors: they do not count (and scale the left-out lines).
        s.other++;
        continue;
      }
      s.valid++;
      if (DETECTED.has(m.status)) s.detected++;
      else survivors.push({ file: name, line: m.location.start.line, mutator: m.mutatorName, replacement: m.replacement, status: m.status });
      if (oneLine) {
        const key = `${name}:${m.location.start.line}`;
        const l = s.lines.get(key) ?? { y: 0, m: 0 };
        l.m++;
        if (DETECTED.has(m.status)) l.y++;
        s.lines.set(key, l);
      }
    }
  }
  return { multi, single, survivors };
}

function estimate({ multi, single }) {
  const sampled = single.notDrawn > 0;
  const share = single.valid + single.other > 0 ? single.valid / (single.valid + single.other) : 0;
  const singleSize = single.valid + single.notDrawn * share;
  const p = single.valid > 0 ? single.detected / single.valid : 0;
  const total = multi.valid + singleSize;
  const score = total > 0 ? (multi.detected + p * singleSize) / total : NaN;
  let margin = 0;
  if (sampled && single.lines.size > 1) {
    const n = single.lines.size;
    const mean = single.valid / n;
    let ss = 0;
    for (const { y, m } of single.lines.values()) ss += (y - p * m) ** 2;
    const se = Math.sqrt(((1 - 1 / single.k) * ss) / (n - 1) / n) / mean;
    margin = 1.96 * se * (singleSize / total);
  }
  return { sampled, score, margin, tested: multi.valid + single.valid, mutants: Math.round(total), k: single.k };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

/** Prints one report's score per directory and in all; returns the estimate of all. */
function scoreOf(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const byDir = new Map();
  for (const [name, f] of Object.entries(report.files)) {
    const dir = name.replace(/\\/g, '/').match(/src\/([^/]+)\//)?.[1] ?? '?';
    if (!byDir.has(dir)) byDir.set(dir, []);
    byDir.get(dir).push([name, f]);
  }
  const sample = sampleOf(Object.entries(report.files));
  const rows = [...byDir.entries()].map(([dir, fs]) => [dir, tally(fs, sample)]);
  if (rows.length > 1) rows.push(['all', tally(Object.entries(report.files), sample)]);
  let last;
  for (const [dir, t] of rows) {
    const e = estimate(t);
    last = e;
    const how = e.sampled
      ? `${pct(e.score)} ± ${pct(e.margin)} (95%), estimated from ${e.tested} mutants tested (a 1-in-${e.k} sample of one-line mutants' lines, all ${t.multi.valid} multi-line mutants) of ~${e.mutants}`
      : `${pct(e.score)} exactly, ${e.tested} mutants tested`;
    console.log(`${dir.padEnd(10)} ${how}; ${t.survivors.length} undetected`);
  }
  if (showSurvivors) {
    for (const s of rows.at(-1)[1].survivors) console.log(`${s.status.padEnd(10)} ${s.file}:${s.line} ${s.mutator}: ${s.replacement.replace(/\s+/g, ' ').slice(0, 110)}`);
  }
  return last;
}

// Several reports (one per directory, each its own sample): each printed, then together, each
// directory weighted by its estimated number of mutants, margins combined as independent.
const estimates = files.map(scoreOf);
if (estimates.length > 1) {
  const n = estimates.reduce((x, e) => x + e.mutants, 0);
  const score = estimates.reduce((x, e) => x + e.score * e.mutants, 0) / n;
  const margin = Math.sqrt(estimates.reduce((x, e) => x + (e.margin * e.mutants / n) ** 2, 0));
  console.log(`${'together'.padEnd(10)} ${pct(score)} ± ${pct(margin)} (95%) over ~${n} mutants, from ${estimates.reduce((x, e) => x + e.tested, 0)} tested`);
}
