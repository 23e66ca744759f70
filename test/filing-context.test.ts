/**
 * What a table's surroundings and a release's words say, read by the reader's small parts: the
 * kind and scale of a row from its label, section and scale statement; a table's title from the
 * lines above it; the precision a printed dash takes; the member a column header names; the
 * company a release names; notes and sentences of the running text with their figures.
 * Every expected value is read off the input as a person reads it.
 */
import Decimal from 'decimal.js';
import { readFiling } from '../src/filing/reader';
import { memberOf } from '../src/filing/columns';
import { detectCompany } from '../src/filing/company';
import { readSentences } from '../src/filing/sentences';
import { figureKind, keepsSection, rowKindOf, settleDashes, titleOf, type RowUnits } from '../src/filing/table-context';
import type { AmountKind, Cell, Scale, Table, TableRow } from '../src/filing/types';

/** A table's scale statement and scale (and title), as the readers hand them to `rowKindOf`. */
function units(scaleText: string, tableScale: Scale, title?: string): RowUnits {
  return { scaleText, tableScale, title };
}

describe('the scale of a share count', () => {
  const shares = 'Weighted average shares outstanding';

  test.each<[string, Scale]>([
    ['(in thousands)', 'thousands'],
    ['(in millions)', 'millions'],
    ['(In Billions)', 'billions'],
    ['in thousands', 'thousands'],
    ['in millions', 'millions'],
    ['in billions', 'billions'],
  ])("the label's own `%s` gives its scale, whatever the table's", (own, scale) => {
    expect(rowKindOf(`${shares} ${own}`, '', units('in dollars', 'units'))).toEqual({ kind: 'shares', scale });
  });

  test('a section heading printed with runs of blanks (`(in  thousands)`, `( in  millions )`) still gives its scale', () => {
    // Headings keep the blanks they are printed with; the table itself is in billions.
    const table = units('', 'billions');
    expect(rowKindOf('Basic weighted average shares', 'Shares outstanding (in  thousands)', table)).toEqual({ kind: 'shares', scale: 'thousands' });
    expect(rowKindOf('Basic weighted average shares', 'Shares outstanding ( in  millions )', table)).toEqual({ kind: 'shares', scale: 'millions' });
    expect(rowKindOf('Basic weighted average shares', 'Shares outstanding (in\tthousands )', table)).toEqual({ kind: 'shares', scale: 'thousands' });
  });

  test('a label naming no scale takes the scale the table states for shares', () => {
    const label = 'Weighted average common shares outstanding';
    expect(rowKindOf(label, '', units('In millions, except share amounts which are reflected in thousands', 'millions')).scale).toBe('thousands');
    expect(rowKindOf(label, '', units('Dollars in thousands, shares in millions', 'thousands')).scale).toBe('millions');
    expect(rowKindOf(label, '', units('In millions; share data in thousands', 'millions')).scale).toBe('thousands');
    expect(rowKindOf(label, '', units('In billions, except share counts stated in millions', 'billions')).scale).toBe('millions');
    expect(rowKindOf(label, '', units('In millions, share count presented in thousands', 'millions')).scale).toBe('thousands');
    expect(rowKindOf(label, '', units('In millions, shares shown in billions', 'millions')).scale).toBe('billions');
    expect(rowKindOf(label, '', units('In millions, except share amounts which are in thousands', 'millions')).scale).toBe('thousands');
  });

  test('`except share ...` or `except shares` leaves share counts in units; `except per share` leaves them in the table\'s scale', () => {
    const label = 'Shares used in computing per share amounts';
    expect(rowKindOf(label, '', units('amounts in $ thousands, except share and per share amounts', 'thousands')).scale).toBe('units');
    expect(rowKindOf(label, '', units('In millions, except shares', 'millions')).scale).toBe('units');
    expect(rowKindOf(label, '', units('In thousands, except per share amounts', 'thousands')).scale).toBe('thousands');
    expect(rowKindOf(label, '', units('In millions, except per diluted share data', 'millions')).scale).toBe('millions');
    expect(rowKindOf(label, '', units('In millions, except per common share', 'millions')).scale).toBe('millions');
    expect(rowKindOf(label, '', units('In millions, except per basic share', 'millions')).scale).toBe('millions');
    expect(rowKindOf(label, '', units('In millions, except per ordinary share', 'millions')).scale).toBe('millions');
    expect(rowKindOf(label, '', units('', 'thousands')).scale).toBe('thousands');
  });

  test('the text reader gives a section\'s `(in   thousands)` to the share counts under it', () => {
    const text = [
      'Mpower Holding Corporation (AMEX: MPE)',
      '',
      'SELECTED DATA (amounts in $ millions)',
      '                                                        Q2 2004',
      '--------------------------------------------------------------',
      'Total revenue                                             38.5',
      'Weighted average shares (in   thousands):',
      '    Basic                                               84,122',
      '',
    ].join('\n');
    const basic = readFiling(text, 'selected.txt').tables[0]?.rows.find((r) => r.label === 'Basic');
    expect(basic?.section).toBe('Weighted average shares (in   thousands)');
    expect(basic?.cells.map((c) => c.amount.kind)).toEqual(['shares']);
    expect(basic?.scale).toBe('thousands');
  });
});

