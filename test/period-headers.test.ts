/**
 * Period headers of the era, in text and HTML: two-level headers (a `Three Months Ended` span
 * over three dates and a `Nine Months Ended` span over two), year-only balance sheet columns,
 * `Years Ended`, `Six Month Periods Ended ... 1998 and 1997`, numeric dates, dates without a
 * space, quarter names (fiscal quarters keep their own name), weeks, YTD, `% Change` columns.
 * Every expected key is read off the header as a person reads it.
 */
import { readFiling } from '../src/filing/reader';
import { measureOf, memberOf } from '../src/filing/columns';
import { periodOfHeader, durationOf, fiscalQuarterIn, numericDatesIn } from '../src/filing/periods';
import type { Table, TableColumn } from '../src/filing/types';
import { settleColumns } from '../src/filing/table-context';
import { shared } from './support/shared';

const keys = (t: Table | undefined) => t?.columns.map((c) => c.period?.key ?? '-');

/** A text table written for this test in the layout of Mpower's Q3 release (two-level header). */
const TWO_LEVEL = `Mpower Holding Corporation (AMEX: MPE)

<TABLE>
<CAPTION>
                                        Three Months Ended                          Nine Months Ended
STATEMENT OF OPERATIONS        --------------------------------------       -------------------------
(amounts in $ thousands)       Sept. 30,      June 30,      Sept. 30,       Sept. 30,     Sept. 30,
                                  2004          2004          2003            2004          2003
-----------------------------------------------------------------------------------------------------
<S>                            <C>           <C>           <C>             <C>           <C>
Total Operating Revenues         38,700        38,496        37,500         114,349       112,000
Net Loss                         (1,655)       (1,404)       (3,100)         (3,322)      (10,000)
</TABLE>
`;

describe('two-level headers in text', () => {
  const f = shared(() => readFiling(TWO_LEVEL, 'q3.txt'));
  test('a Three Months span over three dates and a Nine Months span over two', () => {
    expect(f().tables).toHaveLength(1);
    expect(keys(f().tables[0])).toEqual(['2004Q3', '2004Q2', '2003Q3', '9M2004-09-30', '9M2003-09-30']);
  });
  test('the figures fall in their columns', () => {
    const rev = f().tables[0].rows.find((r) => r.label === 'Total Operating Revenues');
    expect(rev?.cells.map((c) => `${c.column}:${c.amount.value.toString()}`)).toEqual(['0:38700', '1:38496', '2:37500', '3:114349', '4:112000']);
  });
});

describe('headers of the era (text)', () => {
  const table = (header: string, row = 'Total assets                      1,000       2,000') => readFiling(`Example Corp (NYSE: EX)\n\nCONSOLIDATED BALANCE SHEETS\n(in thousands)\n${header}\n\n${row}\nTotal liabilities                   400         900\n`, 'x.txt').tables[0];

  test('year-only columns under a balance sheet title are year-end instants', () => {
    expect(keys(table('                                 December 31,\n                                  1997        1996'))).toEqual(['1997-12-31', '1996-12-31']);
  });
  test('year-only columns under Years Ended are fiscal years', () => {
    const t = readFiling('Example Corp (NYSE: EX)\n\nSTATEMENTS OF INCOME\n\n                              Years Ended December 31,\n                                1997        1996\n\nNet sales                      1,000       2,000\nNet income                       400         900\n', 'x.txt').tables[0];
    expect(keys(t)).toEqual(['FY1997', 'FY1996']);
  });
  test('numeric dates and dates without a space', () => {
    expect(keys(table('                                  1/1/00     9/25/99'))).toEqual(['2000-01-01', '1999-09-25']);
    expect(keys(table('                          June 30,2000  September 25,1999'))).toEqual(['2000-06-30', '1999-09-25']);
  });
});

