/**
 * What a table's surroundings say about its rows and columns, for the text and the HTML reader
 * alike: the kind and scale of a row's figures from its label, its section heading and the
 * table's scale statement with its exceptions (units from context); the title from the lines
 * above; periods for columns whose own header names none.
 */
import { describeColumn, type ColumnContext } from './columns';
import { findScaleStatement, scaleOf } from './numbers';
import type { Amount, AmountKind, Scale, Table, TableColumn } from './types';
import { foldBlanks } from './text';

export interface RowUnits {
  /** The table's scale statement as printed (`In millions, except share amounts which are reflected in thousands`). */
  scaleText: string;
  tableScale: Scale;
  /** The table's title: a table of EPS (`Significant Factors Impacting EPS`) prints per-share amounts. */
  title?: string;
}

/** Labels of equity accounts that mention share counts but print money (`Common stock, $.01 par value; authorized 30,000,000 shares`). */
const EQUITY_ACCOUNT = /^(?:common|preferred|preference|treasury|capital)\s+(?:stock|shares)\b|\bpar value\b|\bshares authorized\b|\bauthorized\b.*\bshares\b/i;

const SHARE_COUNT = /\b(?:weighted[- ]average|average)\b.*\bshares?\b|\bshares?\b.*\b(?:outstanding|used|weighted)\b|\bnumber of (?:common )?shares\b|\bshares? (?:issued|repurchased)\b/i;
const PER_SHARE = /\bper (?:common |diluted |basic |ordinary )?(?:equivalent )?share\b|\beps\b|\bprice\b|\bdividends? (?:declared )?per\b|\bbook value per\b/i;
const PERCENT_ROW = /%|(?<!-)\bpercent(?:age)?\b(?!-)|\b(?:tax|interest|growth|effective|return|margin|occupancy|utilization|churn) rate\b|\bmargin\s*(?:%|percent|rate)|\bas a (?:%|percent)/i;

/** The scale a share count takes: its label or section (`(in thousands)`), then the table's statement and its exceptions. */
function shareScale(label: string, section: string, units: RowUnits): Scale {
  const own = /\(\s*in\s+(thousands|millions|billions)\s*\)|\bin (thousands|millions|billions)\b/i.exec(`${label} ${section}`);
  if (own) return scaleOf(own[1] ?? own[2]) ?? 'units';
  const s = units.scaleText.toLowerCase();
  // `shares in thousands`, `share amounts which are reflected in thousands`.
  const shares = /\bshares?(?: amounts?| data| counts?)?(?: which are)?(?: reflected| stated| presented| shown)?\s+in\s+(thousands|millions|billions)\b/.exec(s);
  if (shares) return scaleOf(shares[1]) ?? 'units';
  // `except share and per share amounts`, `except shares`: shares in units.
  if (/\bexcept\b[^)]*(?<!\bper (?:common |diluted |basic |ordinary )?)\bshares?\b/.test(s)) return 'units';
  // `(in millions, except per share)`: the share counts are in the table's scale.
  return units.tableScale;
}

// Hoisted (a regular expression literal is a new object each time it is evaluated, and these are asked of every row or cell).
const DIGIT = /\d/;
const EXCHANGE_RATE = /\bexchange rate\b/i;
const SHARES_HEADING = /^shares\b/i;
const BASIC_OR_DILUTED = /^(?:basic|diluted)\b/i;

/**
 * The kind and scale a row's label and section give its figures, or nothing when they say nothing
 * (the cell's own `%` or `$` and the default then decide).
 */
export function rowKindOf(label: string, section: string, units: RowUnits): { kind?: AmountKind; scale?: Scale } {
  const l = foldBlanks(label);
  if (EQUITY_ACCOUNT.test(l)) return { kind: 'money' };
  if (SHARE_COUNT.test(l)) return { kind: 'shares', scale: shareScale(l, section, units) };
  if (PER_SHARE.test(l)) return { kind: 'per-share', scale: 'units' };
  if (EXCHANGE_RATE.test(l)) return { kind: 'ratio', scale: 'units' };
  if (PERCENT_ROW.test(l)) return { kind: 'percent', scale: 'units' };
  if (section) {
    if (SHARE_COUNT.test(section) || SHARES_HEADING.test(section)) return { kind: 'shares', scale: shareScale(l, section, units) };
    if (PER_SHARE.test(section)) return { kind: 'per-share', scale: 'units' };
    // `Basic` / `Diluted` headings stand over per-share rows (share counts say so in their label).
    if (BASIC_OR_DILUTED.test(section)) return { kind: 'per-share', scale: 'units' };
    if (PERCENT_ROW.test(section) && !section.includes('$')) return { kind: 'percent', scale: 'units' };
  }
  if (units.title && /\bEPS\b|\bper (?:common |diluted )?share\b/i.test(units.title) && !/\bexcept\b/i.test(units.title)) return { kind: 'per-share', scale: 'units' };
  return {};
}

/**
 * The kind of one figure: the cell's own `%` first, then a share count the label names, the
 * column's header (`Earnings Per Share`), the row's label and section, `$0.59` beside `Basic` or
 * `Diluted`, and last what the cell and label say (`amountKind`).
 */
export function figureKind<T extends { percent: boolean; dollar: boolean; decimals: number }>(
  token: T,
  row: { kind?: AmountKind },
  column: { kind?: AmountKind; measure?: string },
  label: string,
  fallback: (token: T) => AmountKind,
): AmountKind {
  if (token.percent || column.measure === 'percent-change' || column.measure === 'percent-of') return 'percent';
  if (row.kind === 'shares') return 'shares';
  if (column.kind) return column.kind;
  if (row.kind) return row.kind;
  if (token.dollar && token.decimals === 2 && BASIC_OR_DILUTED.test(label.trim())) return 'per-share';
  return fallback(token);
}

