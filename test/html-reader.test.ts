/**
 * The HTML reader: Word-style exhibit markup (cells of `$`, `(2` + `)`, `%`, `&#151;`), colspan
 * and rowspan, spanning headers, `<br>` in dates, scale in the title block, provenance as the
 * line and column of a cell's text; a standalone .htm, an exhibit in a full submission and in a
 * bare `<DOCUMENT>` wrapper.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { decodeHtmlEntities, looksLikeHtml, readHtml, wrappedPlainText, type HtmlTable } from '../src/filing/html';
import { readFiling } from '../src/filing/reader';
import { analyze } from '../src/pipeline';
import { shared } from './support/shared';

const FILINGS = path.resolve(__dirname, 'fixtures/filings');

/** A small exhibit in the markup 2004-2005 EDGAR Word output used (written for this test). */
const WORD_STYLE = [
  '<html><body>',
  '<p align="center"><b>EXAMPLE CORP.</b></p>',
  '<p align="center">CONDENSED STATEMENTS OF OPERATIONS</p>',
  '<p align="center">(In thousands, except per share amounts)</p>',
  '<table>',
  '<tr><td></td><td colspan="5" align="center">Three Months Ended</td><td></td><td colspan="2">Twelve Months Ended</td></tr>',
  '<tr><td></td><td colspan="2">December&nbsp;31,<br>2004</td><td></td><td colspan="2">December 31,<br>2003</td><td></td><td colspan="2">December 31,<br>2004</td></tr>',
  '<tr><td>Revenue</td><td>$</td><td>1,200</td><td></td><td>$</td><td>1,000</td><td></td><td>$</td><td>4,400</td></tr>',
  '<tr><td>Cost of revenue</td><td colspan="2" style="border-bottom:solid windowtext .5pt">700</td><td></td><td colspan="2" style="border-bottom:solid windowtext .5pt">&#151;</td><td></td><td colspan="2" style="border-bottom:solid windowtext .5pt">2,600</td></tr>',
  '<tr><td>Gross margin</td><td colspan="2">500</td><td></td><td colspan="2">1,000</td><td></td><td colspan="2">1,800</td></tr>',
  '<tr><td>Other expense</td><td colspan="2">(2</td><td>)</td><td colspan="2">(.08</td><td>)</td><td colspan="2">.62</td></tr>',
  '<tr><td>Margin</td><td colspan="2">41.7</td><td>%</td><td colspan="2">100.0</td><td>%</td><td colspan="2">40.9</td><td>%</td></tr>',
  '</table>',
  '<p>Revenue for the quarter was $1.2 million, up 20% from the year-ago quarter.</p>',
  '</body></html>',
].join('\n');

describe('HTML tables into the Table model', () => {
  const f = shared(() => readFiling(WORD_STYLE, 'example.htm'));
  const t = () => f().tables[0];

  test('one table, its title and scale from the paragraphs above it', () => {
    expect(f().tables).toHaveLength(1);
    expect(t().title).toBe('EXAMPLE CORP. — CONDENSED STATEMENTS OF OPERATIONS');
    expect(t().scale).toBe('thousands');
  });

  test('spanning headers apply to each column under them; <br> and &nbsp; in dates', () => {
    expect(t().columns.map((c) => c.period?.key)).toEqual(['2004Q4', '2003Q4', 'FY2004']);
  });

  test('$ cells, (2 + ) splits, &#151; as zero, leading-dot decimals and % cells join their numbers', () => {
    const row = (label: string) => t().rows.find((r) => r.label === label);
    expect(row('Revenue')?.cells.map((c) => c.amount.text)).toEqual(['$1,200', '$1,000', '$4,400']);
    expect(row('Cost of revenue')?.cells.map((c) => c.amount.value.toString())).toEqual(['700', '0', '2600']);
    expect(row('Other expense')?.cells.map((c) => c.amount.value.toString())).toEqual(['-2', '-0.08', '0.62']);
    expect(row('Margin')?.cells.map((c) => [c.amount.kind, c.amount.value.toString()])).toEqual([['percent', '41.7'], ['percent', '100'], ['percent', '40.9']]);
  });

  test('a border under the figures is a rule above the next row', () => {
    expect(t().rows.find((r) => r.label === 'Gross margin')?.ruleAbove).toBe(true);
    expect(t().rows.find((r) => r.label === 'Cost of revenue')?.ruleAbove).toBe(false);
  });

  test("provenance: the line and column of the cell's text in the file", () => {
    const cell = t().rows.find((r) => r.label === 'Gross margin')?.cells[2];
    const lines = WORD_STYLE.split('\n');
    expect(cell?.line).toBe(10);
    expect(lines[9].slice(cell?.span[0], (cell?.span[0] ?? 0) + 5)).toBe('1,800');
  });

  test('text outside tables becomes sentences with their lines', () => {
    const s = f().sentences.find((x) => /Revenue for the quarter/.test(x.text));
    expect(s?.line).toBe(14);
    expect(s?.numbers.map((n) => n.amount.text)).toEqual(['$1.2 million', '20%']);
  });

  test('the same exhibit in a bare <DOCUMENT> wrapper and inside a full submission reads the same', () => {
    const facts = (text: string) => analyze([{ name: 'x', text }]).dataset.filingFacts()[0].facts.map((x) => `${x.concept}|${x.period.key}|${x.value.toString()}`);
    const bare = `<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99.htm\n<TEXT>\n${WORD_STYLE}\n</TEXT>\n</DOCUMENT>\n`;
    const full = `<SEC-DOCUMENT>0000000000-05-000001.txt : 20050201\n<SEC-HEADER>\nACCESSION NUMBER:\t\t0000000000-05-000001\nCOMPANY CONFORMED NAME:\t\t\tEXAMPLE CORP\nCENTRAL INDEX KEY:\t\t\t0000000001\nFILED AS OF DATE:\t\t20050201\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nForm 8-K cover\n</TEXT>\n</DOCUMENT>\n${bare}</SEC-DOCUMENT>\n`;
    expect(facts(bare)).toEqual(facts(WORD_STYLE));
    expect(facts(full)).toEqual(facts(WORD_STYLE));
    const filing = readFiling(full, 'full.txt');
    expect([filing.company, filing.cik, filing.accession]).toEqual(['EXAMPLE CORP', '0000000001', '0000000000-05-000001']);
  });
});

