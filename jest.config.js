/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testTimeout: 60000,
  // The built-in release with its prepared reading: made by webpack's val-loader in the build, by
  // this stand-in (the same function, run when a test loads it) under jest.
  moduleNameMapper: { '^(\\.\\./)+functions/built-in-filing$': '<rootDir>/test/support/built-in-filing.ts', '^\\./built-in-filing$': '<rootDir>/test/support/built-in-filing.ts' },
};
