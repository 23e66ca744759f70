// Every way a person types a period into a formula (DESIGN.md, "Custom functions").
import { isoToSerial, readPeriod, serialToIso } from '../src/formulas/period-input';
import { type Arg, isFormulaError } from '../src/formulas/values';

const text = (value: string): Arg => ({ type: 'text', value });
const num = (value: number): Arg => ({ type: 'number', value });

function shape(a: Arg): unknown {
  const q = readPeriod(a);
  if (isFormulaError(q)) return q.code;
  const { input: _input, bound, ...rest } = q;
  return bound ? { ...rest, bound } : rest;
}

describe('Excel date serials (1900 date system)', () => {
  test('38168 is June 30, 2004, and back', () => {
    expect(serialToIso(38168)).toBe('2004-06-30');
    expect(isoToSerial('2004-06-30')).toBe(38168);
  });

  test("the first days and Excel's fictitious 1900-02-29", () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBeUndefined();
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('1900-01-01')).toBe(1);
  });

  test('a time of day is dropped; out of range is nothing', () => {
    expect(serialToIso(38168.75)).toBe('2004-06-30');
    expect(serialToIso(0)).toBeUndefined();
    expect(serialToIso(-5)).toBeUndefined();
    expect(serialToIso(2958466)).toBeUndefined();
    expect(serialToIso(2958465)).toBe('9999-12-31');
  });
});

