// =MPWR.* formulas typed into a workbook as a person would, evaluated by a real spreadsheet
// engine (HyperFormula) through the same implementation as the Excel add-in. Expected numbers
// are read off the seed filing (assets/filings/mpwr-2004q2-ex99-1.txt, line numbers given).
import { DetailedCellError, type HyperFormula } from 'hyperformula';
import { mpwrWorkbook, useMpwrData } from './support/hyperformula-mpwr';
import { SEED_Q2_RECON, seedFormulaData } from './support/formulas-seed';

type Row = (string | number | boolean | null)[];

let hf: HyperFormula;

beforeAll(() => {
  useMpwrData(seedFormulaData);
});

afterEach(() => {
  hf?.destroy();
});

/** Builds a one-sheet workbook and returns a reader of its cells by A1 address. */
function sheet(rows: Row[]): (a1: string) => unknown {
  hf = mpwrWorkbook({ Model: rows });
  return (a1: string) => {
    const address = hf.simpleCellAddressFromString(a1, 0);
    if (!address) throw new Error(`bad address ${a1}`);
    return hf.getCellValue(address);
  };
}

function errorOf(v: unknown): { type: string; message: string } {
  expect(v).toBeInstanceOf(DetailedCellError);
  const e = v as DetailedCellError;
  return { type: e.value, message: e.message };
}

