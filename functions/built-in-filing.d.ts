// functions/built-in-filing.js as the bundle sees it (webpack's val-loader runs it at build time).
import type { SourceText } from '../src/reading';

declare const builtIn: Required<SourceText>;
export = builtIn;
