/**
 * What the task pane shows before anything is written: a summary of the filings read and of
 * their checks, as plain data (no DOM), so that it can be tested in Node.
 */
import type Decimal from 'decimal.js';
import type { Analysis } from '../src/pipeline';
import { checkCounts } from '../src/pipeline';
import { isMpower } from '../src/filing/company';
import { sortChecks } from '../src/reconcile/triage';
import type { Check, CheckStatus, Diagnostic, Fact } from '../src/model/types';
import { claimsPreviewOf, type ClaimsPreview } from './claims-view';

export interface FilingSummary {
  file: string;
  company: string;
  ticker: string;
  date: string;
  tables: number;
  facts: number;
  unmapped: number;
  periods: string[];
}

/** A piece of a printed line; `mark` is the number the check uses. */
export interface LinePart {
  text: string;
  mark: boolean;
}

export interface OperandView {
  label: string;
  /** The number as printed (`$0.01`, `(1,312)`), or the value when the filing's text is not known. */
  printed: string;
  file: string;
  line: number | null;
  /** The printed line, runs of blanks shortened, split around the number the check uses. */
  parts: LinePart[];
  /** 0-based character span of the number on its line, when known. */
  span?: [number, number];
  missing: boolean;
}

export interface CheckView {
  id: string;
  status: CheckStatus;
  /** For a break or a rounding: which way the printed figure misses what its operands give. */
  direction: string;
  /** For a break: the one printed number likely wrong, when exactly one stands out. */
  culprit?: { file: string; line: number; label: string; printed: string; wouldTie: string };
  description: string;
  /** `2004Q1`, `FY2004 (guidance, low end)`. */
  period: string;
  reported: string;
  computed: string;
  difference: string;
  tolerance: string;
  operands: OperandView[];
}

/** A cell of a table as read: the number as printed and where it stands. */
export interface CellView {
  text: string;
  file: string;
  line: number;
  /** 0-based character span of the number on its line. */
  span: [number, number];
}

/** A table as the reader understood it: its title, its columns' periods and its rows. */
export interface TableView {
  id: string;
  file: string;
  title: string;
  lines: [number, number];
  /** Each column's period as read (`2004Q2`, `FY2004 low`), or its header when it names none. */
  columns: string[];
  rows: { label: string; line: number; section: string; cells: (CellView | null)[] }[];
}

/** A value a newer filing reports differently. */
export interface RestatementView {
  label: string;
  period: string;
  previous: string;
  current: string;
  previousAt: { file: string; line: number };
  currentAt: { file: string; line: number };
}

export interface Preview {
  /** Filings read in this import (not those already imported). */
  filings: FilingSummary[];
  /** Every release the preview covers (those loaded before in this session or stored in the workbook, then these). */
  session: string[];
  /** Files given that were already imported (same text): nothing new in them. */
  alreadyImported: string[];
  company: string;
  /**
   * Companies of this import that are not Mpower Holding (or name no company): previewed and
   * exported, but the `=MPWR.*` functions do not use their figures.
   */
  otherCompanies: string[];
  /** Quarters, years and other durations of the whole dataset, in time order. */
  periods: string[];
  /** Balance sheet dates, in time order. */
  instants: string[];
  /** Guidance periods, in time order. */
  guidance: string[];
  tables: number;
  facts: number;
  unmapped: number;
  /** Rows (printed lines) whose label maps to no concept. */
  unmappedRows: number;
  /** A few unmapped labels, for the person to see what was not recognised. */
  unmappedLabels: string[];
  counts: Record<CheckStatus, number>;
  total: number;
  /** Every check that is not a tie: breaks first, then unverified, incomplete, rounding. */
  nonTies: CheckView[];
  /** The ties (shown when their tile is chosen). */
  ties: CheckView[];
  /** Checks of derived values (computed from other periods), in a list of their own. */
  derived: CheckView[];
  restatements: RestatementView[];
  /** Every table as read, document order, filings in import order. */
  tableViews: TableView[];
  /** The text of each filing, line by line, for the text view. */
  texts: { file: string; lines: string[] }[];
  /** The numeric statements of the releases' prose, judged against the tables. */
  claims: ClaimsPreview;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** True when there is something to write. */
  writable: boolean;
}

const SCENARIO_SHORT: Record<string, string> = { 'guidance-low': ' low', 'guidance-high': ' high' };

const SCENARIO_TEXT: Record<string, string> = {
  'guidance-low': 'guidance, low end',
  'guidance-high': 'guidance, high end',
};

