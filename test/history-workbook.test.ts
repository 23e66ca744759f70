/**
 * A model workbook over the history: the Q4 2003 release imported into an empty workbook, then
 * four refreshes (Q1 2004, the seed, Q3 2004, Q4 2004). A user's sheet written after the first
 * import holds MPWR formulas (LTM, GROWTH, VALUE of a derived period) and references to MPWR rows
 * and names; after each refresh every one of them gives the value read off the releases (fixture
 * and line given), and every check formula on the Checks sheet agrees with the engine.
 * HyperFormula evaluates the in-memory workbook, MPWR functions included.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FormulaData } from '../src/formulas/data';
import { importIntoWorkbook } from '../src/excel/import';
import type { SourceText } from '../src/pipeline';
import { excelContext, FakeWorkbook } from './support/fake-excel';
import { registerMpwr, useMpwrData } from './support/hyperformula-mpwr';

const read = (dir: string, name: string): SourceText => ({ name, text: readFileSync(join(__dirname, dir, name), 'utf8') });
const RELEASES = [
  read('fixtures', 'mpwr-2003q4-ex99-1.txt'),
  read('fixtures', 'mpwr-2004q1-ex99-1.txt'),
  read('../assets/filings', 'mpwr-2004q2-ex99-1.txt'),
  read('fixtures', 'mpwr-2004q3-ex99-1.txt'),
  read('fixtures', 'mpwr-2004q4-ex99-1.htm'),
];
const OPS = 'MPWR Operations';
const BS = 'MPWR Balance Sheet';
const NA = '#N/A';

/** The A1 address (with sheet) of the cell of an MPWR sheet at a row key and a column key, found by its keys. */
function cellOf(wb: FakeWorkbook, sheet: string, rowKey: string, colKey: string): string {
  let row = -1;
  let col = -1;
  for (let r = 0; r < 4 && col < 0; r++) for (let c = 0; c < 80; c++) if (wb.cellValue(sheet, r, c) === colKey) { col = c; break; }
  for (let c = 0; c < 3 && row < 0; c++) for (let r = 0; r < 200; r++) if (wb.cellValue(sheet, r, c) === rowKey) { row = r; break; }
  if (row < 0 || col < 0) throw new Error(`no cell for ${rowKey} × ${colKey} on ${sheet}`);
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `'${sheet}'!${letters}${row + 1}`;
}

/** Expected after each of the five imports (0: the first; 1–4: the refreshes). */
type Expect = (stage: number) => unknown;
const always = (v: unknown): Expect => () => v;
const from = (stage: number, v: unknown): Expect => (s) => (s >= stage ? v : NA);

