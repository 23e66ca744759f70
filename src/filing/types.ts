/**
 * What the readers yield (the text reader and the HTML reader alike): documents, tables, cells
 * and numbers with their lines.
 * Pure types: no Office globals, no DOM, no Node-only APIs.
 */
import Decimal from 'decimal.js';

export type Scenario = 'actual' | 'guidance-low' | 'guidance-high';

/** What a printed number measures. */
export type AmountKind = 'money' | 'shares' | 'per-share' | 'percent' | 'ratio';

/** The multiplier that turns a printed money figure into units. */
export type Scale = 'units' | 'thousands' | 'millions' | 'billions';

export const SCALE_FACTOR: Record<Scale, number> = {
  units: 1,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
};

/** A number exactly as printed, parsed into an exact Decimal. */
export interface Amount {
  /** Exact value as printed, in the printed scale, with the printed sign: `(1,312)` -> -1312, `53.9%` -> 53.9. */
  value: Decimal;
  kind: AmountKind;
  /** The printed text, e.g. `($1,404)`, `53.9%`, `-`. */
  text: string;
  /** Digits printed after the decimal point (`$0.02` -> 2, `53.9%` -> 1, `$32,356` -> 0). Sets rounding tolerance. */
  decimals: number;
}

export type PeriodType = 'quarter' | 'year' | 'instant' | 'duration';

/**
 * A period with its canonical key:
 * quarter `2004Q2`, fiscal year `FY2004`, instant `2004-06-30`,
 * other durations `6M2004-06-30` (months and end date) or `26W2004-07-03` (weeks).
 */
export interface Period {
  key: string;
  type: PeriodType;
  /** ISO date (yyyy-mm-dd) the period ends on (for an instant: the date itself). */
  end: string;
  /** Length in months for durations (3 for a quarter, 12 for a year); 0 for an instant. */
  months: number;
  /** The company's own name for the period where the header gives one (`Q1 FY2011`, `Q3 FY2004`). */
  fiscal?: string;
}

/** Who filed a release: every Filing and every Fact carries its company. */
export interface Company {
  /** Name as detected (`Mpower Holding Corporation`, `Sears, Roebuck and Co.`), or ''. */
  name: string;
  /** Ticker when the release states it (`MPE`), or ''. */
  ticker: string;
  /** SEC Central Index Key when the envelope has one (`0000319256`), or ''. */
  cik: string;
}



/** A message about the input, pointing at a line when it can. */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  line?: number;
}


/** A number cell of a table. */
export interface Cell {
  /** Index of the column it falls in. */
  column: number;
  amount: Amount;
  /** 1-based line number in the source file (for HTML: the line of the cell's text). */
  line: number;
  /** 0-based column span [start, end) of the printed text on its line. */
  span: [number, number];
}

/**
 * What a column's numbers are: the period's `value` (default), the `change` between two periods,
 * a `percent-change`, or a `percent-of` another figure (`% of Revenues`). Only `value` columns
 * are the period's figures; the others are read as figures of their own kind.
 */
export type ColumnMeasure = 'value' | 'change' | 'percent-change' | 'percent-of';

export interface TableColumn {
  /** Header text of the column, header lines joined with a space (`Mpower Holding Three Months Ended June 30, 2004`). */
  header: string;
  /** The period the header names, when it names one. */
  period?: Period;
  /** `guidance-low` / `guidance-high` for guidance-range columns, else `actual`. */
  scenario: Scenario;
  /** 0-based span of the column [start, end): characters on the page (text), grid slots (HTML). */
  span: [number, number];
  /** What the column's numbers are (default `value`). */
  measure?: ColumnMeasure;
  /**
   * Set when the column is not the consolidated figure as reported: a segment (`Domestic`), a
   * `pro forma` or an `excluding ...` view, or an adjustments column. Its facts are kept apart.
   */
  member?: string;
  /** Scale the column's header states (`Rev $m`), overriding the table's. */
  scale?: Scale;
  /** Kind the column's header states (`Earnings Per Share`, `%`), overriding the row's. */
  kind?: AmountKind;
}

export interface TableRow {
  /** The label as printed, continuation lines joined with one space. */
  label: string;
  /**
   * How far the label stands in: text tables, the leading blanks of its first line (characters);
   * HTML tables, the label cell's left indent in points divided by 5 (about one character of a
   * 10-point face), rounded. Compare indents within one table only.
   */
  indent: number;
  /** The section heading the row sits under (`Operating Revenues:`), or ''. */
  section: string;
  /** A rule line (`-----`, `=====`, or a cell border in HTML) stands directly above this row. */
  ruleAbove: boolean;
  /** A blank line (or an empty row) stands directly above this row. */
  blankAbove?: boolean;
  /** Scale of the row's non-money figures where its label or section states one (`shares (in thousands)`). */
  scale?: Scale;
  /** Line of the row's numbers (1-based); the label may start on an earlier line. */
  line: number;
  /** Line the label starts on (1-based). */
  labelLine: number;
  /** The row's printed line (the one holding the numbers). */
  text: string;
  cells: Cell[];
}

export interface Table {
  /** `t1`, `t2`, ... in document order. */
  id: string;
  /** Title as printed (`BALANCE SHEET`), or the first header words when there is none. */
  title: string;
  /** Scale statement as printed (`amounts in $ thousands, except share and per share amounts`), or ''. */
  scaleText: string;
  /** Scale of money figures in this table. */
  scale: Scale;
  columns: TableColumn[];
  rows: TableRow[];
  /** First and last line of the table (1-based, inclusive). */
  lines: [number, number];
  /** `text` for fixed-width text, `html` for `<table>` markup (for messages only: nothing downstream depends on it). */
  source?: 'text' | 'html';
}

/** The former name of `Table` (text tables were the only kind). */
export type TextTable = Table;

/** A number stated in running text (a note or a narrative sentence). */
export interface TextNumber {
  amount: Amount;
  /** Scale of the figure as written (`$152.6 million` -> millions). */
  scale: Scale;
  line: number;
  span: [number, number];
}

/** A sentence (or note) of running text with the numbers it states. */
export interface Sentence {
  text: string;
  /** 1-based line where the sentence starts. */
  line: number;
  /** `note` for numbered notes under tables (`Note 1: ...`), else `narrative`. */
  kind: 'note' | 'narrative';
  numbers: TextNumber[];
}

/** One filing as read: its tables and sentences, every number with its line. */
export interface Filing {
  /** File name (or `pasted text`) used in messages and provenance. */
  file: string;
  /** The source text as given. */
  text: string;
  /** Company name as detected (`Mpower Holding Corporation`), or ''. */
  company: string;
  /** Ticker when stated (`MPE`), or ''. */
  ticker: string;
  /** SEC Central Index Key when the envelope has one, or ''. */
  cik: string;
  /** Release date as ISO date when found, or ''. */
  date: string;
  /** SEC accession number when the envelope carries one, or ''. */
  accession: string;
  tables: Table[];
  sentences: Sentence[];
  diagnostics: Diagnostic[];
}