describe("the kind a row's label, section or table title gives its figures", () => {
  const plain = units('in thousands', 'thousands');

  test.each<[string, string, ReturnType<typeof rowKindOf>]>([
    ['Common stock, $.01 par value; authorized 30,000,000 shares', '', { kind: 'money' }],
    ['Treasury stock', '', { kind: 'money' }],
    ['Diluted net loss per share', '', { kind: 'per-share', scale: 'units' }],
    ['Dividends declared per common share', '', { kind: 'per-share', scale: 'units' }],
    ['Average exchange rate', '', { kind: 'ratio', scale: 'units' }],
    ['Gross margin %', '', { kind: 'percent', scale: 'units' }],
    ['Effective tax rate', '', { kind: 'percent', scale: 'units' }],
    ['Basic', 'Weighted average shares', { kind: 'shares', scale: 'thousands' }],
    ['Basic', 'Shares', { kind: 'shares', scale: 'thousands' }],
    ['Net income', 'Per share data', { kind: 'per-share', scale: 'units' }],
    ['Continuing operations', 'Diluted', { kind: 'per-share', scale: 'units' }],
    ['Domestic', 'Percent of revenue', { kind: 'percent', scale: 'units' }],
    ['Domestic', 'Margin rate ($)', {}],
    ['Revenue', 'Operating revenues', {}],
  ])('%s (under `%s`)', (label, section, expected) => {
    expect(rowKindOf(label, section, plain)).toEqual(expected);
  });

  test('a table titled for EPS prints per-share figures, unless its title excepts them', () => {
    expect(rowKindOf('Consolidated earnings', '', units('', 'units', 'Significant Factors Impacting EPS'))).toEqual({ kind: 'per-share', scale: 'units' });
    expect(rowKindOf('Consolidated earnings', '', units('', 'units', 'Earnings per diluted share'))).toEqual({ kind: 'per-share', scale: 'units' });
    expect(rowKindOf('Consolidated earnings', '', units('', 'millions', 'Income (in millions, except EPS)'))).toEqual({});
  });

  test("a figure's kind: its own `%`, then a share-count row, the column's kind, the row's, `$0.59` beside Basic or Diluted, else the fallback", () => {
    const token = (percent: boolean, dollar: boolean, decimals: number) => ({ percent, dollar, decimals });
    const money = (): AmountKind => 'money';
    expect(figureKind(token(true, false, 1), { kind: 'shares' }, {}, 'Basic', money)).toBe('percent');
    expect(figureKind(token(false, false, 1), {}, { measure: 'percent-change' }, 'Revenue', money)).toBe('percent');
    expect(figureKind(token(false, false, 1), {}, { measure: 'percent-of' }, 'Revenue', money)).toBe('percent');
    expect(figureKind(token(false, false, 0), { kind: 'shares' }, { kind: 'per-share' }, 'Basic', money)).toBe('shares');
    expect(figureKind(token(false, false, 2), { kind: 'money' }, { kind: 'per-share' }, 'Net income', money)).toBe('per-share');
    expect(figureKind(token(false, false, 0), { kind: 'ratio' }, {}, 'Exchange rate', money)).toBe('ratio');
    expect(figureKind(token(false, true, 2), {}, {}, '  Diluted', money)).toBe('per-share');
    expect(figureKind(token(false, true, 2), {}, {}, 'basic', money)).toBe('per-share');
    expect(figureKind(token(false, true, 1), {}, {}, 'Basic', money)).toBe('money');
    expect(figureKind(token(false, false, 2), {}, {}, 'Basic', money)).toBe('money');
    expect(figureKind(token(false, true, 2), {}, {}, 'Net income, basic', money)).toBe('money');
  });

  test('a blank line between Basic and Diluted keeps their heading; any other blank line does not', () => {
    expect(keepsSection('Basic', 'Diluted')).toBe(true);
    expect(keepsSection('  basic loss per share ', ' diluted')).toBe(true);
    expect(keepsSection('Diluted', 'Basic')).toBe(false);
    expect(keepsSection('Basic', 'Total')).toBe(false);
    expect(keepsSection(undefined, 'Diluted')).toBe(false);
    expect(keepsSection('Basic', undefined)).toBe(false);
  });
});

