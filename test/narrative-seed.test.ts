// The seed's narrative, claim by claim, as a person reads it off lines 10–77 of
// assets/filings/mpwr-2004q2-ex99-1.txt: what each statement is about (concept, period, the period
// compared with), its form, the words printed, and what the tables say of it. Then the mutation
// test: changing any linked claim's number, or flipping its direction word, must break it.
import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../src/pipeline';
import type { JudgedClaim } from '../src/narrative';
import { EXPECTED, type Expected } from './support/seed-claims';
import { DIRECTION_WORDS } from '../src/narrative/vocabulary';

const SEED_NAME = 'mpwr-2004q2-ex99-1.txt';
const SEED = fs.readFileSync(path.resolve(__dirname, '../assets/filings', SEED_NAME), 'utf8');
const LINES = SEED.split('\n');

function claimWords(c: JudgedClaim): string {
  return c.claimed?.text ?? c.directionWord?.text ?? '';
}

function summary(c: JudgedClaim): Expected {
  return {
    line: c.line, words: claimWords(c), form: c.form, concept: c.quantity.concept ?? '', period: c.period ?? '',
    ...(c.base ? { base: c.base } : {}), status: c.status, ...(c.reason && c.status === 'unlinked' ? { reason: expect.anything() as unknown as RegExp } : {}),
  };
}

function expectedSummary(e: Expected): Expected {
  return { ...e, status: e.status, ...(e.reason ? { reason: expect.anything() as unknown as RegExp } : {}) };
}

const seedClaims = (a: Analysis): JudgedClaim[] => a.claims.filter((c) => c.file === SEED_NAME);

