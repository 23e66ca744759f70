/**
 * Mutations of the seed release and random documents for the fuzz tests (test/fuzz.test.ts,
 * `npm run fuzz`), the checks a changed number must give, and a worker thread that runs each case
 * under a hang guard.
 *
 * A mutation is a recipe (plain data that fast-check generates and shrinks) applied to the seed's
 * lines. Number mutations (a digit changed, a number made huge) know the printed figure they change
 * (found where the reader placed a fact: that only chooses what to change). What reading the
 * mutated text must give comes from the oracle of `seed-oracle.ts`: the seed's identities written
 * down by line, evaluated on the mutated text with their own arithmetic, nothing from `src/`.
 */
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { Worker } from 'worker_threads';
import { readFiling } from '../../src/filing/reader';
import { factsOf, type FilingFacts } from '../../src/model/facts';
import type { Check } from '../../src/model/types';
import { oracleChecks } from './seed-oracle';
import { shared } from './shared';

const ROOT = resolve(__dirname, '../..');
export const SEED_NAME = 'mpwr-2004q2-ex99-1.txt';
export const SEED_TEXT = readFileSync(join(ROOT, 'assets', 'filings', SEED_NAME), 'utf8');
/** Lines of the seed as the reader numbers them (LF only in the shipped file). */
export const SEED_LINES = SEED_TEXT.split('\n');
/** The seed's own genuine break, not a mutation's doing. */
export const SEED_BREAKS = ['eps-discontinued@2004Q1'];

// ---- the seed's numbers ---------------------------------------------------------------------

/** One printed number of the seed that became a fact, where it stands. */
export interface NumberSite {
  /** Index in `seedFacts().facts`. */
  fact: number;
  /** 0-based line index in SEED_LINES. */
  line: number;
  /** [start, end) on the line of the printed text. */
  span: [number, number];
  text: string;
  label: string;
  key: string;
}

export const seedFacts: () => FilingFacts = shared(() => factsOf(readFiling(SEED_TEXT, SEED_NAME)));

