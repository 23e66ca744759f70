/**
 * The MPWR functions, pure: each takes the data and the raw arguments a host passes and returns
 * a value, a matrix or a `FormulaError`. Excel (`functions/functions.ts`), HyperFormula (tests,
 * bench) and `mpwr call` all go through `FUNCTIONS` / these functions, so they answer alike.
 * Nothing here throws: `callFunction` turns an unexpected exception into `#VALUE!`.
 */
import type Decimal from 'decimal.js';
import { guidanceHistory, type GuidanceRange } from '../model/guidance';
import type { Check, Fact, Scale, Scenario } from '../model/types';
import { claimSubject, claimWords, type JudgedClaim } from '../narrative';
import { SCALE_FACTOR } from '../model/types';
import { RULES, type SumRule } from '../reconcile/rules';
import { signNote } from '../model/signs';
import { type FormulaData, type Item, quarterOfPeriod, scenarioOfBound } from './data';
import { type Bound, type PeriodQuery, readPeriod } from './period-input';
import {
  type Arg,
  type Cell,
  type FormulaError,
  type FormulaResult,
  type Matrix,
  type MatrixResult,
  type ScalarResult,
  formulaError,
  invalidValue,
  isFormulaError,
  notAvailable,
  own,
  scalarArg,
  showArg,
} from './values';

// ---------------------------------------------------------------------------------------------
// Arguments

