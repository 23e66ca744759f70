/**
 * Column headers of fixed-width tables: which header names which column of numbers. Headers are
 * laid out by hand in EDGAR text, so they stand over their numbers only roughly.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { readFiling } from '../src/filing/reader';
import { analyze } from '../src/pipeline';

/** A line with each text ending at the given (exclusive) column, right-aligned as EDGAR tables are. */
function row(label: string, cells: [text: string, end: number][]): string {
  let line = label;
  for (const [text, end] of cells) line = line.padEnd(end - text.length) + text;
  return line;
}

/** A small table whose two headers end `gap` blanks left of their numbers (seven characters wide at most). */
function table(gap: number): string {
  const ends = [52, 80];
  return [
    'SELECTED DATA (amounts in $ thousands)',
    row('', [['Q2 2004', ends[0] - 7 - gap], ['Q1 2004', ends[1] - 7 - gap]]),
    '-'.repeat(82),
    row('Revenue', [['$12,204', ends[0]], ['$11,110', ends[1]]]),
    row('Other revenue', [['96', ends[0]], ['90', ends[1]]]),
    row('Total revenue', [['12,300', ends[0]], ['11,200', ends[1]]]),
  ].join('\n');
}

describe('a header names the column it stands over or beside', () => {
  test('the test table is laid out as meant', () => {
    const lines = table(2).split('\n');
    // Two blanks between the end of each header and the start of the widest number of its column.
    expect(lines[3].indexOf('$12,204') - (lines[1].indexOf('Q2 2004') + 'Q2 2004'.length)).toBe(2);
    expect(lines[3].indexOf('$11,110') - (lines[1].indexOf('Q1 2004') + 'Q1 2004'.length)).toBe(2);
  });

  test.each([0, 1])('a header ending %i blanks left of its column still names it', (gap) => {
    const f = readFiling(table(gap), 'selected.txt');
    expect(f.tables).toHaveLength(1);
    expect(f.tables[0].columns.map((c) => c.period?.key)).toEqual(['2004Q2', '2004Q1']);
  });

  test.each([2, 3])('a header ending %i blanks left of its column is not its header', (gap) => {
    const f = readFiling(table(gap), 'selected.txt');
    expect(f.tables[0]?.columns.map((c) => c.period?.key) ?? []).not.toEqual(['2004Q2', '2004Q1']);
  });

  test("Southern's `2003  Change`: a header two blanks from the next column names only the column it stands over", () => {
    const text = readFileSync(path.resolve(__dirname, 'fixtures/filings/southern-2004q4-8k.txt'), 'utf8');
    const a = analyze([{ name: 'southern.txt', text }]);
    const facts = a.dataset.filingFacts()[0].facts;
    const at = (line: number, period: string) => facts.filter((f) => f.source.line === line && f.period.key === period).map((f) => f.value.toString());
    // Line 759 (Analysis of Consolidated Earnings, In Millions of Dollars): Total Revenues 2,721 and
    // 2,520 (3 months ended December 2004, 2003), 11,903 and 11,186 (12 months); the Change columns
    // (201, 717) are not the 2003 figures.
    expect(at(759, '2003Q4')).toEqual(['2520']);
    expect(at(759, 'FY2003')).toEqual(['11186']);
    // Line 683 (Significant Factors Impacting EPS): Consolidated Earnings $2.04 and $1.97 (12 months), change $0.07.
    expect(at(683, 'FY2003')).toEqual(['1.97']);
    // The twelve months of 2003 foot: 8,875 + 1,358 + 373 + 142 + 438 = 11,186 (lines 753-759).
    expect(a.checks.find((c) => c.id === 'table-subtotal:southern.txt:t3:L759@FY2003')?.status).toBe('tie');
  });
});

