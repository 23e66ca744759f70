#!/usr/bin/env node
// The `mpwr` command: runs the compiled CLI (dist/, built by `npm run build:cli`, which `npm ci` runs through `prepare`).
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
require('../dist/cli.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
