/**
 * The Dataset: facts from many filings, merged. For each concept × period × scenario the newest
 * filing that reports it wins; an older filing's different value is kept as a restatement.
 * Within one filing a fact may be printed in several places (occurrences); the first table
 * occurrence is the primary one, text figures come after tables.
 */
import Decimal from 'decimal.js';
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

/** A fact's value converted to another scale (money only; other kinds are returned as they are). */
export function valueIn(fact: Fact, scale: Scale): Decimal {
  if (fact.amount.kind !== 'money' || fact.scale === scale) return fact.value;
  return fact.value.times(SCALE_FACTOR[fact.scale]).dividedBy(SCALE_FACTOR[scale]);
}

function sameValue(a: Fact, b: Fact): boolean {
  return valueIn(a, 'units').eq(valueIn(b, 'units'));
}

function restatementKey(r: Restatement): string {
  return `${factKey(r.concept, r.period, r.scenario)}|${r.previous.source.file}:${r.previous.source.line}|${r.current.source.file}:${r.current.source.line}`;
}

function filingOrder(a: Filing, b: Filing): number {
  return (a.date || '0000').localeCompare(b.date || '0000');
}

export class Dataset {
  readonly filings: Filing[] = [];
  readonly restatements: Restatement[] = [];
  private readonly current = new Map<string, Fact[]>();
  private readonly all: FilingFacts[] = [];

  constructor(sets: FilingFacts[] = []) {
    for (const s of sets) this.add(s);
  }

  /**
   * Adds a filing's facts; returns the restatements it caused. Re-adding the same filing text
   * changes nothing. Filings are ordered by release date whatever order they are added in, so an
   * older release added after a newer one is a restatement too (the newer value still wins).
   */
  add(set: FilingFacts): Restatement[] {
    if (this.all.some((s) => s.filing.text === set.filing.text)) return [];
    this.all.push(set);
    this.all.sort((a, b) => filingOrder(a.filing, b.filing));
    this.filings.splice(0, this.filings.length, ...this.all.map((s) => s.filing));
    const known = new Set(this.restatements.map(restatementKey));
    const found = this.rebuild().filter((r) => !known.has(restatementKey(r)));
    for (const r of found) this.restatements.push(r);
    return found;
  }

  /** Merges all filings in date order; returns every value a later filing reports differently. */
  private rebuild(): Restatement[] {
    this.current.clear();
    const restated: Restatement[] = [];
    for (const set of this.all) {
      const mine = new Map<string, Fact[]>();
      for (const f of set.facts) {
        const key = factKey(f.concept, f.period.key, f.scenario);
        const list = mine.get(key) ?? [];
        list.push(f);
        mine.set(key, list);
      }
      // Newer filings (later in `all`) overwrite older ones key by key.
      for (const [key, list] of mine) {
        list.sort((a, b) => Number(a.source.table.startsWith('t') ? 0 : 1) - Number(b.source.table.startsWith('t') ? 0 : 1));
        const old = this.current.get(key)?.[0];
        const now = list[0];
        if (old && !sameValue(old, now)) {
          restated.push({ concept: now.concept, period: now.period.key, scenario: now.scenario, previous: old, current: now });
        }
        this.current.set(key, list);
      }
    }
    return restated;
  }

  /** The current (primary) fact for each key, in time order of periods. */
  facts(): Fact[] {
    return [...this.current.values()].map((o) => o[0]).sort((a, b) => comparePeriods(a.period, b.period));
  }

  get(concept: string, period: string, scenario: Scenario = 'actual'): Fact | undefined {
    return this.current.get(factKey(concept, period, scenario))?.[0];
  }

  /** Every place the winning filing printed this fact, primary first. */
  occurrences(concept: string, period: string, scenario: Scenario = 'actual'): Fact[] {
    return this.current.get(factKey(concept, period, scenario)) ?? [];
  }

  /** Every key's occurrences (for checks that compare them). */
  allOccurrences(): Fact[][] {
    return [...this.current.values()];
  }

  /** Periods of actual facts, in time order. */
  periods(): Period[] {
    const seen = new Map<string, Period>();
    for (const f of this.facts()) if (f.scenario === 'actual' && !seen.has(f.period.key)) seen.set(f.period.key, f.period);
    return [...seen.values()].sort(comparePeriods);
  }

  /** Periods of guidance facts, in time order. */
  guidancePeriods(): Period[] {
    const seen = new Map<string, Period>();
    for (const f of this.facts()) if (f.scenario !== 'actual' && !seen.has(f.period.key)) seen.set(f.period.key, f.period);
    return [...seen.values()].sort(comparePeriods);
  }

  unmapped(): Fact[] {
    return this.facts().filter((f) => !f.mapped);
  }

  /** Facts as each filing reported them (for provenance and per-filing summaries). */
  filingFacts(): FilingFacts[] {
    return [...this.all];
  }

  info(): FilingInfo[] {
    return this.all.map(({ filing, facts }) => ({
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