/** Every printed seed number with at least one digit whose text is found at its provenance. */
export const numberSites: () => NumberSite[] = shared(() => {
  const { facts } = seedFacts();
  const out: NumberSite[] = [];
  facts.forEach((f, i) => {
    if (!/\d/.test(f.amount.text)) return;
    const line = f.source.line - 1;
    const text = SEED_LINES[line] ?? '';
    let [start, end] = f.source.column;
    if (text.slice(start, end) !== f.amount.text) {
      // Figures in running text: the column is counted on the trimmed line; find the text instead.
      const at = text.indexOf(f.amount.text);
      if (at < 0 || text.indexOf(f.amount.text, at + 1) >= 0) return;
      start = at;
      end = at + f.amount.text.length;
    }
    out.push({ fact: i, line, span: [start, end], text: f.amount.text, label: f.label, key: `${f.concept}@${f.period.key}${f.scenario === 'actual' ? '' : `#${f.scenario}`}` });
  });
  return out;
});

// ---- check summaries --------------------------------------------------------------------------

/** A check as compared across runs: id → `status difference` (the difference to ten decimals: ratios are divisions). */
export type CheckSummary = Record<string, string>;

/** How a check's difference is written in a summary (the worker writes it the same way). */
export function summaryValue(status: string, difference: { toFixed(n: number): string } | null): string {
  return `${status} ${difference === null ? 'null' : difference.toFixed(10)}`;
}

export function summarize(checks: Pick<Check, 'id' | 'status' | 'difference'>[]): CheckSummary {
  const out: CheckSummary = {};
  for (const c of checks) out[c.id] = summaryValue(c.status, c.difference);
  return out;
}

/** The checks the oracle finds in a text (the seed or a copy with figures changed in place). */
export function oracleSummary(text: string): CheckSummary {
  const out: CheckSummary = {};
  for (const [id, c] of oracleChecks(text)) out[id] = summaryValue(c.status, c.difference);
  return out;
}

let seedSummary: CheckSummary | undefined;
/** The seed's checks, by the oracle. */
export function seedChecks(): CheckSummary {
  seedSummary ??= oracleSummary(SEED_TEXT);
  return seedSummary;
}

/** Checks that break now and did not break the same way in the seed (a new break, or the seed's break moved). */
export function newBreaks(summary: CheckSummary): string[] {
  const seed = seedChecks();
  return Object.keys(summary).filter((id) => summary[id].startsWith('break') && seed[id] !== summary[id]).sort();
}

/** Checks whose figures changed against the seed (the number takes part in them). */
export function changedChecks(summary: CheckSummary): string[] {
  const seed = seedChecks();
  const ids = new Set([...Object.keys(seed), ...Object.keys(summary)]);
  return [...ids].filter((id) => seed[id] !== summary[id]).sort();
}

// ---- recipes ------------------------------------------------------------------------------------

export type NumberRecipe =
  | { kind: 'digit'; site: number; pos: number; digit: number }
  | { kind: 'huge'; site: number; digits: number; commas: boolean };

export type TextRecipe =
  | { kind: 'delete-lines'; at: number; count: number }
  | { kind: 'duplicate-lines'; at: number; count: number; times: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'shift-columns'; at: number; lines: number; col: number; delta: number }
  | { kind: 'truncate'; at: number; keep: number }
  | { kind: 'drop-table-close'; which: number }
  | { kind: 'insert'; at: number; col: number; junk: string }
  | { kind: 'long-line'; at: number; length: number; pattern: string }
  | { kind: 'huge-number-anywhere'; at: number; digits: number }
  | { kind: 'line-endings'; style: '\r\n' | '\r' | 'mixed' }
  | { kind: 'html'; entities: boolean }
  | { kind: 'envelope'; type: string };

export type Recipe = NumberRecipe | TextRecipe;

export interface Mutant {
  recipe: Recipe[];
  text: string;
  /** For number mutations: the checks the mutated text must give (undefined when the new text did not fit the column). */
  expected?: CheckSummary;
  site?: NumberSite;
  /** The number as printed after the mutation. */
  printed?: string;
  /** A number longer than any real figure: the reader must warn about this 1-based line. */
  mustWarnLine?: number;
}

/** A digit of a number changed in place (same width, same alignment). */
function applyDigit(r: Extract<NumberRecipe, { kind: 'digit' }>): Mutant {
  const s = numberSites()[r.site % numberSites().length];
  const positions = [...s.text].map((ch, i) => (/\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
  const p = positions[r.pos % positions.length];
  const old = Number(s.text[p]);
  const digit = r.digit % 10 === old ? (old + 1) % 10 : r.digit % 10;
  const text = s.text.slice(0, p) + String(digit) + s.text.slice(p + 1);
  const lines = [...SEED_LINES];
  const line = lines[s.line];
  lines[s.line] = line.slice(0, s.span[0]) + text + line.slice(s.span[1]);
  const mutated = lines.join('\n');
  return { recipe: [r], text: mutated, site: s, printed: text, expected: oracleSummary(mutated) };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A number replaced by a huge one: the new text keeps the right edge of the old one and grows left
 * into the blanks before it. When it does not fit (it would touch the label), it is spliced in
 * anyway and the case has no expectation beyond "no crash".
 */
function applyHuge(r: Extract<NumberRecipe, { kind: 'huge' }>): Mutant {
  const s = numberSites()[r.site % numberSites().length];
  const magnitude = s.text.match(/[\d,]+(\.\d+)?/)?.[0] ?? '';
  const decimals = magnitude.includes('.') ? magnitude.split('.')[1] : '';
  const whole = '9'.repeat(Math.max(1, r.digits));
  const replacedMagnitude = (r.commas ? groupThousands(whole) : whole) + (decimals ? `.${decimals}` : '');
  const text = s.text.replace(magnitude, replacedMagnitude);
  const lines = [...SEED_LINES];
  const line = lines[s.line];
  const start = s.span[1] - text.length;
  // Two blanks must stay between the label and the grown number.
  const fits = start >= 2 && start <= s.span[0] && /^ *$/.test(line.slice(start - 2, s.span[0]));
  if (fits) {
    lines[s.line] = line.slice(0, start) + text + line.slice(s.span[1]);
  } else {
    lines[s.line] = line.slice(0, s.span[0]) + text + line.slice(s.span[1]);
  }
  const mutant: Mutant = { recipe: [r], text: lines.join('\n'), site: s, printed: text };
  // Text figures are not column-bound; a table cell must fit its gutter to be read where it was.
  // Over 20 digits no figure is real: the reader must say so, whatever it makes of the row.
  const inTable = seedFacts().facts[s.fact].source.table.startsWith('t');
  if (whole.length > 20) mutant.mustWarnLine = s.line + 1;
  else if (fits || !inTable) mutant.expected = oracleSummary(mutant.text);
  return mutant;
}

export function applyNumber(r: NumberRecipe): Mutant {
  return r.kind === 'digit' ? applyDigit(r) : applyHuge(r);
}

function clampIndex(i: number, n: number): number {
  return n === 0 ? 0 : ((i % n) + n) % n;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Applies one text mutation to lines (returns new lines). */
export function applyText(lines: string[], r: TextRecipe): string[] {
  const n = lines.length;
  const out = [...lines];
  if (n === 0) return out; // everything deleted already
  switch (r.kind) {
    case 'delete-lines': {
      out.splice(clampIndex(r.at, n), r.count);
      return out;
    }
    case 'duplicate-lines': {
      const at = clampIndex(r.at, n);
      const block = out.slice(at, at + r.count);
      out.splice(at, 0, ...Array.from({ length: r.times }, () => block).flat());
      return out;
    }
    case 'swap-lines': {
      const a = clampIndex(r.a, n);
      const b = clampIndex(r.b, n);
      [out[a], out[b]] = [out[b], out[a]];
      return out;
    }
    case 'shift-columns': {
      const at = clampIndex(r.at, n);
      for (let i = at; i < Math.min(n, at + r.lines); i++) {
        const l = out[i];
        const col = Math.min(r.col, l.length);
        out[i] = r.delta >= 0 ? l.slice(0, col) + ' '.repeat(r.delta) + l.slice(col) : l.slice(0, col) + l.slice(col - r.delta);
      }
      return out;
    }
    case 'truncate': {
      const at = clampIndex(r.at, n);
      const kept = out.slice(0, at + 1);
      kept[at] = kept[at].slice(0, Math.floor(kept[at].length * r.keep));
      return kept;
    }
    case 'drop-table-close': {
      const closes = out.map((l, i) => (/^\s*<\/TABLE>/i.test(l) ? i : -1)).filter((i) => i >= 0);
      if (closes.length) out.splice(closes[clampIndex(r.which, closes.length)], 1);
      return out;
    }
    case 'insert': {
      const at = clampIndex(r.at, n);
      const l = out[at];
      const col = Math.min(r.col, l.length);
      // The junk may hold line breaks: the lines after shift, as in a real damaged file.
      return [...out.slice(0, at), ...(l.slice(0, col) + r.junk + l.slice(col)).split('\n'), ...out.slice(at + 1)];
    }
    case 'long-line': {
      const at = clampIndex(r.at, n);
      const unit = r.pattern || ' ';
      out.splice(at, 0, unit.repeat(Math.ceil(r.length / unit.length)).slice(0, r.length));
      return out;
    }
    case 'huge-number-anywhere': {
      const at = clampIndex(r.at, n);
      out[at] = `${out[at]}  ${'9'.repeat(r.digits)}`;
      return out;
    }
    case 'line-endings':
      // Joined with the style here; the caller joins with '\n', so put the CR on each line.
      if (r.style === '\r\n') return out.map((l) => `${l}\r`);
      if (r.style === '\r') return [out.join('\r')];
      return out.map((l, i) => (i % 3 === 0 ? `${l}\r` : l));
    case 'html': {
      const body = r.entities ? out.map(escapeHtml) : out;
      return ['<!DOCTYPE html>', '<html><head><title>ex99-1</title></head><body>', '<pre>', ...body, '</pre>', '</body></html>'];
    }
    case 'envelope':
      return [
        '<SEC-DOCUMENT>0000950123-04-008888.txt : 20040729',
        '<SEC-HEADER>0000950123-04-008888.hdr.sgml : 20040729',
        'ACCESSION NUMBER:\t\t0000950123-04-008888',
        'FILED AS OF DATE:\t\t20040729',
        'COMPANY CONFORMED NAME:\t\t\tMPOWER HOLDING CORP',
        '</SEC-HEADER>',
        '<DOCUMENT>',
        `<TYPE>${r.type}`,
        '<TEXT>',
        ...out,
        '</TEXT>',
        '</DOCUMENT>',
        '</SEC-DOCUMENT>',
      ];
  }
}

/** Mutated texts are cut at this length (past the reader's 20 MB cap, short of what a JS string holds). */
const MAX_MUTANT_CHARS = 32 * 1024 * 1024;

function capLines(lines: string[]): string[] {
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    total += lines[i].length + 1;
    if (total > MAX_MUTANT_CHARS) return [...lines.slice(0, i), lines[i].slice(0, Math.max(0, lines[i].length - (total - MAX_MUTANT_CHARS)))];
  }
  return lines;
}

export function applyTexts(recipes: TextRecipe[], base: string[] = SEED_LINES): Mutant {
  let lines = base;
  for (const r of recipes) lines = capLines(applyText(lines, r));
  return { recipe: recipes, text: lines.join('\n') };
}

// ---- arbitraries ----------------------------------------------------------------------------------

/** Characters a damaged or odd file holds: controls, NUL, BOM, Windows-1252 quotes, NBSP, RTL marks, lone surrogates. */
const ODD_CHARS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001a', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2019', '\u201c', '\u201d',
  '\u2013', '\u2014', '\u2026', '\ufeff', '\ufffd', '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', '\ud800', '\udfff', '\uffff', '\r', '\n', '\t', '$', '(', ')', ',', '.', '-', '%', '=', '+', '@', '|', '<', '>', '&'];

const oddString = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength, unit: fc.constantFrom(...ODD_CHARS) }),
    fc.string({ maxLength, unit: 'binary' }),
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.constantFrom('=cmd|\' /C calc\'!A0', '=HYPERLINK("http://evil.example/","click")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '+1+1', '-2+3',
      '<TABLE>', '</TABLE>', '<PAGE>', '<S>', '<C>', '<DOCUMENT>', '<TYPE>GRAPHIC', '<SEC-HEADER>', '<html><pre>', '</pre>', '&#0;', '&#65536;', '&amp;amp;'),
  );

/** Limits of the generated sizes: larger in `npm run fuzz`. */
export interface Limits {
  longLine: number;
  hugeDigits: number;
  duplicateTimes: number;
}

export const CI_LIMITS: Limits = { longLine: 120_000, hugeDigits: 400, duplicateTimes: 40 };
export const LONG_LIMITS: Limits = { longLine: 2_000_000, hugeDigits: 5_000, duplicateTimes: 2_000 };

export function numberRecipe(limits: Limits): fc.Arbitrary<NumberRecipe> {
  const site = fc.nat({ max: 10_000 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('digit' as const), site, pos: fc.nat({ max: 20 }), digit: fc.nat({ max: 9 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge' as const), site, digits: fc.integer({ min: 6, max: Math.min(40, limits.hugeDigits) }), commas: fc.boolean() }) },
  );
}

export function textRecipe(limits: Limits): fc.Arbitrary<TextRecipe> {
  const at = fc.nat({ max: 400 });
  return fc.oneof(
    fc.record({ kind: fc.constant('delete-lines' as const), at, count: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('duplicate-lines' as const), at, count: fc.integer({ min: 1, max: 6 }), times: fc.integer({ min: 1, max: limits.duplicateTimes }) }),
    fc.record({ kind: fc.constant('swap-lines' as const), a: at, b: at }),
    fc.record({ kind: fc.constant('shift-columns' as const), at, lines: fc.integer({ min: 1, max: 30 }), col: fc.nat({ max: 140 }), delta: fc.integer({ min: -4, max: 4 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at, keep: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('drop-table-close' as const), which: fc.nat({ max: 3 }) }),
    fc.record({ kind: fc.constant('insert' as const), at, col: fc.nat({ max: 140 }), junk: oddString(40) }),
    fc.record({
      kind: fc.constant('long-line' as const),
      at,
      length: fc.integer({ min: 200, max: limits.longLine }),
      pattern: fc.constantFrom('1', '9 ', '$', '(', ')', ' ', '-', '=', '$1,234  ', '12.5%', 'June 30, 2004   ', 'a', '<pre>', '&amp;', '1.', '. A'),
    }),
    fc.record({ kind: fc.constant('huge-number-anywhere' as const), at, digits: fc.integer({ min: 20, max: limits.hugeDigits }) }),
    fc.record({ kind: fc.constant('line-endings' as const), style: fc.constantFrom('\r\n' as const, '\r' as const, 'mixed' as const) }),
    fc.record({ kind: fc.constant('html' as const), entities: fc.boolean() }),
    fc.record({ kind: fc.constant('envelope' as const), type: fc.constantFrom('EX-99.1', '8-K', 'GRAPHIC', 'ZIP', 'EX-99') }),
  );
}

// ---- random documents -------------------------------------------------------------------------------

const LABELS = ['Total Operating Revenues', 'Core Customer', 'Net Loss', 'Adjusted EBITDA', 'Cash & Cash Equivalents', 'Total Assets',
  'Operating Expenses:', 'Depreciation and Amortization', 'Basic and Diluted Weighted Average Shares Outstanding', 'Loss before Discontinued Operations',
  'Gain on Sale of Assets, net', 'Interest Expense', 'Other Expense', 'Accumulated Deficit', 'Adjusted EBITDA (% of Revenue)', 'Note 1: Cost of Operating Revenues',
  'BALANCE SHEET (amounts in $ thousands)', 'STATEMENT OF OPERATIONS (amounts in $ millions)', 'RECONCILIATION TO GAAP', '=SUM(A1:A9)', '@cmd', '+HYPERLINK("x")'];
const HEADERS = ['Three Months Ended', 'June 30, 2004', 'March 31, 2004', 'December 31, 2003', 'Twelve Months Ended', '12 Months Ending December 31, 2004',
  'Low End of Range', 'High End of Range', 'Six Months Ended', '2004', '2003', 'Q2 2004', 'Mpower Holding', 'Guidance Range', 'February 30, 2004', 'June 31, 2004'];
const NUMBERS = fc.oneof(
  fc.integer({ min: -9_999_999, max: 9_999_999 }).map((v) => (v < 0 ? `(${groupThousands(String(-v))})` : groupThousands(String(v)))),
  fc.integer({ min: 0, max: 99_999 }).map((v) => `$${groupThousands(String(v))}`),
  fc.integer({ min: -999, max: 999 }).map((v) => `${(v / 10).toFixed(1)}%`),
  fc.integer({ min: -99, max: 99 }).map((v) => (v < 0 ? `($${(-v / 100).toFixed(2)})` : `$${(v / 100).toFixed(2)}`)),
  fc.constantFrom('-', '$ -', '--', '$(7,800)', '($1,404)', '$ 900', '0', '00', '1,23', '12,3a4', '((1))', '$$1', '1e9', '1.2.3', '-0', '(0)', '9'.repeat(30)),
);

const docLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat({ max: 6 }), fc.constantFrom(...LABELS), fc.array(fc.tuple(fc.integer({ min: 1, max: 22 }), NUMBERS), { maxLength: 6 }))
    .map(([indent, label, cells]) => `${' '.repeat(indent)}${label}${cells.map(([gap, v]) => ' '.repeat(gap) + v).join('')}`) },
  { weight: 2, arbitrary: fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom(...HEADERS)), { minLength: 1, maxLength: 4 })
    .map((hs) => hs.map(([gap, h]) => ' '.repeat(gap) + h).join('')) },
  { weight: 1, arbitrary: fc.constantFrom('<TABLE>', '</TABLE>', '<CAPTION>', '<S>   <C>   <C>', '<PAGE>', '', '', '', '-'.repeat(60), '='.repeat(40), ' '.repeat(20) + '-'.repeat(30)) },
  { weight: 1, arbitrary: fc.constantFrom('Mpower Holding Corporation (AMEX: MPE) today announced results.', 'Revenue was $38.5 million, up 3.6%.',
    'Adjusted EBITDA of $2.5 million in the second quarter of 2004.', 'Note 1: exclusive of depreciation of $1,964, $1,939 and $1,742.') },
  { weight: 1, arbitrary: oddString(30) },
);

/** Text placed so that it ends at column `end` (right-aligned, as EDGAR tables are). */
function at(line: string, end: number, text: string): string {
  const start = Math.max(line.length + 2, end - text.length);
  return line + ' '.repeat(start - line.length) + text;
}

/** A fixed-width table: a title with a scale, period headers over 1-4 right-aligned columns, rows of numbers, rules, maybe tags. */
const randomTable: fc.Arbitrary<string[]> = fc.record({
  title: fc.constantFrom(...LABELS.slice(16, 19), 'SELECTED DATA (in thousands)', 'Other Company (In Millions of Dollars)', ''),
  columns: fc.integer({ min: 1, max: 4 }),
  width: fc.integer({ min: 14, max: 24 }),
  labelWidth: fc.integer({ min: 30, max: 70 }),
  headers: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 3 }),
  rows: fc.array(fc.tuple(fc.nat({ max: 4 }), fc.constantFrom(...LABELS), fc.array(NUMBERS, { minLength: 4, maxLength: 4 }), fc.nat({ max: 9 })), { maxLength: 30 }),
  tagged: fc.boolean(),
}).map((t) => {
  const ends = Array.from({ length: t.columns }, (_, i) => t.labelWidth + (i + 1) * t.width);
  const out: string[] = t.tagged ? ['<TABLE>', '<CAPTION>'] : [];
  if (t.title) out.push(t.title);
  for (const h of t.headers) out.push(ends.reduce((line, end) => at(line, end, h), ''));
  out.push('-'.repeat(ends[ends.length - 1]));
  if (t.tagged) out.push(['<S>', ...ends.map(() => '<C>')].join(' '.repeat(10)));
  for (const [indent, label, cells, extra] of t.rows) {
    if (extra === 0) { out.push(''); continue; }
    if (extra === 1) { out.push(ends.reduce((line, end) => at(line, end, '-'.repeat(t.width - 4)), '')); continue; }
    out.push(ends.reduce((line, end, i) => at(line, end, cells[i]), ' '.repeat(indent) + label));
  }
  if (t.tagged) out.push('</TABLE>');
  return out;
});

