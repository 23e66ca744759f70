/**
 * Checks a whole SheetPlan before any writer touches a workbook: a plan that fails here is never
 * half-written. Pure.
 */
import { parseRange } from './a1';
import type { SheetPlan } from './plan';

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const NAME_RE = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;
const COLOR_RE = /^#[0-9A-Fa-f]{6}$/;

/** Every problem of the plan, in words; empty when it can be written. */
export function validatePlan(plan: SheetPlan): string[] {
  const errors: string[] = [];
  const sheetNames = new Set<string>();
  for (const s of plan.sheets) {
    if (!s.name.startsWith('MPWR ')) errors.push(`sheet "${s.name}" is not an MPWR sheet`);
    if (s.name.length > 31 || /[\\/?*[\]:]/.test(s.name)) errors.push(`sheet name "${s.name}" is not allowed by Excel`);
    // Excel's sheet names are one whatever their case.
    if ([...sheetNames].some((n) => n.toLowerCase() === s.name.toLowerCase())) errors.push(`sheet "${s.name}" appears twice`);
    sheetNames.add(s.name);
    s.blocks.forEach((b, bi) => {
      const width = b.cells[0]?.length ?? 0;
      if (b.row < 0 || b.col < 0 || b.row + b.cells.length > MAX_ROWS || b.col + width > MAX_COLS) errors.push(`${s.name}: block ${bi} is outside the sheet`);
      b.cells.forEach((row, ri) => {
        if (row.length !== width) errors.push(`${s.name}: block ${bi} row ${ri} has ${row.length} cells, expected ${width}`);
        row.forEach((c, ci) => {
          const at = `${s.name}: block ${bi} cell ${ri},${ci}`;
          if (c.formula !== undefined && c.value !== undefined && c.value !== null) errors.push(`${at} has both a value and a formula`);
          if (c.formula !== undefined && !/^=./.test(c.formula)) errors.push(`${at}: formula "${c.formula}" does not start with =`);
          if (c.formula !== undefined && !balanced(c.formula)) errors.push(`${at}: formula "${c.formula}" has unbalanced brackets or quotes`);
          if (typeof c.value === 'number' && !Number.isFinite(c.value)) errors.push(`${at}: ${c.value} is not a finite number`);
          if (typeof c.value === 'string' && c.value.length > 32767) errors.push(`${at}: text longer than Excel allows`);
          if (c.style?.color && !COLOR_RE.test(c.style.color)) errors.push(`${at}: colour ${c.style.color} is not #RRGGBB`);
          if (c.style?.fill && !COLOR_RE.test(c.style.fill)) errors.push(`${at}: fill ${c.style.fill} is not #RRGGBB`);
        });
      });
    });
    if (s.refresh?.kind === 'keyed') {
      const r = s.refresh;
      if (new Set(r.columnKeys).size !== r.columnKeys.length) errors.push(`${s.name}: column keys repeat`);
      if (new Set(r.rowKeys).size !== r.rowKeys.length) errors.push(`${s.name}: row keys repeat`);
      if (r.columnKeys.some((k) => !k) || r.rowKeys.some((k) => !k)) errors.push(`${s.name}: an empty key`);
    }
    for (const ch of s.charts ?? []) {
      for (const ref of [ch.categories, ...ch.series.map((x) => x.values)]) {
        const p = parseRange(ref);
        if (!p || (p.sheet !== undefined && !p.sheet.startsWith('MPWR '))) errors.push(`${s.name}: chart range ${ref} is not a range of an MPWR sheet`);
      }
    }
  }
  const names = new Set<string>();
  for (const n of plan.names) {
    if (!NAME_RE.test(n.name) || /^[A-Za-z]{1,3}\d+$/.test(n.name) || /^[rRcC]$/.test(n.name)) errors.push(`name ${n.name} is not a valid Excel name`);
    if (names.has(n.name.toUpperCase())) errors.push(`name ${n.name} appears twice`);
    names.add(n.name.toUpperCase());
    if ((n.comment ?? '').length > 255) errors.push(`name ${n.name} has a comment longer than Excel keeps (255 characters)`);
    const p = parseRange(n.refersTo);
    if (!p || !p.sheet || !sheetNames.has(p.sheet)) errors.push(`name ${n.name} refers to ${n.refersTo}, not to a sheet of the plan`);
  }
  return errors;
}

function balanced(formula: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of formula) {
    if (quote) { if (ch === quote) quote = null; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0 && quote === null;
}