function scaleArg(x: unknown): Scale | undefined | FormulaError {
  const a = scalarArg(x, 'scale');
  if (isFormulaError(a)) return a;
  if (a.type === 'empty') return undefined;
  if (a.type === 'number') {
    const byFactor: Record<number, Scale> = { 1: 'units', 1000: 'thousands', 1000000: 'millions', 1000000000: 'billions' };
    return own(byFactor, a.value) ?? invalidValue(`scale must be "units", "thousands" or "millions" (or 1, 1000, 1000000), not ${a.value}`);
  }
  if (a.type === 'text') {
    const t = a.value.trim().toLowerCase().replace(/^in\s+/, '').replace(/^\$\s*/, '');
    if (/^(?:units?|ones?|dollars?|1)$/.test(t)) return 'units';
    if (/^(?:thousands?|k|000s?|'000s?|thous)$/.test(t)) return 'thousands';
    if (/^(?:millions?|m|mm|mn|mil)$/.test(t)) return 'millions';
    if (/^(?:billions?|b|bn)$/.test(t)) return 'billions';
  }
  return invalidValue(`scale must be "units", "thousands" or "millions", not ${showArg(a)}`);
}

function boundArg(x: unknown): Bound | undefined | FormulaError {
  const a = scalarArg(x, 'bound');
  if (isFormulaError(a)) return a;
  if (a.type === 'empty') return undefined;
  if (a.type === 'text') {
    const t = a.value.trim().toLowerCase();
    if (t === 'low' || t === 'min' || t === 'minimum') return 'low';
    if (t === 'high' || t === 'max' || t === 'maximum') return 'high';
    if (t === 'mid' || t === 'midpoint' || t === 'middle') return 'mid';
  }
  return invalidValue(`bound must be "low", "high" or "mid", not ${showArg(a)}`);
}

function itemArg(d: FormulaData, x: unknown, name = 'item'): Item | FormulaError {
  const a = scalarArg(x, name);
  return isFormulaError(a) ? a : d.item(a, name);
}

function periodArg(x: unknown, name = 'period'): PeriodQuery | FormulaError {
  const a = scalarArg(x, name);
  return isFormulaError(a) ? a : readPeriod(a, name);
}

/** An optional period: undefined when empty. */
function optionalPeriodArg(x: unknown, name: string): PeriodQuery | undefined | FormulaError {
  const a = scalarArg(x, name);
  if (isFormulaError(a)) return a;
  return a.type === 'empty' ? undefined : readPeriod(a, name);
}

// ---------------------------------------------------------------------------------------------
// Values

type Selection = 'actual' | Bound;

function selectionOf(bound: Bound | undefined): Selection {
  return bound ?? 'actual';
}

/** The value of a concept at a period key for an actual or a guidance bound (mid = (low + high) / 2, exact). */
function decimalAt(d: FormulaData, id: string, key: string, sel: Selection, scale: Scale | undefined): Decimal | undefined {
  if (sel === 'actual' || sel === 'low' || sel === 'high') {
    const f = d.fact(id, key, sel === 'actual' ? 'actual' : (scenarioOfBound(sel) as Scenario));
    return f ? d.decimal(f, scale) : undefined;
  }
  const low = d.fact(id, key, 'guidance-low');
  const high = d.fact(id, key, 'guidance-high');
  return low && high ? d.decimal(low, scale).plus(d.decimal(high, scale)).dividedBy(2) : undefined;
}

function valueAt(d: FormulaData, item: Item, key: string, sel: Selection, scale: Scale | undefined): ScalarResult {
  if (sel === 'actual' || sel === 'low' || sel === 'high') {
    const f = d.fact(item.id, key, sel === 'actual' ? 'actual' : (scenarioOfBound(sel) as Scenario));
    return f ? d.number(f, scale) : d.missing(item, key, sel === 'actual' ? 'actual' : 'guidance');
  }
  const v = decimalAt(d, item.id, key, 'mid', scale);
  return v ? v.toNumber() : d.missing(item, key, 'guidance');
}

/** MPWR.VALUE(item, period, [scale]). */
export function value(d: FormulaData, item: unknown, period: unknown, scale?: unknown): ScalarResult {
  const it = itemArg(d, item);
  if (isFormulaError(it)) return it;
  return valueOf(d, it, period, scale);
}

function valueOf(d: FormulaData, it: Item, period: unknown, scale: unknown): ScalarResult {
  const q = periodArg(period);
  if (isFormulaError(q)) return q;
  const s = scaleArg(scale);
  if (isFormulaError(s)) return s;
  const key = d.periodKey(it, q);
  if (isFormulaError(key)) return key;
  return valueAt(d, it, key, selectionOf(q.bound), s);
}

/** The named shortcuts: MPWR.ADJ_EBITDA(period, [scale]) is MPWR.VALUE("adjusted_ebitda", period, [scale]). */
export const SHORTCUTS: Record<string, string> = {
  ADJ_EBITDA: 'adjusted_ebitda',
  ADJ_EBITDA_MARGIN: 'adjusted_ebitda_margin',
  ADJ_GROSS_MARGIN: 'adjusted_gross_margin',
  ADJ_GROSS_MARGIN_PCT: 'adjusted_gross_margin_pct',
  GROSS_MARGIN: 'gross_margin',
  REVENUE: 'revenue_total',
  CORE_REVENUE: 'revenue_core_customer',
  SWITCHED_ACCESS_REVENUE: 'revenue_switched_access',
  DA: 'depreciation_amortization',
  LOSS_FROM_CONTINUING_OPS: 'loss_from_continuing_operations',
  NET_LOSS: 'net_loss',
  EPS: 'eps_net_loss_basic_diluted',
  CASH: 'cash_and_equivalents',
  TOTAL_ASSETS: 'total_assets',
  SHARES: 'weighted_average_shares',
};

export function shortcut(d: FormulaData, name: keyof typeof SHORTCUTS | string, period: unknown, scale?: unknown): ScalarResult {
  const id = own(SHORTCUTS, name);
  if (!id) return invalidValue(`No MPWR shortcut ${name}`);
  const it = d.item({ type: 'text', value: id });
  if (isFormulaError(it)) return it;
  return valueOf(d, it, period, scale);
}

/** MPWR.GUIDANCE(item, year, [bound]): bound low, high or mid (default mid = (low + high) / 2). */
export function guidance(d: FormulaData, item: unknown, year: unknown, bound?: unknown): ScalarResult {
  const it = itemArg(d, item);
  if (isFormulaError(it)) return it;
  const q = periodArg(year, 'year');
  if (isFormulaError(q)) return q;
  const b = boundArg(bound);
  if (isFormulaError(b)) return b;
  const key = d.periodKey(it, q);
  if (isFormulaError(key)) return key;
  return valueAt(d, it, key, b ?? q.bound ?? 'mid', undefined);
}

/** MPWR.LTM(item, [period], [scale]): the last twelve months to the end of a quarter (default: the latest), printed or derived. */
export function ltm(d: FormulaData, item: unknown, period?: unknown, scale?: unknown): ScalarResult {
  const it = itemArg(d, item);
  if (isFormulaError(it)) return it;
  const p = optionalPeriodArg(period, 'period');
  if (isFormulaError(p)) return p;
  const q = ltmQuery(p);
  if (isFormulaError(q)) return q;
  const s = scaleArg(scale);
  if (isFormulaError(s)) return s;
  const key = d.periodKey(it, q);
  if (isFormulaError(key)) return key;
  return valueAt(d, it, key, 'actual', s);
}

/** The LTM to the end of the quarter a period query names (a year: its fourth quarter). */
function ltmQuery(p: PeriodQuery | undefined): PeriodQuery | FormulaError {
  if (!p) return { kind: 'span', months: 12, end: { kind: 'latest', offset: 0 }, ltm: true, input: 'LTM' };
  if (p.bound) return invalidValue(`LTM is of actual figures, not guidance (${p.input})`);
  switch (p.kind) {
    case 'quarter':
      return { kind: 'span', months: 12, end: { kind: 'quarter', year: p.year, quarter: p.quarter }, ltm: true, input: `LTM ${p.input}` };
    case 'year':
      return { kind: 'span', months: 12, end: { kind: 'quarter', year: p.year, quarter: 4 }, ltm: true, input: `LTM ${p.input}` };
    case 'latest':
      return { kind: 'span', months: 12, end: { kind: 'latest', offset: p.offset }, ltm: true, input: `LTM ${p.input}` };
    case 'date':
      return { kind: 'span', months: 12, end: { kind: 'date', date: p.date }, ltm: true, input: `LTM ${p.input}` };
    case 'span':
      return p.months === 12 ? { ...p, ltm: true } : invalidValue(`period names ${p.months} months (${p.input}); LTM takes the quarter the twelve months end with, e.g. "Q3 2004"`);
  }
}

type Basis = 'yoy' | 'qoq';

function basisArg(x: unknown): Basis | FormulaError {
  const a = scalarArg(x, 'basis');
  if (isFormulaError(a)) return a;
  if (a.type === 'empty') return 'yoy';
  if (a.type === 'text') {
    const t = a.value.trim().toLowerCase().replace(/[\s/-]+/g, '');
    // `Y/Y` and `Q/Q` (blanks, slashes and dashes dropped: `yy`, `qq`) as analysts write them.
    if (t === 'yoy' || t === 'yy' || t === 'yearoveryear' || t === 'y' || t === 'annual') return 'yoy';
    if (t === 'qoq' || t === 'qq' || t === 'quarteroverquarter' || t === 'q' || t === 'sequential') return 'qoq';
  }
  return invalidValue(`basis must be "yoy" (year over year, the default) or "qoq" (quarter over quarter), not ${showArg(a)}`);
}

/**
 * MPWR.GROWTH(item, period, [basis]): the change from the same period a year earlier ("yoy", the
 * default) or a quarter earlier ("qoq": quarters and LTMs), as a fraction of the earlier value's
 * size: (now − before) / |before|, so an improvement is positive even from a loss. Printed or
 * derived values alike; #DIV/0! from zero.
 */
export function growth(d: FormulaData, item: unknown, period: unknown, basis?: unknown): ScalarResult {
  const it = itemArg(d, item);
  if (isFormulaError(it)) return it;
  const q = periodArg(period);
  if (isFormulaError(q)) return q;
  const b = basisArg(basis);
  if (isFormulaError(b)) return b;
  if (q.bound) return invalidValue(`GROWTH is of actual figures, not guidance (${q.input})`);
  if (it.kind === 'percent') return invalidValue(`${it.name} is a percentage: its growth is ambiguous; for the change in points subtract two MPWR.VALUE results`);
  const key = d.periodKey(it, q);
  if (isFormulaError(key)) return key;
  const before = d.shiftedKey(it, key, b === 'yoy' ? 12 : 3);
  if (isFormulaError(before)) return before;
  if (b === 'qoq' && !it.instant && !/^\d{4}Q[1-4]$/.test(key) && !(q.kind === 'span' && q.ltm) && !/^12M/.test(key)) {
    return invalidValue(`"qoq" compares a quarter (or an LTM) with the one before; ${key} is not a quarter: use "yoy"`);
  }
  const now = d.fact(it.id, key, 'actual');
  if (!now) return d.missing(it, key, 'actual');
  const then = d.fact(it.id, before, 'actual');
  if (!then) return d.missing(it, before, 'actual');
  const change = d.definitionChangeBetween(it.id, then, now);
  if (change) return notAvailable(change);
  const base = d.decimal(then, undefined);
  if (base.isZero()) return formulaError('#DIV/0!', `${it.name} was zero for ${before}: growth from zero is undefined`);
  return d.decimal(now, undefined).minus(base).dividedBy(base.abs()).toNumber();
}

// ---------------------------------------------------------------------------------------------
// Spilled results

/** MPWR.SERIES(item, [from], [to], [scale]): a header row of period keys, a row of values and a row saying `printed` or `derived: <formula>`, in time order. */
export function series(d: FormulaData, item: unknown, from?: unknown, to?: unknown, scale?: unknown): MatrixResult {
  const it = itemArg(d, item);
  if (isFormulaError(it)) return it;
  const f = optionalPeriodArg(from, 'from');
  if (isFormulaError(f)) return f;
  const t = optionalPeriodArg(to, 'to');
  if (isFormulaError(t)) return t;
  const s = scaleArg(scale);
  if (isFormulaError(s)) return s;
  let lo = -Infinity;
  let hi = Infinity;
  if (f) {
    const r = d.quarterRange(f);
    if (isFormulaError(r)) return r;
    lo = r[0];
  }
  if (t) {
    const r = d.quarterRange(t);
    if (isFormulaError(r)) return r;
    hi = r[1];
  }
  if (lo > hi) return invalidValue(`from (${f?.input}) is after to (${t?.input})`);
  const periods = d.seriesPeriods(it).filter((p) => {
    const i = quarterOfPeriod(p);
    return i >= lo && i <= hi;
  });
  if (d.periodsOf(it).length === 0) return d.missing(it, f || t ? rangeText(f, t) : 'any period', 'actual');
  if (periods.length === 0) return notAvailable(`No periods ${rangeText(f, t)}; imported periods: ${d.periodsOf(it).map((p) => p.key).join(', ')}`);
  const facts = periods.map((p) => d.fact(it.id, p.key, 'actual'));
  const values: Cell[] = facts.map((fact, i) => (fact ? d.number(fact, s) : notAvailable(`No ${it.name} for ${periods[i].key}`)));
  const how: Cell[] = facts.map((fact) => (fact?.derivation ? `derived: ${fact.derivation.formula}` : 'printed'));
  return [periods.map((p) => p.key), values, how];
}

function rangeText(f: PeriodQuery | undefined, t: PeriodQuery | undefined): string {
  if (f && t) return `from ${f.input} to ${t.input}`;
  if (f) return `from ${f.input}`;
  if (t) return `up to ${t.input}`;
  return '';
}

/** Reconciliation chains of the non-GAAP measures to their GAAP measure, as rule ids of `RULES` (each starts where the last ended). */
export const RECON_CHAINS: Record<string, string[]> = {
  adjusted_ebitda: ['bridge-adjusted-ebitda', 'ops-loss-before-discontinued', 'ops-net-loss'],
  adjusted_gross_margin: ['bridge-gross-margin'],
};

const SUM_RULES = new Map(RULES.filter((r): r is SumRule => r.type === 'sum').map((r) => [r.id, r]));

/** The label a reconciliation prints for a concept (the reconciliation table's, else the statement's, else the catalogue name). */
function reconLabel(d: FormulaData, id: string, key: string, sel: Selection): string {
  const scenario: Scenario = sel === 'actual' ? 'actual' : sel === 'high' ? 'guidance-high' : 'guidance-low';
  const occ: Fact[] = d.dataset.occurrences(id, key, scenario);
  const f = occ.find((o) => /reconciliation/i.test(o.source.tableTitle)) ?? occ.find((o) => o.source.table !== 'narrative') ?? occ[0];
  if (f) return f.label;
  const it = d.item({ type: 'text', value: id });
  return isFormulaError(it) ? id : it.name;
}

/**
 * MPWR.RECON(measure, period, [bound]): the reconciliation of a non-GAAP measure down to its
 * GAAP measure as (label, amount, effect) rows. `amount` is in the concept's canonical sign, as
 * every MPWR function answers it (Interest Expense 67, as MPWR.VALUE); `effect` is what the line
 * does to the running total, signed as the reconciliation prints it (−67): the first row and each
 * subtotal carry their level in both columns, and the effects of a block's lines add up to its
 * subtotal.
 */
export function recon(d: FormulaData, measure: unknown, period: unknown, bound?: unknown): MatrixResult {
  const it = itemArg(d, measure, 'measure');
  if (isFormulaError(it)) return it;
  const chain = own(RECON_CHAINS, it.id);
  if (!chain) return invalidValue(`RECON reconciles a non-GAAP measure: "Adjusted EBITDA" (to Net Loss) or "Adjusted Gross Margin" (to Gross Margin), not ${it.name}`);
  const q = periodArg(period);
  if (isFormulaError(q)) return q;
  const b = boundArg(bound);
  if (isFormulaError(b)) return b;
  const key = d.periodKey(it, q);
  if (isFormulaError(key)) return key;
  const sel = selectionOf(b ?? q.bound);
  const first = decimalAt(d, it.id, key, sel, undefined);
  if (!first) return d.missing(it, key, sel === 'actual' ? 'actual' : 'guidance');
  const rows: Matrix = [[reconLabel(d, it.id, key, sel), first.toNumber(), first.toNumber()]];
  let current = it.id;
  for (const ruleId of chain) {
    const rule = SUM_RULES.get(ruleId);
    if (!rule || rule.terms[0]?.[0] !== current) return invalidValue(`The reconciliation rule ${ruleId} does not continue from ${current}`);
    for (const [concept, coefficient] of rule.terms.slice(1)) {
      const v = decimalAt(d, concept, key, sel, undefined);
      if (!v) {
        if (rule.optional?.includes(concept)) continue;
        const na = notAvailable(`No ${concept} for ${key}`);
        rows.push([reconLabel(d, concept, key, sel), na, na]);
        continue;
      }
      rows.push([reconLabel(d, concept, key, sel), v.toNumber() || 0, v.times(coefficient).toNumber() || 0]); // no −0 (Excel has none)
    }
    const total = decimalAt(d, rule.reported, key, sel, undefined);
    const level = total ? total.toNumber() : notAvailable(`No ${rule.reported} for ${key}`);
    rows.push([reconLabel(d, rule.reported, key, sel), level, level]);
    current = rule.reported;
  }
  return rows;
}

const FLOW: Item = { id: '', name: 'period', kind: 'money', instant: false, mapped: true };
const STOCK: Item = { ...FLOW, instant: true };

/** The period keys a period argument means for flows and for balances (`Q2 2004`: 2004Q2 and the June 30 balance sheet). */
function periodKeys(d: FormulaData, q: PeriodQuery): Set<string> | FormulaError {
  const keys = new Set<string>();
  for (const item of [FLOW, STOCK]) {
    const k = d.periodKey(item, q);
    if (isFormulaError(k)) return k;
    keys.add(k);
  }
  return keys;
}

/** The checks a period argument selects (all when empty), or an error. */
function selectChecks(d: FormulaData, period: unknown): { checks: Check[]; what: string } | FormulaError {
  const all = d.mpower.checks;
  const a = scalarArg(period, 'period');
  if (isFormulaError(a)) return a;
  if (a.type === 'empty') {
    return all.length ? { checks: all, what: 'all periods' } : notAvailable('No checks: no filing is imported');
  }
  const q = readPeriod(a as Arg, 'period');
  if (isFormulaError(q)) return q;
  const keys = periodKeys(d, q);
  if (isFormulaError(keys)) return keys;
  const scenarios: Scenario[] | undefined = q.bound === 'low' ? ['guidance-low'] : q.bound === 'high' ? ['guidance-high'] : q.bound === 'mid' ? ['guidance-low', 'guidance-high'] : undefined;
  const checks = all.filter((c) => keys.has(c.period) && (!scenarios || scenarios.includes(c.scenario)));
  if (!checks.length) {
    const periods = [...new Set(all.map((c) => c.period))];
    return notAvailable(`No checks for ${[...keys].join(' / ')}; checked periods: ${periods.join(', ') || 'none'}`);
  }
  return { checks, what: q.input };
}

/** MPWR.CHECK([period]): TRUE when every check of the period (or of all) ties or is within rounding. */
export function check(d: FormulaData, period?: unknown): ScalarResult {
  const sel = selectChecks(d, period);
  if (isFormulaError(sel)) return sel;
  return sel.checks.every((c) => c.status === 'tie' || c.status === 'rounding');
}

const num = (x: Decimal | null): Cell => (x === null ? '' : x.toNumber());

/** MPWR.CHECKS([period]): a header row, then one row per check (id, period, status, reported, computed, difference). */
export function checks(d: FormulaData, period?: unknown): MatrixResult {
  const sel = selectChecks(d, period);
  if (isFormulaError(sel)) return sel;
  const rows: Matrix = [['id', 'period', 'status', 'reported', 'computed', 'difference']];
  for (const c of sel.checks) rows.push([c.id, c.period, c.status, num(c.reported), num(c.computed), num(c.difference)]);
  return rows;
}

/** A claim's number as formulas return numbers: money in the filings' scale, percentages as fractions, per-share in dollars. */
function claimNumber(d: FormulaData, c: JudgedClaim, x: Decimal | null): Cell {
  if (x === null) return '';
  const kind = c.claimed?.kind;
  if (kind === 'percent' || c.form === 'comparison') return x.dividedBy(100).toNumber();
  if (kind === 'money' && c.claimed) return x.times(SCALE_FACTOR[c.claimed.scale]).dividedBy(SCALE_FACTOR[d.moneyScale]).toNumber();
  return x.toNumber();
}

/**
 * MPWR.CLAIMS([period]): a header row, then one row per numeric statement of the filings' text
 * about the period (or all): what it says, the number claimed, the tables' figure, the status
 * (tie, rounding, break, unlinked) and the line of the text.
 */
export function claims(d: FormulaData, period?: unknown): MatrixResult {
  const all = d.mpower.claims;
  const a = scalarArg(period, 'period');
  if (isFormulaError(a)) return a;
  let list = all;
  if (a.type !== 'empty') {
    const q = readPeriod(a as Arg, 'period');
    if (isFormulaError(q)) return q;
    const keys = periodKeys(d, q);
    if (isFormulaError(keys)) return keys;
    list = all.filter((c) => (c.period !== undefined && keys.has(c.period)) || (c.base !== undefined && keys.has(c.base)));
    if (!list.length) {
      const periods = [...new Set(all.map((c) => c.period).filter((p): p is string => !!p))];
      return notAvailable(`No claims about ${[...keys].join(' / ')}; the text states figures for ${periods.join(', ') || 'no period'}`);
    }
  } else if (!list.length) return notAvailable('No claims: the imported filings state no figures in their text');
  const rows: Matrix = [['text', 'claimed', 'actual', 'status', 'line']];
  for (const c of list) {
    rows.push([`${claimSubject(c)}: "${claimWords(c)}"`, claimNumber(d, c, c.stated), claimNumber(d, c, c.actual), c.status, c.line]);
  }
  return rows;
}

function printed(f: Fact): string {
  if (f.derivation) return derivationText(f);
  const sign = signNote(f);
  return `${f.source.file}, line ${f.source.line}: ${f.source.text.trim().replace(/\s+/g, ' ')}${sign ? ` — ${sign}` : ''}`;
}

/** A number as a cell shows it (for sources: `148,200`, `-1,570`). */
function shown(x: Decimal): string {
  return x.toNumber().toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/**
 * Where a derived value comes from: its formula with the operands' values, then each operand's
 * source (a derived operand's own derivation in brackets), e.g. `derived: FY2004 − 2004Q1 − ... =
 * 151,049 − 37,153 − ...; FY2004: mpwr-2004q4-ex99-1.htm, line 1023: ...; 2004Q1: ...`.
 */
function derivationText(f: Fact): string {
  const dv = f.derivation;
  if (!dv) return printed(f);
  const ops = dv.operands;
  const values = dv.kind === 'ratio'
    ? `${shown(ops[0].fact.value)} ÷ ${shown(ops[1].fact.value)}${dv.factor && dv.factor !== 1 ? ` × ${dv.factor}` : ''}`
    : ops.map((o, i) => `${i === 0 ? (o.coefficient < 0 ? '−' : '') : o.coefficient < 0 ? ' − ' : ' + '}${shown(o.fact.value)}`).join('');
  const parts = ops.map((o) => `${o.fact.period.key}${dv.kind === 'ratio' ? ` ${o.fact.label}` : ''}: ${o.fact.derivation ? `[${derivationText(o.fact)}]` : printed(o.fact)}`);
  return `derived: ${dv.formula} = ${values}; ${parts.join('; ')}`;
}

/** MPWR.SOURCE(item, period): where the number came from (filing, line, the printed line). */
export function source(d: FormulaData, item: unknown, period: unknown): ScalarResult {
  const it = itemArg(d, item);
  if (isFormulaError(it)) return it;
  const q = periodArg(period);
  if (isFormulaError(q)) return q;
  const key = d.periodKey(it, q);
  if (isFormulaError(key)) return key;
  const sel = selectionOf(q.bound);
  if (sel === 'mid') {
    const low = d.fact(it.id, key, 'guidance-low');
    const high = d.fact(it.id, key, 'guidance-high');
    if (!low || !high) return d.missing(it, key, 'guidance');
    const where = low.source.line === high.source.line && low.source.file === high.source.file ? printed(low) : `${printed(low)} | ${printed(high)}`;
    return [`(low + high) / 2 of ${where}`, ...earlierRanges(d, it, key)].join('; ');
  }
  const f = d.fact(it.id, key, sel === 'actual' ? 'actual' : sel === 'low' ? 'guidance-low' : 'guidance-high');
  if (!f) return d.missing(it, key, sel === 'actual' ? 'actual' : 'guidance');
  const notes = d.notesFor(f);
  if (sel !== 'actual') notes.push(...earlierRanges(d, it, key));
  return [printed(f), ...notes].join('; ');
}

/** The ranges earlier releases gave for a guided period, with their dates (a reiterated range listed once). */
function earlierRanges(d: FormulaData, it: Item, key: string): string[] {
  const history = guidanceHistory(d.dataset, it.id, key);
  const show = (f: Fact | undefined) => (f ? shown(d.decimal(f, undefined)) : '?');
  const given = (r: GuidanceRange) => `${show(r.low)} to ${show(r.high)} (${r.releases.map((x) => `${x.file}${x.date ? `, ${x.date}` : ''}`).join('; ')})`;
  // One range (however often reiterated): nothing to add to where it is printed.
  if (history.length < 2) return [];
  const current = history[history.length - 1];
  return [`range ${given(current)}`, `revised from ${history.slice(0, -1).reverse().map(given).join(', before that ')}`];
}

/** MPWR.PERIODS([kind]): the imported period keys in time order, one per row; kind "actual" (default: printed), "guidance", "derived" (not printed, derived from printed ones), "quarters", "instants" or "all". */
export function periods(d: FormulaData, kind?: unknown): MatrixResult {
  const a = scalarArg(kind, 'kind');
  if (isFormulaError(a)) return a;
  const k = a.type === 'empty' ? 'actual' : a.type === 'text' ? a.value.trim().toLowerCase() : '';
  const lists: Record<string, () => string[]> = {
    actual: () => d.actualPeriods.map((p) => p.key),
    guidance: () => d.guidancePeriods.map((p) => p.key),
    derived: () => d.derivedPeriods().map((p) => p.key),
    quarters: () => d.actualPeriods.filter((p) => p.type === 'quarter').map((p) => p.key),
    instants: () => d.actualPeriods.filter((p) => p.type === 'instant').map((p) => p.key),
    all: () => [...d.actualPeriods.map((p) => p.key), ...d.guidancePeriods.map((p) => p.key)],
  };
  const list = own(lists, k);
  if (!list) return invalidValue(`kind must be "actual", "guidance", "derived", "quarters", "instants" or "all", not ${showArg(a)}`);
  const keys = list();
  return keys.length ? keys.map((key) => [key]) : notAvailable(`No ${k} periods imported`);
}

/** MPWR.ITEMS(): every item present (concept id, name), catalogue order, then labels that map to no concept. */
export function items(d: FormulaData): MatrixResult {
  const list = d.presentItems();
  return list.length ? list.map((i) => [i.id, i.name]) : notAvailable('No items: no filing is imported');
}

// ---------------------------------------------------------------------------------------------
// The registry every host uses

export interface ParamSpec {
  name: string;
  optional?: boolean;
}

export interface FunctionSpec {
  /** Name after `MPWR.` (`ADJ_EBITDA`). */
  name: string;
  params: ParamSpec[];
  /** True when the result spills (a matrix). */
  matrix: boolean;
  run: (d: FormulaData, args: unknown[]) => FormulaResult;
}

const p = (name: string, optional = false): ParamSpec => ({ name, optional });

export const FUNCTIONS: FunctionSpec[] = [
  { name: 'VALUE', params: [p('item'), p('period'), p('scale', true)], matrix: false, run: (d, a) => value(d, a[0], a[1], a[2]) },
  ...Object.keys(SHORTCUTS).map((name): FunctionSpec => ({
    name,
    params: [p('period'), p('scale', true)],
    matrix: false,
    run: (d, a) => shortcut(d, name, a[0], a[1]),
  })),
  { name: 'GUIDANCE', params: [p('item'), p('year'), p('bound', true)], matrix: false, run: (d, a) => guidance(d, a[0], a[1], a[2]) },
  { name: 'LTM', params: [p('item'), p('period', true), p('scale', true)], matrix: false, run: (d, a) => ltm(d, a[0], a[1], a[2]) },
  { name: 'GROWTH', params: [p('item'), p('period'), p('basis', true)], matrix: false, run: (d, a) => growth(d, a[0], a[1], a[2]) },
  { name: 'SERIES', params: [p('item'), p('from', true), p('to', true), p('scale', true)], matrix: true, run: (d, a) => series(d, a[0], a[1], a[2], a[3]) },
  { name: 'RECON', params: [p('measure'), p('period'), p('bound', true)], matrix: true, run: (d, a) => recon(d, a[0], a[1], a[2]) },
  { name: 'CHECK', params: [p('period', true)], matrix: false, run: (d, a) => check(d, a[0]) },
  { name: 'CHECKS', params: [p('period', true)], matrix: true, run: (d, a) => checks(d, a[0]) },
  { name: 'CLAIMS', params: [p('period', true)], matrix: true, run: (d, a) => claims(d, a[0]) },
  { name: 'SOURCE', params: [p('item'), p('period')], matrix: false, run: (d, a) => source(d, a[0], a[1]) },
  { name: 'PERIODS', params: [p('kind', true)], matrix: true, run: (d, a) => periods(d, a[0]) },
  { name: 'ITEMS', params: [], matrix: true, run: (d) => items(d) },
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** The spec of `NAME` or `MPWR.NAME` (any case). */
export function functionSpec(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.trim().toUpperCase().replace(/^MPWR\./, ''));
}

/** Calls an MPWR function by name, checking the number of arguments; never throws. */
export function callFunction(d: FormulaData, name: string, args: unknown[]): FormulaResult {
  const spec = functionSpec(name);
  if (!spec) return invalidValue(`No function MPWR.${name.trim().toUpperCase().replace(/^MPWR\./, '')}; functions: ${FUNCTIONS.map((f) => f.name).join(', ')}`);
  const required = spec.params.filter((x) => !x.optional).length;
  if (args.length < required || args.length > spec.params.length) {
    const range = required === spec.params.length ? `${required}` : `${required} to ${spec.params.length}`;
    return invalidValue(`MPWR.${spec.name} takes ${range} argument${spec.params.length === 1 ? '' : 's'} (${spec.params.map((x) => (x.optional ? `[${x.name}]` : x.name)).join(', ')}), got ${args.length}`);
  }
  return guard(() => spec.run(d, args));
}

/** Runs `f`, turning an exception into `#VALUE!` so that no host ever sees one. */
export function guard<T extends FormulaResult>(f: () => T): T | FormulaError {
  try {
    return f();
  } catch (e) {
    return invalidValue(`MPWR could not compute this: ${e instanceof Error ? e.message : String(e)}`);
  }
}
