/**
 * `npm run bench`, custom functions: 10,000 cells of `=MPWR.*` lookups against 10,000 cells of
 * the equivalent INDEX/MATCH over the same numbers laid out in a sheet (concept rows × period
 * columns), each workbook built and evaluated by HyperFormula in this process. Every MPWR cell
 * is checked against its INDEX/MATCH twin, so both sides answer the same question.
 *
 * The MPWR cells mix the ways people write them: VALUE by concept id with a period key, VALUE by
 * printed label with a typed quarter ("Q2 2004", "2Q04", "June 30, 2004"), and the shortcuts.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { HyperFormula } from 'hyperformula';
import { FormulaStore } from '../src/formulas/store';
import { SHORTCUTS } from '../src/formulas/functions-impl';
import type { FormulaData } from '../src/formulas/data';
import { HF_CONFIG, registerMpwr, useMpwrData } from '../test/support/hyperformula-mpwr';
import { median } from './measure';

export interface FunctionsBench {
  cells: number;
  /** Median time to build and evaluate the workbook of MPWR cells. */
  mpwrMs: number;
  /** Median time to build and evaluate the workbook of INDEX/MATCH cells. */
  indexMatchMs: number;
  /** mpwrMs / indexMatchMs (goal: at most 1). */
  ratio: number;
  /** Cells whose MPWR answer differs from the INDEX/MATCH answer (must be 0). */
  mismatches: number;
  runs: number;
}

const SEED_NAME = 'mpwr-2004q2-ex99-1.txt';
const SIDE = 100; // 100 × 100 = 10,000 cells

interface Lookup {
  concept: string;
  periodKey: string;
  mpwr: string;
}

/** Ways to name the quarter or date of a period key, as a person types it. */
function typedPeriods(key: string): string[] {
  const q = /^(\d{4})Q([1-4])$/.exec(key);
  if (q) return [key, `Q${q[2]} ${q[1]}`, `${q[2]}Q${q[1].slice(2)}`];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, m, d] = key.split('-').map(Number);
  return [key, `${months[m - 1]} ${d}, ${y}`, `${m}/${d}/${y}`];
}

function lookups(data: FormulaData): { data: (string | number | null)[][]; list: Lookup[] } {
  const periods = data.actualPeriods.map((p) => p.key);
  const concepts = data.presentItems().filter((i) => data.periodsOf(i).length > 0);
  const grid: (string | number | null)[][] = [['concept', ...periods]];
  for (const c of concepts) {
    grid.push([
      c.id,
      ...periods.map((k) => {
        const f = data.fact(c.id, k, 'actual');
        return f ? data.number(f, undefined) : null;
      }),
    ]);
  }
  const shortcutOf = new Map(Object.entries(SHORTCUTS).map(([name, id]) => [id, name]));
  const list: Lookup[] = [];
  let n = 0;
  for (const c of concepts) {
    for (const p of data.periodsOf(c)) {
      const typed = typedPeriods(p.key);
      // The label as printed, unless it names another concept too (the per-share "Net Loss" row is
      // asked for by its name, "Net Loss per Share").
      const printed = data.dataset.get(c.id, p.key)?.label ?? c.name;
      const same = data.item({ type: 'text', value: printed });
      const label = 'id' in same && same.id === c.id ? printed : c.name;
      const variants = [`=MPWR.VALUE("${c.id}","${p.key}")`, `=MPWR.VALUE("${label.replace(/"/g, '""')}","${typed[1]}")`];
      const sc = shortcutOf.get(c.id);
      if (sc) variants.push(`=MPWR.${sc}("${typed[2]}")`, `=MPWR.${sc}("${typed[1]}")`);
      for (const mpwr of variants) list.push({ concept: c.id, periodKey: p.key, mpwr });
      n++;
    }
  }
  if (n === 0) throw new Error('no facts to look up');
  return { data: grid, list };
}

function sheetOf(cells: string[]): string[][] {
  const rows: string[][] = [];
  for (let r = 0; r < SIDE; r++) rows.push(cells.slice(r * SIDE, (r + 1) * SIDE));
  return rows;
}

function timeBuild(sheets: Record<string, (string | number | null)[][]>): { ms: number; hf: HyperFormula } {
  const t = performance.now();
  const hf = HyperFormula.buildFromSheets(sheets, HF_CONFIG);
  return { ms: performance.now() - t, hf };
}

/** Runs the comparison (after a warm-up) `runs` times each, alternating, and returns the medians. */
export async function benchFunctions(runs = 5): Promise<FunctionsBench> {
  const text = readFileSync(path.resolve(__dirname, '../assets/filings', SEED_NAME), 'utf8');
  const store = new FormulaStore([{ name: SEED_NAME, text }]);
  const data = store.data();
  useMpwrData(() => data);
  registerMpwr();

  const { data: grid, list } = lookups(data);
  const rows = grid.length;
  const lastCol = String.fromCharCode('A'.charCodeAt(0) + grid[0].length - 1);
  const cells = SIDE * SIDE;
  const mpwrCells: string[] = [];
  const indexCells: string[] = [];
  for (let i = 0; i < cells; i++) {
    const l = list[i % list.length];
    mpwrCells.push(l.mpwr);
    indexCells.push(`=INDEX(Data!$B$2:$${lastCol}$${rows},MATCH("${l.concept}",Data!$A$2:$A$${rows},0),MATCH("${l.periodKey}",Data!$B$1:$${lastCol}$1,0))`);
  }
  const mpwrBook = { Data: grid, Model: sheetOf(mpwrCells) };
  const indexBook = { Data: grid, Model: sheetOf(indexCells) };

  // Warm-up (JIT, parser caches), then alternate so neither side gets a warmer machine.
  timeBuild(mpwrBook).hf.destroy();
  timeBuild(indexBook).hf.destroy();
  const mpwrTimes: number[] = [];
  const indexTimes: number[] = [];
  let mismatches = 0;
  for (let r = 0; r < runs; r++) {
    const a = timeBuild(mpwrBook);
    mpwrTimes.push(a.ms);
    const b = timeBuild(indexBook);
    indexTimes.push(b.ms);
    if (r === 0) {
      const va = a.hf.getSheetValues(a.hf.getSheetId('Model') as number);
      const vb = b.hf.getSheetValues(b.hf.getSheetId('Model') as number);
      for (let i = 0; i < cells; i++) {
        const x = va[Math.floor(i / SIDE)]?.[i % SIDE];
        const y = vb[Math.floor(i / SIDE)]?.[i % SIDE];
        if (typeof x !== 'number' || x !== y) mismatches++;
      }
    }
    a.hf.destroy();
    b.hf.destroy();
  }
  const mpwrMs = median(mpwrTimes);
  const indexMatchMs = median(indexTimes);
  return { cells, mpwrMs, indexMatchMs, ratio: mpwrMs / indexMatchMs, mismatches, runs };
}
