// The parts of the MPWR functions one at a time: the words an argument may be, the texts of
// messages and sources, what is answered for a guidance end, an LTM, a derived period, an
// unmapped label. Over the seed filing (assets/filings/mpwr-2004q2-ex99-1.txt, line numbers given)
// or small made-up releases built inline (test/support/release.ts); expected values worked out by hand.
import { FormulaStore } from '../src/formulas/store';
import { checks, claims, growth, items, shortcut, ltm, periods, recon, series, source, value, guidance, callFunction } from '../src/formulas/functions-impl';
import { type FormulaData, periodOfKey } from '../src/formulas/data';
import { closest } from '../src/formulas/suggest';
import { type FormulaError, type FormulaResult, formulaError, isFormulaError, scalarArg, showArg } from '../src/formulas/values';
import { PERIOD_FORMS, functionHelp } from '../src/formulas/help';
import { readPeriod } from '../src/formulas/period-input';
import { OPERATIONS, releaseText } from './support/release';
import { SEED, SEED_Q2_RECON, seedFormulaData, syntheticQ3 } from './support/formulas-seed';

const seed = (): FormulaData => seedFormulaData();
const dataOf = (name: string, text: string): FormulaData => new FormulaStore([{ name, text }]).data();

function err(r: FormulaResult): Pick<FormulaError, 'code' | 'message'> {
  if (!isFormulaError(r)) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return { code: r.code, message: r.message };
}

describe('the scale argument: each word whole, after "in" and "$"', () => {
  // Q2 2004 revenue: $38,496 thousand (line 238).
  test.each<[unknown, number]>([
    ['ones', 38496000], ['one', 38496000], ['dollar', 38496000], ['1', 38496000], ['Units', 38496000],
    ['thousand', 38496], ['000', 38496], ["'000s", 38496], ['K', 38496],
    ['million', 38.496], ['M', 38.496], [' MM ', 38.496], ['Mn', 38.496], ['MIL', 38.496],
    ['in millions', 38.496], ['in   millions', 38.496], ['$millions', 38.496], ['$ millions', 38.496], ['In $ Millions', 38.496], ['in thousands', 38496],
    ['billion', 0.038496], ['BN', 0.038496],
    [1, 38496000], [1000000, 38.496], [1000000000, 0.038496],
    [null, 38496], ['', 38496], // no scale: the filing's ($ thousands)
  ])('%j', (scale, expected) => {
    expect(value(seed(), 'Revenue', 'Q2 2004', scale)).toBe(expected);
  });

  test.each<unknown>([
    'xmillions', 'millionsx', 'xm', 'mx', 'mmm', 'mils', 'inmillions', 'in', '$', 'xunits', 'unitsx', 'xk', 'kx', 'thousandsx', 'x000', 'xbn', 'bnx', 'millions of dollars',
  ])('%j is no scale', (scale) => {
    expect(err(value(seed(), 'Revenue', 'Q2 2004', scale))).toEqual({ code: '#VALUE!', message: `scale must be "units", "thousands" or "millions", not "${scale as string}"` });
  });

  test('a factor that is not one is named; so is a boolean', () => {
    expect(err(value(seed(), 'Revenue', 'Q2 2004', 100))).toEqual({ code: '#VALUE!', message: 'scale must be "units", "thousands" or "millions" (or 1, 1000, 1000000), not 100' });
    expect(err(value(seed(), 'Revenue', 'Q2 2004', true))).toEqual({ code: '#VALUE!', message: 'scale must be "units", "thousands" or "millions", not TRUE' });
    expect(err(value(seed(), 'Revenue', 'Q2 2004', formulaError('#N/A', 'gone'))).code).toBe('#N/A');
  });
});

describe('RECON at the high end of a guidance range', () => {
  test('the 2005 guidance, high end (lines 340–352, right column): its own labels, no Other Expense', () => {
    expect(recon(seed(), 'Adjusted EBITDA', 2005, 'high')).toEqual([
      ['Adjusted EBITDA', 18000, 18000],
      ['Depreciation and Amortization', 17000, -17000],
      ['Gain on Sale of Assets, net', 300, 300],
      ['Stock-Based Compensation Expense', 200, -200],
      ['(Loss) Income from Continuing Operations', 1100, 1100],
      ['Interest Income', 400, 400],
      ['Interest Expense', 300, -300],
      ['(Loss) Income before Discontinued Operations', 1200, 1200],
      ['Loss from Discontinued Operations', -300, -300],
      ['Net (Loss) Income (GAAP)', 900, 900],
    ]);
    // The same by the period's own bound.
    expect(recon(seed(), 'Adjusted EBITDA', 'FY2005 high')).toEqual(recon(seed(), 'Adjusted EBITDA', 2005, 'high'));
  });

  test('a guidance figure printed in a table and in the text takes the label of the table', () => {
    // A made-up release: the range in a table not titled as a reconciliation, and again in a sentence.
    const text = releaseText(
      [{ title: 'ADJUSTED EBITDA GUIDANCE (amounts in $ thousands)', headers: [['12 Months Ending December 31, 2005', 'Low End of Range'], ['12 Months Ending December 31, 2005', 'High End of Range']], rows: [['Adjusted EBITDA', '$16,000', '$18,000']] }],
      ['The company is forecasting full-year 2005 Adjusted EBITDA between $16.0 million and $18.0 million.'],
    );
    const rows = recon(dataOf('guidance-table.txt', text), 'Adjusted EBITDA', 'FY2005 high');
    if (isFormulaError(rows)) throw new Error(rows.message);
    expect(rows[0]).toEqual(['Adjusted EBITDA', 18000, 18000]);
    // The release prints nothing else of the chain: each line says what is missing.
    expect(rows[1]).toEqual(['Depreciation and Amortization', formulaError('#N/A', 'No depreciation_amortization for FY2005'), formulaError('#N/A', 'No depreciation_amortization for FY2005')]);
  });

  test('each line takes the label the reconciliation prints, not the statement of operations (Q2 2004, lines 296–309, left column)', () => {
    // The statement prints "Net Loss" (line 260); the reconciliation "Net Loss (GAAP)" (line 309).
    expect(recon(seed(), 'Adjusted EBITDA', 'Q2 2004')).toEqual(SEED_Q2_RECON);
  });

  test('the measure is required, by that name', () => {
    expect(err(recon(seed(), null, 'Q2 2004'))).toEqual({ code: '#VALUE!', message: 'measure is required: a label as printed (e.g. "Adjusted EBITDA") or a concept id (MPWR.ITEMS() lists them)' });
  });
});

