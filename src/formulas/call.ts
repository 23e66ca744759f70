/**
 * `mpwr call NAME [ARG...]`: what `=MPWR.NAME(ARG...)` returns in Excel for the same data,
 * through the same implementation. Arguments are read as a cell reads what is typed into it:
 * `38168` and `-1.5` are numbers, `TRUE` / `FALSE` booleans, `""` (nothing) an empty cell,
 * `#N/A` an error, `{1,2;3,4}` an array; anything else is text (`Q2 2004`, `2Q04`), and text in
 * double quotes stays text (`"2004"`).
 *
 * Output: a number, text or TRUE/FALSE on stdout; a matrix as tab-separated rows; an error code
 * on stdout with its message on stderr and exit code 1.
 */
import type { SourceText } from '../pipeline';
import { FUNCTIONS, callFunction, functionSpec } from './functions-impl';
import { FormulaStore, store } from './store';
import { type Cell, type FormulaResult, formulaError, isFormulaError, isMatrix } from './values';

export interface CallOutput {
  stdout: string;
  stderr: string;
  code: number;
}

/** A cell-typed argument: array literal, error, boolean, number, quoted text or text. */
export function parseCellInput(raw: string): unknown {
  const t = raw.trim();
  if (t === '') return null;
  if (t.startsWith('{') && t.endsWith('}')) return parseArray(t.slice(1, -1));
  return parseScalar(t);
}

function parseScalar(t: string): unknown {
  if (t === '') return null;
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  if (/^(?:true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  const err = /^#(N\/A|VALUE!|NUM!|REF!|DIV\/0!)$/i.exec(t);
  if (err) return formulaError(`#${err[1].toUpperCase()}` as '#N/A', `the argument is the error ${t}`);
  const n = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(t) && /\d/.test(t) ? Number(t.replace(/,/g, '')) : NaN;
  if (Number.isFinite(n)) return n;
  return t;
}

/** `1,2;3,4` → [[1,2],[3,4]] (commas between columns, semicolons between rows, quotes respected). */
function parseArray(body: string): unknown[][] {
  const rows: unknown[][] = [[]];
  let cell = '';
  let quoted = false;
  for (const ch of body) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';')) {
      rows[rows.length - 1].push(parseScalar(cell.trim()));
      cell = '';
      if (ch === ';') rows.push([]);
      continue;
    }
    cell += ch;
  }
  rows[rows.length - 1].push(parseScalar(cell.trim()));
  return rows;
}

function show(c: Cell): string {
  if (isFormulaError(c)) return c.code;
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return String(c);
}

/** Prints a result as `mpwr call` does. */
export function formatResult(result: FormulaResult): CallOutput {
  if (isFormulaError(result)) return { stdout: `${result.code}\n`, stderr: `${result.message}\n`, code: 1 };
  if (!isMatrix(result)) return { stdout: `${show(result)}\n`, stderr: '', code: 0 };
  const notes: string[] = [];
  const lines = result.map((row, r) =>
    row
      .map((c, col) => {
        if (isFormulaError(c)) notes.push(`row ${r + 1}, column ${col + 1}: ${c.code} ${c.message}`);
        return show(c);
      })
      .join('\t'),
  );
  return { stdout: `${lines.join('\n')}\n`, stderr: notes.length ? `${notes.join('\n')}\n` : '', code: 0 };
}

/**
 * Runs `=MPWR.NAME(args...)` over the built-in filing(s) overlaid by `files` and prints the result.
 * `builtIn` defaults to the runtime store's built-in filing (set by the add-in); the CLI passes
 * the seed it reads from assets/filings.
 */
export function runCall(name: string, args: string[], files: SourceText[], builtIn: SourceText[] = store.builtInSources()): CallOutput {
  try {
    const fn = name.trim().toUpperCase().replace(/^=?MPWR\./, '').replace(/\(\)$/, '');
    if (!functionSpec(fn)) {
      return { stdout: '#NAME?\n', stderr: `No function MPWR.${fn}; functions: ${FUNCTIONS.map((f) => f.name).join(', ')}\n`, code: 1 };
    }
    const data = new FormulaStore(builtIn);
    data.setImported(files);
    return formatResult(callFunction(data.data(), fn, args.map(parseCellInput)));
  } catch (e) {
    return { stdout: '#VALUE!\n', stderr: `${e instanceof Error ? e.message : String(e)}\n`, code: 1 };
  }
}
