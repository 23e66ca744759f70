/**
 * Builds the add-in as `npm run build` does (webpack.config.js, production mode), into a
 * directory of the caller's choosing, through webpack's Node API.
 */
import * as path from 'path';
import webpack, { type Configuration, type Stats } from 'webpack';

type ConfigFactory = (env: Record<string, unknown>, argv: { mode?: string }) => Promise<Configuration>;

const ROOT = path.resolve(__dirname, '../..');

export async function buildAddin(outDir: string): Promise<Stats> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, 'webpack.config.js')) as ConfigFactory;
  const config = await factory({}, { mode: 'production' });
  config.output = { ...config.output, path: outDir };
  config.infrastructureLogging = { level: 'error' };
  const compiler = webpack(config);
  const stats = await new Promise<Stats>((resolve, reject) => {
    compiler.run((err, result) => {
      if (err) return reject(err);
      if (!result) return reject(new Error('webpack returned no stats'));
      resolve(result);
    });
  });
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) {
    const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
    throw new Error(`webpack build failed:\n${errors.map((e) => e.message).join('\n')}`);
  }
  return stats;
}
