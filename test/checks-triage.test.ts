/**
 * Checks you can triage: the live summary and MPWR_CHECKS_OK, the reading order (breaks first),
 * the likely culprit of a break, accepted breaks kept across a refresh, and the Guidance sheet's
 * rows (one per guided item, none empty). Expected numbers are read off the seed filing.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { importIntoWorkbook } from '../src/excel/import';
import { analyze, type Analysis, type SourceText } from '../src/pipeline';
import { oneDigitChanges, openBreaks, parseAcceptances, sortChecks, STATUS_ORDER } from '../src/reconcile/triage';
import type { CheckStatus } from '../src/model/types';
import { buildPlan, SHEET_NAMES } from '../src/workbook/layout';
import { excelContext, FakeWorkbook } from './support/fake-excel';
import { cellAt, checkRow, sheetOf } from './support/plan-cells';
import { oracleCounts } from './support/seed-oracle';
import type { SheetPlan } from '../src/workbook/plan';
import { beforeShared } from './support/shared';

const SEED: SourceText = { name: 'mpwr-2004q2-ex99-1.txt', text: readFileSync(join(__dirname, '..', 'assets', 'filings', 'mpwr-2004q2-ex99-1.txt'), 'utf8') };
const Q3: SourceText = { name: 'synthetic-2004q3.txt', text: readFileSync(join(__dirname, 'fixtures', 'synthetic-2004q3.txt'), 'utf8') };
const CHECKS = SHEET_NAMES.checks;

/** The seed with one printed number replaced (same width, so the columns stay where they are). */
function corrupt(line: string, from: string, to: string): SourceText {
  const lines = SEED.text.split('\n');
  const i = lines.findIndex((l) => l.includes(line) && l.includes(from));
  if (i < 0 || from.length !== to.length) throw new Error(`cannot corrupt ${line}`);
  lines[i] = lines[i].replace(from, to);
  return { name: 'corrupted.txt', text: lines.join('\n') };
}

const rows = (plan: SheetPlan) => sheetOf(plan, CHECKS).blocks[0].cells;
const summary = (plan: SheetPlan, label: string) => {
  const row = rows(plan).find((r) => r[0].value === label);
  if (!row) throw new Error(label);
  return row[1];
};

describe('the Checks sheet of the seed', () => {
  let analysis: Analysis;
  let plan: SheetPlan;
  beforeShared(() => { analysis = analyze([SEED]); plan = buildPlan(analysis); });

  test('a live summary: counts by status and one overall cell, named MPWR_CHECKS_OK', () => {
    // 126 checks: one break (the $0.01 per share, line 266), 14 roundings, 111 ties (the
    // independent oracle's counts, test/support/seed-oracle.ts).
    const o = oracleCounts(SEED.text);
    expect(summary(plan, 'break')).toMatchObject({ formula: expect.stringMatching(/^=COUNTIF\(I\d+:I\d+,"break"\)$/), result: 1 });
    expect(summary(plan, 'rounding').result).toBe(o.rounding);
    expect(summary(plan, 'tie').result).toBe(o.tie);
    expect(summary(plan, 'all checks').result).toBe(o.all);
    const ok = summary(plan, 'MPWR_CHECKS_OK (no open break)');
    expect(ok.result).toBe(false);
    const name = plan.names.find((n) => n.name === 'MPWR_CHECKS_OK');
    const okRow = rows(plan).findIndex((r) => r[1] === ok);
    expect(name?.refersTo).toBe(`='MPWR Checks'!$B$${okRow + 1}`);
  });

  test('breaks first, then unverified, incomplete, rounding, tie', () => {
    const head = rows(plan).findIndex((r) => r[0].value === 'Check');
    const statuses = rows(plan).slice(head + 1).map((r) => r[9].value as string);
    const order = statuses.map((s) => STATUS_ORDER.indexOf(s as (typeof STATUS_ORDER)[number]));
    expect(order.every((o, i) => i === 0 || order[i - 1] <= o)).toBe(true);
    expect(statuses[0]).toBe('break');
    expect(rows(plan)[head + 1][0].value).toBe('eps-discontinued@2004Q1');
    // The summary sits above the list, with a filter on the list.
    expect(sheetOf(plan, CHECKS).autoFilter).toBe(`A${head + 1}:N${rows(plan).length}`);
  });

  test('the seed\'s break names its likely culprit: the printed $0.01 (241 / 78,321,851 = $0.0031 rounds to $0.00)', () => {
    const check = analysis.checks.find((c) => c.id === 'eps-discontinued@2004Q1');
    expect(check?.culprit).toMatchObject({ line: 266, label: 'Income from Discontinued Operations' });
    expect(check?.culprit?.printed.toString()).toBe('0.01');
    expect(check?.culprit?.wouldTie.toString()).toBe('0');
    expect(checkRow(plan, 'eps-discontinued@2004Q1')[10].value).toBe('line 266: Income from Discontinued Operations printed 0.01; 0 would add up');
    // Checks that do not break name none.
    expect(analysis.checks.filter((c) => c.status !== 'break' && c.culprit)).toEqual([]);
  });
});

