/**
 * A SheetPlan: what the add-in writes into a workbook, as pure data. `src/workbook` builds it
 * from a Dataset; `src/excel` (Office.js) and `src/xlsx` (ExcelJS) apply it.
 * Every sheet the plan names starts with `MPWR ` — writers never touch any other sheet.
 */
import type { CheckStatus } from '../model/types';

/** A literal cell value. Text is always written as text, never interpreted as a formula. */
export type CellValue = string | number | boolean | null;

export interface CellStyle {
  /** Excel number format, e.g. `#,##0;(#,##0);"-"`, `0.0%`, `$0.00`, `#,##0`. */
  numberFormat?: string;
  /** Font colour as `#RRGGBB` (inputs as filed: blue `#0000FF`; formulas: black `#000000`). */
  color?: string;
  bold?: boolean;
  italic?: boolean;
  /** Fill colour as `#RRGGBB` (restated values are flagged with a fill). */
  fill?: string;
  /** Indent level of a label (rows under a section heading). */
  indent?: number;
  /** A thin rule above the cell (totals and subtotals), or below it (header rows). */
  borderTop?: boolean;
  borderBottom?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** One cell: either a literal value or a formula (starting with `=`), with its style. */
export interface PlanCell {
  value?: CellValue;
  formula?: string;
  style?: CellStyle;
  /** A note shown on the cell (provenance: file, line, printed text). */
  note?: string;
  /** The formula's computed value, cached in the file (see `evaluate.ts`) so a reader that does not calculate sees it. */
  result?: CellValue | { error: string };
}

/** A rectangular block of cells whose top-left cell is `row`/`col` (0-based). */
export interface Block {
  row: number;
  col: number;
  cells: PlanCell[][];
}

export interface SheetSpec {
  /** `MPWR Balance Sheet`, `MPWR Operations`, `MPWR Non-GAAP`, `MPWR Guidance`, `MPWR Checks`. */
  name: string;
  blocks: Block[];
  /** Frozen header rows and label columns. */
  freeze?: { rows: number; cols: number };
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** A chart on the sheet (revenue and Adjusted EBITDA margin by quarter). */
  charts?: ChartSpec[];
  /**
   * How a writer refreshes the sheet when it already exists. `keyed`: row `keyRow` holds a key
   * for each column from `firstCol` on (period keys), column `keyCol` a key for each row from
   * `firstRow` on (concept ids); keys missing from the workbook are inserted with Excel's insert
   * at their place so references into the sheet follow. `replace`: the sheet's contents are
   * replaced (the Checks sheet, which nobody references). Default: `replace`.
   */
  refresh?: KeyedRefresh | { kind: 'replace' };
  /** 0-based columns and rows to hide (the key column and key row of a keyed sheet). */
  hiddenColumns?: number[];
  hiddenRows?: number[];
  /** Formats applied where a formula holds (`=$I20="break"`), first match wins. */
  conditionalFormats?: ConditionalFormatSpec[];
  /** Range (sheet-local A1, e.g. `A16:N142`) with a filter button on its first row. */
  autoFilter?: string;
  print?: PrintSpec;
}

export interface ConditionalFormatSpec {
  /** Sheet-local A1 range. */
  range: string;
  /** Formula relative to the range's top-left cell, e.g. `=$I20="break"`. */
  formula: string;
  fill?: string;
  color?: string;
  bold?: boolean;
}

export interface PrintSpec {
  orientation: 'landscape' | 'portrait';
  /** Fit to this many pages wide (height free). */
  fitToPagesWide: number;
  /** Rows and columns repeated on every page, e.g. `$1:$4` and `$A:$B`. */
  titleRows?: string;
  titleColumns?: string;
  /** Page header: left, centre, right (plain text). */
  header: [string, string, string];
}

export interface KeyedRefresh {
  kind: 'keyed';
  keyRow: number;
  firstCol: number;
  /** Column keys from `firstCol` on, left to right. */
  columnKeys: string[];
  keyCol: number;
  firstRow: number;
  /** Row keys from `firstRow` on, top to bottom. */
  rowKeys: string[];
}

export interface ChartSpec {
  title: string;
  /** Range of the category labels (period keys), e.g. `'MPWR Operations'!C1:E1`. */
  categories: string;
  series: { name: string; values: string; type: 'column' | 'line'; secondaryAxis?: boolean }[];
  /** Top-left anchor cell of the chart (0-based row/col). */
  anchor: { row: number; col: number };
}

/** A workbook name for a concept row (`MPWR_adjusted_ebitda` → `'MPWR Operations'!$C$20:$E$20`). */
export interface NameSpec {
  name: string;
  /** Formula text of the reference, e.g. `='MPWR Operations'!$C$20:$E$20`. */
  refersTo: string;
  comment?: string;
}

/** Where one check lives on the Checks sheet and which cells it compares (for tests and the task pane). */
export interface CheckCells {
  /** Check id (`bs-current-assets@2004-06-30`). */
  id: string;
  /** Status at import from the Decimal engine. */
  status: CheckStatus;
  /** A1 addresses with sheet (`'MPWR Checks'!E5`). */
  reported: string;
  computed: string;
  difference: string;
  liveStatus: string;
  /** The reconciliation formula cell on a statement sheet and the printed cell it reconciles, when the check has one. */
  reconciliation?: { formula: string; printed: string };
}

export interface SheetPlan {
  sheets: SheetSpec[];
  names: NameSpec[];
  /** Every check of the analysis and its cells (optional: writers do not need it). */
  checks?: CheckCells[];
}