describe('period keys from header text', () => {
  test.each([
    ['Six Month Periods Ended June 30, 1998 and 1997 1997', '6M1997-06-30'],
    ['Six Month Periods Ended June 30, 1998 and 1997 1998', '6M1998-06-30'],
    ['For the Years Ended December 31, 2004', 'FY2004'],
    ['Quarter Ended September 30, 2004', '2004Q3'],
    ['13 Weeks Ended July 3, 2004', '2004Q2'],
    ['Thirteen Weeks Ended November 2, 2024', '13W2024-11-02'],
    ['Thirty-Nine Weeks Ended November 2, 2024', '39W2024-11-02'],
    ['39 Weeks Ended October 2, 2004', '39W2004-10-02'],
    ['Nine Months Ended September 30, 2004', '9M2004-09-30'],
    ['YTD June 30, 2004', '6M2004-06-30'],
    ['First Quarter 2000', '2000Q1'],
    ['Fourth Quarter 2003', '2003Q4'],
  ])('%s → %s', (header, key) => {
    expect(periodOfHeader(header)?.key).toBe(key);
  });

  test('fiscal quarters keep their own name next to the calendar key (Apple: fiscal year ends in September)', () => {
    expect(periodOfHeader("Q3'04 Actual", { fiscalYearEnd: 9 })).toMatchObject({ key: '2004Q2', fiscal: 'Q3 FY2004' });
    expect(periodOfHeader('Q1 2011', { fiscalYearEnd: 9 })).toMatchObject({ key: '2010Q4', fiscal: 'Q1 FY2011' });
  });

  test('a year alone is a fiscal year, or under a balance sheet an instant', () => {
    expect(periodOfHeader('2004')?.key).toBe('FY2004');
    expect(periodOfHeader('2004', { balance: true })?.key).toBe('2004-12-31');
  });

  test('durations', () => {
    expect(durationOf('Six Month Periods Ended')).toEqual({ months: 6 });
    expect(durationOf('For the Years Ended')).toEqual({ months: 12 });
  });
});

describe('% Change and % of Revenues columns are figures of their own kind', () => {
  const f = shared(() => readFiling(`Example Corp (NYSE: EX)\n\nSTATEMENTS OF INCOME (in millions)\n\n                     3 Months Ended December\n                       2004      2003   % Change\n\nRevenues              2,721     2,520       8.0%\nNet income              204       125      63.6%\n`, 'x.txt'));
  test('the change column is no period value', () => {
    const t = f().tables[0];
    expect(t.columns.map((c) => [c.period?.key, c.measure ?? 'value'])).toEqual([['2004Q4', 'value'], ['2003Q4', 'value'], ['2004Q4', 'percent-change']]);
    expect(t.rows[0].cells[2].amount.kind).toBe('percent');
  });
});

describe('weeks without "ended": a count of 4 to 53 weeks is a duration in months (weeks × 12 / 52, rounded)', () => {
  test.each<[string, { months: number; weeks: number } | undefined]>([
    ['13 Weeks', { months: 3, weeks: 13 }],
    ['Twenty-six weeks', { months: 6, weeks: 26 }],
    ['Fiscal 2004 (53 weeks)', { months: 12, weeks: 53 }],
    ['4 weeks', { months: 1, weeks: 4 }],
    ['3 weeks', undefined],
    ['54 weeks', undefined],
  ])('%s', (header, expected) => {
    expect(durationOf(header)).toEqual(expected);
  });
});

describe('what a column measures, from its header', () => {
  test.each<[string, string]>([
    ['% of Revenues', 'percent-of'], ['% to Net Sales', 'percent-of'], ['As a % of Sales', 'percent-of'],
    ['Percentage of Total Revenues', 'percent-of'], ['Percent of net sales', 'percent-of'], ['% of total revenue', 'percent-of'],
    ['% Change', 'percent-change'], ['% Chg', 'percent-change'], ['% Inc (Dec)', 'percent-change'], ['Percentage Increase', 'percent-change'],
    ['Change %', 'percent-change'], ['Pct. Change', 'percent-change'], ['% Var', 'percent-change'], ['Percent decrease', 'percent-change'],
    ['Change', 'change'], ['Variance', 'change'], ['Increase/(Decrease)', 'change'], ['Inc. (Dec.)', 'change'], ['Better (Worse)', 'change'], ['Favorable', 'change'],
    ['June 30, 2004', 'value'], ['Three Months Ended', 'value'], ['Exchange', 'value'], ['Revenues', 'value'],
  ])('%s: %s', (header, measure) => {
    expect(measureOf(header)).toBe(measure);
  });
});

