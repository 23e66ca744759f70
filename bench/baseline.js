// The bench's baseline (see bench/parse.ts), in plain JavaScript so that a cold measurement can run
// it in Node alone (bench/cold-parse.js) and the steady one in the bench's own process alike.
'use strict';

/** The baseline: split lines, scan every number with one regular expression. Returns how many it found. */
function baselineScan(text) {
  let n = 0;
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(/\(?\$?\(?-?\d[\d,]*(?:\.\d+)?%?\)?/g)) if (m[0]) n++;
  }
  return n;
}

module.exports = { baselineScan };
