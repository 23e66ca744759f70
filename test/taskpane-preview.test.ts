/**
 * The task pane's preview and input handling, in Node (no DOM): what it says about the seed
 * release (numbers read off the filing by a person) and how it refuses what is not a release.
 */
import * as fs from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import { analyze } from '../src/pipeline';
import { diagnosticText, formatNumber, previewOf } from '../taskpane/preview';
import { decodeText, describeError, sourceFromBytes, sourceFromPaste } from '../taskpane/sources';

const SEED_NAME = 'mpwr-2004q2-ex99-1.txt';
const SEED = fs.readFileSync(path.resolve(__dirname, '../assets/filings', SEED_NAME), 'utf8');

describe('preview of the seed release', () => {
  const analysis = analyze([{ name: SEED_NAME, text: SEED }]);
  const p = previewOf(analysis, [SEED_NAME]);

  test('company, periods and tables as printed', () => {
    expect(p.filings).toHaveLength(1);
    expect(p.filings[0]).toMatchObject({ file: SEED_NAME, company: 'Mpower Holding Corporation', ticker: 'MPE', date: '2004-07-29', tables: 6 });
    expect(p.periods).toEqual(['2003Q2', '2004Q1', '2004Q2']);
    expect(p.instants).toEqual(['2003-12-31', '2004-03-31', '2004-06-30']);
    expect(p.guidance).toEqual(['FY2004', 'FY2005']);
    expect(p.unmappedRows).toBe(0);
    expect(p.errors).toEqual([]);
    expect(p.writable).toBe(true);
    expect(p.alreadyImported).toEqual([]);
  });

  test('the one break comes first, with the printed lines and the numbers it uses marked', () => {
    expect(p.counts.break).toBe(1);
    expect(p.counts.rounding).toBe(14);
    expect(p.nonTies).toHaveLength(15);
    const brk = p.nonTies[0];
    expect(brk).toMatchObject({ status: 'break', period: '2004Q1', reported: '$0.01', computed: '0.0031', difference: '+0.0069', tolerance: '±0.005' });
    // 241 / 78,321,851 shares = $0.0031 (line 258 over line 262), printed $0.01 on line 266.
    expect(brk.operands.map((o) => [o.line, o.printed])).toEqual([[266, '$0.01'], [258, '241'], [262, '78,321,851']]);
    expect(brk.operands.map((o) => o.parts.filter((x) => x.mark).map((x) => x.text))).toEqual([['$0.01'], ['241'], ['78,321,851']]);
    expect(brk.operands[0].parts.map((x) => x.text).join('')).toBe('Income from Discontinued Operations  $0.00  $0.01  $0.00');
    expect(p.nonTies.slice(1).every((c) => c.status === 'rounding')).toBe(true);
  });

  test('a percentage rounding shows its unit', () => {
    // Adjusted EBITDA 2,544 / revenue 38,496 = 6.6085%, printed 6.6%.
    const margin = p.nonTies.find((c) => c.id === 'adjusted-ebitda-margin@2004Q2');
    expect(margin).toMatchObject({ reported: '6.6%', computed: '6.608%', tolerance: '±0.05%' });
  });

  test('importing the same release again is recognised as nothing new', () => {
    const again = previewOf(analyze([{ name: 'copy.txt', text: SEED }], [{ name: SEED_NAME, text: SEED }]), ['copy.txt']);
    expect(again.filings).toEqual([]);
    expect(again.alreadyImported).toEqual(['copy.txt']);
  });

  test('text with no figures says so, with the file name', () => {
    const bad = previewOf(analyze([{ name: 'pasted text', text: 'Revenue was strong.\n' }]), ['pasted text']);
    expect(bad.filings).toEqual([]);
    expect(bad.writable).toBe(false);
    expect(bad.errors.map(diagnosticText)).toEqual([expect.stringMatching(/^pasted text: No figures could be read/)]);
  });
});

describe('numbers and messages', () => {
  test('formatNumber groups thousands and uses a minus sign', () => {
    expect(formatNumber(new Decimal('1234567.891'), 2)).toBe('1,234,567.89');
    expect(formatNumber(new Decimal('-0.07314'), 4)).toBe('\u22120.0731');
    expect(formatNumber(new Decimal('-0.00001'), 2)).toBe('0.00');
  });

  test('diagnostics name the file and line', () => {
    expect(diagnosticText({ severity: 'error', message: 'no table found', file: 'a.txt', line: 12 })).toBe('a.txt, line 12: No table found');
    expect(diagnosticText({ severity: 'warning', message: 'odd', file: 'a.txt' })).toBe('a.txt: Odd');
  });

  test('errors become sentences without stack traces', () => {
    const e = Object.assign(new Error('The cell is being edited'), { code: 'InvalidOperationInCellEditMode' });
    expect(describeError(e)).toBe('The cell is being edited (InvalidOperationInCellEditMode)');
    expect(describeError(undefined)).toBe('an unexpected error');
  });
});

describe('input files and pasted text', () => {
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

  test('a .txt or .htm release is accepted', () => {
    expect(sourceFromBytes('r.txt', 3, bytes('abc'))).toEqual({ ok: true, source: { name: 'r.txt', text: 'abc' } });
    expect(sourceFromBytes('r.HTM', 3, bytes('abc')).ok).toBe(true);
  });

  test('other files are refused with what to do instead', () => {
    const pdf = sourceFromBytes('results.pdf', 10, bytes('%PDF'));
    expect(pdf).toEqual({ ok: false, message: expect.stringMatching(/^results\.pdf is a \.pdf file\. Choose the release as \.txt or \.htm/) });
    expect(sourceFromBytes('empty.txt', 0, new Uint8Array(0))).toEqual({ ok: false, message: expect.stringMatching(/is empty/) });
    expect(sourceFromBytes('huge.txt', 50 * 1024 * 1024, undefined)).toEqual({ ok: false, message: expect.stringMatching(/50\.0 MB, larger than any earnings release/) });
    expect(sourceFromBytes('renamed.txt', 4, new Uint8Array([0x50, 0x4b, 0x03, 0x00]))).toEqual({ ok: false, message: expect.stringMatching(/not a text file/) });
  });

  test('Windows-1252 text (older EDGAR files) is decoded', () => {
    expect(decodeText(new Uint8Array([0x93, 0x4d, 0x70, 0x6f, 0x77, 0x65, 0x72, 0x94]))).toBe('\u201cMpower\u201d');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });

  test('pasted text gets a name of its own', () => {
    expect(sourceFromPaste('  \n', [])).toEqual({ ok: false, message: expect.stringMatching(/^Nothing is pasted/) });
    expect(sourceFromPaste('x', ['pasted text'])).toEqual({ ok: true, source: { name: 'pasted text 2', text: 'x' } });
  });
});
