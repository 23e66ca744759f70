// Under jest, functions/built-in-filing.js as the bundle has it (jest.config.js maps the import
// here): the built-in release with a reading made now, by the same `builtInFiling` the build runs.
import * as path from 'path';
import { prepareSource, type SourceText } from '../../src/reading';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const valModule = require(path.resolve(__dirname, '../../functions/built-in-filing.js')) as { builtInFiling: (prepare: typeof prepareSource) => Required<SourceText> };

export = valModule.builtInFiling(prepareSource);
