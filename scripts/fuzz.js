#!/usr/bin/env node
// npm run fuzz [-- --runs N] [-- --seed S]
//
// The fuzz tests of test/fuzz.test.ts, longer than in CI: more cases (default 20,000; env
// MPWR_FUZZ_RUNS or --runs), larger inputs (MPWR_FUZZ_LONG=1: lines up to 2 MB, numbers up to
// 5,000 digits, blocks duplicated up to 2,000 times) and a fresh seed each run unless one is given
// (env MPWR_FUZZ_SEED or --seed), printed first so that a failure can be replayed:
//   npm run fuzz -- --seed 1234 --runs 500
// The summary is written to test-output/fuzz-report.json.
'use strict';

const { spawnSync } = require('child_process');
const path = require('path');

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = option('runs') ?? process.env.MPWR_FUZZ_RUNS ?? '20000';
const seed = option('seed') ?? process.env.MPWR_FUZZ_SEED ?? String(Date.now() % 2147483647);
if (!/^\d+$/.test(runs) || !/^\d+$/.test(seed)) {
  console.error('usage: npm run fuzz [-- --runs N] [-- --seed S]');
  process.exit(2);
}
console.log(`fuzz: ${runs} cases, seed ${seed} (replay: npm run fuzz -- --seed ${seed} --runs ${runs})`);

const root = path.resolve(__dirname, '..');
const result = spawnSync(
  process.execPath,
  [require.resolve('jest/bin/jest', { paths: [root] }), '--runTestsByPath', 'test/fuzz.test.ts', '--testTimeout', '0'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MPWR_FUZZ_RUNS: runs, MPWR_FUZZ_SEED: seed, MPWR_FUZZ_LONG: process.env.MPWR_FUZZ_LONG ?? '1' },
  },
);
process.exit(result.status ?? 1);
