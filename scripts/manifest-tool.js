#!/usr/bin/env node
// Microsoft's manifest tool (office-addin-manifest) run in a process of its own: it needs Node's own
// module loader (one of its dependencies is an ES module, which jest's loader cannot require).
//   node scripts/manifest-tool.js info FILE              → {"id","displayName","version","providerName","hosts"}
//   node scripts/manifest-tool.js stamp FILE ID NAME     → stamps the id and display name in place (its modify step), then info
'use strict';
const { OfficeAddinManifest } = require('office-addin-manifest');

async function main() {
  const [command, file, id, name] = process.argv.slice(2);
  if (!file || !['info', 'stamp'].includes(command) || (command === 'stamp' && (!id || !name))) {
    throw new Error('usage: manifest-tool.js info FILE | stamp FILE ID NAME');
  }
  const info = command === 'stamp' ? await OfficeAddinManifest.modifyManifestFile(file, id, name) : await OfficeAddinManifest.readManifestFile(file);
  process.stdout.write(`${JSON.stringify({ id: info.id, displayName: info.displayName, version: info.version, providerName: info.providerName, hosts: info.hosts })}\n`);
}

main().catch((e) => {
  process.stderr.write(`manifest-tool: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
