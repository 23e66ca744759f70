/**
 * Judging claims against the facts, at each claim's own printed precision: `$38.5 million` holds
 * for 38,450 to 38,549 thousand, `3.6%` for a change within half of the last printed digit, with
 * `improvement` read with the sign of the quantity (a cost improves when it falls). A claim about
 * Mpower is judged against its own filing's tables first, then the Dataset's; another company's
 * claim only against its own filing's lines (never Mpower's facts). Text figures are never the
 * counterpart of a claim (they are the claim). Pure: no Office, DOM or Node APIs.
 */
import Decimal from 'decimal.js';
import { isMpower } from '../filing/company';
import { conceptById, normalizeLabel } from '../model/concepts';
import { valueIn, type Dataset } from '../model/dataset';
import { SCALE_FACTOR, type Fact, type Scenario } from '../model/types';
import type { Claim, ClaimCoverage, ClaimedNumber, ClaimOperand, ClaimStatus, JudgedClaim } from './types';
import { spanOfKey } from './period-keys';
import { EVEN_PERCENT, NARRATIVE_CONCEPTS, SHARE_CONCEPTS, SHARE_DENOMINATOR } from './vocabulary';

const HUNDRED = new Decimal(100);

export interface JudgeContext {
  /** The facts of the claim's own filing. */
  own: Fact[];
  /** The merged Dataset (Mpower's claims may be judged by another imported filing's table). */
  dataset: Dataset;
  /** Mpower's release: the catalogue applies and the Dataset may be used. */
  catalogue: boolean;
}

function fromTable(f: Fact): boolean {
  return f.source.table.startsWith('t');
}

/** A label reduced to its words for matching prose against another company's rows: `NET INCOME/ (LOSS)` → `net income`, `Total revenues` → `revenues`, `Selling and administrative` → `selling and administrative`. */
function plainLabel(label: string): string {
  return normalizeLabel(label).replace(/\bloss\b/g, ' ').replace(/^total\s+/, '').replace(/\s+expenses$/, '').replace(/\s+/g, ' ').trim();
}

/** A fiscal period that is the one meant (`13W2024-11-02` for `3M2024-11-02`; a quarter ending June 26 for `2004Q2`). */
function samePeriod(f: Fact, wanted: { end: string; months: number }): boolean {
  const days = Math.abs(Date.parse(`${f.period.end}T00:00:00Z`) - Date.parse(`${wanted.end}T00:00:00Z`)) / 86400000;
  return f.period.months === wanted.months && days <= 7;
}

/** Finds table facts of a filing, by concept (Mpower) or by the label words (another company). */
class FactIndex {
  /** Mpower's: the first table fact of each concept, period and scenario (nested: no key string built per fact). */
  private readonly byKey = new Map<string, Map<string, Map<Scenario, Fact>>>();
  /** By label words, for another company's claims: built when the first one asks. */
  private labels: Map<string, Fact[]> | undefined;
  constructor(private readonly ctx: JudgeContext) {
    // Mpower's claims are found by concept; another company's by label words only.
    if (!ctx.catalogue) return;
    for (const f of ctx.own) {
      if (!FactIndex.counts(f)) continue;
      let byPeriod = this.byKey.get(f.concept);
      if (!byPeriod) this.byKey.set(f.concept, (byPeriod = new Map()));
      let byScenario = byPeriod.get(f.period.key);
      if (!byScenario) byPeriod.set(f.period.key, (byScenario = new Map()));
      if (!byScenario.has(f.scenario)) byScenario.set(f.scenario, f);
    }
  }

  /** A segment's, a pro forma or a change column's figures are not the company's figure for the period. */
  private static counts(f: Fact): boolean {
    return fromTable(f) && !f.member;
  }

  private get byLabel(): Map<string, Fact[]> {
    if (!this.labels) {
      this.labels = new Map();
      for (const f of this.ctx.own) {
        if (!FactIndex.counts(f)) continue;
        const l = `${plainLabel(f.label)}|${f.scenario}`;
        const list = this.labels.get(l) ?? [];
        list.push(f);
        this.labels.set(l, list);
      }
    }
    return this.labels;
  }

