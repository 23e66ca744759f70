/**
 * The seed's identities as a person reads them off the filing (assets/filings/mpwr-2004q2-ex99-1.txt),
 * with their own tiny arithmetic: an oracle independent of the engine. Nothing here imports `src/`.
 *
 * It reads the printed figures of a (possibly changed) copy of the seed at the lines written down
 * below, gives each its meaning (an expense as a positive amount, a contribution to income with its
 * sign, a balance as printed), and evaluates:
 *
 * - the identities the statements print (a total is the sum of the rows above it, a bridge adds
 *   up to the GAAP figure, a percentage or a per-share amount is its numerator over its
 *   denominator, the accumulated deficit moves by the net loss), each on the lines where its
 *   figures are first printed (a figure printed again is one quantity, checked separately);
 * - every figure printed twice (the reconciliation tables reprint the statement, Note 1 reprints the
 *   D&A allocated to cost of revenues, the text reprints the Adjusted EBITDA guidance): the reprint
 *   agrees with the first printing.
 *
 * Tolerances, as DESIGN.md states them: a footed total or a roll-forward exact; a percentage or a
 * per-share amount within half a unit of its own last printed digit; per-share amounts that add up
 * within half a unit of each figure's last digit; a reprint equal when printed alike, else within
 * half a unit of the less precise figure's last digit.
 *
 * Checks are named as the engine names them (`rule@period[#scenario]`, `same-fact:concept@…`) so
 * the two can be compared one by one; the names are the only thing taken from the engine.
 */
import Decimal from 'decimal.js';

export type Status = 'tie' | 'rounding' | 'break' | 'incomplete';

export interface OracleCheck {
  status: Status;
  /** Reported − computed (null when a figure cannot be read). */
  difference: Decimal | null;
  tolerance: Decimal;
}

/** A printed figure: its value as printed (sign of the print), the decimals printed, and its scale in thousands. */
interface Printed {
  value: Decimal;
  decimals: number;
  /** Thousands per unit of the printed value: 1 for the tables ($ thousands), 1000 for "$8.0 million". */
  perThousand: number;
}

// ---- reading a printed figure -------------------------------------------------------------------

