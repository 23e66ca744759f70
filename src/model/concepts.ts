/**
 * The concept catalogue: every quantity Mpower's releases print, with the labels it prints them
 * under, its kind, statement and canonical sign. Data, not code paths.
 *
 * Canonical sign (`nature`):
 * - `income`: signed as a contribution to income (revenue 38,496; loss from continuing
 *   operations -1,312; gain on sale 62);
 * - `expense`: the expense as a positive amount (D&A 3,879; interest expense 67);
 * - `balance`: as printed on the balance sheet (accumulated deficit -39,239);
 * - `ratio`: percentages and per-share amounts, as printed.
 */
import type { AmountKind } from './types';

export type Nature = 'income' | 'expense' | 'balance' | 'ratio';

/**
 * A label that names the concept only in releases of some dates (label drift): Mpower's Q4 2003
 * release calls adjusted gross margin "Gross Margin"; from the Q1 2004 release on, the same words
 * are GAAP gross margin. A dated alias that applies wins over another concept's undated alias.
 */
export interface DatedAlias {
  /** The label as printed, normalised by `normalizeLabel`. */
  label: string;
  /** Applies to releases dated on or after this ISO date, when set. */
  from?: string;
  /** Applies to releases dated before this ISO date, when set. */
  before?: string;
  /** What the label meant then, in words (shown beside the values read under it). */
  note: string;
}

export interface ConceptDef {
  id: string;
  /** A label to show for the concept (the one Mpower prints most). */
  name: string;
  /** Labels as printed, normalised by `normalizeLabel`; a trailing `*` matches any continuation. */
  aliases: string[];
  /** Labels that name this concept only in releases of some dates. */
  dated?: DatedAlias[];
  /**
   * For a percentage of another measure: what it is the ratio of (reported = numerator ÷
   * denominator × factor). The reconciliation rule that checks it is made from this, and a
   * derived period's ratio is recomputed from its derived operands with it (ratios are never summed).
   */
  ratio?: { numerator: string; denominator: string; factor: number; rule: string };
  /** A line only some releases print (from a date on): the workbook gives it a row only once a filing prints it. */
  occasional?: true;
  kind: AmountKind;
  statement: 'balance_sheet' | 'operations' | 'non_gaap' | 'per_share';
  nature: Nature;
  periodType: 'instant' | 'duration';
}

/**
 * Releases from this date on call the non-GAAP measure "Adjusted Gross Margin" (the Q1 2004
 * release, April 2004); before it Mpower printed "Gross Margin" for it.
 */
const ADJUSTED_NAMED_FROM = '2004-04-01';

function dated(label: string, when: { from?: string; before?: string }, note: string): DatedAlias {
  return { label: normalizeLabel(label), ...when, note };
}

const bs = (id: string, name: string, ...aliases: string[]): ConceptDef => ({
  id, name, aliases: [name, ...aliases].map(normalizeLabel), kind: 'money', statement: 'balance_sheet', nature: 'balance', periodType: 'instant',
});
const ops = (id: string, nature: Nature, name: string, ...aliases: string[]): ConceptDef => ({
  id, name, aliases: [name, ...aliases].map(normalizeLabel), kind: 'money', statement: 'operations', nature, periodType: 'duration',
});
const nonGaap = (id: string, nature: Nature, name: string, ...aliases: string[]): ConceptDef => ({
  ...ops(id, nature, name, ...aliases), statement: 'non_gaap',
});
const perShare = (id: string, name: string, ...aliases: string[]): ConceptDef => ({
  ...ops(id, 'ratio', name, ...aliases), kind: 'per-share', statement: 'per_share',
});
const percent = (id: string, name: string, ...aliases: string[]): ConceptDef => ({
  ...ops(id, 'ratio', name, ...aliases), kind: 'percent', statement: 'non_gaap',
});