/** A blank line between `Basic` and `Diluted` does not end the heading they stand under. */
export function keepsSection(previousLabel: string | undefined, nextLabel: string | undefined): boolean {
  return /^basic\b/i.test(previousLabel?.trim() ?? '') && /^diluted\b/i.test(nextLabel?.trim() ?? '');
}

/** Long running text (a sentence of a paragraph), not a title. */
function isProseLine(t: string): boolean {
  return t.length > 110 || (t.length > 60 && /[.;:]$/.test(t) && t.split(/\s+/).length > 9);
}

/** A title's text without its brackets naming a scale or `unaudited` (`(In thousands, except per share data)`). */
export function withoutScaleBrackets(t: string): string {
  return t.replace(/\([^()]*\b(?:thousands?|millions?|billions?|unaudited)\b[^()]*\)?/gi, '').trim();
}

/**
 * A table's title from the lines above it (nearest last) and its caption: the nearest one or two
 * short lines that are neither a scale statement nor a note, joined with a dash.
 */
export function titleOf(above: string[], caption: string[], fallback: string): string {
  const candidates: string[] = [];
  for (const raw of [...above, ...caption]) {
    const t = foldBlanks(raw).trim();
    if (t === '') continue;
    if (isProseLine(t)) { candidates.length = 0; continue; }
    const stripped = withoutScaleBrackets(t);
    if (stripped === '' || findScaleStatement(t) === t.replace(/^\(|\)$/g, '')) continue;
    if (/^\(?unaudited\)?$|^exhibit\b|^-?\s*(?:more|table to follow)\s*-?$|^page \d+$|^\d+$|^#+$/i.test(stripped)) continue;
    candidates.push(stripped);
  }
  const picked = candidates.slice(-2);
  return picked.join(' — ') || fallback;
}

/**
 * Columns settled against each other: a change or percent column takes the period of the value
 * column it follows; when no header names a period, the title (or caption) may (`Three Months
 * Ended June 26, 2004` above an `As Reported / Adjustments / Non-GAAP` table).
 */
export function settleColumns(columns: TableColumn[], titleText: string, ctx: ColumnContext): TableColumn[] {
  if (columns.every((c) => !c.period) && titleText.trim() !== '') {
    // The title names the duration and dates (`For the 13 Weeks Ended July 3, 2004 and June 28,
    // 2003`), the column its year or nothing (`Domestic 2004`, `Retail & Related Services`).
    for (const c of columns) {
      if ((c.measure ?? 'value') !== 'value') continue;
      c.period = describeColumn(`${titleText} ${c.header.replace(/\b(?!(?:19|20)\d\d\b)\S+/g, ' ')}`, ctx).period;
    }
  }
  // A change column takes the latest period of the value columns it follows.
  let run: TableColumn[] = [];
  let afterChange = false;
  for (const c of columns) {
    if ((c.measure ?? 'value') === 'value') {
      if (afterChange) { run = []; afterChange = false; }
      if (c.period) run.push(c);
      continue;
    }
    afterChange = true;
    const latest = run.reduce<TableColumn | undefined>((a, b) => (!a || (b.period && a.period && b.period.end > a.period.end) ? b : a), undefined);
    if (!c.period && latest?.period) c.period = latest.period;
  }
  return columns;
}

/** A printed dash (`-`, `$ -`, `—`): a zero written without digits. */
function isDash(a: Amount): boolean {
  return !DIGIT.test(a.text);
}

/**
 * A dash takes the precision of the figures it stands among: a `-` in a per-share column printed
 * to the cent is a zero to the cent (half a unit of it is half a cent, not half a dollar). The
 * precision is that of the row's other figures of the dash's kind, else of its column's figures of
 * that kind; a dash among no figures of its kind keeps 0 decimals. Settled once for the text and
 * the HTML reader alike, so nothing downstream treats a dash apart.
 */
export function settleDashes(table: Table): void {
  // Most tables print no dash: then nothing is gathered.
  if (!table.rows.some((r) => r.cells.some((c) => isDash(c.amount)))) return;
  // The most decimals of the figures (not dashes) of each kind, by column, gathered once.
  const byKind: Partial<Record<AmountKind, number[]>> = {};
  for (const row of table.rows) {
    for (const c of row.cells) {
      if (isDash(c.amount)) continue;
      const columns = (byKind[c.amount.kind] ??= []);
      columns[c.column] = Math.max(columns[c.column] ?? 0, c.amount.decimals);
    }
  }
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (!isDash(cell.amount)) continue;
      const kind = cell.amount.kind;
      let inRow: number | undefined;
      for (const c of row.cells) if (c.amount.kind === kind && !isDash(c.amount)) inRow = Math.max(inRow ?? 0, c.amount.decimals);
      const decimals = inRow ?? byKind[kind]?.[cell.column] ?? cell.amount.decimals;
      if (decimals !== cell.amount.decimals) cell.amount = withDecimals(cell.amount, decimals);
    }
  }
}

/** A dash's amount at another precision, made once per amount and precision (the reader shares one amount among the cells printing a figure alike; amounts are never changed). */
const SETTLED = new WeakMap<Amount, Map<number, Amount>>();
function withDecimals(amount: Amount, decimals: number): Amount {
  let byDecimals = SETTLED.get(amount);
  if (!byDecimals) SETTLED.set(amount, (byDecimals = new Map()));
  let settled = byDecimals.get(decimals);
  if (!settled) byDecimals.set(decimals, (settled = { ...amount, decimals }));
  return settled;
}