/** `1234567.891` → `1,234,567.891`; negative numbers with a minus sign (U+2212). */
export function formatNumber(value: Decimal, decimals: number): string {
  const fixed = value.abs().toFixed(Math.max(0, decimals));
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = fraction ? `${grouped}.${fraction}` : grouped;
  return value.isNegative() && !/^[0.,]+$/.test(text) ? `\u2212${text}` : text;
}

/** Decimals to show for a computed figure: two more than printed, so that a rounding is visible. */
function shownDecimals(printedDecimals: number, value: Decimal | null): number {
  if (value === null || value.isInteger()) return printedDecimals;
  return Math.min(printedDecimals + 2, 6);
}

/** Shortens runs of three or more blanks to two, so that a printed line fits a narrow pane. */
function squeeze(text: string): string {
  return text.replace(/ {3,}/g, '  ');
}

function lineParts(text: string, column: [number, number] | undefined): LinePart[] {
  const raw = text.replace(/\s+$/, '');
  if (!column || column[0] < 0 || column[1] > raw.length || column[0] >= column[1]) {
    return [{ text: squeeze(raw.trim()), mark: false }];
  }
  const before = squeeze(raw.slice(0, column[0]).trimStart());
  const mark = raw.slice(column[0], column[1]);
  const after = squeeze(raw.slice(column[1]));
  return [
    { text: before, mark: false },
    { text: mark, mark: true },
    { text: after, mark: false },
  ].filter((p) => p.text.length > 0);
}

/** Facts by file, line and concept, to find the printed text behind a check's operand. */
function factIndex(analysis: Analysis): Map<string, Fact[]> {
  const index = new Map<string, Fact[]>();
  for (const { facts } of analysis.dataset.filingFacts()) {
    for (const f of facts) {
      const key = `${f.source.file}|${f.source.line}|${f.concept}`;
      const list = index.get(key);
      if (list) list.push(f);
      else index.set(key, [f]);
    }
  }
  return index;
}

function factOf(index: Map<string, Fact[]>, check: Check, op: Check['operands'][number]): Fact | undefined {
  if (op.line === null) return undefined;
  const candidates = index.get(`${op.file}|${op.line}|${op.concept}`) ?? [];
  const samePeriod = candidates.filter((f) => f.period.key === check.period && f.scenario === check.scenario);
  if (samePeriod.length === 1) return samePeriod[0];
  const value = op.value;
  if (value !== null) {
    const sameValue = candidates.filter((f) => f.value.eq(value) || f.amount.value.eq(value));
    if (sameValue.length >= 1) return (samePeriod.find((f) => sameValue.includes(f)) ?? sameValue[0]);
  }
  return samePeriod[0];
}

function checkView(check: Check, index: Map<string, Fact[]>): CheckView {
  const facts = check.operands.map((op) => factOf(index, check, op));
  const reportedFact = facts[0];
  const printedDecimals = reportedFact?.amount.decimals ?? 0;
  const kind = reportedFact?.amount.kind;
  const unit = kind === 'percent' ? '%' : '';
  const show = (v: Decimal | null, decimals: number): string => (v === null ? 'not printed' : `${formatNumber(v, decimals)}${unit}`);
  const computedDecimals = shownDecimals(printedDecimals, check.computed);
  const operands: OperandView[] = check.operands.map((op, i) => {
    const fact = facts[i];
    return {
      label: op.label,
      printed: fact ? fact.amount.text : op.value === null ? 'not printed' : formatNumber(op.value, 0),
      file: op.file,
      line: op.line,
      parts: op.text ? lineParts(op.text, fact?.source.column) : [],
      span: fact?.source.column,
      missing: op.value === null,
    };
  });
  const scenario = SCENARIO_TEXT[check.scenario];
  const d = check.difference;
  const direction = d === null || d.isZero() || check.computed === null
    ? ''
    : `Printed ${d.isPositive() ? 'above' : 'below'} what its lines give by ${show(d.abs(), computedDecimals)}`;
  const k = check.culprit;
  return {
    id: check.id,
    status: check.status,
    direction,
    culprit: k ? { file: k.file, line: k.line, label: k.label, printed: formatNumber(k.printed, Math.max(0, k.printed.decimalPlaces())), wouldTie: formatNumber(k.wouldTie, Math.max(0, k.printed.decimalPlaces())) } : undefined,
    description: check.description,
    period: scenario ? `${check.period} (${scenario})` : check.period,
    reported: reportedFact && check.reported !== null && reportedFact.value.eq(check.reported)
      ? reportedFact.amount.text
      : show(check.reported, printedDecimals),
    computed: show(check.computed, computedDecimals),
    difference: check.difference === null ? '—' : `${check.difference.isPositive() && !check.difference.isZero() ? '+' : ''}${show(check.difference, computedDecimals)}`,
    tolerance: check.tolerance.isZero() ? 'exact' : `±${formatNumber(check.tolerance, Math.max(printedDecimals + 1, check.tolerance.decimalPlaces()))}${unit}`,
    operands,
  };
}

