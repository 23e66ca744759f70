#!/usr/bin/env node
// The `mpwr` command: runs the compiled CLI (built by `npm run build:cli`, which `npm ci` runs through `prepare`).
require('../dist/cli.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
