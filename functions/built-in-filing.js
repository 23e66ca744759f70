// The built-in release, the Mpower Q2 2004 exhibit, with a reading of it made when the add-in is
// built: webpack runs this module through val-loader (webpack.config.js) and bundles what it
// returns, `module.exports = { name, text, prepared }` (a SourceText, src/reading.ts). The first
// =MPWR.* formula of a fresh runtime then answers from the prepared facts instead of reading the
// text (see `readSource`). Under jest, test/support/built-in-filing.ts stands in for the bundled
// module and makes the same reading when the tests load.
'use strict';

const fs = require('fs');
const path = require('path');

const NAME = 'mpwr-2004q2-ex99-1.txt';
const FILE = path.resolve(__dirname, '../assets/filings', NAME);
const SRC = path.resolve(__dirname, '../src');

/** The built-in release as a SourceText with its prepared reading, by `prepareSource` of src/reading.ts. */
function builtInFiling(prepareSource) {
  return prepareSource({ name: NAME, text: fs.readFileSync(FILE, 'utf8') });
}

const REGISTERED = Symbol.for('mpwr-addin.ts-node');

module.exports = () => {
  // The reader is TypeScript: compile it as it loads (tsc and the tests check its types). Once
  // per process (a watching build runs this module afresh on every change), and the reader's
  // modules loaded anew each time, so that a change to them makes a new reading.
  if (!globalThis[REGISTERED]) {
    require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
    globalThis[REGISTERED] = true;
  }
  for (const loaded of Object.keys(require.cache)) if (loaded.startsWith(SRC + path.sep)) delete require.cache[loaded];
  const { prepareSource } = require(path.join(SRC, 'reading'));
  return {
    code: `module.exports = ${JSON.stringify(builtInFiling(prepareSource))};`,
    // Built again when the release or any of the reader's sources change.
    dependencies: [FILE],
    contextDependencies: [SRC],
    cacheable: true,
  };
};
module.exports.builtInFiling = builtInFiling;
