/**
 * The Dataset merges filings by release date: the newer value wins and a changed value is a
 * restatement, whichever order the filings are imported in.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../src/pipeline';

const seed = { name: 'mpwr-2004q2-ex99-1.txt', text: readFileSync(path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'), 'utf8') };
const q3 = { name: 'synthetic-2004q3.txt', text: readFileSync(path.resolve(__dirname, 'fixtures/synthetic-2004q3.txt'), 'utf8') };

describe('Dataset merge and restatements', () => {
  // The synthetic Q3 release (first line says so) restates June 30, 2004 Accounts Receivable 11,611 → 11,561.
  test.each([
    ['seed then Q3', [seed, q3]],
    ['Q3 then seed', [q3, seed]],
  ])('%s: the newer release wins and the change is a restatement', (_name, order) => {
    const a = analyze(order);
    expect(a.dataset.get('accounts_receivable_net', '2004-06-30')?.value.toString()).toBe('11561');
    const r = a.dataset.restatements.find((x) => x.concept === 'accounts_receivable_net' && x.period === '2004-06-30');
    expect(r?.previous.value.toString()).toBe('11611');
    expect(r?.current.value.toString()).toBe('11561');
    expect(r?.current.source.file).toBe('synthetic-2004q3.txt');
  });

  test('importing the same release twice changes nothing', () => {
    const a = analyze([seed, seed]);
    expect(a.dataset.info()).toHaveLength(1);
    expect(a.dataset.restatements).toHaveLength(0);
  });
});
