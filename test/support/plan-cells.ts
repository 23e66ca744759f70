/**
 * Finding cells of a plan by their keys (row key in the hidden key column, column key in the
 * hidden key row) instead of by address, so tests read what a cell is and survive layout changes.
 */
import { cellAddress } from '../../src/workbook/a1';
import type { KeyedRefresh, PlanCell, SheetPlan, SheetSpec } from '../../src/workbook/plan';

export function sheetOf(plan: SheetPlan, name: string): SheetSpec {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** 0-based row and column of (row key, column key) on a keyed sheet. */
export function position(plan: SheetPlan, sheet: string, rowKey: string, colKey: string): { row: number; col: number } {
  const r = sheetOf(plan, sheet).refresh as KeyedRefresh;
  const i = r.rowKeys.indexOf(rowKey);
  const j = r.columnKeys.indexOf(colKey);
  if (i < 0) throw new Error(`${sheet}: no row ${rowKey}`);
  if (j < 0) throw new Error(`${sheet}: no column ${colKey}`);
  return { row: r.firstRow + i, col: r.firstCol + j };
}

/** A1 address (`E8`) of (row key, column key). */
export function addressOf(plan: SheetPlan, sheet: string, rowKey: string, colKey: string, absolute = false): string {
  const p = position(plan, sheet, rowKey, colKey);
  return cellAddress(p.row, p.col, absolute);
}

/** `'MPWR Operations'!E8` */
export function refOf(plan: SheetPlan, sheet: string, rowKey: string, colKey: string): string {
  return `'${sheet}'!${addressOf(plan, sheet, rowKey, colKey)}`;
}

export function cellAt(plan: SheetPlan, sheet: string, rowKey: string, colKey: string): PlanCell {
  const p = position(plan, sheet, rowKey, colKey);
  return sheetOf(plan, sheet).blocks[0].cells[p.row][p.col];
}

/** The row of the Checks sheet whose first cell is `id`. */
export function checkRow(plan: SheetPlan, id: string): PlanCell[] {
  const row = sheetOf(plan, 'MPWR Checks').blocks[0].cells.find((r) => r[0].value === id);
  if (!row) throw new Error(`no check ${id}`);
  return row;
}