describe('the title of a table, from the lines above it', () => {
  test.each<[string, string]>([
    ['CONSOLIDATED BALANCE SHEETS (in thousands)', 'CONSOLIDATED BALANCE SHEETS'],
    ['STATEMENTS OF OPERATIONS (In thousands, except per share data)', 'STATEMENTS OF OPERATIONS'],
    ['STATEMENTS OF OPERATIONS (Dollars in Millions, except per share amounts', 'STATEMENTS OF OPERATIONS'],
    ['SEGMENT DATA (in thousand)', 'SEGMENT DATA'],
    ['SEGMENT DATA (in million)', 'SEGMENT DATA'],
    ['SEGMENT DATA (in billion)', 'SEGMENT DATA'],
    ['SEGMENT DATA (Thousands of Dollars)', 'SEGMENT DATA'],
    ['BALANCE SHEETS (Unaudited)', 'BALANCE SHEETS'],
    ['INCOME STATEMENT (Unaudited) (In millions)', 'INCOME STATEMENT'],
    ['(Unaudited) INCOME STATEMENT', 'INCOME STATEMENT'],
    ['  CONSOLIDATED   BALANCE    SHEETS  ', 'CONSOLIDATED BALANCE SHEETS'],
    ['EARNINGS (See Note 2)', 'EARNINGS (See Note 2)'],
    ['REVENUE amounts in thousands', 'REVENUE amounts in thousands'],
  ])('%s', (line, title) => {
    expect(titleOf([line], [], 'Table')).toBe(title);
  });

  test('lines that are only a scale statement, a note of unaudited, an exhibit or page mark are passed over', () => {
    const skipped = ['Amounts in thousands, except per share data', '(Dollars in millions)', 'Unaudited', '(unaudited)', 'Exhibit 99.1',
      '- more -', '-more-', 'Table to follow', 'Page 3', '12', '###', ''];
    expect(titleOf(['BALANCE SHEET', ...skipped], [], 'Table')).toBe('BALANCE SHEET');
    for (const line of skipped) expect(titleOf([line], [], 'Assets')).toBe('Assets');
  });

  test('the nearest two lines are joined with a dash, the caption after the lines above', () => {
    expect(titleOf(['MPOWER HOLDING CORPORATION', 'CONSOLIDATED', 'STATEMENTS OF OPERATIONS'], [], 'Table')).toBe('CONSOLIDATED — STATEMENTS OF OPERATIONS');
    expect(titleOf(['MPOWER HOLDING CORPORATION'], ['BALANCE SHEET'], 'Table')).toBe('MPOWER HOLDING CORPORATION — BALANCE SHEET');
    expect(titleOf([], [], 'Total revenue')).toBe('Total revenue');
  });

  test('a line of running text (over 110 characters, or over 60 ending a sentence of ten words) is no title and ends the lines above it', () => {
    const words = (lengths: number[], end: string) => lengths.map((n) => 'abcdefghij'.slice(0, n)).join(' ') + end;
    const long = 'OPERATING DATA '.repeat(8);
    const cases: [line: string, length: number, count: number, prose: boolean][] = [
      [long.slice(0, 110), 110, 15, false],
      [long.slice(0, 111), 111, 15, true],
      [words([6, 5, 5, 5, 5, 5, 5, 5, 5, 5], ':'), 61, 10, true],
      [words([6, 5, 5, 5, 5, 5, 5, 5, 5, 5], '.'), 61, 10, true],
      [words([6, 5, 5, 5, 5, 5, 5, 5, 5, 5], ';'), 61, 10, true],
      [words([5, 5, 5, 5, 5, 5, 5, 5, 5, 5], ':'), 60, 10, false],
      [words([6, 6, 6, 6, 6, 6, 6, 6, 4], ':'), 61, 9, false],
      [words([6, 5, 5, 5, 5, 5, 5, 5, 5, 6], ''), 61, 10, false],
      [words([5, 5, 5, 5, 5, 5, 5, 5, 5, 6], '').replace(' ', ': '), 61, 10, false],
    ];
    for (const [line, length, count, prose] of cases) {
      expect([line.length, line.split(' ').length]).toEqual([length, count]);
      expect(titleOf(['SEGMENT RESULTS', line, 'REVENUE'], [], 'Table')).toBe(prose ? 'REVENUE' : `${line} — REVENUE`);
    }
  });
});

