/**
 * Hostile content and workbook safety.
 *
 * - Labels, a file name and cells that read as formulas (`=`, `+`, `-`, `@`, HYPERLINK, DDE such
 *   as `=cmd|' /C calc'!A0`) land as text: in the in-memory Excel workbook and in the .xlsx
 *   (read back with ExcelJS: string cells, no formula but the plan's own).
 * - A filing over the size cap is refused by the import and the task pane before any work (the
 *   reader's own refusal, and control characters, Windows-1252 quotes, a UTF-8 BOM and NUL bytes
 *   read like the clean seed: reader-robust.test.ts).
 * - Characters an .xlsx cannot hold are replaced, never written; figures too large for Excel.
 * - Sheet names: within Excel's limits, and a user's sheet that takes an MPWR name is never
 *   written over.
 * - A corrupt, foreign or newer-version custom XML part is reported and left as it is; a user's
 *   sheet, names and foreign parts are byte-identical after an import; a failed write puts
 *   every part back.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { FILINGS_NAMESPACE, filingsXml, loadStoredFilings, parseFilingsXml } from '../src/excel/filing-store';
import { importIntoWorkbook, MPWR_SHEETS } from '../src/excel/import';
import { WorkbookWriteError } from '../src/excel/writer';
import { MAX_FILING_BYTES } from '../src/filing/reader';
import { analyze, type SourceText } from '../src/pipeline';
import { buildPlan, SHEET_NAMES, TOO_LARGE_TEXT } from '../src/workbook/layout';
import type { PlanCell, SheetPlan } from '../src/workbook/plan';
import { validatePlan } from '../src/workbook/validate';
import { planToXlsx, xmlText } from '../src/xlsx/write-xlsx';
import { MAX_BYTES, sourceFromBytes, sourceFromFile } from '../taskpane/sources';
import { excelContext, FakeWorkbook } from './support/fake-excel';

const SEED_NAME = 'mpwr-2004q2-ex99-1.txt';
const SEED_TEXT = readFileSync(join(__dirname, '..', 'assets', 'filings', SEED_NAME), 'utf8');
const SEED: SourceText = { name: SEED_NAME, text: SEED_TEXT };

const DDE = "=cmd|' /C calc'!A0";
const HYPERLINK = '=HYPERLINK("http://evil.example/","click")';
/** Label replacements: each hostile text takes the place of a printed row label. */
const HOSTILE_LABELS: [string, string][] = [
  ['Core Customer', DDE],
  ['Switched Access', HYPERLINK],
  ['Stock-Based Compensation Expense', "+SUM(1,2)+cmd|' /C calc'!A0"],
  ['Interest Income', '-2+3'],
  ['Accrued Bonus', '@SUM(A1:A2)'],
  ['Other Receivables', '=1+1\u0007\uffff\ud800'],
];
const HOSTILE_FILE = `${DDE}.txt`;

/** The seed with row labels replaced in place (numbers stay in their columns). */
function relabel(text: string, pairs: [string, string][]): string {
  const lines = text.split('\n');
  for (const [from, to] of pairs) {
    const i = lines.findIndex((l) => l.trimStart().startsWith(`${from}  `));
    if (i < 0) throw new Error(`no row ${from}`);
    const line = lines[i];
    const start = line.indexOf(from);
    const firstNumber = line.slice(start + from.length).search(/\S/) + start + from.length;
    const room = firstNumber - start - 2;
    if (to.length > room) throw new Error(`${to} does not fit before the numbers of ${from}`);
    lines[i] = line.slice(0, start) + to.padEnd(firstNumber - start) + line.slice(firstNumber);
  }
  return lines.join('\n');
}

const HOSTILE_TEXT = relabel(SEED_TEXT, HOSTILE_LABELS);

