/**
 * The .xlsx written for the seed, read back with ExcelJS: sheets, formulas, formats, names and
 * notes are there, and its formulas, evaluated by HyperFormula, give the checks' statuses.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Workbook, type CellValue, type FillPattern } from 'exceljs';
import JSZip from 'jszip';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { analyze } from '../src/pipeline';
import { buildPlan, FORMATS, INPUT_COLOR } from '../src/workbook/layout';
import { cellAddress, parseRange } from '../src/workbook/a1';
import { planToXlsx } from '../src/xlsx/write-xlsx';
import { addressOf, position } from './support/plan-cells';

const SEED = 'mpwr-2004q2-ex99-1.txt';
const text = readFileSync(join(__dirname, '..', 'assets', 'filings', SEED), 'utf8');

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function hfContent(v: CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return `'${v}`;
  if (typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') return `=${v.formula}`;
  throw new Error(`unexpected cell value ${JSON.stringify(v)}`);
}

async function readBack(bytes: Uint8Array): Promise<{ wb: Workbook; hf: HyperFormula; value: (ref: string) => unknown }> {
  const wb = new Workbook();
  await wb.xlsx.load(arrayBuffer(bytes));
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  wb.eachSheet((ws) => {
    const rows: (string | number | boolean | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: (string | number | boolean | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => { out[c - 1] = hfContent(cell.value); });
      rows[r - 1] = Array.from(out, (x) => x ?? null);
    });
    sheets[ws.name] = Array.from(rows, (x) => x ?? []);
  });
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  wb.definedNames.model.forEach((n: { name: string; ranges: string[] }) => hf.addNamedExpression(n.name, `=${n.ranges[0]}`));
  const value = (ref: string): unknown => {
    const p = parseRange(ref);
    if (!p?.sheet) throw new Error(ref);
    const v = hf.getCellValue({ sheet: hf.getSheetId(p.sheet) as number, row: p.start.row, col: p.start.col });
    return v instanceof DetailedCellError ? v.value : v;
  };
  return { wb, hf, value };
}

describe('xlsx for the seed', () => {
  const analysis = analyze([{ name: SEED, text }]);
  const plan = buildPlan(analysis);
  let book: Awaited<ReturnType<typeof readBack>>;

  beforeAll(async () => {
    const bytes = await planToXlsx(plan);
    expect(bytes).toBeInstanceOf(Uint8Array);
    book = await readBack(bytes);
  });

  test('has the MPWR sheets in order, frozen headers and column widths', () => {
    const names = book.wb.worksheets.map((w) => w.name);
    expect(names).toEqual(['MPWR Balance Sheet', 'MPWR Operations', 'MPWR Non-GAAP', 'MPWR Guidance', 'MPWR Checks', 'MPWR Chart']);
    const ops = book.wb.getWorksheet('MPWR Operations');
    expect(ops?.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(ops?.getColumn(2).width).toBeGreaterThan(30);
    // The key column and key row are hidden: labels, then numbers.
    expect(ops?.getColumn(1).hidden).toBe(true);
    expect(ops?.getRow(1).hidden).toBe(true);
  });

  test('print setup: landscape, one page wide, repeated titles and labels, a header naming company, sheet and release', () => {
    for (const ws of book.wb.worksheets) {
      expect([ws.name, ws.pageSetup.orientation, ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight]).toEqual([ws.name, 'landscape', true, 1, 0]);
      expect(ws.headerFooter.oddHeader).toBe(`&LMpower Holding (AMEX: MPE)&C${ws.name}&R${SEED}`);
    }
    const ops = book.wb.getWorksheet('MPWR Operations');
    expect(ops?.pageSetup.printTitlesRow).toBe('2:4');
    expect(ops?.pageSetup.printTitlesColumn).toBe('A:B');
  });

  test('the Checks sheet has conditional formats by status and a filter', () => {
    const ws = book.wb.getWorksheet('MPWR Checks');
    expect(String(ws?.autoFilter)).toMatch(/^A\d+:N\d+$/);
    const cfs = (ws as unknown as { conditionalFormattings?: { rules: { formulae?: unknown[] }[] }[] }).conditionalFormattings ?? [];
    const rules = cfs.flatMap((c) => c.rules.map((r) => String(r.formulae?.[0] ?? '')));
    expect(rules.some((f) => /="break"$/.test(f))).toBe(true);
    expect(rules.some((f) => /="rounding"$/.test(f))).toBe(true);
  });

  test('numbers as filed are blue with the money format, read off the filing', () => {
    const bs = book.wb.getWorksheet('MPWR Balance Sheet');
    const tca = position(plan, 'MPWR Balance Sheet', 'total_current_assets', '2004-06-30');
    const cell = bs?.getCell(tca.row + 1, tca.col + 1);
    expect(bs?.getCell(tca.row + 1, 2).value).toBe('Total Current Assets');
    expect(bs?.getCell(1, tca.col + 1).value).toBe('2004-06-30');
    expect(cell?.value).toBe(48332);
    expect(cell?.numFmt).toBe('#,##0;(#,##0);"-"');
    expect(cell?.font?.color?.argb).toBe(`FF${INPUT_COLOR.slice(1)}`);
    expect(cell?.font?.bold).toBe(true); // a subtotal, with a rule above
    expect(cell?.border?.top?.style).toBe('thin');
    expect(String(cell?.note)).toContain(`${SEED}, line 199`);
    const ng = book.wb.getWorksheet('MPWR Non-GAAP');
    const margin = addressOf(plan, 'MPWR Non-GAAP', 'adjusted_ebitda_margin', '2004Q2');
    expect(ng?.getCell(margin).value).toBeCloseTo(0.066, 12); // Adjusted EBITDA (% of Revenue) 6.6%
    expect(ng?.getCell(margin).numFmt).toBe(FORMATS.percent);
    const ops = book.wb.getWorksheet('MPWR Operations');
    expect(ops?.getCell(addressOf(plan, 'MPWR Operations', 'eps_net_loss_basic_diluted', '2004Q2')).numFmt).toBe('$#,##0.00;$(#,##0.00);$0.00');
    expect(ops?.getCell(addressOf(plan, 'MPWR Operations', 'weighted_average_shares', '2004Q2')).numFmt).toBe('#,##0');
  });

  test('reconciliations are formulas that equal the printed totals', () => {
    const bs = book.wb.getWorksheet('MPWR Balance Sheet');
    const lines = ['cash_and_equivalents', 'accounts_receivable_net', 'other_receivables', 'prepaid_and_other_current_assets'].map((k) => addressOf(plan, 'MPWR Balance Sheet', k, '2004-06-30'));
    expect(bs?.getCell(addressOf(plan, 'MPWR Balance Sheet', 'rule:bs-current-assets', '2004-06-30')).value).toEqual(expect.objectContaining({ formula: lines.join('+'), result: 48332 }));
    const sums = (plan.checks ?? []).filter((c) => c.reconciliation && !/^(eps-(loss|discontinued|net)|adjusted-(gross-margin-pct|ebitda-margin))/.test(c.id));
    expect(sums.length).toBeGreaterThan(60);
    for (const c of sums) {
      const r = c.reconciliation as { formula: string; printed: string };
      expect([c.id, book.value(r.formula)]).toEqual([c.id, book.value(r.printed)]);
    }
  });

  test('every check formula gives the status the Decimal engine found: all tie or rounding but the filing\'s own break', () => {
    const checks = plan.checks ?? [];
    expect(checks.length).toBe(analysis.checks.length);
    const breaks: string[] = [];
    for (const c of checks) {
      const live = book.value(c.liveStatus);
      expect([c.id, live]).toEqual([c.id, c.status]);
      if (live === 'break') breaks.push(c.id);
    }
    expect(breaks).toEqual(['eps-discontinued@2004Q1']);
  });

  test('workbook names for each concept row', () => {
    const names = book.wb.definedNames.model.map((n: { name: string; ranges: string[] }) => [n.name, n.ranges[0]]);
    const row = position(plan, 'MPWR Non-GAAP', 'adjusted_ebitda', '2004Q2').row + 1;
    expect(names).toContainEqual(['MPWR_ADJUSTED_EBITDA', `'MPWR Non-GAAP'!$C$${row}:$F$${row}`]); // three quarters and H1 2004 (derived)
    expect(book.hf.calculateFormula('=INDEX(MPWR_ADJUSTED_EBITDA,1,3)', book.hf.getSheetId('MPWR Checks') as number)).toBe(2544);
  });

  test('text that starts with = + - @ is written as text', async () => {
    const hostile = plan.sheets.map((s) => ({ ...s, blocks: s.blocks.map((b) => ({ ...b, cells: b.cells.map((r) => r.map((c) => ({ ...c }))) })) }));
    const ops = hostile.find((s) => s.name === 'MPWR Operations');
    if (!ops) throw new Error('no ops');
    ops.blocks[0].cells[2][1] = { value: '=1+1' };
    ops.blocks[0].cells[3][1] = { value: '+SUM(A1)' };
    ops.blocks[0].cells[4][1] = { value: '-2' };
    ops.blocks[0].cells[5][1] = { value: '@cmd' };
    const wb = new Workbook();
    await wb.xlsx.load(arrayBuffer(await planToXlsx({ ...plan, sheets: hostile })));
    const ws = wb.getWorksheet('MPWR Operations');
    expect([ws?.getCell('B3').value, ws?.getCell('B4').value, ws?.getCell('B5').value, ws?.getCell('B6').value]).toEqual(['=1+1', '+SUM(A1)', '-2', '@cmd']);
  });
});

describe('xlsx: what Excel does on open, and restated figures', () => {
  const Q3 = { name: 'synthetic-2004q3.txt', text: readFileSync(join(__dirname, 'fixtures', 'synthetic-2004q3.txt'), 'utf8') };

  test('the file asks Excel to recalculate every formula on open (calcPr fullCalcOnLoad), so no stale result is shown', async () => {
    const bytes = await planToXlsx(buildPlan(analyze([{ name: SEED, text }])));
    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
    const calcPr = /<calcPr\b[^>]*>/.exec(workbookXml ?? '')?.[0] ?? '';
    expect(calcPr).toMatch(/\bfullCalcOnLoad="(1|true)"/);
  });

  test('a restated figure carries its fill in the file, as every filled cell of the plan does', async () => {
    // The synthetic Q3 release restates accounts receivable at June 30, 2004 (11,611 in the seed, line 195).
    const plan = buildPlan(analyze([Q3], [{ name: SEED, text }]));
    const filled: { sheet: string; address: string; fill: string; note: string }[] = [];
    for (const sheet of plan.sheets) {
      for (const b of sheet.blocks) {
        b.cells.forEach((row, r) => row.forEach((c, k) => {
          if (c.style?.fill) filled.push({ sheet: sheet.name, address: cellAddress(b.row + r, b.col + k), fill: c.style.fill, note: c.note ?? '' });
        }));
      }
    }
    expect(filled.some((f) => /RESTATED: previously 11,611/.test(f.note))).toBe(true);
    const wb = new Workbook();
    await wb.xlsx.load(arrayBuffer(await planToXlsx(plan)));
    for (const f of filled) {
      const fill = wb.getWorksheet(f.sheet)?.getCell(f.address).fill as FillPattern | undefined;
      expect([f.sheet, f.address, fill?.type, fill?.pattern, fill?.fgColor?.argb]).toEqual([f.sheet, f.address, 'pattern', 'solid', `FF${f.fill.replace(/^#/, '').toUpperCase()}`]);
    }
  });
});