/** A cell of a made-up table: the printed text, its kind, the digits after its point. */
function cell(column: number, text: string, kind: AmountKind): Cell {
  const digits = /\d+(?:\.(\d+))?/.exec(text.replace(/,/g, ''));
  const value = new Decimal(digits ? digits[0] : 0);
  return { column, amount: { value, kind, text, decimals: digits?.[1]?.length ?? 0 }, line: 1, span: [0, text.length] };
}

function tableOf(rows: [label: string, ...cells: Cell[]][]): Table {
  const tableRows: TableRow[] = rows.map(([label, ...cells], i) => ({ label, indent: 0, section: '', ruleAbove: false, line: i + 1, labelLine: i + 1, text: label, cells }));
  return { id: 't1', title: 'T', scaleText: '', scale: 'units', columns: [], rows: tableRows, lines: [1, rows.length] };
}

const decimalsOf = (t: Table) => t.rows.map((r) => r.cells.map((c) => c.amount.decimals));

describe('a printed dash takes the precision of the figures it stands among', () => {
  test("among the row's figures of its kind, the most decimals of them (not of figures of another kind)", () => {
    const t = tableOf([
      ['Diluted', cell(0, '$0.25', 'per-share'), cell(1, '-', 'per-share'), cell(2, '4.125%', 'percent')],
      ['Basic', cell(0, '$0.2', 'per-share'), cell(1, '$0.125', 'per-share'), cell(2, '4.1%', 'percent')],
    ]);
    settleDashes(t);
    expect(decimalsOf(t)).toEqual([[2, 2, 3], [1, 3, 1]]);
  });

  test('a row of dashes only: the most decimals of its column\'s figures of its kind', () => {
    const t = tableOf([
      ['Revenue', cell(0, '1,204.5', 'money'), cell(1, '1,100.25', 'money')],
      ['Loss per share from discontinued operations', cell(0, '-', 'per-share'), cell(1, '-', 'per-share')],
      ['Net loss per share', cell(0, '$(0.02)', 'per-share'), cell(1, '$(0.1)', 'per-share')],
    ]);
    settleDashes(t);
    expect(decimalsOf(t)).toEqual([[1, 2], [2, 1], [2, 1]]);
  });

  test('a dash already settled lends its precision to no other dash of its column', () => {
    const t = tableOf([
      ['Basic', cell(0, '$0.25', 'per-share'), cell(1, '-', 'per-share')],
      ['Diluted', cell(0, '-', 'per-share'), cell(1, '-', 'per-share')],
    ]);
    settleDashes(t);
    expect(decimalsOf(t)).toEqual([[2, 2], [2, 0]]);
  });

  test('`$ -` and `—` are dashes; a zero printed with digits keeps its own precision; a dash among no figures of its kind keeps 0', () => {
    const t = tableOf([
      ['Net loss per share', cell(0, '$0.02', 'per-share'), cell(1, '$ -', 'per-share'), cell(2, '—', 'per-share'), cell(3, '0', 'per-share')],
      ['Shares repurchased', cell(0, '1.5', 'money'), cell(1, '-', 'shares')],
    ]);
    settleDashes(t);
    expect(decimalsOf(t)).toEqual([[2, 2, 2, 0], [1, 0]]);
    expect([t.rows[0].cells[1].amount.text, t.rows[0].cells[1].amount.kind]).toEqual(['$ -', 'per-share']);
  });
});

