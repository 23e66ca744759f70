/**
 * Every formula of the written .xlsx carries its computed value, so a reader that does not
 * calculate (a viewer, a script, Protected View) sees the numbers. The reader here is the sheet
 * XML itself, unzipped: the cached `<v>` of each `<f>` cell (ExcelJS's own reader drops cached
 * zeros and empty strings, so it would hide a missing value). Each result is checked against
 * HyperFormula evaluating the same formulas (independent of the layout's own evaluator), and a
 * few against numbers read off the filing by hand.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Workbook, type CellValue } from 'exceljs';
import JSZip from 'jszip';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { analyze } from '../src/pipeline';
import { buildPlan } from '../src/workbook/layout';
import { planToXlsx } from '../src/xlsx/write-xlsx';
import { addressOf, checkRow } from './support/plan-cells';

const SEED = 'mpwr-2004q2-ex99-1.txt';
const text = readFileSync(join(__dirname, '..', 'assets', 'filings', SEED), 'utf8');
const Q3 = { name: 'synthetic-2004q3.txt', text: readFileSync(join(__dirname, 'fixtures', 'synthetic-2004q3.txt'), 'utf8') };

type Plain = string | number | boolean | null;

async function load(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every formula cell of the file with its cached value, read from the sheet XML. */
async function formulaCells(bytes: Uint8Array): Promise<{ sheet: string; address: string; formula: string; result: unknown }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const book = await zip.file('xl/workbook.xml')?.async('string') ?? '';
  const out: { sheet: string; address: string; formula: string; result: unknown }[] = [];
  for (const tag of book.match(/<sheet [^>]*>/g) ?? []) {
    const m = [tag, /name="([^"]+)"/.exec(tag)?.[1] ?? '', /sheetId="(\d+)"/.exec(tag)?.[1] ?? ''];
    const xml = await zip.file(`xl/worksheets/sheet${m[2]}.xml`)?.async('string') ?? '';
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/g)) {
      const f = /<f>(.*?)<\/f>/.exec(c[3]);
      if (!f) continue;
      const v = /<v>(.*?)<\/v>|<v\/>/.exec(c[3]);
      const t = /t="(\w+)"/.exec(c[2])?.[1];
      let result: unknown;
      if (v) {
        const raw = decode(v[1] ?? '');
        result = t === 'str' ? raw : t === 'b' ? raw === '1' : t === 'e' ? { error: raw } : Number(raw);
      }
      out.push({ sheet: decode(m[1]), address: c[1], formula: decode(f[1]), result });
    }
  }
  return out;
}

function hyperformula(wb: Workbook): HyperFormula {
  const sheets: Record<string, Plain[][]> = {};
  wb.eachSheet((ws) => {
    const rows: Plain[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: Plain[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value as CellValue;
        cells[c - 1] = v === null || v === undefined ? null : typeof v === 'object' && 'formula' in v ? `=${v.formula}` : typeof v === 'string' ? `'${v}` : (v as Plain);
      });
      rows[r - 1] = Array.from(cells, (x) => x ?? null);
    });
    sheets[ws.name] = Array.from(rows, (x) => x ?? []);
  });
  return HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
}

describe.each([
  ['the seed', () => analyze([{ name: SEED, text }])],
  ['the seed and a second quarter (restatements, a rollforward)', () => analyze([Q3], [{ name: SEED, text }])],
])('cached values in the .xlsx of %s', (_what, make) => {
  const plan = buildPlan(make());
  let wb: Workbook;
  let cells: Awaited<ReturnType<typeof formulaCells>>;
  beforeAll(async () => {
    const bytes = await planToXlsx(plan);
    wb = await load(bytes);
    cells = await formulaCells(bytes);
  });

  test('every formula cell has a cached result', () => {
    expect(cells.length).toBeGreaterThan(300);
    expect(cells.filter((c) => c.result === undefined || c.result === null).map((c) => `${c.sheet}!${c.address} ${c.formula}`)).toEqual([]);
  });

  test('each cached result is what HyperFormula computes from the same formulas', () => {
    const hf = hyperformula(wb);
    const wrong: string[] = [];
    for (const c of cells) {
      const at = hf.simpleCellAddressFromString(c.address, hf.getSheetId(c.sheet) as number);
      if (!at) throw new Error(c.address);
      const v = hf.getCellValue(at);
      const expected = v instanceof DetailedCellError ? { error: v.value } : v;
      const got = c.result;
      const same = typeof expected === 'number' && typeof got === 'number' ? Math.abs(expected - got) <= 1e-9 * Math.max(1, Math.abs(expected)) : JSON.stringify(expected) === JSON.stringify(got);
      if (!same) wrong.push(`${c.sheet}!${c.address} ${c.formula}: cached ${JSON.stringify(got)}, HyperFormula ${JSON.stringify(expected)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('cached values read off the filing', () => {
  const plan = buildPlan(analyze([{ name: SEED, text }]));
  let cells: Awaited<ReturnType<typeof formulaCells>>;
  beforeAll(async () => { cells = await formulaCells(await planToXlsx(plan)); });
  const result = (sheet: string, address: string): unknown => cells.find((c) => c.sheet === sheet && c.address === address)?.result;

  test('a reconciliation recomputes the printed total, the Checks sheet shows the break and its summary', () => {
    // 17,740 + 18,212 + 39 + (62) + 3,879 = 39,808 (lines 242-249, Q2 2004).
    expect(result('MPWR Operations', addressOf(plan, 'MPWR Operations', 'rule:ops-expenses', '2004Q2'))).toBe(39808);
    // Guidance mid-point of FY2004 Adjusted EBITDA: ($8,000 + $10,000) / 2.
    expect(result('MPWR Guidance', addressOf(plan, 'MPWR Guidance', 'adjusted_ebitda', 'FY2004#guidance-mid'))).toBe(9000);
    const sheet = plan.sheets.find((s) => s.name === 'MPWR Checks');
    const row = (sheet?.blocks[0].cells.indexOf(checkRow(plan, 'eps-discontinued@2004Q1')) ?? -1) + 1;
    expect(result('MPWR Checks', `I${row}`)).toBe('break');
    // 241 / 78,321,851 shares, in dollars per share.
    expect(result('MPWR Checks', `F${row}`) as number).toBeCloseTo(241000 / 78321851, 12);
    const ok = plan.names.find((n) => n.name === 'MPWR_CHECKS_OK')?.refersTo.replace(/^.*!/, '').replace(/\$/g, '') ?? '';
    expect(result('MPWR Checks', ok)).toBe(false);
  });
});