/** Every cell of a plan with its sheet and A1-style position (0-based row/col). */
function planCells(plan: SheetPlan): { sheet: string; row: number; col: number; cell: PlanCell }[] {
  const out: { sheet: string; row: number; col: number; cell: PlanCell }[] = [];
  for (const s of plan.sheets) {
    for (const b of s.blocks) b.cells.forEach((r, ri) => r.forEach((cell, ci) => out.push({ sheet: s.name, row: b.row + ri, col: b.col + ci, cell })));
  }
  return out;
}

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('text that reads as a formula is written as text', () => {
  const sources: SourceText[] = [{ name: HOSTILE_FILE, text: HOSTILE_TEXT }];
  const analysis = analyze(sources);
  const plan = buildPlan(analysis);
  const cells = planCells(plan);
  const strings = cells.filter((c) => typeof c.cell.value === 'string');

  test('the hostile labels and file name reach the plan as text values, never as formulas', () => {
    expect(validatePlan(plan)).toEqual([]);
    const texts = new Set(strings.map((c) => c.cell.value));
    for (const [, label] of HOSTILE_LABELS.slice(0, 5)) expect(texts).toContain(label);
    expect([...texts].some((t) => typeof t === 'string' && t.includes(HOSTILE_FILE))).toBe(true);
    const formulas = cells.filter((c) => c.cell.formula !== undefined).map((c) => c.cell.formula ?? '');
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.filter((f) => /cmd\||HYPERLINK|evil/i.test(f))).toEqual([]);
  });

  test('in Excel (the in-memory workbook): every text cell holds its text, and the only formulas are the plan\'s', async () => {
    const wb = new FakeWorkbook();
    const result = await importIntoWorkbook(excelContext(wb), sources, { notes: true });
    expect(result.plan.sheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    for (const c of planCells(result.plan)) {
      const at = { sheet: c.sheet, r: c.row, c: c.col };
      const hasFormula = wb.hf.doesCellHaveFormula({ sheet: wb.sheetId(at.sheet), row: at.r, col: at.c });
      if (c.cell.formula !== undefined) {
        expect(hasFormula).toBe(true);
        continue;
      }
      expect([c.sheet, c.row, c.col, hasFormula]).toEqual([c.sheet, c.row, c.col, false]);
      if (typeof c.cell.value === 'string') expect(wb.cellValue(c.sheet, c.row, c.col)).toBe(c.cell.value);
    }
    // The DDE label as a person sees it in the Operations sheet.
    const ops = SHEET_NAMES.operations;
    // Labels stand in column B (column A holds the hidden row keys).
    const col = Array.from({ length: 60 }, (_, r) => wb.cellValue(ops, r, 1));
    expect(col).toContain(DDE);
    expect(col).toContain(HYPERLINK);
    // Notes carry the file name and the printed line as text.
    const notes = wb.sheets.flatMap((s) => [...s.notes.values()].map((n) => n.content));
    expect(notes.some((n) => n.includes(HOSTILE_FILE))).toBe(true);
  });

  test('in the .xlsx (read back with ExcelJS): text cells are strings, formulas only where the plan has them', async () => {
    const bytes = await planToXlsx(plan);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBuffer(bytes));
    const planned = new Map(cells.map((c) => [`${c.sheet}!${c.row},${c.col}`, c.cell]));
    const seen = new Set<string>();
    book.eachSheet((ws) => {
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const want = planned.get(`${ws.name}!${r - 1},${c - 1}`);
          if (want?.formula !== undefined) {
            expect(cell.type).toBe(ExcelJS.ValueType.Formula);
            return;
          }
          expect([ws.name, r, c, cell.type === ExcelJS.ValueType.Formula]).toEqual([ws.name, r, c, false]);
          expect(cell.formula).toBeFalsy();
          if (typeof want?.value === 'string') {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            expect(cell.value).toBe(xmlText(want.value));
            seen.add(`${ws.name}!${r - 1},${c - 1}`);
          }
        });
      });
    });
    // Every text of the plan was found, as a string.
    expect(strings.filter((c) => c.cell.value !== '' && !seen.has(`${c.sheet}!${c.row},${c.col}`))).toEqual([]);
    const all: unknown[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => all.push(cell.value))));
    expect(all).toContain(DDE);
    expect(all).toContain(HYPERLINK);
    // The reader blanks the BEL; U+FFFF and a lone surrogate cannot be in an .xlsx: replaced.
    expect(all).toContain('=1+1 \ufffd\ufffd');
  });

  test('characters XML cannot hold are replaced in the .xlsx, which then opens; numbers too large for Excel are errors, not Infinity', async () => {
    const odd: SheetPlan = {
      sheets: [{ name: 'MPWR Odd', blocks: [{ row: 0, col: 0, cells: [
        [{ value: 'bell\u0007 nul\u0000 ffff\uffff fffe\ufffe lone\udc00 pair\ud83d\ude00', note: 'note\u0001' }],
        [{ value: Number.POSITIVE_INFINITY }], [{ value: Number.NaN }], [{ value: '_x0041_ stays literal text' }],
      ] }] }],
      names: [],
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBuffer(await planToXlsx(odd)));
    const ws = book.getWorksheet('MPWR Odd');
    expect(ws?.getCell('A1').value).toBe('bell\ufffd nul\ufffd ffff\ufffd fffe\ufffd lone\ufffd pair\ud83d\ude00');
    expect(ws?.getCell('A2').value).toEqual({ error: '#NUM!' });
    expect(ws?.getCell('A3').value).toEqual({ error: '#NUM!' });
  });

  test('a figure beyond a double is written as text the layout can hold, so the import is not refused', async () => {
    // 400 digits in the guidance sentence: read as a figure (compared with the guidance table), too large for Excel.
    const text = SEED_TEXT.replace('EBITDA in the range of $8.0 million', `EBITDA in the range of $${'9'.repeat(400)}.0 million`);
    expect(text).not.toBe(SEED_TEXT);
    const a = analyze([{ name: 'huge.txt', text }]);
    expect(a.diagnostics.map((d) => d.message)).toEqual(expect.arrayContaining([expect.stringMatching(/line 76 holds a number of 401 digits/)]));
    const p = buildPlan(a);
    expect(validatePlan(p)).toEqual([]);
    expect(planCells(p).filter((c) => c.cell.value === TOO_LARGE_TEXT).length).toBeGreaterThan(0);
    const wb = new FakeWorkbook();
    const r = await importIntoWorkbook(excelContext(wb), [{ name: 'huge.txt', text }], { notes: false });
    expect(r.analysis.checks.filter((c) => c.status === 'break').map((c) => c.id)).toEqual(['eps-discontinued@2004Q1', 'same-fact:adjusted_ebitda@FY2004#guidance-low']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBuffer(await planToXlsx(p)));
    expect(book.worksheets.length).toBe(p.sheets.length);
  });
});