describe('LTM', () => {
  // A made-up release printing the quarter and the twelve months to June 30, 2004.
  const text = releaseText([{
    title: OPERATIONS,
    headers: [['Three Months Ended', 'June 30, 2004'], ['Twelve Months Ended', 'June 30, 2004']],
    rows: [['Total Operating Revenues', '$38,496', '$150,000']],
  }, {
    title: 'BALANCE SHEET (amounts in $ thousands)',
    headers: [['June 30, 2004']],
    rows: [['Cash & Cash Equivalents', '$32,356']],
  }]);
  const d = (): FormulaData => dataOf('ltm.txt', text);

  test('the twelve months to the latest quarter by default, or to a quarter, LATEST, a date or a twelve-month span', () => {
    for (const p of [undefined, 'Q2 2004', 'LATEST', '2004-06-30', 'June 30, 2004', 38168, '12M2004-06-30', 'LTM Q2 2004']) {
      expect([p, ltm(d(), 'Revenue', p)]).toEqual([p, 150000]);
    }
    expect(ltm(d(), 'Revenue', 'LATEST', 'millions')).toBe(150);
  });

  test('a balance has no LTM, asked with or without a period', () => {
    const message = 'Cash & Cash Equivalents is a balance: it has no LTM (balances are never summed); ask for the balance at a date, e.g. "Q3 2004"';
    expect(err(ltm(d(), 'Cash'))).toEqual({ code: '#VALUE!', message });
    expect(err(ltm(d(), 'Cash', 'LATEST'))).toEqual({ code: '#VALUE!', message });
  });

  test('twelve months to a year is to its fourth quarter; to a quarter not printed is #N/A', () => {
    expect(err(ltm(d(), 'Revenue', 2004)).message).toMatch(/^No Total Operating Revenues for FY2004; imported periods: 2004Q2, 12M2004-06-30/);
    expect(err(ltm(d(), 'Revenue', 'LATEST-1')).message).toMatch(/^No Total Operating Revenues for 12M2004-03-31;/);
    expect(err(ltm(d(), 'Revenue', '2004-03-31')).message).toMatch(/^No Total Operating Revenues for 12M2004-03-31;/);
  });

  test('a guidance period, a span of other than twelve months and an unknown item are refused, saying why', () => {
    expect(err(ltm(d(), 'Revenue', 'Q2 2004 low'))).toEqual({ code: '#VALUE!', message: 'LTM is of actual figures, not guidance (Q2 2004 low)' });
    expect(err(ltm(d(), 'Revenue', '24M2004-06-30')).message).toBe('period names 24 months (24M2004-06-30); LTM takes the quarter the twelve months end with, e.g. "Q3 2004"');
    expect(err(ltm(d(), 'Revenue', 'H1 2004'))).toEqual({ code: '#VALUE!', message: 'period names 6 months (H1 2004); LTM takes the quarter the twelve months end with, e.g. "Q3 2004"' });
    expect(err(ltm(d(), 'Revenue', true)).message).toBe('period must be a period such as "Q2 2004", not TRUE');
    expect(err(ltm(d(), 'Turnip Sales')).message).toMatch(/^Unknown item "Turnip Sales"/);
  });
});

