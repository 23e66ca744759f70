// A stand-in for Excel's CustomFunctions namespace (Error, ErrorCode, associate), installed as a
// global before functions/functions.ts is loaded in a test.

export class MockCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const MOCK_ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export const associated: string[] = [];

/** Installs the mock as `globalThis.CustomFunctions`. */
export function installCustomFunctionsMock(): void {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
    Error: MockCustomFunctionsError,
    ErrorCode: MOCK_ERROR_CODES,
    associate: (id: string) => {
      associated.push(id);
    },
  };
}
