/**
 * The Excel host as far as the built functions bundle needs it (`CustomFunctions.associate`,
 * `Error`, `ErrorCode`), for loading `dist-addin/functions.js` in plain Node: by the bench's cold
 * child (bench/cold-child.ts) and, run as a script, by the bundle's own test:
 *
 *   node -r ts-node/register/transpile-only test/support/functions-host.ts DIR FUNCTION ARG...
 *
 * loads DIR/functions.js in this fresh process, calls FUNCTION(ARG...) once and prints the answer
 * as JSON (an error as `{ "code": ..., "message": ... }`).
 */
import * as path from 'path';

export type Registered = Map<string, (...a: unknown[]) => unknown>;

/** Installs the host on this process's globals; returns the registry the bundle fills. */
export function customFunctionsHost(): Registered {
  const registry: Registered = new Map();
  class CfError {
    constructor(readonly code: string, readonly message?: string) {}
  }
  const g = globalThis as Record<string, unknown>;
  g.self = globalThis;
  g.window = globalThis;
  // Where webpack's runtime finds its own URL (the bundle's publicPath is `auto`).
  g.document = { currentScript: { tagName: 'SCRIPT', src: 'https://localhost:3000/functions.js' }, getElementsByTagName: () => [] };
  g.CustomFunctions = {
    associate: (id: string, fn: (...a: unknown[]) => unknown) => registry.set(id, fn),
    Error: CfError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', invalidReference: '#REF!', divisionByZero: '#DIV/0!', nullReference: '#NULL!', invalidName: '#NAME?' },
  };
  return registry;
}

/** The function `id` of the bundle just loaded, or an error naming what it registered. */
export function registered(registry: Registered, id: string, bundle: string): (...a: unknown[]) => unknown {
  const fn = registry.get(id);
  if (!fn) throw new Error(`${bundle} registered no ${id} (registered: ${[...registry.keys()].join(', ')})`);
  return fn;
}

if (require.main === module) {
  const [dir, id, ...args] = process.argv.slice(2);
  const registry = customFunctionsHost();
  const bundle = path.resolve(dir, 'functions.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(bundle);
  console.log(JSON.stringify(registered(registry, id, bundle)(...args)));
}
