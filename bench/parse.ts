/**
 * Parse + reconcile speed (`analyze`: read → facts → Dataset → checks) on the seed and on
 * synthetic 1 MB and 10 MB documents built from the seed's tables, each against the baseline.
 *
 * The baseline, in the bench's own words: split the text into lines once and find every number
 * on every line with one regular expression (`baselineScan`). It is the least any reader must do
 * (look at every character once and recognise numbers); it builds nothing. A ratio of 5x means
 * the whole pipeline costs five such scans.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../src/pipeline';
import { baselineScan } from './baseline';
import { coldRuns, steadyPair, type SteadyPair } from './measure';

export const SEED_FILE = path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt');
const SEED = readFileSync(SEED_FILE, 'utf8');

/** A document of about `bytes` built from the seed: its prose once, then its tables repeated. */
export function synthetic(bytes: number): string {
  const start = SEED.indexOf('<TABLE>');
  const head = SEED.slice(0, start);
  const tables = SEED.slice(start);
  const parts = [head];
  let size = head.length;
  while (size < bytes) { parts.push(tables); size += tables.length; }
  return parts.join('\n');
}

export interface ParseFigures {
  seed: SteadyPair;
  seedCold: { ms: number; wallMs: number; baselineMs: number; processes: number };
  mb1: SteadyPair & { mb: number };
  mb10: SteadyPair & { mb: number };
  /** 10 MB steady time over 1 MB steady time. */
  growth: number;
}

// Read, facts, Dataset and every check: the checks are evaluated on first use, so they are asked for.
const run = (text: string) => () => analyze([{ name: 'bench.txt', text }]).checks.length;

export function benchParse(coldProcesses = 7): ParseFigures {
  // In Node alone, on the compiled pipeline (dist/, built by the bench first): see cold-parse.js.
  const script = path.join(__dirname, 'cold-parse.js');
  const seedCold = coldRuns([{ task: 'parse', args: [SEED_FILE], script }, { task: 'baseline', args: [SEED_FILE], script }], coldProcesses);
  // Steady: a few hundred warm-up calls, then 200 interleaved with the baseline.
  const seed = steadyPair(run(SEED), () => baselineScan(SEED), 300, 200);
  const doc1 = synthetic(1024 * 1024);
  const doc10 = synthetic(10 * 1024 * 1024);
  const mb1 = { ...steadyPair(run(doc1), () => baselineScan(doc1), 3, 11), mb: doc1.length / 1048576 };
  const mb10 = { ...steadyPair(run(doc10), () => baselineScan(doc10), 2, 5), mb: doc10.length / 1048576 };
  return {
    seed,
    seedCold: { ms: seedCold[0].ms, wallMs: seedCold[0].wall_ms, baselineMs: seedCold[1].ms, processes: coldProcesses },
    mb1,
    mb10,
    growth: mb10.subjectMs / mb1.subjectMs,
  };
}

/** The Apple 2004 EX-99.1 (Word-style HTML, as its `<DOCUMENT>` in the submission), a test fixture. */
export const APPLE_2004_FILE = path.resolve(__dirname, '../test/fixtures/filings/apple-2004q3-8k.txt');

export function appleExhibit(): string {
  const text = readFileSync(APPLE_2004_FILE, 'latin1');
  const start = text.indexOf('<DOCUMENT>\n<TYPE>EX-99.1');
  return text.slice(start, text.indexOf('</DOCUMENT>', start) + '</DOCUMENT>'.length);
}

export interface HtmlFigures {
  kb: number;
  seedKb: number;
  /** Steady: the HTML exhibit (subject) against the text seed (baseline), interleaved. */
  steady: SteadyPair;
  msPerKb: number;
  seedMsPerKb: number;
  /** HTML cost per KB over the text seed's cost per KB. */
  perKbRatio: number;
}

/** Reading an HTML exhibit: parse + reconcile time of the Apple 2004 exhibit against the text seed, per KB. */
export function benchHtml(): HtmlFigures {
  const html = appleExhibit();
  // Read, facts, Dataset and every check (the checks are evaluated on first use, so they are asked for).
  const full = (text: string) => () => analyze([{ name: 'bench.htm', text }]).checks.length;
  const steady = steadyPair(full(html), full(SEED), 20, 60);
  const kb = html.length / 1024;
  const seedKb = SEED.length / 1024;
  const msPerKb = steady.subjectMs / kb;
  const seedMsPerKb = steady.baselineMs / seedKb;
  return { kb, seedKb, steady, msPerKb, seedMsPerKb, perKbRatio: msPerKb / seedMsPerKb };
}
