/**
 * What the task pane shows of the prose's claims: each sentence with the claimed number marked,
 * beside the table figure it was checked against (its printed line, the figure marked), as plain
 * data (no DOM), so that it can be tested in Node.
 */
import type Decimal from 'decimal.js';
import { claimCoverage, claimSubject, claimWords, type ClaimCoverage, type ClaimStatus, type JudgedClaim } from '../src/narrative';
import type { Analysis } from '../src/pipeline';

/** A piece of a text; `mark` is the words the claim or check is about. */
export interface MarkedPart {
  text: string;
  mark: boolean;
}

export interface ClaimFigureView {
  label: string;
  period: string;
  file: string;
  line: number;
  /** Column span of the figure on its line. */
  column: [number, number];
  /** The printed line, runs of blanks shortened, the figure marked. */
  parts: MarkedPart[];
}

export interface ClaimView {
  id: string;
  status: ClaimStatus;
  /** `Total Operating Revenues 2004Q2 vs 2004Q1`. */
  subject: string;
  /** The words as printed: `increased 3.6%`, `$38.5 million`, `essentially even with`. */
  words: string;
  file: string;
  /** Line of the claimed number, and its column span there. */
  line: number;
  span: [number, number];
  /** The sentence, the claimed number (or direction word) marked. */
  sentence: MarkedPart[];
  /** The table figures it was judged by. */
  figures: ClaimFigureView[];
  /** What the claim says and what the tables give, in the claim's own terms (`38.5` / `38.496`). */
  stated: string;
  actual: string;
  /** For a break or an unlinked claim: why. */
  reason?: string;
}

export interface ClaimsPreview {
  counts: ClaimCoverage;
  /** Breaks first, then unlinked, then roundings and ties, each in reading order. */
  claims: ClaimView[];
}

const ORDER: Record<ClaimStatus, number> = { break: 0, unlinked: 1, rounding: 2, tie: 3 };

function squeeze(text: string): string {
  return text.replace(/ {3,}/g, '  ');
}

function marked(text: string, span: [number, number] | undefined): MarkedPart[] {
  const raw = text.replace(/\s+$/, '');
  if (!span || span[0] < 0 || span[1] > raw.length || span[0] >= span[1]) return [{ text: squeeze(raw.trim()), mark: false }];
  return [
    { text: squeeze(raw.slice(0, span[0]).trimStart()), mark: false },
    { text: raw.slice(span[0], span[1]), mark: true },
    { text: squeeze(raw.slice(span[1])), mark: false },
  ].filter((p) => p.text.length > 0);
}

function shown(x: Decimal | null, c: JudgedClaim): string {
  if (x === null) return '—';
  const unit = c.claimed?.kind === 'percent' || c.form === 'comparison' ? '%' : '';
  const decimals = Math.min((c.claimed?.decimals ?? 1) + 2, 6);
  return `${x.toDecimalPlaces(decimals).toString().replace(/^-/, '\u2212')}${unit}`;
}

function claimView(c: JudgedClaim): ClaimView {
  return {
    id: c.id,
    status: c.status,
    subject: claimSubject(c),
    words: claimWords(c),
    file: c.file,
    line: c.line,
    span: c.span,
    sentence: marked(c.sentence, c.sentenceSpan),
    figures: c.operands.map((o) => ({ label: o.label, period: o.period, file: o.file, line: o.line, column: o.column, parts: marked(o.text, o.column) })),
    stated: shown(c.stated, c),
    actual: shown(c.actual, c),
    ...(c.reason ? { reason: c.reason } : {}),
  };
}

/** The claims of the files of this import (`names`); the rest were imported before. */
export function claimsPreviewOf(analysis: Analysis, names: string[]): ClaimsPreview {
  const mine = analysis.claims.filter((c) => names.includes(c.file));
  const claims = mine
    .map((c, i) => ({ c, i }))
    .sort((a, b) => ORDER[a.c.status] - ORDER[b.c.status] || a.i - b.i)
    .map(({ c }) => claimView(c));
  return { counts: claimCoverage(mine), claims };
}
