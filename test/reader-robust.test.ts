/**
 * The reader on the same release laid out differently, on bad input, and on other companies'
 * releases of the same years.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, checkCounts } from '../src/pipeline';
import { companyKey, detectCompany, isMpower } from '../src/filing/company';
import { memberOf } from '../src/filing/columns';
import { MAX_FILING_BYTES, readFiling } from '../src/filing/reader';
import { decodeText as cliDecodeText } from '../src/cli';
import { decodeText } from '../taskpane/sources';
import { seedChecks, summarize } from './support/mutations';
import { shared } from './support/shared';

/** Real releases of other companies (public SEC filings, copied from the team's shared set). */
const FILINGS = path.resolve(__dirname, 'fixtures/filings');
const seed = readFileSync(path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'), 'utf8');
const SEED_NAME = 'mpwr-2004q2-ex99-1.txt';
const SEED_TEXT = seed;

/** Facts as comparable strings: concept, period, scenario, value, line. */
function factSet(text: string): string[] {
  const a = analyze([{ name: 'x.txt', text }]);
  return a.dataset.filingFacts()[0].facts.map((f) => `${f.concept}|${f.period.key}|${f.scenario}|${f.value.toString()}|${f.source.line}`).sort();
}

/** The seed's fact set (see `factSet`). */
const seedFactSet = shared(() => factSet(seed));

/** A fact set with every line number moved by `shift` (a release read inside a longer file). */
function shiftLines(facts: string[], shift: number): string[] {
  return facts.map((x) => { const p = x.split('|'); p[4] = String(Number(p[4]) + shift); return p.join('|'); });
}

describe('layout variants yield the same facts', () => {

  test('CRLF line endings', () => {
    expect(factSet(seed.replace(/\n/g, '\r\n'))).toEqual(seedFactSet());
  });

  test('<S>, <C> and <CAPTION> lines blanked out of the way (removed, keeping line numbers)', () => {
    // Removing lines shifts line numbers; compare without them.
    const strip = (s: string[]) => s.map((x) => x.split('|').slice(0, 4).join('|'));
    const removed = seed.split('\n').filter((l) => !/^\s*<(S|C|CAPTION)>/.test(l)).join('\n');
    expect(strip(factSet(removed))).toEqual(strip(seedFactSet()));
  });

  test('tabs in place of runs of blanks (8-column stops)', () => {
    // Replace blanks that end on a tab stop by a tab: the layout is the same once expanded.
    const tabbed = seed.split('\n').map((l) => {
      let out = '';
      let col = 0;
      let pendingBlanks = '';
      for (const ch of l) {
        col++;
        if (ch === ' ') {
          pendingBlanks += ' ';
          if (col % 8 === 0) { out += pendingBlanks.length > 1 ? '\t' : ' '; pendingBlanks = ''; }
        } else { out += pendingBlanks + ch; pendingBlanks = ''; }
      }
      return out + pendingBlanks;
    }).join('\n');
    expect(tabbed).toContain('\t');
    expect(factSet(tabbed)).toEqual(seedFactSet());
  });

  test('a page break inside the balance sheet', () => {
    const lines = seed.split('\n');
    const at = lines.findIndex((l) => l.includes('Long-Term Restricted Cash'));
    lines.splice(at, 0, '<PAGE>');
    const strip = (s: string[]) => s.map((x) => x.split('|').slice(0, 4).join('|'));
    expect(strip(factSet(lines.join('\n')))).toEqual(strip(seedFactSet()));
  });

  test('inside an EDGAR SGML envelope', () => {
    const wrapped = `<SEC-DOCUMENT>0001-04-000001.txt : 20040729\n<SEC-HEADER>\nACCESSION NUMBER:\t\t0001-04-000001\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n${seed}\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n`;
    const f = readFiling(wrapped, 'wrapped.txt');
    expect(f.accession).toBe('0001-04-000001');
    const strip = (s: string[]) => s.map((x) => x.split('|').slice(0, 4).join('|'));
    expect(strip(factSet(wrapped))).toEqual(strip(seedFactSet()));
  });
});

describe('running text without an end', () => {
  test('a run of over 200 lines with no blank line is cut into paragraphs of 200 lines (no sentence runs on for ever)', () => {
    // Line 1 a sentence, line 2 blank, lines 3-252 one word each and no full stop, line 253 `end of it.`
    const lines = ['Example Corp (NYSE: EX) announced results.', '', ...Array.from({ length: 250 }, (_, i) => `word${i + 3}`), 'end of it.'];
    const sentences = readFiling(lines.join('\n'), 'x.txt').sentences;
    expect(sentences.map((x) => [x.line, x.text.split(' ')[0], x.text.split(' ').length])).toEqual([[1, 'Example', 6], [3, 'word3', 200], [203, 'word203', 53]]);
  });
});

describe('the EDGAR submission around a release', () => {
  // A submission as EDGAR serves it: the PEM block, the SGML header (tab-aligned), the documents.
  const HEADER = [
    '-----BEGIN PRIVACY-ENHANCED MESSAGE-----',
    'Proc-Type: 2001,MIC-CLEAR',
    'Originator-Name: webmaster@www.sec.gov',
    'Originator-Key-Asymmetric:',
    ' MFgwCgYEVQgBAQICAf8DSgAwRwJAW2sNKK9AVtBzYZmr6aGjlWyK3XmZv3dTINen',
    'MIC-Info: RSA-MD5,RSA,',
    ' Lr5CamcK1Ufo1vGYHZN4qR0y7p1xWQd0wq9JW4uEu4y9OsmD0hPwXi6OGq1HomOzj',
    '',
    '<SEC-DOCUMENT>0000950123-04-008999.txt : 20040730',
    '<SEC-HEADER>0000950123-04-008999.hdr.sgml : 20040730',
    'ACCESSION NUMBER:\t\t0000950123-04-008999',
    'CONFORMED SUBMISSION TYPE:\t8-K',
    'FILED AS OF DATE:\t\t20040730',
    'COMPANY CONFORMED NAME:\t\t\tMPOWER HOLDING CORP',
    'CENTRAL INDEX KEY:\t\t\t0001099160',
    '</SEC-HEADER>',
  ];
  const document = (type: string, body: string) => ['<DOCUMENT>', `<TYPE>${type}`, '<SEQUENCE>2', '<TEXT>', body, '</TEXT>', '</DOCUMENT>'];
  const submission = (...documents: string[][]) => [...HEADER, ...documents.flat(), '</SEC-DOCUMENT>', '-----END PRIVACY-ENHANCED MESSAGE-----', ''].join('\n');
  const shifted = (shift: number) => shiftLines(seedFactSet(), shift);

  test('the PEM block is not read; the date is the one filed (July 30), not the dateline (July 29)', () => {
    const text = submission(document('EX-99.1', seed));
    const f = readFiling(text, 'submission.txt');
    expect(f.sentences.some((x) => /Originator|MIC-Info|MFgwCgYE|Proc-Type/.test(x.text))).toBe(false);
    expect([f.accession, f.date, f.cik]).toEqual(['0000950123-04-008999', '2004-07-30', '0001099160']);
    // The release starts on line 21 of the submission (16 header lines, then <DOCUMENT>, <TYPE>, <SEQUENCE>, <TEXT>).
    expect(factSet(text)).toEqual(shifted(20));
  });

  test("a document of a type not read (an exhibit's articles, EX-3.1) adds nothing", () => {
    const articles = ['ARTICLES OF INCORPORATION', '', '                                   2004      2003', '', 'Shares authorized                     100       200', 'Shares issued                          50        60', ''].join('\n');
    const text = submission(document('EX-99.1', seed), document('EX-3.1', articles));
    expect(factSet(text)).toEqual(shifted(20));
  });

  test('an HTML exhibit that is plain text in <pre> is read as that text, line for line', () => {
    // The seed without its SGML tag lines (<TABLE>, <S>, <C>, <PAGE>: no <pre> text holds them), blank in their place.
    const bare = seed.split('\n').map((l) => (/^\s*<[^>]*>\s*$/.test(l) ? '' : l)).join('\n');
    const facts = factSet(bare);
    expect(facts.length).toBeGreaterThan(100); // still read without its tags: no comparison of two empty readings
    const text = submission(document('EX-99.1', `<html><body><pre>\n${bare}</pre></body></html>`));
    // 21 lines before the release: the 16 of the header, <DOCUMENT>, <TYPE>, <SEQUENCE>, <TEXT> and <html><body><pre>.
    expect(factSet(text)).toEqual(shiftLines(facts, 21));
  });
});

describe('bad input: a clear message, never a crash', () => {
  const err = (text: string) => readFiling(text, 'bad.txt').diagnostics.filter((d) => d.severity === 'error');

  test('empty file', () => {
    expect(err('')[0].message).toMatch(/empty/);
  });
  test('binary file', () => {
    expect(err('\u0000\u0001\u0002PK\u0003\u0004'.repeat(200))[0].message).toMatch(/binary/);
  });
  test('an HTML page without tables: read, and said to hold no table', () => {
    const f = readFiling('<!DOCTYPE html><html><body><p>Hello.</p></body></html>', 'page.htm');
    expect(f.tables).toHaveLength(0);
    expect(f.sentences.map((s) => s.text)).toEqual(['Hello.']);
    expect(f.diagnostics.map((d) => d.message).join(' ')).toMatch(/no tables found/);
  });
  test('a text release wrapped in one <html><body> line (no <pre>) reads like the text', () => {
    const html = `<html><body>\n${seed.replace(/&/g, '&amp;').replace(/</g, '&lt;')}\n</body></html>`;
    const a = analyze([{ name: 'wrapped.htm', text: html }]);
    expect(a.dataset.get('adjusted_ebitda', '2004Q2')?.value.toString()).toBe('2544');
    // Line numbers stay those of the file given: the seed's line 272 is line 273 here.
    expect(a.dataset.get('adjusted_ebitda', '2004Q2')?.source.line).toBe(273);
  });
  test('an HTML page with the release in <pre> reads like the text', () => {
    const html = `<html><body><pre>${seed.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`;
    const a = analyze([{ name: 'page.htm', text: html }]);
    expect(a.dataset.get('adjusted_ebitda', '2004Q2')?.value.toString()).toBe('2544');
  });
  test('a filing with no tables', () => {
    const a = analyze([{ name: 'prose.txt', text: 'Mpower Holding Corporation announced results today.\nNothing else.\n' }]);
    expect(a.dataset.info()).toHaveLength(0);
    expect(a.diagnostics.map((d) => d.message).join(' ')).toMatch(/no tables found/);
  });
  test('a truncated table still yields its readable rows, with a warning naming the line', () => {
    const cut = seed.split('\n').slice(0, 215).join('\n');
    const a = analyze([{ name: 'cut.txt', text: cut }]);
    expect(a.dataset.get('total_current_assets', '2004-06-30')?.value.toString()).toBe('48332');
    expect(a.diagnostics.some((d) => /never closed/.test(d.message) && d.line === 185)).toBe(true);
  });
  test('a cell like 12,3a4 is reported with its line, and the rest still reads', () => {
    const bad = seed.replace('$32,356', '12,3a4');
    const a = analyze([{ name: 'bad.txt', text: bad }]);
    const d = a.diagnostics.find((x) => /12,3a4/.test(x.message));
    expect(d?.line).toBe(194);
    expect(d?.file).toBe('bad.txt');
    expect(a.dataset.get('accounts_receivable_net', '2004-06-30')?.value.toString()).toBe('11611');
  });
});

describe("other companies' releases", () => {
  test('Southern Company: <TABLE> blocks in several exhibits', () => {
    const text = readFileSync(path.join(FILINGS, 'southern-2004q4-8k.txt'), 'utf8');
    const a = analyze([{ name: 'southern.txt', text }]);
    const [info] = a.dataset.info();
    expect(info.accession).toBe('0000092122-05-000042');
    expect(info.tables).toBe(5);
    expect(info.periods).toEqual(expect.arrayContaining(['2003Q4', '2004Q4', 'FY2003', 'FY2004']));
    // Operating Revenues $2,721 million in the 3 months ended December 2004 (Financial Highlights).
    const rev = a.dataset.filingFacts()[0].facts.find((f) => f.label === 'Operating Revenues' && f.period.key === '2004Q4');
    expect(rev?.value.toString()).toBe('2721');
    expect(rev?.scale).toBe('millions');
    const subtotals = a.checks.filter((c) => c.rule.startsWith('table-subtotal'));
    // Retail 122 + Competitive Generation 44 = Total 166 (Q4 2004).
    expect(subtotals.find((c) => c.reported?.toString() === '166')?.status).toBe('tie');
    expect(subtotals.length).toBeGreaterThan(10);
  });

  test('Sears: tables without any table tags', () => {
    const text = readFileSync(path.join(FILINGS, 'sears-2004q2-8k.txt'), 'utf8');
    const a = analyze([{ name: 'sears.txt', text }]);
    const [info] = a.dataset.info();
    expect(info.tables).toBeGreaterThanOrEqual(2);
    expect(info.periods).toEqual(expect.arrayContaining(['2004Q2', '2003Q2', '2004-07-03']));
    const facts = a.dataset.filingFacts()[0].facts;
    // Total revenues 8,781 for the 13 weeks ended July 3, 2004; Total assets $21,927 at July 3, 2004.
    expect(facts.find((f) => f.label === 'Total revenues' && f.period.key === '2004Q2')?.value.toString()).toBe('8781');
    expect(facts.find((f) => f.label === 'Total assets' && f.period.key === '2004-07-03')?.value.toString()).toBe('21927');
    const subtotals = a.checks.filter((c) => c.rule.startsWith('table-subtotal'));
    const revenues = subtotals.find((c) => c.period === '2004Q2' && c.reported?.toString() === '8781');
    expect(revenues?.status).toBe('tie');
    expect(checkCounts(subtotals).tie).toBeGreaterThan(0);
  });
});

describe('ids of unmapped rows', () => {
  test("another company's row never takes a catalogue concept's id", () => {
    const text = readFileSync(path.join(FILINGS, 'sears-2004q2-8k.txt'), 'utf8');
    const a = analyze([{ name: 'sears.txt', text }]);
    // Sears prints "Total assets $21,927" at July 3, 2004: a fact, but not Mpower's total_assets.
    expect(a.dataset.get('total_assets', '2004-07-03')).toBeUndefined();
    expect(a.dataset.get('total_assets_unmapped', '2004-07-03')?.value.toString()).toBe('21927');
  });
});

// The reader's own defences against what a file may hold (moved here from hostile.test.ts, which
// keeps the workbook's: a suite of the filing layer runs for the filing layer's mutants).
describe('a filing over the size cap is refused before any work', () => {
  const big = `${SEED_TEXT}\n${' '.repeat(MAX_FILING_BYTES)}`;

  test('the reader answers with one error and reads nothing', () => {
    const f = readFiling(big, 'huge.txt');
    expect(f.diagnostics).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/filings over 20 MB are refused/) })]);
    expect(f.tables).toEqual([]);
    expect(f.sentences).toEqual([]);
    const a = analyze([{ name: 'huge.txt', text: big }]);
    expect(a.dataset.facts()).toEqual([]);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
  });
});

