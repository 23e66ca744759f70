/**
 * What each MPWR function does, with an example: for `mpwr help`, the task pane's help and the
 * docs. The list of functions and their arguments comes from the `FUNCTIONS` registry (a new
 * function without a line here fails test/cli.test.ts); shortcuts are described from `SHORTCUTS`.
 * Pure.
 */
import { FUNCTIONS, SHORTCUTS, type FunctionSpec } from './functions-impl';

export interface FunctionHelp {
  name: string;
  /** `MPWR.VALUE(item, period, [scale])` */
  signature: string;
  summary: string;
  example: string;
  /** What the example answers for the built-in Q2 2004 release. */
  answer: string;
}

const TEXT: Record<string, { summary: string; example: string; answer: string }> = {
  VALUE: {
    summary: 'A line item for a period, in the item\'s own sign (expenses positive); scale "units", "thousands" (default as printed) or "millions".',
    example: '=MPWR.VALUE("Interest Expense", "Q2 2004")',
    answer: '67',
  },
  GUIDANCE: {
    summary: 'A guided item for a year: bound "low", "high" or "mid" (default mid = (low + high) / 2).',
    example: '=MPWR.GUIDANCE("Adjusted EBITDA", 2004, "low")',
    answer: '8000',
  },
  LTM: {
    summary: 'The last twelve months to the end of a quarter (default: the latest), printed or derived from quarters and years to date; the item\'s own sign.',
    example: '=MPWR.LTM("Revenue", "Q2 2004")',
    answer: '#N/A with the built-in release alone (it prints three quarters); 149451 with the Q4 2003 and Q1 2004 releases imported (2003Q3 derived from FY2003)',
  },
  GROWTH: {
    summary: 'The change from a year earlier (basis "yoy", default) or a quarter earlier ("qoq"), as a fraction of the earlier value\'s size.',
    example: '=MPWR.GROWTH("Revenue", "Q2 2004")',
    answer: '0.0195 (2.0%, as the release says on line 22)',
  },
  SERIES: {
    summary: 'An item over periods, spilled: a row of period keys, a row of values and a row saying which are printed and which derived, in time order.',
    example: '=MPWR.SERIES("Revenue", "Q2 2003", "Q2 2004")',
    answer: '2003Q2 2004Q1 2004Q2 / 37758 37153 38496 / printed printed printed',
  },
  RECON: {
    summary: 'The reconciliation of a non-GAAP measure to GAAP, spilled as rows of label, amount (the item\'s own sign) and effect (as the reconciliation prints it).',
    example: '=MPWR.RECON("Adjusted EBITDA", "Q2 2004")',
    answer: 'Adjusted EBITDA 2544 2544 / Depreciation and Amortization 3879 -3879 / … / Net Loss (GAAP) -1404 -1404',
  },
  CHECK: {
    summary: 'TRUE when every check of the period (or of all periods) ties or is within rounding.',
    example: '=MPWR.CHECK("Q2 2004")',
    answer: 'TRUE',
  },
  CHECKS: {
    summary: 'The checks of a period (or all), spilled: id, period, status, reported, computed, difference.',
    example: '=MPWR.CHECKS("Q1 2004")',
    answer: 'id period status reported computed difference / …',
  },
  CLAIMS: {
    summary: 'The numeric statements of the release\'s text about a period (or all), spilled: text, claimed, actual (money in $ thousands, percentages as fractions), status (tie, rounding, break, unlinked) and line.',
    example: '=MPWR.CLAIMS("Q2 2004")',
    answer: 'text claimed actual status line / Core Customer 2004Q2 vs 2003Q2: "increase 4.5%" 0.045 0.04499 rounding 10 / …',
  },
  SOURCE: {
    summary: 'Where a number came from: file, line and the printed line (and a word on its sign where the filing prints it the other way).',
    example: '=MPWR.SOURCE("Total Operating Revenues", "Q2 2004")',
    answer: 'mpwr-2004q2-ex99-1.txt, line 238: Total Operating Revenues 38,496 37,153 37,758',
  },
  PERIODS: {
    summary: 'The imported period keys, spilled down: kind "actual" (default), "guidance", "derived" (periods no release prints), "quarters", "instants" or "all".',
    example: '=MPWR.PERIODS("quarters")',
    answer: '2003Q2 / 2004Q1 / 2004Q2',
  },
  ITEMS: {
    summary: 'Every item present, spilled: concept id and name.',
    example: '=MPWR.ITEMS()',
    answer: 'cash_and_equivalents Cash & Cash Equivalents / …',
  },
};

function signature(f: FunctionSpec): string {
  return `MPWR.${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/** Help for every function of the registry, in registry order. */
export function functionHelp(): FunctionHelp[] {
  return FUNCTIONS.map((f) => {
    const text = TEXT[f.name];
    const concept = Object.prototype.hasOwnProperty.call(SHORTCUTS, f.name) ? SHORTCUTS[f.name] : undefined;
    if (text) return { name: f.name, signature: signature(f), ...text };
    if (concept) {
      return {
        name: f.name,
        signature: signature(f),
        summary: `Shortcut for MPWR.VALUE("${concept}", period, [scale]).`,
        example: `=MPWR.${f.name}("Q2 2004")`,
        answer: '',
      };
    }
    return { name: f.name, signature: signature(f), summary: '', example: `=MPWR.${f.name}()`, answer: '' };
  });
}

/** Periods as they may be typed, for help texts. */
export const PERIOD_FORMS = ['Q2 2004', "Q2'04", '2Q04', '2004Q2', '2004 Q2', 'Jun-04', 'June 30, 2004', '6/30/2004', 'FY2004', '2004', 'LATEST', 'LATEST-1', 'FY2004 low'];
