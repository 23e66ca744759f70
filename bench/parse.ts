/**
 * Parse + reconcile speed: the seed (median of many runs after warm-up), and throughput on
 * synthetic 1 MB and 10 MB documents built from the seed's tables, each against a baseline pass
 * over the same text that only splits lines and scans numbers with one regular expression.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../src/pipeline';

const SEED = readFileSync(path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'), 'utf8');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(t);
}

/** The baseline: split lines, scan every number with one regular expression. */
function baseline(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(/\(?\$?\(?-?\d[\d,]*(?:\.\d+)?%?\)?/g)) if (m[0]) n++;
  }
  return n;
}

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
  seedMs: number;
  seedBaselineMs: number;
  sizes: { label: string; mb: number; ms: number; mbPerS: number; baselineMs: number; ratio: number }[];
  growth10vs1: number;
}

export function benchParse(): ParseFigures {
  const run = (text: string) => analyze([{ name: 'bench.txt', text }]);
  const seedMs = time(() => run(SEED), 50, 5);
  const seedBaselineMs = time(() => baseline(SEED), 50, 5);
  const sizes = [1, 10].map((mb) => {
    const doc = synthetic(mb * 1024 * 1024);
    const realMb = doc.length / 1048576;
    const ms = time(() => run(doc), mb === 1 ? 5 : 3, 1);
    const baselineMs = time(() => baseline(doc), 5, 1);
    return { label: `${mb} MB`, mb: realMb, ms, mbPerS: realMb / (ms / 1000), baselineMs, ratio: ms / baselineMs };
  });
  return { seedMs, seedBaselineMs, sizes, growth10vs1: sizes[1].ms / sizes[0].ms };
}