describe('readPeriod', () => {
  const Q2_2004 = { kind: 'quarter', year: 2004, quarter: 2 };

  test.each(['Q2 2004', 'q2 2004', 'Q2-2004', 'Q2/2004', "Q2'04", 'Q2 04', 'Q22004', '2Q04', '2Q 2004', '2q2004', '2004Q2', '2004-Q2', '2004 Q2', ' Q2  2004 ', 'second quarter 2004', '2nd quarter of 2004', 'Q2 FY2004'])(
    '%s is the second quarter of 2004',
    (s) => {
      expect(shape(text(s))).toEqual(Q2_2004);
    },
  );

  test.each(['June 30, 2004', 'Jun 30 2004', 'june 30th, 2004', '30 June 2004', '6/30/2004', '06/30/04', '2004-06-30', 'June 2004'])('%s is the date 2004-06-30', (s) => {
    expect(shape(text(s))).toEqual({ kind: 'date', date: '2004-06-30' });
  });

  test('an Excel date serial is a date; a plausible year is a year', () => {
    expect(shape(num(38168))).toEqual({ kind: 'date', date: '2004-06-30' });
    expect(shape(text('38168'))).toEqual({ kind: 'date', date: '2004-06-30' });
    expect(shape(num(2004))).toEqual({ kind: 'year', year: 2004 });
    expect(shape(text('2004'))).toEqual({ kind: 'year', year: 2004 });
  });

  test.each(['FY2004', 'fy 2004', 'FY04', "FY'04", 'fiscal year 2004', 'CY2004'])('%s is fiscal 2004', (s) => {
    expect(shape(text(s))).toEqual({ kind: 'year', year: 2004 });
  });

  test('LATEST and LATEST-n', () => {
    expect(shape(text('LATEST'))).toEqual({ kind: 'latest', offset: 0 });
    expect(shape(text('latest-1'))).toEqual({ kind: 'latest', offset: 1 });
    expect(shape(text('Latest - 4'))).toEqual({ kind: 'latest', offset: 4 });
  });

  test('a guidance bound after the period', () => {
    expect(shape(text('FY2004 low'))).toEqual({ kind: 'year', year: 2004, bound: 'low' });
    expect(shape(text('FY2005 guidance high'))).toEqual({ kind: 'year', year: 2005, bound: 'high' });
    expect(shape(text('2005 (mid)'))).toEqual({ kind: 'year', year: 2005, bound: 'mid' });
    expect(shape(text('FY2005 midpoint'))).toEqual({ kind: 'year', year: 2005, bound: 'mid' });
  });

  test('empty and booleans are #VALUE!, unreadable text is #VALUE!, impossible dates too', () => {
    expect(shape({ type: 'empty' })).toBe('#VALUE!');
    expect(shape({ type: 'boolean', value: true })).toBe('#VALUE!');
    for (const s of ['banana', 'Q5 2004', '13/45/2004', 'February 30, 2004', 'low', 'LATEST+1', '2004Q', '=A1']) expect([s, shape(text(s))]).toEqual([s, '#VALUE!']);
  });

  test('numbers that are neither a year nor a date serial are #NUM!', () => {
    for (const n of [0, -1, 3e6, 60]) expect([n, shape(num(n))]).toEqual([n, '#NUM!']);
  });

  test('messages say what to type', () => {
    const q = readPeriod(text('banana'));
    expect(isFormulaError(q) && q.message).toMatch(/^Can't read "banana" as a period; use "Q2 2004", "2Q04", "2004Q2", "June 30, 2004"/);
  });
});

describe('readPeriod: twelve months and years to date (the forms in period-input.ts)', () => {
  const ltm = (end: unknown) => ({ kind: 'span', months: 12, end, ltm: true });
  test.each<[string, unknown]>([
    ['LTM', ltm({ kind: 'latest', offset: 0 })],
    ['LTM-1', ltm({ kind: 'latest', offset: 1 })],
    ['LTM Q3 2004', ltm({ kind: 'quarter', year: 2004, quarter: 3 })],
    ['TTM 3Q04', ltm({ kind: 'quarter', year: 2004, quarter: 3 })],
    ['last twelve months ended Q2 2004', ltm({ kind: 'quarter', year: 2004, quarter: 2 })],
    // A year ends with its fourth quarter; LATEST-2 is the quarter two before the latest; a date is kept.
    ['LTM FY2004', ltm({ kind: 'quarter', year: 2004, quarter: 4 })],
    ['LTM LATEST-2', ltm({ kind: 'latest', offset: 2 })],
    ['LTM 2004-06-30', ltm({ kind: 'date', date: '2004-06-30' })],
    // Every way of saying it (period-input.ts's LTM prefix): each name, each joining word, and none.
    ['ttm', ltm({ kind: 'latest', offset: 0 })],
    ['last twelve months', ltm({ kind: 'latest', offset: 0 })],
    ['trailing twelve months', ltm({ kind: 'latest', offset: 0 })],
    ['trailing twelve months ended June 30, 2004', ltm({ kind: 'date', date: '2004-06-30' })],
    ['Trailing Twelve Months ending Q2 2004', ltm({ kind: 'quarter', year: 2004, quarter: 2 })],
    ['LTM to 2Q04', ltm({ kind: 'quarter', year: 2004, quarter: 2 })],
    ['TTM - 3', ltm({ kind: 'latest', offset: 3 })],
    ['LTM-12', ltm({ kind: 'latest', offset: 12 })],
    ['last twelve months Q1 2004', ltm({ kind: 'quarter', year: 2004, quarter: 1 })],
    ['YTD Q3 2004', { kind: 'span', months: 9, end: { kind: 'quarter', year: 2004, quarter: 3 } }],
    ['year to date Q1 2004', { kind: 'span', months: 3, end: { kind: 'quarter', year: 2004, quarter: 1 } }],
    ['Q4 2004 year to date', { kind: 'span', months: 12, end: { kind: 'quarter', year: 2004, quarter: 4 } }],
    ['Q2 2004 YTD', { kind: 'span', months: 6, end: { kind: 'quarter', year: 2004, quarter: 2 } }],
    ['YTD 2004', { kind: 'span', months: 12, end: { kind: 'quarter', year: 2004, quarter: 4 } }],
  ])('%s', (input, expected) => {
    expect(shape(text(input))).toEqual(expected);
  });

  test.each(['LTM banana', 'YTD LATEST', 'YTD 2004-06-30', 'LTM Q5 2004', 'LTM ended', 'trailing twelve months ending banana', 'LTM-1234', 'twelve months Q2 2004 LTM'])('%s names no period: #VALUE!', (input) => {
    expect(shape(text(input))).toBe('#VALUE!');
  });
});

describe('readPeriod: a month alone is its last day; misspellings are suggested', () => {
  test.each<[string, string]>([
    ['Jan 2004', '2004-01-31'], // the first month (a month is counted from 1)
    ['June 2004', '2004-06-30'],
    ["Feb'04", '2004-02-29'], // 2004 is a leap year
    ['Dec-2004', '2004-12-31'],
  ])('%s is %s', (input, date) => {
    expect(shape(text(input))).toEqual({ kind: 'date', date });
  });

  test('a misspelt word is repaired when the repaired text reads as a period', () => {
    const q = readPeriod(text('second quartr 2004'));
    expect(isFormulaError(q) && q.message).toBe('Can\'t read "second quartr 2004" as a period; did you mean "Second Quarter 2004"?');
    const r = readPeriod(text('Jnue 30, 2004'));
    expect(isFormulaError(r) && r.message).toMatch(/did you mean "June 30, 2004"\?$/);
    const none = readPeriod(text('banana split'));
    expect(isFormulaError(none) && none.message).toMatch(/^Can't read "banana split" as a period; use /);
  });

  test('empty and boolean arguments are #VALUE!, saying which', () => {
    const e = readPeriod({ type: 'empty' }, 'from');
    expect(isFormulaError(e) && [e.code, e.message.startsWith('from is required')]).toEqual(['#VALUE!', true]);
    const b = readPeriod({ type: 'boolean', value: true });
    expect(isFormulaError(b) && [b.code, b.message]).toEqual(['#VALUE!', 'period must be a period such as "Q2 2004", not TRUE']);
  });
});


describe('readPeriod: years to date, halves and spans as period keys', () => {
  const ytd = (months: number, year: number) => ({ kind: 'span', months, end: { kind: 'quarter', year, quarter: months / 3 } });
  test.each<[string, unknown]>([
    ['9M 2004', ytd(9, 2004)],
    ['9m04', ytd(9, 2004)],
    ['6M FY2004', ytd(6, 2004)],
    ['3 months 2004', ytd(3, 2004)],
    ['12 month 2004', ytd(12, 2004)],
    ['nine months 2004', ytd(9, 2004)],
    ['six months ended 2004', ytd(6, 2004)],
    ['three months ending, 2004', ytd(3, 2004)],
    ['twelve months fy 2004', ytd(12, 2004)],
    ['H1 2004', { kind: 'span', months: 6, end: { kind: 'quarter', year: 2004, quarter: 2 } }],
    ['2H04', { kind: 'span', months: 6, end: { kind: 'quarter', year: 2004, quarter: 4 } }],
    ['H2-2004', { kind: 'span', months: 6, end: { kind: 'quarter', year: 2004, quarter: 4 } }],
    ['first half of 2004', { kind: 'span', months: 6, end: { kind: 'quarter', year: 2004, quarter: 2 } }],
    ['2nd half 2004', { kind: 'span', months: 6, end: { kind: 'quarter', year: 2004, quarter: 4 } }],
    ['9M2004-09-30', { kind: 'span', months: 9, end: { kind: 'date', date: '2004-09-30' } }],
    ['24M2004-06-30', { kind: 'span', months: 24, end: { kind: 'date', date: '2004-06-30' } }],
    ['1M2004-01-31', { kind: 'span', months: 1, end: { kind: 'date', date: '2004-01-31' } }],
  ])('%s', (input, expected) => {
    expect(shape(text(input))).toEqual(expected);
  });

  test.each(['5M 2004', '0M2004-09-30', '25M2004-09-30', '9M2004-09-31', '9M2004-13-30', 'eight months 2004', 'H3 2004', 'third half 2004'])('%s names no period: #VALUE!', (input) => {
    expect(shape(text(input))).toBe('#VALUE!');
  });

  test('a year to date of what is no period says the period is not real', () => {
    for (const input of ['YTD banana', 'banana YTD', 'YTD February 30, 2004', 'YTD 5M 2004', 'LTM 9M 2004', 'LTM H1 2004', 'LTM 9M2004-09-30']) {
      const q = readPeriod(text(input));
      expect([input, isFormulaError(q) && q.message]).toEqual([input, `"${input}" is not a real period (a date that does not exist, or a span that ends on no quarter)`]);
    }
  });

  test('an impossible date is not a real period; a text of no form is not read', () => {
    const q = readPeriod(text('February 30, 2004'));
    expect(isFormulaError(q) && q.message).toBe('"February 30, 2004" is not a real period (a date that does not exist, or a span that ends on no quarter)');
  });
});

describe('readPeriod: a misspelling is repaired only when it is at most two letters off', () => {
  test.each<[string, string | undefined]>([
    ['Septembr 30, 2004', 'September 30, 2004'], // one letter missing
    ['Sxptxmber 30, 2004', 'September 30, 2004'], // two letters off
    ['Sxpxxmber 30, 2004', undefined], // three letters off: no guess
    ['secnod quarter 2004', 'Second Quarter 2004'], // two letters swapped: one edit
    ['scnd quarter 2004', 'Second Quarter 2004'], // two letters missing
    ['sxcxnx quarter 2004', undefined],
    ['Septembr 45, 2004', undefined], // repaired, still no real date: no guess
  ])('%s', (input, guess) => {
    const q = readPeriod(text(input));
    const message = isFormulaError(q) ? q.message : '';
    if (guess) expect(message).toBe(`Can't read "${input}" as a period; did you mean "${guess}"?`);
    else expect(message).toMatch(new RegExp(`^Can't read "${input}" as a period; use "Q2 2004"`));
  });
});

describe('readPeriod: the edges of the text', () => {
  test('"ytd" is a word of its own, at the start or the end', () => {
    for (const s of ['fooytd Q2 2004', 'Q2 2004 YTDX', 'xYTD Q2 2004']) expect([s, shape(text(s))]).toEqual([s, '#VALUE!']);
    expect(shape(text('Q2 2004 ytd'))).toEqual({ kind: 'span', months: 6, end: { kind: 'quarter', year: 2004, quarter: 2 } });
  });

  test('separators and the word "guidance" before a bound are dropped however many', () => {
    expect(shape(text('FY2005 - guidance (high)'))).toEqual({ kind: 'year', year: 2005, bound: 'high' });
    expect(shape(text('FY2005, guidance, low'))).toEqual({ kind: 'year', year: 2005, bound: 'low' });
  });

  test('a text of up to 80 characters is read; a longer one is too long', () => {
    const padded = `${' '.repeat(73)}Q2 2004`;
    expect(padded).toHaveLength(80);
    expect(shape(text(padded))).toEqual({ kind: 'quarter', year: 2004, quarter: 2 });
    const long = `${' '.repeat(74)}Q2 2004`;
    const q = readPeriod(text(long));
    expect(isFormulaError(q) && q.message).toBe(`"${long.slice(0, 24)}..." is too long to be a period; use "Q2 2004", "2Q04", "2004Q2", "June 30, 2004", "6/30/2004", a date, "FY2004", 2004, "LATEST", "9M 2004", "YTD Q3 2004", "H1 2004" or "LTM Q3 2004"`);
  });
});