describe('a filing over the size cap is refused before any work', () => {
  const big = `${SEED_TEXT}\n${' '.repeat(MAX_FILING_BYTES)}`;

  test('the import refuses it without reading the workbook', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Model');
    const state = JSON.stringify(wb.state());
    const error = await importIntoWorkbook(excelContext(wb), [{ name: 'huge.txt', text: big }]).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect((error as Error).message).toMatch(/^Nothing was written: huge\.txt is 20\.0 MB; filings over 20 MB are refused\.$/);
    expect(wb.syncs).toBe(0);
    expect(JSON.stringify(wb.state())).toBe(state);
  });

  test('the task pane refuses a file over the cap from its size, without reading its bytes', async () => {
    expect(MAX_BYTES).toBe(MAX_FILING_BYTES);
    const r = sourceFromBytes('submission.txt', MAX_BYTES + 1, undefined);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/submission\.txt is 20\.0 MB, larger than any earnings release/) });
    const arrayBufferCalls: string[] = [];
    const file = { name: 'submission.txt', size: 64 * 1024 * 1024, arrayBuffer: async () => { arrayBufferCalls.push('read'); return new ArrayBuffer(0); } };
    const viaFile = await sourceFromFile(file as unknown as File);
    expect(viaFile.ok).toBe(false);
    expect(arrayBufferCalls).toEqual([]);
  });
});

describe('sheet names', () => {
  test('every MPWR sheet name is within Excel\'s rules: at most 31 characters, no []:*?/\\, no two alike whatever their case', () => {
    const names = Object.values(SHEET_NAMES);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$/);
      expect(n.startsWith('MPWR ')).toBe(true);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(MPWR_SHEETS.sort()).toEqual([...names].sort());
  });

  test('a plan with a sheet name too long, with a forbidden character, or twice (in another case) is refused whole', () => {
    const sheet = (name: string): SheetPlan['sheets'][number] => ({ name, blocks: [{ row: 0, col: 0, cells: [[{ value: 1 }]] }] });
    expect(validatePlan({ sheets: [sheet('MPWR 0123456789012345678901234567')], names: [] })).toEqual([expect.stringMatching(/not allowed by Excel/)]);
    expect(validatePlan({ sheets: [sheet('MPWR a:b')], names: [] })).toEqual([expect.stringMatching(/not allowed by Excel/)]);
    expect(validatePlan({ sheets: [sheet('MPWR Checks'), sheet('MPWR CHECKS')], names: [] })).toEqual([expect.stringMatching(/appears twice/)]);
  });

  test.each([
    ['a user\'s sheet named like an MPWR sheet in another case', 'mpwr checks', false],
    ['a user\'s own "MPWR Operations" in a workbook MPWR never wrote to', 'MPWR Operations', false],
  ])('%s is never written over: nothing is written, and the message says what to rename', async (_what, name) => {
    const wb = new FakeWorkbook();
    wb.addSheet(name);
    wb.setInputs(name, { r0: 0, c0: 0, r1: 0, c1: 1 }, [['my own numbers', 42]]);
    const state = JSON.stringify(wb.state());
    const error = await importIntoWorkbook(excelContext(wb), [SEED]).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect((error as Error).message).toBe(`Nothing was written: this workbook already has a sheet named '${name}' that MPWR did not write. Rename or delete it, then import again.`);
    expect(JSON.stringify(wb.state())).toBe(state);
  });
});