describe('the likely culprit of a corrupted balance sheet', () => {
  test('Total Current Assets printed 48,832 instead of 48,332 breaks two checks; only it mends both', () => {
    const a = analyze([corrupt('Total Current Assets', '48,332', '48,832')]);
    const breaks = a.checks.filter((c) => c.status === 'break');
    expect(breaks.map((c) => c.id).sort()).toEqual(['bs-current-assets@2004-06-30', 'bs-total-assets@2004-06-30', 'eps-discontinued@2004Q1']);
    for (const id of ['bs-current-assets@2004-06-30', 'bs-total-assets@2004-06-30']) {
      const c = breaks.find((x) => x.id === id);
      expect([id, c?.culprit?.line, c?.culprit?.printed.toString(), c?.culprit?.wouldTie.toString()]).toEqual([id, 199, '48832', '48332']);
    }
  });

  test('a corrupted line item that any of several items could absorb names none (never a guess)', () => {
    // Cash 32,356 → 32,856: Other Receivables or Prepaid Expenses changed by one digit would tie as well.
    const a = analyze([corrupt('Cash & Cash Equivalents', '32,356', '32,856')]);
    const c = a.checks.find((x) => x.id === 'bs-current-assets@2004-06-30');
    expect(c?.status).toBe('break');
    expect(c?.culprit).toBeUndefined();
  });

  test('a figure printed in two places, wrong in the first: named there', () => {
    // Adjusted EBITDA for Q2 2004 is $2,544 in the statement of operations (line 272) and in the
    // reconciliation (line 296); 38,496 − 17,740 − 18,212 = 2,544 and 2,544 − 3,879 + 62 − 39 =
    // −1,312 (Loss from Continuing Operations). With 2,574 on line 272 the two places disagree;
    // 2,574 on line 296 as well would make them agree but break the reconciliation's sums, so only
    // line 272 back to 2,544 mends the same-fact break.
    const a = analyze([corrupt('Adjusted EBITDA', '$2,544', '$2,574')]);
    const c = a.checks.find((x) => x.id === 'same-fact:adjusted_ebitda@2004Q2');
    expect(c?.status).toBe('break');
    expect([c?.culprit?.line, c?.culprit?.printed.toString(), c?.culprit?.wouldTie.toString()]).toEqual([272, '2574', '2544']);
  });

  test('a figure printed in two places, wrong in the second: named there', () => {
    // Line 296 printed 2,574: it disagrees with line 272, which agrees with the sums; 2,574 → 2,544 mends it.
    const lines = SEED.text.split('\n');
    lines[295] = lines[295].replace('$2,544', '$2,574');
    const a = analyze([{ name: 'corrupted.txt', text: lines.join('\n') }]);
    const c = a.checks.find((x) => x.id === 'same-fact:adjusted_ebitda@2004Q2');
    expect(c?.status).toBe('break');
    expect([c?.culprit?.line, c?.culprit?.printed.toString(), c?.culprit?.wouldTie.toString()]).toEqual([296, '2574', '2544']);
  });

  test('a figure printed in four places (the tables printed twice), wrong in the first: named there', () => {
    // Adjusted EBITDA for Q2 2004 on lines 272 and 296, and again where the tables are printed a
    // second time. 2,574 on line 272 disagrees with the three others (2,544) and breaks the sums that
    // use it (38,496 − 17,740 − 18,212 = 2,544; 2,544 / 38,496 = 6.6%; the bridge to −1,312): only
    // line 272 back to 2,544 mends them all, and all four places then agree.
    const lines = SEED.text.split('\n');
    lines[271] = lines[271].replace('$2,544', '$2,574');
    const text = `${lines.join('\n')}\n${SEED.text.slice(SEED.text.indexOf('<TABLE>'))}`;
    const a = analyze([{ name: 'twice.txt', text }]);
    const same = a.checks.find((c) => c.id === 'same-fact:adjusted_ebitda@2004Q2');
    expect(same?.operands.map((o) => o.value?.toString())).toEqual(['2544', '2574', '2544', '2544']);
    for (const id of ['adjusted-ebitda@2004Q2', 'adjusted-ebitda-margin@2004Q2', 'bridge-adjusted-ebitda@2004Q2', 'same-fact:adjusted_ebitda@2004Q2']) {
      const c = a.checks.find((x) => x.id === id);
      expect([id, c?.status, c?.culprit?.line, c?.culprit?.printed.toString(), c?.culprit?.wouldTie.toString()]).toEqual([id, 'break', 272, '2574', '2544']);
    }
  });

  test('one-digit changes keep the number of digits and the sign', () => {
    expect(oneDigitChanges(new (require('decimal.js'))('-0.01')).map(String)).toEqual([
      '-1.01', '-2.01', '-3.01', '-4.01', '-5.01', '-6.01', '-7.01', '-8.01', '-9.01',
      '-0.11', '-0.21', '-0.31', '-0.41', '-0.51', '-0.61', '-0.71', '-0.81', '-0.91',
      '0', '-0.02', '-0.03', '-0.04', '-0.05', '-0.06', '-0.07', '-0.08', '-0.09',
    ]);
  });
});