describe('malformed cells: left out with a warning naming the cell and its line, as the text reader does', () => {
  const html = [
    '<html><body><p>EXAMPLE CORP. (NYSE: EX)</p><p>(In thousands)</p>',
    '<table>',
    '<tr><td></td><td colspan="2">Three Months Ended<br>June 30, 2004</td><td colspan="2">Three Months Ended<br>June 30, 2003</td></tr>',
    '<tr><td>Revenue</td><td>$</td><td>1,200</td><td>$</td><td>1,000</td></tr>',
    '<tr><td>Cost of revenue</td><td></td><td>((5))</td><td></td><td>400</td></tr>',
    '<tr><td>Other expense</td><td></td><td>(5, 5)</td><td></td><td>(5, 5)</td></tr>',
    '<tr><td>Operating income</td><td></td><td>500</td><td></td><td>600</td></tr>',
    '</table></body></html>',
  ].join('\n');
  const f = shared(() => readFiling(html, 'bad.htm'));
  const t = () => f().tables[0];

  test('one warning per malformed cell, with its line', () => {
    expect(f().diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.line, d.file, d.message])).toEqual([
      [5, 'bad.htm', "cannot read '((5))' as a number; that cell is left out"],
      [6, 'bad.htm', "cannot read '(5, 5)' as a number; that cell is left out"],
      [6, 'bad.htm', "cannot read '(5, 5)' as a number; that cell is left out"],
    ]);
  });

  test('the row keeps its label and its other cells; a row of malformed cells only stays a row, not a heading', () => {
    const row = (label: string) => t().rows.find((r) => r.label === label);
    expect(row('Cost of revenue')?.cells.map((c) => c.amount.text)).toEqual(['400']);
    expect(row('Other expense')?.cells).toEqual([]);
    expect(row('Operating income')?.section).toBe('');
    expect(t().rows.map((r) => r.label)).toEqual(['Revenue', 'Cost of revenue', 'Other expense', 'Operating income']);
  });
});

describe("the company's name from an HTML release's dateline: entities decoded as the HTML reader does", () => {
  const release = (opening: string) =>
    `<html><body>\n<p>${opening} today announced results.</p>\n<table><tr><td></td><td>Three Months Ended<br>June 30, 2004</td></tr><tr><td>Revenue</td><td>5</td></tr></table>\n</body></html>`;
  test.each([
    // &#151; and &#146; are Windows-1252 (an em dash, a right quote), not the control characters U+0097 and U+0092.
    ['NEW YORK, NY&#151;March 1, 2005&#151;Macy&#146;s, Inc. (NYSE: M)', 'Macy\u2019s, Inc.', 'M'],
    // Hexadecimal references and a dateline set off by double hyphens without blanks.
    ['BASKING RIDGE, NJ &#8212; March 1, 2005 &#8212; Barnes &#x26; Noble, Inc. (NYSE: BKS)', 'Barnes & Noble, Inc.', 'BKS'],
    ['ROCHESTER, NY--July 29, 2004--Mpower Holding Corporation (AMEX: MPE)', 'Mpower Holding Corporation', 'MPE'],
    // A hyphen inside a name is no dateline.
    ['ATLANTA, GA - Coca-Cola Enterprises Inc. (NYSE: CCE)', 'Coca-Cola Enterprises Inc.', 'CCE'],
  ])('%s', (opening, name, ticker) => {
    const f = readFiling(release(opening), 'release.htm');
    expect([f.company, f.ticker]).toEqual([name, ticker]);
  });

  test('the Mpower Q4 2004 HTML exhibit (dateline `ROCHESTER, NY &#150; February 24, 2005 &#150; Mpower Holding Corporation (AMEX: MPE)`)', () => {
    const f = readFiling(readFileSync(path.resolve(__dirname, 'fixtures/mpwr-2004q4-ex99-1.htm'), 'latin1'), 'mpwr-2004q4-ex99-1.htm');
    expect([f.company, f.ticker]).toEqual(['Mpower Holding Corporation', 'MPE']);
  });
});

describe('a cell written over several source lines: each of its lines keeps its own line number', () => {
  test('Apple 2004 cover page: the cells under the registrant (lines 130-132 and 144-145, <br> between)', () => {
    const text = readFileSync(path.join(FILINGS, 'apple-2004q3-8k.txt'), 'latin1');
    const cells = readHtml(text)
      .filter((i): i is { kind: 'table'; table: HtmlTable } => i.kind === 'table')
      .flatMap((i) => i.table.rows.flatMap((r) => r.cells));
    const cell = (start: string) => cells.find((c) => c.text.startsWith(start));
    // Line 130 `(State or other jurisdiction of<br>`, 131 `incorporation or<br>`, 132 `organization)`.
    expect(cell('(State or other')).toMatchObject({ text: '(State or other jurisdiction of\nincorporation or\norganization)', line: 130, lines: [130, 131, 132] });
    expect(cell('(I.R.S.')?.lines).toEqual([144, 145]);
    // Line 440 `Peter` and 441 `Oppenheimer<br>` are one line of the cell; 442 and 443 the next two.
    expect(cell('Peter Oppenheimer')?.lines).toEqual([440, 442, 443]);
  });

  test('a sentence on the second line of a layout cell has that line, and so has its figure', () => {
    const html = [
      '<html><body><table><tr><td>Revenue rose in the quarter.<br>',
      'Net sales were $5.2 million, up 4%.</td></tr></table>',
      '</body></html>',
    ].join('\n');
    const s = readFiling(html, 'layout.htm').sentences.find((x) => x.text.startsWith('Net sales'));
    expect(s?.line).toBe(2);
    expect(s?.numbers.map((n) => [n.amount.text, n.line])).toEqual([['$5.2 million', 2], ['4%', 2]]);
  });
});

