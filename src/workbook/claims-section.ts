/**
 * The Checks sheet's narrative section: one row per claim of Mpower's text (`$38.5 million`,
 * `up 2.5% over`, `54% of revenue`, `essentially even with`), live where the fact is a cell. The
 * claimed number and the direction are input cells (blue); Fact and Base reference the statement
 * sheets' cells (in the canonical sign: a presented `(1,312)` loss reads −1,312, as the engine
 * holds it); Actual computes the claim's own terms from them (millions, a change in percent, a
 * share of revenue) and Status judges it by formula at the claim's printed precision, as
 * `src/narrative/judge.ts` does in decimals: `tie` when equal, `rounding` when equal rounded to the
 * printed decimals, `break` otherwise or when the direction word does not hold. Type another
 * number or another direction (up, down, better, worse, even, above, below) and the status
 * re-evaluates. Unlinked claims are listed with their reason. Pure.
 */
import type { Dataset } from '../model/dataset';
import type { AmountKind, Scale } from '../model/types';
import { SCALE_FACTOR } from '../model/types';
import { claimKey, claimSubject, claimWords, type JudgedClaim } from '../narrative';
import { betterSign } from '../narrative/judge';
import { EVEN_PERCENT, SHARE_DENOMINATOR } from '../narrative/vocabulary';
import { cellAddress, columnLetter, sheetCell } from './a1';
import type { Locator } from './checks-sheet';
import { CHECK_FORMATS, FORMATS, FORMULA_COLOR, INPUT_COLOR, cellNumber } from './format';
import type { CellStyle, ConditionalFormatSpec, NameSpec, PlanCell } from './plan';

/** Columns of a claim row (0-based). */
export const CLAIM_COLUMNS = ['Claim', 'Statement', 'Period', 'Compared with', 'Direction', 'Claimed', 'Claimed (high)', 'Fact', 'Base', 'Actual', 'Status', 'At import', 'Lines', 'Reason'] as const;
const COL = Object.fromEntries(CLAIM_COLUMNS.map((c, i) => [c, i])) as Record<(typeof CLAIM_COLUMNS)[number], number>;

const CLAIM_STYLE: Record<string, { fill: string; color: string }> = {
  break: { fill: '#FFC7CE', color: '#9C0006' },
  rounding: { fill: '#FFEB9C', color: '#7F6000' },
  unlinked: { fill: '#F2F2F2', color: '#595959' },
  incomplete: { fill: '#F2F2F2', color: '#595959' },
};
const COUNTED = ['tie', 'rounding', 'break', 'unlinked'] as const;

/** The cells of one claim row, for tests and the pane (sheet-qualified A1). */
export interface ClaimCells {
  id: string;
  status: JudgedClaim['status'];
  claimed: string;
  direction: string;
  liveStatus: string;
}

export interface ClaimsSection {
  conditional: ConditionalFormatSpec[];
  names: NameSpec[];
  cells: ClaimCells[];
}

const bold = (text: string): PlanCell => ({ value: text, style: { bold: true } });

/** `x` in the claim's scale: `H20/1000` for thousands to millions. */
function rescale(x: string, from: Scale, to: Scale): string {
  const k = SCALE_FACTOR[from] / SCALE_FACTOR[to];
  if (k === 1) return x;
  const term = /^-?[A-Z]+\d+$/.test(x) ? x : `(${x})`;
  return k < 1 ? `${term}/${Math.round(1 / k)}` : `${term}*${k}`;
}