describe('the member a column header names', () => {
  test.each<[string, string | undefined]>([
    ['Pro Forma Combined', 'pro forma'],
    ['Proforma', 'pro forma'],
    ['Pro-Forma Combined', 'pro forma'],
    ['Pro - Forma Combined', 'pro forma'],
    ['Pro- Forma Combined', 'pro forma'],
    ['Professional Services', 'professional services'],
    ['Excluding Special Items', 'excluding special items'],
    ['Excl. charges', 'excl. charges'],
    ['Before restructuring', 'before restructuring'],
    ['Before one-time charges', 'before one-time charges'],
    ['Excluding one-time   items', 'excluding one-time items'],
    ['Adjustment', 'adjustments'],
    ['Non GAAP Adjustments', 'adjustments'],
    ['Nongaap', 'non-gaap'],
    ['Domestic Q2 2004', 'domestic'],
    ['Marine Engine', 'marine engine'],
    ['Decorative Products Sept. 2004', 'decorative products'],
    ['Junior Apparel Mar 2004', 'junior apparel'],
    ['Retail & Related Services 2004', 'retail related services'],
    ['Year/Year', 'yoy'],
    ['Year-over-Year', 'yoy'],
    ['Year over Year', 'yoy'],
    ["Domestic '04", 'domestic'],
    ['Domestic 6/30/04', 'domestic'],
    ['Domestic $000s', 'domestic'],
    ['Domestic $m', 'domestic'],
    ['Versus Prior Year', 'yoy'],
  ])('%s', (header, member) => {
    expect(memberOf(header)).toBe(member);
  });

  test.each([
    'Q2 2004', "Actual '04", '6/30/2004', 'Twelve Weeks Ended', 'Fiscal Year', 'YTD', 'As Reported', 'Restated',
    'Guidance Range Low', 'Outlook High', '$000s', '$ in millions', 'Percent Change', '% Inc (Dec)', 'Sept. 2004', 'Versus',
    'Three Months Ended June 30, 2004', 'Nine Months Ending Sept. 30', '1st Quarter', 'Fifty-two weeks', 'Estimated Minimum',
    'Total Consolidated', 'Amounts except per share data', 'Better (Worse)', 'Dec. 31, 2003', 'January 31, 2004', 'Jan. 2004',
  ])('%s names no member', (header) => {
    expect(memberOf(header)).toBeUndefined();
  });

  test("the company's name over a column, dots inside it (`Amazon.com, Inc.`) and all, names no member", () => {
    expect(memberOf('Amazon.com North America', 'Amazon.com, Inc.')).toBe('north america');
    expect(memberOf('Amazon.com, Inc.', 'Amazon.com, Inc.')).toBeUndefined();
    expect(memberOf('Amazon.com  International', 'Amazon.com,  Inc.')).toBe('international');
    expect(memberOf('Sears, Roebuck and Co.', 'Sears, Roebuck and Co.')).toBeUndefined();
    // A name of one word is not taken out: `Sears Canada` under Sears.
    expect(memberOf('Sears Canada', 'Sears')).toBe('sears canada');
  });
});

