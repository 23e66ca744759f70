/**
 * The Checks sheet's narrative section for the seed, evaluated as a spreadsheet does: the add-in
 * imports into the in-memory workbook (HyperFormula computes every formula), the user types
 * into its cells; then the written .xlsx recalculated by LibreOffice. Each claim's status comes
 * from formulas over the statement sheets' cells; the statuses expected are read off the filing
 * (test/support/seed-claims.ts, where each comment names the table figure).
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { importIntoWorkbook } from '../src/excel/import';
import { analyze, type SourceText } from '../src/pipeline';
import { cellAddress } from '../src/workbook/a1';
import { CLAIM_COLUMNS } from '../src/workbook/claims-section';
import { buildPlan, SHEET_NAMES } from '../src/workbook/layout';
import type { PlanCell, SheetPlan } from '../src/workbook/plan';
import { planToXlsx } from '../src/xlsx/write-xlsx';
import { excelContext, FakeWorkbook } from './support/fake-excel';
import { position, refOf, sheetOf } from './support/plan-cells';
import { EXPECTED, type Expected } from './support/seed-claims';

const SEED: SourceText = { name: 'mpwr-2004q2-ex99-1.txt', text: readFileSync(join(__dirname, '..', 'assets', 'filings', 'mpwr-2004q2-ex99-1.txt'), 'utf8') };
const CHECKS = SHEET_NAMES.checks;
const COL = Object.fromEntries(CLAIM_COLUMNS.map((c, i) => [c, i])) as Record<(typeof CLAIM_COLUMNS)[number], number>;

const sheetRows = (plan: SheetPlan): PlanCell[][] => sheetOf(plan, CHECKS).blocks[0].cells;
/** Row indices (0-based) of the claim rows, in the order of the text. */
const claimRowIndices = (plan: SheetPlan): number[] => sheetRows(plan).flatMap((r, i) => (String(r[0].value ?? '').startsWith('claim:') ? [i] : []));

/** The printed number of a claim as typed in a cell (`$38.5 million` → 38.5) and the same with its last digit moved by 3 (38.8). */
function printedNumber(words: string): { value: number; changed: number } {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(words) as RegExpExecArray;
  const text = m[0].replace(/,/g, '');
  const last = text.length - 1;
  const changed = text.slice(0, last) + String((Number(text[last]) + 3) % 10);
  return { value: Number(text), changed: Number(changed) };
}

/** The direction that says the opposite (`even` → `up`, as the vocabulary flips "essentially even with" to "well up from"). */
const OPPOSITE: Record<string, string> = { up: 'down', down: 'up', better: 'worse', worse: 'better', even: 'up', above: 'below', below: 'above' };

const linked = (e: Expected): boolean => e.status !== 'unlinked';