/** `$32,356`, `(39,239)`, `($1,404)`, `$(7,800)`, `$ 900`, `-`, `53.9%`, `-2.1%`, `($0.02)`, `78,417,485`. */
function readFigure(text: string): Printed | undefined {
  const t = text.trim();
  if (t === '-') return { value: new Decimal(0), decimals: 0, perThousand: 1 };
  const m = /^(\(?)\$?\s*(\(?)(-?)([\d,]+(?:\.(\d+))?)%?(\)?)$/.exec(t);
  // `(5` or `5)` is no figure a person reads (nor is `(-5)`: a minus inside parentheses).
  if (!m || (m[1] === '(' || m[2] === '(') !== (m[6] === ')') || (m[1] === '(' && m[2] === '(') || ((m[1] || m[2]) && m[3])) return undefined;
  const negative = m[1] === '(' || m[2] === '(' || m[3] === '-';
  const value = new Decimal(m[4].replace(/,/g, ''));
  return { value: negative ? value.negated() : value, decimals: m[5]?.length ?? 0, perThousand: 1 };
}

/** The figures standing at the right of a table line: words parted by two blanks or more (`$ 900` is one). */
function tableFigures(line: string): string[] {
  return line.trim().split(/\s{2,}/).slice(1);
}

/** A table line's figure in column `col` (0 = the first of `columns` at the right of the line). */
function tableFigure(lines: string[], line: number, col: number, columns: number): Printed | undefined {
  const figures = tableFigures(lines[line - 1] ?? '');
  const text = figures[figures.length - columns + col];
  return text === undefined ? undefined : readFigure(text);
}

/** The `n`-th dollar figure of a text line (`$1,964`, `$8.0 million`). */
function textFigure(lines: string[], line: number, n: number): Printed | undefined {
  const all = [...(lines[line - 1] ?? '').matchAll(/\$([\d,]+(?:\.(\d+))?)( million)?/g)];
  const m = all[n];
  if (!m) return undefined;
  return { value: new Decimal(m[1].replace(/,/g, '')), decimals: m[2]?.length ?? 0, perThousand: m[3] ? 1000 : 1 };
}

// ---- the seed's tables, as printed ---------------------------------------------------------------

/** Where a figure stands: a table line and column, or the n-th figure of a text line. */
type Place = { line: number; col: number; columns: number } | { line: number; nth: number };

/**
 * The meaning of a printed figure: +1 where the print carries the sign of its meaning, -1 where
 * it is printed the other way: an expense printed in brackets as a deduction ((67) interest
 * expense is an expense of 67), a gain printed in brackets among the expenses it reduces.
 */
const PRINTED_THE_OTHER_WAY = new Set([
  246, // Gain on Sale of Assets, net (62) among Operating Expenses: a gain of 62
  254, 255, // Interest Expense (67), Other Expense (95): expenses of 67 and 95
  289, // D&A allocated to Cost of Operating Revenues (1,964), deducted: an expense of 1,964
  297, 299, 303, 304, // the reconciliation's D&A (3,879), Stock-Based Compensation (39), Interest and Other Expense
  318, 320, 324, 325, // FY2004 guidance: D&A (16,000), Stock-Based Compensation (200), Interest Expense (300), Other Expense (100)
  341, 343, 347, // FY2005 guidance: D&A (17,000), Stock-Based Compensation (200), Interest Expense (300)
]);

/** The value a figure stands for, in $ thousands for money (a per-share amount, a percentage, a share count as printed). */
function meant(lines: string[], p: Place): { value: Decimal; decimals: number; perThousand: number } | undefined {
  const f = 'nth' in p ? textFigure(lines, p.line, p.nth) : tableFigure(lines, p.line, p.col, p.columns);
  if (!f) return undefined;
  const sign = PRINTED_THE_OTHER_WAY.has(p.line) ? -1 : 1;
  return { value: f.value.times(sign).times(f.perThousand), decimals: f.decimals, perThousand: f.perThousand };
}

/** Half a unit of the last printed digit, in the unit the figure is compared in. */
function halfUnit(decimals: number, perThousand = 1): Decimal {
  return new Decimal(10).pow(-decimals).dividedBy(2).times(perThousand);
}

interface Column {
  /** `2004Q2`, `2004-06-30`, `FY2004#guidance-low`. */
  key: string;
  col: number;
  columns: number;
}

const BALANCE_SHEET: Column[] = ['2004-06-30', '2004-03-31', '2003-12-31'].map((key, col) => ({ key, col, columns: 3 }));
/** The statement of operations and both reconciliation tables: June 30, 2004, March 31, 2004, June 30, 2003. */
const QUARTERS: Column[] = ['2004Q2', '2004Q1', '2003Q2'].map((key, col) => ({ key, col, columns: 3 }));
const GUIDANCE_2004: Column[] = ['FY2004#guidance-low', 'FY2004#guidance-high'].map((key, col) => ({ key, col, columns: 2 }));
const GUIDANCE_2005: Column[] = ['FY2005#guidance-low', 'FY2005#guidance-high'].map((key, col) => ({ key, col, columns: 2 }));

/** reported (a line) = Σ coefficient × line, in every column of the table. */
interface Sum {
  type: 'sum';
  id: string;
  columns: Column[];
  reported: number;
  terms: [line: number, coefficient: number][];
  /** `each`: within half a unit of each figure's last digit (per-share amounts); otherwise exact. */
  tolerance?: 'each';
}

/** reported = numerator × numeratorFactor ÷ denominator × factor, within half a unit of the reported figure's last digit. */
interface Ratio {
  type: 'ratio';
  id: string;
  columns: Column[];
  reported: number;
  numerator: number;
  denominator: number;
  /** 1,000 for a loss in $ thousands over a share count. */
  numeratorFactor: number;
  /** 100 for a percentage. */
  factor: number;
}

type Identity = Sum | Ratio;

/**
 * The identities of the seed, by line, as its statements print them. Each is evaluated on the
 * lines where its figures are first printed; the reconciliation tables' reprints are checked
 * against those below (REPRINTS).
 */
export const IDENTITIES: Identity[] = [
  // Balance sheet (lines 194-225), three dates.
  { type: 'sum', id: 'bs-current-assets', columns: BALANCE_SHEET, reported: 199, terms: [[194, 1], [195, 1], [196, 1], [197, 1]] },
  { type: 'sum', id: 'bs-total-assets', columns: BALANCE_SHEET, reported: 204, terms: [[199, 1], [200, 1], [201, 1], [202, 1], [203, 1]] },
  { type: 'sum', id: 'bs-current-liabilities', columns: BALANCE_SHEET, reported: 216, terms: [[208, 1], [209, 1], [210, 1], [211, 1], [212, 1], [213, 1], [214, 1]] },
  { type: 'sum', id: 'bs-total-liabilities', columns: BALANCE_SHEET, reported: 219, terms: [[216, 1], [217, 1]] },
  { type: 'sum', id: 'bs-equity', columns: BALANCE_SHEET, reported: 224, terms: [[220, 1], [221, 1], [222, 1]] },
  { type: 'sum', id: 'bs-liabilities-and-equity', columns: BALANCE_SHEET, reported: 225, terms: [[219, 1], [224, 1]] },
  { type: 'sum', id: 'bs-balance', columns: BALANCE_SHEET, reported: 204, terms: [[225, 1]] },

  // Statement of operations (lines 235-273), three quarters.
  { type: 'sum', id: 'ops-revenue', columns: QUARTERS, reported: 238, terms: [[235, 1], [236, 1]] },
  // Cost of revenues + SG&A + stock-based compensation − gain on sale + D&A.
  { type: 'sum', id: 'ops-expenses', columns: QUARTERS, reported: 249, terms: [[242, 1], [244, 1], [245, 1], [246, -1], [247, 1]] },
  { type: 'sum', id: 'ops-operating-loss', columns: QUARTERS, reported: 251, terms: [[238, 1], [249, -1]] },
  { type: 'sum', id: 'ops-loss-before-discontinued', columns: QUARTERS, reported: 257, terms: [[251, 1], [253, 1], [254, -1], [255, -1]] },
  { type: 'sum', id: 'ops-net-loss', columns: QUARTERS, reported: 260, terms: [[257, 1], [258, 1]] },
  { type: 'sum', id: 'eps-sum', columns: QUARTERS, reported: 267, terms: [[265, 1], [266, 1]], tolerance: 'each' },
  { type: 'ratio', id: 'eps-loss-before-discontinued', columns: QUARTERS, reported: 265, numerator: 257, denominator: 262, numeratorFactor: 1000, factor: 1 },
  { type: 'ratio', id: 'eps-discontinued', columns: QUARTERS, reported: 266, numerator: 258, denominator: 262, numeratorFactor: 1000, factor: 1 },
  { type: 'ratio', id: 'eps-net-loss', columns: QUARTERS, reported: 267, numerator: 260, denominator: 262, numeratorFactor: 1000, factor: 1 },
  { type: 'sum', id: 'adjusted-gross-margin', columns: QUARTERS, reported: 269, terms: [[238, 1], [242, -1]] },
  { type: 'sum', id: 'adjusted-ebitda', columns: QUARTERS, reported: 272, terms: [[238, 1], [242, -1], [244, -1]] },
  { type: 'ratio', id: 'adjusted-gross-margin-pct', columns: QUARTERS, reported: 270, numerator: 269, denominator: 238, numeratorFactor: 1, factor: 100 },
  { type: 'ratio', id: 'adjusted-ebitda-margin', columns: QUARTERS, reported: 273, numerator: 272, denominator: 238, numeratorFactor: 1, factor: 100 },

  // Reconciliation to GAAP (lines 287-309): Adjusted Gross Margin − D&A allocated to cost of revenues = Gross Margin.
  { type: 'sum', id: 'bridge-gross-margin', columns: QUARTERS, reported: 291, terms: [[269, 1], [289, -1]] },
  // Adjusted EBITDA − D&A + gain on sale − stock-based compensation = loss from continuing operations (first printed in the statement).
  { type: 'sum', id: 'bridge-adjusted-ebitda', columns: QUARTERS, reported: 251, terms: [[272, 1], [247, -1], [246, 1], [245, -1]] },
  // Note 1 (lines 277, 279): D&A allocated to cost of revenues (first printed on line 289) + D&A allocated to SG&A = D&A.
  // Line 279's figures are read as text, below (DA_SGA).

  // FY2004 guidance (lines 317-330), low and high end.
  { type: 'sum', id: 'bridge-adjusted-ebitda', columns: GUIDANCE_2004, reported: 322, terms: [[317, 1], [318, -1], [319, 1], [320, -1]] },
  { type: 'sum', id: 'ops-loss-before-discontinued', columns: GUIDANCE_2004, reported: 327, terms: [[322, 1], [323, 1], [324, -1], [325, -1]] },
  { type: 'sum', id: 'ops-net-loss', columns: GUIDANCE_2004, reported: 330, terms: [[327, 1], [328, 1]] },
  // FY2005 guidance (lines 340-352): no Other Expense line.
  { type: 'sum', id: 'bridge-adjusted-ebitda', columns: GUIDANCE_2005, reported: 345, terms: [[340, 1], [341, -1], [342, 1], [343, -1]] },
  { type: 'sum', id: 'ops-loss-before-discontinued', columns: GUIDANCE_2005, reported: 349, terms: [[345, 1], [346, 1], [347, -1]] },
  { type: 'sum', id: 'ops-net-loss', columns: GUIDANCE_2005, reported: 352, terms: [[349, 1], [350, 1]] },
];

/** A figure printed twice: the engine's name for the check's concept, where it is first printed, where again. */
interface Reprint {
  concept: string;
  first: (c: Column) => Place;
  reprint: (c: Column) => Place;
  columns: Column[];
}

const row = (line: number, columns: number) => (c: Column): Place => ({ line, col: c.col, columns });
const text = (line: number) => (c: Column): Place => ({ line, nth: c.col });

/**
 * The reconciliation tables (lines 287-309) reprint twelve rows of the statement; Note 1 (line
 * 277) reprints the D&A allocated to cost of revenues of line 289; the text (lines 76-77) the
 * Adjusted EBITDA guidance of lines 317 and 340.
 */
export const REPRINTS: Reprint[] = [
  ...([
    ['adjusted_gross_margin', 269, 287],
    ['adjusted_ebitda', 272, 296],
    ['depreciation_amortization', 247, 297],
    ['gain_on_sale_of_assets', 246, 298],
    ['stock_based_compensation', 245, 299],
    ['loss_from_continuing_operations', 251, 301],
    ['interest_income', 253, 302],
    ['interest_expense', 254, 303],
    ['other_expense', 255, 304],
    ['loss_before_discontinued_operations', 257, 306],
    ['discontinued_operations', 258, 307],
    ['net_loss', 260, 309],
  ] as [string, number, number][]).map(([concept, first, reprint]): Reprint => ({ concept, first: row(first, 3), reprint: row(reprint, 3), columns: QUARTERS })),
  // Note 1: "of $1,964, $1,939 and $1,742 for the three months ended June 30, 2004, March 31, 2004 and June 30, 2003".
  { concept: 'da_cost_of_revenue', first: row(289, 3), reprint: text(277), columns: QUARTERS },
  // "full-year 2004 Adjusted EBITDA in the range of $8.0 million to $10.0 million" (line 76).
  { concept: 'adjusted_ebitda', first: row(317, 2), reprint: text(76), columns: GUIDANCE_2004 },
  // "full-year 2005 Adjusted EBITDA between $16.0 million and $18.0 million" (line 77).
  { concept: 'adjusted_ebitda', first: row(340, 2), reprint: text(77), columns: GUIDANCE_2005 },
];

/** Note 1, line 279: "Selling, General and Administrative is exclusive of ... $1,915, $1,962 and $2,242". */
const DA_SGA = text(279);

/** Accumulated deficit (line 222) moves by the quarter's net loss (line 260): [quarter, end date column, start date column]. */
const ROLL_FORWARD: [quarter: Column, end: number, start: number][] = [
  [QUARTERS[0], 0, 1], // June 30, 2004 − March 31, 2004 = Q2 2004 net loss
  [QUARTERS[1], 1, 2], // March 31, 2004 − December 31, 2003 = Q1 2004 net loss
];

/** How many checks the seed gives: one per identity and column, per roll-forward and per reprint. */
export function seedCheckCount(): { identities: number; reprints: number } {
  const identities = IDENTITIES.reduce((n, i) => n + i.columns.length, 0) + QUARTERS.length /* da-split */ + ROLL_FORWARD.length;
  const reprints = REPRINTS.reduce((n, r) => n + r.columns.length, 0);
  return { identities, reprints };
}

// ---- evaluation --------------------------------------------------------------------------------------

function judge(difference: Decimal | null, tolerance: Decimal): OracleCheck {
  if (difference === null) return { status: 'incomplete', difference, tolerance };
  if (difference.isZero()) return { status: 'tie', difference, tolerance };
  return { status: difference.abs().lte(tolerance) ? 'rounding' : 'break', difference, tolerance };
}

function idOf(rule: string, column: Column): string {
  return `${rule}@${column.key}`;
}

/** Every check of the seed (or of a copy with figures changed in place), by the engine's check id. */
export function oracleChecks(text: string): Map<string, OracleCheck> {
  const lines = text.split(/\r\n|\r|\n/);
  const out = new Map<string, OracleCheck>();
  const at = (line: number, c: Column) => meant(lines, { line, col: c.col, columns: c.columns });

  for (const identity of IDENTITIES) {
    for (const c of identity.columns) {
      const reported = at(identity.reported, c);
      if (identity.type === 'sum') {
        const terms = identity.terms.map(([line, k]) => ({ f: at(line, c), k }));
        const computed = terms.some((t) => !t.f) ? null : terms.reduce((s, t) => s.plus((t.f as Printed).value.times(t.k)), new Decimal(0));
        const tolerance = identity.tolerance === 'each'
          ? terms.reduce((s, t) => s.plus(t.f ? halfUnit(t.f.decimals) : 0), reported ? halfUnit(reported.decimals) : new Decimal(0))
          : new Decimal(0);
        out.set(idOf(identity.id, c), judge(reported && computed ? reported.value.minus(computed) : null, tolerance));
      } else {
        const num = at(identity.numerator, c);
        const den = at(identity.denominator, c);
        const computed = num && den && !den.value.isZero() ? num.value.times(identity.numeratorFactor).dividedBy(den.value).times(identity.factor) : null;
        out.set(idOf(identity.id, c), judge(reported && computed ? reported.value.minus(computed) : null, reported ? halfUnit(reported.decimals) : new Decimal(0)));
      }
    }
  }

  // D&A (line 247) = D&A allocated to cost of revenues (line 289) + D&A allocated to SG&A (Note 1, line 279).
  for (const c of QUARTERS) {
    const da = at(247, c);
    const cost = at(289, c);
    const sga = meant(lines, DA_SGA(c));
    out.set(idOf('da-split', c), judge(da && cost && sga ? da.value.minus(cost.value.plus(sga.value)) : null, new Decimal(0)));
  }

  for (const [quarter, end, start] of ROLL_FORWARD) {
    const e = meant(lines, { line: 222, col: end, columns: 3 });
    const s = meant(lines, { line: 222, col: start, columns: 3 });
    const loss = at(260, quarter);
    out.set(idOf('bs-deficit-rollforward', quarter), judge(e && s && loss ? e.value.minus(s.value).minus(loss.value) : null, new Decimal(0)));
  }

  for (const { concept, first, reprint, columns } of REPRINTS) {
    for (const c of columns) {
      const a = meant(lines, first(c));
      const b = meant(lines, reprint(c));
      const alike = a && b && a.decimals === b.decimals && a.perThousand === b.perThousand;
      const tolerance = !a || !b || alike ? new Decimal(0) : Decimal.max(halfUnit(a.decimals, a.perThousand), halfUnit(b.decimals, b.perThousand));
      out.set(`same-fact:${concept}@${c.key}`, judge(a && b ? b.value.minus(a.value) : null, tolerance));
    }
  }
  return out;
}

/** How many of the oracle's checks have each status, and all of them (the seed: 111 ties, 14 roundings, 1 break, 126 checks). */
export function oracleCounts(text: string): Record<Status | 'all', number> {
  const counts: Record<Status | 'all', number> = { tie: 0, rounding: 0, break: 0, incomplete: 0, all: 0 };
  for (const c of oracleChecks(text).values()) {
    counts[c.status]++;
    counts.all++;
  }
  return counts;
}