describe('running text: inline elements and <br> keep a paragraph whole', () => {
  const sentences = (body: string) => readFiling(`<html><body>\n${body}\n<table><tr><td></td><td>Three Months Ended<br>June 30, 2004</td></tr><tr><td>Revenue</td><td>5</td></tr></table></body></html>`, 'p.htm').sentences;

  test('<tt> and <kbd> are inline: `<tt>$5.2</tt> million` is one figure of one sentence', () => {
    const [s] = sentences('<p>Revenue was <tt>$5.2</tt> million, up <kbd>4%</kbd> from a year ago.</p>');
    expect(s.text).toBe('Revenue was $5.2 million, up 4% from a year ago.');
    expect(s.numbers.map((n) => [n.amount.text, n.scale])).toEqual([['$5.2 million', 'millions'], ['4%', 'units']]);
  });

  test('<br> ends a line, not the paragraph: a figure broken over it is read whole; two <br> end the paragraph', () => {
    const found = sentences('<p>Net sales were $5.2<br>\nmillion for the quarter<br><br>\nGuidance is unchanged.</p>');
    expect(found.map((s) => [s.text, s.line])).toEqual([['Net sales were $5.2 million for the quarter', 2], ['Guidance is unchanged.', 4]]);
    expect(found[0].numbers.map((n) => [n.amount.text, n.line])).toEqual([['$5.2 million', 2]]);
  });

  test("a <tt> or <kbd> written with a margin is a paragraph (Apple 2004's headline and copyright notice)", () => {
    const f = readFiling(readFileSync(path.join(FILINGS, 'apple-2004q3-8k.txt'), 'latin1'), 'apple.txt');
    // Line 577 `<kbd style="margin:...">Apple Reports Third Quarter Results</kbd>`; line 581 the sub-headline.
    expect(f.sentences.find((s) => s.line === 577)?.text).toBe('Apple Reports Third Quarter Results');
    // Lines 761-764, `<tt style="margin:...">© 2004 Apple...</tt>`, then the balance sheet's title at 782.
    expect(f.tables.find((t) => t.lines[0] === 790)?.title).toBe('UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS');
  });
});

describe('Apple 2004 (full submission, Word-style HTML EX-99.1)', () => {
  const text = readFileSync(path.join(FILINGS, 'apple-2004q3-8k.txt'), 'latin1');
  const f = shared(() => readFiling(text, 'apple-2004q3-8k.txt'));

  test('the balance sheet as printed: June 26, 2004 and September 27, 2003', () => {
    const bs = f().tables.find((t) => /BALANCE SHEETS/.test(t.title));
    expect(bs?.columns.map((c) => c.period?.key)).toEqual(['2004-06-26', '2003-09-27']);
    expect(bs?.scale).toBe('millions');
    const row = (label: string) => bs?.rows.find((r) => r.label === label)?.cells.map((c) => c.amount.value.toString());
    // Read off the exhibit: Cash and cash equivalents $3,120 / $3,396; Total assets $7,223 / $6,815;
    // Deferred stock compensation (103) / (62); Current debt — / 304.
    expect(row('Cash and cash equivalents')).toEqual(['3120', '3396']);
    expect(row('Total assets')).toEqual(['7223', '6815']);
    expect(row('Deferred stock compensation')).toEqual(['-103', '-62']);
    expect(row('Current debt')).toEqual(['0', '304']);
  });
});

describe('character references, as a browser decodes them', () => {
  test.each<[string, string]>([
    ['AT&amp;T', 'AT&T'],
    ['a&nbsp;b', 'a\u00a0b'],
    ['a&nbsp b', 'a\u00a0 b'], // nbsp and amp are known without their semicolon
    ['R&amp D', 'R& D'],
    ['&copy 2004', '&copy 2004'], // any other name needs its semicolon
    ['&bogus; and &copy;', '&bogus; and \u00a9'],
    ['&#8212; &#x2014; &#X2014;', '\u2014 \u2014 \u2014'],
    ['&#151;', '\u2014'], // Windows-1252 range: an em dash, as browsers read it
    ['&#0; &#xD800; &#1114112;', '\ufffd \ufffd \ufffd'], // no character: the replacement character
    ['&AMP; &Eacute;', '& \u00c9'], // a name known only in lower case is read so; one known in its own case as it is
  ])('%j reads %j', (html, text) => {
    expect(decodeHtmlEntities(html)).toBe(text);
  });
});

describe('is it an HTML page?', () => {
  test.each<[string, boolean]>([
    ['<html><body>x</body></html>', true],
    ['<!DOCTYPE html>\n<p>x', true],
    ['<DIV align="center">x</DIV>', true],
    ['<TABLE>\n<CAPTION>\nSTATEMENT OF OPERATIONS\n</TABLE>', false], // EDGAR plain text marks its tables so
    ['plain text\nwith <angle> words', false],
    [`${'x'.repeat(5000)}<html>`, false], // only the start of the file is looked at
  ])('%j', (text, html) => {
    expect(looksLikeHtml(text)).toBe(html);
  });
});

describe('a truncated HTML file', () => {
  test('a table left open at the end is read as far as it goes, ending on the last line', () => {
    const html = ['<html><body>', '<table>', '<tr><td>Revenue</td><td>10</td></tr>', '<tr><td>Cost</td><td>4</td>'].join('\n');
    const tables = readHtml(html).filter((x) => x.kind === 'table').map((x) => (x.kind === 'table' ? x.table : undefined));
    expect(tables.map((t) => [t?.lines, t?.rows.map((r) => r.cells.map((c) => c.text))])).toEqual([
      [[2, 4], [['Revenue', '10'], ['Cost', '4']]],
    ]);
  });
});

