/**
 * Where the tables of a plain-text release are, outside <TABLE> tags and inside them: a run of
 * figure lines is a table until running prose or a long gap breaks it, a line naming periods or a
 * guidance range starts a new table, blank lines (however many blanks they hold) end a section,
 * and a total row closes the section it totals.
 */
import { readFiling } from '../src/filing/reader';

/** A release whose lines below `SUMMARY (in millions)` are `lines`, outside <TABLE> tags. */
const release = (lines: string[]) => readFiling(['Example Corp (NYSE: EX)', '', 'SUMMARY (in millions)', '', ...lines, ''].join('\n'), 'x.txt');
const YEARS = '                                       2004      2003';
/** Each table's rows, by label. */
const rowsOf = (lines: string[]) => release(lines).tables.map((t) => t.rows.map((r) => r.label));

describe('running prose breaks an untagged table; a short or gappy line of words does not', () => {
  /** A table of four rows with `middle` between its second and third. */
  const around = (middle: string) => rowsOf([YEARS, '',
    'Revenue                                 100        90', 'Costs                                    60        50', middle,
    'Other                                    10         5', 'Net income                               30        35']);
  const ONE = [['Revenue', 'Costs', 'Other', 'Net income']];
  const TWO = [['Revenue', 'Costs'], ['Other', 'Net income']];

  test('the test lines are as long as meant', () => {
    expect(['Sales grew as customers bought more of everything.', 'Sales grew as customers bought more of everything'].map((t) => [t.length, t.split(' ').length])).toEqual([[50, 8], [49, 8]]);
    expect('Management believes operating performance improved considerably overall'.split(' ')).toHaveLength(7);
  });

  test('a line of eight words and fifty characters is prose: the rows below it are a table of their own', () => {
    expect(around('Sales grew as customers bought more of everything.')).toEqual(TWO);
    expect(around('Sales grew as customers bought more of the new lines this year.')).toEqual(TWO);
    // (Two blanks after a full stop are no gutter.)
    expect(around('Sales grew.  Customers bought more of the new lines this year.')).toEqual(TWO);
  });

  test('forty-nine characters are no prose, even in eight words', () => {
    expect(around('Sales grew as customers bought more of everything')).toEqual(ONE);
  });

  test('seven words are no prose, however long the line (and two blanks between words are still one gap)', () => {
    expect(around('Management believes operating performance improved considerably overall')).toEqual(ONE);
    expect(around('Management believes  operating performance improved considerably overall')).toEqual(ONE);
  });

  test('words with a gutter of three blanks are a line of a table, not prose', () => {
    expect(around('Sales rose as customers bought   more of the new lines')).toEqual(ONE);
  });

  test('up to eight lines without figures keep one table; a ninth splits it', () => {
    expect(around(Array(8).fill('').join('\n'))).toEqual(ONE);
    expect(around(Array(9).fill('').join('\n'))).toEqual(TWO);
  });

  test('the gap is counted from the last line of figures: five blank lines, a row, five more keep one table', () => {
    expect(rowsOf([YEARS, '', 'Revenue                                 100        90', '', '', '', '', '',
      'Costs                                    60        50', '', '', '', '', '', 'Net income                               40        40'])).toEqual([['Revenue', 'Costs', 'Net income']]);
  });

  test('a lone line of figures inside prose is no table; two are', () => {
    const prose = 'Revenue for the quarter increased on the strength of new customer orders.';
    expect(rowsOf([prose, 'Revenue                                 100        90', prose])).toEqual([]);
    expect(rowsOf([prose, 'Revenue                                 100        90', 'Costs                                    60        50', prose])).toEqual([['Revenue', 'Costs']]);
  });
});

describe('a blank line holding blanks is a blank line', () => {
  test('blank lines of spaces end a section unless the next row stands further in than its heading', () => {
    const read = (last: string) => release([YEARS, '   ', 'Revenue                                 100        90', 'Earnings per share:',
      '  Basic                                0.50      0.40', '      ', '  ', last]).tables.map((t) => t.rows.map((r) => [r.label, r.section]));
    expect(read('  Diluted                              0.49      0.39')).toEqual([[['Revenue', ''], ['Basic', 'Earnings per share'], ['Diluted', 'Earnings per share']]]);
    expect(read('Net income                               50        40')).toEqual([[['Revenue', ''], ['Basic', 'Earnings per share'], ['Net income', '']]]);
  });
});

