/**
 * From a read Filing to facts: each table cell and each figure of a recognised sentence becomes a
 * fact with a concept (or a slug, unmapped), a period, a scenario, the canonical sign and its
 * provenance.
 */
import Decimal from 'decimal.js';
import { conceptForLabel, slugOf, type ConceptDef, type Nature } from './concepts';
import { NARRATIVE_RULES } from './narrative-rules';
import { companyOf, isMpower } from '../filing/company';
import { duration } from '../filing/periods';
import { filingLines, type NumberedLines } from '../filing/lines';
import type { Filing, Table, TableColumn, TableRow } from '../filing/types';
import type { Amount, Company, Fact, Period, Scale, Scenario } from './types';

/** Sections whose rows are printed as costs (positive = reduces income). */
const COST_SECTION = /expenses|costs/i;

/** Canonical value from the printed one: where the row stands (a cost section?) and what the concept is. */
export function canonicalValue(printed: Decimal, nature: Nature, costSection: boolean): Decimal {
  if (nature === 'balance' || nature === 'ratio') return printed;
  // Printed in a cost section, an income item is negated; an expense is negated unless it is.
  return costSection !== (nature === 'expense') ? negation(printed) : printed;
}

/**
 * 1 where the canonical value is the printed one, -1 where it is negated (`canonicalValue` gives
 * the printed value or its negation; a negated zero is still zero). No comparison is made:
 * decimal.js's comparisons copy their argument, and this is asked of every figure.
 */
function presentedSign(value: Decimal, printed: Decimal): 1 | -1 {
  return value === printed || value.isZero() ? 1 : -1;
}

/** Each printed value's negation, made once: the reader shares one Decimal among the cells that print a figure alike. */
const NEGATED = new WeakMap<Decimal, Decimal>();

function negation(d: Decimal): Decimal {
  let n = NEGATED.get(d);
  if (n === undefined) NEGATED.set(d, (n = d.negated()));
  return n;
}

/** The statement a table's title or headers name (every cell of it alike), or undefined: then each concept's own. */
function tableStatement(table: Table): string | undefined {
  const t = table.title.toLowerCase();
  if (/guidance|outlook/.test(table.columns.map((c) => c.header).join(' ').toLowerCase())) return 'guidance';
  if (/balance sheet/.test(t)) return 'balance_sheet';
  if (/operations|income/.test(t)) return 'operations';
  if (/reconciliation|non-gaap/.test(t)) return 'non_gaap';
  return undefined;
}

/** Durations the filing names, by end date: a flow printed under a bare date takes one of these. */
function durationsByEnd(filing: Filing): Map<string, Period> {
  const m = new Map<string, Period>();
  for (const t of filing.tables) {
    for (const c of t.columns) {
      const p = c.period;
      if (!p || p.type === 'instant') continue;
      const prev = m.get(p.end);
      if (!prev || Math.abs(p.months - 3) < Math.abs(prev.months - 3)) m.set(p.end, p);
    }
  }
  return m;
}

export interface FilingFacts {
  filing: Filing;
  facts: Fact[];
}

/**
 * The catalogue is Mpower's: another company's labels stay unmapped (a like-named row is not the
 * same concept), and so do an unknown company's (a release that names no company). Every Mpower
 * release names the company (`Mpower Holding Corporation (AMEX: MPE)`, and `Mpower Holding` over
 * each column of its tables), so a table pasted with its header is Mpower's; a block of rows
 * pasted without one is not known to be, and is read as an unknown company's.
 */
export function usesCatalogue(filing: Filing): boolean {
  return isMpower(companyOf(filing));
}

