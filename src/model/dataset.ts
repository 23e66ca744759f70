/**
 * The Dataset: facts from many filings, merged. For each concept × period × scenario the newest
 * filing that reports it wins; an older filing's different value is kept as a restatement.
 * Within one filing a fact may be printed in several places (occurrences); the first table
 * occurrence is the primary one, text figures come after tables.
 *
 * Merging is linear: each key keeps the list of filings that print it, in release order, and
 * adding a filing inserts into the lists of its own keys only (a filing prints a few hundred
 * keys; a key is printed by a handful of filings), so N filings cost O(N) in all. Whatever order
 * the filings are added in, the result (current facts, restatements, filing order) is the same:
 * filings are ordered by release date, then file name, then text.
 */
import Decimal from 'decimal.js';
import { companyKey } from '../filing/company';
import { comparePeriods } from '../filing/periods';
import type { Filing } from '../filing/types';
import type { FilingFacts } from './facts';
import { SCALE_FACTOR, type Fact, type Period, type Restatement, type Scale, type Scenario } from './types';

export interface FilingInfo {
  file: string;
  company: string;
  ticker: string;
  date: string;
  accession: string;
  tables: number;
  facts: number;
  unmapped: number;
  /** Period keys of its actual facts, in time order. */
  periods: string[];
}

export function factKey(concept: string, period: string, scenario: Scenario): string {
  return `${concept}|${period}|${scenario}`;
}

/**
 * The key a fact is merged under: its concept, period and scenario, and for any company but
 * Mpower its company too (one company's figure is never another's restatement or answer).
 */
function mergeKey(plain: string, company: string): string {
  return company === 'mpower' ? plain : `${plain}|${company}`;
}

/** A fact's value converted to another scale (money only; other kinds are returned as they are). */
export function valueIn(fact: Fact, scale: Scale): Decimal {
  if (fact.amount.kind !== 'money' || fact.scale === scale) return fact.value;
  return fact.value.times(SCALE_FACTOR[fact.scale]).dividedBy(SCALE_FACTOR[scale]);
}

/**
 * `sum + value × coefficient`, as decimal.js computes it. A coefficient is nearly always 1 or -1:
 * then the value is added or taken away without a product first. The same result: a figure has
 * fewer digits than the precision (20), so that product is exact; a longer one, which the reader
 * warns of, is now rounded once instead of twice.
 */
export function plusTimes(sum: Decimal, value: Decimal, coefficient: number): Decimal {
  return coefficient === 1 ? sum.plus(value) : coefficient === -1 ? sum.minus(value) : sum.plus(value.times(coefficient));
}

function sameValue(a: Fact, b: Fact): boolean {
  return valueIn(a, 'units').eq(valueIn(b, 'units'));
}

/** Release order: date (undated first), then file name, then text, so that no import order can change it. */
export function filingOrder(a: Filing, b: Filing): number {
  const da = a.date || '0000';
  const db = b.date || '0000';
  if (da !== db) return da < db ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.text === b.text ? 0 : a.text < b.text ? -1 : 1;
}

const inTable = (f: Fact): boolean => f.source.table.startsWith('t');

/**
 * Tables first (in document order), then text figures: the primary occurrence leads. In place and
 * stable, as a sort by that order would be; a list already in that order (a filing lists its table
 * facts first) is only looked through.
 */
function tablesFirst(facts: Fact[]): void {
  let k = 0;
  while (k < facts.length && inTable(facts[k])) k++;
  let j = k;
  while (j < facts.length && !inTable(facts[j])) j++;
  if (j === facts.length) return;
  const tables = facts.filter(inTable);
  const text = facts.filter((f) => !inTable(f));
  tables.forEach((f, i) => { facts[i] = f; });
  text.forEach((f, i) => { facts[tables.length + i] = f; });
}

/** One filing's occurrences of one key. */
interface Printing {
  set: FilingFacts;
  facts: Fact[];
  /** Where the filing lists the first of them (document order). */
  index: number;
}

/** The index of the first element of a sorted list not before `x`. */
function lowerBound<T>(list: T[], x: T, order: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid], x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const bySet = (a: Printing, b: Printing): number => filingOrder(a.set.filing, b.set.filing);

