/**
 * The Excel host as far as the built functions bundle needs it (`CustomFunctions.associate`,
 * `Error`, `ErrorCode`), for loading `dist-addin/functions.js` in plain Node, as a fresh functions
 * runtime loads it. Plain JavaScript, run by `node` alone: a TypeScript compiler loaded beside the
 * bundle (ts-node) would be part of what a cold figure measures (its heap makes the first call's
 * garbage collection several times dearer). Run as a script:
 *
 *   node test/support/functions-host.js answer DIR FUNCTION ARG...   the answer as JSON (the bundle's test)
 *   node test/support/functions-host.js time DIR                      load the bundle, time the first
 *       =MPWR.ADJ_EBITDA("Q2 2004") and the next call (`npm run bench`): one JSON object of ms,
 *       CPU time of the process (user + system, as bench/measure.ts) and `first_wall_ms`
 */
'use strict';

const path = require('path');

/** Installs the host on this process's globals; returns the registry (id → function) the bundle fills. */
function customFunctionsHost() {
  const registry = new Map();
  class CfError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  globalThis.self = globalThis;
  globalThis.window = globalThis;
  // Where webpack's runtime finds its own URL (the bundle's publicPath is `auto`).
  globalThis.document = { currentScript: { tagName: 'SCRIPT', src: 'https://localhost:3000/functions.js' }, getElementsByTagName: () => [] };
  globalThis.CustomFunctions = {
    associate: (id, fn) => registry.set(id, fn),
    Error: CfError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', invalidReference: '#REF!', divisionByZero: '#DIV/0!', nullReference: '#NULL!', invalidName: '#NAME?' },
  };
  return registry;
}

/** Loads DIR/functions.js with the host installed; returns the function `id` it registered. */
function loadFunction(dir, id) {
  const registry = customFunctionsHost();
  const bundle = path.resolve(dir, 'functions.js');
  require(bundle);
  const fn = registry.get(id);
  if (!fn) throw new Error(`${bundle} registered no ${id} (registered: ${[...registry.keys()].join(', ')})`);
  return fn;
}

/** CPU milliseconds of the process spent in `fn`. */
function cpuMs(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e3;
}

function time(dir) {
  let fn;
  const load = cpuMs(() => { fn = loadFunction(dir, 'ADJ_EBITDA'); });
  let answer;
  let firstWall = 0;
  const first = cpuMs(() => {
    const t = process.hrtime.bigint();
    answer = fn('Q2 2004');
    firstWall = Number(process.hrtime.bigint() - t) / 1e6;
  });
  if (answer !== 2544) throw new Error(`=MPWR.ADJ_EBITDA("Q2 2004") answered ${JSON.stringify(answer)}, not 2544 (the seed prints $2,544 on lines 272 and 296)`);
  const second = cpuMs(() => fn('Q1 2004'));
  return { load_ms: load, first_ms: first, first_wall_ms: firstWall, second_ms: second };
}

// `cpuMs` for bench/cold-parse.js, which times the seed's first reading the same way.
module.exports = { cpuMs };

if (require.main === module) {
  const [mode, dir, id, ...args] = process.argv.slice(2);
  if (mode === 'answer') console.log(JSON.stringify(loadFunction(dir, id)(...args)));
  else if (mode === 'time') console.log(JSON.stringify(time(dir)));
  else throw new Error(`usage: functions-host.js answer DIR FUNCTION ARG... | time DIR (not ${mode})`);
}