/** What sets a column's figures apart from the period's consolidated value (see `Fact.member`), or undefined. */
function memberOf(column: TableColumn): string | undefined {
  const measure = column.measure ?? 'value';
  const kind = measure === 'change' ? 'change' : measure === 'percent-change' ? 'pct-change' : measure === 'percent-of' ? 'pct-of' : '';
  const parts = [column.member, kind].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** What every fact of one filing, or of one table, shares: worked out once, not per cell. */
interface FactContext {
  filing: Filing;
  company: Company;
  catalogue: boolean;
  durations: Map<string, Period>;
  /** The table's statement when its title or headers name one (see `tableStatement`). */
  statement: string | undefined;
  /** Each column's member, by column index. */
  members: (string | undefined)[];
}

function rowFacts(ctx: FactContext, table: Table, row: TableRow, out: Fact[]): void {
  const { filing, company, catalogue, durations } = ctx;
  const costSection = COST_SECTION.test(row.section);
  // A row's cells share its label: its concept and its slug are worked out once per kind of figure.
  let concepts: Partial<Record<Amount['kind'], ConceptDef | null>> | undefined;
  let slugs: Partial<Record<Amount['kind'], string>> | undefined;
  const slug = (kind: Amount['kind']) => ((slugs ??= {})[kind] ??= slugOf(row.section ? `${row.section} ${row.label}` : row.label, kind));
  for (const cell of row.cells) {
    const column = table.columns[cell.column];
    let period = column?.period;
    if (!period) continue;
    const member = ctx.members[cell.column];
    const kind = cell.amount.kind;
    const concept = catalogue && !member ? ((concepts ??= {})[kind] ??= conceptForLabel(row.label, kind, filing.date) ?? null) ?? undefined : undefined;
    if (concept?.periodType === 'duration' && period.type === 'instant') {
      period = durations.get(period.end) ?? duration(3, period.end);
    }
    const nature: Nature = concept?.nature ?? 'balance';
    const value = canonicalValue(cell.amount.value, nature, costSection);
    // Unmapped rows under a section heading keep it in their id (Alabama Power's Operating Revenues);
    // a segment's or a change column's figures keep their member in it.
    out.push({
      company,
      concept: concept?.id ?? (member ? `${slug(kind)}__${member.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '').toLowerCase()}` : slug(kind)),
      mapped: concept !== undefined,
      label: row.label,
      period,
      scenario: column.scenario,
      value,
      presentedSign: presentedSign(value, cell.amount.value),
      amount: cell.amount,
      scale: cell.amount.kind === 'money' ? (column.scale ?? table.scale) : (row.scale ?? 'units'),
      source: { file: filing.file, line: cell.line, column: cell.span, table: table.id, tableTitle: table.title, text: row.text },
      statement: ctx.statement ?? concept?.statement ?? 'table',
      // Always present (undefined for the consolidated figure): one object shape for every fact, no copy.
      member: member || undefined,
    });
  }
}

/** A fact from a figure in running text, built by a narrative rule. */
export interface TextFactSpec {
  concept: ConceptDef;
  period: Period;
  scenario: Scenario;
  amount: Amount;
  scale: Scale;
  line: number;
  span: [number, number];
  label: string;
  kind: 'note' | 'narrative';
  /** Printed as a cost ("exclusive of depreciation of $1,964")? */
  costSection: boolean;
}

export function textFact(filing: Filing, lines: NumberedLines, spec: TextFactSpec): Fact {
  const value = canonicalValue(spec.amount.value, spec.concept.nature, spec.costSection);
  const lineText = lines.at(spec.line);
  return {
    company: companyOf(filing),
    concept: spec.concept.id,
    mapped: true,
    label: spec.label,
    period: spec.period,
    scenario: spec.scenario,
    value,
    presentedSign: presentedSign(value, spec.amount.value),
    amount: spec.amount,
    scale: spec.scale,
    source: {
      file: filing.file,
      line: spec.line,
      column: spec.span,
      table: spec.kind,
      tableTitle: spec.kind === 'note' ? 'Notes' : 'Text',
      text: lineText.trimEnd(),
    },
    statement: spec.kind,
  };
}

/** Every fact of a filing: table cells first (in document order), then figures stated in text. */
export function factsOf(filing: Filing): FilingFacts {
  const durations = durationsByEnd(filing);
  const facts: Fact[] = [];
  const company = companyOf(filing);
  const catalogue = usesCatalogue(filing);
  for (const table of filing.tables) {
    const ctx: FactContext = { filing, company, catalogue, durations, statement: tableStatement(table), members: table.columns.map(memberOf) };
    for (const row of table.rows) rowFacts(ctx, table, row, facts);
  }
  const lines = filingLines(filing);
  for (const sentence of usesCatalogue(filing) ? filing.sentences : []) {
    for (const rule of NARRATIVE_RULES) {
      for (const spec of rule(sentence, durations)) facts.push(textFact(filing, lines, spec));
    }
  }
  return { filing, facts };
}
