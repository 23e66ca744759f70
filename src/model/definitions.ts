/**
 * Definition changes of the non-GAAP measures, recorded from the release that states them:
 * "Beginning with the third quarter of 2005, adjusted gross margin also excludes 'incremental
 * transition expenses'..." makes Adjusted Gross Margin of periods from 2005Q3 on a different
 * quantity from that of earlier periods. The change is kept on the concept with the sentence, its
 * line and its release, and shown beside the values it affects (workbook notes, `MPWR.SOURCE`);
 * values under two definitions are never silently compared (`MPWR.GROWTH` refuses) and a sum that
 * straddles the change (an LTM, a year) says so.
 *
 * What a statement of a change looks like is data: the measures it may name, the verbs of a
 * change, the words that say from when.
 */
import { addMonthsToEnd, isoDate, lastDayOfMonth } from '../filing/periods';
import { conceptById, datedAlias } from './concepts';
import type { Dataset } from './dataset';
import { usesCatalogue } from './facts';
import type { Fact, Period } from './types';
import { matchesOf } from '../filing/text';

export interface DefinitionChange {
  concept: string;
  /** The first quarter the new definition applies to (`2005Q3`). */
  from: string;
  /** The day before that quarter starts (ISO): periods ending on or before it are under the old definition. */
  before: string;
  /** The sentence that states it, as printed. */
  text: string;
  file: string;
  line: number;
  /** Release date of the filing that states it. */
  release: string;
}

/** Measures whose definition a release may change, and the words that name them. */
const MEASURES: { concept: string; words: RegExp }[] = [
  { concept: 'adjusted_gross_margin', words: /\badjusted gross margin\b/gi },
  { concept: 'adjusted_ebitda', words: /\badjusted ebitda\b/gi },
];
/** A change of what a measure covers (not its standing definition, "calculated as ... excluding ..."). */
const CHANGE = /\b(?:(?:now|also|no longer|will)\s+(?:excludes?|includes?|exclude|include)|(?:excludes?|includes?)\s+also)\b/i;
/** From when: "beginning with the third quarter of 2005", "effective in the first quarter 2005", "from the third quarter of 2005". */
const FROM = /\b(?:(?:beginning|starting|effective|commencing)\s+(?:with|in|from)|from)\s+the\s+(first|second|third|fourth)\s+quarter\s+(?:of\s+)?((?:19|20)\d\d)\b/i;
const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

/** The last day before a calendar quarter starts. */
function quarterStart(year: number, quarter: number): string {
  return addMonthsToEnd(isoDate(year, quarter * 3, lastDayOfMonth(year, quarter * 3)), -3);
}

/** The newest quarter a filing reports actuals for: where a change stated without a date takes effect. */
function ownQuarter(facts: Fact[]): Period | undefined {
  let best: Period | undefined;
  for (const f of facts) if (f.scenario === 'actual' && f.period.type === 'quarter' && (!best || f.period.end > best.end)) best = f.period;
  return best;
}

/** Every definition change the filings state, oldest release first; one per concept and first quarter (the first release to state it). */
export function definitionChanges(dataset: Dataset): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  const seen = new Set<string>();
  for (const { filing, facts } of dataset.filingFacts()) {
    // The measures are the catalogue's: another company's sentence never changes Mpower's definitions.
    if (!usesCatalogue(filing)) continue;
    for (const s of filing.sentences) {
      if (s.kind !== 'narrative') continue;
      const change = CHANGE.exec(s.text);
      if (!change) continue;
      // The measure named last before the verb is the one whose definition changes.
      let concept: string | undefined;
      let at = -1;
      for (const m of MEASURES) {
        for (const x of matchesOf(m.words, s.text)) {
          const i = x.index ?? 0;
          if (i < change.index && i > at) { at = i; concept = m.concept; }
        }
      }
      if (!concept || !conceptById(concept)) continue;
      const from = FROM.exec(s.text);
      let year: number;
      let quarter: number;
      if (from) {
        year = Number(from[2]);
        quarter = ORDINAL[from[1].toLowerCase()];
      } else {
        const own = ownQuarter(facts);
        if (!own) continue;
        year = Number(own.key.slice(0, 4));
        quarter = Number(own.key.slice(5));
      }
      const key = `${concept}|${year}Q${quarter}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ concept, from: `${year}Q${quarter}`, before: quarterStart(year, quarter), text: s.text, file: filing.file, line: s.line, release: filing.date });
    }
  }
  return out;
}

/** Which definition a period of a concept is under: after a change, before it, or both (a year or LTM across it). */
export function definitionAt(changes: DefinitionChange[], concept: string, period: Period): { change: DefinitionChange; side: 'new' | 'old' | 'mixed' }[] {
  const startDate = period.type === 'instant' ? period.end : addMonthsToEnd(period.end, -period.months);
  return changes
    .filter((c) => c.concept === concept)
    .map((change) => ({ change, side: period.end <= change.before ? 'old' : startDate >= change.before ? 'new' : 'mixed' }));
}

/** In words, for notes and sources: `definition from 2005Q3: Beginning with ... (file, line N)`. */
export function describeChange(c: DefinitionChange): string {
  return `definition from ${c.from}: "${c.text}" (${c.file}, line ${c.line})`;
}

/**
 * What a person should know beside a value: the label it was printed under when that label meant
 * this concept only then (label drift), and the definition its period is under or straddles.
 * Shown in cell notes and by MPWR.SOURCE.
 */
export function valueNotes(f: Fact, releaseDate: string, changes: DefinitionChange[]): string[] {
  const out: string[] = [];
  const def = conceptById(f.concept);
  if (def && f.mapped && !f.derivation) {
    const alias = datedAlias(def, f.label, releaseDate);
    if (alias) out.push(`printed as "${f.label}": ${alias.note}`);
  }
  for (const { change, side } of definitionAt(changes, f.concept, f.period)) {
    if (side === 'new') out.push(`under the ${describeChange(change)}`);
    if (side === 'mixed') out.push(`spans a definition change, its quarters before ${change.from} under the old definition: ${describeChange(change)}`);
  }
  return out;
}
