/**
 * Derived periods: figures no release prints but that follow from printed ones, each a Fact
 * carrying its `derivation` (kind, formula in period keys, operand facts with coefficients).
 *
 * - A quarter from year-to-date figures: the last quarter of a printed duration is that duration
 *   less the one before it with the same start (Q4 = FY − 9M, Q3 = 9M − 6M, Q2 = 6M − Q1), the
 *   shorter one printed or the sum of its quarters (Q3 = 9M − Q1 − Q2 where no 6M is printed).
 * - A year to date, a fiscal year and an LTM (twelve months to a quarter's end, `12M2004-06-30`;
 *   the LTM to December is the fiscal year) from the sum of their quarters, printed or derived.
 * - A ratio defined on its concept (Adjusted EBITDA % of revenue) for a derived period,
 *   recomputed from its derived operands.
 *
 * Flows only (money concepts of the statement of operations and the non-GAAP measures): balances,
 * share counts, per-share amounts and percentages are never summed or subtracted. Catalogue
 * (mapped) actual facts only: guidance and other companies' rows are not derived.
 *
 * A printed figure always wins over a derived one. Where a period is both printed and derivable
 * from printed figures only, the pair is an `Agreement`, which the engine turns into a check
 * (`src/reconcile/engine.ts`): a printed year against the sum of its printed quarters, else a
 * printed quarter against the printed durations it is the difference of.
 *
 * Everything is computed once from the Dataset, deterministically (sorted keys), so the same
 * filings give the same derived facts whatever their import order. Cost: linear in the facts.
 */
import Decimal from 'decimal.js';
import { duration, isoDate, lastDayOfMonth } from '../filing/periods';
import { CONCEPTS, conceptById, type ConceptDef } from './concepts';
import { plusTimes, valueIn, type Dataset } from './dataset';
import type { Derivation, Fact, Period } from './types';

/** A printed figure and the same period derived from other printed figures. */
export interface Agreement {
  printed: Fact;
  derived: Fact;
}

/** Concepts whose values add up over time: money flows. */
export function isFlow(c: ConceptDef | undefined): boolean {
  return !!c && c.kind === 'money' && c.periodType === 'duration' && (c.nature === 'income' || c.nature === 'expense');
}

/** Months since year 0 of the month a period ends in (the period covers the months (end − months, end]). */
function monthOf(end: string): number {
  const [y, m] = end.split('-').map(Number);
  return y * 12 + (m - 1);
}

function monthEnd(month: number): string {
  const y = Math.floor(month / 12);
  const m = (month % 12) + 1;
  return isoDate(y, m, lastDayOfMonth(y, m));
}

/** The calendar-aligned span of a printed flow period: a duration of whole quarters ending on a quarter's last day. */
function spanOf(p: Period): { start: number; end: number } | undefined {
  if (p.type === 'instant' || p.months < 3 || p.months % 3 !== 0) return undefined;
  const end = monthOf(p.end);
  if (end % 3 !== 2 || p.end !== monthEnd(end)) return undefined;
  return { start: end - p.months, end };
}

/** The canonical period of the months (start, end]: `2004Q2`, `FY2004`, `9M2004-09-30`, `12M2004-06-30`. */
export function periodOfSpan(start: number, end: number): Period {
  return duration(end - start, monthEnd(end));
}

/** A span's key: a number, not a string per fact (months count from year 0: below 120,000 for any four-digit year). */
const spanKey = (start: number, end: number): number => start * 1000000 + end;

function decimalsOf(facts: Fact[]): number {
  return facts.reduce((m, f) => Math.max(m, f.amount.decimals), 0);
}

/** A derived fact of `concept` for `period`: Σ coefficient × operand, in the scale of the first operand. */
function sumFact(concept: ConceptDef, period: Period, kind: 'sum' | 'difference', operands: { fact: Fact; coefficient: 1 | -1 }[]): Fact {
  const first = operands[0].fact;
  const value = operands.reduce((s, o) => plusTimes(s, valueIn(o.fact, first.scale), o.coefficient), new Decimal(0));
  const formula = operands
    .map((o, i) => (i === 0 ? (o.coefficient < 0 ? '−' : '') : o.coefficient < 0 ? ' − ' : ' + ') + o.fact.period.key)
    .join('');
  return derivedFact(concept, period, value, first, decimalsOf(operands.map((o) => o.fact)), { kind, formula, operands });
}