describe('the member a column header names, if any', () => {
  test.each<[string, string, string | undefined]>([
    ['Pro Forma', '', 'pro forma'],
    ['Pro-forma 2004', '', 'pro forma'],
    ['Excluding one-time items', '', 'excluding one-time items'],
    ['Non-GAAP Adjustments', '', 'adjustments'],
    ['Adjusted', '', 'non-gaap'],
    ['Non-GAAP', '', 'non-gaap'],
    ['Domestic', '', 'domestic'],
    ['Sears Canada', 'Sears, Roebuck and Co.', 'sears canada'],
    ['Mpower Holding', 'Mpower Holding Corporation', undefined], // the company's own name over every column
    ['Three Months Ended June 30, 2004', '', undefined],
    ['Fiscal 2004 (unaudited)', '', undefined],
    ['$ in thousands, except per share', '', undefined],
  ])('%s', (header, company, member) => {
    expect(memberOf(header, company)).toBe(member);
  });
});

describe('numeric dates in headers: only days of the calendar', () => {
  test.each<[string, string[]]>([
    ['9/25/1999', ['1999-09-25']],
    ['1/1/00', ['2000-01-01']],
    ['12/31/49', ['2049-12-31']],
    ['12/31/50', ['1950-12-31']],
    ['2/29/2004', ['2004-02-29']], // a leap year
    ['2/29/2003', []],
    ['4/31/2004', []],
    ['13/1/2004', []],
    ['0/10/2004', []],
    ['12/0/2004', []],
    ['12/32/2004', []],
    ['12/31/2004  12/31/2003', ['2004-12-31', '2003-12-31']],
  ])('%s', (text, dates) => {
    expect(numericDatesIn(text)).toEqual(dates);
  });
});

describe('a change column takes the latest period of the value columns before it', () => {
  const value = (header: string): TableColumn => ({ header, period: periodOfHeader(header), scenario: 'actual', span: [0, 0] });
  const change: () => TableColumn = () => ({ header: 'Change', scenario: 'actual', span: [0, 0], measure: 'change' });
  const settled = (columns: TableColumn[]) => settleColumns(columns, '', {}).map((c) => c.period?.key);

  test('2003, 2004, Change: the change is of 2004, whichever order the years stand in', () => {
    expect(settled([value('2003'), value('2004'), change()])).toEqual(['FY2003', 'FY2004', 'FY2004']);
    expect(settled([value('2004'), value('2003'), change()])).toEqual(['FY2004', 'FY2003', 'FY2004']);
  });

  test('a value column that names no period (Notes) before the years is passed over', () => {
    expect(settled([value('Notes'), value('2004'), value('2003'), change()])).toEqual([undefined, 'FY2004', 'FY2003', 'FY2004']);
  });

  test('two periods ending on one day (the fourth quarter and the year): the first of them', () => {
    expect(settled([value('Three Months Ended December 31, 2004'), value('Year Ended December 31, 2004'), change()])).toEqual(['2004Q4', 'FY2004', '2004Q4']);
  });

  test('each change column after its own run of value columns', () => {
    expect(settled([value('2004'), value('2003'), change(), value('2002'), value('2001'), change()])).toEqual(['FY2004', 'FY2003', 'FY2004', 'FY2002', 'FY2001', 'FY2002']);
  });
});

describe('a count in words or figures before Months, Weeks or Quarters Ended', () => {
  test.each<[string, { months: number; weeks?: number }]>([
    ['One Month Ended', { months: 1 }], ['Two Months Ended', { months: 2 }], ['Three Months Ended', { months: 3 }],
    ['Four Months Ended', { months: 4 }], ['Six Months Ended', { months: 6 }], ['Nine Months Ended', { months: 9 }],
    ['Twelve Months Ended', { months: 12 }], ['Three Quarters Ended', { months: 9 }],
    ['Thirteen Weeks Ended', { months: 3, weeks: 13 }], ['Twenty-Six Weeks Ended', { months: 6, weeks: 26 }],
    ['Thirty-Nine Weeks Ended', { months: 9, weeks: 39 }], ['Fifty-Two Weeks Ended', { months: 12, weeks: 52 }],
    ['Fifty-Three Weeks Ended', { months: 12, weeks: 53 }],
  ])('%s', (header, expected) => {
    expect(durationOf(header)).toEqual(expected);
  });
});