describe('control characters and odd encodings', () => {
  const seed = seedChecks();
  const checksOf = (text: string): Record<string, string> => summarize(analyze([{ name: SEED_NAME, text }]).checks);

  test('a UTF-8 BOM', () => {
    expect(checksOf(`\ufeff${SEED_TEXT}`)).toEqual(seed);
    // As bytes through both decoders (task pane and CLI).
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SEED_TEXT)]);
    expect(checksOf(decodeText(bytes))).toEqual(seed);
    expect(checksOf(cliDecodeText(bytes))).toEqual(seed);
  });

  test('Windows-1252 quotes, dashes and accents (bytes 0x92, 0x93, 0x94, 0x96, 0xE9)', () => {
    const text = SEED_TEXT.replace(/'/g, '\u2019').replace(/"([^"\n]*)"/g, '\u201c$1\u201d').replace('ROCHESTER, NY - July', 'ROCHESTER, NY \u2013 July').replace('Regulation G', 'R\u00e9gulation G');
    const cp1252: Record<string, number> = { '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u00e9': 0xe9 };
    const bytes = Uint8Array.from([...text].map((ch) => cp1252[ch] ?? ch.charCodeAt(0)));
    const decoded = decodeText(bytes);
    expect(decoded).toBe(text);
    const a = analyze([{ name: SEED_NAME, text: decoded }]);
    expect(summarize(a.checks)).toEqual(seed);
    // Total Stockholders’ Equity (a curly apostrophe) is still the concept.
    expect(a.dataset.get('total_stockholders_equity', '2004-06-30')?.label).toBe('Total Stockholders\u2019 Equity');
    expect(a.dataset.info()[0].company).toBe('Mpower Holding Corporation');
  });

  test('NUL bytes: padding at the end and a few in the text read like the seed; a file of NULs is refused as binary', () => {
    expect(checksOf(`${SEED_TEXT}${'\u0000'.repeat(512)}`)).toEqual(seed);
    const lines = SEED_TEXT.split('\n');
    const prose = lines.findIndex((l) => l.startsWith('Mpower increased revenue'));
    lines[prose] = lines[prose].replace(' ', '\u0000');
    expect(checksOf(lines.join('\n'))).toEqual(seed);
    const f = readFiling('\u0000'.repeat(4096) + SEED_TEXT.slice(0, 1000), 'zeros.bin');
    expect(f.diagnostics).toEqual([expect.objectContaining({ severity: 'error', message: 'the file is binary, not a text filing' })]);
  });

  test('form feeds, vertical tabs, DOS end-of-file, escape sequences, CR and CRLF line ends', () => {
    const withControls = SEED_TEXT
      .replace(/\n<PAGE>\n/g, '\n\f<PAGE>\n')
      .replace('Company Presentation', 'Company\u000bPresentation\u001b[0m')
      .concat('\u001a');
    expect(checksOf(withControls)).toEqual(seed);
    expect(checksOf(SEED_TEXT.replace(/\n/g, '\r\n'))).toEqual(seed);
    expect(checksOf(SEED_TEXT.replace(/\n/g, '\r'))).toEqual(seed);
  });

  test('a line of a megabyte is skipped with a warning; the rest reads as the seed', () => {
    const lines = SEED_TEXT.split('\n');
    lines.splice(60, 0, '1'.repeat(1_000_000));
    const a = analyze([{ name: SEED_NAME, text: lines.join('\n') }]);
    expect(a.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning', line: 61, message: expect.stringMatching(/line 61 is 1000000 characters long/) })]));
    // Every check is the seed's (those naming a line name the one below).
    const ids = (x: Record<string, string>): string[] => Object.keys(x).map((id) => id.replace(/:L\d+$/, '')).sort();
    expect(ids(summarize(a.checks))).toEqual(ids(seed));
    expect(a.checks.filter((c) => c.status === 'break').map((c) => c.id)).toEqual(['eps-discontinued@2004Q1']);
  });
});

