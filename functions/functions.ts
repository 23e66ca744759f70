// The =MPWR.* custom functions: thin wrappers over src/formulas (the same implementation the
// tests evaluate with HyperFormula and `mpwr call` prints). Metadata (functions.json) is
// generated from the JSDoc below by custom-functions-metadata-plugin, which also appends the
// CustomFunctions.associate calls. Every function is synchronous, answers from the in-memory
// data and never throws: an error is returned as a CustomFunctions.Error with a message.
import builtInFiling from './built-in-filing';
import * as mpwr from '../src/formulas/functions-impl';
import { store } from '../src/formulas/store';
import type { FormulaData } from '../src/formulas/data';
import type { Cell, FormulaError, MatrixResult, ScalarResult } from '../src/formulas/values';
import { isFormulaError } from '../src/formulas/values';

/** The built-in filing: the Mpower Q2 2004 release shipped with the add-in, with its reading made when the add-in was built. */
export const BUILT_IN_FILING_NAME = builtInFiling.name;
store.setBuiltIn([builtInFiling]);

// Opened outside Excel (the task pane in a browser) there is no CustomFunctions namespace, yet the
// build appends CustomFunctions.associate calls to this file: give them something to call.
// Office.js extends this object when it loads (it keeps an existing CustomFunctions).
const host = globalThis as { CustomFunctions?: unknown };
if (host.CustomFunctions === undefined) host.CustomFunctions = { associate: (): void => undefined };

type Value = number | string | boolean | CustomFunctions.Error;

function toExcelError(e: FormulaError): CustomFunctions.Error {
  const code =
    e.code === '#N/A'
      ? CustomFunctions.ErrorCode.notAvailable
      : e.code === '#NUM!'
        ? CustomFunctions.ErrorCode.invalidNumber
        : e.code === '#REF!'
          ? CustomFunctions.ErrorCode.invalidReference
          : e.code === '#DIV/0!'
            ? CustomFunctions.ErrorCode.divisionByZero
            : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, e.message.length > 255 ? `${e.message.slice(0, 252)}...` : e.message);
}

function toValue(c: Cell): Value {
  return isFormulaError(c) ? toExcelError(c) : c;
}

function failure(e: unknown): FormulaError {
  return { kind: 'formula-error', code: '#VALUE!', message: `MPWR could not compute this: ${e instanceof Error ? e.message : String(e)}` };
}

function scalar(f: (d: FormulaData) => ScalarResult): Value {
  try {
    return toValue(f(store.data()));
  } catch (e) {
    try {
      return toExcelError(failure(e));
    } catch {
      return '#VALUE!';
    }
  }
}

function matrix(f: (d: FormulaData) => MatrixResult): Value[][] {
  try {
    const r = f(store.data());
    return isFormulaError(r) ? [[toExcelError(r)]] : r.map((row) => row.map(toValue));
  } catch (e) {
    try {
      return [[toExcelError(failure(e))]];
    } catch {
      return [['#VALUE!']];
    }
  }
}

/**
 * Any figure of the imported Mpower filings, by item and period.
 * @customfunction VALUE
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param item The line as printed in the filing ("Total Current Assets", case and spacing forgiven) or a concept id (total_current_assets).
 * @param period The period: "Q2 2004", "2Q04", "June 30, 2004", a date, "FY2004", 2004, "LATEST", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004", "LTM"; add "low", "high" or "mid" for guidance ("FY2005 low").
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns The figure; percentages as fractions, per-share amounts in dollars.
 */
export function value(item: unknown, period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.value(d, item, period, scale));
}

/**
 * Adjusted EBITDA (non-GAAP) for a quarter.
 * @customfunction ADJ_EBITDA
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Adjusted EBITDA.
 */
export function adjEbitda(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'ADJ_EBITDA', period, scale));
}

/**
 * Adjusted EBITDA as a fraction of revenue (0.066 for 6.6%), as printed.
 * @customfunction ADJ_EBITDA_MARGIN
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] Ignored for percentages; accepted for symmetry with the other functions.
 * @returns Adjusted EBITDA margin as a fraction.
 */
export function adjEbitdaMargin(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'ADJ_EBITDA_MARGIN', period, scale));
}

/**
 * Adjusted Gross Margin (non-GAAP: gross margin before depreciation and amortization).
 * @customfunction ADJ_GROSS_MARGIN
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Adjusted Gross Margin.
 */
export function adjGrossMargin(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'ADJ_GROSS_MARGIN', period, scale));
}

/**
 * Adjusted Gross Margin as a fraction of revenue (0.539 for 53.9%), as printed.
 * @customfunction ADJ_GROSS_MARGIN_PCT
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] Ignored for percentages; accepted for symmetry with the other functions.
 * @returns Adjusted Gross Margin as a fraction.
 */
