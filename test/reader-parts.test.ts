/**
 * The reader's parts one by one: what it refuses before reading, the figures it warns about,
 * the lines and regions of an EDGAR document (envelope, documents, HTML exhibits), the bytes of
 * a file as text, and the memo it forgets when a filing is read.
 */
import { describeColumn } from '../src/filing/columns';
import { readDocument, sourceLines } from '../src/filing/document';
import { decodeText } from '../src/filing/encoding';
import { lineIndex, lineStarts, numberedLines } from '../src/filing/lines';
import { parseCell } from '../src/filing/numbers';
import { MAX_FILING_BYTES, readFiling } from '../src/filing/reader';

const messages = (text: string, severity = 'warning') => readFiling(text, 'x.txt').diagnostics.filter((d) => d.severity === severity).map((d) => d.message);
const BINARY = 'the file is binary, not a text filing';

describe('a text that is no filing is refused before any work', () => {
  test('over the size cap: its size in MB with one decimal, and the cap', () => {
    expect(messages('x'.repeat(MAX_FILING_BYTES + 524288), 'error')).toEqual(['the file is 20.5 MB; filings over 20 MB are refused']);
  });

  test('a text of exactly the cap is read (its one long line is said not to be read)', () => {
    const f = readFiling('x'.repeat(MAX_FILING_BYTES), 'x.txt');
    expect(f.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(f.diagnostics.map((d) => d.message)).toContain(`line 1 is ${MAX_FILING_BYTES} characters long (a release's lines are under 200); it was not read`);
  });

  test('blanks and line ends only are an empty file; NULs only a binary one', () => {
    expect(messages(' \n\t\r\n   ', 'error')).toEqual(['the file is empty']);
    expect(messages('\u0000'.repeat(100), 'error')).toEqual([BINARY]);
  });

  test('control characters: up to 1% of the text is read, one more is binary', () => {
    // 1,000 characters: 10 control characters are 1%, 11 are more.
    expect(messages(`${'\u0001'.repeat(10)}${'a'.repeat(990)}`, 'error')).toEqual([]);
    expect(messages(`${'\u0001'.repeat(11)}${'a'.repeat(989)}`, 'error')).toEqual([BINARY]);
  });

  test.each([['NUL', '\u0000'], ['backspace', '\u0008'], ['shift out', '\u000e'], ['DOS end-of-file', '\u001a']])('%s is a binary character', (_name, ch) => {
    expect(messages(`${ch.repeat(11)}${'a'.repeat(989)}`, 'error')).toEqual([BINARY]);
  });

  test.each([['tab', '\t'], ['line feed', '\n'], ['vertical tab', '\u000b'], ['form feed', '\f'], ['carriage return', '\r'], ['escape', '\u001b'], ['unit separator', '\u001f'], ['delete', '\u007f']])('%s is not', (_name, ch) => {
    expect(messages(`${ch.repeat(11)}${'a'.repeat(989)}`, 'error')).toEqual([]);
  });

  test('only the first 64 KiB are looked at, and NUL padding at the end is not counted', () => {
    expect(messages(`${'a'.repeat(65536)}${'\u0001'.repeat(2000)}`, 'error')).toEqual([]);
    // 1,536 of the 2,000 stand in the first 64 KiB: more than 1% of them.
    expect(messages(`${'a'.repeat(64000)}${'\u0001'.repeat(2000)}`, 'error')).toEqual([BINARY]);
    // 100 characters then 900 NULs: the NULs would be 90% of the text.
    expect(messages(`${'a'.repeat(100)}${'\u0000'.repeat(900)}`, 'error')).toEqual([]);
    // A NUL in the text (not at its end) is counted: 2 of 100 characters.
    expect(messages(`\u0000\u0000${'a'.repeat(98)}`, 'error')).toEqual([BINARY]);
  });
});

describe('numbers of more digits than any figure are said, with their line', () => {
  const said = (n: number, digits: number, shown: string) => `line ${n} holds a number of ${digits} digits (${shown}), more than any figure a release prints; check the file: a row it stands in may not be read`;
  const release = (...lines: string[]) => ['Example Corp (NYSE: EX) announced results.', '', ...lines, ''].join('\n');
  const figures = (text: string) => messages(text).filter((m) => / digits/.test(m));

  test('21 digits are said, 20 are not; with thousands commas, a decimal part', () => {
    const text = release(
      'An order of 123456789012345678901 units.',
      'A count of 12345678901234567890 units.',
      'Totals 1,234,567,890,123,456,789,012 and 1234567890.12345678901 here.',
      'And 1,234,567,890,123,456,789,01 too.',
    );
    expect(figures(text)).toEqual([
      said(3, 21, '123456789012345678901'),
      said(5, 22, '1,234,567,89…89,012'),
      said(5, 21, '1234567890.12345678901'),
      // Line 6 (`1,234,567,890,123,456,789,01`, 21 digits) is the fourth: counted, not named.
      '1 more numbers of over 20 digits',
    ]);
  });

  test('a number of up to 24 characters is shown whole, a longer one by its ends', () => {
    expect(figures(release('Some 123456789012345678901234 here.'))).toEqual([said(3, 24, '123456789012345678901234')]);
    expect(figures(release('Some 1234567890123456789012345 here.'))).toEqual([said(3, 25, '123456789012…012345')]);
  });

  test('the first three are named, the others counted', () => {
    const n = '9'.repeat(21);
    const text = release(`One ${n}`, `Two ${n}`, `Three ${n} and ${n}`, `Five ${n}`);
    expect(figures(text)).toEqual([said(3, 21, n), said(4, 21, n), said(5, 21, n), '2 more numbers of over 20 digits']);
    expect(readFiling(text, 'x.txt').diagnostics.filter((d) => d.severity === 'warning').map((d) => d.line)).toEqual([3, 4, 5, undefined]);
    expect(figures(release(`One ${n}`, `Two ${n}`, `Three ${n}`, `Four ${n}`))).toEqual([said(3, 21, n), said(4, 21, n), said(5, 21, n), '1 more numbers of over 20 digits']);
  });

  test('inside a <TABLE> block too', () => {
    const n = '1'.repeat(22);
    expect(figures(release('<TABLE>', `Revenue          ${n}`, '</TABLE>'))).toEqual([said(4, 22, n)]);
  });

  test('in an HTML document too: in running text and in a cell, with the line it stands on', () => {
    const n = '1'.repeat(22);
    const html = ['<html><body>', '<p>Example Corp (NYSE: EX) announced results.</p>', `<p>An order of ${n} units.</p>`,
      '<table><tr><td>Revenue</td>', `<td>${n}</td></tr></table>`, `<p>Below twenty-one: ${'2'.repeat(20)}.</p>`, '</body></html>'].join('\n');
    expect(figures(html)).toEqual([said(3, 22, n), said(5, 22, n)]);
  });
});

describe('the cell texts read are forgotten once a filing is read', () => {
  test('a figure of the filing parsed again afterwards is a new value (the memo held the filing\'s text)', () => {
    const text = ['Example Corp (NYSE: EX)', '', 'SUMMARY (in millions)', '', '                                     2004', 'Revenue                              7,531', 'Costs                                  100', ''].join('\n');
    const f = readFiling(text, 'x.txt');
    const cell = f.tables[0]?.rows[0]?.cells[0];
    expect(cell?.amount.text).toBe('7,531');
    const again = parseCell('7,531');
    expect(again?.value.toString()).toBe('7531');
    expect(again?.value).not.toBe(cell?.amount.value);
  });

  test('so are the column headers: a header read again afterwards is described anew, alike', () => {
    const text = ['Example Corp (NYSE: EX)', '', 'SUMMARY (in millions)', '', '                                     2004', 'Revenue                              7,531', ''].join('\n');
    const header = 'Three Months Ended June 30, 2004';
    const during = describeColumn(header, { company: 'Example Corp' });
    // Within a reading one description serves every column printing the header.
    expect(describeColumn(header, { company: 'Example Corp' })).toBe(during);
    // Another context is another description: a balance sheet's year is an instant.
    expect(describeColumn('2004', { balance: true }).period?.type).toBe('instant');
    expect(describeColumn('2004', {}).period?.key).toBe('FY2004');
    readFiling(text, 'x.txt');
    const after = describeColumn(header, { company: 'Example Corp' });
    expect(after).not.toBe(during);
    expect(after).toEqual(during);
    expect(after.period?.key).toBe('2004Q2');
  });
});

/** The regions of a document: `html from–to` for an HTML document, else tagged or not and the line numbers. */
function regionsOf(text: string): string[] {
  return readDocument(text, 'x.txt').regions.map((r) => (r.html ? `html ${r.html.from}–${r.html.to}` : `${r.tagged ? 'table' : 'text'} ${r.lines.map((l) => l.no).join(',')}`));
}

describe('the documents of a submission', () => {
  // Four paragraphs: a laid-out page (three or fewer, without a table, are text wrapped in HTML).
  const PAGE = '<html><body><p>Results.</p><p>Revenue rose.</p><p>Costs fell.</p><p>Outlook.</p></body></html>';
  const doc = (type: string, ...body: string[]) => ['<DOCUMENT>', `<TYPE>${type}`, '<SEQUENCE>1', '<TEXT>', ...body, '</TEXT>', '</DOCUMENT>'];

  test.each(['8-K', '10-Q', '10-K', '10-K405', 'EX-99.1', 'ex-99', 'EX-13', '6-K', '20-F', '425', '8-K/A'])('a document of type %s is read', (type) => {
    // Lines 5 and 6 are the document's text.
    expect(regionsOf([...doc(type, 'Results.', 'More.')].join('\n'))).toEqual(['text 5,6']);
  });

  test.each(['GRAPHIC', 'EX-3.1', 'EX-10.1', 'ZIP', '18-K', 'EX-27'])('a document of type %s is not', (type) => {
    expect(regionsOf([...doc(type, 'Results.', 'More.')].join('\n'))).toEqual([]);
  });

  test('an HTML document among text ones: its offsets, the text documents by their lines', () => {
    const lines = [...doc('8-K', PAGE), ...doc('EX-99.1', 'Results.', 'More.')];
    const text = lines.join('\n');
    const from = text.indexOf('<html>');
    const to = text.indexOf('</TEXT>');
    // The exhibit's text is lines 12 and 13 (7 lines of the first document, then <DOCUMENT>, <TYPE>, <SEQUENCE>, <TEXT>).
    expect(regionsOf(text)).toEqual([`html ${from}–${to}`, 'text 12,13']);
  });

  test('HTML on the line of <TEXT>, and the end of the document on the line of the last markup', () => {
    const text = ['<DOCUMENT>', '<TYPE>EX-99.1', '<TEXT><html><body><p>Results.</p><p>Revenue rose.</p>', '<p>Costs fell.</p><p>Outlook.</p></body></html></TEXT>', '</DOCUMENT>'].join('\n');
    expect(regionsOf(text)).toEqual([`html ${text.indexOf('<html>')}–${text.indexOf('</TEXT>')}`]);
  });

  test('text after an HTML document ends (no <DOCUMENT> around it) is running text, not a table', () => {
    const text = ['<TEXT>', PAGE, '</TEXT>', 'Example Corp said revenue rose.'].join('\n');
    expect(regionsOf(text)).toEqual([`html ${text.indexOf('<html>')}–${text.indexOf('</TEXT>')}`, 'text 4']);
    expect(readFiling(text, 'x.txt').sentences.map((s) => [s.line, s.text])).toEqual([[2, 'Results.'], [2, 'Revenue rose.'], [2, 'Costs fell.'], [2, 'Outlook.'], [4, 'Example Corp said revenue rose.']]);
  });

  test('an HTML document that never ends runs to the end of the text; one ended by </DOCUMENT> alone ends there', () => {
    const open = ['<DOCUMENT>', '<TYPE>EX-99.1', '<TEXT>', '<html><body><p>Results.</p><p>Revenue rose.</p><p>Costs fell.</p><p>Outlook.</p>'].join('\n');
    expect(regionsOf(open)).toEqual([`html ${open.indexOf('<html>')}–${open.length}`]);
    const text = ['<DOCUMENT>', '<TYPE>EX-99.1', '<TEXT>', `${PAGE}</DOCUMENT>`, 'After it.'].join('\n');
    expect(regionsOf(text)).toEqual([`html ${text.indexOf('<html>')}–${text.indexOf('</DOCUMENT>')}`, 'text 5']);
  });

  test('whether a <TEXT> holds HTML is told by its first 39 lines', () => {
    const page = (before: number) => ['<DOCUMENT>', '<TYPE>EX-99.1', '<TEXT>', ...Array.from({ length: before }, (_, i) => `Line ${i + 1}.`), '<p>Results.</p><p>Revenue rose.</p><p>Costs fell.</p><p>Outlook.</p>', '</TEXT>', '</DOCUMENT>'].join('\n');
    // The <p> on the 39th line below <TEXT>: HTML, from the line after <TEXT> (line 4).
    const seen = page(38);
    expect(regionsOf(seen)).toEqual([`html ${seen.indexOf('Line 1.')}–${seen.indexOf('</TEXT>')}`]);
    // On the 40th: text, lines 4 to 43.
    expect(regionsOf(page(39))).toEqual([`text ${Array.from({ length: 40 }, (_, i) => i + 4).join(',')}`]);
  });

  test('an <html> tag whose attributes start on the next line is HTML', () => {
    // A head of 40 lines of style: nothing but the <html> tag itself says HTML in the first 39 lines.
    const style = Array.from({ length: 40 }, (_, i) => `.c${i} { font-size: 10pt; }`);
    const text = ['<DOCUMENT>', '<TYPE>EX-99.1', '<TEXT>', '<html', 'lang="en">', '<head><style>', ...style, '</style></head>', '<body><p>Results.</p><p>Revenue rose.</p><p>Costs fell.</p><p>Outlook.</p></body></html>', '</TEXT>', '</DOCUMENT>'].join('\n');
    expect(regionsOf(text)).toEqual([`html ${text.indexOf('<html')}–${text.indexOf('</TEXT>')}`]);
  });

  test('a document without a <TYPE> is read, after one of a type not read too', () => {
    const text = [...doc('GRAPHIC', 'begin 644 logo.gif'), '<DOCUMENT>', '<TEXT>', 'Results.', '</TEXT>', '</DOCUMENT>'].join('\n');
    expect(regionsOf(text)).toEqual(['text 10']);
  });

  test('an HTML exhibit before a text one does not make the text one HTML', () => {
    const text = [...doc('EX-99.1', PAGE), ...doc('EX-99.2', 'Results.')].join('\n');
    expect(regionsOf(text)[1]).toBe('text 12');
  });
});

describe('the SGML header of a submission', () => {
  const header = (...lines: string[]) => ['<SEC-DOCUMENT>0000092122-05-000042.txt : 20050126', '<SEC-HEADER>0000092122-05-000042.hdr.sgml : 20050126', ...lines, '</SEC-HEADER>', '<DOCUMENT>', '<TYPE>8-K', '<TEXT>', 'Results.', '</TEXT>', '</DOCUMENT>', '</SEC-DOCUMENT>'].join('\n');
  const filer = (name: string, cik: string, fye: string) => ['FILER:', '', '\tCOMPANY DATA:\t', '\t\tCOMPANY CONFORMED NAME:\t\t\t' + name, '\t\tCENTRAL INDEX KEY:\t\t\t' + cik, '\t\tFISCAL YEAR END:\t\t\t' + fye, ''];

  test('the accession number, the date filed, each filer with its CIK and the month its fiscal year ends; the envelope names the first', () => {
    const text = header('ACCESSION NUMBER:\t\t0000092122-05-000042', 'CONFORMED SUBMISSION TYPE:\t8-K', 'FILED AS OF DATE:\t\t20050126', '', ...filer('SOUTHERN CO', '0000092122', '1231'), ...filer('ALABAMA POWER CO', '0000003153', '0930'));
    const d = readDocument(text, 'x.txt');
    expect(d.envelope).toEqual({
      company: 'SOUTHERN CO', cik: '0000092122', fiscalYearEnd: 12, accession: '0000092122-05-000042', filedAs: '2005-01-26',
      filers: [{ company: 'SOUTHERN CO', cik: '0000092122', fiscalYearEnd: 12 }, { company: 'ALABAMA POWER CO', cik: '0000003153', fiscalYearEnd: 9 }],
    });
    // The header is not text: only the document's line (17 header lines, then <DOCUMENT>, <TYPE>, <TEXT>).
    expect(regionsOf(text)).toEqual(['text 25']);
  });

  test.each([['0930', 9], ['1231', 12], ['0131', 1], ['0108', 1], ['0107', 12], ['0103', 12], ['0201', 1], ['0705', 6]])('FISCAL YEAR END %s: the year ends in month %d (in the first seven days of a month, the month before)', (fye, month) => {
    expect(readDocument(header(...filer('EXAMPLE CORP', '1', fye)), 'x.txt').envelope.fiscalYearEnd).toBe(month);
  });

  test('a filer\'s first CIK and fiscal year end are its own (a later block of the same filer changes nothing)', () => {
    const text = header(...filer('EXAMPLE CORP', '0000000001', '0930'), 'CENTRAL INDEX KEY:\t\t\t0000000002', 'FISCAL YEAR END:\t\t\t0630');
    const d = readDocument(text, 'x.txt');
    expect(d.envelope.filers).toEqual([{ company: 'EXAMPLE CORP', cik: '0000000001', fiscalYearEnd: 9 }]);
    expect([d.envelope.cik, d.envelope.fiscalYearEnd]).toEqual(['0000000001', 9]);
  });

  test('a CIK or fiscal year before any filer is named belongs to none', () => {
    const d = readDocument(header('CENTRAL INDEX KEY:\t\t\t0000000002', 'FISCAL YEAR END:\t\t\t0630', ...filer('EXAMPLE CORP', '0000000001', '0930')), 'x.txt');
    expect(d.envelope.filers).toEqual([{ company: 'EXAMPLE CORP', cik: '0000000001', fiscalYearEnd: 9 }]);
  });

  test('an <IMS-HEADER> (older submissions) is read as the header; lower-case field names too', () => {
    const text = ['<IMS-HEADER>', 'accession number:\t0000950123-96-000001', 'company conformed name:\tOLD CORP', 'filed as of date:\t19960215', '</IMS-HEADER>', 'Results.'].join('\n');
    const d = readDocument(text, 'x.txt');
    expect([d.envelope.accession, d.envelope.company, d.envelope.filedAs]).toEqual(['0000950123-96-000001', 'OLD CORP', '1996-02-15']);
    expect(regionsOf(text)).toEqual(['text 6']);
  });

  test('an <IMS-DOCUMENT> wrapper (the older form of <SEC-DOCUMENT>) is a marker, not text', () => {
    const text = ['<IMS-DOCUMENT>0000950123-96-000001.txt : 19960215', '<IMS-HEADER>', 'company conformed name:\tOLD CORP', '</IMS-HEADER>', 'Results.', '</IMS-DOCUMENT>'].join('\n');
    expect(regionsOf(text)).toEqual(['text 5']);
  });

  test('the privacy-enhanced message block before the header ends at its first blank line; its end line is not text', () => {
    const text = ['-----BEGIN PRIVACY-ENHANCED MESSAGE-----', 'Proc-Type: 2001,MIC-CLEAR', '<b>Originator-Name</b>: webmaster@www.sec.gov', '', 'Results.', '-----END PRIVACY-ENHANCED MESSAGE-----', 'After.'].join('\n');
    expect(regionsOf(text)).toEqual(['text 5,7']);
  });
});

describe('EDGAR layout markers and long lines in a document', () => {
  test('a line of layout markers only is left out; a marker with text on its line is text', () => {
    const text = ['Title', '<PAGE>', '<S>    <C>      <C>', '<caption>', '<FN>', '</FN>', '<F1>', '<R>', '<L>', '  <page>  ', '<S> Revenue', '<SUP>1'].join('\n');
    expect(regionsOf(text)).toEqual(['text 1,11,12']);
  });

  test('<TABLE> with attributes opens a table, <TABLES> does not', () => {
    expect(regionsOf(['Title', '<TABLE WIDTH=100%>', 'Row', '</TABLE>', '<TABLES>', 'After'].join('\n'))).toEqual(['text 1', 'table 3', 'text 5,6']);
  });

  test('a long line leaves a blank in the text where it stood, and nothing in a document not read or in the header', () => {
    const long = 'x'.repeat(1001);
    const text = ['-----BEGIN PRIVACY-ENHANCED MESSAGE-----', long, '', '<SEC-HEADER>', long, '</SEC-HEADER>', '<DOCUMENT>', '<TYPE>GRAPHIC', '<TEXT>', long, '</TEXT>', '</DOCUMENT>', '<DOCUMENT>', '<TYPE>EX-99.1', '<TEXT>', 'A', long, 'B', '</TEXT>', '</DOCUMENT>'].join('\n');
    const d = readDocument(text, 'x.txt');
    expect(d.regions.map((r) => r.lines.map((l) => [l.no, l.text]))).toEqual([[[16, 'A'], [17, ''], [18, 'B']]]);
    expect(d.diagnostics.map((x) => x.line)).toEqual([2, 5, 10, undefined]);
  });
});

describe('source lines', () => {
  test('CRLF, CR and LF end lines; a byte-order mark at the start is dropped', () => {
    expect(sourceLines('\ufeffa\r\nb\rc\nd')).toEqual([{ no: 1, text: 'a' }, { no: 2, text: 'b' }, { no: 3, text: 'c' }, { no: 4, text: 'd' }]);
    // Only at the start: one inside the text stays.
    expect(sourceLines('a\ufeff')[0].text).toBe('a\ufeff');
  });

  test('tabs expand to the next 8-column stop', () => {
    expect(sourceLines('\tx')[0].text).toBe('        x');
    expect(sourceLines('abc\tx')[0].text).toBe('abc     x');
    expect(sourceLines('abcdefg\tx')[0].text).toBe('abcdefg x');
    expect(sourceLines('abcdefgh\tx')[0].text).toBe('abcdefgh        x');
    expect(sourceLines('a\t\tx')[0].text).toBe(`a${' '.repeat(15)}x`);
  });

  test('control characters, DEL and the no-break space become blanks; other characters stay', () => {
    expect(sourceLines('a\u0000b\u0008c\u000bd\u000ce\u000ef\u001fg\u007fh\u00a0i')[0].text).toBe('a b c d e f g h i');
    expect(sourceLines('caf\u00e9 \u2014 \u0080')[0].text).toBe('caf\u00e9 \u2014 \u0080');
    // One such character on the last line of many: that line's is blanked, every one of it, and no other line changes.
    expect(sourceLines('a\tb\nc\n\u00a0d\u0000\u0000').map((l) => l.text)).toEqual(['a       b', 'c', ' d  ']);
  });
});

describe('offsets and lines', () => {
  test('the start of each line, and the line an offset stands in', () => {
    const starts = lineStarts('ab\ncde\n\nf');
    expect(starts).toEqual([0, 3, 7, 8]);
    expect([0, 1, 2, 3, 6, 7, 8, 9, 50].map((o) => lineIndex(starts, o))).toEqual([0, 0, 0, 1, 1, 2, 3, 3, 3]);
    expect(lineStarts('')).toEqual([0]);
    // A text that starts with a line end: its second line starts at 1.
    expect(lineStarts('\na\n')).toEqual([0, 1, 3]);
    expect(lineIndex([0], 5)).toBe(0);
  });
});

describe('a text\'s lines by number', () => {
  test('numbered as the document layer numbers them: CRLF, CR and LF each end a line', () => {
    // Written out by hand: what each text's lines are.
    const cases: [string, string[]][] = [
      ['', ['']],
      ['a', ['a']],
      ['a\n', ['a', '']],
      ['ab\ncde\n\nf', ['ab', 'cde', '', 'f']],
      ['a\r\nb\rc\nd', ['a', 'b', 'c', 'd']],
      ['\r\n\r\n', ['', '', '']],
      ['a\n\rb', ['a', '', 'b']],
      ['a\r\r\nb\r', ['a', '', 'b', '']],
    ];
    for (const [text, lines] of cases) {
      const n = numberedLines(text);
      expect(n.count).toBe(lines.length);
      expect(lines.map((_, i) => n.at(i + 1))).toEqual(lines);
      // Outside the text: no line.
      expect([n.at(0), n.at(lines.length + 1), n.at(-3)]).toEqual(['', '', '']);
    }
  });
});

describe('the bytes of a file as text', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  test('UTF-8, its byte-order mark dropped', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9))).toBe('A\u00e9');
    expect(decodeText(bytes(0x41, 0xc3, 0xa9))).toBe('A\u00e9');
  });

  test('otherwise Windows-1252: its characters for 0x80-0x9F, U+FFFD for the five it leaves undefined, Latin-1 above', () => {
    expect(decodeText(bytes(0x80, 0x85, 0x8a, 0x92, 0x96, 0x97, 0x99, 0x9f, 0xa0, 0xe9, 0xff))).toBe('\u20ac\u2026\u0160\u2019\u2013\u2014\u2122\u0178\u00a0\u00e9\u00ff');
    expect(decodeText(bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x41))).toBe('\ufffd\ufffd\ufffd\ufffd\ufffdA');
    // A byte-order mark before Windows-1252 text is dropped too; the first two bytes of one alone are text.
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xe9))).toBe('\u00e9');
    expect(decodeText(bytes(0xef, 0xbb, 0x41))).toBe('\u00ef\u00bbA');
    expect(decodeText(bytes(0xef, 0x41, 0xbf))).toBe('\u00efA\u00bf');
    expect(decodeText(bytes(0x41, 0xbb, 0xbf))).toBe('A\u00bb\u00bf');
  });

  test('a long Windows-1252 text is decoded whole (it is decoded in pieces)', () => {
    const text = decodeText(Uint8Array.from({ length: 40000 }, (_, i) => (i % 3 === 0 ? 0x93 : 0x41)));
    expect(text.length).toBe(40000);
    // Bytes 16,383 to 16,386 stand on either side of the first piece's end (16,384 bytes).
    expect(text.slice(16383, 16387)).toBe('\u201cAA\u201c');
    expect([...text].filter((c) => c === '\u201c').length).toBe(13334);
  });
});