export const CONCEPTS: ConceptDef[] = [
  bs('cash_and_equivalents', 'Cash & Cash Equivalents', 'Cash and Cash Equivalents', 'Unrestricted Cash'),
  bs('accounts_receivable_net', 'Accounts Receivable, net'),
  bs('other_receivables', 'Other Receivables'),
  bs('prepaid_and_other_current_assets', 'Prepaid Expenses and Other Current Assets'),
  bs('total_current_assets', 'Total Current Assets'),
  bs('property_and_equipment_net', 'Property and Equipment, net'),
  bs('long_term_restricted_cash', 'Long-Term Restricted Cash & Cash Equivalents'),
  bs('intangibles_net', 'Intangibles, net'),
  bs('other_assets', 'Other Assets'),
  bs('total_assets', 'Total Assets'),
  bs('capital_lease_obligations_current', 'Current Maturities of Capital Lease Obligations'),
  bs('accounts_payable', 'Accounts Payable'),
  bs('accrued_sales_tax', 'Accrued Sales Tax Payable'),
  bs('accrued_property_taxes', 'Accrued Property Taxes Payable'),
  bs('accrued_bonus', 'Accrued Bonus'),
  bs('deferred_revenue_current', 'Deferred Revenue'),
  bs('accrued_other_expenses', 'Accrued Other Expenses'),
  bs('total_current_liabilities', 'Total Current Liabilities'),
  bs('deferred_revenue_long_term', 'Long-Term Deferred Revenue'),
  bs('total_liabilities', 'Total Liabilities'),
  bs('common_stock', 'Common Stock'),
  bs('additional_paid_in_capital', 'Additional Paid-in Capital'),
  bs('accumulated_deficit', 'Accumulated Deficit'),
  bs('total_stockholders_equity', "Total Stockholders' Equity"),
  bs('total_liabilities_and_equity', "Total Liabilities and Stockholders' Equity"),

  ops('revenue_core_customer', 'income', 'Core Customer', 'Core Customer Revenue'),
  ops('revenue_switched_access', 'income', 'Switched Access', 'Switched Access Revenue'),
  ops('revenue_total', 'income', 'Total Operating Revenues', 'Revenue', 'Revenues', 'Operating Revenues'),
  ops('cost_of_revenue', 'expense', 'Cost of Operating Revenues', 'Cost of Operating Revenues*'),
  { ...ops('incremental_transition_expenses', 'expense', 'Incremental Transition Expenses'), occasional: true },
  ops('sga', 'expense', 'Selling, General and Administrative', 'Selling, General and Administrative*', 'SG&A'),
  ops('stock_based_compensation', 'expense', 'Stock-Based Compensation Expense', 'Stock-Based Compensation'),
  ops('gain_on_sale_of_assets', 'income', 'Gain on Sale of Assets, net', 'Gain on Sale of Assets'),
  ops('depreciation_amortization', 'expense', 'Depreciation and Amortization', 'D&A'),
  ops('total_operating_expenses', 'expense', 'Total Operating Expenses'),
  ops('loss_from_continuing_operations', 'income', 'Loss from Continuing Operations', '(Loss) Income from Continuing Operations', 'Income from Continuing Operations'),
  ops('interest_income', 'income', 'Interest Income'),
  ops('interest_expense', 'expense', 'Interest Expense'),
  ops('other_expense', 'expense', 'Other Expense'),
  ops('loss_before_discontinued_operations', 'income', 'Loss before Discontinued Operations', '(Loss) Income before Discontinued Operations', 'Income before Discontinued Operations'),
  ops('discontinued_operations', 'income', '(Loss) Income from Discontinued Operations', 'Income from Discontinued Operations', 'Loss from Discontinued Operations', 'Income (Loss) from Discontinued Operations'),
  ops('net_loss', 'income', 'Net Loss', 'Net Loss (GAAP)', 'Net (Loss) Income (GAAP)', 'Net (Loss) Income', 'Net Income (Loss)', 'Net Income'),
  { ...ops('weighted_average_shares', 'ratio', 'Basic and Diluted Weighted Average Shares Outstanding', 'Weighted Average Shares Outstanding', 'Shares'), kind: 'shares' },
  perShare('eps_loss_before_discontinued', 'Loss before Discontinued Operations per Share', 'Loss before Discontinued Operations', '(Loss) Income before Discontinued Operations'),
  perShare('eps_discontinued', 'Income from Discontinued Operations per Share', 'Income from Discontinued Operations', '(Loss) Income from Discontinued Operations', 'Loss from Discontinued Operations'),
  perShare('eps_net_loss_basic_diluted', 'Net Loss per Share', 'Net Loss', 'Net (Loss) Income', 'EPS', 'Basic and Diluted Net Loss per Share'),

  {
    ...nonGaap('adjusted_gross_margin', 'income', 'Adjusted Gross Margin'),
    dated: [dated('Gross Margin', { before: ADJUSTED_NAMED_FROM }, 'Mpower\'s name for Adjusted Gross Margin in releases before April 2004')],
  },
  {
    ...percent('adjusted_gross_margin_pct', 'Adjusted Gross Margin (% of Revenue)', 'Adjusted Gross Margin %'),
    ratio: { numerator: 'adjusted_gross_margin', denominator: 'revenue_total', factor: 100, rule: 'adjusted-gross-margin-pct' },
    dated: [dated('Gross Margin (% of Revenue)', { before: ADJUSTED_NAMED_FROM }, 'Mpower\'s name for Adjusted Gross Margin (% of Revenue) in releases before April 2004')],
  },
  nonGaap('adjusted_ebitda', 'income', 'Adjusted EBITDA'),
  {
    ...percent('adjusted_ebitda_margin', 'Adjusted EBITDA (% of Revenue)', 'Adjusted EBITDA Margin', 'Adjusted EBITDA %'),
    ratio: { numerator: 'adjusted_ebitda', denominator: 'revenue_total', factor: 100, rule: 'adjusted-ebitda-margin' },
  },
  nonGaap('da_cost_of_revenue', 'expense', 'Depreciation and Amortization (allocated to Cost of Operating Revenues)', 'D&A allocated to Cost of Operating Revenues'),
  nonGaap('da_sga', 'expense', 'Depreciation and Amortization (allocated to Selling, General and Administrative)', 'D&A allocated to SG&A'),
  nonGaap('gross_margin', 'income', 'Gross Margin (GAAP)', 'Gross Margin', 'Gross Margin including Depreciation and Amortization (GAAP)',
    'Gross Margin including Depreciation and Amortization'),
];

