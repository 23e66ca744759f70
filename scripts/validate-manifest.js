#!/usr/bin/env node
// Offline validation of the add-in manifest against Microsoft's XSDs (test/fixtures/manifest-schemas),
// with xmllint compiled to WebAssembly: no network. `npm run validate` runs it on manifest.xml and,
// when built, dist-addin/manifest.xml. Microsoft's online validation (office-addin-manifest
// validate, which sends the manifest to Microsoft's service) stays a separate, explicit command:
// `npm run validate:online`.
'use strict';
const fs = require('fs');
const path = require('path');
const { validateXML } = require('xmllint-wasm');

const ROOT = path.resolve(__dirname, '..');
const SCHEMAS = path.join(ROOT, 'test/fixtures/manifest-schemas');
const MAIN = 'OfficeAppManifestV1_1.xsd';

async function validate(file) {
  const read = (name) => ({ fileName: name, contents: fs.readFileSync(path.join(SCHEMAS, name), 'utf8') });
  const others = fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.xsd') && f !== MAIN);
  const result = await validateXML({
    xml: [{ fileName: path.basename(file), contents: fs.readFileSync(file, 'utf8') }],
    schema: [read(MAIN)],
    preload: others.map(read),
  });
  return result.errors.map((e) => e.rawMessage);
}

async function main() {
  const files = process.argv.slice(2).length ? process.argv.slice(2) : ['manifest.xml', 'dist-addin/manifest.xml'].filter((f) => fs.existsSync(path.join(ROOT, f)));
  let failed = false;
  for (const f of files) {
    const errors = await validate(path.resolve(ROOT, f));
    if (errors.length) {
      failed = true;
      console.error(`${f}: not valid against the manifest schemas:\n  ${errors.join('\n  ')}`);
    } else console.log(`${f}: valid (offline, Microsoft's XSDs)`);
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => { console.error(e instanceof Error ? e.message : String(e)); process.exitCode = 2; });
