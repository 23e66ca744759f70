// functions.json as custom-functions-metadata-plugin generates it at build time, from the
// JSDoc of functions/functions.ts: no errors, and every function and parameter described.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCustomFunctionsMetadata, ICustomFunctionsMetadata } from 'custom-functions-metadata';

const FUNCTIONS_FILE = path.resolve(__dirname, '../functions/functions.ts');

async function generate(file: string): Promise<{ errors: string[]; metadata: ICustomFunctionsMetadata }> {
  const result = await generateCustomFunctionsMetadata(file);
  const metadata: ICustomFunctionsMetadata = result.metadataJson
    ? (JSON.parse(result.metadataJson) as ICustomFunctionsMetadata)
    : { functions: [], enums: [] };
  return { errors: result.errors, metadata };
}

/** One message per function or parameter that Excel would show without a description. */
function missingDescriptions(metadata: ICustomFunctionsMetadata): string[] {
  const missing: string[] = [];
  for (const fn of metadata.functions) {
    if (!fn.description?.trim()) missing.push(fn.name);
    for (const p of fn.parameters) {
      if (!p.description?.trim()) missing.push(`${fn.name}(${p.name})`);
    }
  }
  return missing;
}

describe('functions/functions.ts metadata', () => {
  let errors: string[] = [];
  let metadata: ICustomFunctionsMetadata = { functions: [], enums: [] };

  beforeAll(async () => {
    ({ errors, metadata } = await generate(FUNCTIONS_FILE));
  });

  test('generates without errors and declares at least one function', () => {
    expect(errors).toEqual([]);
    expect(metadata.functions.length).toBeGreaterThan(0);
  });

  test('every function and every parameter has a description', () => {
    expect(missingDescriptions(metadata)).toEqual([]);
  });

  test('ids are unique, upper case names Excel accepts; help URLs are https', () => {
    const ids = metadata.functions.map((fn) => fn.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fn of metadata.functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(fn.name).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      if (fn.helpUrl !== undefined) expect(fn.helpUrl).toMatch(/^https:\/\//);
    }
  });
});

describe('the checks can fail', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpwr-cf-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an undocumented parameter and an undescribed function are reported', async () => {
    const file = path.join(dir, 'fixture.ts');
    fs.writeFileSync(
      file,
      [
        '/**',
        ' * Adds two numbers.',
        ' * @customfunction',
        ' * @param a First number.',
        ' */',
        'export function add(a: number, b: number): number { return a + b; }',
        '',
        '/**',
        ' * @customfunction',
        ' */',
        'export function nothing(): number { return 0; }',
        '',
      ].join('\n'),
    );
    const { errors, metadata } = await generate(file);
    expect(errors).toEqual([]);
    expect(metadata.functions.map((fn) => fn.id)).toEqual(['ADD', 'NOTHING']);
    expect(missingDescriptions(metadata)).toEqual(['ADD(b)', 'NOTHING']);
  });

  test('a JSDoc error is reported by the generator', async () => {
    const file = path.join(dir, 'bad.ts');
    fs.writeFileSync(
      file,
      ['/**', ' * Bad type.', ' * @customfunction', ' */', 'export function bad(x: Map<string, number>): number { return x.size; }', ''].join('\n'),
    );
    const { errors } = await generate(file);
    expect(errors.join('\n')).toMatch(/"Map"/);
  });
});
