/**
 * The Office.js writer against the in-memory workbook (HyperFormula evaluates every formula):
 * the seed import, a refresh with a second quarter that a user's model survives, idempotence,
 * and a failure midway that leaves the workbook as it was.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { importIntoWorkbook } from '../src/excel/import';
import { FILINGS_NAMESPACE, filingsXml, loadStoredFilings, parseFilingsXml } from '../src/excel/filing-store';
import { applyPlan, queueProbe, queueSnapshot, WorkbookWriteError } from '../src/excel/writer';
import type { SourceText } from '../src/pipeline';
import { analyze } from '../src/pipeline';
import { buildPlan } from '../src/workbook/layout';
import type { SheetPlan } from '../src/workbook/plan';
import { excelContext, FakeWorkbook } from './support/fake-excel';
import { addressOf, position, refOf } from './support/plan-cells';
import { IDENTITIES, oracleCounts, seedCheckCount } from './support/seed-oracle';

const SEED: SourceText = { name: 'mpwr-2004q2-ex99-1.txt', text: readFileSync(join(__dirname, '..', 'assets', 'filings', 'mpwr-2004q2-ex99-1.txt'), 'utf8') };
const Q3: SourceText = { name: 'synthetic-2004q3.txt', text: readFileSync(join(__dirname, 'fixtures', 'synthetic-2004q3.txt'), 'utf8') };
const OPS = 'MPWR Operations';
/** The seed's counts from the independent oracle (test/support/seed-oracle.ts: its identities and reprints read off the filing). */
const SEED_TIES = oracleCounts(SEED.text).tie;
/** One reconciliation per identity and column (the reprints have none); the sums are those that are not ratios. */
const SEED_RECONCILIATIONS = seedCheckCount().identities;
const SEED_RATIO_CELLS = IDENTITIES.filter((i) => i.type === 'ratio').reduce((n, i) => n + i.columns.length, 0);

