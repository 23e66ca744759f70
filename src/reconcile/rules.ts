/**
 * The identities a release must satisfy, as data. The engine (`engine.ts`) evaluates each for
 * every period and scenario where its operands are printed. Values are in the canonical sign of
 * their concepts (see `src/model/concepts.ts`), so each term carries its coefficient.
 */
import { CONCEPTS, conceptById } from '../model/concepts';

export type Term = [concept: string, coefficient: number];

/** reported = Σ coefficient × term. Printed totals foot exactly unless `tolerance` is `printed`. */
export interface SumRule {
  type: 'sum';
  id: string;
  description: string;
  reported: string;
  terms: Term[];
  /** Terms that count as zero where the table does not print them (e.g. no Other Expense line in a guidance table). */
  optional?: string[];
  /** `exact` (default): a footed total must tie. `printed`: within half a unit of each operand's last digit (per-share sums). */
  tolerance?: 'exact' | 'printed';
  /** `actual`: the identity needs statement lines that guidance never prints. */
  scenarios?: 'actual';
}

/** reported = numerator / denominator × factor, within half a unit of the reported figure's last printed digit. */
export interface RatioRule {
  type: 'ratio';
  id: string;
  description: string;
  reported: string;
  numerator: string;
  denominator: string;
  /** 100 for percentages. */
  factor: number;
  /** Scale the numerator is converted to before dividing (`units` for per-share amounts over a share count). */
  numeratorScale?: 'units';
}

/** balance(end) − balance(start) = flow(quarter), where both balance sheet dates and the quarter are present. */
export interface RollForwardRule {
  type: 'rollforward';
  id: string;
  description: string;
  balance: string;
  flow: string;
}

export type Rule = SumRule | RatioRule | RollForwardRule;

/** A ratio rule for every concept defined as a ratio of two others (Adjusted EBITDA % of revenue...). */
function conceptRatioRules(): RatioRule[] {
  return CONCEPTS.flatMap((c): RatioRule[] => {
    if (!c.ratio) return [];
    const name = (id: string): string => conceptById(id)?.name ?? id;
    const { numerator, denominator, factor, rule } = c.ratio;
    return [{ type: 'ratio', id: rule, description: `${name(numerator)} ÷ ${name(denominator)} = ${c.name}`, reported: c.id, numerator, denominator, factor }];
  });
}

/** One check per key a filing prints in more than one place, listing every place (see engine.ts). */
export const SAME_FACT_RULE = { id: 'same-fact', description: 'The same figure printed in several places agrees' };

/** One check per period both printed and derivable from other printed periods (`src/model/derived.ts`). */
export const DERIVED_RULE = { id: 'derived', description: 'A printed period agrees with the same period derived from other printed periods' };