describe('borders that draw a rule', () => {
  // A rule under a row is a subtotal's sign; only a drawn border is one.
  const bottom = (style: string) => {
    const html = `<table><tr><td style="border-bottom:${style}">Revenue</td><td>10</td></tr></table>`;
    const t = readHtml(html).find((x) => x.kind === 'table');
    return t?.kind === 'table' ? t.table.rows[0].cells[0].borderBottom : undefined;
  };
  test.each<[string, boolean]>([
    ['solid windowtext .5pt', true], ['1px solid #000', true], ['double', true], ['2px', true],
    ['none', false], ['hidden', false], ['0', false], ['0px solid', false], ['none solid', true],
  ])('border-bottom: %s', (style, drawn) => {
    expect(bottom(style)).toBe(drawn);
  });
});

describe('plain text wrapped in HTML', () => {
  test('<pre>: only what stands inside it, tags dropped and entities decoded, line for line', () => {
    const html = ['<html><body>', '<p>Cover</p><pre>Revenue      $38,496', 'AT&amp;T     <b>1,000</b></pre>after', '</body></html>'].join('\n');
    expect(wrappedPlainText(html)).toBe(['', 'Revenue      $38,496', 'AT&T     1,000', ''].join('\n'));
  });

  test('no <pre>, a few tags: every line with its tags dropped', () => {
    expect(wrappedPlainText('<html><body>\nRevenue   $38,496<br>\nNet &lt;loss&gt;\n</body></html>')).toBe('\nRevenue   $38,496\nNet <loss>\n');
  });

  test('a laid-out page is not wrapped text: markup tables (without <pre>) or more than three paragraphs', () => {
    expect(wrappedPlainText('<html><table><tr><td>1</td></tr></table></html>')).toBeUndefined();
    expect(wrappedPlainText('<p>a</p><p>b</p><p>c</p><p>d</p>')).toBeUndefined();
    expect(wrappedPlainText('<p>a</p><p>b</p><p>c</p>')).toBe('abc');
    expect(wrappedPlainText('<table><pre>x</pre></table>')).toBe('x');
  });
});

describe("a cell's indent, in points, from its CSS", () => {
  // Indentation tells a row's section apart (a sub-item under its heading).
  const indent = (style: string) => {
    const t = readHtml(`<table><tr><td style="${style}">Revenue</td><td>10</td></tr></table>`).find((x) => x.kind === 'table');
    return t?.kind === 'table' ? t.table.rows[0].cells[0].indentPt : undefined;
  };
  test.each<[string, number]>([
    ['padding-left:10pt', 10], ['padding-left:8px', 6], ['margin-left:1em', 10], ['padding-left:.25in', 18],
    ['padding-left:2.54cm', 72], ['margin-left:25.4mm', 72], ['padding-left:1pc', 12], ['padding-left:4', 3], // no unit: pixels
    ['padding:0 0 0 10pt', 10], // four values: the fourth is the left
    ['padding:0 10pt', 10], // two or three values: the second
    ['text-indent:5pt; margin-left:5pt', 10], // summed
    ['padding:10pt', 10], // one value: every side
    ['padding-left:auto', 0],
  ])('%s', (style, pt) => {
    expect(indent(style)).toBeCloseTo(pt, 9);
  });

  test('an element inside the cell with an indent of its own adds it; one after the text does not', () => {
    const cell = (html: string) => {
      const t = readHtml(`<table><tr><td style="padding-left:5pt">${html}</td><td>10</td></tr></table>`).find((x) => x.kind === 'table');
      return t?.kind === 'table' ? t.table.rows[0].cells[0].indentPt : undefined;
    };
    expect(cell('<p style="margin-left:10pt"><span style="padding-left:2pt">Revenue</span></p>')).toBeCloseTo(17, 9);
    expect(cell('Revenue<span style="padding-left:20pt">net</span>')).toBeCloseTo(5, 9);
  });
});

describe('the named character references releases use', () => {
  test('each reads as its character (the invisible ones, soft hyphen and joiners, as nothing)', () => {
    const names = 'nbsp amp lt gt quot apos mdash ndash rsquo lsquo rdquo ldquo bull middot hellip copy reg trade sect para cent pound euro yen deg plusmn frac12 frac14 frac34 times divide shy ensp emsp thinsp zwnj zwj minus dagger Dagger laquo raquo iexcl iquest acute eacute Eacute egrave agrave aacute ccedil ntilde ouml uuml auml oacute iacute uacute';
    const read = decodeHtmlEntities(names.split(' ').map((n) => `&${n};`).join('|'));
    expect(read.split('|')).toEqual([
      '\u00a0', '&', '<', '>', '"', "'", '—', '–', '’', '‘', '”', '“', '•', '·', '…', '©', '®', '™', '§', '¶',
      '¢', '£', '€', '¥', '°', '±', '½', '¼', '¾', '×', '÷', '', '\u2002', '\u2003', '\u2009', '', '', '−', '†', '‡',
      '«', '»', '¡', '¿', '´', 'é', 'É', 'è', 'à', 'á', 'ç', 'ñ', 'ö', 'ü', 'ä', 'ó', 'í', 'ú',
    ]);
  });
});