describe('the company a release names', () => {
  const none = { company: '', cik: '' };
  const found = (head: string, envelope: { company: string; cik: string } = none) => {
    const c = detectCompany(head, envelope);
    return [c.name, c.ticker, c.cik];
  };

  test('a bracket with no name before it is passed over for the next', () => {
    expect(found('traded as (NASDAQ: ACME) since 1999, Acme Inc. (NASDAQ: ACME) reported')).toEqual(['Acme Inc.', 'ACME', '']);
    expect(found('(NYSE: XX) and so on')).toEqual(['', '', '']);
  });

  test('a name and its bracket broken over lines and runs of blanks read as printed on one line', () => {
    expect(found('ROCHESTER, NY - July 29, 2004 - Mpower\n   Holding    Corporation\n  (AMEX:\n   MPE) today')).toEqual(['Mpower Holding Corporation', 'MPE', '']);
    expect(found('Loews Corporation (NYSE\n Amex: LTR) reported')).toEqual(['Loews Corporation', 'LTR', '']);
    // Blanks count once toward how far before its bracket a name may start: a 70-letter name
    // with hundreds of blanks inside it is still found whole.
    const wide = `Alpha${' '.repeat(300)}Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu`;
    expect(found(`${wide} (NYSE: ABC) reported`)).toEqual(['Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu', 'ABC', '']);
    // A name beyond reach (over 81 characters) is cut to what the reach allows, blanks or no blanks.
    const long = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho';
    const folded = found(`${long} (NYSE: ABC)`)[0];
    expect(found(`${long.replace(/ /g, '   \n ')} (NYSE: ABC)`)[0]).toBe(folded);
    expect(long.endsWith(folded) && folded.length < long.length).toBe(true);
  });

  test('datelines with en and em dashes, and `today`, stand before the name, not in it', () => {
    expect(found('ROCHESTER, NY – July 29, 2004 – Mpower Holding Corporation (AMEX: MPE) today announced')).toEqual(['Mpower Holding Corporation', 'MPE', '']);
    expect(found('ROCHESTER, NY—July 29, 2004—Mpower Holding Corporation (AMEX: MPE) today announced')).toEqual(['Mpower Holding Corporation', 'MPE', '']);
    expect(found('CUPERTINO, California--October 13, 2004--Apple Computer, Inc. (NASDAQ: AAPL) today announced')).toEqual(['Apple Computer, Inc.', 'AAPL', '']);
    expect(found('BOSTON, MA - today Acme Corp. (NYSE: ACM) reported')).toEqual(['Acme Corp.', 'ACM', '']);
    expect(found('Acme Corp., (NYSE: ACM) reported')).toEqual(['Acme Corp.', 'ACM', '']);
  });

  test('a release naming no listed name keeps the filer the envelope names (Stryker, say), without a ticker', () => {
    expect(found('Results for the quarter were strong.', { company: 'STRYKER CORP', cik: '0000310764' })).toEqual(['STRYKER CORP', '', '0000310764']);
    expect(found('(GAAP) results rose.', { company: 'STRYKER CORP', cik: '0000310764' })).toEqual(['STRYKER CORP', '', '0000310764']);
  });

  test('a bare ticker is looked for only when the envelope names a filer, and kept only when the names agree', () => {
    expect(found('Southern Company (SO) said')).toEqual(['', '', '']);
    expect(found('Sears, Roebuck and Co. (S) reported', { company: 'SEARS ROEBUCK & CO', cik: '87996' })).toEqual(['Sears, Roebuck and Co.', 'S', '87996']);
    expect(found('Acme Corp. (ACM) agreed to buy', { company: 'SEARS ROEBUCK & CO', cik: '87996' })).toEqual(['SEARS ROEBUCK & CO', '', '87996']);
  });
});

/** Lines of running text, numbered from `first`. */
function linesFrom(first: number, texts: string[]) {
  return texts.map((text, i) => ({ no: first + i, text }));
}