describe('accepting a known break', () => {
  test('an accept file: one id per line, a reason after it', () => {
    expect([...parseAcceptances('# known plugs\neps-discontinued@2004Q1  per-share plug of the filing\n\nbs-balance@2004-06-30\n')]).toEqual([
      ['eps-discontinued@2004Q1', 'per-share plug of the filing'],
      ['bs-balance@2004-06-30', 'accepted'],
    ]);
  });

  test('reading order: breaks, unverified, incomplete, rounding, tie; in their own order within a status', () => {
    const checks = ['tie', 'rounding', 'break', 'tie', 'incomplete', 'break', 'unverified', 'rounding', 'tie'].map((status, n) => ({ status, n }) as { status: CheckStatus; n: number });
    expect(sortChecks(checks).map((c) => `${c.status}${c.n}`)).toEqual(['break2', 'break5', 'unverified6', 'incomplete4', 'rounding1', 'rounding7', 'tie0', 'tie3', 'tie8']);
  });

  test('the open breaks: breaks not accepted, nothing else', () => {
    const checks = [
      { id: 'a@2004Q2', status: 'break' }, { id: 'b@2004Q2', status: 'break' }, { id: 'c@2004Q2', status: 'tie' }, { id: 'd@2004Q2', status: 'unverified' },
    ];
    expect(openBreaks(checks, new Map([['a@2004Q2', 'plug']])).map((c) => c.id)).toEqual(['b@2004Q2']);
    expect(openBreaks(checks, new Map()).map((c) => c.id)).toEqual(['a@2004Q2', 'b@2004Q2']);
  });

  test('an accept file: a colon or hash before the reason, blank-only and comment lines skipped', () => {
    expect([...parseAcceptances('same-fact:revenue_total@2004Q2: a typo in the text\r\n   \r\nx@FY2004#guidance-low  # revised\n  # note\ny@2004Q1:')]).toEqual([
      ['same-fact:revenue_total@2004Q2', 'a typo in the text'],
      ['x@FY2004#guidance-low', 'revised'],
      ['y@2004Q1', 'accepted'],
    ]);
  });

  test('accepted in the plan: shown as such, not counted as open, MPWR_CHECKS_OK true', () => {
    const plan = buildPlan(analyze([SEED]), { accepted: new Map([['eps-discontinued@2004Q1', 'per-share plug']]) });
    const row = checkRow(plan, 'eps-discontinued@2004Q1');
    expect(row[12].value).toBe('per-share plug');
    expect(row[8].result).toBe('accepted break');
    expect(summary(plan, 'break').result).toBe(0);
    expect(summary(plan, 'accepted break').result).toBe(1);
    expect(summary(plan, 'MPWR_CHECKS_OK (no open break)').result).toBe(true);
  });

  test('a reason typed in the workbook is kept across a refresh with the next quarter', async () => {
    const wb = new FakeWorkbook();
    const first = await importIntoWorkbook(excelContext(wb), [SEED], { notes: false });
    const okName = () => wb.names().find((n) => n.name === 'MPWR_CHECKS_OK')?.formula.replace(/^=/, '') ?? '';
    expect(wb.value(okName())).toBe(false);
    // The user types a reason in the break's "Accepted (reason)" cell.
    const r = rows(first.plan).findIndex((x) => x[0].value === 'eps-discontinued@2004Q1');
    wb.setInputs(CHECKS, { r0: r, c0: 12, r1: r, c1: 12 }, [['plug: the filing rounds 0.0031 up']]);
    expect(wb.value(`I${r + 1}`, CHECKS)).toBe('accepted break');
    expect(wb.value(okName())).toBe(true);
    // Refresh: the Checks sheet is rebuilt (rows move), the acceptance follows its check.
    const second = await importIntoWorkbook(excelContext(wb), [Q3], { notes: false });
    expect(second.message).toMatch(/1 break \(1 accepted\)/);
    const r2 = rows(second.plan).findIndex((x) => x[0].value === 'eps-discontinued@2004Q1');
    expect(wb.value(`M${r2 + 1}`, CHECKS)).toBe('plug: the filing rounds 0.0031 up');
    expect(wb.value(`I${r2 + 1}`, CHECKS)).toBe('accepted break');
    expect(wb.value(okName())).toBe(true);
  });
});