describe('the HTML document as the reader walks it: rows, cells, paragraphs', () => {
  const tableOf = (html: string): HtmlTable => {
    const t = readHtml(html).find((x) => x.kind === 'table');
    if (t?.kind !== 'table') throw new Error('no table');
    return t.table;
  };
  const texts = (t: HtmlTable) => t.rows.map((r) => r.cells.map((c) => c.text));

  test('<th> cells are cells: a header row of years over the figures', () => {
    const f = readFiling('<html><body><p>STATEMENTS OF OPERATIONS (in thousands)</p><table><tr><th></th><th>2004</th><th>2003</th></tr>' +
      '<tr><td>Revenue</td><td>1,200</td><td>1,000</td></tr></table></body></html>', 'th.htm');
    expect(f.tables[0].columns.map((c) => c.period?.key)).toEqual(['FY2004', 'FY2003']);
    expect(f.tables[0].rows.map((r) => [r.label, r.cells.map((c) => c.amount.text)])).toEqual([['Revenue', ['1,200', '1,000']]]);
  });

  test('rows and cells whose end tags are left out end where the next begins', () => {
    expect(texts(tableOf('<table><tr><td>A<td>1<tr><td>B<td>2</table>'))).toEqual([['A', '1'], ['B', '2']]);
    // A row of no cells is still a row.
    expect(texts(tableOf('<table><tr><td>A</td></tr><tr></tr><tr><td>B</td></tr></table>'))).toEqual([['A'], [], ['B']]);
  });

  test('a cell after a closed row, with no <tr> of its own, starts a new row', () => {
    expect(texts(tableOf('<table><tr><td>A</td><td>1</td></tr><td>B</td><td>2</td></table>'))).toEqual([['A', '1'], ['B', '2']]);
  });

  test('a paragraph of text ends with a blank line; an empty or blank element adds none', () => {
    const lines = readHtml('<p>One.</p><p></p><div> </div><p>Two.</p>').map((x) => (x.kind === 'line' ? x.line.text : 'table'));
    expect(lines).toEqual(['One.', '', 'Two.', '']);
  });

  test("a cell's span is its source from its first printed character to the end of that line, entities as written", () => {
    // `<table><tr><td>Revenue</td><td>` is 31 characters: the cell's text starts at column 31 with
    // `&#36;` ($), and its first line, `&#36;&#160;&#160;&#160;`, is 23 characters (the figure goes
    // on, on the next line: it does not widen the span).
    const t = tableOf('<table><tr><td>Revenue</td><td>&#36;&#160;&#160;&#160;\n1,200</td></tr></table>');
    const cell = t.rows[0].cells[1];
    expect([cell.col, cell.length]).toEqual([31, 23]);
  });
});

describe('an HTML table into rows: spans, joined cells, sections, its lines', () => {
  const page = (...parts: string[]) => ['<html><body>', '<p>SUMMARY (in thousands)</p>', ...parts, '</body></html>'].join('\n');
  const YEARS = '<tr><td></td><td>2004</td><td>2003</td></tr>';
  const rowsOf = (html: string) => readFiling(html, 'x.htm').tables[0].rows.map((r) => [r.label, r.section, r.cells.map((c) => `${c.column}:${c.amount.text}`)]);

  test('a label cell over two rows (rowspan) leaves the second row its figures in their columns', () => {
    const rows = rowsOf(page('<table>', YEARS, '<tr><td rowspan="2">Revenue</td><td>1,200</td><td>1,000</td></tr>', '<tr><td>300</td><td>250</td></tr>', '</table>'));
    expect(rows.map((r) => r[2])).toEqual([['0:1,200', '1:1,000'], ['0:300', '1:250']]);
  });

  test('a $ cell joins the figure beyond an empty cell between them', () => {
    const rows = rowsOf(page('<table>', YEARS.replace('<td>2004</td>', '<td></td><td></td><td>2004</td>'), '<tr><td>Revenue</td><td>$</td><td></td><td>1,200</td><td>1,000</td></tr>', '</table>'));
    expect(rows[0][2]).toEqual(['0:$1,200', '1:1,000']);
  });

  test('a row of a section heading, then a blank row: the rows after it are in no section', () => {
    const rows = rowsOf(page('<table>', YEARS, '<tr><td>Operating expenses:</td><td></td><td></td></tr>', '<tr><td>Selling</td><td>10</td><td>9</td></tr>',
      '<tr><td>General</td><td>20</td><td>19</td></tr>', '<tr><td>&nbsp;</td><td></td><td></td></tr>', '<tr><td>Other income</td><td>5</td><td>4</td></tr>', '</table>'));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['Selling', 'Operating expenses'], ['General', 'Operating expenses'], ['Other income', '']]);
    expect(readFiling(page('<table>', YEARS, '<tr><td>A</td><td>1</td><td>2</td></tr>', '<tr><td></td><td></td><td></td></tr>', '<tr><td>B</td><td>3</td><td>4</td></tr>', '</table>'), 'x.htm')
      .tables[0].rows.map((r) => [r.label, r.blankAbove])).toEqual([['A', false], ['B', true]]);
  });

  test("a row's text is its label and figures as printed, two blanks apart; the table's lines are its <table> and </table>", () => {
    // Line 1 <html><body>, 2 the paragraph, 3 <table>, 4-5 the rows, 6 </table>.
    const t = readFiling(page('<table>', YEARS, '<tr><td>Revenue</td><td>$1,200</td><td>(1,000)</td></tr>', '</table>'), 'x.htm').tables[0];
    expect(t.rows[0].text).toBe('Revenue  $1,200  (1,000)');
    expect(t.lines).toEqual([3, 6]);
  });

  test('a header row naming periods after rows of figures starts a second table within one <table>', () => {
    const f = readFiling(page('<table>', YEARS, '<tr><td>Revenue</td><td>1,200</td><td>1,000</td></tr>', '<tr><td>&nbsp;</td><td></td><td></td></tr>',
      '<tr><td></td><td>June 30, 2004</td><td>December 31, 2003</td></tr>', '<tr><td>Cash</td><td>500</td><td>400</td></tr>',
      '<tr><td>Notes</td><td>see below</td><td></td></tr>', '<tr><td>Debt</td><td>50</td><td>40</td></tr>', '</table>'), 'x.htm');
    // A text row over the figures that names no period (`see below`) goes on with the table it stands in.
    expect(f.tables.map((t) => [t.columns.map((c) => c.period?.key), t.rows.map((r) => r.label)])).toEqual([
      [['FY2004', 'FY2003'], ['Revenue']],
      [['2004-06-30', '2003-12-31'], ['Cash', 'Debt']],
    ]);
  });

  test('two header rows after rows of figures start one second table, both its headers', () => {
    const f = readFiling(page('<table>', YEARS, '<tr><td>Revenue</td><td>1,200</td><td>1,000</td></tr>',
      '<tr><td></td><td>Six Months Ended June 30,</td><td>Six Months Ended June 30,</td></tr>', '<tr><td></td><td>2004</td><td>2003</td></tr>',
      '<tr><td>Revenue</td><td>2,300</td><td>2,100</td></tr>', '</table>'), 'x.htm');
    expect(f.tables.map((t) => t.columns.map((c) => c.period?.key))).toEqual([['FY2004', 'FY2003'], ['6M2004-06-30', '6M2003-06-30']]);
  });

  test('a scale stated in a row over the table (a caption) wins over the paragraph above', () => {
    const t = readFiling(page('<table>', '<tr><td colspan="3">(in millions)</td></tr>', YEARS, '<tr><td>Revenue</td><td>1,200</td><td>1,000</td></tr>', '</table>'), 'x.htm').tables[0];
    expect([t.scale, t.scaleText]).toEqual(['millions', 'in millions']);
  });
});

