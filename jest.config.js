/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testTimeout: 60000,
  // `.txt` imports give the file's text (the built-in filing in functions/functions.ts), as in webpack.
  transform: { '^.+\\.txt$': '<rootDir>/test/support/text-transform.js' },
};