describe('tables printed under one title are told apart by their last row and, for guidance, the period', () => {
  const COL = '                                     2004';
  const table = (title: string, head: string[], rows: string[]) => [title, '', ...head, ...rows, ''];

  test('three reconciliations to GAAP and a summary printed once', () => {
    const text = ['Example Corp (NYSE: EX) announced results.', '',
      ...table('RECONCILIATION TO GAAP (in millions)', [COL], ['Adjusted EBITDA                        900', 'Depreciation                          (100)', 'Net Loss (GAAP)                        800']),
      ...table('RECONCILIATION TO GAAP (in millions)', [COL], ['Gross Margin                           500', 'Other                                   50', 'Total Revenue (gaap)                   550']),
      ...table('SUMMARY (in millions)', [COL], ['Revenue                                550', 'Costs                                   50']),
      ...table('RECONCILIATION TO GAAP (in millions)', ['                         Year Ending December 31, 2005', '                           Low End of Range   High End of Range'],
        ['Adjusted EBITDA                        900              1,000', 'Depreciation                          (100)              (100)', 'Net Loss (GAAP)                        800                900']),
    ].join('\n');
    expect(readFiling(text, 'x.txt').tables.map((t) => t.title)).toEqual([
      'RECONCILIATION TO GAAP — Net Loss',
      'RECONCILIATION TO GAAP — Total Revenue',
      'SUMMARY',
      'RECONCILIATION TO GAAP — Net Loss (FY2005 guidance)',
    ]);
  });

  test('two are enough; only a last `(GAAP)` is left out of the name', () => {
    const text = ['Example Corp (NYSE: EX) announced results.', '',
      ...table('SEGMENT RESULTS (in millions)', [COL], ['Retail                                 900', 'Total (Non-GAAP)                       900']),
      ...table('SEGMENT RESULTS (in millions)', [COL], ['Retail                                 800', 'Total (GAAP) adjusted                  800']),
    ].join('\n');
    expect(readFiling(text, 'x.txt').tables.map((t) => t.title)).toEqual(['SEGMENT RESULTS — Total (Non-GAAP)', 'SEGMENT RESULTS — Total (GAAP) adjusted']);
  });
});

