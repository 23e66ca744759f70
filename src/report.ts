/**
 * What `mpwr import` prints: a report a person reads (what was found, then the checks grouped by
 * status in reading order — breaks with their direction and likely culprit, accepted ones marked —
 * and ties as a count unless asked for), or JSON for programs.
 */
import type Decimal from 'decimal.js';
import { isMpower } from './filing/company';
import { checkCounts, type Analysis } from './pipeline';
import type { Check } from './model/types';
import { claimCoverage, claimKey, claimSubject, claimWords, type ClaimStatus, type JudgedClaim } from './narrative';
import { STATUS_ORDER, type Acceptances } from './reconcile/triage';

export interface ReportOptions {
  /** List every tie (default: their count only). */
  all?: boolean;
  /** Accepted breaks (check id → reason). */
  accepted?: Acceptances;
}

/** Printed lines shown per check (a figure repeated in a long document is printed in many places). */
const MAX_LINES_SHOWN = 12;


function num(d: Decimal | null): string {
  if (d === null) return '—';
  // Ratios recomputed from operands carry many digits; show enough to read.
  return d.decimalPlaces() > 6 ? d.toSignificantDigits(8).toString() : d.toString();
}

/** Which way a difference runs, in words: the printed figure against what its operands give. */
function direction(c: Check): string {
  if (c.difference === null || c.difference.isZero()) return '';
  return c.difference.isPositive() ? ' (printed above computed)' : ' (printed below computed)';
}

function checkLine(c: Check, accepted?: string): string {
  const what = `${c.status.toUpperCase().padEnd(10)} ${c.id}${accepted ? `  [accepted: ${accepted}]` : ''}`;
  if (c.status === 'tie') return `  ${what}`;
  const missing = c.operands.filter((o) => o.value === null).map((o) => o.label);
  const nums =
    c.status === 'incomplete'
      ? `missing: ${missing.join(', ')}`
      : `reported ${num(c.reported)}, computed ${num(c.computed)}, difference ${num(c.difference)}${direction(c)} (tolerance ${c.tolerance.toString()})`;
  const printedAt = c.operands.filter((o) => o.line !== null);
  const lines = printedAt.slice(0, MAX_LINES_SHOWN).map((o) => `      line ${String(o.line).padStart(4)}: ${o.text.trim()}`);
  if (printedAt.length > MAX_LINES_SHOWN) lines.push(`      … and ${printedAt.length - MAX_LINES_SHOWN} more places`);
  const culprit = c.culprit ? [`      likely culprit: line ${c.culprit.line}, ${c.culprit.label}: printed ${c.culprit.printed.toString()}; ${c.culprit.wouldTie.toString()} would add up`] : [];
  return [`  ${what}`, `      ${c.description}`, `      ${nums}`, ...culprit, ...lines].join('\n');
}

const CLAIM_ORDER: ClaimStatus[] = ['break', 'unlinked', 'rounding', 'tie'];

/** One claim; `withFile` when the claims come from several releases (each line then names its file). */
function claimLine(c: JudgedClaim, withFile: boolean, accepted?: string): string {
  const where = `${withFile ? `${c.file} ` : ''}line ${String(c.line).padStart(4)}`;
  const head = `  ${c.status.toUpperCase().padEnd(10)} ${where}  "${claimWords(c)}"  ${c.form}: ${claimSubject(c)}`;
  if (c.status === 'tie' || c.status === 'rounding') {
    const facts = c.operands.map((o) => `${withFile && o.file !== c.file ? `${o.file} ` : ''}line ${o.line}`).join(', ');
    return `${head}${c.actual ? ` = ${num(c.actual)}` : ''}${facts ? ` (${facts})` : ''}`;
  }
  const out = [c.status === 'break' ? `${head}  [${claimKey(c)}]${accepted ? `  [accepted: ${accepted}]` : ''}` : head, `      ${c.reason ?? ''}`, `      line ${String(c.sentenceLine).padStart(4)}: ${c.sentence}`];
  for (const o of c.operands) out.push(`      ${withFile && o.file !== c.file ? `${o.file} ` : ''}line ${String(o.line).padStart(4)}: ${o.text.trim()}`);
  return out.join('\n');
}

