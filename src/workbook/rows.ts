/**
 * What each model sheet shows, as data: the rows of the statements in the order and under the
 * headings the filing prints them, indents and totals. The layout (`layout.ts`) turns these into
 * cells; a new row, heading or sheet section is a line here, not a code path.
 *
 * A catalogue concept of a sheet's statement that no spec lists still gets a row (after the
 * listed ones), so a concept always has its row.
 */

export type RowSpec =
  /** A section heading as the filing prints it (bold, no numbers). `key` keeps its row across refreshes. */
  | { heading: string; key: string }
  /** A concept's row; `total` rows are bold with a rule above. */
  | { concept: string; indent?: number; total?: boolean };

const h = (key: string, heading: string): RowSpec => ({ heading, key: `section:${key}` });
const c = (concept: string, indent = 0): RowSpec => ({ concept, indent });
const t = (concept: string, indent = 0): RowSpec => ({ concept, indent, total: true });

export const BALANCE_ROWS: RowSpec[] = [
  h('current-assets', 'Current Assets'),
  c('cash_and_equivalents', 1), c('accounts_receivable_net', 1), c('other_receivables', 1), c('prepaid_and_other_current_assets', 1),
  t('total_current_assets', 1),
  c('property_and_equipment_net'), c('long_term_restricted_cash'), c('intangibles_net'), c('other_assets'),
  t('total_assets'),
  h('current-liabilities', 'Current Liabilities'),
  c('capital_lease_obligations_current', 1), c('accounts_payable', 1), c('accrued_sales_tax', 1), c('accrued_property_taxes', 1),
  c('accrued_bonus', 1), c('deferred_revenue_current', 1), c('accrued_other_expenses', 1),
  t('total_current_liabilities', 1),
  c('deferred_revenue_long_term'),
  t('total_liabilities', 1),
  c('common_stock'), c('additional_paid_in_capital'), c('accumulated_deficit'),
  t('total_stockholders_equity', 1),
  t('total_liabilities_and_equity'),
];

export const OPERATIONS_ROWS: RowSpec[] = [
  h('operating-revenues', 'Operating Revenues:'),
  c('revenue_core_customer', 1), c('revenue_switched_access', 1),
  t('revenue_total', 1),
  h('operating-expenses', 'Operating Expenses:'),
  c('cost_of_revenue', 1), c('sga', 1), c('stock_based_compensation', 1), c('gain_on_sale_of_assets', 1), c('depreciation_amortization', 1),
  t('total_operating_expenses', 1),
  t('loss_from_continuing_operations'),
  c('interest_income'), c('interest_expense'), c('other_expense'),
  t('loss_before_discontinued_operations'),
  c('discontinued_operations'),
  t('net_loss'),
  c('weighted_average_shares'),
  h('per-share', 'Basic and Diluted (Loss) Income per Share:'),
  c('eps_loss_before_discontinued', 1), c('eps_discontinued', 1),
  t('eps_net_loss_basic_diluted', 1),
];

export const NON_GAAP_ROWS: RowSpec[] = [
  c('adjusted_gross_margin'), c('adjusted_gross_margin_pct', 1),
  c('adjusted_ebitda'), c('adjusted_ebitda_margin', 1),
  h('da-allocation', 'Depreciation and Amortization allocated (Note 1)'),
  c('da_cost_of_revenue', 1), c('da_sga', 1),
  t('gross_margin'),
];

/** Guidance: only the items a release guides appear, in the order of its guidance reconciliation. */
export const GUIDANCE_ROWS: RowSpec[] = [
  c('revenue_total'),
  c('adjusted_ebitda'), c('adjusted_ebitda_margin', 1),
  c('depreciation_amortization', 1), c('gain_on_sale_of_assets', 1), c('stock_based_compensation', 1),
  t('loss_from_continuing_operations'),
  c('interest_income', 1), c('interest_expense', 1), c('other_expense', 1),
  t('loss_before_discontinued_operations'),
  c('discontinued_operations', 1),
  t('net_loss'),
];

/**
 * Labels for rows whose printed label changes with the sign (`Loss from Discontinued Operations`
 * one year, `Income from…` the next): a row holding both says so.
 */
export const NEUTRAL_LABELS: Record<string, string> = {
  loss_from_continuing_operations: '(Loss) Income from Continuing Operations',
  loss_before_discontinued_operations: '(Loss) Income before Discontinued Operations',
  discontinued_operations: '(Loss) Income from Discontinued Operations',
  net_loss: 'Net (Loss) Income',
};