describe('a model sheet typed as a person would', () => {
  test('Adjusted EBITDA for Q2 2004 in every way of naming the quarter (line 272: $2,544)', () => {
    const cell = sheet([
      ['=MPWR.ADJ_EBITDA("Q2 2004")'],
      ['=MPWR.ADJ_EBITDA(DATE(2004,6,30))'],
      ['2Q04', '=MPWR.ADJ_EBITDA(A3)'],
      ['=MPWR.ADJ_EBITDA("2004Q2")'],
      ['=MPWR.ADJ_EBITDA("Q2-2004")'],
      ['=MPWR.ADJ_EBITDA("June 30, 2004")'],
      ['=MPWR.ADJ_EBITDA("6/30/2004")'],
      ['=MPWR.ADJ_EBITDA(38168)'],
      ['=MPWR.ADJ_EBITDA("LATEST")'],
      ['=mpwr.adj_ebitda("q2 2004")'],
      ['=MPWR.VALUE("Adjusted EBITDA","Q2 2004")'],
      ['=MPWR.VALUE("adjusted_ebitda",DATE(2004,6,30))'],
    ]);
    expect(cell('A1')).toBe(2544);
    expect(cell('A2')).toBe(2544);
    expect(cell('B3')).toBe(2544);
    for (const a1 of ['A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12']) expect([a1, cell(a1)]).toEqual([a1, 2544]);
  });

  test('formulas combine with the engine: margin = Adjusted EBITDA / Revenue (2,544 / 38,496)', () => {
    const cell = sheet([
      ['=MPWR.ADJ_EBITDA("Q2 2004")/MPWR.REVENUE("Q2 2004")'],
      ['=ROUND(A1,3)=MPWR.ADJ_EBITDA_MARGIN("Q2 2004")'],
      ['=MPWR.ADJ_EBITDA("Q2 2004")-MPWR.ADJ_EBITDA("Q1 2004")'],
      ['=SUM(MPWR.CORE_REVENUE("Q2 2004"),MPWR.SWITCHED_ACCESS_REVENUE("Q2 2004"))=MPWR.REVENUE("Q2 2004")'],
      ['=MPWR.REVENUE("Q2 2004")/MPWR.REVENUE("Q2 2003")-1'],
    ]);
    expect(cell('A1')).toBeCloseTo(2544 / 38496, 12);
    expect(cell('A2')).toBe(true); // 6.6% printed on line 273
    expect(cell('A3')).toBe(2544 - 3216);
    expect(cell('A4')).toBe(true); // 33,585 + 4,911 = 38,496 (lines 235-238)
    expect(cell('A5')).toBeCloseTo(38496 / 37758 - 1, 12);
  });

  test('the shortcuts, read off the statement of operations, the balance sheet and the reconciliation', () => {
    const cell = sheet([
      ['=MPWR.ADJ_GROSS_MARGIN("Q2 2004")', 20756], // line 269
      ['=MPWR.ADJ_GROSS_MARGIN_PCT("Q2 2004")', 0.539], // line 270
      ['=MPWR.GROSS_MARGIN("Q2 2004")', 18792], // line 291
      ['=MPWR.CORE_REVENUE("Q1 2004")', 32770], // line 235
      ['=MPWR.SWITCHED_ACCESS_REVENUE("Q2 2003")', 5619], // line 236
      ['=MPWR.DA("Q2 2004")', 3879], // line 247
      ['=MPWR.LOSS_FROM_CONTINUING_OPS("Q2 2004")', -1312], // line 251
      ['=MPWR.NET_LOSS("Q2 2004")', -1404], // line 260
      ['=MPWR.NET_LOSS("Q1 2004")', -263],
      ['=MPWR.EPS("Q2 2003")', -0.07], // line 267
      ['=MPWR.CASH("Q2 2004")', 32356], // line 194, balance sheet at June 30, 2004
      ['=MPWR.CASH(DATE(2003,12,31))', 29307],
      ['=MPWR.TOTAL_ASSETS("Q1 2004")', 102113], // line 204
      ['=MPWR.SHARES("Q2 2004")', 78417485], // line 262
      ['=MPWR.ADJ_EBITDA_MARGIN("Q2 2003")', -0.021], // line 273
      ['=MPWR.VALUE("Total Current Assets","June 30, 2004")', 48332], // line 199
      ['=MPWR.VALUE("total current  assets","LATEST-1")', 48504],
      ['=MPWR.REVENUE("Q2 2004","millions")', 38.496],
      ['=MPWR.REVENUE("Q2 2004","units")', 38496000],
    ]);
    for (let r = 1; r <= 19; r++) expect([r, cell(`A${r}`)]).toEqual([r, cell(`B${r}`)]);
  });

  test('guidance: revenue $174.0–$180.5 million for 2005 (line 74–75), Adjusted EBITDA and the reconciliation lines', () => {
    const cell = sheet([
      ['=MPWR.GUIDANCE("Revenue",2005,"high")', 180500],
      ['=MPWR.GUIDANCE("Revenue",2005,"low")', 174000],
      ['=MPWR.GUIDANCE("Revenue","FY2004")', (152600 + 155600) / 2],
      ['=MPWR.GUIDANCE("Adjusted EBITDA",2004,"low")', 8000], // line 317
      ['=MPWR.GUIDANCE("Adjusted EBITDA",2005,"mid")', 17000], // line 340
      ['=MPWR.GUIDANCE("Net Loss",2005,"high")', 900], // line 352
      ['=MPWR.GUIDANCE("Net Loss",2004,"low")', -7800], // line 330
      ['=MPWR.GUIDANCE("Depreciation and Amortization",2005,"high")', 17000], // line 341
      ['=MPWR.VALUE("Net Loss","FY2005 low")', -1100],
    ]);
    for (let r = 1; r <= 9; r++) expect([r, cell(`A${r}`)]).toEqual([r, cell(`B${r}`)]);
  });
});