describe('a fiscal quarter named in a header: its number and fiscal year', () => {
  test.each<[string, { quarter: number; year: number } | undefined]>([
    ['Q3 2004', { quarter: 3, year: 2004 }], ['Q1 FY 2005', { quarter: 1, year: 2005 }], ['Q4 FY05', { quarter: 4, year: 2005 }],
    ["Q3'04", { quarter: 3, year: 2004 }], ['Q2 99', { quarter: 2, year: 1999 }], ['Q2 49', { quarter: 2, year: 2049 }], ['Q2 50', { quarter: 2, year: 1950 }],
    ['1Q04', { quarter: 1, year: 2004 }], ['2Q 2004', { quarter: 2, year: 2004 }], ["3Q'05", { quarter: 3, year: 2005 }], ['4Q2003', { quarter: 4, year: 2003 }],
    ['Third Quarter 2005', { quarter: 3, year: 2005 }], ['First Quarter of Fiscal 2005', { quarter: 1, year: 2005 }],
    ['second fiscal quarter of fiscal year 2004', { quarter: 2, year: 2004 }], ['3rd Quarter 2004', { quarter: 3, year: 2004 }],
    // A year of two digits after an apostrophe (straight or curly).
    ["Fourth Quarter '03", { quarter: 4, year: 2003 }], ['Fourth Quarter ’03', { quarter: 4, year: 2003 }], ["First Quarter'2005", { quarter: 1, year: 2005 }],
    // The year standing elsewhere in the header.
    ['Fourth quarter results, fiscal 2004', { quarter: 4, year: 2004 }], ['2nd quarter ended in 1999', { quarter: 2, year: 1999 }],
    ['Third Quarter', undefined], ['Q5 2004', undefined], ['Quarter 2004', undefined],
  ])('%s', (header, expected) => {
    expect(fiscalQuarterIn(header)).toEqual(expected);
  });
});

describe('the column carries the year, the header the month, day or duration', () => {
  test.each<[string, { fiscalYearEnd?: number; balance?: boolean }, string | undefined]>([
    // A month and day, words, then the column's year (`June 30,` / `As Restated` / `2004`).
    ['June 30, As Restated 2004', {}, '2004-06-30'],
    ['Three Months Ended June 30, As Restated 2004', {}, '2004Q2'],
    ['February 29, Pro Forma 2004', {}, '2004-02-29'],
    ['February 29, Pro Forma 2003', {}, '2003-02-28'], // no 29th in 2003: the month's last day
    // Twelve months ended, and the year: the fiscal year ending in it.
    ['12 Months Ended 2004', {}, 'FY2004'],
    ['Twelve Months Ending 2003', {}, 'FY2003'],
    ['Year Ended 2004', { balance: true }, 'FY2004'], // a duration, even under a balance sheet title
    ['12 Months Ended 2004', { fiscalYearEnd: 9 }, '12M2004-09-30'],
    // A month without a day: its last day.
    ['December 2004', {}, '2004-12-31'],
    ['Dec. 2004', {}, '2004-12-31'],
    ['Quarter Ended March 2005', {}, '2005Q1'],
    ['As of Sept. 2004', {}, '2004-09-30'],
    // A year, alone or after Fiscal / Year.
    ['Fiscal 2004', {}, 'FY2004'],
    ['Fiscal Year 2004', {}, 'FY2004'],
    ['2004 *', {}, 'FY2004'],
    ['Fiscal 2004', { balance: true }, '2004-12-31'],
    ['As of Year End 2004', {}, '2004-12-31'],
    ['Fiscal 2004', { fiscalYearEnd: 6 }, '12M2004-06-30'],
    ["Fourth Quarter '03", {}, '2003Q4'],
    ['At 2004', {}, undefined],
    ['Change 2004', {}, undefined],
    // Two dates: the one of the column's year.
    ['For the 26 Weeks Ended July 3, 2004 and June 28, 2003 2004', {}, '26W2004-07-03'],
    ['For the 26 Weeks Ended July 3, 2004 and June 28, 2003 2003', {}, '26W2003-06-28'],
  ])('%s %j', (header, ctx, key) => {
    expect(periodOfHeader(header, ctx)?.key).toBe(key);
  });
});