describe('the Guidance sheet', () => {
  let plan: SheetPlan;
  let g: ReturnType<typeof sheetOf>;
  beforeShared(() => { plan = buildPlan(analyze([SEED])); g = sheetOf(plan, SHEET_NAMES.guidance); });

  test('a row per guided item, none empty, in the order of the guidance reconciliation', () => {
    const keys = (g.refresh as { rowKeys: string[] }).rowKeys.filter((k) => !k.includes(':'));
    // Lines 74-77 (revenue, Adjusted EBITDA) and 317-352 (the two guidance reconciliations).
    expect(keys).toEqual([
      'revenue_total', 'adjusted_ebitda', 'depreciation_amortization', 'gain_on_sale_of_assets', 'stock_based_compensation',
      'loss_from_continuing_operations', 'interest_income', 'interest_expense', 'other_expense', 'loss_before_discontinued_operations',
      'discontinued_operations', 'net_loss',
    ]);
    for (const k of keys) expect([k, cellAt(plan, SHEET_NAMES.guidance, k, 'FY2004#guidance-low').value]).toEqual([k, expect.any(Number)]);
  });

  test('low, high and mid as printed; a label that holds income and loss says both', () => {
    const v = (k: string, c: string) => cellAt(plan, SHEET_NAMES.guidance, k, c);
    expect([v('revenue_total', 'FY2005#guidance-low').value, v('revenue_total', 'FY2005#guidance-high').value, v('revenue_total', 'FY2005#guidance-mid').result]).toEqual([174000, 180500, 177250]);
    // FY2004 prints "Income from Discontinued Operations 100", FY2005 "Loss from Discontinued Operations (300)".
    expect([v('discontinued_operations', 'FY2004#guidance-low').value, v('discontinued_operations', 'FY2005#guidance-low').value]).toEqual([100, -300]);
    const labelOf = (k: string) => g.blocks[0].cells[(g.refresh as { firstRow: number; rowKeys: string[] }).firstRow + (g.refresh as { rowKeys: string[] }).rowKeys.indexOf(k)][1].value;
    expect(labelOf('discontinued_operations')).toBe('(Loss) Income from Discontinued Operations');
    expect(labelOf('net_loss')).toBe('Net (Loss) Income (GAAP)');
    // Interest Expense (300), printed as a negative: shown so.
    expect(v('interest_expense', 'FY2004#guidance-high').value).toBe(-300);
  });

  test('once the year is reported, its actual and actual vs mid stand beside the range', () => {
    // A synthetic FY2004 actual (no real FY2004 release is in the repo): the seed plus a year column.
    const analysis = analyze([SEED]);
    const fy = analysis.dataset.facts().find((f) => f.concept === 'adjusted_ebitda' && f.scenario === 'guidance-low');
    if (!fy) throw new Error('no FY2004 guidance');
    const set = analysis.dataset.filingFacts()[0];
    set.facts.push({ ...fy, scenario: 'actual', value: new (require('decimal.js'))(9500), amount: { ...fy.amount, value: new (require('decimal.js'))(9500), text: '$9,500' } });
    const { Dataset } = require('../src/model/dataset');
    const plan2 = buildPlan({ ...analysis, dataset: new Dataset([set]) });
    const keys = (sheetOf(plan2, SHEET_NAMES.guidance).refresh as { columnKeys: string[] }).columnKeys;
    expect(keys.slice(0, 5)).toEqual(['FY2004#guidance-low', 'FY2004#guidance-high', 'FY2004#guidance-mid', 'FY2004#actual', 'FY2004#vs-mid']);
    expect(cellAt(plan2, SHEET_NAMES.guidance, 'adjusted_ebitda', 'FY2004#actual').result).toBe(9500);
    expect(cellAt(plan2, SHEET_NAMES.guidance, 'adjusted_ebitda', 'FY2004#vs-mid').result).toBe(500);
  });
});
