/**
 * Builds the add-in as `npm run build` does (webpack.config.js, production mode), into a
 * directory of the caller's choosing, through webpack's Node API.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
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

// ---- one build shared by the test files that need one ------------------------------------------

/** Everything the build reads besides node_modules: a change to any of these makes a new build. */
const BUILD_INPUTS = ['src', 'functions', 'taskpane', 'assets', 'manifest.xml', 'webpack.config.js', 'scripts/manifest-transform.js', 'package-lock.json', 'tsconfig.json'];

function inputsKey(): string {
  const hash = createHash('sha256');
  const add = (rel: string): void => {
    const file = path.join(ROOT, rel);
    if (!fs.existsSync(file)) return;
    if (fs.statSync(file).isDirectory()) {
      for (const name of fs.readdirSync(file).sort()) add(path.join(rel, name));
      return;
    }
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(file));
  };
  for (const rel of BUILD_INPUTS) add(rel);
  hash.update(`MPWR_PROD_URL=${process.env.MPWR_PROD_URL ?? ''}`);
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The production build of the current sources, built once and shared: by the test files of one
 * run (jest runs them in parallel workers, so a lock directory makes the others wait) and by later
 * runs while no input changes. Read-only for callers. Returns its directory.
 */
export async function sharedAddinBuild(): Promise<string> {
  const base = path.join(os.tmpdir(), 'mpwr-addin-builds');
  fs.mkdirSync(base, { recursive: true });
  const key = inputsKey();
  const dir = path.join(base, key);
  const lock = path.join(base, `${key}.lock`);
  for (let waited = 0; ; ) {
    if (fs.existsSync(path.join(dir, '.complete'))) return dir;
    try {
      fs.mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Another worker is building: wait for it, or take over a lock its run left behind.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      if ((waited += 500) > 15 * 60_000) throw new Error(`waited 15 minutes for the add-in build in ${lock}`);
      await sleep(500);
      continue;
    }
    try {
      // Builds of sources a day old are not needed any more (a newer one may be in use by another run).
      for (const name of fs.readdirSync(base)) {
        const at = path.join(base, name);
        if (name !== key && Date.now() - fs.statSync(at).mtimeMs > 24 * 3600_000) fs.rmSync(at, { recursive: true, force: true });
      }
      const tmp = fs.mkdtempSync(path.join(base, `${key}.tmp-`));
      await buildAddin(tmp);
      fs.writeFileSync(path.join(tmp, '.complete'), '');
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(tmp, dir);
      return dir;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}