describe('EDGAR text markup the reader steps over', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `Item ${String.fromCharCode(65 + i)}                                   ${(i + 1) * 10}`);
  const release = (body: string[]) => ['Example Corp (NYSE: EX)', '', ...body, ''].join('\n');
  const HEAD = ['SUMMARY (in millions)', '', '                                     2004'];

  test('a <TABLE> opened inside another closes the first, with a warning; a stray </TABLE> is nothing', () => {
    const f = readFiling(release(['<TABLE>', ...HEAD, ...rows(2), '<TABLE>', ...HEAD, ...rows(3), '</TABLE>', '</TABLE>']), 'x.txt');
    expect(f.diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.line, d.message])).toEqual([[9, 'a <TABLE> opens inside another table; the first is closed here']]);
    expect(f.tables.map((t) => t.rows.length)).toEqual([2, 3]);
  });

  test('lines over 1,000 characters: the first three are named, the rest counted', () => {
    const long = 'x'.repeat(1001);
    const f = readFiling(release([long, long, long, long, long, 'Some text.']), 'x.txt');
    const warnings = f.diagnostics.filter((d) => d.severity === 'warning' && /characters/.test(d.message)).map((d) => d.message);
    expect(warnings).toEqual([
      'line 3 is 1001 characters long (a release\'s lines are under 200); it was not read',
      'line 4 is 1001 characters long (a release\'s lines are under 200); it was not read',
      'line 5 is 1001 characters long (a release\'s lines are under 200); it was not read',
      '2 more lines over 1000 characters were not read',
    ]);
    // A line of exactly 1,000 characters is read.
    expect(readFiling(release(['y'.repeat(1000)]), 'x.txt').diagnostics.filter((d) => /characters/.test(d.message))).toEqual([]);
  });

  test('<PAGE>, <S> and <C> lines are layout, not rows', () => {
    const f = readFiling(release(['<TABLE>', ...HEAD, '<S>                                  <C>', ...rows(2), '<PAGE>', ...rows(1), '</TABLE>']), 'x.txt');
    expect(f.tables.map((t) => t.rows.map((r) => r.label))).toEqual([['Item A', 'Item B', 'Item A']]);
  });
});

