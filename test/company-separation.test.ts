/**
 * One company at a time: other companies' releases loaded next to Mpower's change no `=MPWR.*`
 * answer, their facts are reported as another company's, and a release that names no company is
 * never mapped to Mpower concepts.
 */
import { existsSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runCall } from '../src/formulas/call';
import { readFiling } from '../src/filing/reader';
import { factsOf } from '../src/model/facts';
import { main } from '../src/cli';
import { analyze } from '../src/pipeline';
import { SHEET_NAMES } from '../src/workbook/format';
import { buildPlan } from '../src/workbook/layout';
import { renderReport } from '../src/report';
import { previewOf } from '../taskpane/preview';
import { SEED } from './support/formulas-seed';

const FILINGS = path.resolve(__dirname, 'fixtures/filings');
const file = (name: string) => ({ name, text: readFileSync(path.join(FILINGS, name), 'latin1') });
const SEARS = file('sears-2004q2-8k.txt');
const APPLE = file('apple-2004q3-8k.txt');

/** Calls covering every kind of answer: values, shortcuts, items by printed label, lists, checks, sources. */
const CALLS: [string, ...string[]][] = [
  ['REVENUE', 'Q2 2004'],
  ['VALUE', 'Total revenues', 'Q2 2004'],
  ['VALUE', 'Total Operating Revenues', 'Q2 2004'],
  ['VALUE', 'Total assets', 'June 30, 2004'],
  ['VALUE', 'Net income', 'Q2 2004'],
  ['VALUE', 'Cash and cash equivalents', 'Q2 2004'],
  ['ADJ_EBITDA', 'Q2 2004'],
  ['ADJ_EBITDA', 'LATEST'],
  ['NET_LOSS', 'LATEST'],
  ['SOURCE', 'Net Loss', 'Q2 2004'],
  ['CHECK', 'Q2 2004'],
  ['CHECKS', ''],
  ['PERIODS', ''],
  ['ITEMS'],
  ['SERIES', 'Total Operating Revenues', '2003', '2004'],
  ['GUIDANCE', 'Revenue', '2005', 'high'],
];

describe('other companies next to Mpower', () => {
  const alone = CALLS.map((c) => runCall(c[0], c.slice(1), [], [SEED]));

  test.each([
    ['Sears (text)', [SEARS]],
    ['Apple 2004 (HTML)', [APPLE]],
    ['Sears and Apple', [SEARS, APPLE]],
  ])('every =MPWR.* answer is unchanged with %s loaded', (_name, others) => {
    const mixed = CALLS.map((c) => runCall(c[0], c.slice(1), others, [SEED]));
    expect(mixed).toEqual(alone);
  });

  test("Mpower's revenue in Mpower's scale: 38,496 thousand (not 38.496 in Sears's millions)", () => {
    expect(runCall('VALUE', ['Total revenues', 'Q2 2004'], [SEARS], [SEED]).stdout).toBe('38496\n');
  });

  test("the other company's facts are reported as another company's", () => {
    const a = analyze([SEARS, APPLE], [SEED]);
    const companies = a.dataset.filingFacts().map((s) => [s.filing.file, s.facts[0].company.name, s.facts.some((f) => f.mapped)]);
    expect(companies).toEqual(expect.arrayContaining([
      ['mpwr-2004q2-ex99-1.txt', 'Mpower Holding Corporation', true],
      ['sears-2004q2-8k.txt', 'Sears, Roebuck and Co.', false],
      ['apple-2004q3-8k.txt', 'APPLE COMPUTER INC', false],
    ]));
    // Sears's and Apple's Q2 2004 figures are not each other's restatements.
    expect(a.dataset.restatements.filter((r) => r.previous.company.name !== r.current.company.name)).toEqual([]);
    const report = renderReport(a);
    expect(report).toMatch(/Filing: sears-2004q2-8k\.txt\n {2}Company: {2}Sears, Roebuck and Co\. \(S\).*\n {2}Note: {5}not an Mpower Holding release: shown as read, not written to the workbook, and the =MPWR\.\* functions do not use its figures/);
    expect(report.match(/not an Mpower Holding release/g)).toHaveLength(2);
    expect(previewOf(a, ['sears-2004q2-8k.txt']).otherCompanies).toEqual(['Sears, Roebuck and Co.']);
    expect(previewOf(a, ['mpwr-2004q2-ex99-1.txt']).otherCompanies).toEqual([]);
  });

  test('the CIK of the envelope is the company of every fact', () => {
    const f = readFiling(SEARS.text, SEARS.name);
    expect([f.company, f.ticker, f.cik]).toEqual(['Sears, Roebuck and Co.', 'S', '0000319256']);
    expect(factsOf(f).facts.every((x) => x.company.cik === '0000319256')).toBe(true);
  });
});

describe('a release that names no company', () => {
  const seedLines = SEED.text.split('\n');
  test('a pasted Mpower table with its header is Mpower (the header names Mpower Holding over each column)', () => {
    const table = seedLines.slice(184, 226).join('\n'); // the balance sheet as printed, header and all
    const f = readFiling(table, 'pasted text');
    expect(f.company).toBe('Mpower Holding Corporation');
    expect(factsOf(f).facts.find((x) => x.concept === 'total_assets')?.value.toString()).toBe('99874');
  });
  test('rows pasted without any header are an unknown company: read, never mapped to Mpower concepts', () => {
    const rows = ['BALANCE SHEET (amounts in $ thousands)    June 30, 2004', ...seedLines.slice(193, 204)].join('\n');
    const f = readFiling(rows, 'pasted text');
    expect(f.company).toBe('');
    const facts = factsOf(f).facts;
    expect(facts.length).toBeGreaterThan(5);
    expect(facts.some((x) => x.mapped)).toBe(false);
    expect(runCall('VALUE', ['Total Assets', 'June 30, 2004'], [{ name: 'pasted text', text: rows }], []).code).not.toBe(0);
  });
});

describe("the workbook is Mpower's model", () => {
  test('Sears and Apple loaded next to Mpower change nothing in the workbook (scale, rows, cells, names, checks)', () => {
    const alone = buildPlan(analyze([SEED]));
    const mixed = buildPlan(analyze([SEARS, APPLE], [SEED]));
    expect(JSON.stringify(mixed)).toBe(JSON.stringify(alone));
    // Mpower's Total Operating Revenues for the quarter, $38,496 thousand (seed line 22), in thousands.
    const ops = mixed.sheets.find((s) => s.name === SHEET_NAMES.operations);
    const cells = ops?.blocks.flatMap((b) => b.cells.flat()) ?? [];
    expect(cells.some((c) => c?.value === 38496)).toBe(true);
    expect(cells.some((c) => c?.value === 38.496)).toBe(false);
  });

  test('mpwr import --xlsx with no Mpower release writes nothing and says why', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mpwr-sep-'));
    const out = path.join(dir, 'sears.xlsx');
    const err: string[] = [];
    const code = await main(['import', path.join(FILINGS, 'sears-2004q2-8k.txt'), '--xlsx', out], { out: () => undefined, err: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(err.join('\n')).toMatch(/sears\.xlsx not written: none of these releases is Mpower Holding's/);
  });
});