/** A document of prose, tables, table-like lines, headers, tags and junk, with any line ending. */
export function randomDocument(maxLines: number): fc.Arbitrary<string> {
  const block = fc.oneof(
    { weight: 2, arbitrary: randomTable },
    { weight: 2, arbitrary: fc.array(docLine, { maxLength: Math.max(1, Math.floor(maxLines / 4)) }) },
  );
  return fc.tuple(fc.array(block, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([blocks, eol]) => blocks.flat().slice(0, maxLines).join(eol));
}

// ---- the worker ------------------------------------------------------------------------------------

export interface CaseResult {
  ok: boolean;
  /** The error's stack when reading threw. */
  error?: string;
  timedOut?: boolean;
  /** Milliseconds to read, map and reconcile; and to build and validate the plan. */
  ms: number;
  planMs: number;
  facts: number;
  errors: string[];
  /** The first warnings. */
  warnings: string[];
  checks: CheckSummary;
  /** validatePlan's problems (null when no plan was built). */
  planProblems: string[] | null;
}

interface Job { id: number; name: string; text: string; plan: boolean }

const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
require(workerData.tsNode).register({ transpileOnly: true, project: workerData.tsconfig });
const { analyze } = require(workerData.root + '/src/pipeline');
const { buildPlan } = require(workerData.root + '/src/workbook/layout');
const { validatePlan } = require(workerData.root + '/src/workbook/validate');
parentPort.on('message', (job) => {
  const t0 = performance.now();
  try {
    const a = analyze([{ name: job.name, text: job.text }]);
    const ms = performance.now() - t0;
    const facts = a.dataset.facts().length;
    let planProblems = null;
    let planMs = 0;
    if (job.plan && facts > 0) {
      const t1 = performance.now();
      planProblems = validatePlan(buildPlan(a));
      planMs = performance.now() - t1;
    }
    const checks = {};
    for (const c of a.checks) checks[c.id] = c.status + ' ' + (c.difference === null ? 'null' : c.difference.toFixed(10)); // as summaryValue
    const errors = a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    const warnings = a.diagnostics.filter((d) => d.severity === 'warning').slice(0, 40).map((d) => d.message);
    parentPort.postMessage({ id: job.id, result: { ok: true, ms, planMs, facts, errors, warnings, checks, planProblems } });
  } catch (e) {
    parentPort.postMessage({ id: job.id, result: { ok: false, error: String((e && e.stack) || e), ms: performance.now() - t0, planMs: 0, facts: 0, errors: [], warnings: [], checks: {}, planProblems: null } });
  }
});
parentPort.postMessage({ ready: true });
`;

interface Reply { id?: number; ready?: boolean; result?: CaseResult }

/**
 * Runs cases in a worker thread (TypeScript through ts-node) so that a case that never ends is
 * stopped after `timeoutMs`, reported, and the next case runs in a fresh worker.
 */
export class FuzzRunner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private pending = new Map<number, (r: CaseResult) => void>();

  constructor(private readonly timeoutMs: number) {}

  private start(): Promise<void> {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { root: ROOT, tsNode: require.resolve('ts-node'), tsconfig: join(ROOT, 'tsconfig.json') },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    this.worker = worker;
    this.ready = new Promise<void>((resolveReady, reject) => {
      worker.on('message', (m: Reply) => {
        if (m.ready) { resolveReady(); return; }
        const done = m.id === undefined ? undefined : this.pending.get(m.id);
        if (done && m.id !== undefined && m.result) { this.pending.delete(m.id); done(m.result); }
      });
      worker.once('error', (e) => {
        reject(e);
        for (const [, done] of this.pending) done({ ok: false, error: `worker failed: ${String(e)}`, ms: 0, planMs: 0, facts: 0, errors: [], warnings: [], checks: {}, planProblems: null });
        this.pending.clear();
        if (this.worker === worker) { this.worker = undefined; this.ready = undefined; }
      });
    });
    return this.ready;
  }

  async run(name: string, text: string, plan: boolean): Promise<CaseResult> {
    if (!this.worker || !this.ready) await this.start();
    else await this.ready;
    const worker = this.worker as Worker;
    const id = this.nextId++;
    return new Promise<CaseResult>((resolveCase) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // A case that does not end is a finding: stop the worker, start afresh for the next one.
        void worker.terminate();
        if (this.worker === worker) { this.worker = undefined; this.ready = undefined; }
        resolveCase({ ok: false, timedOut: true, error: `no result within ${this.timeoutMs} ms`, ms: this.timeoutMs, planMs: 0, facts: 0, errors: [], warnings: [], checks: {}, planProblems: null });
      }, this.timeoutMs);
      this.pending.set(id, (r) => { clearTimeout(timer); resolveCase(r); });
      const job: Job = { id, name, text, plan };
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/** A recipe list as one short line for reports (long junk elided). */
export function describeRecipe(recipe: Recipe[]): string {
  return recipe.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 40)}…(${v.length})` : v))).join(' + ');
}