describe('a part of the reader that throws is a diagnostic; the rest is read', () => {
  // The reader's parts are replaced by one that throws (jest's module registry), to show that a
  // failure inside one part never loses the others' work nor escapes as an exception.
  const withFailing = (module: string, name: string): typeof readFiling => {
    let read: typeof readFiling | undefined;
    jest.isolateModules(() => {
      jest.doMock(module, () => ({ ...jest.requireActual(module), [name]: () => { throw new Error('injected'); } }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      read = (require('../src/filing/reader') as typeof import('../src/filing/reader')).readFiling;
    });
    jest.dontMock(module);
    if (!read) throw new Error('not loaded');
    return read;
  };
  // Loaded while the tests are collected, not inside a test: a reader loaded inside a test would run
  // the module-level tables of every part (html.ts' element and entity tables...) inside it, and the
  // mutation run would count their mutants as covered by that test, though no test can change a
  // table built at load (they are static mutants, not scored).
  const failing = {
    sentences: withFailing('../src/filing/sentences', 'readSentences'),
    textTables: withFailing('../src/filing/text-table', 'readTables'),
    html: withFailing('../src/filing/html', 'readHtml'),
    htmlTable: withFailing('../src/filing/html-table', 'readHtmlTable'),
    document: withFailing('../src/filing/document', 'readDocument'),
  };
  const warnings = (f: ReturnType<typeof readFiling>) => f.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message);

  test('the running text: its figures are left out, the tables are read', () => {
    const f = failing.sentences(seed, 'seed.txt');
    expect(warnings(f)).toEqual(['the running text could not be read (injected); figures stated in it are left out']);
    expect(f.sentences).toEqual([]);
    expect(f.tables.length).toBe(readFiling(seed, 'seed.txt').tables.length);
  });

  test('the text tables: each region that fails is named by its lines', () => {
    const f = failing.textTables(seed, 'seed.txt');
    expect(f.tables).toEqual([]);
    const regions = warnings(f).filter((m) => /^lines \d+–\d+ could not be read as tables \(injected\); their numbers are left out$/.test(m));
    // The seed's two <TABLE> blocks and the text between and around them are regions of their own.
    expect(regions.length).toBeGreaterThanOrEqual(2);
    expect(warnings(f).filter((m) => !regions.includes(m))).toEqual(['no tables found: no column of numbers under period headers']);
    // The text is still read: the failure took only the tables.
    expect(f.sentences.length).toBeGreaterThan(0);
  });

  test('the HTML document, and an HTML table', () => {
    const html = '<html><body><p>Example Corp (NYSE: EX)</p><table><tr><td></td><td>2004</td></tr><tr><td>Revenue</td><td>10</td></tr></table></body></html>';
    expect(warnings(failing.html(html, 'x.htm'))).toEqual([
      'the HTML document could not be read (injected); its numbers are left out', 'no tables found: no column of numbers under period headers',
    ]);
    expect(warnings(failing.htmlTable(html, 'x.htm'))[0]).toBe('the table at line 1 could not be read (injected); its numbers are left out');
  });

  test('the whole reader: one error, nothing read, no exception', () => {
    const f = failing.document(seed, 'seed.txt');
    expect(f.diagnostics).toEqual([{ severity: 'error', message: 'the reader failed on this file (injected); nothing was read from it', file: 'seed.txt' }]);
    expect([f.tables, f.sentences]).toEqual([[], []]);
  });
});

describe('the company a release names', () => {
  const none = { company: '', cik: '' };
  test.each<[string, string, { company: string; cik: string; filers?: { company: string; cik: string }[] }, [string, string, string]]>([
    ['listed on an exchange', 'ROCHESTER, NY - July 29, 2004 - Mpower Holding Corporation (AMEX: MPE) today announced', none, ['Mpower Holding Corporation', 'MPE', '']],
    ['a dateline with two dashes', 'CUPERTINO, California--October 13, 2004--Apple Computer, Inc. (NASDAQ: AAPL) today announced', none, ['Apple Computer, Inc.', 'AAPL', '']],
    ['"City-based"', 'Hoffman Estates-based Sears, Roebuck and Co. (NYSE: S) reported', none, ['Sears, Roebuck and Co.', 'S', '']],
    ['the filer of the envelope, spelt as the release spells it', 'Sears, Roebuck and Co. (NYSE: S) reported', { company: 'SEARS ROEBUCK & CO', cik: '0000087996' }, ['Sears, Roebuck and Co.', 'S', '0000087996']],
    ['a release naming another company than the filer: the filer, no ticker', 'Acme Corp. (NYSE: ACM) agreed to buy', { company: 'SEARS ROEBUCK & CO', cik: '0000087996' }, ['SEARS ROEBUCK & CO', '', '0000087996']],
    ['a bare ticker only when no exchange is named', 'Southern Company (SO) said', { company: 'SOUTHERN CO', cik: '0000092122' }, ['Southern Company', 'SO', '0000092122']],
    ['of several filers, the one the release names', 'Alabama Power Company (NYSE: ALP) reported', { company: 'SOUTHERN CO', cik: '1', filers: [{ company: 'SOUTHERN CO', cik: '1' }, { company: 'ALABAMA POWER CO', cik: '3153' }] }, ['Alabama Power Company', 'ALP', '3153']],
    ['Mpower named without a listing', 'Mpower Holding announces results', none, ['Mpower Holding Corporation', '', '']],
    ['nothing named', 'Results for the quarter', none, ['', '', '']],
  ])('%s', (_name, head, envelope, expected) => {
    const c = detectCompany(head, envelope);
    expect([c.name, c.ticker, c.cik]).toEqual(expected);
  });

  test("of several filers, the one the release names gives the fiscal year (its place among the filers); none named, the first", () => {
    const filers = [{ company: 'SOUTHERN CO', cik: '1' }, { company: 'ALABAMA POWER CO', cik: '3153' }, { company: 'GEORGIA POWER CO', cik: '41091' }];
    const envelope = { company: 'SOUTHERN CO', cik: '1', filers };
    expect(detectCompany('Georgia Power Company (NYSE: GPC) reported', envelope).fiscalFiler).toBe(2);
    expect(detectCompany('Southern Company (NYSE: SO) reported', envelope).fiscalFiler).toBe(0);
    expect(detectCompany('Results for the quarter', envelope).fiscalFiler).toBe(0);
  });

  test('the company\'s own name over a column names no member, however its words are punctuated', () => {
    expect(memberOf('Sears, Roebuck and Co.', 'Sears, Roebuck and Co.')).toBeUndefined();
    expect(memberOf('Mpower Holding', 'Mpower Holding Corporation')).toBeUndefined();
    expect(memberOf('Sears Canada', 'Sears, Roebuck and Co.')).toBe('sears canada');
    expect(memberOf('Sears, Roebuck and Co. Domestic', 'Sears, Roebuck and Co.')).toBe('domestic');
  });

  test('one company however it is written; another company by its CIK or name', () => {
    expect(companyKey({ name: 'Mpower Holding Corporation', ticker: 'MPE', cik: '' })).toBe('mpower');
    expect(companyKey({ name: '', ticker: 'MPE', cik: '' })).toBe('mpower');
    expect(companyKey({ name: 'Sears, Roebuck and Co.', ticker: 'S', cik: '0000087996' })).toBe('cik:87996');
    expect(companyKey({ name: 'Sears, Roebuck and Co.', ticker: 'S', cik: '' })).toBe('sears roebuck and co');
    expect(isMpower({ name: '', ticker: 'MPEX' })).toBe(false);
  });
});

describe("the seed's four RECONCILIATION TO GAAP tables are told apart by what they reconcile to", () => {
  test('the last row (without "(GAAP)") and, for guidance, the year', () => {
    // Lines 284, 293, 311, 334: the same title; their last rows are Gross Margin (GAAP), Net Loss
    // (GAAP) twice and Net (Loss) Income (GAAP); the last two are guidance for 2004 and 2005 (the
    // scale said in the title is the table's scale, not part of its name).
    const titles = readFiling(seed, 'seed.txt').tables.map((t) => t.title).filter((t) => t.startsWith('RECONCILIATION TO GAAP'));
    expect(titles).toEqual([
      'RECONCILIATION TO GAAP — Gross Margin',
      'RECONCILIATION TO GAAP — Net Loss',
      'RECONCILIATION TO GAAP — Net Loss (FY2004 guidance)',
      'RECONCILIATION TO GAAP — Net (Loss) Income (FY2005 guidance)',
    ]);
  });
});

describe('a binary file is refused; a text with a little binary in it is read', () => {
  const text = 'Example Corp (NYSE: EX) announced results. '.repeat(50);
  test.each<[string, string, boolean]>([
    ['1% control characters or fewer', `${'\u0001'.repeat(Math.floor(text.length / 100))}${text}`, false],
    ['more than 1%', `${'\u0001'.repeat(Math.floor(text.length / 100) + 30)}${text}`, true],
    ['three replacement characters in a row', `${text}\ufffd\ufffd\ufffd`, true],
    ['two', `${text}\ufffd\ufffd`, false],
    ['tabs, form feeds and line ends are text', `${'\t\f\r\n'.repeat(40)}${text}`, false],
  ])('%s', (_name, input, binary) => {
    const refused = readFiling(input, 'x.bin').diagnostics.some((d) => d.message === 'the file is binary, not a text filing');
    expect(refused).toBe(binary);
  });
});
