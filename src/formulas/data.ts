/**
 * What MPWR formulas read: one Analysis with the indexes that make a lookup a few map reads
 * (built once per Analysis, reused by every cell): items to concepts, period queries to
 * period keys, facts to numbers in each scale.
 */
import Decimal from 'decimal.js';
import { addMonthsToEnd, comparePeriods, duration } from '../filing/periods';
import { definitionAt, definitionChanges, describeChange, valueNotes, type DefinitionChange } from '../model/definitions';
import { CONCEPTS, conceptById, findConcept, normalizeLabel } from '../model/concepts';
import { type Dataset, factKey, valueIn } from '../model/dataset';
import { SCALE_FACTOR, type AmountKind, type Fact, type Period, type Scale, type Scenario } from '../model/types';
import { isFlow, neededFor } from '../model/derived';
import { mpowerAnalysis, type Analysis } from '../pipeline';
import { type Bound, type PeriodQuery, quarterEnd, quarterOf, shiftQuarter } from './period-input';
import { type Arg, type FormulaError, invalidValue, isFormulaError, notAvailable, own, showArg } from './values';
import { closest } from './suggest';

/** A concept as formulas see it: catalogue concepts and unmapped labels alike. */
export interface Item {
  id: string;
  /** Name for messages (`Adjusted EBITDA`). */
  name: string;
  kind: AmountKind;
  instant: boolean;
  mapped: boolean;
}

/** Words people use for a concept that the catalogue does not list as printed labels. */
const EXTRA_NAMES: Record<string, string> = {
  ebitda: 'adjusted_ebitda',
  'adj ebitda': 'adjusted_ebitda',
  'adjusted ebitda margin': 'adjusted_ebitda_margin',
  'adjusted gross margin pct': 'adjusted_gross_margin_pct',
  'adjusted gross margin percent': 'adjusted_gross_margin_pct',
  'adj gross margin': 'adjusted_gross_margin',
  cash: 'cash_and_equivalents',
  sales: 'revenue_total',
  'total revenue': 'revenue_total',
  'total revenues': 'revenue_total',
  'core revenue': 'revenue_core_customer',
  'core customer revenue': 'revenue_core_customer',
  'switched access revenue': 'revenue_switched_access',
  da: 'depreciation_amortization',
  'd and a': 'depreciation_amortization',
  'net loss per share': 'eps_net_loss_basic_diluted',
  'weighted average shares': 'weighted_average_shares',
};

/** Calendar quarter index (year × 4 + quarter − 1) for ordering and ranges. */
export function quarterIndex(year: number, quarter: number): number {
  return year * 4 + quarter - 1;
}

/** The calendar quarter a period belongs to: its own for a quarter, Q4 for a year, the quarter it closes (or falls in) for an instant. */
export function quarterOfPeriod(p: Period): number {
  const m = /^(\d{4})Q([1-4])$/.exec(p.key);
  if (m) return quarterIndex(Number(m[1]), Number(m[2]));
  const q = /^(\d{4})Q([1-4])$/.exec(duration(3, p.end).key);
  if (q) return quarterIndex(Number(q[1]), Number(q[2]));
  const c = quarterOf(p.end);
  return quarterIndex(c.year, c.quarter);
}

/** Days between two ISO dates. */
function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86400000;
}

/** Longest item text worth looking up (the longest label printed is about 80 characters). */
const MAX_ITEM_TEXT = 300;

/** How near a balance sheet date must be to the date asked for (fiscal quarters end on a weekday near the month end). */
const NEAR_DAYS = 7;

export class FormulaData {
  readonly dataset: Dataset;
  /** Scale money is returned in when the formula names none: the scale most of the filings' tables print. */
  readonly moneyScale: Scale;
  /** Actual periods in time order. */
  readonly actualPeriods: Period[];
  readonly guidancePeriods: Period[];
  private readonly instants: Period[];
  /** Quarter index of the newest actual period (the anchor of LATEST), or undefined when nothing is imported. */
  readonly latestQuarter: number | undefined;
  private readonly itemCache = new Map<string, Item | FormulaError>();
  private readonly numberCache = new Map<string, number>();
  private readonly periodsByConcept = new Map<string, { actual: Period[]; guidance: Period[] }>();
  private readonly items = new Map<string, Item>();
  private readonly labels = new Map<string, string>();
  private changes: DefinitionChange[] | undefined;