/** The claims section: counts, then breaks and unlinked claims with their reasons, then one line per claim that holds. */
export function renderClaims(claims: JudgedClaim[], all = false, accepted: Acceptances = new Map()): string[] {
  const out: string[] = [];
  const k = claimCoverage(claims);
  const withFile = new Set(claims.map((c) => c.file)).size > 1;
  const acceptedBreaks = claims.filter((c) => c.status === 'break' && accepted.has(claimKey(c))).length;
  out.push(`Claims in the text: ${k.found} — ${k.linked} linked (${k.tie} tie, ${k.rounding} rounding, ${k.break} break${acceptedBreaks ? ` (${acceptedBreaks} accepted)` : ''}), ${k.unlinked} unlinked`);
  for (const status of CLAIM_ORDER) {
    const group = claims.filter((c) => c.status === status);
    if (group.length === 0) continue;
    out.push('');
    if (status === 'tie' && !all) {
      out.push(`CLAIMS TIE (${group.length}): each says exactly what the tables print; --all lists them`);
      continue;
    }
    out.push(`CLAIMS ${status.toUpperCase()} (${group.length})`);
    for (const c of group) out.push(claimLine(c, withFile, accepted.get(claimKey(c))));
  }
  return out;
}

export function renderReport(analysis: Analysis, options: ReportOptions = {}): string {
  const accepted = options.accepted ?? new Map<string, string>();
  const out: string[] = [];
  const { dataset, checks, diagnostics } = analysis;
  for (const info of dataset.info()) {
    const filing = dataset.filings.find((f) => f.file === info.file);
    out.push(`Filing: ${info.file}`);
    out.push(`  Company:  ${info.company || '(not stated)'}${info.ticker ? ` (${info.ticker})` : ''}${info.date ? `, dated ${info.date}` : ''}${info.accession ? `, accession ${info.accession}` : ''}`);
    if (!isMpower({ name: info.company, ticker: info.ticker })) {
      out.push(`  Note:     not an Mpower Holding release: shown as read, not written to the workbook, and the =MPWR.* functions do not use its figures`);
    }
    out.push(`  Tables:   ${info.tables}${filing ? ` — ${filing.tables.map((t) => t.title).join('; ')}` : ''}`);
    out.push(`  Periods:  ${info.periods.join(', ') || '(none)'}`);
    out.push(`  Facts:    ${info.facts} (${info.facts - info.unmapped} mapped, ${info.unmapped} unmapped)`);
  }
  const guidance = dataset.guidancePeriods().map((p) => p.key);
  if (guidance.length > 0) out.push(`Guidance: ${guidance.join(', ')} (low and high ends)`);
  const unmapped = dataset.unmapped();
  if (unmapped.length > 0) {
    const labels = [...new Set(unmapped.map((f) => `${f.label} (line ${f.source.line})`))];
    out.push(`Unmapped rows: ${labels.length}`);
    for (const l of labels.slice(0, 40)) out.push(`  ${l}`);
    if (labels.length > 40) out.push(`  … and ${labels.length - 40} more`);
  }
  if (dataset.restatements.length > 0) {
    out.push(`Restatements: ${dataset.restatements.length}`);
    for (const r of dataset.restatements) {
      out.push(`  ${r.concept} ${r.period}: ${r.previous.value.toString()} (${r.previous.source.file}:${r.previous.source.line}) → ${r.current.value.toString()} (${r.current.source.file}:${r.current.source.line})`);
    }
  }
  const derived = analysis.derived.facts();
  if (derived.length > 0) {
    const periods = [...new Set(derived.map((f) => f.period.key))];
    out.push(`Derived: ${derived.length} value${derived.length === 1 ? '' : 's'} for ${periods.length} period${periods.length === 1 ? '' : 's'} no release prints (${periods.join(', ')}); MPWR.SOURCE shows how`);
  }
  for (const d of diagnostics) out.push(`${d.severity}: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`);
  const counts = checkCounts(checks);
  out.push('');
  const acceptedBreaks = checks.filter((c) => c.status === 'break' && accepted.has(c.id)).length;
  out.push(`Checks: ${checks.length} — ${counts.tie} tie, ${counts.rounding} rounding, ${counts.break} break${acceptedBreaks ? ` (${acceptedBreaks} accepted)` : ''}, ${counts.incomplete} incomplete${counts.unverified ? `, ${counts.unverified} unverified` : ''}`);
  for (const status of STATUS_ORDER) {
    const group = checks.filter((c) => c.status === status);
    if (group.length === 0) continue;
    out.push('');
    if (status === 'tie' && !options.all) {
      out.push(`TIE (${group.length}): every one adds up exactly; --all lists them`);
      continue;
    }
    out.push(`${status.toUpperCase()} (${group.length})`);
    for (const c of group) out.push(checkLine(c, accepted.get(c.id)));
  }
  if (analysis.claims.length > 0) {
    out.push('');
    out.push(...renderClaims(analysis.claims, options.all, accepted));
  }
  return out.join('\n');
}

