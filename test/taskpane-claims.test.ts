/**
 * The task pane's view of the prose's claims, in Node (no DOM): each sentence with its number
 * marked, beside the table line it was checked against, breaks and unlinked claims first.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../src/pipeline';
import { previewOf } from '../taskpane/preview';

const SEED_NAME = 'mpwr-2004q2-ex99-1.txt';
const SEED = fs.readFileSync(path.resolve(__dirname, '../assets/filings', SEED_NAME), 'utf8');

describe("the pane's claims", () => {
  test('the seed: counts, unlinked first, each sentence with the number marked beside the table line', () => {
    const p = previewOf(analyze([{ name: SEED_NAME, text: SEED }]), [SEED_NAME]).claims;
    expect(p.counts).toEqual({ found: 47, linked: 42, tie: 9, rounding: 33, break: 0, unlinked: 5 });
    expect(p.claims.slice(0, 5).map((c) => [c.status, c.line])).toEqual([['unlinked', 15], ['unlinked', 50], ['unlinked', 66], ['unlinked', 74], ['unlinked', 74]]);
    const revenue = p.claims.find((c) => c.line === 21 && c.words === '$38.5 million');
    expect(revenue?.sentence).toEqual([
      { text: 'Mpower increased revenue from continuing operations by 3.6% over the first quarter of 2004 to ', mark: false },
      { text: '$38.5 million', mark: true },
      { text: ' in the second quarter of 2004.', mark: false },
    ]);
    expect(revenue?.figures).toEqual([{
      label: 'Total Operating Revenues', period: '2004Q2', file: SEED_NAME, line: 238, column: expect.any(Array),
      parts: [{ text: 'Total Operating Revenues  ', mark: false }, { text: '38,496', mark: true }, { text: '  37,153  37,758', mark: false }],
    }]);
    expect([revenue?.stated, revenue?.actual]).toEqual(['38.5', '38.496']);
    // Two "$0.02" in one sentence: each claim marks its own.
    const eps = p.claims.filter((c) => c.words === '$0.02').map((c) => c.sentence.filter((x) => x.mark).map((x) => x.text));
    expect(eps).toEqual([['$0.02'], ['$0.02']]);
    const [first, second] = p.claims.filter((c) => c.words === '$0.02').map((c) => c.sentence[0].text.length);
    expect(first).toBeLessThan(second);
  });

  test('a text that contradicts its table shows first, with the reason', () => {
    const text = SEED.replace('to $38.5 million in the second quarter', 'to $39.5 million in the second quarter');
    const p = previewOf(analyze([{ name: 'contradicts.txt', text }]), ['contradicts.txt']).claims;
    expect(p.claims[0]).toMatchObject({ status: 'break', line: 21, words: '$39.5 million', stated: '39.5', actual: '38.496' });
    expect(p.claims[0].reason).toBe('the text says $39.5 million; the table prints Total Operating Revenues 2004Q2 38,496 (line 238)');
  });

  test('claims of files imported before are not shown again', () => {
    const p = previewOf(analyze([], [{ name: SEED_NAME, text: SEED }]), []).claims;
    expect(p.counts.found).toBe(0);
  });
});