describe('spilled results', () => {
  test('SERIES spills period keys over values in time order (lines 238 and 194)', () => {
    const cell = sheet([['=MPWR.SERIES("Revenue")', null, null], [null, null, null], [null, null, null], ['=MPWR.SERIES("Cash")', null, null], [null, null, null], [null, null, null]]);
    expect([cell('A1'), cell('B1'), cell('C1')]).toEqual(['2003Q2', '2004Q1', '2004Q2']);
    expect([cell('A2'), cell('B2'), cell('C2')]).toEqual([37758, 37153, 38496]);
    expect([cell('A3'), cell('B3'), cell('C3')]).toEqual(['printed', 'printed', 'printed']);
    expect([cell('A4'), cell('B4'), cell('C4')]).toEqual(['2003-12-31', '2004-03-31', '2004-06-30']);
    expect([cell('A5'), cell('B5'), cell('C5')]).toEqual([29307, 29294, 32356]);
  });

  test('SERIES with from and to, and other cells summing the spill', () => {
    const cell = sheet([['=MPWR.SERIES("Adjusted EBITDA","Q1 2004","Q2 2004")', null, '=SUM(A2:B2)'], [null, null, null], [null, null, null]]);
    expect([cell('A1'), cell('B1')]).toEqual(['2004Q1', '2004Q2']);
    expect([cell('A2'), cell('B2')]).toEqual([3216, 2544]);
    expect(cell('C1')).toBe(3216 + 2544);
  });

  test('RECON spills Adjusted EBITDA down to Net Loss (lines 296–309)', () => {
    const rows: Row[] = [['=MPWR.RECON("Adjusted EBITDA","Q2 2004")', null, null]];
    for (let i = 0; i < 12; i++) rows.push([null, null, null]);
    const cell = sheet(rows);
    const got = Array.from({ length: 11 }, (_, i) => [cell(`A${i + 1}`), cell(`B${i + 1}`), cell(`C${i + 1}`)]);
    // Amount in the item's own sign (as MPWR.VALUE), effect as the reconciliation prints it.
    expect(got).toEqual(SEED_Q2_RECON);
    expect(cell('A12')).toBeNull();
  });

  test('RECON of the 2005 guidance, high end (lines 340–352), and of Adjusted Gross Margin (lines 287–291)', () => {
    const rows: Row[] = [['=MPWR.RECON("Adjusted EBITDA","FY2005","high")', null, null, null, '=MPWR.RECON("Adjusted Gross Margin","2Q04")', null, null]];
    for (let i = 0; i < 11; i++) rows.push([null, null, null, null, null, null, null]);
    const cell = sheet(rows);
    expect(Array.from({ length: 10 }, (_, i) => cell(`C${i + 1}`))).toEqual([18000, -17000, 300, -200, 1100, 400, -300, 1200, -300, 900]);
    expect(Array.from({ length: 10 }, (_, i) => cell(`B${i + 1}`))).toEqual([18000, 17000, 300, 200, 1100, 400, 300, 1200, -300, 900]);
    expect(cell('A5')).toBe('(Loss) Income from Continuing Operations');
    expect([cell('E1'), cell('F1'), cell('F2'), cell('G2'), cell('E3'), cell('F3')]).toEqual(['Adjusted Gross Margin', 20756, 1964, -1964, 'Gross Margin (GAAP)', 18792]);
  });

  test('CHECKS spills a header row and one row per check; CHECK says whether they all hold', () => {
    const rows: Row[] = [['=MPWR.CHECKS("Q2 2004")', null, null, null, null, null, '=MPWR.CHECK("Q2 2004")', '=MPWR.CHECK("Q1 2004")', '=MPWR.CHECK()']];
    for (let i = 0; i < 60; i++) rows.push([null, null, null, null, null, null, null, null, null]);
    const cell = sheet(rows);
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map(cell)).toEqual(['id', 'period', 'status', 'reported', 'computed', 'difference']);
    const ids: unknown[] = [];
    for (let r = 2; cell(`A${r}`) !== null; r++) ids.push(cell(`A${r}`));
    expect(ids).toContain('bridge-adjusted-ebitda@2004Q2');
    expect(ids).toContain('bs-balance@2004-06-30'); // a quarter covers its balance sheet date
    const row = ids.indexOf('bs-balance@2004-06-30') + 2;
    expect([cell(`C${row}`), cell(`D${row}`), cell(`E${row}`), cell(`F${row}`)]).toEqual(['tie', 99874, 99874, 0]);
    expect(cell('G1')).toBe(true);
    // Q1 2004: $0.01 per share printed for 241 / 78,321,851 shares ($0.003) on line 266 — the filing's one break.
    expect(cell('H1')).toBe(false);
    expect(cell('I1')).toBe(false);
  });

  test('PERIODS and ITEMS spill lists', () => {
    const rows: Row[] = [['=MPWR.PERIODS()', '=MPWR.PERIODS("guidance")', '=MPWR.ITEMS()', null]];
    for (let i = 0; i < 70; i++) rows.push([null, null, null, null]);
    const cell = sheet(rows);
    expect(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].map(cell)).toEqual(['2003Q2', '2003-12-31', '2004-03-31', '2004Q1', '2004-06-30', '2004Q2', null]);
    expect(['B1', 'B2', 'B3'].map(cell)).toEqual(['FY2004', 'FY2005', null]);
    expect([cell('C1'), cell('D1')]).toEqual(['cash_and_equivalents', 'Cash & Cash Equivalents']);
  });

  test('a spill that has no room is #SPILL!, as in Excel', () => {
    const cell = sheet([['=MPWR.SERIES("Revenue")', 'in the way', null], [null, null, null], [null, null, null]]);
    expect(errorOf(cell('A1')).type).toBe('#SPILL!');
  });
});

