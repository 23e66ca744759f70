/**
 * A check id names one check: `--accept ID` (or an accept file, or the Checks sheet's reason
 * cell) accepts that check and no other. Ids must be unique within a release (an HTML release
 * may hold all its rows on one line) and across the releases read together (two releases hold
 * tables of the same number at the same line).
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../src/pipeline';
import { parseAcceptances } from '../src/reconcile/triage';

const FIXTURES = path.resolve(__dirname, 'fixtures');
const FILINGS = path.join(FIXTURES, 'filings');
const read = (file: string) => readFileSync(file, 'latin1');

/** Ids given to more than one check. */
function repeated(ids: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => seen.has(id) || !seen.add(id)))];
}

const releases = [
  ...readdirSync(FILINGS).map((f) => path.join(FILINGS, f)),
  ...readdirSync(FIXTURES).filter((f) => /^mpwr-.*\.(?:txt|htm)$/.test(f)).map((f) => path.join(FIXTURES, f)),
  path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'),
];

describe('every check has an id of its own', () => {
  test.each(releases.map((r) => [path.basename(r), r]))('%s', (name, file) => {
    const checks = analyze([{ name, text: read(file) }]).checks;
    expect(checks.length).toBeGreaterThan(0);
    expect(repeated(checks.map((c) => c.id))).toEqual([]);
  });

  test('Buckle: the HTML is written with every table row on line 10; its subtotals still have ids of their own', () => {
    const text = read(path.join(FILINGS, 'buckle-2024q3-ex99.html'));
    expect(text.split('\n')[9]).toContain('Total current assets');
    const subtotals = analyze([{ name: 'buckle.html', text }]).checks.filter((c) => c.rule.startsWith('table-subtotal'));
    // Several subtotal rows of one table on that line, so at least two checks per column.
    expect(subtotals.filter((c) => c.lines[0] === 10).length).toBeGreaterThan(8);
    expect(repeated(subtotals.map((c) => c.id))).toEqual([]);
    // The id says which file, which table, which line and which row of that line.
    for (const c of subtotals) expect(c.id).toMatch(/^table-subtotal:buckle\.html:t\d+:L10:r\d+[:@]/);
  });

  test('two releases read together: a release and its amended copy (one receivable changed) keep their checks apart', () => {
    const original = read(path.join(FILINGS, 'sears-2004q2-8k.txt'));
    // Line 421: Sears Canada credit card receivables 1,813 at July 3, 2004 (the amended copy prints 1,814).
    const lines = original.split('\n');
    expect(lines[420]).toMatch(/receivables\s+1,813\s+1,849\s+1,998/);
    lines[420] = lines[420].replace('1,813', '1,814');
    const a = analyze([{ name: 'sears-2004q2-8k.txt', text: original }, { name: 'sears-2004q2-8k-a.txt', text: lines.join('\n') }]);
    const subtotals = a.checks.filter((c) => c.rule.startsWith('table-subtotal'));
    expect(repeated(a.checks.map((c) => c.id))).toEqual([]);
    // Both releases' tables are checked, each check naming its own file.
    const of = (file: string) => subtotals.filter((c) => c.id.startsWith(`table-subtotal:${file}:`));
    expect(of('sears-2004q2-8k.txt').length).toBeGreaterThan(0);
    expect(of('sears-2004q2-8k-a.txt').length).toBe(of('sears-2004q2-8k.txt').length);
    // In the amended copy Net credit card receivables (line 424) no longer adds up: 0 + 1,814 − 31
    // = 1,783 against 1,782 printed. The original's same check ties; accepting the one id
    // accepts the amended release's break only.
    const net = subtotals.filter((c) => c.lines[0] === 424 && c.period === '2004-07-03');
    expect(net.map((c) => [c.id.split(':')[1], c.status, c.computed?.toString()]).sort()).toEqual([
      ['sears-2004q2-8k-a.txt', 'break', '1783'], ['sears-2004q2-8k.txt', 'tie', '1782'],
    ]);
  });

  test('an accept file takes the whole id, colons and # included', () => {
    const text = [
      'table-subtotal:sears-2004q2-8k.txt:t9:L696@2004Q2  a plug of the filing',
      'same-fact:revenue@2004Q2: printed twice',
      'revenue-guidance@2004Q3#guidance-low  # range rounded',
      'bs-balance@2004-06-30',
    ].join('\n');
    expect([...parseAcceptances(text)]).toEqual([
      ['table-subtotal:sears-2004q2-8k.txt:t9:L696@2004Q2', 'a plug of the filing'],
      ['same-fact:revenue@2004Q2', 'printed twice'],
      ['revenue-guidance@2004Q3#guidance-low', 'range rounded'],
      ['bs-balance@2004-06-30', 'accepted'],
    ]);
  });
});
