/**
 * Figures stated only in running text, as data: which words name which concept, and the two
 * sentence shapes Mpower uses for them:
 * - guidance ranges: "revenue guidance for the full-year 2004 is $152.6 million to $155.6 million";
 * - the D&A split of Note 1: "Cost of Operating Revenues is exclusive of depreciation and
 *   amortization of $1,964, $1,939 and $1,742 for the three months ended June 30, 2004, ...".
 */
import { conceptById, type ConceptDef } from './concepts';
import { datesIn, duration, durationOf } from '../filing/periods';
import type { Sentence } from '../filing/types';
import type { Period } from './types';
import type { TextFactSpec } from './facts';
import { matchesOf } from '../filing/text';

/** Words in guidance sentences that name a measure. */
const GUIDANCE_MEASURES: { words: RegExp; concept: string }[] = [
  { words: /\badjusted ebitda\b/gi, concept: 'adjusted_ebitda' },
  { words: /\brevenues?\b/gi, concept: 'revenue_total' },
];
/** Words of a forward-looking sentence, whose ranges are guidance (the narrative's claims read them too). */
export const GUIDANCE_SENTENCE = /\b(?:guidance|forecast(?:s|ing)?|outlook|expects?|projects?)\b/i;
const GUIDANCE_YEAR = /\b(?:full[- ]year|fiscal(?: year)?|year)\s+((?:19|20)\d\d)\b/gi;
/** Two figures joined as a range: "$8.0 million to $10.0 million", "between $16.0 million and $18.0 million". */
export const RANGE_JOINER = /^\s*(?:to|and|-|–)\s*$/i;

/** Subjects of the D&A split note and the concept each names. */
const DA_SPLIT_SUBJECTS: { words: RegExp; concept: string }[] = [
  { words: /^(?:note\s+\d+\s*:\s*)?cost of operating revenues\b/i, concept: 'da_cost_of_revenue' },
  { words: /^(?:note\s+\d+\s*:\s*)?selling, general and administrative\b/i, concept: 'da_sga' },
];
const DA_SPLIT_SENTENCE = /exclusive of depreciation and amortization of (.+?) for the (.+?)$/i;

type NarrativeRule = (s: Sentence, durations: Map<string, Period>) => TextFactSpec[];

/** The last of `items` (in sentence order) that stands before `index`. */
function lastBefore<T extends { index: number }>(items: T[], index: number): T | undefined {
  let found: T | undefined;
  for (const it of items) if (it.index < index) found = it;
  return found;
}

const guidanceRanges: NarrativeRule = (s) => {
  if (s.kind !== 'narrative' || !GUIDANCE_SENTENCE.test(s.text)) return [];
  // In the order they stand in the sentence (lastBefore reads them so): "revenue ... and Adjusted
  // EBITDA of between $8.0 million and $10.0 million" is Adjusted EBITDA's range.
  const measures = GUIDANCE_MEASURES.flatMap((m) =>
    matchesOf(m.words, s.text).map((x) => ({ index: x.index ?? 0, concept: m.concept })),
  ).sort((x, y) => x.index - y.index);
  const years = matchesOf(GUIDANCE_YEAR, s.text).map((x) => ({ index: x.index ?? 0, year: Number(x[1]) }));
  // The figures with their offsets in the sentence (found again by their printed text, in order).
  let from = 0;
  const figures = s.numbers.map((n) => {
    const index = s.text.indexOf(n.amount.text, from);
    from = index + n.amount.text.length;
    return { n, index };
  });
  const out: TextFactSpec[] = [];
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i];
    const b = figures[i + 1];
    if (a.n.amount.kind !== 'money' || b.n.amount.kind !== 'money') continue;
    if (!RANGE_JOINER.test(s.text.slice(a.index + a.n.amount.text.length, b.index))) continue;
    const measure = lastBefore(measures, a.index);
    const year = lastBefore(years, a.index);
    const concept = measure && conceptById(measure.concept);
    if (!concept || !year) continue;
    const period = duration(12, `${year.year}-12-31`);
    const label = `${concept.name} guidance (text)`;
    for (const [fig, scenario] of [[a, 'guidance-low'], [b, 'guidance-high']] as const) {
      out.push({
        concept, period, scenario, amount: fig.n.amount, scale: fig.n.scale, line: fig.n.line, span: fig.n.span,
        label, kind: 'narrative', costSection: false,
      });
    }
    i++;
  }
  return out;
};

const daSplit: NarrativeRule = (s, durations) => {
  const m = DA_SPLIT_SENTENCE.exec(s.text);
  if (!m) return [];
  const subject = DA_SPLIT_SUBJECTS.find((x) => x.words.test(s.text));
  const concept: ConceptDef | undefined = subject && conceptById(subject.concept);
  if (!concept) return [];
  const dates = datesIn(m[2]);
  // "for the twelve months ended December 31, 2003": the sentence names the duration, so a date
  // ending both a quarter and a year of the tables is the year here. Only bare dates ("for the
  // periods ended June 30, 2004") take the duration the tables print under that date.
  const stated = durationOf(m[2]);
  const figures = s.numbers.filter((n) => n.amount.kind === 'money');
  if (figures.length !== dates.length) return [];
  return figures.map((n, i) => ({
    concept,
    period: stated ? duration(stated.months, dates[i], stated.weeks) : durations.get(dates[i]) ?? duration(3, dates[i]),
    scenario: 'actual' as const,
    amount: n.amount,
    scale: n.scale,
    line: n.line,
    span: n.span,
    label: concept.name,
    kind: s.kind,
    costSection: true,
  }));
};

export const NARRATIVE_RULES: NarrativeRule[] = [guidanceRanges, daSplit];