describe("the Checks sheet's narrative section (the seed, in the workbook the add-in writes)", () => {
  const wb = new FakeWorkbook();
  let plan: SheetPlan;
  let rowsAt: number[];
  const live = (r: number, col: number): unknown => wb.value(cellAddress(r, col), CHECKS);
  const type = (r: number, col: number, v: unknown): void => wb.setInputs(CHECKS, { r0: r, c0: col, r1: r, c1: col }, [[v]]);

  beforeAll(async () => {
    plan = (await importIntoWorkbook(excelContext(wb), [SEED], { notes: false })).plan;
    rowsAt = claimRowIndices(plan);
  });

  test('one row per claim of the text, in its order, each with the status read off the filing', () => {
    expect(rowsAt.length).toBe(EXPECTED.length);
    const got = rowsAt.map((r, i) => {
      const e = EXPECTED[i];
      return { line: e.line, lines: String(live(r, COL.Lines)).startsWith(`text ${e.line}`), period: live(r, COL.Period), base: live(r, COL['Compared with']) || undefined, status: live(r, COL.Status) };
    });
    expect(got).toEqual(EXPECTED.map((e) => ({ line: e.line, lines: true, period: e.period, base: e.base, status: e.status })));
  });

  test('a linked claim is live: its fact is the statement cell, its status a formula; an unlinked one says why', () => {
    const rows = sheetRows(plan);
    rowsAt.forEach((r, i) => {
      const e = EXPECTED[i];
      const row = rows[r];
      if (linked(e)) {
        expect([e.line, e.words, row[COL.Fact].formula]).toEqual([e.line, e.words, expect.stringMatching(/^=-?'MPWR (Operations|Non-GAAP|Balance Sheet|Guidance)'!\$?[A-Z]+\$?\d+$/)]);
        expect([e.line, e.words, row[COL.Status].formula]).toEqual([e.line, e.words, expect.stringMatching(/^=IF\(/)]);
      } else {
        expect([e.line, e.words, row[COL.Status].formula, String(row[COL.Reason].value)]).toEqual([e.line, e.words, undefined, expect.stringMatching(e.reason as RegExp)]);
      }
    });
  });

  test('"$38.5 million" (line 21) against Total Operating Revenues 2004Q2, 38,496 on line 238: a new figure in that cell breaks it', () => {
    const r = rowsAt[EXPECTED.findIndex((e) => e.line === 21 && e.words === '$38.5 million')];
    const revenue = refOf(plan, SHEET_NAMES.operations, 'revenue_total', '2004Q2');
    expect(sheetRows(plan)[r][COL.Fact].formula).toBe(`=${revenue}`);
    expect(live(r, COL.Actual)).toBeCloseTo(38.496, 9);
    expect(live(r, COL.Status)).toBe('rounding');
    const at = position(plan, SHEET_NAMES.operations, 'revenue_total', '2004Q2');
    wb.setInputs(SHEET_NAMES.operations, { r0: at.row, c0: at.col, r1: at.row, c1: at.col }, [[38_549]]);
    expect(live(r, COL.Status)).toBe('rounding'); // 38.549 still rounds to 38.5
    wb.setInputs(SHEET_NAMES.operations, { r0: at.row, c0: at.col, r1: at.row, c1: at.col }, [[38_550]]);
    expect(live(r, COL.Status)).toBe('break');
    wb.setInputs(SHEET_NAMES.operations, { r0: at.row, c0: at.col, r1: at.row, c1: at.col }, [[38_496]]);
    expect(live(r, COL.Status)).toBe('rounding');
  });

  test('the live counts and MPWR_CLAIMS_OK', () => {
    const rows = sheetRows(plan);
    const countRow = rows.findIndex((r) => r[0].value === 'Claims');
    const counts = wb.row(CHECKS, countRow);
    const of = (s: string): number => EXPECTED.filter((e) => e.status === s).length;
    expect(counts.slice(0, 11)).toEqual(['Claims', 'tie', of('tie'), 'rounding', of('rounding'), 'break', 0, 'unlinked', of('unlinked'), 'MPWR_CLAIMS_OK', true]);
    const name = wb.names().find((n) => n.name === 'MPWR_CLAIMS_OK');
    expect(wb.value(name?.formula.replace(/^=/, '') ?? '')).toBe(true);
  });

  test('mutations typed into the sheet: every linked claim breaks when its number changes, and when its direction flips (100%)', () => {
    const survivors: string[] = [];
    let numbers = 0;
    let directions = 0;
    rowsAt.forEach((r, i) => {
      const e = EXPECTED[i];
      if (!linked(e)) return;
      if (e.form !== 'comparison') {
        const n = printedNumber(e.words);
        expect([e.line, e.words, live(r, COL.Claimed)]).toEqual([e.line, e.words, n.value]);
        type(r, COL.Claimed, n.changed);
        if (live(r, COL.Status) !== 'break') survivors.push(`line ${e.line} ${e.words} → ${n.changed}: ${String(live(r, COL.Status))}`);
        type(r, COL.Claimed, n.value);
        numbers++;
        if (e.form === 'range') {
          const high = Number(live(r, COL['Claimed (high)']));
          type(r, COL['Claimed (high)'], high + 3);
          if (live(r, COL.Status) !== 'break') survivors.push(`line ${e.line} high ${high} → ${high + 3}: ${String(live(r, COL.Status))}`);
          type(r, COL['Claimed (high)'], high);
        }
      }
      if (e.form === 'change' || e.form === 'comparison') {
        const word = String(live(r, COL.Direction));
        expect([e.line, e.words, OPPOSITE[word] !== undefined]).toEqual([e.line, e.words, true]);
        type(r, COL.Direction, OPPOSITE[word]);
        if (live(r, COL.Status) !== 'break') survivors.push(`line ${e.line} ${e.words}: ${word} → ${OPPOSITE[word]}: ${String(live(r, COL.Status))}`);
        type(r, COL.Direction, word);
        directions++;
      }
      expect([e.line, e.words, live(r, COL.Status)]).toEqual([e.line, e.words, e.status]);
    });
    expect(survivors).toEqual([]);
    expect(numbers).toBe(EXPECTED.filter((e) => linked(e) && e.form !== 'comparison').length);
    expect(directions).toBe(EXPECTED.filter((e) => linked(e) && (e.form === 'change' || e.form === 'comparison')).length);
  });
});

// ---------------------------------------------------------------------------------------------
// LibreOffice: the written .xlsx, recalculated on load, gives the same statuses.

const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);

