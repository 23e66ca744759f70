// `import text from './file.txt'` gives the file's text: webpack's `asset/source` rule in the
// add-in build, test/support/text-transform.js under jest.
declare module '*.txt' {
  const text: string;
  export default text;
}
