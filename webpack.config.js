// Builds the MPWR add-in into dist-addin/ (dist/ holds the CLI from tsc -p tsconfig.cli.json).
//   npm run build       production: manifest URLs -> MPWR_PROD_URL (default https://mpwr-addin.example.com/)
//   npm run build:dev   development build, manifest unchanged (https://localhost:3000/)
//   npm run dev-server  https://localhost:3000 with the office-addin-dev-certs certificate
//
// One shared runtime: taskpane.html loads functions.js then taskpane.js. The taskpane entry
// depends on the functions entry, so the two share one webpack runtime and one instance of
// every module they both import (the task pane and =MPWR.* see the same in-memory Dataset),
// while functions.js stays self-contained. Dynamic import() becomes lazy chunks (ExcelJS).
'use strict';

const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { NormalModuleReplacementPlugin } = require('webpack');
const { productionIdentity, productionUrl, stampManifest, toProductionManifest } = require('./scripts/manifest-transform');

const DEV_PORT = 3000;

/**
 * Certificate for https://localhost; only needed by `webpack serve`. From office-addin-dev-certs
 * (created and trusted on first use), or from MPWR_DEV_CERT_DIR (localhost.key, localhost.crt)
 * on machines where that tool cannot install a CA.
 */
async function devHttpsOptions() {
  const dir = process.env.MPWR_DEV_CERT_DIR;
  if (dir) {
    const read = (name) => fs.readFileSync(path.join(dir, name));
    return { key: read('localhost.key'), cert: read('localhost.crt') };
  }
  const devCerts = require('office-addin-dev-certs');
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

/**
 * @param {Record<string, unknown>} env
 * @param {{ mode?: string }} argv
 * @returns {Promise<import('webpack').Configuration>}
 */
module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const prodUrl = productionUrl();

  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    devtool: 'source-map',
    entry: {
      functions: './functions/functions.ts',
      taskpane: { import: './taskpane/taskpane.ts', dependOn: 'functions' },
    },
    output: {
      path: path.resolve(__dirname, 'dist-addin'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES modules out of TypeScript, so that webpack can split on import().
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: true } },
          },
        },
        // The built-in release with the reading made of it now, at build time (see the module).
        { test: /[\\/]functions[\\/]built-in-filing\.js$/, use: 'val-loader' },
      ],
    },
    plugins: [
      // The HTML reader decodes character references itself (htmlparser2 runs with
      // decodeEntities: false), so entities' table of every HTML5 name is left out of the bundle.
      new NormalModuleReplacementPlugin(/[\\/]generated[\\/]decode-data-html(\.js)?$/, path.resolve(__dirname, 'scripts/entities-html-stub.mjs')),
      new CustomFunctionsMetadataPlugin({
        input: path.resolve(__dirname, 'functions/functions.ts'),
        output: 'functions.json',
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'taskpane/taskpane.css', to: 'taskpane.css', noErrorOnMissing: true },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              production ? toProductionManifest(content.toString(), prodUrl) : content,
          },
        ],
      }),
      // The production manifest gets its own id and display name from Microsoft's manifest tool
      // (office-addin-manifest's modify step), once the copy above has written it.
      ...(production
        ? [{
            apply: (compiler) => {
              compiler.hooks.afterEmit.tap('MpwrManifestStamp', () => {
                stampManifest(path.join(compiler.options.output.path, 'manifest.xml'), productionIdentity());
              });
            },
          }]
        : []),
    ],
    performance: {
      hints: production ? 'warning' : false,
      assetFilter: (file) => file.endsWith('.js'),
      maxEntrypointSize: 512 * 1024,
      maxAssetSize: 1536 * 1024,
    },
    devServer: serving
      ? {
          host: '127.0.0.1',
          port: DEV_PORT,
          allowedHosts: ['localhost', '127.0.0.1'],
          static: false,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await devHttpsOptions() },
          client: { overlay: { errors: true, warnings: false } },
        }
      : undefined,
  };
};