export class Dataset {
  /** Filings in release order. */
  readonly filings: Filing[] = [];
  private readonly sets: FilingFacts[] = [];
  private readonly texts = new Set<string>();
  /** Every key's printings, oldest release first; the last one is current. */
  private readonly printings = new Map<string, Printing[]>();
  /** Restatements by key of the pair (older and newer printing), with the older release. */
  private readonly restated = new Map<string, { r: Restatement; older: Filing }>();
  /** For a key no Mpower release prints: the key of the earliest release's other company printing it (for `get` without a company). */
  private readonly others = new Map<string, string>();
  private cache: { ordered?: Printing[][]; facts?: Fact[]; restatements?: Restatement[]; periods?: Period[]; guidance?: Period[] } = {};

  constructor(sets: FilingFacts[] = []) {
    for (const s of sets) this.add(s);
  }

  /**
   * Adds a filing's facts; returns the restatements it caused. Re-adding the same filing text
   * changes nothing. Filings are ordered by release date whatever order they are added in, so an
   * older release added after a newer one is a restatement too (the newer value still wins).
   */
  add(set: FilingFacts): Restatement[] {
    if (this.texts.has(set.filing.text)) return [];
    this.texts.add(set.filing.text);
    const at = lowerBound(this.sets, set, (a, b) => filingOrder(a.filing, b.filing));
    this.sets.splice(at, 0, set);
    this.filings.splice(at, 0, set.filing);
    this.cache = {};

    // The filing's facts by key, in the order each key first appears. A key's string is built once
    // per key, not per fact: the facts are grouped by concept, period and scenario (and company).
    const mine = new Map<string, { facts: Fact[]; index: number }>();
    const groups = new Map<string, Map<string, Map<string, { facts: Fact[]; index: number }>>>();
    // A filing's facts share its company object: its key is worked out once for them.
    let keyed: Fact['company'] | undefined;
    let company = 'mpower';
    set.facts.forEach((f, index) => {
      if (f.company !== keyed) { keyed = f.company; company = f.company ? companyKey(f.company) : 'mpower'; }
      let byPeriod = groups.get(f.concept);
      if (!byPeriod) groups.set(f.concept, (byPeriod = new Map()));
      let byScenario = byPeriod.get(f.period.key);
      if (!byScenario) byPeriod.set(f.period.key, (byScenario = new Map()));
      const scenario = company === 'mpower' ? f.scenario : `${f.scenario}|${company}`;
      const entry = byScenario.get(scenario);
      if (entry) { entry.facts.push(f); return; }
      const plain = factKey(f.concept, f.period.key, f.scenario);
      const key = mergeKey(plain, company);
      if (key !== plain) {
        // The company of the earliest release printing it answers, whatever order they are added in.
        const first = this.others.get(plain);
        const firstSet = first === undefined ? undefined : this.printings.get(first)?.[0].set;
        if (first === undefined || (firstSet && filingOrder(set.filing, firstSet.filing) < 0)) this.others.set(plain, key);
      }
      const fresh = { facts: [f], index };
      byScenario.set(scenario, fresh);
      mine.set(key, fresh);
    });
    const found: Restatement[] = [];
    for (const [key, { facts, index }] of mine) {
      tablesFirst(facts);
      const mineNow: Printing = { set, facts, index };
      const list = this.printings.get(key);
      if (!list) {
        this.printings.set(key, [mineNow]);
        continue;
      }
      const i = lowerBound(list, mineNow, bySet);
      const before = list[i - 1];
      const after = list[i];
      // The pair the new printing now stands between is no longer adjacent.
      if (before && after) this.restated.delete(pairKey(key, before, after));
      list.splice(i, 0, mineNow);
      for (const [older, newer] of [[before, mineNow], [mineNow, after]] as const) {
        if (!older || !newer) continue;
        const r = restatementOf(older, newer);
        if (r) {
          this.restated.set(pairKey(key, older, newer), { r, older: older.set.filing });
          found.push(r);
        }
      }
    }
    return found;
  }

  /**
   * Every value a newer release reports differently from the release before it (actuals only:
   * a new guidance range is a revision, see `history`), in a canonical order.
   */
  get restatements(): Restatement[] {
    return [...(this.cache.restatements ??= [...this.restated.values()]
      .sort((a, b) =>
        (a.r.concept < b.r.concept ? -1 : a.r.concept > b.r.concept ? 1 : 0) ||
        (a.r.period < b.r.period ? -1 : a.r.period > b.r.period ? 1 : 0) ||
        filingOrder(a.older, b.older))
      .map((x) => x.r))];
  }

