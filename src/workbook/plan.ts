/**
 * A SheetPlan: what the add-in writes into a workbook, as pure data. `src/workbook` builds it
 * from a Dataset; `src/excel` (Office.js) and `src/xlsx` (ExcelJS) apply it.
 * Every sheet the plan names starts with `MPWR ` — writers never touch any other sheet.
 */

/** A literal cell value. Text is always written as text, never interpreted as a formula. */
export type CellValue = string | number | boolean | null;

export interface CellStyle {
  /** Excel number format, e.g. `#,##0;(#,##0);"-"`, `0.0%`, `$0.00`, `#,##0`. */
  numberFormat?: string;
  /** Font colour as `#RRGGBB` (inputs as filed: blue `#0000FF`; formulas: black `#000000`). */
  color?: string;
  bold?: boolean;
  italic?: boolean;
}

/** One cell: either a literal value or a formula (starting with `=`), with its style. */
export interface PlanCell {
  value?: CellValue;
  formula?: string;
  style?: CellStyle;
  /** A note shown on the cell (provenance: file, line, printed text). */
  note?: string;
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

export interface SheetPlan {
  sheets: SheetSpec[];
  names: NameSpec[];
}