export const RULES: Rule[] = [
  // Balance sheet.
  { type: 'sum', id: 'bs-current-assets', description: 'Current assets add up to Total Current Assets', reported: 'total_current_assets',
    terms: [['cash_and_equivalents', 1], ['accounts_receivable_net', 1], ['other_receivables', 1], ['prepaid_and_other_current_assets', 1]] },
  { type: 'sum', id: 'bs-total-assets', description: 'Assets add up to Total Assets', reported: 'total_assets',
    terms: [['total_current_assets', 1], ['property_and_equipment_net', 1], ['long_term_restricted_cash', 1], ['intangibles_net', 1], ['other_assets', 1]] },
  { type: 'sum', id: 'bs-current-liabilities', description: 'Current liabilities add up to Total Current Liabilities', reported: 'total_current_liabilities',
    terms: [['capital_lease_obligations_current', 1], ['accounts_payable', 1], ['accrued_sales_tax', 1], ['accrued_property_taxes', 1], ['accrued_bonus', 1], ['deferred_revenue_current', 1], ['accrued_other_expenses', 1]] },
  { type: 'sum', id: 'bs-total-liabilities', description: 'Total Current Liabilities + Long-Term Deferred Revenue = Total Liabilities', reported: 'total_liabilities',
    terms: [['total_current_liabilities', 1], ['deferred_revenue_long_term', 1]] },
  { type: 'sum', id: 'bs-equity', description: "Equity accounts add up to Total Stockholders' Equity", reported: 'total_stockholders_equity',
    terms: [['common_stock', 1], ['additional_paid_in_capital', 1], ['accumulated_deficit', 1]] },
  { type: 'sum', id: 'bs-liabilities-and-equity', description: "Total Liabilities + Total Stockholders' Equity = Total Liabilities and Stockholders' Equity", reported: 'total_liabilities_and_equity',
    terms: [['total_liabilities', 1], ['total_stockholders_equity', 1]] },
  { type: 'sum', id: 'bs-balance', description: "Total Assets = Total Liabilities and Stockholders' Equity", reported: 'total_assets',
    terms: [['total_liabilities_and_equity', 1]] },
  { type: 'rollforward', id: 'bs-deficit-rollforward', description: 'Accumulated Deficit moves by the quarter\'s Net Loss', balance: 'accumulated_deficit', flow: 'net_loss' },

  // Statement of operations.
  { type: 'sum', id: 'ops-revenue', scenarios: 'actual', description: 'Core Customer + Switched Access = Total Operating Revenues', reported: 'revenue_total',
    terms: [['revenue_core_customer', 1], ['revenue_switched_access', 1]] },
  // Incremental Transition Expenses: a line of their own from the Q3 2005 release, when Adjusted
  // Gross Margin began to exclude them (a definition change); zero where a release prints no such line.
  { type: 'sum', id: 'ops-expenses', scenarios: 'actual', description: 'Operating expenses add up to Total Operating Expenses (gain on sale reduces them)', reported: 'total_operating_expenses',
    terms: [['cost_of_revenue', 1], ['incremental_transition_expenses', 1], ['sga', 1], ['stock_based_compensation', 1], ['gain_on_sale_of_assets', -1], ['depreciation_amortization', 1]],
    optional: ['incremental_transition_expenses'] },
  { type: 'sum', id: 'ops-operating-loss', scenarios: 'actual', description: 'Total Operating Revenues − Total Operating Expenses = Loss from Continuing Operations', reported: 'loss_from_continuing_operations',
    terms: [['revenue_total', 1], ['total_operating_expenses', -1]] },
  { type: 'sum', id: 'ops-loss-before-discontinued', description: 'Loss from Continuing Operations + Interest Income − Interest Expense − Other Expense = Loss before Discontinued Operations', reported: 'loss_before_discontinued_operations',
    terms: [['loss_from_continuing_operations', 1], ['interest_income', 1], ['interest_expense', -1], ['other_expense', -1]], optional: ['other_expense'] },
  { type: 'sum', id: 'ops-net-loss', description: 'Loss before Discontinued Operations + Discontinued Operations = Net Loss', reported: 'net_loss',
    terms: [['loss_before_discontinued_operations', 1], ['discontinued_operations', 1]] },
  { type: 'sum', id: 'eps-sum', description: 'Per-share amounts add up to Net Loss per Share', reported: 'eps_net_loss_basic_diluted',
    terms: [['eps_loss_before_discontinued', 1], ['eps_discontinued', 1]], tolerance: 'printed' },
  { type: 'ratio', id: 'eps-loss-before-discontinued', description: 'Loss before Discontinued Operations ÷ weighted shares = per-share amount', reported: 'eps_loss_before_discontinued',
    numerator: 'loss_before_discontinued_operations', denominator: 'weighted_average_shares', factor: 1, numeratorScale: 'units' },
  { type: 'ratio', id: 'eps-discontinued', description: 'Discontinued Operations ÷ weighted shares = per-share amount', reported: 'eps_discontinued',
    numerator: 'discontinued_operations', denominator: 'weighted_average_shares', factor: 1, numeratorScale: 'units' },
  { type: 'ratio', id: 'eps-net-loss', description: 'Net Loss ÷ weighted shares = Net Loss per Share', reported: 'eps_net_loss_basic_diluted',
    numerator: 'net_loss', denominator: 'weighted_average_shares', factor: 1, numeratorScale: 'units' },

  // Non-GAAP measures and their bridges to GAAP.
  { type: 'sum', id: 'adjusted-gross-margin', scenarios: 'actual', description: 'Total Operating Revenues − Cost of Operating Revenues = Adjusted Gross Margin', reported: 'adjusted_gross_margin',
    terms: [['revenue_total', 1], ['cost_of_revenue', -1]] },
  { type: 'sum', id: 'adjusted-ebitda', scenarios: 'actual', description: 'Total Operating Revenues − Cost of Operating Revenues − Incremental Transition Expenses − SG&A = Adjusted EBITDA', reported: 'adjusted_ebitda',
    terms: [['revenue_total', 1], ['cost_of_revenue', -1], ['incremental_transition_expenses', -1], ['sga', -1]], optional: ['incremental_transition_expenses'] },
  // The percentages of revenue, from their concepts' definitions (src/model/concepts.ts).
  ...conceptRatioRules(),
  { type: 'sum', id: 'bridge-gross-margin', description: 'Adjusted Gross Margin − D&A allocated to Cost of Operating Revenues − Incremental Transition Expenses = Gross Margin (GAAP)', reported: 'gross_margin',
    terms: [['adjusted_gross_margin', 1], ['da_cost_of_revenue', -1], ['incremental_transition_expenses', -1]], optional: ['incremental_transition_expenses'] },
  { type: 'sum', id: 'bridge-adjusted-ebitda', description: 'Adjusted EBITDA − D&A + Gain on Sale − Stock-Based Compensation = Loss from Continuing Operations', reported: 'loss_from_continuing_operations',
    terms: [['adjusted_ebitda', 1], ['depreciation_amortization', -1], ['gain_on_sale_of_assets', 1], ['stock_based_compensation', -1]] },
  { type: 'sum', id: 'da-split', description: 'D&A allocated to Cost of Operating Revenues + D&A allocated to SG&A = Depreciation and Amortization (Note 1)', reported: 'depreciation_amortization',
    terms: [['da_cost_of_revenue', 1], ['da_sga', 1]] },
];