describe('a balance sheet is told by its title or the lines just above it: a year alone heads its closing date', () => {
  // A year alone over the figures is the fiscal year (FY2004) in a statement of operations, and the
  // year's closing date (2004-12-31) in a balance sheet.
  const periods = (above: string) =>
    readFiling(`<html><body>\n${above}\n<table><tr><td></td><td>2004</td><td>2003</td></tr><tr><td>Cash</td><td>1,200</td><td>1,000</td></tr></table></body></html>`, 'b.htm')
      .tables[0].columns.map((c) => c.period?.key);
  const CLOSING = ['2004-12-31', '2003-12-31'];
  const YEARS = ['FY2004', 'FY2003'];

  test.each<[string, string[]]>([
    ['<p>CONDENSED CONSOLIDATED BALANCE SHEETS</p>', CLOSING],
    ['<p>Condensed Balance Sheet</p>', CLOSING], // one sheet, any case
    ['<p>STATEMENTS OF FINANCIAL POSITION</p>', CLOSING],
    ['<p>STATEMENT OF FINANCIAL CONDITION</p>', CLOSING],
    ['<p>STATEMENT OF CONDITION</p>', CLOSING], // a bank's
    ['<p>STATEMENTS OF CONDITION</p>', CLOSING],
    ['<p>STATEMENTS OF OPERATIONS</p>', YEARS],
    ['<p>SELECTED FINANCIAL DATA</p>', YEARS],
  ])('%s', (above, keys) => {
    expect(periods(above)).toEqual(keys);
  });

  test('the title line above the company name, which titles the table, still makes it a balance sheet', () => {
    // The title is the nearest two lines (`EXAMPLE CORP. — AND SUBSIDIARIES`); the balance sheet's name is the third.
    expect(periods('<p>BALANCE SHEETS</p><p>EXAMPLE CORP.</p><p>AND SUBSIDIARIES</p>')).toEqual(CLOSING);
  });

  test('a balance sheet named in a row over the table (its caption), with no paragraph above', () => {
    const t = readFiling('<html><body><table><tr><td>CONDENSED BALANCE SHEETS</td></tr><tr><td></td><td>2004</td><td>2003</td></tr>' +
      '<tr><td>Cash</td><td>1,200</td><td>1,000</td></tr></table></body></html>', 'b.htm').tables[0];
    expect([t.title, t.columns.map((c) => c.period?.key)]).toEqual(['CONDENSED BALANCE SHEETS', CLOSING]);
  });

  test('a title set in two paragraphs reads as one: `STATEMENTS OF FINANCIAL` over `POSITION`', () => {
    expect(periods('<p>CONSOLIDATED STATEMENTS OF FINANCIAL</p><p>POSITION</p>')).toEqual(CLOSING);
  });

  test('a balance sheet named further up than the four paragraphs above the table does not make it one', () => {
    expect(periods('<p>Cash on the balance sheet rose.</p><p>EXAMPLE CORP.</p><p>SELECTED DATA</p><p>(In thousands)</p><p>(Unaudited)</p>')).toEqual(YEARS);
    expect(periods('<p>EXAMPLE CORP.</p><p>Cash on the balance sheet rose.</p><p>SELECTED DATA</p><p>(In thousands)</p><p>(Unaudited)</p>')).toEqual(CLOSING);
  });
});

