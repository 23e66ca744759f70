// Jest transform for `import text from './file.txt'`: the module's default export is the file's
// text, as webpack's `asset/source` rule gives it in the add-in build.
'use strict';

module.exports = {
  process(sourceText) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(sourceText)} };` };
  },
};
