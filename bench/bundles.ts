/** Gzipped sizes of the add-in's bundles, from a production build (`buildInto`). */
import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { buildAddin } from '../test/support/build-addin';

export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded at start-up (taskpane.js, functions.js) or lazily (chunks). */
  startup: boolean;
}

/** A production build of the add-in in a new temporary folder (the caller removes it). */
export async function buildInto(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mpwr-bench-'));
  await buildAddin(dir);
  return dir;
}

export function bundleSizes(dir: string): BundleSize[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const buf = readFileSync(path.join(dir, file));
      return { file, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length, startup: file === 'taskpane.js' || file === 'functions.js' };
    })
    .sort((a, b) => Number(b.startup) - Number(a.startup) || b.gzipBytes - a.gzipBytes);
}
