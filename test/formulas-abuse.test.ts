// Every MPWR function called with every kind of argument a host can pass — numbers, text,
// booleans, empty, errors, ranges where one value is expected, objects — through every host:
// the pure implementation, the Excel wrappers, HyperFormula and `mpwr call`. Each answers with a
// value or an error with a message; none throws.
import fc from 'fast-check';
import { DetailedCellError } from 'hyperformula';
import { runCall } from '../src/formulas/call';
import type { FormulaData } from '../src/formulas/data';
import { FUNCTIONS, type FunctionSpec, callFunction } from '../src/formulas/functions-impl';
import { type FormulaResult, formulaError, isFormulaError, isMatrix } from '../src/formulas/values';
import { MockCustomFunctionsError, installCustomFunctionsMock } from './support/custom-functions-mock';
import { SEED, seedFormulaData } from './support/formulas-seed';
import { mpwrWorkbook, useMpwrData } from './support/hyperformula-mpwr';

const ABUSE: [string, unknown][] = [
  ['zero', 0],
  ['negative', -1],
  ['fraction', 1.5],
  ['negative zero', -0],
  ['year', 2004],
  ['serial', 38168],
  ['fake 1900-02-29', 60],
  ['huge', 1e308],
  ['max safe integer', Number.MAX_SAFE_INTEGER],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['bigint', BigInt(7)],
  ['empty text', ''],
  ['blank text', '   '],
  ['banana', 'banana'],
  ['a period', 'Q2 2004'],
  ['a guidance period', 'FY2005 low'],
  ['an item', 'Adjusted EBITDA'],
  ['a formula as text', '=1+1'],
  ['error text', '#N/A'],
  ['very long text', 'Q'.repeat(100000)],
  ['a long run of separators', `${', -('.repeat(25000)}x`],
  ['a long run before a bound', `q2 ${' -'.repeat(50000)}high`],
  ['control characters', '\u0000\u0007\r\n'],
  ['emoji', '📈 Q2 2004'],
  ['constructor', 'constructor'],
  ['__proto__', '__proto__'],
  ['toString', 'toString'],
  ['LATEST far back', 'LATEST-999'],
  ['TRUE', true],
  ['FALSE', false],
  ['null', null],
  ['undefined', undefined],
  ['our error', formulaError('#N/A', 'upstream')],
  ['an Excel error', new MockCustomFunctionsError('#DIV/0!', 'division by zero')],
  ['an error-like object', { code: '#REF!' }],
  ['a JS Error', new Error('thrown elsewhere')],
  ['1×1 range', [[2004]]],
  ['1×1 range of text', [['Q2 2004']]],
  ['2×2 range', [[1, 2], [3, 4]]],
  ['empty array', []],
  ['empty row', [[]]],
  ['range of empty', [[null]]],
  ['ragged range', [[1], [2, 3]]],
  ['nested deeper', [[[1]]]],
  ['plain object', {}],
  ['a Date', new Date(Date.UTC(2004, 5, 30))],
  ['an invalid Date', new Date(NaN)],
  ['a symbol', Symbol('x')],
  ['a function', () => 1],
];

const VALID: Record<string, unknown> = { item: 'Adjusted EBITDA', measure: 'Adjusted EBITDA', period: 'Q2 2004', year: 2005, from: 'Q1 2004', to: 'Q2 2004', scale: 'units', bound: 'low', kind: 'actual' };

function validArgs(spec: FunctionSpec): unknown[] {
  return spec.params.map((p) => VALID[p.name]);
}

/** A result a host can show: a finite number, text, a boolean, a matrix of those or of errors, or an error with a message. */
function expectShowable(where: string, r: FormulaResult): void {
  const cellOk = (c: unknown): boolean =>
    (typeof c === 'number' && Number.isFinite(c)) || typeof c === 'string' || typeof c === 'boolean' || (isFormulaError(c) && c.message.length > 0);
  const ok = isMatrix(r) ? r.length > 0 && r.every((row) => Array.isArray(row) && row.length > 0 && row.every(cellOk)) : cellOk(r);
  if (!ok) throw new Error(`${where}: not a showable result: ${String(r)}`);
  if (isFormulaError(r)) expect(['#N/A', '#VALUE!', '#NUM!', '#REF!', '#DIV/0!']).toContain(r.code);
}

let d: FormulaData;
beforeAll(() => {
  d = seedFormulaData();
});

