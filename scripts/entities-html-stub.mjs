// The bundle's stand-in for entities' table of every HTML5 character reference name (about 20 KB
// gzipped). htmlparser2 is run with decodeEntities: false (src/filing/html.ts decodes the
// references releases use), so the table is never read; webpack.config.js puts this in its place.
export const htmlDecodeTree = /* #__PURE__ */ new Uint16Array(1);