export function adjGrossMarginPct(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'ADJ_GROSS_MARGIN_PCT', period, scale));
}

/**
 * Gross Margin (GAAP: after depreciation and amortization allocated to cost of revenues).
 * @customfunction GROSS_MARGIN
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Gross Margin (GAAP).
 */
export function grossMargin(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'GROSS_MARGIN', period, scale));
}

/**
 * Total Operating Revenues.
 * @customfunction REVENUE
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Total Operating Revenues.
 */
export function revenue(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'REVENUE', period, scale));
}

/**
 * Core Customer revenue (data and voice services, without switched access).
 * @customfunction CORE_REVENUE
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Core Customer revenue.
 */
export function coreRevenue(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'CORE_REVENUE', period, scale));
}

/**
 * Switched Access revenue.
 * @customfunction SWITCHED_ACCESS_REVENUE
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Switched Access revenue.
 */
export function switchedAccessRevenue(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'SWITCHED_ACCESS_REVENUE', period, scale));
}

/**
 * Depreciation and Amortization (an expense, positive).
 * @customfunction DA
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Depreciation and Amortization.
 */
export function da(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'DA', period, scale));
}

/**
 * Loss from Continuing Operations (a loss is negative).
 * @customfunction LOSS_FROM_CONTINUING_OPS
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Loss from Continuing Operations.
 */
export function lossFromContinuingOps(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'LOSS_FROM_CONTINUING_OPS', period, scale));
}

/**
 * Net Loss (GAAP; a loss is negative).
 * @customfunction NET_LOSS
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Net Loss.
 */
export function netLoss(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'NET_LOSS', period, scale));
}

/**
 * Basic and diluted net loss per share, in dollars, as printed.
 * @customfunction EPS
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] Ignored for per-share amounts; accepted for symmetry with the other functions.
 * @returns Net loss per share in dollars.
 */
export function eps(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'EPS', period, scale));
}

/**
 * Cash and Cash Equivalents at a balance sheet date (a quarter answers at its end date).
 * @customfunction CASH
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The date or quarter: "June 30, 2004", a date, "Q2 2004", "2Q04", "LATEST" or "LATEST-1".
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Cash and Cash Equivalents.
 */
export function cash(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'CASH', period, scale));
}

/**
 * Total Assets at a balance sheet date (a quarter answers at its end date).
 * @customfunction TOTAL_ASSETS
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The date or quarter: "June 30, 2004", a date, "Q2 2004", "2Q04", "LATEST" or "LATEST-1".
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Total Assets.
 */
export function totalAssets(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'TOTAL_ASSETS', period, scale));
}

/**
 * Basic and diluted weighted average shares outstanding.
 * @customfunction SHARES
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param period The period: "Q2 2004", "2Q04", a date, "LATEST", "FY2004", "9M 2004", "YTD Q3 2004", "H1 2004", "LTM Q3 2004" or "LTM"; printed or derived.
 * @param [scale] "units" (default), "thousands" or "millions" of shares.
 * @returns Weighted average shares.
 */
export function shares(period: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.shortcut(d, 'SHARES', period, scale));
}

/**
 * Company guidance for a year: revenue, Adjusted EBITDA or any line of the guidance reconciliation.
 * @customfunction GUIDANCE
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param item The line ("Revenue", "Adjusted EBITDA", "Net Loss", "Depreciation and Amortization", ...) or a concept id.
 * @param year The year guided: 2005, "FY2005" or "2005".
 * @param [bound] "low", "high" or "mid" (default: mid = (low + high) / 2).
 * @returns The guided figure in the filing's scale ($ thousands).
 */
export function guidance(item: unknown, year: unknown, bound?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.guidance(d, item, year, bound));
}

/**
 * The last twelve months of an item to the end of a quarter: the sum of its four quarters (printed or derived); a ratio recomputed from the LTM operands.
 * @customfunction LTM
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param item The line as printed ("Adjusted EBITDA", "Total Operating Revenues") or a concept id (adjusted_ebitda).
 * @param [period] The quarter the twelve months end with: "Q3 2004", "3Q04", a date, "LATEST-1"; a year means its fourth quarter. Default: the latest quarter.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns The LTM figure; #N/A naming the quarters it needs when one is neither printed nor derivable.
 */
export function ltm(item: unknown, period?: unknown, scale?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.ltm(d, item, period, scale));
}