describe("the seed's narrative, claim by claim", () => {
  const analysis = analyze([{ name: SEED_NAME, text: SEED }]);
  const claims = seedClaims(analysis);

  test('every numeric statement of the text is read, with its concept, period, form and status', () => {
    expect(claims.map(summary)).toEqual(EXPECTED.map(expectedSummary));
  });

  test('each unlinked claim says why', () => {
    for (const e of EXPECTED.filter((x) => x.status === 'unlinked')) {
      const c = claims.find((x) => x.line === e.line && claimWords(x) === e.words) as JudgedClaim;
      expect(c.reason).toMatch(e.reason as RegExp);
    }
  });

  test('at least 90% of the claims with a number are linked and judged, and every one of them holds', () => {
    const numeric = claims.filter((c) => c.claimed);
    const linked = numeric.filter((c) => c.status !== 'unlinked');
    expect(numeric.length).toBeGreaterThanOrEqual(40);
    expect(linked.length / numeric.length).toBeGreaterThanOrEqual(0.9);
    // The text and the tables agree everywhere in this release: no break.
    expect(claims.filter((c) => c.status === 'break')).toEqual([]);
  });

  test('each claim points at its words: line and column span as printed', () => {
    for (const c of claims) {
      const printed = LINES[c.line - 1].slice(c.span[0], c.span[1]);
      // A number wrapped onto the next line (`$18.8` / `million`, line 29) spans its part on the first.
      const wraps = c.span[1] === LINES[c.line - 1].trimEnd().length && printed !== claimWords(c);
      expect([c.id, wraps ? claimWords(c).startsWith(printed) && LINES[c.line].trimStart().startsWith(claimWords(c).slice(printed.length).trim()) : printed])
        .toEqual([c.id, wraps ? true : claimWords(c)]);
      if (c.directionWord) {
        const w = c.directionWord;
        expect([c.id, LINES[w.line - 1].slice(w.span[0], w.span[1])]).toEqual([c.id, w.text]);
      }
    }
  });

  test('tables and text: each linked claim names the table lines it was judged by', () => {
    const revenue = claims.find((c) => c.line === 21 && c.claimed?.text === '$38.5 million') as JudgedClaim;
    expect(revenue.operands.map((o) => [o.concept, o.period, o.value.toString(), o.line])).toEqual([['revenue_total', '2004Q2', '38496', 238]]);
    expect(revenue.actual?.toString()).toBe('38.496');
    expect(revenue.stated?.toString()).toBe('38.5');
    const loss = claims.find((c) => c.line === 55 && c.claimed?.text === '72%') as JudgedClaim;
    expect(loss.operands.map((o) => [o.period, o.value.toString(), o.line])).toEqual([['2004Q2', '-1312', 251], ['2003Q2', '-4618', 251]]);
    // The loss shrank by 71.6%: an improvement, stated and actual both as the loss's own change.
    expect(loss.stated?.toString()).toBe('-72');
    expect(loss.actual?.toDecimalPlaces(2).toString()).toBe('-71.59');
  });

  test('capital expenditures, stated only in the text, become a narrative fact with its line', () => {
    const f = analysis.dataset.get('capital_expenditures', '2004Q2');
    expect(f?.value.toString()).toBe('1.8');
    expect(f?.scale).toBe('millions');
    expect(f?.source).toMatchObject({ file: SEED_NAME, line: 66, column: [26, 38], table: 'narrative' });
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations: each linked claim must break when its number changes or its direction word flips.

function replaceAt(text: string, line: number, span: [number, number], by: string): string {
  const lines = text.split('\n');
  const l = lines[line - 1];
  lines[line - 1] = l.slice(0, span[0]) + by + l.slice(span[1]);
  return lines.join('\n');
}

/** The printed number with its last digit moved by 3 (`$38.5 million` → `$38.8 million`, `72%` → `75%`). */
function changedNumber(printed: string): string {
  const m = /(\d)(?!.*\d)/.exec(printed) as RegExpExecArray;
  const digit = (Number(m[1]) + 3) % 10;
  return printed.slice(0, m.index) + String(digit) + printed.slice(m.index + 1);
}

function flipped(word: string): string {
  for (const d of DIRECTION_WORDS) {
    if (new RegExp(`^(?:${d.words})$`, 'i').test(word)) return d.flip;
  }
  if (/^positive$/i.test(word)) return 'negative';
  throw new Error(`no flip for ${word}`);
}

/** The claim of a mutated analysis standing where `c` stood. */
function counterpart(after: JudgedClaim[], c: JudgedClaim): JudgedClaim | undefined {
  return after.find((x) => x.line === c.line && x.form === c.form && x.period === c.period && x.base === c.base && x.quantity.concept === c.quantity.concept && (x.claimed?.span[0] ?? -1) === (c.claimed?.span[0] ?? -1))
    ?? after.find((x) => x.line === c.line && x.form === c.form && x.period === c.period && x.base === c.base && x.quantity.concept === c.quantity.concept);
}

describe('mutations of the seed text: every linked claim breaks', () => {
  const claims = seedClaims(analyze([{ name: SEED_NAME, text: SEED }]));
  const linked = claims.filter((c) => c.status !== 'unlinked');

  test('changing the number of each linked claim breaks it (100%)', () => {
    const withNumber = linked.filter((c) => c.claimed);
    expect(withNumber.length).toBeGreaterThanOrEqual(38);
    const survivors: string[] = [];
    for (const c of withNumber) {
      const n = c.claimed!;
      const text = replaceAt(SEED, n.line, n.span, changedNumber(LINES[n.line - 1].slice(n.span[0], n.span[1])));
      const after = counterpart(seedClaims(analyze([{ name: SEED_NAME, text }])), c);
      if (after?.status !== 'break') survivors.push(`${c.id} line ${c.line} ${n.text} → ${changedNumber(n.text)}: ${after?.status ?? 'gone'}`);
    }
    expect(survivors).toEqual([]);
  });

  test('flipping the direction word of each linked claim breaks it (100%)', () => {
    const withWord = linked.filter((c) => c.directionWord);
    expect(withWord.length).toBeGreaterThanOrEqual(15);
    const survivors: string[] = [];
    for (const c of withWord) {
      const w = c.directionWord!;
      const text = replaceAt(SEED, w.line, w.span, flipped(w.text));
      const mutated = seedClaims(analyze([{ name: SEED_NAME, text }]));
      // The flipped word may move the claim's columns on its line: find it by what it states.
      const after = mutated.find((x) => x.line === c.line && x.form === c.form && x.period === c.period && x.base === c.base && x.quantity.concept === c.quantity.concept && x.claimed?.text === c.claimed?.text);
      if (after?.status !== 'break') survivors.push(`${c.id} line ${c.line} "${w.text}" → "${flipped(w.text)}": ${after?.status ?? 'gone'}`);
    }
    expect(survivors).toEqual([]);
  });
});
