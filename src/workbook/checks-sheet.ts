/**
 * The Checks sheet: a live summary at the top (counts by status and `MPWR_CHECKS_OK`, the one
 * cell a model references), restatements and derived-value checks in sections of their own,
 * then every check in reading order (breaks first), each live: reported, computed to the digits
 * that explain it, difference, tolerance, status, the engine's status at import, the likely
 * culprit, the lines it uses, and the user's acceptance. Conditional formats colour each row by
 * its status; the table has a filter. Sections are data (`SECTIONS`): a new one is a line there.
 * Pure.
 */
import type Decimal from 'decimal.js';
import { valueIn } from '../model/dataset';
import type { AmountKind, Check, CheckStatus, Fact, Scale, Scenario } from '../model/types';
import type { Analysis } from '../pipeline';
import type { Rule } from '../reconcile/rules';
import { sortChecks, type Acceptances } from '../reconcile/triage';
import { usesCatalogue } from '../model/facts';
import { cellAddress, sheetCell } from './a1';
import { appendClaimsSection, CLAIM_COLUMNS, type ClaimsSection } from './claims-section';
import { CHECK_FORMATS, FORMATS, FORMULA_COLOR, INPUT_COLOR, RESTATED_FILL, cellNumber, columnWidths, normalize, printSpec, provenance, SHEET_NAMES } from './format';
import type { CellStyle, CheckCells, ConditionalFormatSpec, NameSpec, PlanCell, SheetSpec } from './plan';

/** A cell of a model sheet. */
export interface CellRef { grid: { name: string }; row: number; col: number }

/** What the Checks sheet needs of the model sheets the layout built. */
export interface Locator {
  locate: (concept: string, period: string, scenario: Scenario) => CellRef | undefined;
  signAt: (at: CellRef) => 1 | -1;
  refFrom: (from: { name: string }, to: CellRef) => string;
  moneyScale: Scale;
  reconciliation: (checkId: string) => { formula: CellRef; printed: CellRef } | undefined;
  /** A printed period checked against its derivation: the printed cell and the derivation's formula as written on `from`. */
  derivation?: (checkId: string, from: { name: string }) => { printed: CellRef; formula: string } | undefined;
  ruleOf: (ruleId: string) => Rule | undefined;
}

/** The status a break shows once a user has accepted it. */
export const ACCEPTED = 'accepted break';

/** Columns of a check row (0-based). */
export const CHECK_COLUMNS = ['Check', 'Description', 'Period', 'Scenario', 'Reported', 'Computed', 'Difference', 'Tolerance', 'Status', 'At import', 'Likely culprit', 'Lines', 'Accepted (reason)', 'Files'] as const;
const COL = Object.fromEntries(CHECK_COLUMNS.map((c, i) => [c, i])) as Record<(typeof CHECK_COLUMNS)[number], number>;
const WIDTH = CHECK_COLUMNS.length;

/** Sections of checks, in the order they appear (after the summary and the restatements). */
export const SECTIONS: { key: string; title: string; has: (c: Check) => boolean }[] = [
  { key: 'derived', title: 'Derived values (computed from other periods, checked against what is printed)', has: (c) => c.rule.startsWith('derived') },
  { key: 'checks', title: 'Checks (breaks first; filter with the arrows)', has: () => true },
];

/** Fill and font of a row by status (Excel's good/neutral/bad palette). */
export const STATUS_STYLE: Record<string, { fill: string; color: string }> = {
  break: { fill: '#FFC7CE', color: '#9C0006' },
  [ACCEPTED]: { fill: '#EDEDED', color: '#7F6000' },
  unverified: { fill: '#DDEBF7', color: '#1F4E78' },
  incomplete: { fill: '#F2F2F2', color: '#595959' },
  rounding: { fill: '#FFEB9C', color: '#7F6000' },
};

