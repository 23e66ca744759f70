#!/usr/bin/env node
// `npm start`: prints how to sideload the add-in (docs/SIDELOADING.md), then runs the dev
// server on https://localhost:3000 (same as `npm run dev-server`).
'use strict';
const path = require('path');
const { spawn } = require('child_process');

const root = path.resolve(__dirname, '..');

console.log(`
MPWR add-in — development
  Dev server:  https://localhost:3000/taskpane.html (webpack serve, HTTPS)
  Manifest:    ${path.join(root, 'manifest.xml')}

  First time only: trust the localhost certificate
    npx office-addin-dev-certs install

  Then sideload manifest.xml (details: docs/SIDELOADING.md)
    Excel on the web: Home > Add-ins > More Settings > Upload My Add-in > manifest.xml
    Excel on Windows: share a folder holding manifest.xml, add it as a Trusted Add-in
                      Catalog (File > Options > Trust Center), restart Excel, then
                      Home > Add-ins > More Add-ins > SHARED FOLDER > MPWR
    Excel on Mac:     copy manifest.xml to
                      ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                      restart Excel, then Home > Add-ins > MPWR

  Then: Home > MPWR Import, or type =MPWR. in a cell.
  Stop the server with Ctrl+C.
`);

const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
const child = spawn(process.execPath, [cli, 'serve', '--mode', 'development', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