/** The preview of an analysis; `names` are the files of this import (the rest was imported before). */
export function previewOf(analysis: Analysis, names: string[]): Preview {
  const infos = analysis.dataset.info();
  const filings: FilingSummary[] = infos
    .filter((i) => names.includes(i.file))
    .map((i) => ({ file: i.file, company: i.company, ticker: i.ticker, date: i.date, tables: i.tables, facts: i.facts, unmapped: i.unmapped, periods: i.periods }));
  const readNames = new Set(infos.map((i) => i.file));
  const failed = new Set(analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const alreadyImported = names.filter((n) => !readNames.has(n) && !failed.has(n));
  const index = factIndex(analysis);
  const derivedCheck = (c: Check): boolean => c.rule.startsWith('derived');
  const nonTies = sortChecks(analysis.checks.filter((c) => c.status !== 'tie' && !derivedCheck(c))).map((c) => checkView(c, index));
  const ties = analysis.checks.filter((c) => c.status === 'tie' && !derivedCheck(c)).map((c) => checkView(c, index));
  const derived = sortChecks(analysis.checks.filter(derivedCheck)).map((c) => checkView(c, index));
  const tableViews: TableView[] = analysis.dataset.filings.flatMap((f) => f.tables.map((t) => ({
    id: t.id,
    file: f.file,
    title: t.title,
    lines: t.lines,
    columns: t.columns.map((c) => (c.period ? `${c.period.key}${SCENARIO_SHORT[c.scenario] ?? ''}` : c.header || '—')),
    rows: t.rows.map((r) => {
      const cells: (CellView | null)[] = t.columns.map(() => null);
      for (const c of r.cells) if (c.column >= 0 && c.column < cells.length) cells[c.column] = { text: c.amount.text, file: f.file, line: c.line, span: c.span };
      return { label: r.label, line: r.line, section: r.section, cells };
    }),
  })));
  const texts = analysis.dataset.filings.map((f) => ({ file: f.file, lines: f.text.split(/\r\n|\r|\n/) }));
  const restatements: RestatementView[] = analysis.dataset.restatements.map((r) => ({
    label: r.current.label,
    period: `${r.period}${SCENARIO_SHORT[r.scenario] ?? ''}`,
    previous: r.previous.amount.text,
    current: r.current.amount.text,
    previousAt: { file: r.previous.source.file, line: r.previous.source.line },
    currentAt: { file: r.current.source.file, line: r.current.source.line },
  }));
  const companies = [...new Set(infos.map((i) => i.company).filter((c) => c))];
  const unmappedFacts = analysis.dataset.filingFacts()
    .flatMap((s) => s.facts)
    .filter((f) => !f.mapped && names.includes(f.source.file));
  const otherCompanies = [...new Set(filings.filter((f) => !isMpower({ name: f.company, ticker: f.ticker })).map((f) => f.company || 'a company the filing does not name'))];
  return {
    filings,
    session: infos.map((i) => i.file),
    alreadyImported,
    company: companies.join(', ') || 'not named in the filing',
    otherCompanies,
    periods: analysis.dataset.periods().filter((p) => p.type !== 'instant').map((p) => p.key),
    instants: analysis.dataset.periods().filter((p) => p.type === 'instant').map((p) => p.key),
    guidance: analysis.dataset.guidancePeriods().map((p) => p.key),
    tables: filings.reduce((s, f) => s + f.tables, 0),
    facts: filings.reduce((s, f) => s + f.facts, 0),
    unmapped: filings.reduce((s, f) => s + f.unmapped, 0),
    unmappedRows: new Set(unmappedFacts.map((f) => `${f.source.file}|${f.source.line}`)).size,
    unmappedLabels: [...new Set(unmappedFacts.map((f) => f.label))].slice(0, 8),
    counts: checkCounts(analysis.checks),
    total: analysis.checks.length,
    nonTies,
    ties,
    derived,
    restatements,
    tableViews,
    texts,
    claims: claimsPreviewOf(analysis, names),
    errors: analysis.diagnostics.filter((d) => d.severity === 'error'),
    warnings: analysis.diagnostics.filter((d) => d.severity === 'warning'),
    writable: analysis.dataset.facts().length > 0,
  };
}

/** `mpwr-2004q2-ex99-1.txt, line 42: message`. */
export function diagnosticText(d: Diagnostic): string {
  const where = d.line ? `${d.file}, line ${d.line}` : d.file;
  const message = d.message.charAt(0).toUpperCase() + d.message.slice(1);
  return where ? `${where}: ${message}` : message;
}