describe('a line naming a guidance range starts a new table inside <TABLE> tags', () => {
  /** A tagged table of a quarter's results, then `line`, then two more rows. */
  const tagged = (line: string) => readFiling(['Example Corp (NYSE: EX)', '', 'RESULTS AND OUTLOOK', '<TABLE>',
    '                                          Three Months Ended', '                                            March 31, 2005', '<S>',
    'Revenue                                               100', 'Adjusted EBITDA                                        10', '',
    line,
    'Revenue                                       105        115', 'Adjusted EBITDA                                11         13',
    '</TABLE>', ''].join('\n'), 'x.txt').tables.map((t) => t.rows.map((r) => r.label));
  const TWO = [['Revenue', 'Adjusted EBITDA'], ['Revenue', 'Adjusted EBITDA']];
  const ONE = [['Revenue', 'Adjusted EBITDA', 'Revenue', 'Adjusted EBITDA']];

  test('`Guidance` or `Range` with columns of words after a gutter (two blanks are one)', () => {
    expect(tagged('Second quarter guidance:                        Low       High')).toEqual(TWO);
    expect(tagged('                                          Low Range  High Range')).toEqual(TWO);
    expect(tagged('                                         GUIDANCE RANGE:  LOW  HIGH')).toEqual(TWO);
  });

  test('the words alone, single-spaced however far in they stand, head no table', () => {
    expect(tagged('                                            Guidance Range')).toEqual(ONE);
    expect(tagged('Outlook for the second quarter, within the guidance range')).toEqual(ONE);
  });

  test('columns of words without the words (or with `Ranges`) head no table', () => {
    expect(tagged('Second quarter outlook:                         Low       High')).toEqual(ONE);
    expect(tagged('Price ranges:                                   Low       High')).toEqual(ONE);
  });
});

describe('a total row closes the section it totals', () => {
  const sections = (lines: string[]) => release([YEARS, '', ...lines]).tables.map((t) => t.rows.map((r) => [r.label, r.section]));

  test('`Total revenues` closes `Revenues:`; the rows below it stand in no section', () => {
    expect(sections(['Revenues:', '  Product                               100        90', '  Service                                50        40',
      '  Total revenues                        150       130', 'Net income                                20        10'])).toEqual([[
      ['Product', 'Revenues'], ['Service', 'Revenues'], ['Total revenues', 'Revenues'], ['Net income', ''],
    ]]);
  });

  test('the section words are matched without their punctuation, in any case', () => {
    expect(sections(['Costs and Expenses-', '  Cost of sales                          60        50', '  Selling                                20        15',
      '  Total Costs and Expenses               80        65', 'Net income                                20        10'])).toEqual([[
      ['Cost of sales', 'Costs and Expenses-'], ['Selling', 'Costs and Expenses-'], ['Total Costs and Expenses', 'Costs and Expenses-'], ['Net income', ''],
    ]]);
  });

  test('a footnote mark on the section heading (`Revenues (1):`) is no part of its words', () => {
    expect(sections(['Revenues (1):', '  Product                               100        90', '  Total revenues                        100        90',
      'Net income                                20        10'])).toEqual([[['Product', 'Revenues (1)'], ['Total revenues', 'Revenues (1)'], ['Net income', '']]]);
  });

  test('a total of something else, or a subtotal, leaves the section open', () => {
    expect(sections(['Revenues:', '  Product                               100        90', '  Total product                         100        90',
      '  Service                                50        40', '  Subtotal revenues                     150       130', '  Other                                  5         4'])).toEqual([[
      ['Product', 'Revenues'], ['Total product', 'Revenues'], ['Service', 'Revenues'], ['Subtotal revenues', 'Revenues'], ['Other', 'Revenues'],
    ]]);
  });
});

describe('the scale of a table', () => {
  test('a scale statement standing over the columns, under a title naming none, scales the table', () => {
    const t = readFiling(['Example Corp (NYSE: EX)', '', 'SELECTED DATA', '                                        (in thousands)', YEARS, '',
      'Revenue                                 100        90', 'Costs                                    60        50', ''].join('\n'), 'x.txt').tables;
    expect(t.map((x) => [x.scale, x.rows.length])).toEqual([['thousands', 2]]);
  });
});
