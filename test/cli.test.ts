/**
 * The `mpwr` command as a user types it: the report's shape (ties as a count unless --all),
 * accepting a known break (--accept, an accept file) against --fail-on-break, --file one path per
 * flag, `mpwr help` listing every function, and the "did you mean" of items and periods.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../src/cli';
import { FUNCTIONS } from '../src/formulas/functions-impl';
import { functionHelp } from '../src/formulas/help';
import { oracleCounts } from './support/seed-oracle';

async function run(...argv: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const line = (s: string): string => (s.endsWith("\n") ? s : `${s}\n`);
  const code = await main(argv, { out: (s) => { out += line(s); }, err: (s) => { err += line(s); } });
  return { out, err, code };
}

const Q3 = join(__dirname, 'fixtures', 'synthetic-2004q3.txt');
const BREAK = 'eps-discontinued@2004Q1';
/** The seed's ties by the independent oracle (test/support/seed-oracle.ts): 111. */
const SEED_TIES = oracleCounts(readFileSync(join(__dirname, '..', 'assets', 'filings', 'mpwr-2004q2-ex99-1.txt'), 'utf8')).tie;

describe('mpwr import', () => {
  test('ties as a count, the break in full with its direction and likely culprit', async () => {
    const r = await run('import');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`TIE (${SEED_TIES}): every one adds up exactly; --all lists them`);
    expect(r.out).not.toMatch(/^ {2}TIE {7}/m);
    expect(r.out).toContain(`BREAK      ${BREAK}`);
    // $0.01 printed (line 266) against 241 / 78,321,851 = $0.0031.
    expect(r.out).toContain('difference 0.0069229532 (printed above computed)');
    expect(r.out).toContain('likely culprit: line 266, Income from Discontinued Operations: printed 0.01; 0 would add up');
  });

  test('--all lists every tie', async () => {
    const r = await run('import', '--all');
    // Check lines (a claim's line reads "TIE        line   21  ..."), then the seed's 9 claims that tie (test/narrative-seed.test.ts).
    expect((r.out.match(/^ {2}TIE {8}(?!line )/gm) ?? []).length).toBe(SEED_TIES);
    expect((r.out.match(/^ {2}TIE {8}line /gm) ?? []).length).toBe(9);
  });

  test('--fail-on-break fails on the seed\'s break, unless it is accepted (by id or in a file)', async () => {
    expect((await run('import', '--fail-on-break')).code).toBe(1);
    const accepted = await run('import', '--fail-on-break', '--accept', BREAK);
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain('1 break (1 accepted)');
    expect(accepted.out).toContain(`${BREAK}  [accepted: accepted on the command line]`);
    const dir = mkdtempSync(join(tmpdir(), 'mpwr-accept-'));
    try {
      const file = join(dir, 'accepted.txt');
      writeFileSync(file, `# known plugs of the filing\n${BREAK}  per-share rounding of the filing\n`);
      const r = await run('import', '--fail-on-break', '--accept-file', file);
      expect(r.code).toBe(0);
      expect(r.out).toContain('[accepted: per-share rounding of the filing]');
      const json = JSON.parse((await run('import', '--json', '--accept-file', file)).out);
      expect(json.checks.find((c: { id: string }) => c.id === BREAK)).toMatchObject({ status: 'break', accepted: 'per-share rounding of the filing', culprit: { line: 266, printed: '0.01', wouldTie: '0' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an id that names no check is refused, with a suggestion', async () => {
    const r = await run('import', '--accept', 'eps-discontinued@2004Q3');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no check or claim eps-discontinued@2004Q3 to accept (did you mean eps-discontinued@2004Q1?)');
  });
});

describe('mpwr call', () => {
  test('--file takes one path; a second path needs its own --file', async () => {
    const one = await run('call', 'REVENUE', 'Q3 2004', '--file', Q3);
    expect(one).toMatchObject({ code: 0, out: '38700\n' });
    const two = await run('call', 'REVENUE', 'Q3 2004', '--file', Q3, Q3);
    expect(two.code).toBe(2);
    expect(two.err).toContain('give each file its own --file');
    expect((await run('call', 'REVENUE', 'Q3 2004', '--file', Q3, '--file', Q3)).code).toBe(0);
  });

  test('periods as analysts type them: Jun-04, Q2\'04, 2004 Q2', async () => {
    for (const p of ['Jun-04', "Q2'04", '2004 Q2', 'Jun 2004', '2Q04']) expect([p, (await run('call', 'REVENUE', p)).out]).toEqual([p, '38496\n']);
  });

  test('a mistyped item or period gets a "did you mean"', async () => {
    const item = await run('call', 'VALUE', 'Intrest Expense', 'Q2 2004');
    expect(item.code).toBe(1);
    expect(item.err).toContain('Unknown item "Intrest Expense" (did you mean "Interest Expense"?)');
    const period = await run('call', 'REVENUE', 'Jnue 30, 2004');
    expect(period.err).toContain('did you mean "June 30, 2004"?');
  });
});

describe('mpwr help', () => {
  test('lists every function of the registry with its arguments and an example', async () => {
    const r = await run('help');
    expect(r.code).toBe(0);
    for (const f of FUNCTIONS) {
      const sig = `MPWR.${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
      expect([f.name, r.out.includes(sig)]).toEqual([f.name, true]);
      expect([f.name, r.out.includes(`e.g. =MPWR.${f.name}(`)]).toEqual([f.name, true]);
    }
    // Every function has words of its own (a new one without a line in src/formulas/help.ts fails here).
    expect(functionHelp().filter((f) => !f.summary).map((f) => f.name)).toEqual([]);
    expect(r.out).toContain('[--file FILE]...');
    expect(r.out).toContain('"Jun-04"');
  });
});

describe('mpwr import --json into a slow reader', () => {
  test('writes the document in pieces, each once the one before is taken, and the pieces make the whole', async () => {
    const pieces: string[] = [];
    let waiting = 0;
    let overlapped = false;
    const write = (s: string): Promise<void> => {
      if (waiting > 0) overlapped = true;
      pieces.push(s);
      waiting++;
      // The reader takes each piece a little later (a pipe's other end).
      return new Promise<void>((resolve) => setTimeout(() => { waiting--; resolve(); }, 1));
    };
    // The synthetic Q3 release (the seed one quarter later): its JSON is more than one 64 KB piece.
    const code = await main(['import', Q3, '--json'], { out: () => undefined, err: () => undefined, write });
    expect(code).toBe(0);
    expect(pieces.length).toBeGreaterThan(1);
    expect(overlapped).toBe(false);
    const whole = (await run('import', Q3, '--json')).out;
    expect(pieces.join('')).toBe(whole);
  });
});