describe('GROWTH, SERIES and CLAIMS: what they say when they will not answer', () => {
  test('GROWTH from a period not imported names it as an actual figure (Revenue Q1 2004 against Q1 2003)', () => {
    expect(err(growth(seed(), 'Revenue', 'Q1 2004'))).toEqual({ code: '#N/A', message: expect.stringMatching(/^No Total Operating Revenues for 2003Q1; imported periods: 2003Q2, 2004Q1, 2004Q2;/) });
    expect(err(growth(seed(), 'Turnip Sales', 'Q2 2004')).message).toMatch(/^Unknown item "Turnip Sales"/);
  });

  test('SERIES names the range it found nothing in: from, up to, or both', () => {
    const have = 'imported periods: 2003Q2, 2004Q1, 2004Q2';
    expect(err(series(seed(), 'Revenue', 2006))).toEqual({ code: '#N/A', message: `No periods from 2006; ${have}` });
    expect(err(series(seed(), 'Revenue', null, 'Q4 2002'))).toEqual({ code: '#N/A', message: `No periods up to Q4 2002; ${have}` });
    expect(err(series(seed(), 'Revenue', 'Q3 2003', 'Q4 2003'))).toEqual({ code: '#N/A', message: `No periods from Q3 2003 to Q4 2003; ${have}` });
  });

  test('SERIES of an item the filings do not print names the range asked, or any period', () => {
    const missing = (range: string) => `No Incremental Transition Expenses for ${range}; Incremental Transition Expenses is not in the imported filings (periods imported: 2003Q2, 2003-12-31, 2004-03-31, 2004Q1, 2004-06-30, 2004Q2)`;
    expect(err(series(seed(), 'Incremental Transition Expenses'))).toEqual({ code: '#N/A', message: missing('any period') });
    expect(err(series(seed(), 'Incremental Transition Expenses', 'Q1 2004'))).toEqual({ code: '#N/A', message: missing('from Q1 2004') });
    expect(err(series(seed(), 'Incremental Transition Expenses', null, 'Q1 2004'))).toEqual({ code: '#N/A', message: missing('up to Q1 2004') });
  });

  test('SERIES passes on an unknown item and a bad from, each by its name', () => {
    expect(err(series(seed(), 'Turnip Sales')).message).toMatch(/^Unknown item "Turnip Sales"/);
    expect(err(series(seed(), 'Revenue', true)).message).toBe('from must be a period such as "Q2 2004", not TRUE');
    expect(err(series(seed(), 'Revenue', null, true)).message).toBe('to must be a period such as "Q2 2004", not TRUE');
  });

  test('CLAIMS of a period: the statements about it and those comparing with it', () => {
    const rows = claims(seed(), 'Q1 2004');
    if (isFormulaError(rows)) throw new Error(rows.message);
    // Line 20: "by 3.6% over the first quarter of 2004" is about Q2 2004, measured from Q1 2004.
    expect(rows.some((r) => r[4] === 20 && r[1] === 0.036)).toBe(true);
    // Line 57: "a $0.3 million net loss in the first quarter of 2004" is about Q1 2004 itself.
    expect(rows.some((r) => r[4] === 57 && r[1] === -300)).toBe(true);
    // Line 56: "net loss was $1.4 million in the second quarter of 2004" is about neither.
    expect(rows.some((r) => r[4] === 56 && r[1] === -1400)).toBe(false);
  });

  test('CLAIMS passes on a period it cannot read', () => {
    expect(err(claims(seed(), 'banana')).message).toMatch(/^Can't read "banana" as a period; use /);
    expect(err(claims(seed(), formulaError('#N/A', 'gone'))).code).toBe('#N/A');
  });
});

describe('PERIODS of derived figures; the kind argument', () => {
  test('the seed prints Q1 and Q2 2004 but not the six months they make', () => {
    expect(periods(seed(), 'derived')).toEqual([['6M2004-06-30']]);
    expect(periods(seed(), ' Derived ')).toEqual([['6M2004-06-30']]);
    expect(periods(seed(), 'instants')).toEqual([['2003-12-31'], ['2004-03-31'], ['2004-06-30']]);
  });

  test('a kind that is an error is passed on; a number is no kind', () => {
    expect(periods(seed(), formulaError('#N/A', 'gone'))).toEqual(formulaError('#N/A', 'gone'));
    expect(periods(seed(), { code: '#N/A', message: 'no data' })).toEqual(formulaError('#N/A', 'kind is an error: no data'));
    expect(err(periods(seed(), 5))).toEqual({ code: '#VALUE!', message: 'kind must be "actual", "guidance", "derived", "quarters", "instants" or "all", not 5' });
  });

  test('no derived periods is #N/A saying so', () => {
    const text = releaseText([{ title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$38,496']] }]);
    expect(err(periods(dataOf('one.txt', text), 'derived'))).toEqual({ code: '#N/A', message: 'No derived periods imported' });
  });
});

describe('derived figures: their sources, and only as actuals', () => {
  // A made-up release in $ millions with four decimals: Q2 2004 = 6M − Q1 = 10.1234 − 5.0617 = 5.0617;
  // Adjusted EBITDA 2,469.1357 − 1,234.5678 = 1,234.5679.
  const text = releaseText([{
    title: 'STATEMENT OF OPERATIONS (amounts in $ millions)',
    headers: [['Three Months Ended', 'March 31, 2004'], ['Six Months Ended', 'June 30, 2004']],
    rows: [['Total Operating Revenues', '$5.0617', '$10.1234'], ['Adjusted EBITDA', '1,234.5678', '2,469.1357']],
  }]);
  const d = (): FormulaData => dataOf('dec.txt', text);

  test('SOURCE of a difference shows every operand to its four decimals, with the line each is printed on', () => {
    const line12 = 'dec.txt, line 12: Total Operating Revenues $5.0617 $10.1234';
    expect(source(d(), 'Revenue', 'Q2 2004')).toBe(`derived: 6M2004-06-30 − 2004Q1 = 10.1234 − 5.0617; 6M2004-06-30: ${line12}; 2004Q1: ${line12}`);
    expect(source(d(), 'Adjusted EBITDA', 'Q2 2004')).toMatch(/^derived: 6M2004-06-30 − 2004Q1 = 2,469\.1357 − 1,234\.5678; /);
  });

  test('SOURCE of a derived ratio: the operands divided, times 100, each with its own derivation in brackets', () => {
    expect(source(d(), 'Adjusted EBITDA margin', 'Q2 2004')).toMatch(
      /^derived: adjusted_ebitda ÷ revenue_total × 100 \(2004Q2\) = 1,234\.5679 ÷ 5\.0617 × 100; 2004Q2 Adjusted EBITDA: \[derived: 6M2004-06-30 − 2004Q1 = 2,469\.1357 − 1,234\.5678; .*\]; 2004Q2 Total Operating Revenues: \[derived: /,
    );
  });

  test('PERIODS("derived") and SERIES show the derived quarter', () => {
    expect(periods(d(), 'derived')).toEqual([['2004Q2']]);
    expect(series(d(), 'Revenue')).toEqual([['2004Q1', '2004Q2'], [5.0617, 5.0617], ['printed', 'derived: 6M2004-06-30 − 2004Q1']]);
  });

  test('a derived actual is no guidance', () => {
    expect(err(guidance(d(), 'Revenue', 'Q2 2004'))).toEqual({ code: '#N/A', message: 'No Total Operating Revenues guidance for 2004Q2; no guidance is imported for Total Operating Revenues' });
    expect(err(value(d(), 'Revenue', 'Q2 2004 high')).code).toBe('#N/A');
    expect(value(d(), 'Revenue', 'Q2 2004')).toBe(5.0617);
  });

  test('a ratio not derivable names the part it lacks', () => {
    // Q1 2004 prints revenue but no Adjusted EBITDA, so its margin cannot be worked out.
    const t = releaseText([{
      title: OPERATIONS,
      headers: [['Three Months Ended', 'June 30, 2004'], ['Three Months Ended', 'March 31, 2004']],
      rows: [['Total Operating Revenues', '$38,496', '$37,153'], ['Adjusted EBITDA', '$2,544', ''], ['Adjusted EBITDA (% of Revenue)', '6.6%', '']],
    }]);
    expect(err(value(dataOf('half.txt', t), 'Adjusted EBITDA margin', 'Q1 2004')).message).toMatch(/; not derivable: needs Adjusted EBITDA for 2004Q1$/);
    expect(err(value(seed(), 'Adjusted EBITDA margin', 'Q3 2005')).message).toMatch(/; not derivable: needs Adjusted EBITDA and Total Operating Revenues for 2005Q3$/);
  });
});

describe('SOURCE of a guidance midpoint', () => {
  test('both ends printed on one line are named once; on two lines, each (lines 74–75: FY2005 revenue $174.0 to $180.5 million)', () => {
    expect(source(seed(), 'Revenue', 'FY2005 mid')).toBe(
      '(low + high) / 2 of mpwr-2004q2-ex99-1.txt, line 74: 2004 is $152.6 million to $155.6 million, and for full-year 2005 is $174.0 | mpwr-2004q2-ex99-1.txt, line 75: million to $180.5 million. The company is forecasting full-year 2004 Adjusted',
    );
    expect(source(seed(), 'Adjusted EBITDA', 'FY2005 mid')).toBe('(low + high) / 2 of mpwr-2004q2-ex99-1.txt, line 340: Adjusted EBITDA $16,000 $18,000');
  });

  test('a range given by its low end only has no midpoint', () => {
    const text = releaseText([{ title: 'RECONCILIATION TO GAAP (amounts in $ thousands)', headers: [['12 Months Ending December 31, 2005', 'Low End of Range']], rows: [['Adjusted EBITDA', '$16,000']] }]);
    const d = dataOf('low-only.txt', text);
    expect(source(d, 'Adjusted EBITDA', 'FY2005 low')).toBe('low-only.txt, line 12: Adjusted EBITDA $16,000');
    expect(err(source(d, 'Adjusted EBITDA', 'FY2005 mid'))).toEqual({ code: '#N/A', message: 'No Adjusted EBITDA guidance for FY2005; guidance periods: FY2005' });
    expect(err(source(d, 'Adjusted EBITDA', 'FY2005 high')).code).toBe('#N/A');
  });
});

describe('SOURCE of a guidance range revised more than once', () => {
  // Three made-up releases, each giving full-year 2005 revenue guidance; the newest range is current.
  const release = (name: string, date: string, quarterEnd: string, low: string, high: string) => ({
    name,
    text: releaseText(
      [{ title: OPERATIONS, headers: [['Three Months Ended', quarterEnd]], rows: [['Total Operating Revenues', '$38,496']] }],
      [`The company's revenue guidance for the full-year 2005 is ${low} million to ${high} million.`],
    ).replace('July 29, 2004', date),
  });
  const april = release('a.txt', 'April 29, 2004', 'March 31, 2004', '$170.0', '$175.0');
  const july = release('b.txt', 'July 29, 2004', 'June 30, 2004', '$174.0', '$180.5');
  const october = release('c.txt', 'October 28, 2004', 'September 30, 2004', '$171.25', '$176.5');
  const earlier = 'range 171,250 to 176,500 (c.txt, 2004-10-28); revised from 174,000 to 180,500 (b.txt, 2004-07-29), before that 170,000 to 175,000 (a.txt, 2004-04-29)';

  test('the current range, then the earlier ones newest first', () => {
    const d = new FormulaStore([october, april, july]).data();
    expect(source(d, 'Revenue', 'FY2005 low')).toBe(`c.txt, line 15: The company's revenue guidance for the full-year 2005 is $171.25 million to $176.5 million.; ${earlier}`);
    expect(source(d, 'Revenue', 'FY2005 mid')).toBe(`(low + high) / 2 of c.txt, line 15: The company's revenue guidance for the full-year 2005 is $171.25 million to $176.5 million.; ${earlier}`);
    expect(guidance(d, 'Revenue', 2005)).toBe(173875); // (171,250 + 176,500) / 2
  });

  test('revised once: one earlier range; reiterated: none', () => {
    const once = new FormulaStore([april, july]).data();
    expect(source(once, 'Revenue', 'FY2005 high')).toMatch(/; range 174,000 to 180,500 \(b\.txt, 2004-07-29\); revised from 170,000 to 175,000 \(a\.txt, 2004-04-29\)$/);
    const again = release('b2.txt', 'October 28, 2004', 'September 30, 2004', '$174.0', '$180.5');
    const reiterated = new FormulaStore([july, again]).data();
    expect(source(reiterated, 'Revenue', 'FY2005 high')).toBe("b2.txt, line 15: The company's revenue guidance for the full-year 2005 is $174.0 million to $180.5 million.");
  });
});

describe('items the catalogue does not name', () => {
  // A made-up balance sheet with a row no concept names.
  const text = releaseText([{
    title: 'BALANCE SHEET (amounts in $ thousands)',
    headers: [['June 30, 2004'], ['March 31, 2004']],
    rows: [['Cash & Cash Equivalents', '$32,356', '$29,294'], ['Deferred Charges', '$1,200', '$1,100']],
  }]);
  const d = (): FormulaData => dataOf('bs.txt', text);

  test('a row of a balance sheet is a balance: asked for a quarter, it answers at its end', () => {
    expect(value(d(), 'Deferred Charges', 'Q2 2004')).toBe(1200);
    expect(value(d(), 'Deferred Charges', 'Q1 2004')).toBe(1100);
    expect(series(d(), 'Deferred Charges')).toEqual([['2004-03-31', '2004-06-30'], [1100, 1200], ['printed', 'printed']]);
    expect(err(ltm(d(), 'Deferred Charges')).message).toMatch(/^Deferred Charges is a balance: it has no LTM/);
  });

  test('named by its label, its id, or its id written with blanks or dashes', () => {
    for (const name of ['deferred charges', 'deferred_charges', 'Deferred-Charges', ' deferred  charges ', 'DEFERRED_CHARGES']) {
      expect([name, value(d(), name, 'Q1 2004')]).toEqual([name, 1100]);
    }
    // The seed's D&A split of Note 1 (line 277): a concept id written as words.
    expect(value(seed(), 'da sga', 'Q2 2004')).toBe(value(seed(), 'da_sga', 'Q2 2004'));
    expect(value(seed(), 'DA-SGA', 'Q2 2004')).toBe(value(seed(), 'da_sga', 'Q2 2004'));
  });

  test('ITEMS lists the catalogue\'s items, then the labels no concept names', () => {
    expect(items(d())).toEqual([['cash_and_equivalents', 'Cash & Cash Equivalents'], ['deferred_charges', 'Deferred Charges']]);
  });

  test('an unnamed percentage is found by its label or by its id (the label and "pct"), however that is written', () => {
    // A made-up release: a rate no concept names, printed as a percentage: its id is churn_rate_pct.
    const t = releaseText([{ title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$38,496'], ['Churn Rate', '1.5%']] }]);
    const churn = dataOf('churn.txt', t);
    for (const name of ['Churn Rate', 'churn_rate_pct', 'churn rate pct', ' Churn Rate Pct ', 'churn  rate-pct', 'CHURN-RATE-PCT']) {
      expect([name, value(churn, name, 'Q2 2004')]).toEqual([name, 0.015]);
    }
    expect(err(value(churn, 'churn rate pc', 'Q2 2004')).code).toBe('#VALUE!');
  });
});

describe('the scale money is answered in by default', () => {
  test("is the tables' scale, however many figures the text states in millions", () => {
    // One table figure in $ thousands; four guidance figures in $ millions in the text.
    const text = releaseText(
      [{ title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$38,496']] }],
      ["The company's revenue guidance for the full-year 2004 is $152.6 million to $155.6 million, and for full-year 2005 is $174.0 million to $180.5 million."],
    );
    const d = dataOf('scale.txt', text);
    expect(value(d, 'Revenue', 'Q2 2004')).toBe(38496);
    expect(guidance(d, 'Revenue', 2005, 'low')).toBe(174000);
  });

  test('is the scale most table figures are printed in', () => {
    // Two figures in $ thousands, one in $ millions.
    const text = releaseText([
      { title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$38,496'], ['Adjusted EBITDA', '$2,544']] },
      { title: 'BALANCE SHEET (amounts in $ millions)', headers: [['June 30, 2004']], rows: [['Cash & Cash Equivalents', '$32.4']] },
    ]);
    const d = dataOf('scales.txt', text);
    expect([value(d, 'Revenue', 'Q2 2004'), value(d, 'Cash', 'Q2 2004')]).toEqual([38496, 32400]);
  });
});

describe('why a missing figure is not derived', () => {
  test('a figure that is not a flow is never summed (net loss per share, line 266)', () => {
    expect(err(value(seed(), 'Net Loss per Share', 'Q3 2004')).message).toMatch(/; not derivable: .* is not a flow, so it is never summed or subtracted$/);
    expect(err(value(seed(), 'Net Loss per Share', 'Q3 2004')).message).toMatch(/^No .* for 2004Q3; imported periods: 2003Q2, 2004Q1, 2004Q2;/);
  });

  test('a balance at a date not imported: only the dates there are', () => {
    expect(err(value(seed(), 'Total Assets', 'Q3 2005'))).toEqual({ code: '#N/A', message: 'No Total Assets for 2005-09-30; imported periods: 2003-12-31, 2004-03-31, 2004-06-30' });
  });

  test('a quarter derived for one item is not a derived period when another prints it', () => {
    // Revenue printed for both quarters and the six months; Adjusted EBITDA Q2 = 6M − Q1 = 22 − 10 = 12.
    const text = releaseText([{
      title: OPERATIONS,
      headers: [['Three Months Ended', 'March 31, 2004'], ['Three Months Ended', 'June 30, 2004'], ['Six Months Ended', 'June 30, 2004']],
      rows: [['Total Operating Revenues', '$100', '$110', '$210'], ['Adjusted EBITDA', '10', '', '22']],
    }]);
    const d = dataOf('mixed.txt', text);
    expect(value(d, 'Adjusted EBITDA', 'Q2 2004')).toBe(12);
    expect(err(periods(d, 'derived'))).toEqual({ code: '#N/A', message: 'No derived periods imported' });
  });
});

describe('values: what a host passes, as one argument', () => {
  test('isFormulaError of nothing, of an object, of an error', () => {
    expect(isFormulaError(null)).toBe(false);
    expect(isFormulaError(undefined)).toBe(false);
    expect(isFormulaError({ kind: 'other' })).toBe(false);
    expect(isFormulaError('formula-error')).toBe(false);
    expect(isFormulaError(formulaError('#N/A', 'x'))).toBe(true);
  });

  test.each<[string, unknown, unknown]>([
    ['a column of two is a 2×1 range', [1, 2], formulaError('#VALUE!', 'period must be a single value, not a 2×1 range')],
    ['a 2×2 range', [[1, 2], [3, 4]], formulaError('#VALUE!', 'period must be a single value, not a 2×2 range')],
    ['a 1×3 range', [[1, 2, 3]], formulaError('#VALUE!', 'period must be a single value, not a 1×3 range')],
    ['a row of nothing is empty', [[]], { type: 'empty' }],
    ['two rows of nothing are empty', [[], []], { type: 'empty' }],
    ['a one-cell column of text', ['Q2 2004'], { type: 'text', value: 'Q2 2004' }],
    ['a 1×1 range of an empty cell', [[null]], { type: 'empty' }],
    ['a symbol', Symbol('s'), formulaError('#VALUE!', 'period must be a number, text or a date, not "symbol"')],
    ['a function', () => 1, formulaError('#VALUE!', 'period must be a number, text or a date, not "function"')],
  ])('%s', (_name, x, expected) => {
    expect(scalarArg(x, 'period')).toEqual(expected);
  });

  test('an argument as messages show it', () => {
    expect(showArg({ type: 'empty' })).toBe('(empty)');
    expect(showArg({ type: 'text', value: 'Q2' })).toBe('"Q2"');
    expect(showArg({ type: 'boolean', value: true })).toBe('TRUE');
    expect(showArg({ type: 'boolean', value: false })).toBe('FALSE');
    expect(showArg({ type: 'number', value: 2004 })).toBe('2004');
  });
});

describe('"did you mean": equally close names', () => {
  test('the first of equally close candidates is suggested', () => {
    expect(closest('abcd', ['abcx', 'abcy'])).toBe('abcx');
    expect(closest('abcd', ['abcy', 'abcx'])).toBe('abcy');
    // A closer one later still wins.
    expect(closest('abcd', ['abxy', 'abcx'])).toBe('abcx');
  });
});

describe('callFunction passes each argument on', () => {
  test('GUIDANCE and SOURCE by name', () => {
    expect(callFunction(seed(), 'GUIDANCE', ['Adjusted EBITDA', 2005, 'high'])).toBe(18000);
    expect(callFunction(seed(), 'SOURCE', ['Adjusted EBITDA', 'FY2005 high'])).toBe('mpwr-2004q2-ex99-1.txt, line 340: Adjusted EBITDA $16,000 $18,000');
  });
});

describe('the store: when it reads again', () => {
  test('the first import onto a store nothing has read yet reads, even of no filings', () => {
    const s = new FormulaStore([SEED]);
    const seen: number[] = [];
    s.onChange(() => seen.push(s.version));
    expect(s.setImported([]).dataset.filings.map((f) => f.file)).toEqual([SEED.name]);
    expect(seen).toEqual([1]);
    s.setImported([]); // the same again, now read: nothing changes
    expect(seen).toEqual([1]);
  });

  test('a filing of the same name with another text is a change; the same text is none', () => {
    const s = new FormulaStore([SEED]);
    s.setImported([syntheticQ3()]);
    expect(s.version).toBe(1);
    s.setImported([{ ...syntheticQ3() }]);
    expect(s.version).toBe(1);
    const edited = { name: syntheticQ3().name, text: syntheticQ3().text.replace(/Oct\. 28, 2004/g, 'Oct. 29, 2004') };
    s.setImported([edited]);
    expect(s.version).toBe(2);
    s.setImported([edited, SEED]); // one more: a change
    expect(s.version).toBe(3);
  });

  test('setting the same built-in filing again once read changes nothing; another rebuilds', () => {
    const s = new FormulaStore([SEED]);
    expect(value(s.data(), 'Revenue', 'Q2 2004')).toBe(38496);
    s.setBuiltIn([SEED]);
    expect(s.version).toBe(0);
    s.setBuiltIn([syntheticQ3()]);
    expect([s.version, s.builtInSources().map((x) => x.name)]).toEqual([1, ['synthetic-2004q3.txt']]);
  });

  test('the sources it was given are copied: changing the array later changes nothing', () => {
    const given = [SEED];
    const s = new FormulaStore(given);
    given.length = 0;
    expect(s.builtInSources().map((x) => x.name)).toEqual([SEED.name]);
    const later = [syntheticQ3()];
    s.setBuiltIn(later);
    later.length = 0;
    expect(s.builtInSources().map((x) => x.name)).toEqual(['synthetic-2004q3.txt']);
  });

  test('a listener stopped is not called again; the others are', () => {
    const s = new FormulaStore([SEED]);
    const calls: string[] = [];
    const stop = s.onChange(() => calls.push('a'));
    s.onChange(() => calls.push('b'));
    s.setImported([syntheticQ3()]);
    stop();
    s.setImported([]);
    expect(calls).toEqual(['a', 'b', 'b']);
  });
});

describe('help', () => {
  test('each function has its signature, optional parameters in brackets, in registry order', () => {
    const help = functionHelp();
    expect(help[0]).toMatchObject({ name: 'VALUE', signature: 'MPWR.VALUE(item, period, [scale])', example: '=MPWR.VALUE("Interest Expense", "Q2 2004")', answer: '67' });
    expect(help.find((h) => h.name === 'ITEMS')?.signature).toBe('MPWR.ITEMS()');
    expect(help.find((h) => h.name === 'SERIES')?.signature).toBe('MPWR.SERIES(item, [from], [to], [scale])');
  });

  test('a shortcut is described as the VALUE it stands for', () => {
    expect(functionHelp().find((h) => h.name === 'ADJ_EBITDA')).toEqual({
      name: 'ADJ_EBITDA',
      signature: 'MPWR.ADJ_EBITDA(period, [scale])',
      summary: 'Shortcut for MPWR.VALUE("adjusted_ebitda", period, [scale]).',
      example: '=MPWR.ADJ_EBITDA("Q2 2004")',
      answer: '',
    });
  });

  test('every period form the help shows is read as a period', () => {
    for (const form of PERIOD_FORMS) expect([form, isFormulaError(readPeriod({ type: 'text', value: form }))]).toEqual([form, false]);
  });
});

describe('more of what the functions say', () => {
  test('a range printed at its high end alone is labelled as printed there', () => {
    const text = releaseText([{ title: 'RECONCILIATION TO GAAP (amounts in $ thousands)', headers: [['12 Months Ending December 31, 2005', 'High End of Range']], rows: [['Adjusted EBITDA', '$18,000'], ['Net (Loss) Income (GAAP)', '$ 900']] }]);
    const rows = recon(dataOf('high-only.txt', text), 'Adjusted EBITDA', 'FY2005 high');
    if (isFormulaError(rows)) throw new Error(rows.message);
    expect([rows[0], rows[rows.length - 1]]).toEqual([['Adjusted EBITDA', 18000, 18000], ['Net (Loss) Income (GAAP)', 900, 900]]);
  });

  test('SOURCE of an actual figure names no guidance given for the same period', () => {
    // Two releases guide full-year 2005 revenue; a third prints the year's actual figure.
    const release = (name: string, date: string, headers: string[][], row: string[], prose: string[]) => ({ name, text: releaseText([{ title: OPERATIONS, headers, rows: [['Total Operating Revenues', ...row]] }], prose).replace('July 29, 2004', date) });
    const a = release('a.txt', 'April 29, 2004', [['Three Months Ended', 'March 31, 2004']], ['$37,153'], ["The company's revenue guidance for the full-year 2005 is $170.0 million to $175.0 million."]);
    const b = release('b.txt', 'July 29, 2004', [['Three Months Ended', 'June 30, 2004']], ['$38,496'], ["The company's revenue guidance for the full-year 2005 is $174.0 million to $180.5 million."]);
    const c = release('c.txt', 'February 23, 2006', [['Twelve Months Ended', 'December 31, 2005']], ['$176,000'], []);
    const d = new FormulaStore([a, b, c]).data();
    expect(source(d, 'Revenue', 'FY2005')).toBe('c.txt, line 12: Total Operating Revenues $176,000');
    expect(source(d, 'Revenue', 'FY2005 high')).toMatch(/; revised from 170,000 to 175,000 \(a\.txt, 2004-04-29\)$/);
  });

  test('an earlier range given by one end shows the other as "?"', () => {
    const low = { name: 'lo.txt', text: releaseText([{ title: 'RECONCILIATION TO GAAP (amounts in $ thousands)', headers: [['12 Months Ending December 31, 2005', 'Low End of Range']], rows: [['Adjusted EBITDA', '$15,000']] }]).replace('July 29, 2004', 'April 29, 2004') };
    const both = { name: 'both.txt', text: releaseText([{ title: 'RECONCILIATION TO GAAP (amounts in $ thousands)', headers: [['12 Months Ending December 31, 2005', 'Low End of Range'], ['12 Months Ending December 31, 2005', 'High End of Range']], rows: [['Adjusted EBITDA', '$16,000', '$18,000']] }]) };
    expect(source(new FormulaStore([low, both]).data(), 'Adjusted EBITDA', 'FY2005 high')).toBe(
      'both.txt, line 12: Adjusted EBITDA $16,000 $18,000; range 16,000 to 18,000 (both.txt, 2004-07-29); revised from 15,000 to ? (lo.txt, 2004-04-29)',
    );
  });

  test('CHECKS of a release that checks nothing, and an incomplete check with nothing computed', () => {
    const one = dataOf('one.txt', releaseText([{ title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Total Operating Revenues', '$38,496']] }]));
    expect(err(checks(one, 'Q2 2004'))).toEqual({ code: '#N/A', message: 'No checks for 2004Q2 / 2004-06-30; checked periods: none' });
    expect(err(claims(one, 'Q2 2004'))).toEqual({ code: '#N/A', message: 'No claims about 2004Q2 / 2004-06-30; the text states figures for no period' });
    expect(err(claims(one))).toEqual({ code: '#N/A', message: 'No claims: the imported filings state no figures in their text' });
    // Core Customer without Switched Access: the revenue sum cannot be computed.
    const part = dataOf('part.txt', releaseText([{ title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004']], rows: [['Core Customer', '$33,585'], ['Total Operating Revenues', '$38,496']] }]));
    expect(checks(part, 'Q2 2004')).toEqual([['id', 'period', 'status', 'reported', 'computed', 'difference'], ['ops-revenue@2004Q2', '2004Q2', 'incomplete', 38496, '', '']]);
  });

  test('CLAIMS: a statement with no number has no figure claimed (line 28, "essentially even with")', () => {
    const rows = claims(seed(), 'Q2 2004') as (string | number)[][];
    expect(rows.find((r) => r[4] === 28 && String(r[0]).endsWith('"essentially even with"'))?.[1]).toBe('');
    // Line 61-62: "basic and diluted net loss per share was $0.02": a per-share figure in dollars, not scaled.
    expect(rows.filter((r) => r[4] === 62 || r[4] === 61).map((r) => r[1])).toContain(-0.02);
  });

  test('GROWTH: a balance quarter over quarter; a span that is no quarter refused; from zero #DIV/0!', () => {
    // Cash: 32,356 at June 30, 29,294 at March 31, 2004 (line 194).
    expect(growth(seed(), 'Cash', 'Q2 2004', 'qoq')).toBeCloseTo((32356 - 29294) / 29294, 12);
    expect(err(growth(seed(), 'Revenue', 'H1 2004', 'qoq'))).toEqual({ code: '#VALUE!', message: '"qoq" compares a quarter (or an LTM) with the one before; 6M2004-06-30 is not a quarter: use "yoy"' });
    // Other Expense: (95) in Q2 2004, "-" in Q1 2004 (line 256).
    expect(err(growth(seed(), 'Other Expense', 'Q2 2004', 'qoq'))).toEqual({ code: '#DIV/0!', message: 'Other Expense was zero for 2004Q1: growth from zero is undefined' });
  });

  test('GROWTH of twelve months by quarter: the twelve months a quarter earlier', () => {
    const text = releaseText([{ title: OPERATIONS, headers: [['Twelve Months Ended', 'June 30, 2004'], ['Twelve Months Ended', 'March 31, 2004']], rows: [['Total Operating Revenues', '$150,000', '$120,000']] }]);
    const d = dataOf('ltms.txt', text);
    expect(growth(d, 'Revenue', '12M2004-06-30', 'qoq')).toBeCloseTo(0.25, 12); // (150,000 − 120,000) / 120,000
    expect(growth(d, 'Revenue', 'LTM Q2 2004', 'qoq')).toBeCloseTo(0.25, 12);
  });

  test('SERIES: a quarter another item prints but this one does not is #N/A in its cell', () => {
    const text = releaseText([{ title: OPERATIONS, headers: [['Three Months Ended', 'June 30, 2004'], ['Three Months Ended', 'March 31, 2004']], rows: [['Total Operating Revenues', '$38,496', '$37,153'], ['Adjusted EBITDA', '$2,544', '']] }]);
    expect(series(dataOf('half.txt', text), 'Adjusted EBITDA')).toEqual([['2004Q1', '2004Q2'], [formulaError('#N/A', 'No Adjusted EBITDA for 2004Q1'), 2544], ['printed', 'printed']]);
  });

  test('a shortcut not in the list; GUIDANCE passes on a period that names nothing for the item', () => {
    expect(err(shortcut(seed(), 'EBITDA_PLEASE', 'Q2 2004'))).toEqual({ code: '#VALUE!', message: 'No MPWR shortcut EBITDA_PLEASE' });
    expect(err(guidance(seed(), 'Cash', 'LTM')).message).toMatch(/^Cash & Cash Equivalents is a balance: it has no LTM/);
    expect(err(guidance(seed(), 'Revenue', 2005, 'highest'))).toEqual({ code: '#VALUE!', message: 'bound must be "low", "high" or "mid", not "highest"' });
    expect(guidance(seed(), 'Revenue', 2005, ' Middle ')).toBe(177250);
  });

  test('callFunction: a name with blanks; the number of arguments in words', () => {
    expect(callFunction(seed(), ' adj_ebitda ', ['Q2 2004'])).toBe(2544);
    expect(err(callFunction(seed(), 'ITEMS', [1])).message).toBe('MPWR.ITEMS takes 0 arguments (), got 1');
    expect(err(callFunction(seed(), 'SOURCE', ['Revenue'])).message).toBe('MPWR.SOURCE takes 2 arguments (item, period), got 1');
    expect(err(callFunction(seed(), 'CHECK', [1, 2])).message).toBe('MPWR.CHECK takes 0 to 1 argument ([period]), got 2');
  });
});

describe('balance sheet dates off the quarter end', () => {
  test('a balance sheet of July 2 closes the second quarter', () => {
    const text = releaseText([{ title: 'BALANCE SHEET (amounts in $ thousands)', headers: [['July 2, 2004'], ['March 31, 2004']], rows: [['Cash & Cash Equivalents', '$32,356', '$29,294']] }]);
    const d = dataOf('july.txt', text);
    expect(value(d, 'Cash', 'LATEST')).toBe(32356);
    expect(value(d, 'Cash', 'LATEST-1')).toBe(29294);
    expect(series(d, 'Cash', 'Q2 2004', 'Q2 2004')).toEqual([['2004-07-02'], [32356], ['printed']]);
  });

  test('a balance sheet of May 15 falls in the second quarter', () => {
    const text = releaseText([{ title: 'BALANCE SHEET (amounts in $ thousands)', headers: [['May 15, 2004'], ['March 31, 2004']], rows: [['Cash & Cash Equivalents', '$32,356', '$29,294']] }]);
    const d = dataOf('may.txt', text);
    expect(series(d, 'Cash', 'Q2 2004')).toEqual([['2004-05-15'], [32356], ['printed']]);
    expect(value(d, 'Cash', 'May 15, 2004')).toBe(32356);
  });
});

describe('periodOfKey: the period a key names', () => {
  test.each<[string, unknown]>([
    ['2004Q2', { key: '2004Q2', type: 'quarter', end: '2004-06-30', months: 3 }],
    ['FY2004', { key: 'FY2004', type: 'year', end: '2004-12-31', months: 12 }],
    ['9M2004-09-30', { key: '9M2004-09-30', type: 'duration', end: '2004-09-30', months: 9 }],
    ['2004-06-30', { key: '2004-06-30', type: 'instant', end: '2004-06-30', months: 0 }],
  ])('%s', (key, expected) => {
    expect(periodOfKey(key)).toMatchObject(expected as object);
  });

  test.each(['FY2004x', 'xFY2004', 'FY04', '2004-06-30x', 'x2004-06-30', '204-06-30', 'abcd-06-30', '2004-6-30', '2004-x6-30', '2004-0x-30', '2004-06-x0', '2004-06-3x', '2004Q5', 'banana', ''])('%j names none', (key) => {
    expect(periodOfKey(key)).toBeUndefined();
  });
});

describe('more argument shapes', () => {
  test('a host error of #NUM! keeps its code, by its code or its name', () => {
    expect(scalarArg({ code: '#NUM!' }, 'period')).toEqual(formulaError('#NUM!', 'period is an error (#NUM!)'));
    expect(scalarArg({ type: 'num' }, 'period')).toEqual(formulaError('#NUM!', 'period is an error (num)'));
    expect(scalarArg({ code: '#VALUE!' }, 'period')).toEqual(formulaError('#VALUE!', 'period is an error (#VALUE!)'));
  });

  test('"did you mean" compares inputs up to 80 characters', () => {
    expect(closest('a'.repeat(80), ['a'.repeat(79)])).toBe('a'.repeat(79));
  });
});