/**
 * Growth of an item over the same period a year earlier ("yoy") or a quarter earlier ("qoq"), as a fraction: (now - before) / |before|.
 * @customfunction GROWTH
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param item The line as printed ("Total Operating Revenues", "Adjusted EBITDA") or a concept id.
 * @param period The period: "Q3 2004", "FY2004", "9M 2004", "LTM Q3 2004" and any form MPWR.VALUE takes.
 * @param [basis] "yoy" (year over year, the default) or "qoq" (quarter over quarter, for quarters and LTMs).
 * @returns The growth as a fraction (0.023 for 2.3%); #DIV/0! from zero; #N/A across a definition change.
 */
export function growth(item: unknown, period: unknown, basis?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.growth(d, item, period, basis));
}

/**
 * An item over its quarters (printed or derived; a balance: its balance sheet dates) in time order: period keys, values, and which are derived.
 * @customfunction SERIES
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param item The line as printed ("Total Operating Revenues") or a concept id (revenue_total).
 * @param [from] First period to include ("Q1 2004", 2004, a date); default: the first imported.
 * @param [to] Last period to include; default: the latest imported.
 * @param [scale] "units", "thousands" or "millions"; default: the filing's scale ($ thousands).
 * @returns Three rows: period keys, values (#N/A where a period lacks the item), then "printed" or "derived: " and the derivation.
 */
export function series(item: unknown, from?: unknown, to?: unknown, scale?: unknown): Array<Array<number | string | boolean | CustomFunctions.Error>> {
  return matrix((d) => mpwr.series(d, item, from, to, scale));
}

/**
 * The reconciliation of a non-GAAP measure to GAAP as (label, amount, effect) rows: Adjusted EBITDA down to Net Loss, Adjusted Gross Margin to Gross Margin.
 * @customfunction RECON
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param measure "Adjusted EBITDA" or "Adjusted Gross Margin".
 * @param period The quarter ("Q2 2004") or, for guidance, the year with a bound ("FY2005 low").
 * @param [bound] For guidance: "low", "high" or "mid".
 * @returns Rows of label, amount (in the item's own sign, as MPWR.VALUE answers it) and effect on the total (signed as the reconciliation prints it).
 */
export function recon(measure: unknown, period: unknown, bound?: unknown): Array<Array<number | string | boolean | CustomFunctions.Error>> {
  return matrix((d) => mpwr.recon(d, measure, period, bound));
}

/**
 * TRUE when every reconciliation check of the period (or of all periods) ties or is within rounding.
 * @customfunction CHECK
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param [period] The period ("Q2 2004" also covers the June 30, 2004 balance sheet); default: all periods.
 * @returns TRUE or FALSE.
 */
export function check(period?: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.check(d, period));
}

/**
 * The reconciliation checks: a header row, then id, period, status, reported, computed and difference per check.
 * @customfunction CHECKS
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param [period] The period ("Q2 2004" also covers the June 30, 2004 balance sheet); default: all periods.
 * @returns One row per check, with a header row.
 */
export function checks(period?: unknown): Array<Array<number | string | boolean | CustomFunctions.Error>> {
  return matrix((d) => mpwr.checks(d, period));
}

/**
 * The numeric statements of the releases' text, each checked against the tables: a header row, then text, claimed, actual, status and line per claim.
 * @customfunction CLAIMS
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param [period] The period the statements are about ("Q2 2004"); default: all periods.
 * @returns One row per claim (status tie, rounding, break or unlinked), with a header row.
 */
export function claims(period?: unknown): Array<Array<number | string | boolean | CustomFunctions.Error>> {
  return matrix((d) => mpwr.claims(d, period));
}

/**
 * Where a number came from: the filing, the line and the line as printed.
 * @customfunction SOURCE
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param item The line as printed ("Adjusted EBITDA") or a concept id (adjusted_ebitda).
 * @param period The period, as for MPWR.VALUE ("Q2 2004", "FY2005 low").
 * @returns Text: file, line number and the printed line.
 */
export function source(item: unknown, period: unknown): number | string | boolean | CustomFunctions.Error {
  return scalar((d) => mpwr.source(d, item, period));
}

/**
 * The imported periods in time order, one per row.
 * @customfunction PERIODS
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @param [kind] "actual" (default), "guidance", "derived" (periods no release prints), "quarters", "instants" (balance sheet dates) or "all".
 * @returns A column of period keys (2004Q2, 2004-06-30, FY2005).
 */
export function periods(kind?: unknown): Array<Array<number | string | boolean | CustomFunctions.Error>> {
  return matrix((d) => mpwr.periods(d, kind));
}

/**
 * Every item of the imported filings: concept id and name, one per row.
 * @customfunction ITEMS
 * @helpurl https://mpwr-addin.example.com/taskpane.html#functions
 * @returns Two columns: concept id and the name printed in the filing.
 */
export function items(): Array<Array<number | string | boolean | CustomFunctions.Error>> {
  return matrix((d) => mpwr.items(d));
}
