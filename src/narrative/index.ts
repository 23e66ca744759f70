/**
 * The narrative pass: a filing's claims read (`claims.ts`), the figures no table prints kept as
 * narrative facts, and the claims judged against the facts (`judge.ts`). The pipeline calls
 * `narrativeFacts` for each filing before its facts join the Dataset, and `readFilingClaims` and
 * `judgeFilingClaims` when the claims are first asked for (a formula needs none of them).
 */
import type { Filing, Sentence } from '../filing/types';
import { filingLines, type NumberedLines } from '../filing/lines';
import type { Dataset } from '../model/dataset';
import { textFact, usesCatalogue } from '../model/facts';
import type { Fact } from '../model/types';
import { periodContext, readClaims, type ReadOptions } from './claims';
import { periodOfKey } from './period-keys';
import { judgeClaims } from './judge';
import type { Claim, JudgedClaim } from './types';
import { NARRATIVE_CONCEPTS } from './vocabulary';

export type { Claim, ClaimCoverage, ClaimForm, ClaimStatus, JudgedClaim } from './types';
export { claimCoverage } from './judge';


/** Lower-case words that name a concept stated only in text: a sentence without any of them gives no narrative fact. */
const NARRATIVE_WORDS = NARRATIVE_CONCEPTS.flatMap((c) => c.aliases.map((a) => a.toLowerCase()));

function readOptions(filing: Filing, lines: NumberedLines, only?: ReadOptions['only']): ReadOptions {
  return { catalogue: usesCatalogue(filing), lines, context: periodContext(filing), ...(only ? { only } : {}) };
}

function linesOf(filing: Filing): NumberedLines {
  return filingLines(filing);
}

/**
 * The figures a filing states only in its text (capital expenditures), as facts with their line:
 * the claims of the sentences that name such a concept, each sentence read on its own. Cheap (a
 * substring test per sentence), so the facts can join the Dataset before any formula while the
 * claims of the whole text are read on first use (`readFilingClaims`).
 */
export function narrativeFacts(filing: Filing): Fact[] {
  if (!usesCatalogue(filing)) return [];
  const names = (s: Sentence) => {
    const lower = s.text.toLowerCase();
    return NARRATIVE_WORDS.some((w) => lower.includes(w));
  };
  if (!filing.sentences.some((s) => s.kind === 'narrative' && names(s))) return [];
  const lines = linesOf(filing);
  const facts: Fact[] = [];
  for (const c of readClaims(filing, readOptions(filing, lines, names))) {
    const def = NARRATIVE_CONCEPTS.find((x) => x.id === c.quantity.concept);
    const period = c.period ? periodOfKey(c.period) : undefined;
    // A sentence read on its own knows no earlier sentence's period: only a period it names makes a fact.
    if (!def || c.form !== 'amount' || !c.claimed || !period || c.claimed.bound || c.periodImplied || c.unread) continue;
    if (facts.some((f) => f.concept === def.id && f.period.key === period.key)) continue;
    const n = c.claimed;
    facts.push(textFact(filing, lines, {
      concept: def, period, scenario: 'actual', amount: { value: n.value, kind: n.kind, text: n.text, decimals: n.decimals },
      scale: n.scale, line: n.line, span: n.span, label: def.name, kind: 'narrative', costSection: def.nature === 'expense',
    }));
  }
  return facts;
}

/** Every claim of a filing's prose, read in order. */
export function readFilingClaims(filing: Filing): Claim[] {
  return readClaims(filing, readOptions(filing, linesOf(filing)));
}

/** Judges a filing's claims once every filing is in the Dataset (`own`: the facts its own filing reported). */
export function judgeFilingClaims(filing: Filing, claims: Claim[], own: Fact[], dataset: Dataset): JudgedClaim[] {
  return judgeClaims(claims, { own, dataset, catalogue: usesCatalogue(filing) });
}

/** A claim's id across every filing of an import (`claim:L21C19@mpwr-2004q2-ex99-1.txt`): its row on the Checks sheet and what `--accept` takes. */
export function claimKey(c: Claim): string {
  return `claim:${c.id}@${c.file}`;
}

/** What a claim is about, in a few words: `Total Operating Revenues 2004Q2 vs 2004Q1`. */
export function claimSubject(c: JudgedClaim): string {
  const what = c.quantity.name || c.quantity.text || '(no quantity)';
  const when = c.period ? `${c.period}${c.base ? ` vs ${c.base}` : ''}` : '(no period)';
  return `${what} ${when}${c.form === 'range' ? ' guidance' : ''}`;
}

/** The words of a claim as printed: its number (a range: both ends) or its direction word. */
export function claimWords(c: JudgedClaim): string {
  if (c.high && c.claimed) return `${c.claimed.text} to ${c.high.text}`;
  const bound = c.claimed?.bound === 'more' ? 'more than ' : c.claimed?.bound === 'less' ? 'less than ' : '';
  if (c.claimed) return `${c.directionWord && c.form === 'change' ? `${c.directionWord.text} ` : ''}${bound}${c.claimed.text}`;
  return c.directionWord?.text ?? '';
}