describe('the implementation', () => {
  test('every function, every parameter, every kind of argument: a value or an error, never a throw', () => {
    let calls = 0;
    for (const spec of FUNCTIONS) {
      for (let i = 0; i < spec.params.length; i++) {
        for (const [kind, arg] of ABUSE) {
          const args = validArgs(spec);
          args[i] = arg;
          const where = `MPWR.${spec.name} ${spec.params[i].name}=${kind}`;
          let r: FormulaResult;
          try {
            r = callFunction(d, spec.name, args);
          } catch (e) {
            throw new Error(`${where} threw ${String(e)}`);
          }
          expectShowable(where, r);
          calls++;
        }
      }
      expectShowable(`MPWR.${spec.name} valid`, callFunction(d, spec.name, validArgs(spec)));
    }
    expect(calls).toBeGreaterThan(1000);
  });

  test('no exception reached the guard: failures are answers, not caught crashes', () => {
    for (const spec of FUNCTIONS) {
      for (let i = 0; i < spec.params.length; i++) {
        for (const [kind, arg] of ABUSE) {
          const args = validArgs(spec);
          args[i] = arg;
          const r = callFunction(d, spec.name, args);
          if (isFormulaError(r)) expect([spec.name, kind, r.message]).not.toEqual([spec.name, kind, expect.stringMatching(/^MPWR could not compute this/)]);
        }
      }
    }
  });

  test('an error argument keeps its code when it is one of ours (as Excel propagates errors)', () => {
    expect(callFunction(d, 'ADJ_EBITDA', [formulaError('#N/A', 'upstream')])).toEqual(formulaError('#N/A', 'upstream'));
    expect(callFunction(d, 'ADJ_EBITDA', [{ code: '#REF!' }])).toMatchObject({ code: '#REF!' });
    expect(callFunction(d, 'ADJ_EBITDA', [new MockCustomFunctionsError('#DIV/0!', 'division by zero')])).toMatchObject({ code: '#DIV/0!' });
    expect(callFunction(d, 'ADJ_EBITDA', [new MockCustomFunctionsError('#NULL!', 'no intersection')])).toMatchObject({ code: '#VALUE!' });
  });

  test('random arguments of any shape (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FUNCTIONS), fc.array(fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withTypedArray: true }), { maxLength: 5 }), (spec, args) => {
        const r = callFunction(d, spec.name, args);
        expectShowable(`MPWR.${spec.name}`, r);
      }),
      { seed: 20040630, numRuns: 3000 },
    );
  });

  test('random text as a period (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('ADJ_EBITDA', 'CASH', 'CHECK', 'SOURCE'), (text, name) => {
        const args = name === 'SOURCE' ? ['Net Loss', text] : [text];
        expectShowable(`MPWR.${name}(${JSON.stringify(text)})`, callFunction(d, name, args));
      }),
      { seed: 38168, numRuns: 3000 },
    );
  });
});

describe('the Excel wrappers', () => {
  test('every wrapper with every kind of argument returns a value, a CustomFunctions.Error or a matrix of them', async () => {
    installCustomFunctionsMock();
    const fns = (await import('../functions/functions')) as unknown as Record<string, (...args: unknown[]) => unknown>;
    const wrappers = Object.entries(fns).filter(([, f]) => typeof f === 'function');
    expect(wrappers.length).toBe(FUNCTIONS.length);
    const ok = (v: unknown): boolean => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || typeof v === 'boolean' || v instanceof MockCustomFunctionsError;
    for (const [name, f] of wrappers) {
      for (let i = 0; i < Math.max(f.length, 1); i++) {
        for (const [kind, arg] of ABUSE) {
          const args: unknown[] = ['Adjusted EBITDA', 'Q2 2004', undefined, undefined];
          args[i] = arg;
          let r: unknown;
          try {
            r = f(...args.slice(0, Math.max(f.length, i + 1)));
          } catch (e) {
            throw new Error(`${name} with ${kind} threw ${String(e)}`);
          }
          const good = Array.isArray(r) ? r.every((row) => Array.isArray(row) && row.every(ok)) : ok(r);
          expect([name, kind, good]).toEqual([name, kind, true]);
        }
      }
    }
  });
});

describe('HyperFormula', () => {
  test('formulas with every kind of argument HyperFormula can pass evaluate to a value or an error', () => {
    useMpwrData(seedFormulaData);
    const argTexts = ['0', '-1', '2004', '38168', '1E+308', '""', '"banana"', '"Q2 2004"', 'TRUE()', 'FALSE()', 'A1', 'A1:B2', '{1,2;3,4}', '1/0', 'NA()', 'DATE(2004,6,30)', '"FY2005 high"', 'REPT("x",5000)'];
    const rows: (string | number | null)[][] = [[null, null, null]];
    for (const spec of FUNCTIONS) {
      for (let i = 0; i < spec.params.length; i++) {
        for (const a of argTexts) {
          const args = spec.params.map((p) => JSON.stringify(VALID[p.name]));
          args[i] = a;
          rows.push([`=MPWR.${spec.name}(${args.join(',')})`]);
          for (let k = 0; k < 3; k++) rows.push([null]); // a little room for small spills
        }
      }
      rows.push([`=MPWR.${spec.name}()`], [null]);
    }
    const hf = mpwrWorkbook({ Abuse: rows });
    try {
      const values = hf.getSheetValues(0);
      let formulas = 0;
      for (let r = 0; r < rows.length; r++) {
        if (typeof rows[r][0] !== 'string') continue;
        formulas++;
        const v = values[r]?.[0];
        const ok = typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof DetailedCellError;
        expect([rows[r][0], ok]).toEqual([rows[r][0], true]);
      }
      expect(formulas).toBeGreaterThan(400);
    } finally {
      hf.destroy();
    }
  });
});

describe('mpwr call', () => {
  test('every function with arguments typed every way prints something and exits 0 or 1', () => {
    const typed = ['', '0', '-1', '38168', 'TRUE', 'banana', '#N/A', '#DIV/0!', '{1,2;3,4}', '{"Q2 2004"}', '"2004"', '😀', 'x'.repeat(10000)];
    for (const spec of FUNCTIONS) {
      for (let i = 0; i < Math.max(spec.params.length, 1); i++) {
        for (const t of typed) {
          const args = spec.params.map((p) => String(VALID[p.name]));
          args[i] = t;
          const out = runCall(spec.name, args, [], [SEED]);
          expect(out.stdout.length).toBeGreaterThan(0);
          expect([0, 1]).toContain(out.code);
          if (out.code === 1) expect(out.stderr.length).toBeGreaterThan(0);
        }
      }
    }
  });
});