describe('a user\'s model survives four refreshes over the history', () => {
  registerMpwr();
  const wb = new FakeWorkbook();
  const formulas: { cell: string; formula: () => string; expect: Expect; what: string }[] = [];
  const results: {
    stage: number;
    values: Record<string, unknown>;
    statuses: [string, unknown, string][];
    columns: unknown[];
    q3: { value: unknown; formula: boolean; fill?: string; color?: string; note?: string } | undefined;
    chart: unknown[];
  }[] = [];

  beforeAll(async () => {
    for (let stage = 0; stage < RELEASES.length; stage++) {
      const result = await importIntoWorkbook(excelContext(wb), [RELEASES[stage]], { notes: true });
      const data = new FormulaData(result.analysis);
      useMpwrData(() => data);
      if (stage === 0) {
        wb.addSheet('Model');
        const refRevenue = cellOf(wb, OPS, 'revenue_total', '2003Q4');
        const refCash = cellOf(wb, BS, 'cash_and_equivalents', '2003-12-31');
        const refFyEbitda = cellOf(wb, 'MPWR Non-GAAP', 'adjusted_ebitda', 'FY2003');
        formulas.push(
          // FY2003 revenue 148,200 (mpwr-2003q4 line 124): the LTM to Q4 2003.
          { cell: 'A1', formula: () => '=MPWR.LTM("Revenue","Q4 2003")', expect: always(148200), what: 'LTM revenue Q4 2003' },
          // 36,912 over 37,950 (line 124, 2003Q4 and 2002Q4).
          { cell: 'A2', formula: () => '=MPWR.GROWTH("Revenue","Q4 2003")', expect: always((36912 - 37950) / 37950), what: 'revenue growth Q4 2003' },
          // 340 (2003Q3: FY2003 436 − Q1 −1,570 − Q2 −782 − Q4 2,448, derived until the Q3 2004 release prints it) + 2,448 + 3,216 + 2,544.
          { cell: 'A3', formula: () => '=MPWR.LTM("Adjusted EBITDA","Q2 2004")', expect: from(2, 8548), what: 'LTM Adjusted EBITDA Q2 2004' },
          // 1,862 (Q4 2004 release) over 2,448 (mpwr-2003q4 line 159).
          { cell: 'A4', formula: () => '=MPWR.GROWTH("Adjusted EBITDA","Q4 2004")', expect: from(4, (1862 - 2448) / 2448), what: 'Adjusted EBITDA growth Q4 2004' },
          { cell: 'A5', formula: () => `=${refRevenue}`, expect: always(36912), what: 'reference to 2003Q4 revenue' },
          { cell: 'A6', formula: () => `=${refCash}`, expect: always(29307), what: 'reference to cash at Dec 31, 2003' },
          { cell: 'A7', formula: () => `=${refFyEbitda}`, expect: always(436), what: 'reference to FY2003 Adjusted EBITDA' },
          // The first column of the revenue row: 2002Q4, 37,950, whatever comes later.
          { cell: 'A8', formula: () => '=INDEX(MPWR_REVENUE_TOTAL,1,1)', expect: always(37950), what: 'workbook name, first period' },
          // 2003Q3 revenue: derived 148,200 − 36,640 − 37,758 − 36,912 = 36,890 once Q1 and Q2 are in; printed by the Q3 release.
          { cell: 'A9', formula: () => '=MPWR.VALUE("Revenue","Q3 2003")', expect: from(2, 36890), what: 'revenue Q3 2003' },
          // 9M 2004 Adjusted EBITDA margin: 6.2% as the Q3 release prints it (line 159); not derivable before (no 2004Q3).
          { cell: 'A10', formula: () => '=MPWR.ADJ_EBITDA_MARGIN("9M 2004")', expect: from(3, 0.062), what: '9M 2004 Adjusted EBITDA margin' },
          // The same for the six months, derived from 2004Q1 and 2004Q2 once the seed is in: (3,216 + 2,544) / (37,153 + 38,496).
          { cell: 'A11', formula: () => '=MPWR.ADJ_EBITDA_MARGIN("H1 2004")', expect: from(2, (3216 + 2544) / (37153 + 38496)), what: 'H1 2004 Adjusted EBITDA margin' },
        );
        for (const f of formulas) {
          const r = Number(f.cell.slice(1)) - 1;
          wb.setInputs('Model', { r0: r, c0: 0, r1: r, c1: 0 }, [[f.formula()]]);
        }
      }
      wb.hf.rebuildAndRecalculate();
      const values = Object.fromEntries(formulas.map((f) => [f.cell, wb.value(f.cell, 'Model')]));
      const statuses = (result.plan.checks ?? []).map((c): [string, unknown, string] => [c.id, wb.value(c.liveStatus), c.status]);
      const columns = wb.row(OPS, 0).slice(2).filter((k) => k !== '' && !String(k).startsWith('diff'));
      let q3: (typeof results)[number]['q3'];
      if (columns.includes('2003Q3')) {
        const at = cellOf(wb, OPS, 'revenue_total', '2003Q3');
        q3 = { value: wb.value(at), formula: wb.hasFormula(at), fill: wb.format(at).fill, color: wb.format(at).color, note: wb.note(at) };
      }
      const chart = wb.row('MPWR Chart', 0).slice(2).filter((k) => k !== '');
      results.push({ stage, values, statuses, columns, q3, chart });
    }
  });

  test.each([0, 1, 2, 3, 4])('after import %i every formula of the user\'s sheet has the value read off the releases', (stage) => {
    const got = results[stage].values;
    for (const f of formulas) {
      const want = f.expect(stage);
      const v = got[f.cell];
      if (typeof want === 'number') expect([f.what, typeof v === 'number' ? Number(v.toFixed(9)) : v]).toEqual([f.what, Number(want.toFixed(9))]);
      else expect([f.what, v]).toEqual([f.what, want]);
    }
  });

  test.each([0, 1, 2, 3, 4])('after import %i every check formula agrees with the engine', (stage) => {
    const { statuses } = results[stage];
    expect(statuses.length).toBeGreaterThan(100);
    for (const [id, live, engine] of statuses) expect([id, live]).toEqual([id, engine]);
  });

  test('quarters in time order, derived ones live and grey with a note naming the derivation, then the longer periods in a block of their own', () => {
    // After the seed: 2003Q3 is printed nowhere yet; FY2003 − 2003Q1 − 2003Q2 − 2003Q4 = 148,200 − 36,640 − 37,758 − 36,912.
    expect(results[2].columns).toEqual(['2002Q4', '2003Q1', '2003Q2', '2003Q3', '2003Q4', '2004Q1', '2004Q2', 'FY2002', '6M2003-06-30', '9M2003-09-30', 'FY2003', '6M2004-06-30']);
    // Black (formulas; the in-memory workbook keeps black as no colour), not the blue of figures as filed.
    expect(results[2].q3).toEqual({ value: 36890, formula: true, fill: '#EDEDED', color: undefined, note: expect.stringMatching(/^DERIVED \(printed in no release\): FY2003 − 2003Q1 − 2003Q2 − 2003Q4\nFY2003: mpwr-2003q4-ex99-1\.txt, line 124\n2003Q1: mpwr-2004q1-ex99-1\.txt, line 117\n/) });
    expect(results[2].chart).toEqual(['2002Q4', '2003Q1', '2003Q2', '2003Q3', '2003Q4', '2004Q1', '2004Q2']);
    // The Q3 2004 release prints it (line 122): the same cell, now as filed.
    expect(results[3].q3).toEqual({ value: 36890, formula: false, fill: undefined, color: '#0000FF', note: expect.stringMatching(/^mpwr-2004q3-ex99-1\.txt, line 122/) });
    expect(results[4].columns).toEqual([
      '2002Q4', '2003Q1', '2003Q2', '2003Q3', '2003Q4', '2004Q1', '2004Q2', '2004Q3', '2004Q4',
      'FY2002', '6M2003-06-30', '9M2003-09-30', 'FY2003', '6M2004-06-30', '9M2004-09-30', 'FY2004',
    ]);
    expect(results[4].chart).toEqual(['2002Q4', '2003Q1', '2003Q2', '2003Q3', '2003Q4', '2004Q1', '2004Q2', '2004Q3', '2004Q4']);
  });

  test('the references still point at their periods and rows, and the formulas were not rewritten but moved', () => {
    expect(wb.formula('A5', 'Model')).toBe(`=${cellOf(wb, OPS, 'revenue_total', '2003Q4')}`);
    expect(wb.formula('A6', 'Model')).toBe(`=${cellOf(wb, BS, 'cash_and_equivalents', '2003-12-31')}`);
  });
});
