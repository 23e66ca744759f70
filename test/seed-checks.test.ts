/**
 * The seed's checks: at least one per identity per period, all tie or round except where the
 * filing itself does not add up; and a mutation test: changing a digit of any number that takes
 * part in an identity makes at least one check break.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, checkCounts } from '../src/pipeline';
import type { Check } from '../src/model/types';

const SEED = path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt');
const text = readFileSync(SEED, 'utf8');
const run = (t: string) => analyze([{ name: 'seed.txt', text: t }]);
const base = run(text);
const byId = new Map(base.checks.map((c) => [c.id, c]));

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
  });
});

/** Number tokens of the seed's tables and Note 1, with their line and column. */
function numberTokens(): { line: number; start: number; text: string }[] {
  const lines = text.split('\n');
  const out: { line: number; start: number; text: string }[] = [];
  lines.forEach((l, i) => {
    const no = i + 1;
    if (no < 185) return; // tables and Note 1 start at the balance sheet
    for (const m of l.matchAll(/\(?\$?\(?\d[\d,]*(?:\.\d+)?%?\)?/g)) {
      const start = m.index ?? 0;
      // Table cells stand in the number columns (from column 70); Note 1's figures carry a $.
      const note = /^(Note 1|of \$|2004\. Selling|depreciation and amortization of|ended June)/.test(l);
      if (note ? !m[0].startsWith('$') : start < 70) continue;
      if (/(June|March|December) \d/.test(l)) continue; // column headers
      out.push({ line: no, start: m.index ?? 0, text: m[0] });
    }
  });
  return out;
}

describe('mutation: a changed digit in any number that takes part in an identity breaks a check', () => {
  const lines = text.split('\n');
  const tokens = numberTokens();
  const participating = tokens.filter((t) => base.checks.some((c) => c.lines.includes(t.line)));

  test('the seed has the numbers we expect to mutate', () => {
    // 245 facts, minus the 8 narrative figures (outside the tables) plus the three Note 1 ... all in identities.
    expect(participating.length).toBeGreaterThan(200);
  });

  test('every digit position of every such number (share counts: at least one digit)', () => {
    const undetected: string[] = [];
    for (const t of participating) {
      const isShares = t.line === 262;
      const digitPositions = [...t.text].map((ch, i) => (/\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
      let anyBroke = false;
      for (const pos of digitPositions) {
        const d = Number(t.text[pos]);
        const mutatedToken = t.text.slice(0, pos) + String((d + 5) % 10) + t.text.slice(pos + 1);
        const l = lines[t.line - 1];
        const mutatedLine = l.slice(0, t.start) + mutatedToken + l.slice(t.start + t.text.length);
        const mutated = [...lines];
        mutated[t.line - 1] = mutatedLine;
        const broke = run(mutated.join('\n')).checks.some((c) => c.status === 'break' && c.id !== 'eps-discontinued@2004Q1');
        if (broke) anyBroke = true;
        else if (!isShares) undetected.push(`line ${t.line} ${t.text} digit ${pos}`);
      }
      if (isShares && !anyBroke) undetected.push(`line ${t.line} ${t.text} (no digit change detected)`);
    }
    expect(undetected).toEqual([]);
  });
});
