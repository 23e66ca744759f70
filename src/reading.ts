/**
 * One release read into its facts: read now, or taken from a reading of the same text made ahead
 * of time. The add-in ships its built-in release (the Mpower Q2 2004 exhibit) with such a reading,
 * made when the add-in is built (`functions/built-in-filing.js`), so that the first `=MPWR.*`
 * formula of a fresh runtime answers without reading the text: the facts and the filing's
 * particulars come from the prepared reading, and its tables and sentences are read from the text
 * only when something asks for them (the checks, the claims, an import). Sits at the pipeline's
 * level, above the layers it calls.
 */
import Decimal from 'decimal.js';
import { readFiling } from './filing/reader';
import type { Diagnostic, Filing, Sentence, Table } from './filing/types';
import { factsOf, type FilingFacts } from './model/facts';
import type { Fact } from './model/types';
import { narrativeFacts } from './narrative';

export interface SourceText {
  /** File name shown in messages and provenance (`mpwr-2004q2-ex99-1.txt`, `pasted text`). */
  name: string;
  text: string;
  /**
   * A reading of this very text under this very name, made ahead of time (`prepareSource`): used
   * instead of reading the text again. JSON, parsed when first used.
   */
  prepared?: string;
}

/** What a prepared reading holds: the filing's particulars and diagnostics, and its facts (Decimals as strings). */
interface PreparedReading {
  format: typeof FORMAT;
  file: string;
  /** Length of the text it was made from (with the name, what ties the reading to its text). */
  length: number;
  company: string;
  ticker: string;
  cik: string;
  date: string;
  accession: string;
  diagnostics: Diagnostic[];
  facts: Fact[];
}

/** Changes whenever the shape of a prepared reading does; a reading of another format is not used. */
const FORMAT = 'mpwr-reading-1';

/**
 * The filing's tables and figures: its facts (table facts, and when there are any and `narrative`
 * is on, the prose's facts of text-only concepts). From `source.prepared` when it is a reading of
 * this text and name, else read now.
 */
export function readSource(source: SourceText, narrative = true): FilingFacts {
  const prepared = narrative && source.prepared !== undefined ? preparedReading(source) : undefined;
  if (prepared) return prepared;
  const filing = readFiling(source.text, source.name);
  const set = factsOf(filing);
  if (narrative && set.facts.length > 0) for (const f of narrativeFacts(filing)) set.facts.push(f);
  return set;
}

/** `source` with a reading of it made now, for a build to ship (`functions/built-in-filing.js`). */
export function prepareSource(source: SourceText): Required<SourceText> {
  const { filing, facts } = readSource({ name: source.name, text: source.text });
  const reading: PreparedReading = {
    format: FORMAT,
    file: filing.file,
    length: source.text.length,
    company: filing.company,
    ticker: filing.ticker,
    cik: filing.cik,
    date: filing.date,
    accession: filing.accession,
    diagnostics: filing.diagnostics,
    facts,
  };
  return { name: source.name, text: source.text, prepared: JSON.stringify(reading) };
}

function preparedReading(source: SourceText): FilingFacts | undefined {
  let reading: PreparedReading;
  try {
    reading = JSON.parse(source.prepared ?? '') as PreparedReading;
  } catch {
    return undefined;
  }
  if (reading.format !== FORMAT || reading.file !== source.name || reading.length !== source.text.length) return undefined;
  const filing = lazyFiling(reading, source.text);
  // One Company object for the filing's facts, as a reading gives them; exact values back to Decimals.
  const company = reading.facts[0]?.company;
  for (const f of reading.facts) {
    if (company && f.company.name === company.name && f.company.ticker === company.ticker && f.company.cik === company.cik) f.company = company;
    f.value = new Decimal(f.value as unknown as string);
    f.amount.value = new Decimal(f.amount.value as unknown as string);
  }
  return { filing, facts: reading.facts };
}

/** The filing of a prepared reading: its particulars at once, its tables and sentences read from the text on first use. */
function lazyFiling(reading: PreparedReading, text: string): Filing {
  let read: Filing | undefined;
  const full = (): Filing => (read ??= readFiling(text, reading.file));
  return {
    file: reading.file,
    text,
    company: reading.company,
    ticker: reading.ticker,
    cik: reading.cik,
    date: reading.date,
    accession: reading.accession,
    diagnostics: reading.diagnostics,
    get tables(): Table[] {
      return full().tables;
    },
    get sentences(): Sentence[] {
      return full().sentences;
    },
  };
}