const BY_ID = new Map(CONCEPTS.map((c) => [c.id, c]));

/** Lower case, `&` as `and`, brackets and punctuation dropped, blanks folded. */
export function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’`]/g, "'")
    .replace(/[^a-z0-9%*' ]+/g, ' ')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function conceptById(id: string): ConceptDef | undefined {
  return BY_ID.get(id);
}

function aliasMatches(alias: string, label: string): boolean {
  if (alias.endsWith('*')) {
    const stem = alias.slice(0, -1).trim();
    return label === stem || label.startsWith(`${stem} `);
  }
  return alias === label;
}

const labelCache = new Map<string, ConceptDef | null>();
/** Release date → whether a dated alias applies to a release of that date (the same few dates again and again). */
const DRIFT = new Map<string, boolean>();

/** Does a dated alias apply to a release of this date ('' = undated: no dated alias applies)? */
function datedApplies(a: DatedAlias, releaseDate: string): boolean {
  if (releaseDate === '') return false;
  return (a.from === undefined || releaseDate >= a.from) && (a.before === undefined || releaseDate < a.before);
}

/** The dated alias of `concept` that `label` matches in a release of `releaseDate`, if any. */
export function datedAlias(concept: ConceptDef, label: string, releaseDate: string): DatedAlias | undefined {
  const n = normalizeLabel(label);
  return concept.dated?.find((a) => a.label === n && datedApplies(a, releaseDate));
}

const DATED = CONCEPTS.filter((c) => c.dated?.length);

/** The concepts whose dated alias the normalised label `n` is in a release of `releaseDate`. */
function datedMatches(n: string, releaseDate: string): ConceptDef[] {
  return DATED.filter((c) => c.dated?.some((a) => a.label === n && datedApplies(a, releaseDate)));
}

/** The concept whose dated alias `label` is in a release of `releaseDate` (`Gross Margin` before April 2004: Adjusted Gross Margin), if any. */
export function datedConcept(label: string, releaseDate: string): ConceptDef | undefined {
  return datedMatches(normalizeLabel(label), releaseDate)[0];
}

/**
 * The concept a printed label names, given the kind of number printed beside it and the date of
 * the release that prints it (label drift; '' when unknown), memoised: a row's cells share a label.
 */
export function conceptForLabel(label: string, kind: AmountKind, releaseDate = ''): ConceptDef | undefined {
  let drift = DRIFT.get(releaseDate);
  if (drift === undefined) {
    drift = DATED.some((c) => c.dated?.some((a) => datedApplies(a, releaseDate)));
    if (DRIFT.size > 1000) DRIFT.clear();
    DRIFT.set(releaseDate, drift);
  }
  const key = `${kind}|${drift ? releaseDate : ''}|${label}`;
  const hit = labelCache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const found = lookupLabel(label, kind, releaseDate);
  if (labelCache.size > 10000) labelCache.clear();
  labelCache.set(key, found ?? null);
  return found;
}

function pickByKind(candidates: ConceptDef[], kind: AmountKind): ConceptDef | undefined {
  return candidates.find((c) => c.kind === kind) ?? (kind === 'money' ? undefined : candidates.find((c) => c.kind === 'money' && kind === 'ratio'));
}

function lookupLabel(label: string, kind: AmountKind, releaseDate: string): ConceptDef | undefined {
  const n = normalizeLabel(label);
  const byDate = pickByKind(datedMatches(n, releaseDate), kind);
  if (byDate) return byDate;
  return pickByKind(CONCEPTS.filter((c) => c.aliases.some((a) => aliasMatches(a, n))), kind);
}

/**
 * The concept a person means by `item`: a concept id (`adjusted_ebitda`), a printed label
 * (`Total Current Assets`, case and spacing forgiven) or a concept's name.
 */
export function findConcept(item: string): ConceptDef | undefined {
  const id = item.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const direct = BY_ID.get(id);
  if (direct) return direct;
  const n = normalizeLabel(item);
  return CONCEPTS.find((c) => normalizeLabel(c.name) === n) ?? CONCEPTS.find((c) => c.aliases.some((a) => aliasMatches(a, n)));
}

/** Id for a label that maps to no concept: a slug of the label. */
export function slugOf(label: string, kind: AmountKind): string {
  const slug = normalizeLabel(label).replace(/[%*]/g, '').trim().replace(/\s+/g, '_') || 'unlabelled';
  const id = kind === 'per-share' ? `${slug}_per_share` : kind === 'percent' ? `${slug}_pct` : slug;
  // Another company's "Total assets" must not answer for Mpower's total_assets.
  return BY_ID.has(id) ? `${id}_unmapped` : id;
}