  /** Mpower's part of the analysis: what every formula answers from (another company's facts never answer). */
  readonly mpower: Analysis;

  /** `analysis` holds every imported release; formulas read only Mpower's (`mpower`). */
  constructor(readonly analysis: Analysis) {
    this.mpower = mpowerAnalysis(analysis);
    this.dataset = this.mpower.dataset;
    this.actualPeriods = this.dataset.periods();
    this.guidancePeriods = this.dataset.guidancePeriods();
    this.instants = this.actualPeriods.filter((p) => p.type === 'instant');
    this.latestQuarter = this.actualPeriods.reduce<number | undefined>((m, p) => Math.max(m ?? -Infinity, quarterOfPeriod(p)), undefined);

    const scales = new Map<Scale, number>();
    for (const f of this.dataset.facts()) {
      const entry = this.periodsByConcept.get(f.concept) ?? { actual: [], guidance: [] };
      const list = f.scenario === 'actual' ? entry.actual : entry.guidance;
      if (!list.some((p) => p.key === f.period.key)) list.push(f.period);
      this.periodsByConcept.set(f.concept, entry);
      if (!this.items.has(f.concept)) {
        const def = conceptById(f.concept);
        this.items.set(f.concept, {
          id: f.concept,
          name: def?.name ?? f.label,
          kind: def?.kind ?? f.amount.kind,
          instant: def ? def.periodType === 'instant' : f.period.type === 'instant',
          mapped: f.mapped,
        });
      }
      this.labels.set(normalizeLabel(f.label), f.concept);
      if (f.amount.kind === 'money' && f.source.table.startsWith('t')) scales.set(f.scale, (scales.get(f.scale) ?? 0) + 1);
    }
    for (const e of this.periodsByConcept.values()) {
      e.actual.sort(comparePeriods);
      e.guidance.sort(comparePeriods);
    }
    this.moneyScale = [...scales.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'thousands';
  }

  /** Every item present, catalogue order first, then unmapped labels. */
  presentItems(): Item[] {
    const mapped = CONCEPTS.filter((c) => this.items.has(c.id)).map((c) => this.items.get(c.id) as Item);
    const rest = [...this.items.values()].filter((i) => !conceptById(i.id));
    return [...mapped, ...rest];
  }

  /** The item an argument names: a concept id, a printed label (case and spacing forgiven) or a common name. */
  item(arg: Arg, name = 'item'): Item | FormulaError {
    if (arg.type === 'empty') return invalidValue(`${name} is required: a label as printed (e.g. "Adjusted EBITDA") or a concept id (MPWR.ITEMS() lists them)`);
    if (arg.type !== 'text') return invalidValue(`${name} must be text such as "Adjusted EBITDA", not ${showArg(arg)}`);
    if (arg.value.length > MAX_ITEM_TEXT) return invalidValue(`${name} "${arg.value.slice(0, 24)}..." is too long to be a label of the filing`);
    const hit = this.itemCache.get(arg.value);
    if (hit) return hit;
    const found = this.findItem(arg.value);
    if (this.itemCache.size > 5000) this.itemCache.clear();
    this.itemCache.set(arg.value, found);
    return found;
  }

  private findItem(text: string): Item | FormulaError {
    const def = findConcept(text);
    const n = normalizeLabel(text);
    const id = def?.id ?? own(EXTRA_NAMES, n) ?? this.labels.get(n) ?? (this.items.has(text.trim()) ? text.trim() : undefined) ?? this.slugMatch(text);
    if (id) {
      const present = this.items.get(id);
      if (present) return present;
      const c = conceptById(id);
      if (c) return { id, name: c.name, kind: c.kind, instant: c.periodType === 'instant', mapped: true };
    }
    const guess = closest(text, [...CONCEPTS.map((c) => c.name), ...[...this.items.values()].map((i) => i.name), ...CONCEPTS.map((c) => c.id)]);
    return invalidValue(`Unknown item "${text}"${guess ? ` (did you mean "${guess}"?)` : ''}; use a label as printed in the filing (e.g. "Total Current Assets") or a concept id (e.g. adjusted_ebitda); MPWR.ITEMS() lists them`);
  }

  private slugMatch(text: string): string | undefined {
    const slug = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
    return this.items.has(slug) ? slug : undefined;
  }

  /** Actual (or guidance) periods for which the item has a value, in time order. */
  periodsOf(item: Item, guidance = false): Period[] {
    const e = this.periodsByConcept.get(item.id);
    return e ? (guidance ? e.guidance : e.actual) : [];
  }

  /**
   * The period key a query means for an item: for a balance sheet item the balance sheet date
   * of the quarter (or year, or date) asked for, for a flow the quarter (or fiscal year).
   */
  periodKey(item: Item, q: PeriodQuery): string | FormulaError {
    if (q.kind === 'span') return this.spanKey(item, q);
    let qi: number | undefined;
    if (q.kind === 'latest') {
      if (this.latestQuarter === undefined) return notAvailable('No filing is imported, so there is no LATEST period');
      qi = this.latestQuarter - q.offset;
    } else if (q.kind === 'quarter') qi = quarterIndex(q.year, q.quarter);

    if (item.instant) {
      let target: string;
      if (qi !== undefined) {
        const { year, quarter } = shiftQuarter(0, 1, qi);
        target = quarterEnd(year, quarter);
      } else if (q.kind === 'year') target = `${q.year}-12-31`;
      else if (q.kind === 'date') target = q.date;
      else return invalidValue(`Can't read ${q.input} as a period`);
      return this.nearestInstant(target) ?? target;
    }
    if (qi !== undefined) {
      const { year, quarter } = shiftQuarter(0, 1, qi);
      return `${year}Q${quarter}`;
    }
    if (q.kind === 'year') return `FY${q.year}`;
    if (q.kind === 'date') {
      const p = duration(3, q.date);
      if (p.type === 'quarter') return p.key;
      const c = quarterOf(q.date);
      return `${c.year}Q${c.quarter}`;
    }
    return invalidValue(`Can't read ${q.input} as a period`);
  }

  /** The ISO date a span ends on and its quarter index. */
  private spanEnd(q: Extract<PeriodQuery, { kind: 'span' }>): { iso: string; index: number } | FormulaError {
    const e = q.end;
    if (e.kind === 'date') return { iso: e.date, index: quarterOfPeriod({ key: e.date, type: 'instant', end: e.date, months: 0 }) };
    let index: number;
    if (e.kind === 'latest') {
      if (this.latestQuarter === undefined) return notAvailable('No filing is imported, so there is no latest quarter');
      index = this.latestQuarter - e.offset;
    } else index = quarterIndex(e.year, e.quarter);
    const { year, quarter } = shiftQuarter(0, 1, index);
    return { iso: quarterEnd(year, quarter), index };
  }

  /**
   * The key of a span of months: `9M2004-09-30`, `6M2004-06-30`, `12M2004-06-30` (LTM), `FY2004`
   * (twelve months to December). A balance has the value at the span's end (an LTM of a balance
   * is refused: balances are never summed).
   */
  private spanKey(item: Item, q: Extract<PeriodQuery, { kind: 'span' }>): string | FormulaError {
    const end = this.spanEnd(q);
    if (isFormulaError(end)) return end;
    if (item.instant) {
      if (q.ltm) return invalidValue(`${item.name} is a balance: it has no LTM (balances are never summed); ask for the balance at a date, e.g. "Q3 2004"`);
      return this.nearestInstant(end.iso) ?? end.iso;
    }
    return duration(q.months, end.iso).key;
  }

  /** The quarter index range a query covers (a year: its four quarters). */
  quarterRange(q: PeriodQuery): [number, number] | FormulaError {
    switch (q.kind) {
      case 'span': {
        const end = this.spanEnd(q);
        if (isFormulaError(end)) return end;
        return [end.index - Math.max(1, Math.round(q.months / 3)) + 1, end.index];
      }
      case 'latest':
        if (this.latestQuarter === undefined) return notAvailable('No filing is imported, so there is no LATEST period');
        return [this.latestQuarter - q.offset, this.latestQuarter - q.offset];
      case 'quarter':
        return [quarterIndex(q.year, q.quarter), quarterIndex(q.year, q.quarter)];
      case 'year':
        return [quarterIndex(q.year, 1), quarterIndex(q.year, 4)];
      case 'date': {
        const i = quarterOfPeriod({ key: q.date, type: 'instant', end: q.date, months: 0 });
        return [i, i];
      }
    }
  }

  private nearestInstant(date: string): string | undefined {
    let best: Period | undefined;
    let bestDays = Infinity;
    for (const p of this.instants) {
      const d = daysBetween(p.end, date);
      if (d < bestDays) {
        best = p;
        bestDays = d;
      }
    }
    return best && bestDays <= NEAR_DAYS ? best.key : undefined;
  }

  /** The fact of a concept at a period key: as printed, else (actuals) as derived from printed ones. */
  fact(id: string, key: string, scenario: Scenario): Fact | undefined {
    return this.dataset.get(id, key, scenario) ?? (scenario === 'actual' ? this.mpower.derived.get(id, key) : undefined);
  }

  /** A fact's value as a formula returns it: money in `scale` (default: the filings' scale), shares in `scale` (default units), percent as a fraction. */
  decimal(fact: Fact, scale: Scale | undefined): Decimal {
    switch (fact.amount.kind) {
      case 'money':
        return valueIn(fact, scale ?? this.moneyScale);
      case 'shares':
        return scale && scale !== fact.scale ? fact.value.times(SCALE_FACTOR[fact.scale]).dividedBy(SCALE_FACTOR[scale]) : fact.value;
      case 'percent':
        return fact.value.dividedBy(100);
      default:
        return fact.value;
    }
  }

  /** `decimal` as a JS number (the Excel boundary), cached per fact and scale. */
  number(fact: Fact, scale: Scale | undefined): number {
    const key = `${factKey(fact.concept, fact.period.key, fact.scenario)}|${scale ?? ''}`;
    const hit = this.numberCache.get(key);
    if (hit !== undefined) return hit;
    const n = this.decimal(fact, scale).toNumber();
    this.numberCache.set(key, n);
    return n;
  }

  /** Periods of a SERIES: for a balance, the balance sheet dates; for a flow, the quarters (printed for any item, or derived for this one). */
  seriesPeriods(item: Item): Period[] {
    if (item.instant) return this.instants;
    const quarters = new Map(this.actualPeriods.filter((p) => p.type === 'quarter').map((p) => [p.key, p]));
    for (const f of this.mpower.derived.facts()) if (f.concept === item.id && f.period.type === 'quarter') quarters.set(f.period.key, f.period);
    return [...quarters.values()].sort(comparePeriods);
  }

  /** Periods that are derived for some item and printed for none, in time order. */
  derivedPeriods(): Period[] {
    const printed = new Set(this.actualPeriods.map((p) => p.key));
    const out = new Map<string, Period>();
    for (const f of this.mpower.derived.facts()) if (!printed.has(f.period.key)) out.set(f.period.key, f.period);
    return [...out.values()].sort(comparePeriods);
  }

  /** The key of the same kind of period `months` earlier (a year earlier: 12; a quarter earlier: 3). */
  shiftedKey(item: Item, key: string, months: number): string | FormulaError {
    const p = periodOfKey(key);
    if (!p) return invalidValue(`Can't shift ${key} by ${months} months`);
    const end = addMonthsToEnd(p.end, -months);
    if (item.instant || p.type === 'instant') return this.nearestInstant(end) ?? end;
    return duration(p.months, end).key;
  }

  /** The definition changes the filings state (memoised). */
  definitionChanges(): DefinitionChange[] {
    return (this.changes ??= definitionChanges(this.dataset));
  }

  /** Why two values of a concept are not comparable (one is under a definition the other is not), or undefined. */
  definitionChangeBetween(id: string, a: Fact, b: Fact): string | undefined {
    const changes = this.definitionChanges();
    if (!changes.some((c) => c.concept === id)) return undefined;
    const sa = definitionAt(changes, id, a.period);
    const sb = definitionAt(changes, id, b.period);
    const differs = sa.find((x, i) => x.side !== sb[i].side);
    if (!differs) return undefined;
    const name = conceptById(id)?.name ?? id;
    return `${name} of ${a.period.key} and of ${b.period.key} are under different definitions, so their growth would mix them: ${describeChange(differs.change)}`;
  }

  /**
   * What a person should know beside a value: the label it was printed under when that label
   * meant this concept only then (label drift), and a definition change the period is under or
   * straddles.
   */
  notesFor(f: Fact): string[] {
    return valueNotes(f, this.dataset.releaseDate(f), this.definitionChanges());
  }

  /** What a flow (or a ratio of flows) would need to be derived for a period, or undefined when that does not apply. */
  private underivable(item: Item, key: string): string | undefined {
    const def = conceptById(item.id);
    const period = periodOfKey(key);
    if (!def || !period || period.type === 'instant') return undefined;
    const has = (id: string) => (k: string) => this.fact(id, k, 'actual') !== undefined;
    if (def.ratio) {
      const parts = [def.ratio.numerator, def.ratio.denominator].filter((id) => !has(id)(key)).map((id) => conceptById(id)?.name ?? id);
      return `needs ${parts.join(' and ')} for ${key}`;
    }
    if (!isFlow(def)) return `${def.name} is not a flow, so it is never summed or subtracted`;
    return neededFor(period, has(item.id));
  }

  /** The `#N/A` for an item missing at a period, naming the periods that exist. */
  missing(item: Item, key: string, scenario: Scenario | 'guidance'): FormulaError {
    const guidance = scenario !== 'actual';
    const have = this.periodsOf(item, guidance).map((p) => p.key);
    const what = guidance ? `${item.name} guidance` : item.name;
    let message = `No ${what} for ${key}; `;
    if (have.length) message += guidance ? `guidance periods: ${have.join(', ')}` : `imported periods: ${have.join(', ')}`;
    else if (guidance) message += `no guidance is imported for ${item.name}`;
    else message += `${item.name} is not in the imported filings (periods imported: ${this.actualPeriods.map((p) => p.key).join(', ') || 'none'})`;
    if (!guidance && have.length) {
      const why = this.underivable(item, key);
      if (why) message += `; not derivable: ${why}`;
    }
    if (!guidance && this.periodsOf(item, true).some((p) => p.key === key)) message += `; ${key} has guidance: use MPWR.GUIDANCE or add "low", "high" or "mid" to the period`;
    return notAvailable(message);
  }
}

/** The period a key names (`2004Q2`, `FY2004`, `9M2004-09-30`, `2004-06-30`), or undefined. */
export function periodOfKey(key: string): Period | undefined {
  const q = /^(\d{4})Q([1-4])$/.exec(key);
  if (q) return duration(3, quarterEnd(Number(q[1]), Number(q[2])));
  const y = /^FY(\d{4})$/.exec(key);
  if (y) return duration(12, `${y[1]}-12-31`);
  const m = /^(\d{1,2})M(\d{4}-\d\d-\d\d)$/.exec(key);
  if (m) return duration(Number(m[1]), m[2]);
  if (/^\d{4}-\d\d-\d\d$/.test(key)) return { key, type: 'instant', end: key, months: 0 };
  return undefined;
}

/** The scenario of a bound; mid is derived from both. */
export function scenarioOfBound(b: Bound): Scenario | undefined {
  return b === 'low' ? 'guidance-low' : b === 'high' ? 'guidance-high' : undefined;
}