describe('headings and headers of a text table', () => {
  const tablesOf = (lines: string[]) => readFiling(['Example Corp (NYSE: EX)', '', 'SUMMARY (in millions)', '', ...lines, ''].join('\n'), 'x.txt').tables;
  const YEARS = '                                       2004      2003';

  test('blank lines end a section unless the next row stands further in than its heading (two blank lines, as one)', () => {
    const sections = (last: string) => tablesOf([YEARS, '', 'Revenue                                 100        90', 'Earnings per share:',
      '  Basic                                0.50      0.40', '', '', last])[0].rows.map((r) => [r.label, r.section]);
    expect(sections('  Diluted                              0.49      0.39')).toEqual([['Revenue', ''], ['Basic', 'Earnings per share'], ['Diluted', 'Earnings per share']]);
    expect(sections('Net income                               50        40')).toEqual([['Revenue', ''], ['Basic', 'Earnings per share'], ['Net income', '']]);
  });

  test('words stacked one per column (Retail & / Related) name their own column only', () => {
    const t = tablesOf([
      '                                   Retail &',
      '                                    Related     Other     Total',
      '                                       2004      2004      2004', '',
      'Revenue                                 100        20       120',
      'Costs                                    60        10        70',
    ])[0];
    expect(t.columns.map((c) => c.header)).toEqual(['Retail & Related 2004', 'Other 2004', 'Total 2004']);
  });

  test('segment names each centred over a pair of years name both years of their pair', () => {
    const t = tablesOf([
      '                          Domestic          Sears Canada         Consolidated',
      '                        2004      2003      2004      2003      2004      2003', '',
      'Revenue                  100        90        50        40       150       130',
      'Costs                     60        50        30        20        90        70',
    ])[0];
    expect(t.columns.map((c) => c.header)).toEqual(['Domestic 2004', 'Domestic 2003', 'Sears Canada 2004', 'Sears Canada 2003', 'Consolidated 2004', 'Consolidated 2003']);
  });

  test("Sears's segment words stacked over one column each (`Retail &`, `Credit &` over four) name their own column only", () => {
    // The header of Sears's Domestic segment detail (second quarter 2004), with its first rows.
    const t = tablesOf([
      '                                Retail &     Credit &',
      '                                Related      Financial  Corporate &   Total',
      '                                Services     Products     Other     Domestic', '',
      '    Merchandise sales and',
      '     services                     $7,771     $    -      $  100      $7,871',
      '    Credit and financial',
      '     products revenues                 -      1,266           -       1,266',
    ])[0];
    expect(t.columns.map((c) => c.header)).toEqual(['Retail & Related Services', 'Credit & Financial Products', 'Corporate & Other', 'Total Domestic']);
  });

  test("a word stacked on one column's label (`Earnings` over `Per Share`, beside `Pretax`) names that column only, not its pair", () => {
    // Sears's "Summary of Certain Significant Items" (second quarter 2004, lines 668-674): two words
    // over four columns would be even groups of two, but each `Earnings` lies within the
    // `Per Share` under it, which stands over one column.
    const t = tablesOf([
      '                                   For the 13 Weeks     For the 13 Weeks',
      '                                  Ended July 3, 2004   Ended June 28, 2003',
      '                                            Earnings             Earnings',
      '                                  Pretax   Per Share   Pretax    Per Share', '',
      '    Negative carry related to',
      '     Credit legacy debt             $19      $0.05     $   -      $    -', '',
      '    Special Charges                  41       0.12        28        0.06',
    ])[0];
    expect(t.columns.map((c) => c.header)).toEqual([
      'For the 13 Weeks Ended July 3, 2004 Pretax',
      'For the 13 Weeks Ended July 3, 2004 Earnings Per Share',
      'For the 13 Weeks Ended June 28, 2003 Pretax',
      'For the 13 Weeks Ended June 28, 2003 Earnings Per Share',
    ]);
  });

  test('a group header as wide as the label of one column under it but centred over two still names both', () => {
    // `Domestic` (8 wide) over `2004` and `Change %` (8 wide): it does not lie within `Change %`.
    const t = tablesOf([
      '                            Domestic',
      '                        2004    Change %', '',
      row('Revenue', [['100', 28], ['10.0', 40]]),
      row('Costs', [['60', 28], ['5.0', 40]]),
    ])[0];
    expect(t.columns.map((c) => c.header)).toEqual(['Domestic 2004', 'Domestic Change %']);
  });

  test("a title's brackets naming its scale or `(Unaudited)` are left out of it, as the HTML reader leaves them", () => {
    const lines = ['STATEMENTS OF OPERATIONS (Unaudited)', '(In thousands)', YEARS, '',
      'Revenue                                 100        90', 'Costs                                    60        50', ''];
    const html = '<html><body><p>STATEMENTS OF OPERATIONS (Unaudited)</p><p>(In thousands)</p><table><tr><td></td><td>2004</td><td>2003</td></tr>' +
      '<tr><td>Revenue</td><td>100</td><td>90</td></tr><tr><td>Costs</td><td>60</td><td>50</td></tr></table></body></html>';
    const [text] = readFiling(lines.join('\n'), 'x.txt').tables;
    const [fromHtml] = readFiling(html, 'x.htm').tables;
    expect([text.title, text.scale]).toEqual(['STATEMENTS OF OPERATIONS', 'thousands']);
    expect([fromHtml.title, fromHtml.scale]).toEqual(['STATEMENTS OF OPERATIONS', 'thousands']);
  });

  test('two stacked words over three columns (no even groups) name their own column only', () => {
    const t = tablesOf([
      '                                Retail &     Credit &',
      '                                Related      Financial  Corporate &',
      '                                Services     Products     Other', '',
      'Revenues                           7,771      1,266         100',
      'Costs                              5,662        215          41',
    ])[0];
    expect(t.columns.map((c) => c.header)).toEqual(['Retail & Related Services', 'Credit & Financial Products', 'Corporate & Other']);
  });

  test("a header wider than the figures under it (`Three Months Ended` over `$10.5`) heads its own column, not the title's", () => {
    // `Three Months Ended` starts 13 characters left of `$10.5`, right of every row label; it was
    // read as title text, and `Six Months Ended` then spread over both columns.
    const t = tablesOf([
      '                                        Three Months Ended      Six Months Ended',
      '                                            March 31, 2004         June 30, 2004', '',
      'Total Operating Revenues                              $10.5                $21.25',
      'Adjusted EBITDA                                        $1.5                 $3.25',
    ])[0];
    expect([t.title, t.columns.map((c) => c.period?.key)]).toEqual(['SUMMARY', ['2004Q1', '6M2004-06-30']]);
  });

  test('a table of one column outside <TABLE> tags is a table, its title and rows as printed', () => {
    const t = tablesOf(['                                   2004', '', 'Alpha                                10', 'Beta                                 20']);
    expect(t.map((x) => [x.title, x.columns.map((c) => c.period?.key), x.rows.map((r) => `${r.label} ${r.cells.map((c) => c.amount.text)}`)])).toEqual([['SUMMARY', ['FY2004'], ['Alpha 10', 'Beta 20']]]);
  });

  test('a table whose headers name no period is kept, its numbers left out, and said', () => {
    const f = readFiling(['Example Corp (NYSE: EX)', '', 'SEGMENTS (in millions)', '', '                                   Domestic   Foreign     Total', '',
      'Revenue                                 100        20       120', 'Costs                                    60        10        70', ''].join('\n'), 'x.txt');
    expect(f.tables.map((t) => t.columns.map((c) => [c.header, c.period]))).toEqual([[['Domestic', undefined], ['Foreign', undefined], ['Total', undefined]]]);
    // (Its title is not found: with no line naming periods, the lines above the rows are read as leading rows.)
    expect(f.diagnostics.map((d) => [d.severity, d.message])).toEqual([['warning', expect.stringMatching(/^table '.*' names no period in its column headers; its numbers are left out$/)]]);
  });

  test('a duration over several columns names each of them', () => {
    const t = tablesOf([
      '                                       Three Months Ended',
      '                                   June 30,  March 31,  June 30,',
      '                                       2004      2004      2003', '',
      'Revenue                                 100        20       120',
      'Costs                                    60        10        70',
    ])[0];
    expect(t.columns.map((c) => c.period?.key)).toEqual(['2004Q2', '2004Q1', '2003Q2']);
  });
});
