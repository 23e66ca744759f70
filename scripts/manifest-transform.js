// Turns the dev manifest (https://localhost:3000/...) into the production one.
// Used by webpack.config.js (copy of manifest.xml into dist-addin/) and by test/manifest.test.ts.
'use strict';

const DEV_URL = 'https://localhost:3000/';
const DEFAULT_PROD_URL = 'https://mpwr-addin.example.com/';

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

module.exports = { DEV_URL, DEFAULT_PROD_URL, productionUrl, toProductionManifest };
