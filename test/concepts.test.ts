/**
 * Labels to concepts: a label is known however Mpower spells its ampersands, case and blanks.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { conceptForLabel, findConcept, normalizeLabel } from '../src/model/concepts';
import { analyze } from '../src/pipeline';

const seed = readFileSync(path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'), 'utf8');

describe('"&" reads as "and"', () => {
  test.each([
    ['Cash & Cash Equivalents', 'Cash and Cash Equivalents'],
    ['Long-Term Restricted Cash & Cash Equivalents', 'Long-term restricted cash and cash equivalents'],
    ['Selling, General & Administrative', 'Selling, General and Administrative'],
  ])('%s is the same label as %s', (a, b) => {
    expect(normalizeLabel(a)).toBe(normalizeLabel(b));
  });

  test('a label spelled with "and" finds the concept Mpower prints with "&", and the other way round', () => {
    // The catalogue knows "Long-Term Restricted Cash & Cash Equivalents" (balance sheet, line 201).
    expect(conceptForLabel('Long-Term Restricted Cash and Cash Equivalents', 'money')?.id).toBe('long_term_restricted_cash');
    // ... and "Selling, General and Administrative" (statement of operations, line 243).
    expect(conceptForLabel('Selling, General & Administrative', 'money')?.id).toBe('sga');
    expect(findConcept('Selling, General & Administrative')?.id).toBe('sga');
  });

  test('a release printing "and" where the seed prints "&" reads to the same concepts and checks', () => {
    const lines = seed.split('\n');
    // Line 201: Long-Term Restricted Cash & Cash Equivalents 9,479 / 9,475 / 9,537 (a term of Total Assets).
    expect(lines[200]).toMatch(/^Long-Term Restricted Cash & Cash Equivalents {5}/);
    lines[200] = lines[200].replace('Cash & Cash Equivalents    ', 'Cash and Cash Equivalents  ');
    const a = analyze([{ name: 'and.txt', text: lines.join('\n') }]);
    expect(a.dataset.get('long_term_restricted_cash', '2004-06-30')?.value.toString()).toBe('9479');
    expect(a.checks.find((c) => c.id === 'bs-total-assets@2004-06-30')?.status).toBe('tie');
  });
});