describe('errors a person can act on', () => {
  test('a quarter not imported is #N/A naming the periods that exist', () => {
    const cell = sheet([['=MPWR.ADJ_EBITDA("Q3 2009")']]);
    expect(errorOf(cell('A1'))).toEqual({ type: '#N/A', message: 'No Adjusted EBITDA for 2009Q3; imported periods: 2003Q2, 2004Q1, 2004Q2; not derivable: needs 9M2009-09-30 and 6M2009-06-30 (the years to date with and without it)' });
  });

  test('"banana" as a period or as an item is #VALUE!', () => {
    const cell = sheet([['=MPWR.ADJ_EBITDA("banana")'], ['=MPWR.VALUE("banana","Q2 2004")']]);
    const a = errorOf(cell('A1'));
    expect(a.type).toBe('#VALUE!');
    expect(a.message).toMatch(/Can't read "banana" as a period/);
    const b = errorOf(cell('A2'));
    expect(b.type).toBe('#VALUE!');
    expect(b.message).toMatch(/Unknown item "banana"/);
  });

  test('an empty cell where a period is required is #VALUE!', () => {
    const cell = sheet([[null, '=MPWR.ADJ_EBITDA(A1)'], ['=MPWR.ADJ_EBITDA("")'], ['=MPWR.VALUE(A1,"Q2 2004")']]);
    expect(errorOf(cell('B1'))).toEqual({ type: '#VALUE!', message: expect.stringMatching(/^period is required/) });
    expect(errorOf(cell('A2')).type).toBe('#VALUE!');
    expect(errorOf(cell('A3')).message).toMatch(/^item is required/);
  });

  test("an error in an argument flows through, like Excel's own functions", () => {
    const cell = sheet([['=MPWR.ADJ_EBITDA(1/0)'], ['=MPWR.ADJ_EBITDA(NA())']]);
    expect(errorOf(cell('A1')).type).toBe('#DIV/0!');
    expect(errorOf(cell('A2')).type).toBe('#N/A');
  });

  test('a range where one value is expected is #VALUE!; a wrong number of arguments is refused', () => {
    const cell = sheet([['Q2 2004', 'Q1 2004', '=MPWR.ADJ_EBITDA(A1:B1)', '=MPWR.ADJ_EBITDA()']]);
    expect(errorOf(cell('C1'))).toEqual({ type: '#VALUE!', message: 'period must be a single value, not a 1×2 range' });
    expect(errorOf(cell('D1')).type).toBe('#N/A'); // HyperFormula's own arity check
  });

  test('a guidance-only year asked as an actual says where the guidance is', () => {
    const cell = sheet([['=MPWR.ADJ_EBITDA("FY2004")'], ['=MPWR.GUIDANCE("Core Customer",2005)'], ['=MPWR.GUIDANCE("Revenue",2005,"best")']]);
    const a = errorOf(cell('A1'));
    expect(a.type).toBe('#N/A');
    expect(a.message).toMatch(/FY2004 has guidance: use MPWR\.GUIDANCE/);
    expect(errorOf(cell('A2')).type).toBe('#N/A');
    expect(errorOf(cell('A3'))).toEqual({ type: '#VALUE!', message: 'bound must be "low", "high" or "mid", not "best"' });
  });
});
