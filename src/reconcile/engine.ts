/**
 * Evaluates the identities of `rules.ts` over a Dataset with exact Decimal arithmetic, plus two
 * checks that need no catalogue: the same figure printed in several places agrees, and (for
 * tables no rule knows, such as other companies' releases) the subtotals their layout supports
 * foot (`subtotals.ts`: inferred structures are asserted only where the layout supports them,
 * otherwise `unverified`).
 */
import Decimal from 'decimal.js';
import { addMonthsToEnd } from '../filing/periods';
import { plusTimes, valueIn, type Dataset } from '../model/dataset';
import { SCALE_FACTOR, type Check, type CheckOperand, type Fact, type Scale, type Scenario } from '../model/types';
import { derivePeriods, type DerivedFacts } from '../model/derived';
import { halfUnit, makeCheck, ratioOf, ZERO } from './check';
import { inferredSubtotals } from './subtotals';
import { DERIVED_RULE, RULES, SAME_FACT_RULE, type RatioRule, type RollForwardRule, type Rule, type SumRule } from './rules';

/** One printed unit (`sign` 1 or -1) of a figure of `from` scale, in `to` scale (money; other kinds as printed). Cached: a handful of values. */
const UNITS = new Map<string, Decimal>();
const PLUS_ONE = new Decimal(1);
const MINUS_ONE = new Decimal(-1);
function unitOf(sign: number, money: boolean, from: Scale, to: Scale | undefined): Decimal {
  // Most operands stand in their own scale (no key to build).
  if (!money || to === undefined || from === to) return sign === 1 ? PLUS_ONE : MINUS_ONE;
  const key = `${sign}|${from}>${to}`;
  let u = UNITS.get(key);
  if (!u) {
    u = new Decimal(sign).times(SCALE_FACTOR[from]).dividedBy(SCALE_FACTOR[to]);
    UNITS.set(key, u);
  }
  return u;
}

/**
 * A check's operand: the fact's value in `scale` (as `valueIn` converts it; the fact's own value
 * when no scale is given), and `unit`, the value one printed unit of it stands for there.
 */
function operand(concept: string, coefficient: number, fact: Fact | undefined, scale?: Scale): CheckOperand {
  // One literal with every field (the last two undefined for a figure of the prose): one shape, no properties added later.
  const cell = fact !== undefined && fact.source.table !== 'narrative';
  return {
    concept,
    label: fact?.label ?? concept,
    coefficient,
    value: fact ? (scale === undefined ? fact.value : valueIn(fact, scale)) : null,
    file: fact?.source.file ?? '',
    line: fact?.source.line ?? null,
    text: fact?.source.text ?? '',
    column: cell ? fact.source.column : undefined,
    unit: cell ? unitOf(fact.presentedSign, fact.amount.kind === 'money', fact.scale, scale) : undefined,
  };
}

type Slice = Map<string, Fact>;

interface PeriodSlice { period: string; scenario: Scenario; facts: Slice }

/**
 * Facts grouped by period and scenario (concept → fact), in the order each pair first appears.
 * Looked up by period key, then scenario: no key string is built per fact.
 */
function slices(dataset: Dataset): PeriodSlice[] {
  const out: PeriodSlice[] = [];
  const byPeriod = new Map<string, Map<Scenario, PeriodSlice>>();
  for (const f of dataset.facts()) {
    if (!f.mapped) continue; // rules speak of catalogue concepts; a slug that happens to match an id is not one
    let byScenario = byPeriod.get(f.period.key);
    if (!byScenario) byPeriod.set(f.period.key, (byScenario = new Map()));
    let s = byScenario.get(f.scenario);
    if (!s) { s = { period: f.period.key, scenario: f.scenario, facts: new Map() }; byScenario.set(f.scenario, s); out.push(s); }
    s.facts.set(f.concept, f);
  }
  return out;
}