const SUMMARY: (CheckStatus | typeof ACCEPTED)[] = ['break', ACCEPTED, 'unverified', 'incomplete', 'rounding', 'tie'];

export interface ChecksSheet {
  sheet: SheetSpec;
  names: NameSpec[];
  cells: CheckCells[];
}

const bold = (text: string): PlanCell => ({ value: text, style: { bold: true } });
const empty = (): PlanCell => ({});

function culpritText(c: Check): string {
  const k = c.culprit;
  if (!k) return '';
  return `line ${k.line}: ${k.label} printed ${k.printed.toString()}; ${k.wouldTie.toString()} would add up`;
}

export function buildChecksSheet(
  analysis: Analysis,
  loc: Locator,
  accepted: Acceptances,
  restated: Map<string, { previous: Fact; current: Fact }>,
): ChecksSheet {
  const { dataset, checks } = analysis;
  const name = SHEET_NAMES.checks;
  const self = { name };
  const moneyScale = loc.moneyScale;
  const rows: PlanCell[][] = [];
  const cells: CheckCells[] = [];
  const conditional: ConditionalFormatSpec[] = [];
  const statusRanges: string[] = [];

  rows.push([bold('Mpower Holding — Checks')]);
  rows.push([{ value: 'Live: change an input cell and its checks re-evaluate. To accept a known break (a plug of the filing), type a reason in its "Accepted (reason)" cell: it is kept across refreshes and the break no longer counts as open.', style: { italic: true } }]);
  rows.push([]);
  rows.push([bold('Status'), bold('Checks')]);
  const summaryRow = new Map<string, number>();
  for (const s of SUMMARY) { summaryRow.set(s, rows.length); rows.push([{ value: s }, {}]); }
  const totalRow = rows.length;
  rows.push([bold('all checks'), {}]);
  const okRow = rows.length;
  rows.push([bold('MPWR_CHECKS_OK (no open break)'), {}]);
  rows.push([{ value: 'restated values' }, { value: restated.size }]);

  const unitOf = (check: Check): { kind: AmountKind; scale: Scale } => {
    const rule = loc.ruleOf(check.rule);
    let f: Fact | undefined;
    if (rule?.type === 'rollforward') f = dataset.facts().find((x) => x.concept === rule.balance && x.period.type === 'instant');
    else f = dataset.get(rule ? (rule.type === 'ratio' || rule.type === 'sum' ? rule.reported : '') : check.operands[0]?.concept ?? '', check.period, check.scenario)
      ?? dataset.get(check.operands[1]?.concept ?? '', check.period, check.scenario);
    return f ? { kind: f.amount.kind, scale: f.scale } : { kind: 'money', scale: moneyScale };
  };

  // Restatements: the current value live, the previous one as filed.
  if (restated.size) {
    rows.push([]);
    rows.push([bold('Restatements (a newer filing reports a different value; the newer value is in the sheets, flagged)')]);
    rows.push(['Restated', 'Line item', 'Period', 'Scenario', 'Current', 'Previous', 'Change', '', 'Status', '', '', 'Lines', '', 'Files'].map((t) => bold(t)));
    for (const [key, { previous, current }] of restated) {
      const r = rows.length;
      const [concept, period, scenario] = key.split('|');
      const at = loc.locate(concept, period, scenario as Scenario);
      const kind = current.amount.kind;
      const shown = (f: Fact): number => {
        const v = f.amount.kind === 'money' ? valueIn(f, moneyScale) : f.value;
        const n = f.amount.kind === 'money' ? v.toNumber() : cellNumber(v, f.amount.kind, f.scale, moneyScale);
        return f.presentedSign === 1 ? n : -n;
      };
      const row: PlanCell[] = Array.from({ length: WIDTH }, empty);
      row[0] = { value: `restated:${scenario === 'actual' ? period : `${period}#${scenario}`}:${concept}` };
      row[1] = { value: `${current.label} (was ${previous.amount.text}, now ${current.amount.text})` };
      row[2] = { value: period };
      row[3] = { value: scenario };
      row[4] = at ? { formula: `=${loc.refFrom(self, at)}`, style: { color: FORMULA_COLOR, numberFormat: FORMATS[kind] } } : { value: shown(current) };
      row[5] = { value: shown(previous), style: { color: INPUT_COLOR, numberFormat: FORMATS[kind] }, note: provenance(previous) };
      row[6] = { formula: `=${cellAddress(r, 4)}-${cellAddress(r, 5)}`, style: { color: FORMULA_COLOR, numberFormat: FORMATS[kind] } };
      row[8] = { value: 'restated', style: { bold: true, fill: RESTATED_FILL } };
      row[11] = { value: `now ${current.source.line}; was ${previous.source.line}` };
      row[13] = { value: `now ${current.source.file}; was ${previous.source.file}` };
      rows.push(row);
    }
  }

  let filter: string | undefined;
  let titleRow = 0;
  const remaining = new Set(checks);
  let narrative: ClaimsSection | undefined;
  for (const section of SECTIONS) {
    // The text's claims stand before the full list of checks (which keeps its filter at the sheet's end).
    if (section.key === 'checks') {
      // Mpower's releases in release order, each one's claims in the order of its text (whatever the import order).
      const rank = new Map(dataset.filingFacts().filter((s) => usesCatalogue(s.filing)).map((s, i) => [s.filing.file, i]));
      const claims = analysis.claims.filter((c) => rank.has(c.file))
        .sort((a, b) => (rank.get(a.file) as number) - (rank.get(b.file) as number) || Number(a.id.slice(1)) - Number(b.id.slice(1)));
      narrative = appendClaimsSection(rows, claims, dataset, loc, self);
      conditional.push(...narrative.conditional);
    }
    const list = sortChecks(checks.filter((c) => remaining.has(c) && section.has(c)));
    for (const c of list) remaining.delete(c);
    if (list.length === 0) continue;
    rows.push([]);
    rows.push([bold(section.title)]);
    const head = rows.length;
    rows.push(CHECK_COLUMNS.map((t) => ({ value: t, style: { bold: true, borderBottom: true } })));
    for (const check of list) {
      const r = rows.length;
      const { kind, scale } = unitOf(check);
      const E = cellAddress(r, COL.Reported);
      const F = cellAddress(r, COL.Computed);
      const M = cellAddress(r, COL['Accepted (reason)']);
      const recon = loc.reconciliation(check.id);
      const d = recon ? undefined : loc.derivation?.(check.id, self);
      // Every number of the row in the presentation of the number it checks.
      let sign: 1 | -1 = 1;
      let reported: PlanCell;
      let computed: PlanCell;
      const num = (d: Decimal | null, style: CellStyle): PlanCell => (d === null ? {} : { value: sign * cellNumber(d, kind, scale, moneyScale), style });
      const inputStyle = (fmt: string): CellStyle => ({ color: INPUT_COLOR, numberFormat: fmt });
      const formulaStyle = (fmt: string): CellStyle => ({ color: FORMULA_COLOR, numberFormat: fmt });
      if (recon) {
        reported = { formula: `=${loc.refFrom(self, recon.printed)}`, style: formulaStyle(FORMATS[kind]) };
        computed = { formula: `=${loc.refFrom(self, recon.formula)}`, style: formulaStyle(CHECK_FORMATS[kind]) };
      } else if (d) {
        // Live: the printed cell against the derivation over its operands' cells.
        sign = loc.signAt(d.printed);
        reported = { formula: `=${loc.refFrom(self, d.printed)}`, style: formulaStyle(FORMATS[kind]) };
        computed = { formula: d.formula, style: formulaStyle(CHECK_FORMATS[kind]) };
      } else if (check.rule.startsWith('same-fact:')) {
        const home = loc.locate(check.operands[1]?.concept ?? '', check.period, check.scenario);
        if (home) sign = loc.signAt(home);
        reported = num(check.reported, inputStyle(FORMATS[kind]));
        computed = home ? { formula: `=${loc.refFrom(self, home)}`, style: formulaStyle(FORMATS[kind]) } : num(check.computed, inputStyle(CHECK_FORMATS[kind]));
        const other = check.operands[0];
        if (other && reported.value !== undefined) reported.note = `${other.file}, line ${other.line ?? '?'}\n${other.text.trim().replace(/\s{2,}/g, '  ')}`;
      } else {
        const rule = loc.ruleOf(check.rule);
        const at = rule && rule.type !== 'rollforward' ? loc.locate(rule.reported, check.period, check.scenario) : undefined;
        if (at) sign = loc.signAt(at);
        reported = num(check.reported, inputStyle(FORMATS[kind]));
        computed = num(check.computed, inputStyle(CHECK_FORMATS[kind]));
      }
      const tolerance = cellNumber(check.tolerance, kind, scale, moneyScale);
      const files = [...new Set(check.operands.map((o) => o.file).filter((x) => x))].join(', ');
      const live = check.status === 'unverified'
        ? `=IF(OR(${E}="",${F}=""),"incomplete","unverified")`
        : `=IF(OR(${E}="",${F}=""),"incomplete",IF(ROUND(${E}-${F},9)=0,"tie",IF(ABS(${E}-${F})<=${cellAddress(r, COL.Tolerance)}*1.000000001,"rounding",IF(${M}<>"","${ACCEPTED}","break"))))`;
      const reason = accepted.get(check.id);
      const row: PlanCell[] = Array.from({ length: WIDTH }, empty);
      row[COL.Check] = { value: check.id };
      row[COL.Description] = { value: check.description };
      row[COL.Period] = { value: check.period };
      row[COL.Scenario] = { value: check.scenario };
      row[COL.Reported] = reported;
      row[COL.Computed] = computed;
      row[COL.Difference] = { formula: `=IF(OR(${E}="",${F}=""),"",${E}-${F})`, style: formulaStyle(CHECK_FORMATS[kind]) };
      row[COL.Tolerance] = { value: tolerance, style: inputStyle(CHECK_FORMATS[kind]) };
      row[COL.Status] = { formula: live, style: { color: FORMULA_COLOR, bold: true } };
      row[COL['At import']] = { value: check.status };
      row[COL['Likely culprit']] = { value: culpritText(check) };
      row[COL.Lines] = { value: check.lines.join(', ') };
      row[COL['Accepted (reason)']] = reason ? { value: reason, style: { color: INPUT_COLOR } } : {};
      row[COL.Files] = { value: files };
      rows.push(row);
      cells.push({
        id: check.id,
        status: check.status,
        reported: sheetCell(name, r, COL.Reported),
        computed: sheetCell(name, r, COL.Computed),
        difference: sheetCell(name, r, COL.Difference),
        liveStatus: sheetCell(name, r, COL.Status),
        reconciliation: recon ? {
          formula: sheetCell(recon.formula.grid.name, recon.formula.row, recon.formula.col),
          printed: sheetCell(recon.printed.grid.name, recon.printed.row, recon.printed.col),
        } : undefined,
      });
    }
    const first = head + 1;
    const last = rows.length - 1;
    const statusCol = String.fromCharCode(65 + COL.Status);
    const lastCol = String.fromCharCode(65 + WIDTH - 1);
    statusRanges.push(`${statusCol}${first + 1}:${statusCol}${last + 1}`);
    for (const [status, st] of Object.entries(STATUS_STYLE)) {
      conditional.push({ range: `A${first + 1}:${lastCol}${last + 1}`, formula: `=$${statusCol}${first + 1}="${status}"`, fill: st.fill, color: st.color });
    }
    if (section.key === 'checks') { filter = `A${head + 1}:${lastCol}${last + 1}`; titleRow = head; }
  }

  // The live summary over every check row.
  const countOf = (status: string): string => (statusRanges.length ? statusRanges.map((rg) => `COUNTIF(${rg},"${status}")`).join('+') : '0');
  for (const s of SUMMARY) rows[summaryRow.get(s) as number][1] = { formula: `=${countOf(s)}`, style: { color: FORMULA_COLOR, numberFormat: '#,##0' } };
  const firstCount = cellAddress(summaryRow.get(SUMMARY[0]) as number, 1);
  const lastCount = cellAddress(summaryRow.get(SUMMARY[SUMMARY.length - 1]) as number, 1);
  rows[totalRow][1] = { formula: `=SUM(${firstCount}:${lastCount})`, style: { color: FORMULA_COLOR, bold: true, numberFormat: '#,##0' } };
  const breakCount = cellAddress(summaryRow.get('break') as number, 1);
  rows[okRow][1] = { formula: `=${breakCount}=0`, style: { color: FORMULA_COLOR, bold: true } };
  conditional.unshift(
    { range: cellAddress(okRow, 1), formula: `=${cellAddress(okRow, 1, true)}=FALSE`, fill: STATUS_STYLE.break.fill, color: STATUS_STYLE.break.color, bold: true },
    { range: cellAddress(okRow, 1), formula: `=${cellAddress(okRow, 1, true)}=TRUE`, fill: '#C6EFCE', color: '#006100', bold: true },
    ...SUMMARY.filter((s) => STATUS_STYLE[s]).map((s): ConditionalFormatSpec => ({
      range: `A${(summaryRow.get(s) as number) + 1}:B${(summaryRow.get(s) as number) + 1}`,
      formula: `=$B$${(summaryRow.get(s) as number) + 1}>0`, fill: STATUS_STYLE[s].fill, color: STATUS_STYLE[s].color,
    })),
  );

  normalize(rows, WIDTH);
  const widths = columnWidths(rows.slice(3), 60).map((w, i) => Math.min(w, [34, 52, 11, 9, 12, 12, 12, 10, 15, 11, 40, 14, 24, 20][i] ?? 20));
  widths[0] = Math.max(widths[0], 30);
  const sheet: SheetSpec = {
    name,
    blocks: [{ row: 0, col: 0, cells: rows }],
    freeze: { rows: 2, cols: 1 },
    columnWidths: widths,
    refresh: { kind: 'replace' },
    conditionalFormats: conditional,
    autoFilter: filter,
    print: printSpec(name, dataset, titleRow ? `$${titleRow + 1}:$${titleRow + 1}` : undefined, '$A:$A'),
  };
  const names: NameSpec[] = [{
    name: 'MPWR_CHECKS_OK',
    refersTo: `=${sheetCell(name, okRow, 1, true)}`,
    comment: 'TRUE when no check of the MPWR Checks sheet is an open break (accepted breaks do not count)',
  }, ...(narrative?.names ?? [])];
  return { sheet, names, cells };
}

/** Reads the user's acceptances off a Checks sheet as the workbook holds it (formulas or values, row by row). */
export function acceptancesFromSheet(grid: unknown[][]): Acceptances {
  const out: Acceptances = new Map();
  const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v).replace(/^'/, '').trim());
  let reasonCol = -1;
  for (const row of grid) {
    const first = text(row[0]);
    if (first === CHECK_COLUMNS[0]) { reasonCol = row.findIndex((v) => text(v) === 'Accepted (reason)'); continue; }
    // The narrative section's rows are claims, not checks: nothing there to accept.
    if (first === CLAIM_COLUMNS[0]) { reasonCol = -1; continue; }
    if (reasonCol < 0 || !first) continue;
    const reason = text(row[reasonCol]);
    if (reason && !reason.startsWith('=')) out.set(first, reason);
  }
  return out;
}