function derivedFact(concept: ConceptDef, period: Period, value: Decimal, like: Fact, decimals: number, derivation: Derivation): Fact {
  return {
    company: like.company,
    concept: concept.id,
    mapped: true,
    label: concept.name,
    period,
    scenario: 'actual',
    value,
    presentedSign: 1,
    amount: { value, kind: concept.kind, text: value.toString(), decimals },
    scale: concept.kind === 'money' ? like.scale : 'units',
    source: { file: '', line: 0, column: [0, 0], table: 'derived', tableTitle: 'Derived', text: derivation.formula },
    statement: like.statement,
    derivation,
  };
}

/** The printed facts a fact rests on: itself when printed, else the printed facts under its derivation (each once, in order). */
export function printedOperands(f: Fact): Fact[] {
  if (!f.derivation) return [f];
  const out: Fact[] = [];
  const seen = new Set<Fact>();
  for (const o of f.derivation.operands) {
    for (const p of printedOperands(o.fact)) {
      if (!seen.has(p)) {
        seen.add(p);
        out.push(p);
      }
    }
  }
  return out;
}

/** One concept's printed flows, by span. */
interface Flows {
  concept: ConceptDef;
  /** Printed quarters by end month. */
  quarters: Map<number, Fact>;
  /** Printed durations longer than a quarter, by span key, sorted by end then length. */
  durations: { start: number; end: number; fact: Fact }[];
  bySpan: Map<number, Fact>;
}

export class DerivedFacts {
  private readonly byKey = new Map<string, Fact>();
  private readonly list: Fact[] = [];
  private readonly agreementList: Agreement[] = [];

  constructor(private readonly dataset: Dataset) {
    const flows = new Map<string, Flows>();
    // The facts of a column share one period object: each one's span is worked out once.
    const spans = new Map<Period, { start: number; end: number } | undefined>();
    for (const f of dataset.facts()) {
      if (!f.mapped || f.scenario !== 'actual' || f.member) continue;
      const c = conceptById(f.concept);
      if (!isFlow(c) || !c) continue;
      let span = spans.get(f.period);
      if (span === undefined && !spans.has(f.period)) spans.set(f.period, (span = spanOf(f.period)));
      if (!span) continue;
      let entry = flows.get(c.id);
      if (!entry) flows.set(c.id, (entry = { concept: c, quarters: new Map(), durations: [], bySpan: new Map() }));
      entry.bySpan.set(spanKey(span.start, span.end), f);
      if (span.end - span.start === 3) entry.quarters.set(span.end, f);
      else entry.durations.push({ ...span, fact: f });
    }
    // Catalogue order, then time order: the same derived facts in the same order whatever the import order.
    for (const c of CONCEPTS) {
      const entry = flows.get(c.id);
      if (!entry) continue;
      entry.durations.sort((a, b) => a.end - b.end || a.start - b.start);
      this.deriveFlows(entry);
    }
    this.deriveRatios();
    this.list.sort((a, b) => (a.period.end < b.period.end ? -1 : a.period.end > b.period.end ? 1 : a.period.months - b.period.months));
  }

  private add(f: Fact): void {
    this.byKey.set(`${f.concept}|${f.period.key}`, f);
    this.list.push(f);
  }

  /** A printed or derived fact of a concept for a period key. */
  private any(concept: string, key: string): Fact | undefined {
    return this.dataset.get(concept, key) ?? this.byKey.get(`${concept}|${key}`);
  }