function evalSum(rule: SumRule, period: string, scenario: Scenario, facts: Slice): Check | undefined {
  const reported = facts.get(rule.reported);
  if (!reported || (rule.scenarios === 'actual' && scenario !== 'actual') || !rule.terms.some(([c]) => facts.has(c))) return undefined;
  const scale: Scale = reported?.scale ?? facts.get(rule.terms.find(([c]) => facts.has(c))?.[0] ?? '')?.scale ?? 'units';
  let computed: Decimal | null = ZERO;
  // Figures printed in another scale than the total's (a reconciliation in $ millions over a
  // statement in $ thousands) were each rounded on their own: the sum holds within half a unit of
  // each one's last printed digit, as a `printed` rule's does. Alike figures foot exactly.
  const printed = rule.tolerance === 'printed' ||
    rule.terms.some(([c]) => { const f = facts.get(c); return f !== undefined && f.amount.kind === 'money' && f.scale !== reported.scale; });
  let tolerance = printed ? printedTolerance(reported, scale) : ZERO;
  const ops: CheckOperand[] = [operand(rule.reported, 1, reported, scale)];
  for (const [concept, coefficient] of rule.terms) {
    const f = facts.get(concept);
    if (!f) {
      if (!rule.optional?.includes(concept)) computed = null;
      ops.push(operand(concept, coefficient, undefined));
      continue;
    }
    const v = valueIn(f, scale);
    if (computed !== null) computed = plusTimes(computed, v, coefficient);
    if (printed) tolerance = tolerance.plus(printedTolerance(f, scale));
    ops.push(operand(concept, coefficient, f, scale));
  }
  return makeCheck(rule, period, scenario, reported ? valueIn(reported, scale) : null, computed, tolerance, ops);
}

function evalRatio(rule: RatioRule, period: string, scenario: Scenario, facts: Slice): Check | undefined {
  const reported = facts.get(rule.reported);
  const num = facts.get(rule.numerator);
  const den = facts.get(rule.denominator);
  if (!reported || (!num && !den)) return undefined;
  const numScale = rule.numeratorScale;
  const numOf = (f: Fact): Decimal => (numScale ? valueIn(f, numScale) : f.value);
  const numValue = num ? numOf(num) : null;
  const computed = numValue && den && !den.value.isZero() ? ratioOf(numValue, den.value, rule.factor) : null;
  const tolerance = reported ? halfUnit(reported.amount.decimals) : ZERO;
  return makeCheck(rule, period, scenario, reported?.value ?? null, computed, tolerance, [
    operand(rule.reported, 1, reported),
    operand(rule.numerator, rule.factor, num, numScale),
    operand(rule.denominator, -1, den),
  ]);
}

function evalRollForward(rule: RollForwardRule, dataset: Dataset): Check[] {
  const out: Check[] = [];
  for (const p of dataset.periods()) {
    if (p.type !== 'quarter') continue;
    const flow = dataset.get(rule.flow, p.key);
    const endKey = p.end;
    const startKey = addMonthsToEnd(p.end, -3);
    const end = dataset.get(rule.balance, endKey);
    const start = dataset.get(rule.balance, startKey);
    if (!flow || !end || !start) continue;
    const reported = valueIn(end, end.scale).minus(valueIn(start, end.scale));
    const computed = valueIn(flow, end.scale);
    out.push(makeCheck(rule, p.key, 'actual', reported, computed, ZERO, [
      operand(rule.balance, 1, end),
      operand(rule.balance, -1, start),
      operand(rule.flow, 1, flow, end.scale),
    ]));
  }
  return out;
}

/** Half a unit of a fact's last printed digit, in `scale` (money) or as printed (other kinds). */
function printedTolerance(f: Fact, scale: Scale): Decimal {
  const half = halfUnit(f.amount.decimals);
  if (f.amount.kind !== 'money' || f.scale === scale) return half;
  return half.times(SCALE_FACTOR[f.scale]).dividedBy(SCALE_FACTOR[scale]);
}

/**
 * One check per key printed in more than one place: every other place agrees with the first
 * (primary) one. Two figures printed alike (same scale and decimals) must be equal; otherwise
 * they agree within half a unit of the less precise one's last digit. The check reports the
 * place farthest from the primary (the first disagreeing one on a tie of distances), so a
 * disagreement names both lines; its operands list every place: that one, the primary, the rest.
 */
