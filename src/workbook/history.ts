/**
 * The workbook over a model's history: which derived periods get columns, in what order the
 * columns stand, and how a derived cell is written (a live formula over the cells it is derived
 * from, in a style of its own, with a note naming the derivation). Pure helpers the layout calls;
 * they know nothing of grids or sheets beyond a function that gives a fact's cell.
 *
 * Column order on the statement sheets: quarters (and balance sheet dates) in time order, then the
 * longer periods (six and nine months, fiscal years) in a block of their own, in time order. LTMs
 * other than the fiscal year get no column (MPWR.LTM answers them).
 */
import { comparePeriods } from '../filing/periods';
import { printedOperands } from '../model/derived';
import type { Fact, Period } from '../model/types';

/** Fill of a derived cell (a value no release prints): light grey. */
export const DERIVED_FILL = '#EDEDED';

/** Columns a period gets on a statement sheet: quarters and dates, or the block of longer periods; LTMs none. */
export function columnBlock(p: Period): 'quarters' | 'longer' | 'none' {
  if (p.type === 'quarter' || p.type === 'instant') return 'quarters';
  // A fiscal year or a year to date has a column; twelve months to another month (an LTM) has not.
  return p.type === 'year' || p.months !== 12 ? 'longer' : 'none';
}

/** Column keys in order: the quarters block in time order, then the longer periods in time order. */
export function orderColumns(keys: Iterable<string>, periods: Map<string, Period>): string[] {
  const known = [...new Set(keys)].filter((k) => periods.has(k));
  const sorted = (block: 'quarters' | 'longer') =>
    known.filter((k) => columnBlock(periods.get(k) as Period) === block).sort((a, b) => comparePeriods(periods.get(a) as Period, periods.get(b) as Period));
  return [...sorted('quarters'), ...sorted('longer')];
}

/** Derived facts that stand in a column of a statement sheet. */
export function placedDerived(facts: Fact[]): Fact[] {
  return facts.filter((f) => columnBlock(f.period) !== 'none');
}

/**
 * The formula of a derived cell over the cells of its operands (`=G12-E12-F12`, `=E20/E5`), or
 * undefined when an operand has no cell. `ref` gives an operand's cell as the formula names it.
 * Cells hold figures as the filing presents them: `signOf` is the presented sign of an operand's
 * cell (its canonical value = sign × cell) and `outSign` the presentation of the derived cell;
 * `factor` is what a ratio's cell multiplies by (percentages are fractions in cells: 100 → 1).
 */
export function derivedFormula(
  f: Fact,
  ref: (operand: Fact) => string | undefined,
  options: { factor?: number; signOf?: (operand: Fact) => 1 | -1; outSign?: 1 | -1 } = {},
): string | undefined {
  const d = f.derivation;
  if (!d) return undefined;
  const signOf = options.signOf ?? (() => 1 as const);
  const out = options.outSign ?? 1;
  const refs = d.operands.map((o) => ref(o.fact));
  if (refs.some((r) => r === undefined)) return undefined;
  if (d.kind === 'ratio') {
    const k = (options.factor ?? 1) * out * signOf(d.operands[0].fact) * signOf(d.operands[1].fact);
    const mag = Math.abs(k);
    return `=${k < 0 ? '-' : ''}${refs[0]}/${refs[1]}${mag === 1 ? '' : `*${mag}`}`;
  }
  const parts = d.operands.map((o, i) => {
    const negative = o.coefficient * signOf(o.fact) * out < 0;
    return `${negative ? '-' : i === 0 ? '' : '+'}${refs[i]}`;
  });
  return `=${parts.join('')}`;
}

/** The note of a derived cell: what it is derived from, and every printed line under it. */
export function derivedNote(f: Fact): string {
  const d = f.derivation;
  if (!d) return '';
  const lines = printedOperands(f).map((p) => `${p.period.key}: ${p.source.file}, line ${p.source.line}`);
  const nested = d.operands.filter((o) => o.fact.derivation).map((o) => `${o.fact.period.key} is itself derived: ${o.fact.derivation?.formula}`);
  return [`DERIVED (printed in no release): ${d.formula}`, ...nested, ...lines].join('\n');
}
