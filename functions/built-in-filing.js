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

module.exports = () => {
  // The reader is TypeScript: compile it as it loads (the build's type check covers its types).
  require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
  const { prepareSource } = require(path.join(SRC, 'reading'));
  return {
    code: `module.exports = ${JSON.stringify(builtInFiling(prepareSource))};`,
    // Built again when the release or any of the reader's sources change.
    dependencies: [FILE],
    contextDependencies: [SRC],
    cacheable: true,
  };
};
module.exports.NAME = NAME;
module.exports.builtInFiling = builtInFiling;