/** A CSV line's fields (quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') { v += '"'; i += 2; } else if (line[i] === '"') { i++; break; } else v += line[i++];
      }
      out.push(v);
      i++; // the comma
    } else {
      const j = line.indexOf(',', i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

(soffice ? describe : describe.skip)('the written .xlsx recalculated by LibreOffice', () => {
  test('every claim status computes as read off the filing; a claimed number and a direction changed before writing break their claims', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpwr-claims-'));
    try {
      const plan = buildPlan(analyze([SEED]));
      const rows = sheetRows(plan);
      const at = claimRowIndices(plan);
      // Two inputs changed after the layout computed its cached results: only a recalculation shows them.
      const revenue = at[EXPECTED.findIndex((e) => e.line === 21 && e.words === '$38.5 million')];
      const ebitdaDown = at[EXPECTED.findIndex((e) => e.line === 48 && e.words === 'down')];
      rows[revenue][COL.Claimed].value = 39.5;
      rows[ebitdaDown][COL.Direction].value = 'up';
      const xlsx = join(dir, 'mpwr.xlsx');
      writeFileSync(xlsx, await planToXlsx(plan));
      // A profile of its own that recalculates .xlsx files on load (OOXMLRecalcMode 0: always).
      mkdirSync(join(dir, 'profile', 'user'), { recursive: true });
      writeFileSync(join(dir, 'profile', 'user', 'registrymodifications.xcu'), [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
        '</oor:items>',
      ].join('\n'));
      const sheetNumber = plan.sheets.findIndex((s) => s.name === CHECKS) + 1;
      execFileSync(soffice as string, [
        `-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless',
        '--convert-to', `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheetNumber}`,
        '--outdir', join(dir, 'out'), xlsx,
      ], { stdio: 'pipe', timeout: 120_000 });
      const csv = readFileSync(join(dir, 'out', readdirSync(join(dir, 'out'))[0]), 'utf8').split(/\r?\n/).map(csvFields);
      const statuses = at.map((r) => csv[r][COL.Status]);
      expect(statuses).toEqual(EXPECTED.map((e, i) => (at[i] === revenue || at[i] === ebitdaDown ? 'break' : e.status)));
      // The cached results written with the file said otherwise: LibreOffice computed these.
      expect(rows[revenue][COL.Status].result).toBe('rounding');
      const counts = csv[rows.findIndex((r) => r[0].value === 'Claims')];
      expect(counts.slice(5, 11)).toEqual(['break', '2', 'unlinked', String(EXPECTED.filter((e) => e.status === 'unlinked').length), 'MPWR_CLAIMS_OK', 'FALSE']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

if (!soffice) test.skip('LibreOffice is not installed here: the recalculation test did not run', () => undefined);