  /** `ownOnly`: the claim's own filing's tables only (guidance: a range is the release's own, and another release's range for the same period may have been revised). */
  get(claim: Claim, concept: string | undefined, period: string | undefined, scenario: Scenario, ownOnly = false): Fact | undefined {
    if (!period) return undefined;
    if (concept && this.ctx.catalogue) {
      const own = this.byKey.get(concept)?.get(period)?.get(scenario);
      if (own || ownOnly) return own;
      return this.ctx.dataset.occurrences(concept, period, scenario).find((f) => fromTable(f) && !f.member && isMpower(f.company));
    }
    if (this.ctx.catalogue || !claim.quantity.name) return undefined;
    const wanted = spanOfKey(period);
    for (const label of claim.quantity.labels ?? [claim.quantity.name]) {
      const list = this.byLabel.get(`${plainLabel(label)}|${scenario}`) ?? [];
      const hit = list.find((f) => f.period.key === period) ?? (wanted && list.find((f) => samePeriod(f, wanted)));
      if (hit) return hit;
    }
    return undefined;
  }
}

function operandOf(f: Fact): ClaimOperand {
  return {
    concept: f.concept, label: f.label, period: f.period.key, scenario: f.scenario, value: f.value, scale: f.scale,
    file: f.source.file, line: f.source.line, column: f.source.column, text: f.source.text,
  };
}

/** A fact's value in the claim's scale (money), or as it is (percent, per share). */
function inScale(f: Fact, n: ClaimedNumber): Decimal {
  if (n.kind !== 'money' || f.amount.kind !== 'money') return f.value;
  return valueIn(f, 'units').dividedBy(SCALE_FACTOR[n.scale]);
}

/** `tie` when equal, `rounding` when equal at the printed decimals, else `break`; bounds (`more than`) hold or not. */
function compare(actual: Decimal, n: ClaimedNumber): ClaimStatus {
  if (n.bound === 'more') return actual.gt(n.value) ? 'tie' : 'break';
  if (n.bound === 'less') return actual.lt(n.value) ? 'tie' : 'break';
  if (actual.eq(n.value)) return 'tie';
  return actual.toDecimalPlaces(n.decimals, Decimal.ROUND_HALF_UP).eq(n.value) ? 'rounding' : 'break';
}

function worst(a: ClaimStatus, b: ClaimStatus): ClaimStatus {
  const order: ClaimStatus[] = ['tie', 'rounding', 'break'];
  return order[Math.max(order.indexOf(a), order.indexOf(b))];
}

/** +1 when an increase of the concept is better for the company (income), -1 when worse (a cost). */
export function betterSign(concept: string | undefined): 1 | -1 {
  const c = concept ? conceptById(concept) ?? NARRATIVE_CONCEPTS.find((x) => x.id === concept) : undefined;
  return c?.nature === 'expense' ? -1 : 1;
}

/** Whether a change of `delta` (in the canonical sign) goes the way the direction word says; `named` is -1 for a quantity named as a loss. */
function directionHolds(direction: Claim['direction'], delta: Decimal, named: 1 | -1, concept: string | undefined, base: Decimal): boolean {
  const namedDelta = delta.times(named);
  switch (direction) {
    case 'up': return namedDelta.gt(0);
    case 'down': return namedDelta.lt(0);
    case 'better': return delta.times(betterSign(concept)).gt(0);
    case 'worse': return delta.times(betterSign(concept)).lt(0);
    case 'even': return base.isZero() ? delta.isZero() : delta.abs().dividedBy(base.abs()).times(HUNDRED).lte(EVEN_PERCENT);
    default: return true;
  }
}

function describe(f: Fact): string {
  return `${f.label} ${f.period.key} ${f.amount.text} (line ${f.source.line})`;
}

function scopeName(claim: Claim): string {
  return claim.quantity.name || claim.quantity.text || 'the quantity';
}

function unlinked(claim: Claim, reason: string): JudgedClaim {
  return { ...claim, status: 'unlinked', actual: null, stated: stated(claim), operands: [], reason };
}

function stated(claim: Claim): Decimal | null {
  const n = claim.claimed;
  if (!n) return null;
  const named = claim.quantity.loss ? -1 : 1;
  if (claim.form === 'change') {
    // A change in the quantity's own terms: `up` +, `down` −, an improvement of a cost or a loss −.
    const d = claim.direction;
    const better = betterSign(claim.quantity.concept) * named;
    const sign = d === 'down' ? -1 : d === 'better' ? better : d === 'worse' ? -better : 1;
    return n.value.times(sign);
  }
  return n.value.times(named);
}

