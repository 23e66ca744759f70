// functions/functions.ts, the Excel entry point: its wrappers call the same implementation as
// every other host, turn errors into CustomFunctions.Error with a message, and agree with the
// metadata Excel reads (functions.json, generated from their JSDoc).
import * as path from 'path';
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTIONS, callFunction } from '../src/formulas/functions-impl';
import { store } from '../src/formulas/store';
import { isFormulaError } from '../src/formulas/values';
import { MOCK_ERROR_CODES, MockCustomFunctionsError, installCustomFunctionsMock } from './support/custom-functions-mock';
import { SEED, syntheticQ3 } from './support/formulas-seed';

type Wrapper = (...args: unknown[]) => unknown;
let fns: Record<string, Wrapper>;
let metadata: ICustomFunctionsMetadata;
/** Metadata id (ADJ_EBITDA) → exported JavaScript function name (adjEbitda). */
const jsName = new Map<string, string>();

beforeAll(async () => {
  installCustomFunctionsMock();
  fns = (await import('../functions/functions')) as unknown as Record<string, Wrapper>;
  const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, '../functions/functions.ts'));
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson) as ICustomFunctionsMetadata;
  for (const a of generated.associate) jsName.set(a.id, a.functionName);
});

afterEach(() => {
  store.setImported([]);
  jest.restoreAllMocks();
});

const fn = (id: string): Wrapper => fns[jsName.get(id) as string];

describe('the Excel functions', () => {
  test('the runtime store holds the built-in filing, as the add-in ships it', () => {
    // With the reading of it made ahead (src/reading.ts), as the build makes it.
    expect(store.builtInSources()).toEqual([{ ...SEED, prepared: expect.stringContaining('"format":"mpwr-reading-1"') }]);
    expect(fn('ADJ_EBITDA')('Q2 2004')).toBe(2544);
    expect(fn('VALUE')('Total Current Assets', 38168)).toBe(48332);
    expect(fn('GUIDANCE')('Revenue', 2005, 'high')).toBe(180500);
  });

  test('errors are CustomFunctions.Error with the right code and the message', () => {
    const e = fn('ADJ_EBITDA')('Q3 2009');
    expect(e).toBeInstanceOf(MockCustomFunctionsError);
    expect(e).toEqual(new MockCustomFunctionsError(MOCK_ERROR_CODES.notAvailable, 'No Adjusted EBITDA for 2009Q3; imported periods: 2003Q2, 2004Q1, 2004Q2; not derivable: needs 9M2009-09-30 and 6M2009-06-30 (the years to date with and without it)'));
    expect((fn('ADJ_EBITDA')('banana') as MockCustomFunctionsError).code).toBe('#VALUE!');
    expect((fn('ADJ_EBITDA')(null) as MockCustomFunctionsError).code).toBe('#VALUE!');
    expect((fn('ADJ_EBITDA')(0) as MockCustomFunctionsError).code).toBe('#NUM!');
  });

  test('matrices come back as 2D arrays; a whole-matrix error as a 1×1 matrix holding it', () => {
    expect(fn('SERIES')('Revenue')).toEqual([
      ['2003Q2', '2004Q1', '2004Q2'],
      [37758, 37153, 38496],
      ['printed', 'printed', 'printed'],
    ]);
    const e = fn('RECON')('Net Loss', 'Q2 2004') as unknown[][];
    expect(e).toHaveLength(1);
    expect(e[0][0]).toBeInstanceOf(MockCustomFunctionsError);
  });

  test('after setImported the same formulas see the new data', () => {
    expect((fn('ADJ_EBITDA')('Q3 2004') as MockCustomFunctionsError).code).toBe('#N/A');
    store.setImported([syntheticQ3()]);
    expect(fn('ADJ_EBITDA')('Q3 2004')).toBe(2544);
  });

  test('an exception inside the data layer becomes #VALUE!, never a throw', () => {
    jest.spyOn(store, 'data').mockImplementation(() => {
      throw new Error('boom');
    });
    expect(fn('ADJ_EBITDA')('Q2 2004')).toEqual(new MockCustomFunctionsError('#VALUE!', 'MPWR could not compute this: boom'));
    expect(fn('CHECKS')()).toEqual([[new MockCustomFunctionsError('#VALUE!', 'MPWR could not compute this: boom')]]);
  });

  test('every wrapper answers as the implementation does', () => {
    const d = store.data();
    for (const spec of FUNCTIONS) {
      const args = spec.params.filter((p) => !p.optional).map((p) => (p.name === 'item' || p.name === 'measure' ? 'Adjusted EBITDA' : p.name === 'year' ? 2005 : 'Q2 2004'));
      const result = callFunction(d, spec.name, args);
      // An error comes back as a CustomFunctions.Error with the same code and message.
      const expected = isFormulaError(result) ? { code: result.code, message: result.message } : result;
      const got = fn(spec.name)(...args);
      expect([spec.name, JSON.stringify(got)]).toEqual([spec.name, JSON.stringify(expected)]);
    }
  });
});

describe('functions.json agrees with the implementation', () => {
  test('one function per registry entry, same parameters, optional flags and result shape', () => {
    const byId = new Map(metadata.functions.map((f) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    for (const spec of FUNCTIONS) {
      const m = byId.get(spec.name);
      expect(m?.parameters.map((p) => [p.name, p.optional === true])).toEqual(spec.params.map((p) => [p.name, p.optional === true]));
      expect([spec.name, m?.result?.dimensionality === 'matrix']).toEqual([spec.name, spec.matrix]);
      expect(m?.helpUrl).toMatch(/^https:\/\//);
    }
  });

  test('no function is streaming, volatile or asynchronous (answers from memory, no #BUSY!)', () => {
    for (const f of metadata.functions) {
      expect([f.id, f.options?.stream ?? false, f.options?.volatile ?? false]).toEqual([f.id, false, false]);
    }
  });
});
