/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testTimeout: 60000,
  // `.txt` imports give the file's text (the built-in filing in functions/functions.ts), as in webpack.
  transform: { '^.+\\.txt$': '<rootDir>/test/support/text-transform.js' },
  // The built-in release with its prepared reading: made by webpack's val-loader in the build, by
  // this stand-in (the same function, run when a test loads it) under jest.
  moduleNameMapper: { '^(\\.\\./)+functions/built-in-filing$': '<rootDir>/test/support/built-in-filing.ts', '^\\./built-in-filing$': '<rootDir>/test/support/built-in-filing.ts' },
};