/** A list written element by element (the facts: a long document has hundreds of thousands). */
class Lazy {
  constructor(readonly items: () => Iterable<unknown>) {}
}

/** The JSON document, key by key (the facts as a lazy list). */
function jsonDocument(analysis: Analysis, accepted: Acceptances): Record<string, unknown> {
  const { dataset, checks, diagnostics } = analysis;
  const doc = {
    filings: dataset.info(),
    facts: new Lazy(function* facts() {
      for (const { facts } of dataset.filingFacts()) for (const f of facts) yield ({
        concept: f.concept,
        label: f.label,
        period: f.period.key,
        scenario: f.scenario,
        value: f.value.toString(),
        presented: f.amount.value.toString(),
        kind: f.amount.kind,
        scale: f.scale,
        mapped: f.mapped,
        source: { file: f.source.file, line: f.source.line, column: f.source.column, table: f.source.table },
      });
    }),
    checks: checks.map((c) => ({
      id: c.id,
      rule: c.rule,
      period: c.period,
      scenario: c.scenario,
      status: c.status,
      reported: c.reported?.toString() ?? null,
      computed: c.computed?.toString() ?? null,
      difference: c.difference?.toString() ?? null,
      tolerance: c.tolerance.toString(),
      lines: c.lines,
      ...(c.culprit ? { culprit: { line: c.culprit.line, label: c.culprit.label, printed: c.culprit.printed.toString(), wouldTie: c.culprit.wouldTie.toString() } } : {}),
      ...(accepted.has(c.id) ? { accepted: accepted.get(c.id) } : {}),
    })),
    claims: analysis.claims.map((c) => ({
      id: claimKey(c),
      file: c.file,
      text: c.sentence,
      line: c.line,
      column: c.span,
      words: claimWords(c),
      form: c.form,
      quantity: c.quantity.text,
      concept: c.quantity.concept ?? null,
      period: c.period ?? null,
      base: c.base ?? null,
      scenario: c.scenario,
      direction: c.direction ?? null,
      claimed: c.stated?.toString() ?? null,
      claimedHigh: c.high ? c.high.value.toString() : null,
      scale: c.claimed?.scale ?? null,
      fact: c.actual?.toString() ?? null,
      status: c.status,
      reason: c.reason ?? null,
      ...(accepted.has(claimKey(c)) ? { accepted: accepted.get(claimKey(c)) } : {}),
      facts: c.operands.map((o) => ({ concept: o.concept, period: o.period, scenario: o.scenario, value: o.value.toString(), file: o.file, line: o.line })),
    })),
    unmapped: dataset.unmapped().map((f) => ({ concept: f.concept, label: f.label, period: f.period.key, line: f.source.line })),
    // Values no release prints, each with its derivation: the operands' periods, coefficients, files and lines.
    derived: analysis.derived.facts().map((f) => ({
      concept: f.concept,
      period: f.period.key,
      value: f.value.toString(),
      scale: f.scale,
      derivation: {
        kind: f.derivation?.kind,
        formula: f.derivation?.formula,
        operands: f.derivation?.operands.map((o) => ({ period: o.fact.period.key, concept: o.fact.concept, coefficient: o.coefficient, derived: !!o.fact.derivation, file: o.fact.source.file || null, line: o.fact.source.line || null })),
      },
    })),
    restatements: dataset.restatements.map((r) => ({
      concept: r.concept,
      period: r.period,
      scenario: r.scenario,
      previous: r.previous.value.toString(),
      current: r.current.value.toString(),
    })),
    diagnostics,
  };
  return doc;
}

const indent = (json: string, by: string): string => json.replace(/\n/g, `\n${by}`);

/**
 * The JSON of `mpwr import --json` in pieces, as `JSON.stringify(document, null, 2)` would print
 * it, without ever holding the whole text (a 10 MB filing's is some 60 MB).
 */
export function* renderJsonChunks(analysis: Analysis, accepted: Acceptances = new Map()): Generator<string> {
  const entries = Object.entries(jsonDocument(analysis, accepted));
  yield '{';
  for (let k = 0; k < entries.length; k++) {
    const [key, value] = entries[k];
    yield `${k ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (!(value instanceof Lazy)) {
      yield indent(JSON.stringify(value, null, 2), '  ');
      continue;
    }
    let n = 0;
    for (const item of value.items()) yield `${n++ ? ',' : '['}\n    ${indent(JSON.stringify(item, null, 2), '    ')}`;
    yield n ? '\n  ]' : '[]';
  }
  yield '\n}';
}