/** `0.0` for one printed decimal. */
function decimalsFormat(d: number): string {
  return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

/**
 * Appends the narrative section to `rows` (absolute row numbers are `rows.length` as it grows):
 * a title, the live counts, the header and one row per claim.
 */
export function appendClaimsSection(rows: PlanCell[][], claims: JudgedClaim[], dataset: Dataset, loc: Locator, self: { name: string }): ClaimsSection {
  const out: ClaimsSection = { conditional: [], names: [], cells: [] };
  if (!claims.length) return out;
  const moneyScale = loc.moneyScale;
  rows.push([]);
  rows.push([bold('Claims of the text (each number of the prose against the table figure it speaks of): type another claimed number or direction and its status re-evaluates')]);
  const countRow = rows.length;
  rows.push([bold('Claims')]);
  rows.push(CLAIM_COLUMNS.map((t) => ({ value: t, style: { bold: true, borderBottom: true } })));
  const first = rows.length;

  for (const c of claims) {
    const r = rows.length;
    const at = (col: number): string => cellAddress(r, col);
    const E = at(COL.Direction);
    const F = at(COL.Claimed);
    const G = at(COL['Claimed (high)']);
    const H = at(COL.Fact);
    const I = at(COL.Base);
    const J = at(COL.Actual);
    const row: PlanCell[] = CLAIM_COLUMNS.map(() => ({}));
    const input = (fmt?: string): CellStyle => ({ color: INPUT_COLOR, ...(fmt ? { numberFormat: fmt } : {}) });
    const formula = (fmt?: string): CellStyle => ({ color: FORMULA_COLOR, ...(fmt ? { numberFormat: fmt } : {}) });
    row[COL.Claim] = { value: claimKey(c) };
    row[COL.Statement] = { value: `${claimSubject(c)}: "${claimWords(c)}"`, note: `${c.file}, line ${c.sentenceLine}\n${c.sentence}` };
    row[COL.Period] = { value: c.period ?? '' };
    row[COL['Compared with']] = { value: c.base ?? '' };
    if (c.direction && c.form !== 'amount' && c.form !== 'share' && c.form !== 'range') {
      row[COL.Direction] = { value: c.direction, style: input(), note: `printed "${c.directionWord?.text ?? ''}" (line ${c.directionWord?.line ?? c.line}); type up, down, better, worse, even, above or below` };
    }
    const n = c.claimed;
    if (n) {
      row[COL.Claimed] = {
        value: n.value.toNumber(), style: input(decimalsFormat(n.decimals)),
        note: `printed "${n.text}"${n.bound ? ` (${n.bound} than)` : ''}${c.quantity.loss ? ', named as a loss' : ''}, line ${n.line}`,
      };
    }
    if (c.high) row[COL['Claimed (high)']] = { value: c.high.value.toNumber(), style: input(decimalsFormat(c.high.decimals)), note: `printed "${c.high.text}", line ${c.high.line}` };
    row[COL['At import']] = { value: c.status };
    const textLine = `text ${c.line}`;
    row[COL.Lines] = { value: c.operands.length ? `${textLine}; table ${[...new Set(c.operands.map((o) => o.line))].join(', ')}` : textLine };
    row[COL.Reason] = { value: c.reason ?? '' };

    // The operands as cells (or, where no sheet holds them, as the values the engine used), in the canonical sign.
    const kinds: AmountKind[] = [];
    const operand = (i: number, col: number): boolean => {
      const o = c.operands[i];
      if (!o) return false;
      const fact = dataset.get(o.concept, o.period, o.scenario);
      const kind: AmountKind = fact?.amount.kind ?? (n?.kind === 'percent' ? 'money' : n?.kind ?? 'money');
      kinds[i] = kind;
      const home = loc.locate(o.concept, o.period, o.scenario);
      const note = `${o.label} ${o.period}${o.scenario === 'actual' ? '' : ` (${o.scenario})`}: ${o.file}, line ${o.line}`;
      row[col] = home
        ? { formula: `=${loc.signAt(home) < 0 ? '-' : ''}${loc.refFrom(self, home)}`, style: formula(FORMATS[kind]), note }
        : { value: cellNumber(o.value, kind, o.scale, moneyScale), style: input(FORMATS[kind]), note };
      return true;
    };
    const live = c.status !== 'unlinked' && operand(0, COL.Fact);
    const hasBase = live && operand(1, COL.Base);
    const named = c.quantity.loss ? -1 : 1;
    /** The fact's value in the claim's terms: money in the claim's scale, a percentage cell (a fraction) as percent. */
    const terms = (x: string, kind: AmountKind | undefined): string =>
      kind === 'money' && n?.kind === 'money' ? rescale(x, moneyScale, n.scale) : kind === 'percent' ? `${x}*100` : x;
    const paren = (x: string): string => (/^-?[A-Z]+\d+$/.test(x) ? x : `(${x})`);
    const neg = (x: string): string => (named < 0 ? `-${paren(x)}` : paren(x));
    /** The status of a number claim against its magnitude `m` (bounds: more than / less than). */
    const core = (m: string): string => {
      if (!n) return '"unlinked"';
      if (n.bound === 'more') return `IF(${m}>${F},"tie","break")`;
      if (n.bound === 'less') return `IF(${m}<${F},"tie","break")`;
      return `IF(ROUND(${m}-${F},9)=0,"tie",IF(ROUND(${m},${n.decimals})=${F},"rounding","break"))`;
    };
    /** Whether the direction typed in E holds from Base to Fact (canonical values). */
    const direction = (): string => {
      const gt = (s: number): string => (s > 0 ? `${H}>${I}` : `${H}<${I}`);
      const better = betterSign(c.quantity.concept);
      const cases: [string, string][] = [
        ['up', gt(named)], ['down', gt(-named)], ['better', gt(better)], ['worse', gt(-better)],
        ['even', `ABS(${H}-${I})<=ABS(${I})*${EVEN_PERCENT / 100}`], ['above', `${H}>${I}`], ['below', `${H}<${I}`],
      ];
      return cases.reduceRight((rest, [word, test]) => `IF(${E}="${word}",${test},${rest})`, `${E}=""`);
    };
    let actual: string | undefined;
    let status: string | undefined;
    let actualFormat = '#,##0.000';
    if (live) {
      const guard = (s: string): string => `IF(OR(${H}=""${hasBase ? `,${I}=""` : ''}),"incomplete",${s})`;
      switch (c.form) {
        case 'amount':
          actual = neg(terms(H, kinds[0]));
          status = guard(core(J));
          break;
        case 'share':
          actual = hasBase && c.operands[1].concept === SHARE_DENOMINATOR ? neg(`${H}/${I}*100`) : neg(terms(H, kinds[0]));
          status = guard(core(J));
          break;
        case 'range': {
          const hi = c.high;
          actual = terms(H, kinds[0]);
          const high = terms(I, kinds[1]);
          status = !n || !hi || !hasBase ? undefined : guard(`IF(AND(ROUND(${J}-${F},9)=0,ROUND(${high}-${G},9)=0),"tie",IF(AND(ROUND(${J},${n.decimals})=${F},ROUND(${high},${hi.decimals})=${G}),"rounding","break"))`);
          break;
        }
        case 'change':
        case 'comparison': {
          if (!hasBase) break;
          if (c.direction === 'above' || c.direction === 'below') {
            actual = `${H}-${I}`;
            actualFormat = FORMATS[kinds[0] ?? 'money'];
            status = guard(`IF(${direction()},"tie","break")`);
          } else if (c.form === 'comparison') {
            actual = `IF(${I}=0,"",${neg(`${H}-${I}`)}/ABS(${I})*100)`;
            status = guard(`IF(${direction()},"tie","break")`);
          } else if (n?.kind === 'percent') {
            actual = `${neg(`${H}-${I}`)}/ABS(${I})*100`;
            status = guard(`IF(${I}=0,"break",IF(${direction()},${core(`ABS(${J})`)},"break"))`);
          } else {
            actual = rescale(neg(`${H}-${I}`), moneyScale, n?.scale ?? moneyScale);
            status = guard(`IF(${direction()},${core(`ABS(${J})`)},"break")`);
          }
          break;
        }
      }
    }
    if (actual && status) {
      row[COL.Actual] = { formula: `=${actual}`, style: formula(actualFormat) };
      row[COL.Status] = { formula: `=${status}`, style: { color: FORMULA_COLOR, bold: true } };
    } else {
      row[COL.Status] = { value: c.status, style: { bold: true } };
      if (c.actual !== null) row[COL.Actual] = { value: c.actual.toNumber(), style: input(CHECK_FORMATS.ratio) };
    }
    rows.push(row);
    out.cells.push({
      id: claimKey(c), status: c.status,
      claimed: sheetCell(self.name, r, COL.Claimed), direction: sheetCell(self.name, r, COL.Direction), liveStatus: sheetCell(self.name, r, COL.Status),
    });
  }

  const last = rows.length - 1;
  const K = columnLetter(COL.Status);
  const range = `${K}${first + 1}:${K}${last + 1}`;
  // The live counts: tie n, rounding n, break n, unlinked n.
  const counts = rows[countRow];
  COUNTED.forEach((s, i) => {
    counts[1 + 2 * i] = { value: s };
    counts[2 + 2 * i] = { formula: `=COUNTIF(${range},"${s}")`, style: { color: FORMULA_COLOR, numberFormat: '#,##0' } };
  });
  const breakCount = cellAddress(countRow, 2 + 2 * COUNTED.indexOf('break'));
  counts[1 + 2 * COUNTED.length] = { value: 'MPWR_CLAIMS_OK' };
  counts[2 + 2 * COUNTED.length] = { formula: `=${breakCount}=0`, style: { color: FORMULA_COLOR, bold: true } };
  out.names.push({
    name: 'MPWR_CLAIMS_OK',
    refersTo: `=${sheetCell(self.name, countRow, 2 + 2 * COUNTED.length, true)}`,
    comment: 'TRUE when no claim of the releases\' text breaks against the tables (MPWR Checks, narrative section)',
  });
  const lastCol = columnLetter(CLAIM_COLUMNS.length - 1);
  for (const [s, st] of Object.entries(CLAIM_STYLE)) {
    out.conditional.push({ range: `A${first + 1}:${lastCol}${last + 1}`, formula: `=$${K}${first + 1}="${s}"`, fill: st.fill, color: st.color });
  }
  return out;
}