describe('the cells of a figure: `$`, brackets, `%`, dashes and footnote marks, in its cell or in cells of their own', () => {
  // Each column three slots wide under its year, as Word sets `$` | `(1,200` | `)`.
  const table = (...rows: string[]) =>
    readFiling(['<html><body><p>SUMMARY (in thousands)</p><table>', '<tr><td></td><td colspan="3">2004</td><td colspan="3">2003</td></tr>', ...rows, '</table></body></html>'].join('\n'), 'x.htm').tables[0];
  const figures = (cells: string) => table(`<tr><td>Revenue</td>${cells}</tr>`).rows.map((r) => [r.label, r.cells.map((c) => `${c.column}:${c.amount.text}`)]);

  test.each<[string, string, string[]]>([
    ['$ and a blank in the cell', '<td></td><td>$ 1,200</td><td></td><td></td><td>$&nbsp;&nbsp;1,000</td><td></td>', ['0:$1,200', '1:$1,000']],
    ['( and ($ in cells of their own', '<td>(</td><td>1,200</td><td>)</td><td>($</td><td>1,000</td><td>)</td>', ['0:(1,200)', '1:($1,000)']],
    ['( $ with a blank between', '<td>(&nbsp;$</td><td>1,200</td><td>)</td><td></td><td>(1,000</td><td>)</td>', ['0:($1,200)', '1:(1,000)']],
    ['%) and )% after a bracketed percent', '<td></td><td>(12.5</td><td>%)</td><td></td><td>(7.5</td><td>)%</td>', ['0:(12.5%)', '1:(7.5%)']],
    ['% in a cell of its own, or after a blank', '<td></td><td>41.7</td><td>%</td><td></td><td>40 %</td><td></td>', ['0:41.7%', '1:40%']],
    ['a footnote mark after the bracket', '<td></td><td>(1,200</td><td>) (a)</td><td></td><td>(1,000</td><td>)*</td>', ['0:(1,200)', '1:(1,000)']],
    ['a footnote mark in a cell of its own', '<td></td><td>1,200</td><td>(a)</td><td></td><td>1,000</td><td>**</td>', ['0:1,200', '1:1,000']],
    ['a footnote mark in the figure\'s cell', '<td></td><td>1,200 (a)</td><td></td><td></td><td>1,000*</td><td></td>', ['0:1,200', '1:1,000']],
    ['a numbered footnote mark, in the cell or beside it', '<td></td><td>1,200 (1)</td><td></td><td></td><td>1,000</td><td>[2]</td>', ['0:1,200', '1:1,000']],
    ['dashes: an em dash, an en dash', '<td></td><td>&#151;</td><td></td><td></td><td>&ndash;</td><td></td>', ['0:-', '1:-']],
    ['two em dashes: a dash', '<td></td><td>&#151;&#151;</td><td></td><td></td><td>--</td><td></td>', ['0:-', '1:-']],
    ['an en dash or an em dash after the $ in its cell', '<td></td><td>$ &ndash;</td><td></td><td></td><td>$&#151;</td><td></td>', ['0:$-', '1:$-']],
    ['an en dash before the figure is its minus', '<td></td><td>&#150;3</td><td></td><td></td><td>&ndash; 2.5%</td><td></td>', ['0:-3', '1:-2.5%']],
    ['( $ and $( in the figure\'s cell', '<td></td><td>( $ 1,200)</td><td></td><td></td><td>$(1,000)</td><td></td>', ['0:($1,200)', '1:($1,000)']],
    ['footnote marks after the bracket: none or a blank before them, any case', '<td></td><td>(1,200</td><td>)(a)</td><td></td><td>(1,000</td><td>) (A)</td>', ['0:(1,200)', '1:(1,000)']],
    ['stars after the bracket or the figure', '<td></td><td>(1,200</td><td>)**</td><td></td><td>1,000**</td><td></td>', ['0:(1,200)', '1:1,000']],
    ['a minus sign and a blank before the figure', '<td></td><td>&minus; 7</td><td></td><td></td><td>- 5</td><td></td>', ['0:-7', '1:-5']],
    ['$ in a cell of its own before a bracketed figure: the $ is kept (as the text reader keeps `$ (0.12)`)', '<td>$</td><td>(0.12</td><td>)</td><td>$</td><td>0.10</td><td></td>', ['0:($0.12)', '1:$0.10']],
    ['$ and a dash: a zero of dollars', '<td>$</td><td>&#151;</td><td></td><td></td><td>$ -</td><td></td>', ['0:$-', '1:$-']],
  ])('%s', (_, cells, texts) => {
    expect(figures(cells)).toEqual([['Revenue', texts]]);
  });

  test.each(['(a)', '(1)', '(A)', 'a', '*', '***', '[1]'])('a footnote mark %s in a cell of its own: the column takes in its cell', (mark) => {
    const t = table(`<tr><td>Revenue</td><td></td><td>1,200</td><td>${mark}</td><td></td><td>1,000</td><td></td></tr>`);
    expect(t.columns.map((c) => c.span)).toEqual([[2, 4], [5, 6]]);
  });

  test('four stars or two letters are no footnote mark: the column is the figure\'s cell', () => {
    for (const mark of ['****', 'ab']) {
      expect(table(`<tr><td>Revenue</td><td></td><td>1,200</td><td>${mark}</td><td></td><td>1,000</td><td></td></tr>`).columns.map((c) => c.span)).toEqual([[2, 3], [5, 6]]);
    }
  });

  test('a label written over two lines (<br>) reads as one, a blank between its lines', () => {
    expect(table('<tr><td>Cost of<br>revenue</td><td></td><td>1,200</td><td></td><td></td><td>1,000</td><td></td></tr>').rows.map((r) => r.label)).toEqual(['Cost of revenue']);
  });

  test('a `% Change` header heads its column whole', () => {
    const t = readFiling(['<html><body><p>SUMMARY (in thousands)</p><table>', '<tr><td></td><td>2004</td><td>2003</td><td>% Change</td></tr>',
      '<tr><td>Revenue</td><td>1,200</td><td>1,000</td><td>20.0</td></tr>', '</table></body></html>'].join('\n'), 'x.htm').tables[0];
    expect(t.columns.map((c) => c.header)).toEqual(['2004', '2003', '% Change']);
  });

  test('a label that ends in a $ is a label, not a $ cell', () => {
    expect(table('<tr><td>Sales in US$</td><td></td><td>1,200</td><td></td><td></td><td>1,000</td><td></td></tr>').rows.map((r) => [r.label, r.cells.map((c) => c.amount.text)]))
      .toEqual([['Sales in US$', ['1,200', '1,000']]]);
  });

  test('a header row of $ and % cells under the year: each column\'s header says which', () => {
    const t = readFiling(['<html><body><p>SUMMARY (in thousands)</p><table>', '<tr><td></td><td colspan="2">2004</td></tr>', '<tr><td></td><td>$</td><td>%</td></tr>',
      '<tr><td>Revenue</td><td>1,200</td><td>100.0</td></tr>', '</table></body></html>'].join('\n'), 'x.htm').tables[0];
    expect(t.columns.map((c) => c.header)).toEqual(['2004 $', '2004 %']);
  });

  test('a year marked with a footnote star heads its column as the year', () => {
    const t = readFiling(['<html><body><p>SUMMARY (in thousands)</p><table>', '<tr><td></td><td>2004 *</td><td>2003</td></tr>',
      '<tr><td>Revenue</td><td>1,200</td><td>1,000</td></tr>', '</table></body></html>'].join('\n'), 'x.htm').tables[0];
    expect(t.columns.map((c) => [c.header, c.period?.key])).toEqual([['2004', 'FY2004'], ['2003', 'FY2003']]);
  });

  test('a blank row between a section heading and its first row leaves the heading over the rows', () => {
    const t = table('<tr><td>Costs and expenses:</td></tr>', '<tr><td>&nbsp;</td></tr>', '<tr><td>Selling</td><td></td><td>10</td><td></td><td></td><td>9</td><td></td></tr>');
    expect(t.rows.map((r) => [r.label, r.section])).toEqual([['Selling', 'Costs and expenses']]);
  });
});

