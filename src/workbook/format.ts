/**
 * What every MPWR sheet shares: sheet names, number formats, colours, the page setup, and the
 * helpers that turn a fact into a cell (number, note) and size columns. Pure.
 */
import type Decimal from 'decimal.js';
import type { Dataset } from '../model/dataset';
import { SCALE_FACTOR, type AmountKind, type Fact, type Scale } from '../model/types';
import type { PlanCell, PrintSpec } from './plan';

export const SHEET_NAMES = {
  balance: 'MPWR Balance Sheet',
  operations: 'MPWR Operations',
  nonGaap: 'MPWR Non-GAAP',
  guidance: 'MPWR Guidance',
  checks: 'MPWR Checks',
  chart: 'MPWR Chart',
} as const;

/** Number formats of the model: negatives in brackets for money and per-share alike (`(4,618)`, `$(0.07)`). */
export const FORMATS: Record<AmountKind, string> = {
  money: '#,##0;(#,##0);"-"',
  percent: '0.0%',
  'per-share': '$#,##0.00;$(#,##0.00);$0.00',
  shares: '#,##0',
  ratio: '0.00',
};

/** Formats of recomputed values and differences: the digits that explain a check (`$0.0031`). */
export const CHECK_FORMATS: Record<AmountKind, string> = {
  money: '#,##0.###;(#,##0.###);"-"',
  percent: '0.000%',
  'per-share': '$#,##0.0000;$(#,##0.0000);"-"',
  shares: '#,##0',
  ratio: '0.0000',
};

export const INPUT_COLOR = '#0000FF';
export const FORMULA_COLOR = '#000000';
export const RESTATED_FILL = '#FFF2CC';
export const COMPANY = 'Mpower Holding (AMEX: MPE)';

export const SCALE_WORDS: Record<Scale, string> = { units: '$', thousands: '$ thousands', millions: '$ millions', billions: '$ billions' };

/** A Decimal in `scale` (money) or as printed (others) → the number a cell holds (percent as a fraction). */
export function cellNumber(value: Decimal, kind: AmountKind, scale: Scale, moneyScale: Scale): number {
  if (kind === 'money') return value.times(SCALE_FACTOR[scale]).dividedBy(SCALE_FACTOR[moneyScale]).toNumber();
  if (kind === 'percent') return value.dividedBy(100).toNumber();
  return value.toNumber();
}

export function oneLine(text: string): string {
  return text.trim().replace(/\s{2,}/g, '  ');
}

export function provenance(f: Fact): string {
  return `${f.source.file}, line ${f.source.line} (${f.source.tableTitle})\nprinted: ${f.amount.text}\n${oneLine(f.source.text)}`;
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** The files a plan is built from, for page headers: `mpwr-2004q2-ex99-1.txt` or `3 releases, … to …`. */
export function releaseWords(dataset: Dataset): string {
  const files = dataset.info().map((i) => i.file);
  if (files.length <= 2) return files.join(', ');
  return `${files.length} releases, ${files[0]} to ${files[files.length - 1]}`;
}

export function printSpec(sheet: string, dataset: Dataset, titleRows: string | undefined, titleColumns: string | undefined): PrintSpec {
  return { orientation: 'landscape', fitToPagesWide: 1, titleRows, titleColumns, header: [COMPANY, sheet, releaseWords(dataset)] };
}

/** What a cell holds in place of a figure too large for a double (a filing's 400-digit number). */
export const TOO_LARGE_TEXT = '(too large for Excel)';

/** Pads every row to `width` cells so blocks are rectangular. */
export function normalize(rows: PlanCell[][], width: number): void {
  for (const r of rows) {
    while (r.length < width) r.push({});
    // Excel cannot hold it as a number: text, with the printed figure still in the cell's note.
    for (const c of r) if (typeof c.value === 'number' && !Number.isFinite(c.value)) c.value = TOO_LARGE_TEXT;
  }
}

function displayLength(c: PlanCell): number {
  if (typeof c.value === 'string') return c.value.length + (c.style?.indent ?? 0) * 2;
  if (typeof c.value === 'number') return formatNumber(c.value).length + 2;
  if (c.formula) return 10;
  return 0;
}

/** Widths in characters that fit the contents (capped so a long description does not push the numbers away). */
export function columnWidths(rows: PlanCell[][], cap = 40): number[] {
  const width = Math.max(...rows.map((r) => r.length));
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    let w = 8;
    for (const r of rows) if (r[c]) w = Math.max(w, displayLength(r[c]) + 1);
    out.push(Math.min(w, cap));
  }
  return out;
}