  private deriveFlows(e: Flows): void {
    const quarters = new Map(e.quarters); // printed, then derived ones added
    // The quarters (start, end] covered by quarters at hand, or undefined when one is missing.
    const quartersOf = (start: number, end: number, from: Map<number, Fact>): Fact[] | undefined => {
      const out: Fact[] = [];
      for (let m = start + 3; m <= end; m += 3) {
        const q = from.get(m);
        if (!q) return undefined;
        out.push(q);
      }
      return out;
    };
    // The months (start, end] as operands: a printed duration of exactly that span, else its quarters.
    const rest = (start: number, end: number, from: Map<number, Fact>): Fact[] | undefined => {
      if (end === start) return [];
      const printed = e.bySpan.get(spanKey(start, end));
      return printed ? [printed] : quartersOf(start, end, from);
    };

    // Agreements, from printed figures only.
    for (const d of e.durations) {
      const qs = quartersOf(d.start, d.end, e.quarters);
      if (qs) {
        this.agreementList.push({ printed: d.fact, derived: sumFact(e.concept, d.fact.period, 'sum', qs.map((fact) => ({ fact, coefficient: 1 }))) });
        continue;
      }
      const last = e.quarters.get(d.end);
      const before = rest(d.start, d.end - 3, e.quarters);
      if (last && before) {
        this.agreementList.push({ printed: last, derived: sumFact(e.concept, last.period, 'difference', [{ fact: d.fact, coefficient: 1 }, ...before.map((fact) => ({ fact, coefficient: -1 as const }))]) });
      }
    }

    // Quarters from printed durations: the one quarter of a duration not at hand is the duration
    // less the months before it (a printed shorter duration with the same start, or quarters) and
    // the quarters after it; repeated until none is new (Q3 = 9M − Q1 − Q2 may need Q2 = 6M − Q1 first).
    for (let changed = true; changed; ) {
      changed = false;
      for (const d of e.durations) {
        const missing: number[] = [];
        for (let m = d.start + 3; m <= d.end && missing.length < 2; m += 3) if (!quarters.has(m)) missing.push(m);
        if (missing.length !== 1) continue;
        const end = missing[0];
        const before = rest(d.start, end - 3, quarters);
        const after = quartersOf(end, d.end, quarters);
        if (!before || !after) continue;
        const q = sumFact(e.concept, periodOfSpan(end - 3, end), 'difference', [
          { fact: d.fact, coefficient: 1 },
          ...[...before, ...after].map((fact) => ({ fact, coefficient: -1 as const })),
        ]);
        quarters.set(end, q);
        this.add(q);
        changed = true;
      }
    }

    // Year to date, fiscal year and LTM to every quarter's end, where not printed.
    for (const end of [...quarters.keys()].sort((a, b) => a - b)) {
      const ytd = ((end % 12) + 1); // months since the start of the calendar year
      const spans = ytd === 12 ? [12] : [ytd, 12];
      for (const months of spans) {
        if (months === 3 || e.bySpan.has(spanKey(end - months, end))) continue;
        const qs = quartersOf(end - months, end, quarters);
        if (!qs) continue;
        this.add(sumFact(e.concept, periodOfSpan(end - months, end), 'sum', qs.map((fact) => ({ fact, coefficient: 1 }))));
      }
    }
  }

  /** Ratios defined on concepts, for every derived period of their operands (not printed). */
  private deriveRatios(): void {
    for (const c of CONCEPTS) {
      if (!c.ratio) continue;
      const { numerator, denominator, factor } = c.ratio;
      const periods = new Map<string, Period>();
      for (const f of this.list) if (f.concept === numerator || f.concept === denominator) periods.set(f.period.key, f.period);
      for (const [key, period] of periods) {
        if (this.dataset.get(c.id, key)) continue;
        const num = this.any(numerator, key);
        const den = this.any(denominator, key);
        if (!num || !den || valueIn(den, num.scale).isZero()) continue;
        const value = valueIn(num, num.scale).dividedBy(valueIn(den, num.scale)).times(factor);
        this.add(derivedFact(c, period, value, num, 1, {
          kind: 'ratio',
          formula: `${numerator} ÷ ${denominator}${factor === 1 ? '' : ` × ${factor}`} (${key})`,
          operands: [{ fact: num, coefficient: 1 }, { fact: den, coefficient: -1 }],
          factor,
        }));
      }
    }
  }

  /** The derived fact of a concept for a period key (undefined where it is printed or cannot be derived). */
  get(concept: string, period: string): Fact | undefined {
    return this.byKey.get(`${concept}|${period}`);
  }

  /** Every derived fact, in time order of periods. */
  facts(): Fact[] {
    return [...this.list];
  }

  /** Periods printed and derivable from other printed figures, with the derivation. */
  agreements(): Agreement[] {
    return [...this.agreementList];
  }
}

/**
 * What a period of a flow would need to be derived, in words (for `#N/A` messages): a quarter, a
 * year-to-date figure ending with it and the one before; a longer period, its quarters.
 */
export function neededFor(period: Period, has: (key: string) => boolean): string {
  const span = spanOf(period);
  if (!span) return `${period.key} is not a run of calendar quarters, so it cannot be derived`;
  const keyOf = (s: number, e: number) => periodOfSpan(s, e).key;
  if (span.end - span.start === 3) {
    const yearStart = span.end - (span.end % 12) - 1;
    if (span.start === yearStart) return `${period.key} opens its year, so only a release can print it`;
    return `needs ${keyOf(yearStart, span.end)} and ${keyOf(yearStart, span.start)} (the years to date with and without it)`;
  }
  const missing: string[] = [];
  for (let m = span.start + 3; m <= span.end; m += 3) {
    const k = keyOf(m - 3, m);
    if (!has(k)) missing.push(k);
  }
  return `needs its quarters ${keyOf(span.start, span.start + 3)} to ${keyOf(span.end - 3, span.end)}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`;
}

/** Derived facts of a Dataset. */
export function derivePeriods(dataset: Dataset): DerivedFacts {
  return new DerivedFacts(dataset);
}
