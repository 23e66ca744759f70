/**
 * The MPWR functions as a HyperFormula plugin, calling the same implementation as the Excel
 * add-in (`src/formulas/functions-impl.ts`), so tests and the bench evaluate `=MPWR.*` formulas
 * in a real spreadsheet engine. HyperFormula is a devDependency (licence key `gpl-v3`), used only
 * here, in tests and in the bench; never imported from src/ or functions/.
 *
 * Registration is global in HyperFormula (a static registry), so the data the functions read is
 * a module-level setting: `useMpwrData(() => data)`.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type ImplementedFunctions,
} from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser';
import type { FormulaData } from '../../src/formulas/data';
import { FUNCTIONS, type FunctionSpec, callFunction } from '../../src/formulas/functions-impl';
import { store } from '../../src/formulas/store';
import { type Cell, type FormulaError, type FormulaResult, formulaError, isFormulaError, isMatrix } from '../../src/formulas/values';

let getData: () => FormulaData = () => store.data();

/** Sets where the registered MPWR functions read their data (default: the runtime store). */
export function useMpwrData(source: () => FormulaData): void {
  getData = source;
}

/** A HyperFormula value as the host-neutral argument the implementation takes. */
function toArg(v: unknown): unknown {
  if (v === undefined || v === null || v === EmptyValue) return null;
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(toArg));
  if (v instanceof CellError) return cellErrorArg(v);
  if (typeof v === 'object' && 'val' in (v as object)) return (v as { val: unknown }).val; // a rich number (date, percent, currency)
  return v;
}

function cellErrorArg(e: CellError): FormulaError {
  const code = e.type === ErrorType.NA ? '#N/A' : e.type === ErrorType.NUM ? '#NUM!' : e.type === ErrorType.REF ? '#REF!' : e.type === ErrorType.DIV_BY_ZERO ? '#DIV/0!' : '#VALUE!';
  return formulaError(code, e.message || `#${e.type}`);
}

const ERROR_TYPE: Record<FormulaError['code'], ErrorType> = {
  '#N/A': ErrorType.NA,
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#REF!': ErrorType.REF,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
};

function toCell(c: Cell): number | string | boolean | CellError {
  return isFormulaError(c) ? new CellError(ERROR_TYPE[c.code], c.message) : c;
}

function toHyperFormula(r: FormulaResult): InterpreterValue {
  if (isFormulaError(r)) return new CellError(ERROR_TYPE[r.code], r.message);
  if (isMatrix(r)) return SimpleRangeValue.onlyValues(r.map((row) => row.map(toCell)));
  return r;
}

type PluginMethod = (this: MpwrPlugin, ast: ProcedureAst, state: InterpreterState) => InterpreterValue | ArraySize;

export class MpwrPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  run(spec: FunctionSpec, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const metadata = this.metadata(`MPWR.${spec.name}`);
    return this.runFunction(ast.args, state, metadata, (...args: unknown[]) => {
      // HyperFormula fills omitted optional arguments with undefined; drop those at the end.
      const given = args.map(toArg);
      while (given.length > 0 && args[given.length - 1] === undefined) given.pop();
      return toHyperFormula(callFunction(getData(), spec.name, given));
    });
  }

  /** Spill size: the implementation's result for the arguments as they stand when the formula is parsed. */
  size(spec: FunctionSpec, ast: ProcedureAst, state: InterpreterState): ArraySize {
    try {
      const args = ast.args.map((a: Ast) => toArg(this.evaluateAst(a, state)));
      const r = callFunction(getData(), spec.name, args);
      if (!isMatrix(r) || r.length === 0) return ArraySize.scalar();
      return new ArraySize(Math.max(...r.map((row) => row.length)), r.length);
    } catch {
      return ArraySize.scalar();
    }
  }
}

const methods = MpwrPlugin.prototype as unknown as Record<string, PluginMethod>;
for (const spec of FUNCTIONS) {
  const method = `mpwr${spec.name}`;
  MpwrPlugin.implementedFunctions[`MPWR.${spec.name}`] = {
    method,
    parameters: spec.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional ?? false })),
    ...(spec.matrix ? { sizeOfResultArrayMethod: `${method}Size`, vectorizationForbidden: true } : {}),
  };
  methods[method] = function (this: MpwrPlugin, ast: ProcedureAst, state: InterpreterState) {
    return this.run(spec, ast, state);
  };
  if (spec.matrix) {
    methods[`${method}Size`] = function (this: MpwrPlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.size(spec, ast, state);
    };
  }
}

const translations = { enGB: Object.fromEntries(FUNCTIONS.map((f) => [`MPWR.${f.name}`, `MPWR.${f.name}`])) };

let registered = false;

/** Registers the MPWR plugin with HyperFormula (once per process). */
export function registerMpwr(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(MpwrPlugin, translations);
  registered = true;
}

/** HyperFormula options for MPWR workbooks: the GPL licence key, and Excel-like dates and empty-string handling. */
export const HF_CONFIG: Partial<ConfigParams> = { licenseKey: 'gpl-v3' };

/** A HyperFormula workbook from sheets of typed cell contents, with MPWR registered. */
export function mpwrWorkbook(sheets: Record<string, (string | number | boolean | null)[][]>, config: Partial<ConfigParams> = {}): HyperFormula {
  registerMpwr();
  return HyperFormula.buildFromSheets(sheets, { ...HF_CONFIG, ...config });
}