describe('the date of a release', () => {
  test('the date filed, else the first date of its first 40 lines, else of its first 8,000 characters, else none', () => {
    const filed = ['<SEC-HEADER>', 'FILED AS OF DATE:\t\t20040730', '</SEC-HEADER>', '<DOCUMENT>', '<TYPE>EX-99.1', '<TEXT>', 'ROCHESTER, NY - July 29, 2004 - Example Corp (NYSE: EX) announced results.', '</TEXT>', '</DOCUMENT>'].join('\n');
    expect(readFiling(filed, 'x.txt').date).toBe('2004-07-30');
    expect(readFiling('ROCHESTER, NY - July 29, 2004 - Example Corp (NYSE: EX) announced results.\nAs of June 30, 2004.', 'x.txt').date).toBe('2004-07-29');
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${i + 1}.`);
    expect(readFiling([...lines, 'As of June 30, 2004.'].join('\n'), 'x.txt').date).toBe('2004-06-30');
    expect(readFiling([...lines, 'No date here.'].join('\n'), 'x.txt').date).toBe('');
  });

  test('in a page whose first lines are long (a style sheet on one line), the first date of its first 40 lines, across a line end too', () => {
    const style = Array.from({ length: 400 }, (_, i) => `.c${i} { font-size: 10pt; }`).join(' ');
    expect(style.length).toBeGreaterThan(8000);
    const html = `<html><head><style>${style}</style></head><body>\n<p>July\n29, 2004</p><p>Example Corp (NYSE: EX) announced results.</p><p>One.</p><p>Two.</p></body></html>`;
    expect(readFiling(html, 'x.htm').date).toBe('2004-07-29');
  });
});

describe('what a part of the reader throws, in words', () => {
  // As in reader-robust.test.ts: a part replaced by one that throws, loaded while the tests are collected.
  const withFailing = (module: string, name: string, thrown: unknown): typeof readFiling => {
    let read: typeof readFiling | undefined;
    jest.isolateModules(() => {
      jest.doMock(module, () => ({ ...jest.requireActual(module), [name]: () => { throw thrown; } }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      read = (require('../src/filing/reader') as typeof import('../src/filing/reader')).readFiling;
    });
    jest.dontMock(module);
    if (!read) throw new Error('not loaded');
    return read;
  };
  const failingTables = withFailing('../src/filing/text-table', 'readTables', 'a string, not an Error');

  test('a thrown value that is no Error is said as text; the failing region is named by its first and last line', () => {
    const f = failingTables('Example Corp (NYSE: EX) announced results.\n\nRevenue rose.', 'x.txt');
    expect(f.diagnostics.filter((d) => d.severity === 'warning')).toEqual([
      { severity: 'warning', message: 'lines 1–3 could not be read as tables (a string, not an Error); their numbers are left out', file: 'x.txt', line: 1 },
      { severity: 'warning', message: 'no tables found: no column of numbers under period headers', file: 'x.txt' },
    ]);
    expect(f.sentences.map((s) => s.text)).toEqual(['Example Corp (NYSE: EX) announced results.', 'Revenue rose.']);
  });
});
