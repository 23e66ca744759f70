// src/reading.ts: a release's reading made ahead of time (the built-in release's, made when the
// add-in is built) stands for reading the text again, and changes nothing anyone sees.
import Decimal from 'decimal.js';
import * as filingReader from '../src/filing/reader';
import { FormulaStore } from '../src/formulas/store';
import { value } from '../src/formulas/functions-impl';
import { analyze, type Analysis } from '../src/pipeline';
import { prepareSource, readSource, type SourceText } from '../src/reading';
import { importIntoWorkbook } from '../src/excel/import';
import { excelContext, FakeWorkbook } from './support/fake-excel';
import { SEED, syntheticQ3 } from './support/formulas-seed';

const prepared = prepareSource(SEED);

/** What a user can see of an analysis: facts, diagnostics, every check and every judged claim. */
function seen(a: Analysis): unknown {
  return JSON.parse(
    JSON.stringify({
      facts: a.dataset.facts(),
      diagnostics: a.diagnostics,
      filings: a.dataset.filings.map((f) => ({ ...f })),
      checks: a.checks,
      claims: a.claims,
      derived: a.derived.facts(),
    }),
  );
}

/** The same source with one figure of its prepared reading changed: shows whether the reading was used. */
function tampered(source: Required<SourceText>, from: string, to: string): Required<SourceText> {
  const reading = JSON.parse(source.prepared) as { facts: { concept: string; period: { key: string }; value: string; amount: { value: string } }[] };
  const f = reading.facts.find((x) => x.concept === 'adjusted_ebitda' && x.period.key === '2004Q2');
  if (!f || f.value !== from) throw new Error(`no adjusted_ebitda 2004Q2 of ${from} in the prepared reading`);
  f.value = to;
  f.amount.value = to;
  return { ...source, prepared: JSON.stringify(reading) };
}

afterEach(() => jest.restoreAllMocks());

describe('a prepared reading', () => {
  test('gives the facts and the filing that reading the text gives', () => {
    const now = readSource(SEED);
    const ahead = readSource(prepared);
    // 245 table facts and the prose's facts of text-only concepts, as seed-facts.test.ts counts them.
    expect(ahead.facts.length).toBe(now.facts.length);
    expect(ahead.facts).toEqual(now.facts);
    expect(ahead.facts[0].value).toBeInstanceOf(Decimal);
    expect(ahead.facts[0].amount.value).toBeInstanceOf(Decimal);
    // The tables and sentences too, read when asked for.
    expect({ ...ahead.filing }).toEqual({ ...now.filing });
  });

  test('changes nothing of the analysis: facts, diagnostics, checks, claims, derived periods', () => {
    expect(seen(analyze([], [prepared]))).toEqual(seen(analyze([], [SEED])));
    const q3 = syntheticQ3();
    expect(seen(analyze([q3], [prepared]))).toEqual(seen(analyze([q3], [SEED])));
  });

  test('changes nothing of an import into the workbook', async () => {
    const a = new FakeWorkbook();
    const b = new FakeWorkbook();
    await importIntoWorkbook(excelContext(a), [prepared], { notes: true });
    await importIntoWorkbook(excelContext(b), [SEED], { notes: true });
    expect(a.state()).toEqual(b.state());
  });

  test('is what the analysis uses for its text and name: the seed prints Adjusted EBITDA $2,544 (lines 272, 296)', () => {
    const store = new FormulaStore([tampered(prepared, '2544', '1')]);
    expect(value(store.data(), 'adjusted_ebitda', '2004Q2')).toBe(1);
    expect(value(new FormulaStore([prepared]).data(), 'adjusted_ebitda', '2004Q2')).toBe(2544);
  });

  test('is not used for another name, another text, another format, or when it is not JSON: the text is read', () => {
    const wrong = tampered(prepared, '2544', '1');
    const cases: SourceText[] = [
      { ...wrong, name: 'other.txt' },
      { ...wrong, text: `${SEED.text}\n` },
      { ...wrong, prepared: wrong.prepared.replace('"mpwr-reading-1"', '"mpwr-reading-0"') },
      { ...wrong, prepared: wrong.prepared.slice(0, 100) },
    ];
    for (const s of cases) expect(value(new FormulaStore([s]).data(), 'adjusted_ebitda', '2004Q2')).toBe(2544);
    // A second release of the same name and another text of the same length is renamed (`(2)`), and read.
    const other = SEED.text.replace('ex 99.1', 'EX 99.1');
    expect(other).not.toBe(SEED.text);
    const renamed = analyze([{ ...wrong, text: other }], [SEED]);
    expect(renamed.dataset.filings.map((f) => f.file)).toEqual([SEED.name, `${SEED.name} (2)`]);
    expect(renamed.dataset.get('adjusted_ebitda', '2004Q2')?.value.toString()).toBe('2544');
  });

  test('answers the first formula without reading the text; the checks read it once', () => {
    const read = jest.spyOn(filingReader, 'readFiling');
    const store = new FormulaStore([prepared]);
    expect(value(store.data(), 'Adjusted EBITDA', 'Q2 2004')).toBe(2544);
    expect(value(store.data(), 'Total Current Assets', '2004-06-30')).toBe(48332);
    expect(read).not.toHaveBeenCalled();
    const checks = store.analysis().checks;
    expect(checks.length).toBeGreaterThan(0);
    expect(read).toHaveBeenCalledTimes(1);
    // The seed's six tables: balance sheet, statement of operations, and four reconciliations to GAAP.
    expect(store.analysis().dataset.filings[0].tables.map((t) => t.title.split(' ')[0])).toEqual(['BALANCE', 'STATEMENT', 'RECONCILIATION', 'RECONCILIATION', 'RECONCILIATION', 'RECONCILIATION']);
    expect(read).toHaveBeenCalledTimes(1);
  });

  test('is made of the text as given, and without one the text is read now', () => {
    const read = jest.spyOn(filingReader, 'readFiling');
    readSource(SEED);
    expect(read).toHaveBeenCalledTimes(1);
    // Off for the bench's narrative-free measurement: a prepared reading holds the prose's facts.
    readSource(prepared, false);
    expect(read).toHaveBeenCalledTimes(2);
    expect(prepared.text).toBe(SEED.text);
    expect(prepared.name).toBe(SEED.name);
  });
});
