/**
 * The seed's cold figures in Node alone (run by `coldRuns` in measure.ts, one fresh process each):
 * the compiled pipeline (dist/, which `npm run bench` builds with tsc before it measures) and the
 * baseline are loaded first, then the first call is timed. No TypeScript compiler in the process:
 * its heap beside the code would make the first call's garbage collection dearer (see
 * test/support/functions-host.js). Prints one JSON object of ms (CPU time of the process, as
 * bench/measure.ts; `wall_ms` wall-clock).
 *
 *   node bench/cold-parse.js parse FILE      first analyze() of the file and its checks
 *   node bench/cold-parse.js baseline FILE   first baseline scan of the file (bench/baseline.js)
 */
'use strict';

const { readFileSync } = require('fs');
const path = require('path');
const { cpuMs } = require('../test/support/functions-host.js');

const [task, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
if (task === 'parse') {
  const { analyze } = require('../dist/pipeline');
  let wall = 0;
  const ms = cpuMs(() => {
    const t = process.hrtime.bigint();
    analyze([{ name: path.basename(file), text }]).checks.length;
    wall = Number(process.hrtime.bigint() - t) / 1e6;
  });
  console.log(JSON.stringify({ ms, wall_ms: wall }));
} else if (task === 'baseline') {
  const { baselineScan } = require('./baseline.js');
  console.log(JSON.stringify({ ms: cpuMs(() => baselineScan(text)) }));
} else {
  throw new Error(`usage: cold-parse.js parse FILE | baseline FILE (not ${task})`);
}