/** The first place two workbook states differ (a readable failure instead of two huge strings). */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)?.slice(0, 300)} != ${JSON.stringify(b)?.slice(0, 300)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`);
    if (d) return d;
  }
  return `${path}: differ`;
}
function expectSameState(wb: FakeWorkbook, before: unknown): void {
  expect(firstDifference(wb.state(), before)).toBeUndefined();
}
const BS = 'MPWR Balance Sheet';
const NG = 'MPWR Non-GAAP';
/** The seed's plan, to find cells by their keys (the layout may move them; a key names what a cell is). */
const SEED_PLAN = buildPlan(analyze([SEED]));
const ref = (sheet: string, row: string, col: string): string => refOf(SEED_PLAN, sheet, row, col);
const at = (sheet: string, row: string, col: string): string => addressOf(SEED_PLAN, sheet, row, col);

/** A user's own model sheet, written before any import, holding references into the MPWR sheets. */
const revenueRow = position(SEED_PLAN, OPS, 'revenue_total', '2003Q2');
const USER_FORMULAS: [string, string][] = [
  ['A1', `=${ref(OPS, 'revenue_total', '2004Q2')}`], // Q2 2004 Total Operating Revenues
  ['A2', `=${ref(OPS, 'revenue_total', '2003Q2')}`], // Q2 2003 Total Operating Revenues
  ['A3', `=${ref(OPS, 'loss_from_continuing_operations', '2004Q1')}`], // Q1 2004 Loss from Continuing Operations
  ['A4', `=${ref(NG, 'adjusted_ebitda', '2004Q2')}/${ref(OPS, 'revenue_total', '2004Q2')}`], // Q2 2004 Adjusted EBITDA margin, computed
  // The hidden key row 1 holds the period keys: a user's MATCH over it finds a period whatever its column.
  ['A5', `=INDEX('MPWR Operations'!C${revenueRow.row + 1}:E${revenueRow.row + 1},1,MATCH("2004Q1",'MPWR Operations'!C1:E1,0))`],
  ['A6', `=${ref(BS, 'cash_and_equivalents', '2004-06-30')}`], // June 30, 2004 cash
  ['A7', `=${ref(BS, 'accounts_receivable_net', '2004-06-30')}`], // June 30, 2004 Accounts Receivable, net (restated by the Q3 release)
  ['A8', `=${ref('MPWR Guidance', 'adjusted_ebitda', 'FY2004#guidance-mid')}`], // FY2004 Adjusted EBITDA guidance mid-point
  ['A9', '=INDEX(MPWR_NET_LOSS,1,1)'], // Q2 2003 Net Loss, through the workbook name
];

function userSheet(wb: FakeWorkbook, withNames: boolean): void {
  wb.addSheet('Model');
  wb.setInputs('Model', { r0: 0, c0: 1, r1: 0, c1: 1 }, [['my notes: =not a formula']]);
  for (const [addr, f] of USER_FORMULAS) {
    if (!withNames && f.includes('MPWR_')) continue;
    const row = Number(addr.slice(1)) - 1;
    wb.setInputs('Model', { r0: row, c0: 0, r1: row, c1: 0 }, [[f]]);
  }
}

async function seeded(): Promise<{ wb: FakeWorkbook; result: Awaited<ReturnType<typeof importIntoWorkbook>> }> {
  const wb = new FakeWorkbook();
  const result = await importIntoWorkbook(excelContext(wb), [SEED], { notes: true });
  return { wb, result };
}

describe('importing the seed into an empty workbook', () => {
  let wb: FakeWorkbook;
  let result: Awaited<ReturnType<typeof importIntoWorkbook>>;
  beforeAll(async () => { ({ wb, result } = await seeded()); });

  test('takes at most 3 syncs, each request under 5 MB, calculation suspended while writing', () => {
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(wb.suspendedSyncs).toBe(1);
    expect(wb.syncs).toBe(result.syncs);
    expect(Math.max(...wb.requestBytes)).toBeLessThan(5_000_000);
  });

  test('writes only the MPWR sheets, in order', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual([BS, OPS, 'MPWR Non-GAAP', 'MPWR Guidance', 'MPWR Checks', 'MPWR Chart']);
  });

  test('every check formula evaluates to tie or rounding, except the filing\'s own break', () => {
    const checks = result.plan.checks ?? [];
    expect(checks).toHaveLength(result.analysis.checks.length);
    const live = checks.map((c) => [c.id, wb.value(c.liveStatus)]);
    for (const [id, status] of live) expect(['tie', 'rounding', 'break']).toContain(status === 'break' ? 'break' : status);
    expect(live.filter(([, s]) => s === 'break').map(([id]) => id)).toEqual(['eps-discontinued@2004Q1']);
    // And each agrees with the Decimal engine.
    for (const c of checks) expect([c.id, wb.value(c.liveStatus)]).toEqual([c.id, c.status]);
    expect(live.filter(([, s]) => s === 'tie').length).toBe(SEED_TIES); // 111
  });

  test('the break is the printed $0.01 against 241 / 78,321,851', () => {
    const c = (result.plan.checks ?? []).find((x) => x.id === 'eps-discontinued@2004Q1');
    expect(c).toBeDefined();
    expect(wb.value(c?.reported ?? '')).toBe(0.01);
    expect(wb.value(c?.computed ?? '') as number).toBeCloseTo(241_000 / 78_321_851, 12);
  });

  test('every reconciliation is a live formula over the cells it reconciles and equals the printed number', () => {
    const recon = (result.plan.checks ?? []).filter((c) => c.reconciliation);
    expect(recon.length).toBe(SEED_RECONCILIATIONS); // 83
    let sums = 0;
    for (const c of recon) {
      const r = c.reconciliation as { formula: string; printed: string };
      expect(wb.hasFormula(r.formula)).toBe(true);
      expect(wb.hasFormula(r.printed)).toBe(false);
      const computed = wb.value(r.formula) as number;
      const printed = wb.value(r.printed) as number;
      if (/^(eps-(loss|discontinued|net)|adjusted-(gross-margin-pct|ebitda-margin))/.test(c.id)) {
        expect(Math.abs(computed - printed)).toBeLessThan(0.01);
      } else {
        expect([c.id, computed]).toEqual([c.id, printed]);
        sums++;
      }
    }
    expect(sums).toBe(SEED_RECONCILIATIONS - SEED_RATIO_CELLS); // 83 − 5 ratios × 3 quarters = 68
    // Total Current Assets, June 30, 2004: printed 48,332; the formula adds the four lines above.
    const tca = ref(BS, 'rule:bs-current-assets', '2004-06-30');
    const lines = ['cash_and_equivalents', 'accounts_receivable_net', 'other_receivables', 'prepaid_and_other_current_assets'].map((k) => at(BS, k, '2004-06-30'));
    expect(wb.formula(tca)).toBe(`=${lines.join('+')}`);
    expect(wb.value(tca)).toBe(48332);
    // Printed − recomputed beside it.
    expect(wb.value(ref(BS, 'rule:bs-current-assets', 'diff:2004-06-30'))).toBe(0);
  });

  test('a change to an input cell re-checks at once', () => {
    const cash = ref(BS, 'cash_and_equivalents', '2004-06-30');
    const p = position(SEED_PLAN, BS, 'cash_and_equivalents', '2004-06-30');
    const box = { r0: p.row, c0: p.col, r1: p.row, c1: p.col };
    const check = (result.plan.checks ?? []).find((c) => c.id === 'bs-current-assets@2004-06-30');
    expect(wb.value(check?.liveStatus ?? '')).toBe('tie');
    wb.setInputs(BS, box, [[32357]]);
    expect(wb.value(check?.liveStatus ?? '')).toBe('break');
    wb.setInputs(BS, box, [[32356]]);
    expect(wb.value(cash)).toBe(32356);
    expect(wb.value(check?.liveStatus ?? '')).toBe('tie');
  });

  test('numbers as filed are blue, formulas black, with the model formats', () => {
    // Total Operating Revenues is a subtotal: bold with a rule above.
    expect(wb.format(ref(OPS, 'revenue_total', '2004Q2'))).toEqual({ numberFormat: '#,##0;(#,##0);"-"', color: '#0000FF', bold: true, borderTop: true });
    expect(wb.format(ref(OPS, 'revenue_core_customer', '2004Q2'))).toEqual({ numberFormat: '#,##0;(#,##0);"-"', color: '#0000FF' });
    expect(wb.format(ref(OPS, 'eps_net_loss_basic_diluted', '2004Q2'))).toMatchObject({ numberFormat: '$#,##0.00;$(#,##0.00);$0.00', color: '#0000FF' }); // Net Loss per Share
    expect(wb.format(ref(OPS, 'weighted_average_shares', '2004Q2'))).toMatchObject({ numberFormat: '#,##0' });
    expect(wb.format(ref(NG, 'adjusted_ebitda_margin', '2004Q2'))).toMatchObject({ numberFormat: '0.0%' });
    expect(wb.value(ref(NG, 'adjusted_ebitda_margin', '2004Q2'))).toBe(0.066);
    const tca = ref(BS, 'rule:bs-current-assets', '2004-06-30');
    expect(wb.format(tca).color).toBeUndefined(); // black (the default)
    expect(wb.hasFormula(tca)).toBe(true);
    // Labels indented under their section heading; the heading bold.
    expect(wb.format(`'${OPS}'!${at(OPS, 'revenue_core_customer', '2004Q2').replace(/^[A-Z]+/, 'B')}`)).toMatchObject({ indent: 1 });
  });

  test('labels then numbers (keys in a hidden column and row), periods in time order, frozen headers, widths that fit', () => {
    expect(wb.row(OPS, 0).slice(2, 5)).toEqual(['2003Q2', '2004Q1', '2004Q2']);
    expect(wb.row(OPS, 3).slice(2, 5)).toEqual(['Q2 2003', 'Q1 2004', 'Q2 2004']);
    expect(wb.row(BS, 0).slice(2, 5)).toEqual(['2003-12-31', '2004-03-31', '2004-06-30']);
    const cost = position(SEED_PLAN, OPS, 'cost_of_revenue', '2004Q2');
    expect(wb.value(`'${OPS}'!B${cost.row + 1}`)).toBe('Cost of Operating Revenues (exclusive of depreciation and amortization shown separately below. See Note 1.)');
    expect(wb.value(`'${OPS}'!A${cost.row + 1}`)).toBe('cost_of_revenue');
    expect(wb.sheet(OPS).hiddenCols).toEqual(new Set([0]));
    expect(wb.sheet(OPS).hiddenRows).toEqual(new Set([0]));
    expect(wb.value(`'${OPS}'!B${position(SEED_PLAN, OPS, 'section:operating-expenses', '2004Q2').row + 1}`)).toBe('Operating Expenses:');
    expect(wb.sheet(OPS).freeze).toEqual({ rows: 4, cols: 2 });
    expect(wb.sheet(OPS).widths.get(1)).toBeGreaterThan(200);
  });

  test('each sheet prints landscape, one page wide, with repeated titles and a header', () => {
    for (const name of [BS, OPS, NG, 'MPWR Guidance', 'MPWR Checks']) {
      const page = wb.sheet(name).page;
      expect([name, page?.orientation, page?.zoom]).toEqual([name, 'Landscape', { horizontalFitToPages: 1, verticalFitToPages: 0 }]);
      expect(page?.headers).toEqual({ leftHeader: 'Mpower Holding (AMEX: MPE)', centerHeader: name, rightHeader: 'mpwr-2004q2-ex99-1.txt', centerFooter: 'Page &P of &N' });
    }
    expect(wb.sheet(OPS).page?.titleRows).toBe('$2:$4');
    expect(wb.sheet(OPS).page?.titleColumns).toBe('$A:$B');
  });

  test('the Checks sheet: conditional formats by status, a filter, and MPWR_CHECKS_OK', () => {
    const checks = wb.sheet('MPWR Checks');
    expect(checks.autoFilter).toMatch(/^A\d+:N\d+$/);
    expect(checks.conditional.some((c) => /="break"$/.test(c.formula) && c.fill === '#FFC7CE')).toBe(true);
    const ok = wb.names().find((n) => n.name === 'MPWR_CHECKS_OK');
    expect(ok).toBeDefined();
    expect(wb.value(ok?.formula.replace(/^=/, '') ?? '')).toBe(false); // the seed has one open break
  });

  test('provenance is a note on each number: file, line, printed text', () => {
    const note = wb.note(ref(OPS, 'revenue_total', '2004Q2')) ?? '';
    expect(note).toContain('mpwr-2004q2-ex99-1.txt, line 238');
    expect(note).toContain('printed: 38,496');
    expect(note).toContain('Total Operating Revenues  38,496  37,153  37,758');
  });

  test('workbook names for each concept row', () => {
    const names = wb.names();
    const row = (sheet: string, key: string): number => position(SEED_PLAN, sheet, key, sheet === BS ? '2004-06-30' : '2004Q2').row + 1;
    expect(names).toContainEqual(expect.objectContaining({ name: 'MPWR_ADJUSTED_EBITDA', formula: `='MPWR Non-GAAP'!$C$${row(NG, 'adjusted_ebitda')}:$F$${row(NG, 'adjusted_ebitda')}` })); // three quarters and H1 2004 (derived)
    expect(names.find((n) => n.name === 'MPWR_CASH_AND_EQUIVALENTS')?.formula).toBe(`='MPWR Balance Sheet'!$C$${row(BS, 'cash_and_equivalents')}:$E$${row(BS, 'cash_and_equivalents')}`);
    expect(names.filter((n) => n.name.startsWith('MPWR_GUIDANCE_')).length).toBe(12); // the twelve guided items of the seed
  });

  test('a chart of revenue and Adjusted EBITDA margin by quarter', () => {
    const [chart] = wb.sheet('MPWR Chart').charts;
    expect(chart.name).toBe('MPWR Revenue and Adjusted EBITDA margin by quarter');
    const r = (key: string): number => position(SEED_PLAN, 'MPWR Chart', key, '2004Q2').row + 1;
    expect(chart.series.map((s) => [s.name, s.values, s.axisGroup ?? 'Primary'])).toEqual([
      ['Total Operating Revenues ($ thousands)', `'MPWR Chart'!C${r('revenue_total')}:E${r('revenue_total')}`, 'Primary'],
      ['Adjusted EBITDA margin', `'MPWR Chart'!C${r('adjusted_ebitda_margin')}:E${r('adjusted_ebitda_margin')}`, 'Secondary'],
    ]);
    expect(wb.value(refOf(SEED_PLAN, 'MPWR Chart', 'revenue_total', '2004Q2'))).toBe(38496);
  });

  test('the filing text is stored in a custom XML part and loads back', async () => {
    expect(wb.parts).toHaveLength(1);
    expect(wb.parts[0].xml).toContain(`xmlns="${FILINGS_NAMESPACE}"`);
    const loaded = await loadStoredFilings(excelContext(wb));
    expect(loaded.filings).toEqual([SEED]);
  });
});

describe('text is written as text', () => {
  test('labels starting with = + - @ and period keys stay text, never formulas or dates', async () => {
    const wb = new FakeWorkbook();
    const cells = ['=HYPERLINK("http://x","click")', '+1+1', '-A1', '@SUM(A1)', '2004-06-30', '00123', "'quoted"].map((value) => [{ value }]);
    const plan: SheetPlan = { sheets: [{ name: 'MPWR Test', blocks: [{ row: 0, col: 0, cells }] }], names: [] };
    const ctx = excelContext(wb);
    const read = queueProbe(ctx, FILINGS_NAMESPACE);
    await ctx.sync();
    const probe = read();
    await applyPlan(ctx, plan, probe, queueSnapshot(ctx, probe, [], false), undefined, undefined, { notes: false });
    cells.forEach(([c], r) => {
      expect(wb.hasFormula(`A${r + 1}`, 'MPWR Test')).toBe(false);
      expect(wb.value(`A${r + 1}`, 'MPWR Test')).toBe(c.value);
    });
  });
});

describe('text from a filing is written as text', () => {
  test('a row label printed as =SUM(...) lands as a label, not a formula', async () => {
    const wb = new FakeWorkbook();
    const label = '  Switched Access';
    const hostile = '  =SUM(A1)+@x-1-2'; // as long as the label it replaces
    const text = SEED.text.split('\n').map((l) => (l.startsWith(`${label}  `) ? hostile + l.slice(hostile.length) : l)).join('\n');
    expect(text).toContain('=SUM(A1)+@x-1-2  ');
    const r = await importIntoWorkbook(excelContext(wb), [{ name: 'hostile.txt', text }], { notes: true });
    expect(r.syncs).toBeLessThanOrEqual(3);
    const labels = Array.from({ length: 60 }, (_, i) => `B${i + 1}`).filter((a) => wb.value(a, OPS) === '=SUM(A1)+@x-1-2');
    expect(labels).toHaveLength(1);
    expect(wb.hasFormula(labels[0], OPS)).toBe(false);
  });
});

describe('refresh with the next quarter', () => {
  let wb: FakeWorkbook;
  let before: Record<string, unknown>;
  let result: Awaited<ReturnType<typeof importIntoWorkbook>>;
  const keysBefore: Record<string, unknown[]> = {};
  const rowKeys = (w: FakeWorkbook, name: string): unknown[] => Array.from({ length: 60 }, (_, r) => w.value(`A${r + 1}`, name));

  beforeAll(async () => {
    ({ wb } = await seeded());
    for (const name of [BS, OPS, 'MPWR Non-GAAP', 'MPWR Guidance']) keysBefore[name] = rowKeys(wb, name);
    userSheet(wb, true);
    before = Object.fromEntries(USER_FORMULAS.map(([a]) => [a, wb.value(a, 'Model')]));
    wb.syncs = 0;
    result = await importIntoWorkbook(excelContext(wb), [Q3], { notes: true });
  });

  test('the user\'s model had the seed\'s numbers', () => {
    expect(before).toEqual({ A1: 38496, A2: 37758, A3: -526, A4: expect.any(Number), A5: 37153, A6: 32356, A7: 11611, A8: 9000, A9: -4743 });
    expect(before.A4).toBeCloseTo(2544 / 38496, 9);
  });

  test('takes at most 3 syncs', () => {
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(wb.syncs).toBe(result.syncs);
  });

  test('new periods appear in time order; the quarter between two existing ones was inserted', () => {
    expect(wb.row(OPS, 0).slice(2, 7)).toEqual(['2003Q2', '2003Q3', '2004Q1', '2004Q2', '2004Q3']);
    expect(wb.row(BS, 0).slice(2, 6)).toEqual(['2003-12-31', '2004-03-31', '2004-06-30', '2004-09-30']);
    const ops = result.changes.find((c) => c.sheet === OPS);
    expect(ops?.insertedColumns).toEqual(['2003Q3', '2004Q3', '9M2004-09-30', 'diff:2003Q3', 'diff:2004Q3']);
    expect(ops?.rebuilt).toBe(false);
    // Q3 2004 Total Operating Revenues from the synthetic release, in its new column.
    expect(wb.value(refOf(result.plan, OPS, 'revenue_total', '2004Q3'))).toBe(38700);
    expect(wb.value(refOf(result.plan, OPS, 'revenue_total', '2003Q3'))).toBe(37500);
  });

  test('a concept keeps its row', () => {
    expect(wb.value(`A${position(SEED_PLAN, OPS, 'revenue_total', '2004Q2').row + 1}`, OPS)).toBe('revenue_total');
    expect(wb.value(`A${position(SEED_PLAN, BS, 'accumulated_deficit', '2004-06-30').row + 1}`, BS)).toBe('accumulated_deficit');
    for (const name of [BS, OPS, 'MPWR Non-GAAP', 'MPWR Guidance']) expect([name, rowKeys(wb, name)]).toEqual([name, keysBefore[name]]);
  });

  test('the user\'s sheet still gives the same answers for the old periods', () => {
    const after = Object.fromEntries(USER_FORMULAS.map(([a]) => [a, wb.value(a, 'Model')]));
    expect(after).toEqual({ ...before, A7: 11561 }); // A7 follows the restated value
    expect(wb.formula('A1', 'Model')).toBe(`=${refOf(result.plan, OPS, 'revenue_total', '2004Q2')}`);
    expect(wb.formula('A1', 'Model')).not.toBe(USER_FORMULAS[0][1]); // moved right by the inserted Q3 2003 column
    expect(wb.value('B1', 'Model')).toBe('my notes: =not a formula');
  });

  test('the restatement is updated, flagged, and shown on the Checks sheet with old and new values', () => {
    const ar = refOf(result.plan, BS, 'accounts_receivable_net', '2004-06-30');
    expect(wb.value(ar)).toBe(11561);
    expect(wb.format(ar).fill).toBe('#FFF2CC');
    expect(wb.note(ar)).toContain('RESTATED: previously 11,611 in mpwr-2004q2-ex99-1.txt, line 195');
    const checks = 'MPWR Checks';
    const ids = Array.from({ length: 400 }, (_, r) => wb.value(`A${r + 1}`, checks));
    const at = ids.indexOf('restated:2004-06-30:accounts_receivable_net');
    expect(at).toBeGreaterThan(0);
    const row = wb.row(checks, at);
    expect(row.slice(4, 9)).toEqual([11561, 11611, -50, '', 'restated']);
    expect(ids).toContain('restated:2004-06-30:other_receivables');
  });

  test('every check formula still agrees with the engine, and only the seed\'s break breaks', () => {
    const checks = result.plan.checks ?? [];
    for (const c of checks) expect([c.id, wb.value(c.liveStatus)]).toEqual([c.id, c.status]);
    expect(checks.filter((c) => wb.value(c.liveStatus) === 'break').map((c) => c.id)).toEqual(['eps-discontinued@2004Q1']);
    expect(checks.some((c) => c.id === 'bs-deficit-rollforward@2004Q3')).toBe(true);
  });

  test('both filings are stored', () => {
    expect(parseFilingsXml(wb.parts[0].xml).filings.map((f) => f.name)).toEqual([SEED.name, Q3.name]);
  });

  test('importing the seed again changes nothing', async () => {
    const state = wb.state();
    const again = await importIntoWorkbook(excelContext(wb), [SEED], { notes: true });
    expect(again.alreadyStored).toEqual([SEED.name]);
    expectSameState(wb, state);
  });
});

describe('idempotence', () => {
  test('importing the same filing twice leaves the same workbook', async () => {
    const { wb } = await seeded();
    userSheet(wb, true);
    const state = wb.state();
    const again = await importIntoWorkbook(excelContext(wb), [SEED], { notes: true });
    expect(again.syncs).toBeLessThanOrEqual(3);
    expectSameState(wb, state);
  });
});

describe('requests over the size limit', () => {
  test('are split into more syncs, each under the limit, with the same result', async () => {
    const { wb: normal } = await seeded();
    const wb = new FakeWorkbook();
    const r = await importIntoWorkbook(excelContext(wb), [SEED], { notes: true, maxRequestBytes: 60_000 });
    expect(r.syncs).toBeGreaterThan(3);
    expect(Math.max(...wb.requestBytes)).toBeLessThan(60_000);
    expect(wb.suspendedSyncs).toBe(r.syncs - 1);
    expectSameState(wb, normal.state());
  });
});

describe('a failure midway leaves the workbook as it was', () => {
  const failAt = (wb: FakeWorkbook, op: number): void => {
    wb.failWhen = ({ suspended, op: i }) => suspended && i === op;
  };

  // The write sync's length, from a refresh that succeeds.
  let writeOps = 0;
  beforeAll(async () => {
    const { wb } = await seeded();
    await importIntoWorkbook(excelContext(wb), [Q3], { notes: true });
    writeOps = wb.batchSizes[wb.batchSizes.length - 1];
  });

  test.each([0, 0.02, 0.1, 0.25, 0.5, 0.75, 0.95, 1])('refresh failing at %p of the write commands: restored, and says so', async (at) => {
    expect(writeOps).toBeGreaterThan(100);
    const op = Math.min(writeOps - 1, Math.floor(at * writeOps));
    const { wb } = await seeded();
    userSheet(wb, true);
    const state = wb.state();
    failAt(wb, op);
    const error = await importIntoWorkbook(excelContext(wb), [Q3], { notes: true }).then(() => undefined, (e: unknown) => e);
    wb.failWhen = undefined;
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect((error as WorkbookWriteError).restored).toBe(true);
    expect((error as WorkbookWriteError).message).toMatch(/Nothing was changed/);
    expectSameState(wb, state);
    // And the same import then succeeds.
    const ok = await importIntoWorkbook(excelContext(wb), [Q3], { notes: true });
    expect(ok.syncs).toBeLessThanOrEqual(3);
    expect(wb.value('A1', 'Model')).toBe(38496);
  });

  test('a first import failing midway leaves only the user\'s sheet', async () => {
    const wb = new FakeWorkbook();
    userSheet(wb, false);
    const state = wb.state();
    failAt(wb, 40);
    await expect(importIntoWorkbook(excelContext(wb), [SEED], { notes: true })).rejects.toThrow(/Nothing was changed/);
    expectSameState(wb, state);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Model']);
  });

  test('a first import failing at its last write command (after the names were added) leaves no MPWR name behind', async () => {
    // The first import's write sync, from one that succeeds; its names are queued after the sheets.
    const ok = new FakeWorkbook();
    userSheet(ok, false);
    await importIntoWorkbook(excelContext(ok), [SEED], { notes: true });
    const ops = ok.batchSizes[ok.batchSizes.length - 1];
    expect(ok.names().some((n) => n.name.startsWith('MPWR_'))).toBe(true);

    const wb = new FakeWorkbook();
    userSheet(wb, false);
    const state = wb.state();
    failAt(wb, ops - 1);
    await expect(importIntoWorkbook(excelContext(wb), [SEED], { notes: true })).rejects.toThrow(/Nothing was changed/);
    wb.failWhen = undefined;
    expect(wb.names().filter((n) => n.name.toUpperCase().startsWith('MPWR_'))).toEqual([]);
    expectSameState(wb, state);
  });

  test('an unreadable file writes nothing', async () => {
    const wb = new FakeWorkbook();
    userSheet(wb, false);
    const state = wb.state();
    await expect(importIntoWorkbook(excelContext(wb), [{ name: 'empty.txt', text: 'nothing to see here' }], { notes: true })).rejects.toThrow(/Nothing was written/);
    expectSameState(wb, state);
  });

  test("another company's release alone writes nothing: the workbook is Mpower's model", async () => {
    const wb = new FakeWorkbook();
    userSheet(wb, false);
    const state = wb.state();
    const sears = { name: 'sears-2004q2-8k.txt', text: readFileSync(join(__dirname, 'fixtures/filings/sears-2004q2-8k.txt'), 'latin1') };
    await expect(importIntoWorkbook(excelContext(wb), [sears], { notes: true })).rejects.toThrow(/^Nothing was written: none of these releases is Mpower Holding's/);
    expectSameState(wb, state);
  });
});

describe('stored filings', () => {
  test('the XML round-trips any text, form feeds and markup included', () => {
    const odd: SourceText = { name: 'a "quoted" <name> & co.txt', text: 'line\f\n<TABLE>]]></TABLE>\u00e9\u2014\r\n' };
    const xml = filingsXml([SEED, odd]);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(parseFilingsXml(xml)).toEqual({ filings: [SEED, odd], problems: [] });
  });
});