function sameFactChecks(dataset: Dataset): Check[] {
  const out: Check[] = [];
  for (const occ of dataset.allOccurrences()) {
    // Unmapped rows are slugs of labels: two alike labels need not be one quantity.
    if (occ.length < 2 || !occ[0].mapped) continue;
    const first = occ[0];
    let worst = -1;
    let worstExcess: Decimal | undefined;
    let worstValue = first.value;
    let worstTolerance = ZERO;
    for (let i = 1; i < occ.length; i++) {
      const other = occ[i];
      const v = valueIn(other, first.scale);
      const alike = other.scale === first.scale && other.amount.decimals === first.amount.decimals;
      const tolerance = alike ? ZERO : Decimal.max(halfUnit(first.amount.decimals), printedTolerance(other, first.scale));
      // How far outside its tolerance this place is (ties of equal figures are below zero; the same
      // figure printed alike, the usual case, is exactly zero and needs no arithmetic).
      // A figure printed alike shares its Decimal with the first place: compared by identity first
      // (decimal.js's comparisons copy their argument).
      const excess = alike && (v === first.value || v.eq(first.value)) ? ZERO : v.minus(first.value).abs().minus(tolerance);
      if (worstExcess === undefined || (excess !== worstExcess && excess.gt(worstExcess))) { worst = i; worstExcess = excess; worstValue = v; worstTolerance = tolerance; }
    }
    const shown = occ[worst];
    const ops = [
      operand(first.concept, 1, shown, first.scale),
      operand(first.concept, 1, first),
    ];
    for (let i = 1; i < occ.length; i++) if (i !== worst) ops.push(operand(first.concept, 1, occ[i], first.scale));
    const lines = occ.map((o) => o.source.line).join(', ');
    out.push(makeCheck(
      { id: `${SAME_FACT_RULE.id}:${first.concept}`, description: `${SAME_FACT_RULE.description}: ${first.label} (lines ${lines})` },
      first.period.key,
      first.scenario,
      worstValue,
      first.value,
      worstTolerance,
      ops,
    ));
  }
  return out;
}

function evalRule(rule: Rule, dataset: Dataset, all: PeriodSlice[]): Check[] {
  if (rule.type === 'rollforward') return evalRollForward(rule, dataset);
  const out: Check[] = [];
  for (const s of all) {
    const c = rule.type === 'sum' ? evalSum(rule, s.period, s.scenario, s.facts) : evalRatio(rule, s.period, s.scenario, s.facts);
    if (c) out.push(c);
  }
  return out;
}

/**
 * A printed period against the same period derived from other printed figures (a year against
 * its quarters, a quarter against the year to date less the quarters before it): they must agree
 * within half a unit of the last printed digit of each figure involved (each is rounded on its
 * own). A disagreement is a break listing the printed line and every line of the derivation.
 */
function agreementChecks(derived: DerivedFacts): Check[] {
  return derived.agreements().map(({ printed, derived: d }) => {
    const ops = d.derivation?.operands ?? [];
    const scale = printed.scale;
    const tolerance = ops.reduce((t, o) => t.plus(printedTolerance(o.fact, scale)), printedTolerance(printed, scale));
    const formula = d.derivation?.formula ?? '';
    return makeCheck(
      { id: `${DERIVED_RULE.id}:${printed.concept}`, description: `${DERIVED_RULE.description}: ${printed.label} ${printed.period.key} = ${formula}` },
      printed.period.key,
      'actual',
      printed.value,
      valueIn(d, scale),
      tolerance,
      [operand(printed.concept, 1, printed), ...ops.map((o) => operand(o.fact.concept, o.coefficient, o.fact, scale))],
    );
  });
}

/** Every check of a dataset, in rule order then time order; then printed against derived periods. */
export function reconcile(dataset: Dataset, derived: DerivedFacts = derivePeriods(dataset)): Check[] {
  const all = slices(dataset);
  const checks = RULES.flatMap((r) => evalRule(r, dataset, all));
  for (const c of sameFactChecks(dataset)) checks.push(c);
  for (const c of agreementChecks(derived)) checks.push(c);
  for (const { filing, facts } of dataset.filingFacts()) {
    // A table with a catalogue row is the rules' business, whether or not a newer release
    // superseded its figures (an older release's balance sheet is not a table no rule knows).
    const known = new Set<string>();
    for (const f of facts) if (f.mapped) known.add(f.source.table);
    for (const t of filing.tables) {
      if (known.has(t.id)) continue;
      // Tables no rule knows: the subtotals their layout supports, honestly statused.
      for (const c of inferredSubtotals(t, filing.file)) checks.push(c);
    }
  }
  return checks;
}
