// Turns the dev manifest (https://localhost:3000/...) into the production one.
// Used by webpack.config.js (copy of manifest.xml into dist-addin/) and by test/manifest.test.ts.
'use strict';

const DEV_URL = 'https://localhost:3000/';
const DEFAULT_PROD_URL = 'https://mpwr-addin.example.com/';
/** The production add-in's own id and name, so that it and a sideloaded dev copy are two add-ins. */
const DEFAULT_PROD_ID = 'a8d2f643-a488-4b7a-85f8-f5c27eb99f5e';
const DEFAULT_PROD_NAME = 'MPWR';

/**
 * The production base URL: env MPWR_PROD_URL or the default, https, ending in "/".
 * @param {string | undefined} value
 * @returns {string}
 */
function productionUrl(value = process.env.MPWR_PROD_URL) {
  const raw = value && value.trim() ? value.trim() : DEFAULT_PROD_URL;
  const url = raw.endsWith('/') ? raw : `${raw}/`;
  if (!/^https:\/\/[^/\s]+\//.test(url)) {
    throw new Error(`MPWR_PROD_URL must be an https URL such as ${DEFAULT_PROD_URL}; got "${raw}"`);
  }
  return url;
}

/**
 * Replaces every occurrence of the dev URL (global replace, not only the first).
 * @param {string} xml
 * @param {string} prodUrl
 * @returns {string}
 */
function toProductionManifest(xml, prodUrl = productionUrl()) {
  return xml.replace(/https:\/\/localhost:3000\//g, productionUrl(prodUrl));
}

/**
 * The production manifest's id and display name: env MPWR_PROD_ID (a GUID) and MPWR_PROD_NAME, or
 * the defaults.
 * @param {Record<string, string | undefined>} env
 * @returns {{ id: string, displayName: string }}
 */
function productionIdentity(env = process.env) {
  const id = (env.MPWR_PROD_ID || DEFAULT_PROD_ID).trim();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new Error(`MPWR_PROD_ID must be a GUID such as ${DEFAULT_PROD_ID}; got "${id}"`);
  }
  const displayName = (env.MPWR_PROD_NAME || DEFAULT_PROD_NAME).trim();
  return { id, displayName };
}

/**
 * Microsoft's manifest tool on a file, in a process of its own (scripts/manifest-tool.js).
 * @param {string[]} args
 * @returns {{ id?: string, displayName?: string, version?: string, providerName?: string, hosts?: string[] }}
 */
function manifestTool(args) {
  const { execFileSync } = require('child_process');
  const path = require('path');
  const out = execFileSync(process.execPath, [path.join(__dirname, 'manifest-tool.js'), ...args], { encoding: 'utf8' });
  return JSON.parse(out);
}

/**
 * Stamps a manifest file's id and display name with Microsoft's tool (office-addin-manifest's
 * modify step, as `office-addin-manifest modify -g ID -d NAME` does), in place.
 * @param {string} file
 * @param {{ id: string, displayName: string }} identity
 * @returns {{ id?: string, displayName?: string }}
 */
function stampManifest(file, identity) {
  const info = manifestTool(['stamp', file, identity.id, identity.displayName]);
  return { id: info.id, displayName: info.displayName };
}

module.exports = { DEV_URL, DEFAULT_PROD_URL, DEFAULT_PROD_ID, DEFAULT_PROD_NAME, productionUrl, productionIdentity, toProductionManifest, manifestTool, stampManifest };
