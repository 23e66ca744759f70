// The built functions bundle (the production build shared with the browser test, see
// test/support/build-addin.ts), loaded in a fresh Node process as Excel's runtime loads it
// (test/support/functions-host.js): it answers from the reading of the built-in release made when
// it was built (src/reading.ts, functions/built-in-filing.js), not by reading the text again.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sharedAddinBuild } from './support/build-addin';

const ROOT = path.resolve(__dirname, '..');
const HOST = path.join(ROOT, 'test/support/functions-host.js');

/** FUNCTION(ARG...) answered by DIR/functions.js in a fresh process. */
function answer(dir: string, id: string, ...args: string[]): unknown {
  const out = execFileSync(process.execPath, [HOST, 'answer', dir, id, ...args], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

let built: string;
let work: string;

beforeAll(async () => {
  built = await sharedAddinBuild();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mpwr-functions-'));
}, 15 * 60_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the built functions bundle', () => {
  test('answers from the built-in release: Adjusted EBITDA $2,544 for Q2 2004 (lines 272, 296), Total Current Assets $48,332 (line 199)', () => {
    expect(answer(built, 'ADJ_EBITDA', 'Q2 2004')).toBe(2544);
    expect(answer(built, 'VALUE', 'Total Current Assets', 'June 30, 2004')).toBe(48332);
  });

  test('carries the reading made at build time and answers from it', () => {
    const bundle = fs.readFileSync(path.join(built, 'functions.js'), 'utf8');
    expect(bundle).toContain('mpwr-reading-1');
    // The two Adjusted EBITDA facts of Q2 2004 in the prepared reading (the text itself prints `$2,544`).
    const figure = /"value":"2544"/g;
    expect(bundle.match(figure)?.length).toBeGreaterThanOrEqual(2);
    const dir = path.join(work, 'changed');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'functions.js'), bundle.replace(figure, '"value":"2545"'));
    // Answered from the reading, not from the text: the changed figure comes back.
    expect(answer(dir, 'ADJ_EBITDA', 'Q2 2004')).toBe(2545);
  });
});