describe('notes and sentences of the running text', () => {
  const none = () => undefined;
  const kinds = (texts: string[]) => readSentences(linesFrom(1, texts), none).map((s) => s.kind);

  test.each([
    'Note 1: Revenue includes $2.5 million of fees.',
    'Note 12: Revenue includes fees.',
    'Note 1 : Revenue includes fees.',
    'Note  2. Revenue includes fees.',
    'Note\t3. Revenue includes fees.',
    'NOTE 3: Revenue includes fees.',
    'note 4.Revenue includes fees.',
  ])('`%s` is a note', (text) => {
    // (`Note 2. Revenue ...` is two sentences of one note.)
    expect([...new Set(kinds([text]))]).toEqual(['note']);
  });

  test.each([
    'See Note 1: revenue includes fees.',
    'Note 1 - Revenue includes fees.',
    'Notes 1: Revenue includes fees.',
    'Note1: Revenue includes fees.',
    'Note one: Revenue includes fees.',
    'Note: Revenue includes fees.',
  ])('`%s` is narrative', (text) => {
    expect([...new Set(kinds([text]))]).toEqual(['narrative']);
  });

  test('every sentence of a note is the note\'s; the next paragraph is narrative again', () => {
    expect(kinds(['Note 1: Revenue includes fees. Costs exclude', 'depreciation.', '', 'Revenue rose.'])).toEqual(['note', 'note', 'narrative']);
  });

  test('a paragraph is its lines trimmed and joined with one blank; blank lines part paragraphs', () => {
    const s = readSentences(linesFrom(3, ['   Revenue rose', '  to a record.  ', '   ', '', 'costs fell.', '\t ', 'Note 1: Fees.']), none);
    expect(s.map((x) => [x.text, x.line, x.kind])).toEqual([['Revenue rose to a record.', 3, 'narrative'], ['costs fell.', 7, 'narrative'], ['Note 1: Fees.', 9, 'note']]);
  });

  test('a sentence ends at `.`, `!` or `?` before a capital (or a quote or bracket and a capital), not after an abbreviation', () => {
    const texts = (t: string) => readSentences(linesFrom(1, [t]), none).map((x) => x.text);
    expect(texts('Revenue rose. Costs fell! Why? "We are pleased," he said. (See Note 2.)'))
      .toEqual(['Revenue rose.', 'Costs fell!', 'Why?', '"We are pleased," he said.', '(See Note 2.)']);
    expect(texts('Acme Inc. Reported results. Sales in the U.S. Rose.')).toEqual(['Acme Inc. Reported results.', 'Sales in the U.S. Rose.']);
    expect(texts('It rose 5. and then 5.2 percent more.')).toEqual(['It rose 5. and then 5.2 percent more.']);
    expect(texts('Acme opened Store No. 5. The store is in Ohio.')).toEqual(['Acme opened Store No. 5.', 'The store is in Ohio.']);
    // Two blanks after a period, as typed.
    expect(texts('Revenue rose.  Costs fell.   "Good," he said.')).toEqual(['Revenue rose.', 'Costs fell.', '"Good," he said.']);
    expect(readSentences(linesFrom(4, ['Revenue rose.   Costs fell.']), none).map((x) => x.line)).toEqual([4, 4]);
  });

  test.each([
    'Acme Inc. Reported results.', 'ACME INC. Reported results.', 'Acme Corp. Reported results.', 'Sears, Roebuck and Co. Reported results.',
    'Acme Ltd. Reported results.', 'Store No. Five opened.', 'Sales in the U.S. Rose.', 'Mr. Smith said so.', 'Ms. Jones said so.',
    'Dr. Brown said so.', 'Stores in St. Louis opened.', 'Sales rose 5% vs. Prior year.', 'The call is at 9 a.m. Eastern time.',
    'The call is at 4 p.m. Eastern time.', 'Costs (i.e. Rent) rose.', 'Costs (e.g. Rent) rose.',
  ])('`%s` is one sentence (the period ends an abbreviation)', (text) => {
    expect(readSentences(linesFrom(1, [text]), none).map((x) => x.text)).toEqual([text]);
  });

  test('each figure with its line, its place on that line, its kind and its scale (its own, else the table above it, else units)', () => {
    // A table in thousands ends above line 12 only (as if the lines stood around it).
    const scaleAt = (line: number): Scale | undefined => (line === 12 ? 'thousands' : undefined);
    const s = readSentences(linesFrom(10, ['Revenue rose to', '$5.2 million. Capital expenditures', 'were $1,964 and margin', '12.5% of revenue.']), scaleAt);
    expect(s.map((x) => [x.text, x.line])).toEqual([
      ['Revenue rose to $5.2 million.', 10],
      ['Capital expenditures were $1,964 and margin 12.5% of revenue.', 11],
    ]);
    expect(s.flatMap((x) => x.numbers.map((n) => [n.amount.text, n.amount.kind, n.amount.decimals, n.scale, n.line, n.span]))).toEqual([
      ['$5.2 million', 'money', 1, 'millions', 11, [0, 12]],
      ['$1,964', 'money', 0, 'thousands', 12, [5, 11]],
      ['12.5%', 'percent', 1, 'units', 13, [0, 5]],
    ]);
    // An indented paragraph: a figure's place is its column on the printed line, blanks and all.
    const indented = readSentences(linesFrom(20, ['    Revenue rose to $5.2 million, and', '  capital expenditures were $1,964.']), none);
    expect(indented.flatMap((x) => x.numbers.map((n) => [n.amount.text, n.line, n.span]))).toEqual([
      ['$5.2 million', 20, [20, 32]],
      ['$1,964', 21, [28, 34]],
    ]);
    expect(readSentences(linesFrom(1, ['Capital expenditures were $1,964.']), none)[0].numbers.map((n) => n.scale)).toEqual(['units']);
    // A figure's own scale before the table's.
    expect(readSentences(linesFrom(12, ['Costs were $2 million.']), scaleAt)[0].numbers.map((n) => n.scale)).toEqual(['millions']);
  });
});
