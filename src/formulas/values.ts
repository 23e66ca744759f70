/**
 * The values MPWR formulas take and give, independent of the host that evaluates them (Excel,
 * HyperFormula in the tests, the `mpwr call` command). Pure: no Office globals, no DOM, no Node.
 *
 * An argument arrives as whatever the host passes: a number, text, a boolean, nothing (an
 * omitted argument or an empty cell), an error, or a 2D array when a range is given where one
 * value is expected. `scalarArg` turns any of them into one `Arg` or a `FormulaError`.
 */

export type ErrorCode = '#N/A' | '#VALUE!' | '#NUM!' | '#REF!' | '#DIV/0!';

/** An Excel error with a message a person can act on. Never thrown: returned as a value. */
export interface FormulaError {
  readonly kind: 'formula-error';
  readonly code: ErrorCode;
  readonly message: string;
}

export type Scalar = number | string | boolean;
/** A matrix result: rows of cells; a cell may be an error (a missing value in a series). */
export type Cell = Scalar | FormulaError;
export type Matrix = Cell[][];
export type ScalarResult = Scalar | FormulaError;
export type MatrixResult = Matrix | FormulaError;
export type FormulaResult = Scalar | Matrix | FormulaError;

export function formulaError(code: ErrorCode, message: string): FormulaError {
  return { kind: 'formula-error', code, message };
}
export const notAvailable = (message: string): FormulaError => formulaError('#N/A', message);
export const invalidValue = (message: string): FormulaError => formulaError('#VALUE!', message);
export const invalidNumber = (message: string): FormulaError => formulaError('#NUM!', message);

export function isFormulaError(x: unknown): x is FormulaError {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'formula-error';
}

export function isMatrix(x: FormulaResult): x is Matrix {
  return Array.isArray(x);
}

/** One argument, normalised: empty covers omitted arguments, empty cells and `""`. */
export type Arg =
  | { type: 'empty' }
  | { type: 'number'; value: number }
  | { type: 'text'; value: string }
  | { type: 'boolean'; value: boolean };

export const EMPTY: Arg = { type: 'empty' };

const ERROR_TEXT = /^#(?:N\/A|VALUE!|NUM!|REF!|DIV\/0!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|CONNECT!|FIELD!|BLOCKED!|UNKNOWN!)$/;

/** Text of an error-like object a host may pass (`CustomFunctions.Error`, `CellError`, `{ code }`, `{ value: '#N/A' }`). */
function errorLike(x: object): { code: string; message: string } | undefined {
  const o = x as { code?: unknown; value?: unknown; type?: unknown; message?: unknown };
  const message = typeof o.message === 'string' ? o.message : '';
  for (const c of [o.code, o.value, o.type]) {
    if (typeof c === 'string' && c !== '') return { code: c, message };
  }
  if (x instanceof Error) return { code: '#VALUE!', message: x.message };
  return undefined;
}

function describe(x: unknown): string {
  if (typeof x === 'string') return `"${x}"`;
  return String(x);
}

/**
 * One value for the parameter `name`: a 1×1 array is its cell; a larger array, an error, a
 * non-finite number or an object is `#VALUE!` (an error argument keeps its own code when it is
 * one of ours, so `#N/A` flows through like Excel's own functions).
 */
export function scalarArg(x: unknown, name: string): Arg | FormulaError {
  if (x === undefined || x === null) return EMPTY;
  if (Array.isArray(x)) {
    const rows = x.length;
    const cols = rows > 0 && Array.isArray(x[0]) ? (x[0] as unknown[]).length : rows > 0 ? 1 : 0;
    if (rows === 1 && cols === 1) return scalarArg(Array.isArray(x[0]) ? (x[0] as unknown[])[0] : x[0], name);
    if (rows === 0 || cols === 0) return EMPTY;
    return invalidValue(`${name} must be a single value, not a ${rows}×${cols} range`);
  }
  switch (typeof x) {
    case 'number':
      if (!Number.isFinite(x)) return invalidNumber(`${name} is not a finite number`);
      return { type: 'number', value: x };
    case 'string':
      if (x.trim() === '') return EMPTY;
      if (ERROR_TEXT.test(x.trim())) return invalidValue(`${name} is the error ${x.trim()}`);
      return { type: 'text', value: x };
    case 'boolean':
      return { type: 'boolean', value: x };
    case 'bigint':
      return { type: 'number', value: Number(x) };
    case 'object': {
      if (isFormulaError(x)) return x;
      if (x instanceof Date) {
        return Number.isNaN(x.getTime()) ? invalidValue(`${name} is an invalid date`) : { type: 'number', value: dateToSerial(x) };
      }
      const err = errorLike(x);
      if (err) {
        const code = ['#N/A', '#VALUE!', '#NUM!', '#REF!', '#DIV/0!'].find((c) => c === err.code || c.replace(/[#!/]/g, '').toLowerCase() === err.code.toLowerCase());
        const message = `${name} is an error${err.message ? `: ${err.message}` : ` (${err.code})`}`;
        return formulaError((code as ErrorCode | undefined) ?? '#VALUE!', message);
      }
      return invalidValue(`${name} must be a number, text or a date, not an object`);
    }
    default:
      return invalidValue(`${name} must be a number, text or a date, not ${describe(typeof x)}`);
  }
}

/** Excel's serial number of a JS Date's calendar day (UTC): 1 = 1900-01-01, 38168 = 2004-06-30. */
export function dateToSerial(d: Date): number {
  const days = Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86400000);
  // 25569 = serial of 1970-01-01 (Excel counts the non-existent 1900-02-29).
  return days + 25569;
}

/** The text of an argument for messages: `"banana"`, `2004`, `TRUE`, `(empty)`. */
export function showArg(a: Arg): string {
  switch (a.type) {
    case 'empty':
      return '(empty)';
    case 'text':
      return `"${a.value}"`;
    case 'boolean':
      return a.value ? 'TRUE' : 'FALSE';
    default:
      return String(a.value);
  }
}

/** `table[key]` for a table's own keys only (never `constructor`, `toString` and the like). */
export function own<T>(table: Readonly<Record<string, T>>, key: string | number): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