describe('running text line by line: <br>, paragraph ends and blanks', () => {
  const lines = (html: string) => readHtml(html).map((x) => (x.kind === 'line' ? [x.line.no, x.line.text] : 'table'));

  test('two <br>, each on a source line of its own, end the paragraph as two in a row do', () => {
    expect(lines('<p>One.<br>\n<br>\nTwo.</p>')).toEqual([[1, 'One.'], [1, ''], [3, 'Two.'], [3, '']]);
    // The second indented: blanks between the two are no text.
    expect(lines('<p>One.<br>\n  <br>\nTwo.</p>')).toEqual([[1, 'One.'], [1, ''], [3, 'Two.'], [3, '']]);
  });

  test('a third <br> adds no second blank line; <br>s after a paragraph end add none', () => {
    expect(lines('<p>One.<br><br><br>Two.</p>')).toEqual([[1, 'One.'], [1, ''], [1, 'Two.'], [1, '']]);
    expect(lines('<p>One.</p><br><br>Two.')).toEqual([[1, 'One.'], [1, ''], [1, 'Two.']]);
  });

  test('<br>s before any text, or after a table, add no blank line', () => {
    expect(lines('<br><br>One.')).toEqual([[1, 'One.']]);
    expect(lines('<table><tr><td>A</td></tr></table><br><br>One.')).toEqual(['table', [1, 'One.']]);
  });

  test("a line's trailing blanks are dropped, a line of blanks is no line, &nbsp; is a blank", () => {
    expect(lines('<p>Net sales&nbsp;  \n   \nrose&nbsp;4%.</p>')).toEqual([[1, 'Net sales'], [3, 'rose 4%.'], [3, '']]);
  });
});

describe('the lines of a cell: <br> and blocks inside it', () => {
  const cells = (html: string) => {
    const t = readHtml(`<table><tr>${html}</tr></table>`).find((x) => x.kind === 'table');
    return t?.kind === 'table' ? t.table.rows[0].cells.map((c) => [c.text, c.lines]) : undefined;
  };

  test('a cell that opens with a <br> (a header set low in its cell) has each of its lines', () => {
    expect(cells('<td><br>Three Months Ended<br>June 30, 2004</td>')).toEqual([['Three Months Ended\nJune 30, 2004', [1, 1]]]);
  });

  test('paragraphs and divisions in a cell are its lines, inline elements are not, and empty ones or a second <br> add none', () => {
    expect(cells('<td><p>Net</p><p>sales</p></td><td><div>Net</div>sales</td><td>Net<p>sales</p></td><td><b>Net</b> <span>sales</span></td><td><p></p>Net<br><br>sales</td>')).toEqual([
      ['Net\nsales', [1, 1]], ['Net\nsales', [1, 1]], ['Net\nsales', [1, 1]], ['Net sales', [1]], ['Net\nsales', [1, 1]],
    ]);
  });

  test('each line of a cell keeps the source line its text starts on', () => {
    expect(cells('<td><br>\nThree Months Ended<br>\nJune 30,\n2004</td>')).toEqual([['Three Months Ended\nJune 30, 2004', [2, 3]]]);
    // `Net` on line 1 and `sales`, in an element of its own, on line 2 are one line of the cell: line 1's.
    expect(cells('<td>Net\n<b>sales</b></td>')).toEqual([['Net sales', [1]]]);
  });

  test('blanks before the text in an element inside the cell indent it, as blanks in the text do', () => {
    const indents = (html: string) => {
      const t = readHtml(`<table><tr>${html}</tr></table>`).find((x) => x.kind === 'table');
      return t?.kind === 'table' ? t.table.rows[0].cells.map((c) => c.indentPt) : undefined;
    };
    // Five points a blank: `&nbsp;&nbsp;` then `<font>Cash</font>` (Word's markup), or in Cash's own text.
    expect(indents('<td><p>&nbsp;&nbsp;<font>Cash</font></p></td><td>&nbsp;&nbsp;&nbsp;Cash</td><td>Cash</td>')).toEqual([10, 15, 0]);
    // After a <br> that sets the label low in its cell, alike whether the blanks stand in Cash's text or before its element.
    expect(indents('<td><br>&nbsp;&nbsp;<font>Cash</font></td><td><br>&nbsp;&nbsp;Cash</td><td><br><br>&nbsp;<font>&nbsp;Cash</font></td>')).toEqual([10, 10, 10]);
  });
});