function judgeOne(claim: Claim, index: FactIndex, ctx: JudgeContext): JudgedClaim {
  const q = claim.quantity;
  if (claim.unread) return unlinked(claim, claim.unread);
  if (ctx.catalogue && !q.concept) return unlinked(claim, `the words "${q.text}" name no concept of the catalogue`);
  const narrativeOnly = q.concept ? NARRATIVE_CONCEPTS.find((c) => c.id === q.concept) : undefined;
  if (narrativeOnly) {
    // The fact stated on this claim's line, if the text made one (a sentence that names its own period).
    const kept = ctx.own.find((f) => f.concept === narrativeOnly.id && f.source.line === claim.claimed?.line && f.source.column[0] === claim.claimed.span[0]);
    return unlinked(claim, kept
      ? `no table prints ${narrativeOnly.name.toLowerCase()}: kept as a narrative fact (=MPWR.VALUE("${narrativeOnly.id}", "${kept.period.key}"))`
      : `no table prints ${narrativeOnly.name.toLowerCase()}, and the sentence ${claim.periodImplied ? 'names no period for it' : 'does not name it'}: not kept as a fact`);
  }
  const named: 1 | -1 = q.loss ? -1 : 1;
  const missing = (period: string | undefined, scenario: Scenario = 'actual') =>
    unlinked(claim, ctx.catalogue
      ? `no ${scopeName(claim)}${scenario === 'actual' ? '' : ' guidance'} for ${period} in a table of the imported filings`
      : `another company's release: judged only by its own tables, and none prints "${scopeName(claim)}" for ${period}`);

  switch (claim.form) {
    case 'amount': {
      const n = claim.claimed as ClaimedNumber;
      const f = index.get(claim, q.concept, claim.period, 'actual');
      if (!f) return missing(claim.period);
      if (f.amount.kind !== n.kind && !(n.kind === 'money' && f.amount.kind === 'money')) {
        return unlinked(claim, `${describe(f)} is a ${f.amount.kind} figure; the text states ${n.kind}`);
      }
      const actual = inScale(f, n);
      const status = compare(actual.times(named), n);
      return judged(claim, status, actual, [f], status === 'break' ? `the text says ${n.text}${q.loss ? ' (a loss)' : ''}; the table prints ${describe(f)}` : undefined);
    }
    case 'share': {
      const n = claim.claimed as ClaimedNumber;
      const numerator = q.concept ? index.get(claim, q.concept, claim.period, 'actual') : undefined;
      const denominator = index.get(claim, SHARE_DENOMINATOR, claim.period, 'actual');
      const pctConcept = q.concept ? SHARE_CONCEPTS[q.concept] : undefined;
      const pct = pctConcept ? index.get(claim, pctConcept, claim.period, 'actual') : undefined;
      let actual: Decimal | undefined;
      const ops: Fact[] = [];
      if (numerator && denominator && !denominator.value.isZero()) {
        actual = valueIn(numerator, 'units').dividedBy(valueIn(denominator, 'units')).times(HUNDRED);
        ops.push(numerator, denominator);
        if (pct) ops.push(pct);
      } else if (pct) {
        actual = pct.value;
        ops.push(pct);
      } else if (!ctx.catalogue) {
        const f = index.get(claim, undefined, claim.period, 'actual');
        if (f && f.amount.kind === 'percent') { actual = f.value; ops.push(f); }
      }
      if (!actual) return missing(claim.period);
      const status = compare(actual.times(named), n);
      return judged(claim, status, actual, ops, status === 'break' ? `the text says ${n.text} of revenue; the tables give ${actual.toDecimalPlaces(2).toString()}%` : undefined);
    }
    case 'change':
    case 'comparison': {
      const cur = index.get(claim, q.concept, claim.period, 'actual');
      if (claim.direction === 'above' || claim.direction === 'below') {
        const high = index.get(claim, q.concept, claim.period, 'guidance-high');
        const low = index.get(claim, q.concept, claim.period, 'guidance-low');
        if (!cur) return missing(claim.period);
        if (!high || !low) return missing(claim.period, 'guidance-high');
        const ok = claim.direction === 'above' ? cur.value.gt(valueIn(high, cur.scale)) : cur.value.lt(valueIn(low, cur.scale));
        return judged(claim, ok ? 'tie' : 'break', cur.value, [cur, claim.direction === 'above' ? high : low],
          ok ? undefined : `the text says ${claim.directionWord?.text} guidance; ${describe(cur)} against the range ${low.amount.text} to ${high.amount.text}`);
      }
      const base = index.get(claim, q.concept, claim.base, 'actual');
      if (!cur) return missing(claim.period);
      if (!base) return missing(claim.base);
      const curU = valueIn(cur, 'units');
      const baseU = valueIn(base, 'units');
      const delta = curU.minus(baseU);
      const dirOk = directionHolds(claim.direction, delta, named, q.concept, baseU);
      const dirWhy = `the text says "${claim.directionWord?.text}"; the tables go from ${describe(base)} to ${describe(cur)}`;
      if (claim.form === 'comparison') {
        const pct = baseU.isZero() ? null : delta.times(named).dividedBy(baseU.abs()).times(HUNDRED);
        return judged(claim, dirOk ? 'tie' : 'break', pct, [cur, base], dirOk ? undefined : dirWhy);
      }
      const n = claim.claimed as ClaimedNumber;
      let magnitude: Decimal;
      let actual: Decimal;
      if (n.kind === 'percent') {
        if (baseU.isZero()) return unlinked(claim, `a change from zero (${describe(base)}) has no percentage`);
        actual = delta.times(named).dividedBy(baseU.abs()).times(HUNDRED);
        magnitude = actual.abs();
      } else {
        actual = delta.times(named).dividedBy(SCALE_FACTOR[n.scale]);
        magnitude = actual.abs();
      }
      const status = dirOk || !claim.direction ? compare(magnitude, n) : 'break';
      const why = !dirOk && claim.direction ? dirWhy : `the text says ${n.text}; the tables give ${magnitude.toDecimalPlaces(n.decimals + 2).toString()}${n.kind === 'percent' ? '%' : ''} from ${describe(base)} to ${describe(cur)}`;
      return judged(claim, status, actual, [cur, base], status === 'break' ? why : undefined);
    }
    case 'range': {
      const lo = claim.claimed as ClaimedNumber;
      const hi = claim.high as ClaimedNumber;
      const low = index.get(claim, q.concept, claim.period, 'guidance-low', true);
      const high = index.get(claim, q.concept, claim.period, 'guidance-high', true);
      if (!low || !high) {
        return unlinked(claim, ctx.catalogue
          ? `no table prints ${scopeName(claim)} guidance for ${claim.period} in this release: the range stands as stated (guidance facts from the text)`
          : `another company's release: no table of its own prints this range`);
      }
      const status = worst(compare(inScale(low, lo), lo), compare(inScale(high, hi), hi));
      return judged(claim, status, inScale(low, lo), [low, high], status === 'break' ? `the text says ${lo.text} to ${hi.text}; the table prints ${low.amount.text} to ${high.amount.text} (line ${low.source.line})` : undefined);
    }
  }
}

function judged(claim: Claim, status: ClaimStatus, actual: Decimal | null, facts: Fact[], reason?: string): JudgedClaim {
  return { ...claim, status, actual, stated: stated(claim), operands: facts.map(operandOf), ...(reason ? { reason } : {}) };
}

/** Judges the claims of one filing. */
export function judgeClaims(claims: Claim[], ctx: JudgeContext): JudgedClaim[] {
  const index = new FactIndex(ctx);
  return claims.map((c) => {
    const j = judgeOne(c, index, ctx);
    if (j.status !== 'break' || ctx.catalogue) return j;
    // Another company's line found by its words alone may be of another scope (a segment, one
    // business): agreement is evidence of the link, disagreement is not a break.
    return { ...j, status: 'unlinked', reason: `matched by its words only, and it disagrees (${j.reason ?? 'the figures differ'}): the text may speak of a part of the company; not asserted` };
  });
}

export function claimCoverage(claims: JudgedClaim[]): ClaimCoverage {
  const c: ClaimCoverage = { found: claims.length, linked: 0, tie: 0, rounding: 0, break: 0, unlinked: 0 };
  for (const x of claims) {
    c[x.status]++;
    if (x.status !== 'unlinked') c.linked++;
  }
  return c;
}