describe('workbook safety: the add-in writes only its own sheets, names and part', () => {
  const FOREIGN = '<?xml version="1.0"?>\n<budget xmlns="urn:contoso:budget:2004"><line id="1">=cmd|\' /C calc\'!A0</line></budget>';
  const ctxSync = async (wb: FakeWorkbook, f: (ctx: Excel.RequestContext) => void): Promise<void> => {
    const ctx = excelContext(wb);
    f(ctx);
    await ctx.sync();
  };

  /** A user's workbook: a model sheet (values, a formula, formula-like text), a name of its own, a foreign XML part. */
  async function usersWorkbook(extraParts: string[] = []): Promise<FakeWorkbook> {
    const wb = new FakeWorkbook();
    wb.addSheet('Model');
    wb.setInputs('Model', { r0: 0, c0: 0, r1: 2, c1: 1 }, [[1.5, '=A1*2'], ["'=cmd|' /C calc'!A0", 'notes'], ['2004Q2', null]]);
    await ctxSync(wb, (ctx) => {
      ctx.workbook.names.add('MyRate', '=Model!$A$1');
      ctx.workbook.customXmlParts.add(FOREIGN);
      for (const x of extraParts) ctx.workbook.customXmlParts.add(x);
    });
    wb.syncs = 0;
    return wb;
  }
  type State = { sheets: { name: string }[]; names: { name: string }[]; parts: string[] };
  const stateOf = (wb: FakeWorkbook): State => wb.state() as State;
  const userParts = (s: State, mine: (x: string) => boolean): string[] => s.parts.filter((x) => !mine(x));
  const written = (x: string): boolean => x === filingsXml([SEED]);

  test('after an import the user\'s sheet, name and foreign part are byte-identical, and everything new is MPWR\'s', async () => {
    const wb = await usersWorkbook();
    const before = stateOf(wb);
    await importIntoWorkbook(excelContext(wb), [SEED], { notes: true });
    const after = stateOf(wb);
    expect(JSON.stringify(after.sheets.find((s) => s.name === 'Model'))).toBe(JSON.stringify(before.sheets.find((s) => s.name === 'Model')));
    expect(after.names.find((n) => n.name === 'MyRate')).toEqual(before.names.find((n) => n.name === 'MyRate'));
    expect(after.parts[0]).toBe(FOREIGN);
    expect(after.parts).toEqual([FOREIGN, filingsXml([SEED])]);
    expect(after.sheets.filter((s) => s.name !== 'Model').every((s) => s.name.startsWith('MPWR '))).toBe(true);
    expect(after.names.filter((n) => n.name !== 'MyRate').every((n) => n.name.startsWith('MPWR_'))).toBe(true);
    expect(wb.value('B1', 'Model')).toBe(3);
  });

  const CORRUPT: [string, string][] = [
    ['an entry that is not base64', `<?xml version="1.0" encoding="UTF-8"?>\n<filings xmlns="${FILINGS_NAMESPACE}" version="1">\n  <filing name="old.txt" chars="10" encoding="base64">!!not base64!!</filing>\n</filings>`],
    ['a truncated part', `<filings xmlns="${FILINGS_NAMESPACE}" version="1">\n  <filing name="old.txt" chars="5" encoding="base64">aGVsb`],
    ['another format in our namespace', `<settings xmlns="${FILINGS_NAMESPACE}"><theme>dark</theme></settings>`],
    ['unknown content beside the filings', `<filings xmlns="${FILINGS_NAMESPACE}" version="1"><filing name="a.txt" chars="5" encoding="base64">aGVsbG8=</filing><extra>kept</extra></filings>`],
  ];

  test.each(CORRUPT)('a damaged part (%s) is reported and left as it is; the import stores its filings beside it', async (_what, corrupt) => {
    const wb = await usersWorkbook([corrupt]);
    const result = await importIntoWorkbook(excelContext(wb), [SEED], { notes: false });
    expect(result.warnings.join('\n')).toMatch(/could not be read|damaged|does not know/);
    expect(result.warnings.join('\n')).toMatch(/left (out|as it is)/);
    const parts = stateOf(wb).parts;
    expect(parts).toContain(corrupt);
    expect(parts).toContain(FOREIGN);
    const ours = parts.filter((x) => x !== corrupt && x !== FOREIGN);
    expect(ours).toHaveLength(1);
    expect(parseFilingsXml(ours[0]).problems).toEqual([]);
    expect(parseFilingsXml(ours[0]).filings.map((f) => f.name)).toContain(SEED_NAME);
    // Loading reads what it can and says what it could not.
    const loaded = await loadStoredFilings(excelContext(wb));
    expect(loaded.filings.map((f) => f.name)).toContain(SEED_NAME);
    expect(loaded.problems.length).toBeGreaterThan(0);
    // A second import leaves the damaged part alone again and keeps one part of its own.
    const q3: SourceText = { name: 'synthetic-2004q3.txt', text: readFileSync(join(__dirname, 'fixtures', 'synthetic-2004q3.txt'), 'utf8') };
    await importIntoWorkbook(excelContext(wb), [q3], { notes: false });
    const again = stateOf(wb).parts;
    expect(again).toHaveLength(3);
    expect(again).toContain(corrupt);
    expect(again).toContain(FOREIGN);
    expect(parseFilingsXml(again.find((x) => x !== corrupt && x !== FOREIGN) ?? '').filings.map((f) => f.name)).toEqual(expect.arrayContaining([SEED_NAME, q3.name]));
  });

  test('a part written by a newer version (v2 namespace): the import writes nothing and says to update; loading reports it', async () => {
    const v2 = `<filings xmlns="urn:mpwr-addin:filings:v2" version="2"><filing name="x.txt" encoding="zstd">KLUv/QQAAQAA</filing></filings>`;
    const wb = await usersWorkbook([v2]);
    const state = JSON.stringify(wb.state());
    const error = await importIntoWorkbook(excelContext(wb), [SEED]).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect((error as Error).message).toMatch(/^Nothing was written: this workbook holds filings stored by a newer version of the MPWR add-in \(urn:mpwr-addin:filings:v2\); update the add-in/);
    expect(JSON.stringify(wb.state())).toBe(state);
    expect(wb.syncs).toBe(1); // the probe only
    const loaded = await loadStoredFilings(excelContext(wb));
    expect(loaded.filings).toEqual([]);
    expect(loaded.problems).toEqual([expect.stringMatching(/newer version of the MPWR add-in/)]);
  });

  test('a write that fails midway puts every part back: the damaged one untouched, ours as it was, none added', async () => {
    const [, corrupt] = CORRUPT[0];
    const wb = await usersWorkbook([corrupt]);
    await importIntoWorkbook(excelContext(wb), [SEED], { notes: false });
    const state = JSON.stringify(wb.state());
    const q3: SourceText = { name: 'synthetic-2004q3.txt', text: readFileSync(join(__dirname, 'fixtures', 'synthetic-2004q3.txt'), 'utf8') };
    // Fail at the last command of the write (the part's update comes after the sheets).
    let writeOps = 0;
    {
      const probe = new FakeWorkbook();
      await importIntoWorkbook(excelContext(probe), [SEED], { notes: false });
      await importIntoWorkbook(excelContext(probe), [q3], { notes: false });
      writeOps = probe.batchSizes[probe.batchSizes.length - 1];
    }
    wb.failWhen = ({ suspended, op }) => suspended && op === writeOps - 1;
    const error = await importIntoWorkbook(excelContext(wb), [q3], { notes: false }).then(() => undefined, (e: unknown) => e);
    wb.failWhen = undefined;
    expect((error as WorkbookWriteError).restored).toBe(true);
    expect(JSON.stringify(wb.state())).toBe(state);
  });
});
