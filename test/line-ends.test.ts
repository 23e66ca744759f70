/**
 * Line ends: a release saved with LF, CRLF or a lone CR (old Mac files) is one release: the same
 * facts on the same lines and columns, the same checks and the same claims in the same places.
 * Both readers are asked: the HTML exhibit (the Q4 2004 fixture, saved with CRLF) and the text seed.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyze } from '../src/pipeline';

const Q4 = readFileSync(join(__dirname, 'fixtures', 'mpwr-2004q4-ex99-1.htm'), 'latin1');
const SEED = readFileSync(join(__dirname, '..', 'assets', 'filings', 'mpwr-2004q2-ex99-1.txt'), 'utf8');

const lf = (text: string) => text.replace(/\r\n/g, '\n');
const variants = (text: string): [string, string][] => [
  ['CRLF', lf(text).replace(/\n/g, '\r\n')],
  ['CR', lf(text).replace(/\n/g, '\r')],
];

/** What a user sees of a release, with the places of each figure. */
function view(text: string) {
  const a = analyze([{ name: 'release', text }]);
  return {
    facts: a.dataset.facts().map((f) => [f.concept, f.period.key, f.scenario, f.value.toString(), f.source.line, f.source.column]),
    checks: a.checks.map((c) => [c.id, c.status, c.lines]),
    claims: a.claims.map((c) => [c.id, c.status, c.line, c.span]),
  };
}

describe('the same release with any line ends reads alike', () => {
  test.each([['the HTML exhibit', Q4], ['the text seed', SEED]])('%s', (_name, text) => {
    const expected = view(lf(text));
    for (const [, other] of variants(text)) expect(view(other)).toEqual(expected);
  });

  test('the places are those printed: read off the Q4 exhibit', () => {
    const lines = lf(Q4).split('\n');
    const facts = analyze([{ name: 'q4.htm', text: Q4.replace(/\r\n/g, '\r') }]).dataset.facts();
    // Cash and cash equivalents at December 31, 2004: 27,327 on line 139, where the figure starts.
    const cash = facts.find((f) => f.concept === 'cash_and_equivalents' && f.period.key === '2004-12-31');
    expect(cash?.source.line).toBe(139);
    expect(cash?.source.column?.[0]).toBe(lines[138].indexOf('27,327'));
    // The note's D&A within SG&A: $1,930 (line 1817), $7,677 (1818) and $8,832 (1819).
    const da = facts.filter((f) => f.concept === 'da_sga').map((f) => [f.value.toString(), f.source.line]);
    expect(da).toEqual(expect.arrayContaining([['1930', 1817], ['7677', 1818], ['8832', 1819]]));
    expect(['$1,930', '$7,677', '$8,832'].map((t, i) => lines[1816 + i].includes(t))).toEqual([true, true, true]);
  });
});