  /**
   * Every key's printings in a canonical order: time order of periods, then where the oldest
   * release printing the key lists it (release order, document order), whatever the import order.
   */
  private ordered(): Printing[][] {
    if (!this.cache.ordered) {
      const rank = new Map(this.sets.map((s, i) => [s, i]));
      const lists = [...this.printings.values()];
      const place = (l: Printing[]): number => (rank.get(l[0].set) ?? 0) * 1e7 + l[0].index;
      this.cache.ordered = lists.sort((a, b) => comparePeriods(a[a.length - 1].facts[0].period, b[b.length - 1].facts[0].period) || place(a) - place(b));
    }
    return this.cache.ordered;
  }

  /** The current (primary) fact for each key, in time order of periods (then in the order the releases print them). */
  facts(): Fact[] {
    return (this.cache.facts ??= this.ordered().map((l) => l[l.length - 1].facts[0])).slice();
  }

  /** A key's printings: Mpower's, else (a dataset of another company's release) the first other company's. */
  private find(concept: string, period: string, scenario: Scenario): Printing[] | undefined {
    const plain = factKey(concept, period, scenario);
    const list = this.printings.get(plain);
    if (list) return list;
    const other = this.others.get(plain);
    return other ? this.printings.get(other) : undefined;
  }

  get(concept: string, period: string, scenario: Scenario = 'actual'): Fact | undefined {
    const list = this.find(concept, period, scenario);
    return list?.[list.length - 1].facts[0];
  }

  /** Every place the winning filing printed this fact, primary first. */
  occurrences(concept: string, period: string, scenario: Scenario = 'actual'): Fact[] {
    const list = this.find(concept, period, scenario);
    return list ? list[list.length - 1].facts : [];
  }

  /** Every key's occurrences (for checks that compare them). */
  allOccurrences(): Fact[][] {
    return this.ordered().map((list) => list[list.length - 1].facts);
  }

  /**
   * The primary fact of every release that printed this key, oldest release first (the last one
   * is current): restatements, and the guidance ranges a later release revised.
   */
  history(concept: string, period: string, scenario: Scenario = 'actual'): Fact[] {
    return (this.find(concept, period, scenario) ?? []).map((p) => p.facts[0]);
  }

  /** The release date of the filing a fact comes from ('' when undated or not one of these filings). */
  releaseDate(f: Fact): string {
    return this.filings.find((x) => x.file === f.source.file)?.date ?? '';
  }

  /** Periods of actual facts, in time order. */
  periods(): Period[] {
    return [...(this.cache.periods ??= this.periodsWhere((f) => f.scenario === 'actual'))];
  }

  /** Periods of guidance facts, in time order. */
  guidancePeriods(): Period[] {
    return [...(this.cache.guidance ??= this.periodsWhere((f) => f.scenario !== 'actual'))];
  }

  private periodsWhere(keep: (f: Fact) => boolean): Period[] {
    const seen = new Map<string, Period>();
    for (const f of this.facts()) if (keep(f) && !seen.has(f.period.key)) seen.set(f.period.key, f.period);
    return [...seen.values()].sort(comparePeriods);
  }

  unmapped(): Fact[] {
    return this.facts().filter((f) => !f.mapped);
  }

  /** Facts as each filing reported them, in release order (for provenance and per-filing summaries). */
  filingFacts(): FilingFacts[] {
    return [...this.sets];
  }

  info(): FilingInfo[] {
    return this.sets.map(({ filing, facts }) => ({
      file: filing.file,
      company: filing.company,
      ticker: filing.ticker,
      date: filing.date,
      accession: filing.accession,
      tables: filing.tables.length,
      facts: facts.length,
      unmapped: facts.filter((f) => !f.mapped).length,
      periods: [...new Map(facts.filter((f) => f.scenario === 'actual').map((f) => [f.period.key, f.period])).values()]
        .sort(comparePeriods)
        .map((p) => p.key),
    }));
  }
}

const ids = new WeakMap<FilingFacts, number>();
let nextId = 0;
function idOf(set: FilingFacts): number {
  let id = ids.get(set);
  if (id === undefined) ids.set(set, (id = nextId++));
  return id;
}

function pairKey(key: string, older: Printing, newer: Printing): string {
  return `${key}|${idOf(older.set)}|${idOf(newer.set)}`;
}

/** The restatement between two adjacent printings of a key, when the newer reports a different actual value. */
function restatementOf(older: Printing, newer: Printing): Restatement | undefined {
  const previous = older.facts[0];
  const current = newer.facts[0];
  if (current.scenario !== 'actual' || sameValue(previous, current)) return undefined;
  return { concept: current.concept, period: current.period.key, scenario: current.scenario, previous, current };
}
