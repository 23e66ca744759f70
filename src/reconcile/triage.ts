/**
 * Triage of checks: the order a person reads them in, the likely culprit of a break, and breaks
 * a user has accepted (a known plug of the filing) with a reason. Pure.
 *
 * Likely culprit: for a break, each printed number it uses is changed one digit at a time (every
 * other digit in each place). A change counts when it makes the break tie (or round) and breaks
 * no other check that uses the same printed number; its score is the number of breaking checks it
 * mends. The culprit is the one printed number with the best score, named only when no other
 * number reaches that score: a single corrupted subtotal breaks two checks and only it mends
 * both; a plug that any of three terms could absorb names none.
 */
import Decimal from 'decimal.js';
import { plusTimes } from '../model/dataset';
import { ratioOf, statusOf } from './check';
import { RULES } from './rules';
import type { Check, CheckOperand, CheckStatus, Culprit } from '../model/types';

/** Reading order: what needs a person first. */
export const STATUS_ORDER: CheckStatus[] = ['break', 'unverified', 'incomplete', 'rounding', 'tie'];

/** Checks in reading order, in their own order within a status (`Array.prototype.sort` is stable). */
export function sortChecks<T extends { status: CheckStatus }>(checks: T[]): T[] {
  return [...checks].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

const RULE_TYPE = new Map(RULES.map((r) => [r.id, r.type]));

function cellKey(o: CheckOperand): string | undefined {
  return o.column && o.line !== null && o.unit && o.value !== null ? `${o.file}\u0000${o.line}\u0000${o.column[0]}` : undefined;
}

/**
 * A check's reported less computed value with some operands' values replaced (same arithmetic as
 * the engine), or null when a side cannot be computed. Not for same-fact checks.
 */
function differenceWith(check: Check, values: (Decimal | null)[]): Decimal | null {
  const type = RULE_TYPE.get(check.rule);
  const ops = check.operands;
  let reported: Decimal | null;
  let computed: Decimal | null;
  if (type === 'ratio') {
    reported = values[0];
    computed = values[1] && values[2] && !values[2].isZero() ? ratioOf(values[1], values[2], ops[1].coefficient) : null;
  } else if (type === 'rollforward') {
    reported = values[0] && values[1] ? values[0].minus(values[1]) : null;
    computed = values[2];
  } else {
    reported = values[0];
    computed = new Decimal(0);
    for (let i = 1; i < ops.length; i++) {
      const v = values[i];
      if (v === null) continue; // a missing optional term (a missing required one makes the check incomplete, never a break)
      computed = plusTimes(computed, v, ops[i].coefficient);
    }
  }
  return reported === null || computed === null ? null : reported.minus(computed);
}

const isSameFact = (check: Check): boolean => check.rule.startsWith('same-fact:');

/** The check's status with some operands' values replaced (same arithmetic as the engine). */
function statusWith(check: Check, values: (Decimal | null)[]): CheckStatus {
  if (isSameFact(check)) {
    // One figure printed in several places: the first place (operand 1) against each other place.
    const first = values[1];
    if (first === null) return 'incomplete';
    return sameFactWith('tie', first, values.filter((v, i): v is Decimal => i !== 1 && v !== null), check.tolerance);
  }
  return statusOf(differenceWith(check, values), check.tolerance);
}

/**
 * Decimals in numeric order. Each is compared by its nearest double first (rounding to a double
 * keeps order: two whose doubles differ are in the doubles' order), exactly only where the doubles
 * are equal; decimal.js's own comparison copies its argument on every call.
 */
function numericOrder(values: Decimal[]): Decimal[] {
  const keyed = values.map((value) => ({ value, near: value.toNumber() }));
  keyed.sort((a, b) => a.near - b.near || a.value.comparedTo(b.value));
  return keyed.map((k) => k.value);
}

/**
 * The candidates (in their own order) that leave the break `b` unbroken when they stand for its
 * operands `at`. Where one operand changes, the break's difference moves one way as the candidate
 * does (a sum is monotone in each term, a ratio in its numerator and, away from zero, its
 * denominator, a roll-forward in each balance; Decimal's rounding keeps order), so the candidates
 * that mend it are one run of them in numeric order: its ends are found by bisection, trying a
 * handful of candidates rather than each. A zero is tried on its own (a ratio over it has no value).
 */
export function mendingCandidates(b: Check, at: number[], candidates: Decimal[]): Decimal[] {
  const valuesWith = (candidate: Decimal): (Decimal | null)[] => {
    const values = b.operands.map((x) => x.value);
    for (const i of at) values[i] = candidate.times(b.operands[i].unit as Decimal);
    return values;
  };
  const mends = (candidate: Decimal): boolean => statusWith(b, valuesWith(candidate)) !== 'break';
  if (isSameFact(b) || at.length !== 1) return candidates.filter(mends);
  const sorted = numericOrder(candidates.filter((c) => !c.isZero()));
  if (sorted.length === 0) return candidates.filter(mends);
  const diff = (k: number): Decimal | null => differenceWith(b, valuesWith(sorted[k]));
  const low = diff(0);
  const high = diff(sorted.length - 1);
  if (low === null || high === null) return candidates.filter(mends);
  const rising = low.lte(high);
  const tolerance = b.tolerance;
  // The first candidate at or past the point where `past` turns true (false … false true … true).
  const firstWhere = (past: (d: Decimal) => boolean, from = 0): number => {
    let lo = from;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (past(diff(mid) as Decimal)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // Rising: the run starts where the difference reaches -tolerance and ends before it passes +tolerance.
  const below = tolerance.negated();
  const from = firstWhere(rising ? (d) => d.gte(below) : (d) => d.lte(tolerance));
  // Past the far end is past the near one too: the far end is looked for from the near one on.
  const to = firstWhere(rising ? (d) => d.gt(tolerance) : (d) => d.lt(below), from);
  const run = new Set(sorted.slice(from, to));
  return candidates.filter((c) => run.has(c) || (c.isZero() && mends(c)));
}

/**
 * A same-fact check's status (as `statusWith` gives it) from the status of its other places
 * (`rest`, the first place among them) and the values of the changed places.
 */
function sameFactWith(rest: CheckStatus, first: Decimal, changed: Decimal[], tolerance: Decimal): CheckStatus {
  if (rest === 'incomplete' || rest === 'break') return rest;
  let worst = rest;
  for (const v of changed) {
    const d = v.minus(first).abs();
    if (d.gt(tolerance)) return 'break';
    if (!d.isZero()) worst = 'rounding';
  }
  return worst;
}

/** Every number that differs from `printed` in exactly one digit (same number of digits, same sign). */
export function oneDigitChanges(printed: Decimal): Decimal[] {
  const text = printed.abs().toFixed();
  const out: Decimal[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] < '0' || text[i] > '9') continue;
    for (let d = 0; d <= 9; d++) {
      const digit = String(d);
      if (digit === text[i]) continue;
      const changed = new Decimal(text.slice(0, i) + digit + text.slice(i + 1));
      out.push(printed.isNegative() ? changed.negated() : changed);
    }
  }
  return out;
}

interface Use { check: Check; index: number }

/** Sets `culprit` on each break whose likely wrong number stands out; returns the checks. */
export function markCulprits(checks: Check[]): Check[] {
  const breaks = checks.filter((c) => c.status === 'break');
  if (breaks.length === 0) return checks;
  // Where each printed number of a break is used (only those: the other cells are never changed).
  const uses = new Map<string, Use[]>();
  const lines = new Set<number>();
  for (const b of breaks) {
    for (const o of b.operands) {
      const k = cellKey(o);
      if (k && o.line !== null) { uses.set(k, []); lines.add(o.line); }
    }
  }
  for (const check of checks) {
    check.operands.forEach((o, index) => {
      // The cheap test first: most operands of a long document are no break's.
      if (!o.column || o.line === null || !lines.has(o.line) || !o.unit || o.value === null) return;
      const list = uses.get(`${o.file}\u0000${o.line}\u0000${o.column[0]}`);
      if (list) list.push({ check, index });
    });
  }
  for (const b of breaks) {
    let best: { score: number; culprit: Culprit } | undefined;
    let tied = false;
    b.operands.forEach((o, index) => {
      const k = cellKey(o);
      if (!k || !o.unit || o.value === null || o.line === null) return;
      const printed = o.value.dividedBy(o.unit);
      const all = uses.get(k) ?? [];
      // Each check using this number (nothing is asserted by an unverified one), with the places it stands in.
      const using: { check: Check; at: number[]; values: (Decimal | null)[]; rest?: CheckStatus }[] = [];
      for (const u of all) {
        if (u.check.status === 'unverified') continue;
        let entry = using.find((e) => e.check === u.check);
        if (!entry) using.push((entry = { check: u.check, at: [], values: u.check.operands.map((x) => x.value) }));
        entry.at.push(u.index);
      }
      // A figure printed in many places (a long document): the status of the places this number
      // is not, worked out once; each candidate then compares only its own places with the first.
      for (const e of using) {
        if (!isSameFact(e.check) || e.at.includes(1)) continue;
        const others = e.values.slice();
        for (const i of e.at) others[i] = null;
        e.rest = statusWith(e.check, others);
      }
      const own = all.filter((u) => u.check === b).map((u) => u.index);
      let found: { score: number; value: Decimal } | undefined;
      // The break itself first: most candidates leave it broken, and then the rest need not be tried.
      for (const candidate of mendingCandidates(b, own, oneDigitChanges(printed))) {
        let score = 0;
        let ok = true;
        for (const { check, at, values, rest } of using) {
          let now: CheckStatus;
          if (rest !== undefined) now = sameFactWith(rest, values[1] as Decimal, at.map((i) => candidate.times(check.operands[i].unit as Decimal)), check.tolerance);
          else {
            const changed = values.slice();
            for (const i of at) changed[i] = candidate.times(check.operands[i].unit as Decimal);
            now = statusWith(check, changed);
          }
          if (now === 'break') { ok = false; break; }
          if (check.status === 'break') score++;
        }
        if (!ok) continue;
        const closer = found && score === found.score && candidate.minus(printed).abs().lt(found.value.minus(printed).abs());
        if (!found || score > found.score || closer) found = { score, value: candidate };
      }
      if (!found) return;
      // The same printed number used twice in one check (a rare layout) counts once.
      if (best && best.culprit.file === o.file && best.culprit.line === o.line && best.culprit.printed.eq(printed)) return;
      if (!best || found.score > best.score) {
        best = { score: found.score, culprit: { operand: index, label: o.label, file: o.file, line: o.line, printed, wouldTie: found.value } };
        tied = false;
      } else if (found.score === best.score) tied = true;
    });
    if (best && !tied) b.culprit = best.culprit;
  }
  return checks;
}

/** Breaks a user accepted: check id → reason. */
export type Acceptances = Map<string, string>;

/**
 * An accept file: one check id per line, optionally followed by a reason after blanks or a tab (a
 * `:` or `#` may stand before it: `id: reason`, `id  # reason`); blank lines and lines starting
 * with `#` are skipped. The id is the whole first word: ids hold `:` and `#` themselves
 * (`same-fact:revenue@2004Q2`, `…@2004Q3#guidance-low`).
 */
export function parseAcceptances(text: string): Acceptances {
  const out: Acceptances = new Map();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+?):?(?:\s+[:#]?\s*(.*))?$/.exec(line);
    if (!m) continue;
    out.set(m[1], m[2]?.trim() || 'accepted');
  }
  return out;
}

/** The breaks not accepted. */
export function openBreaks<T extends { id: string; status: string }>(checks: T[], accepted: Acceptances): T[] {
  return checks.filter((c) => c.status === 'break' && !accepted.has(c.id));
}
