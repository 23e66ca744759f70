/**
 * The seed's checks: at least one per identity per period, all tie or round except where the
 * filing itself does not add up; and a mutation test: every digit of every printed figure changed
 * gives exactly the checks of the oracle (test/support/seed-oracle.ts, the identities as a person
 * reads them), and a change an identity sees breaks a check.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, checkCounts, type Analysis } from '../src/pipeline';
import type { Check } from '../src/model/types';
import { numberSites, oracleSummary, summarize } from './support/mutations';
import { beforeShared } from './support/shared';

const SEED = path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt');
const text = readFileSync(SEED, 'utf8');
const run = (t: string) => analyze([{ name: 'seed.txt', text: t }]);
// Read when a test asks (a suite loaded only to find one test, as a mutation run does, reads nothing).
let base: Analysis;
let byId: Map<string, Check>;
beforeShared(() => { base = run(text); byId = new Map(base.checks.map((c) => [c.id, c])); });

const QUARTERS = ['2003Q2', '2004Q1', '2004Q2'];
const DATES = ['2003-12-31', '2004-03-31', '2004-06-30'];
const GUIDANCE = ['FY2004#guidance-low', 'FY2004#guidance-high', 'FY2005#guidance-low', 'FY2005#guidance-high'];

const expected: [rule: string, periods: string[]][] = [
  ['bs-current-assets', DATES], ['bs-total-assets', DATES], ['bs-current-liabilities', DATES],
  ['bs-total-liabilities', DATES], ['bs-equity', DATES], ['bs-liabilities-and-equity', DATES], ['bs-balance', DATES],
  ['bs-deficit-rollforward', ['2004Q1', '2004Q2']],
  ['ops-revenue', QUARTERS], ['ops-expenses', QUARTERS], ['ops-operating-loss', QUARTERS],
  ['ops-loss-before-discontinued', [...QUARTERS, ...GUIDANCE]], ['ops-net-loss', [...QUARTERS, ...GUIDANCE]],
  ['eps-sum', QUARTERS], ['eps-loss-before-discontinued', QUARTERS], ['eps-discontinued', QUARTERS], ['eps-net-loss', QUARTERS],
  ['adjusted-gross-margin', QUARTERS], ['adjusted-ebitda', QUARTERS],
  ['adjusted-gross-margin-pct', QUARTERS], ['adjusted-ebitda-margin', QUARTERS],
  ['bridge-gross-margin', QUARTERS], ['bridge-adjusted-ebitda', [...QUARTERS, ...GUIDANCE]], ['da-split', QUARTERS],
];

describe('seed checks', () => {
  test.each(expected)('%s is checked for each period', (rule, periods) => {
    for (const p of periods) {
      const c = byId.get(`${rule}@${p}`);
      expect(c).toBeDefined();
      expect(c?.lines.length).toBeGreaterThan(0);
    }
  });

  test('the same figure printed twice agrees (reconciliation vs statement, Note 1, narrative vs guidance table)', () => {
    const same = base.checks.filter((c) => c.rule.startsWith('same-fact'));
    // 12 rows × 3 quarters printed twice (Adjusted Gross Margin; the eleven rows of the net loss bridge); Note 1 D&A to cost of revenues × 3; Adjusted EBITDA guidance in text and table × 4.
    expect(same).toHaveLength(12 * 3 + 3 + 4);
    expect(same.every((c) => c.status === 'tie' || c.status === 'rounding')).toBe(true);
    const text2004 = byId.get('same-fact:adjusted_ebitda@FY2004#guidance-low');
    expect(text2004?.reported?.toString()).toBe('8000');
  });

  test('only the filing\'s own inconsistency breaks: Q1 2004 discontinued operations per share', () => {
    const breaks = base.checks.filter((c) => c.status === 'break');
    expect(breaks.map((c) => c.id)).toEqual(['eps-discontinued@2004Q1']);
    const b = breaks[0] as Check;
    // Printed $0.01 (line 266); 241 thousand / 78,321,851 shares = $0.0031 (lines 258, 262).
    expect(b.reported?.toString()).toBe('0.01');
    expect(b.computed?.toFixed(4)).toBe('0.0031');
    expect(b.lines).toEqual([266, 258, 262]);
    expect(checkCounts(base.checks).incomplete).toBe(0);
  });

  test('percentages recompute within half a unit of the last printed digit', () => {
    const c = byId.get('adjusted-ebitda-margin@2004Q2');
    expect(c?.status).toBe('rounding');
    expect(c?.tolerance.toString()).toBe('0.05');
    // 2,544 / 38,496 = 6.6085%
    expect(c?.computed?.toFixed(4)).toBe('6.6085');
  });

  test('accumulated deficit moves by the net loss', () => {
    // (39,239) − (37,835) = −1,404 = Q2 net loss; (37,835) − (37,572) = −263 = Q1 net loss.
    expect(byId.get('bs-deficit-rollforward@2004Q2')?.reported?.toString()).toBe('-1404');
    expect(byId.get('bs-deficit-rollforward@2004Q1')?.status).toBe('tie');
    // The balance at the quarter's end and start (line 222, two columns) and the quarter's net loss (line 260).
    expect(byId.get('bs-deficit-rollforward@2004Q2')?.operands.map((o) => [o.coefficient, o.value?.toString(), o.line])).toEqual([
      [1, '-39239', 222], [-1, '-37835', 222], [1, '-1404', 260],
    ]);
  });

  test('a sum with a term not printed is incomplete: no computed figure, no difference', () => {
    // Switched Access for Q2 2004 (line 236, 4,911) blanked: Core Customer + Switched Access cannot be added.
    const lines = text.split('\n');
    lines[235] = lines[235].replace('4,911', '     ');
    const c = run(lines.join('\n')).checks.find((x) => x.id === 'ops-revenue@2004Q2');
    expect([c?.status, c?.reported?.toString(), c?.computed, c?.difference]).toEqual(['incomplete', '38496', null, null]);
  });
});

describe('mutation: every digit of every printed figure changed, the checks are those of the identities as a person reads them', () => {
  const sites = numberSites();

  test('every figure of the tables, Note 1 and the guidance text (fuzz.test.ts counts them: 240)', () => {
    // 227 table cells with a digit (231 less four dashes), Note 1's six, the guidance text's seven changed in place.
    expect(sites.length).toBe(227 + 6 + 7);
  });

  test('each digit position: the checks read are the oracle\'s, and a change the identities see breaks a check', () => {
    const seed = oracleSummary(text);
    const wrong: string[] = [];
    const unseen: string[] = [];
    // Under mutation testing (npm run mutate sets MPWR_MUTATION) this reruns for each mutant of
    // the checks' code: there, the last digit of one figure in twenty (12 of the 240 figures).
    const sample = process.env.MPWR_MUTATION ? sites.filter((_, i) => i % 20 === 0) : sites;
    for (const site of sample) {
      const all = [...site.text].map((ch, i) => (/\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
      const digits = process.env.MPWR_MUTATION ? [all[all.length - 1]] : all;
      for (const pos of digits) {
        const changed = site.text.slice(0, pos) + String((Number(site.text[pos]) + 5) % 10) + site.text.slice(pos + 1);
        const lines = text.split('\n');
        const l = lines[site.line];
        lines[site.line] = l.slice(0, site.span[0]) + changed + l.slice(site.span[1]);
        const mutated = lines.join('\n');
        const expected = oracleSummary(mutated);
        const actual = summarize(run(mutated).checks);
        const where = `line ${site.line + 1} ${site.text} -> ${changed}`;
        const differs = Object.keys({ ...expected, ...actual }).filter((id) => expected[id] !== actual[id]);
        if (differs.length > 0) wrong.push(`${where}: ${differs.slice(0, 3).map((id) => `${id} expected ${expected[id]}, read ${actual[id]}`).join('; ')}`);
        const seen = Object.keys(expected).some((id) => expected[id] !== seed[id]);
        const breaks = Object.keys(expected).some((id) => expected[id].startsWith('break') && expected[id] !== seed[id]);
        // A figure an identity reads is seen; a change it sees beyond rounding breaks (a share count's
        // last digits move a per-share amount less than half a cent: seen, not broken).
        if (seen && !breaks && site.line + 1 !== 262) unseen.push(where);
      }
    }
    expect(wrong).toEqual([]);
    expect(unseen).toEqual([]);
  });
});
