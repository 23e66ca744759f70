/**
 * Cached results of a plan's formulas: every formula cell gets the value Excel would compute, so
 * a file read without recalculating (a viewer, a script, Protected View) shows the numbers.
 *
 * It evaluates the small formula language the layout generates — cell references (with a sheet,
 * `$` optional), ranges inside COUNTIF, numbers, "text", + - * / & and comparisons, IF, AND, OR,
 * NOT, ROUND, ABS, SUM, COUNTIF(range, "text") — in doubles, as Excel does. A formula it cannot
 * read keeps no result (and `validatePlan` says so). Pure.
 */
import { parseRange } from './a1';
import type { CellValue, PlanCell, SheetPlan } from './plan';

type Value = number | string | boolean | null | { error: string };
type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; sheet?: string; row: number; col: number }
  | { t: 'range'; sheet?: string; r0: number; c0: number; r1: number; c1: number }
  | { t: 'neg'; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'call'; name: string; args: Node[] };

class Unsupported extends Error {}

const TOKEN = /\s*(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(])|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|("(?:[^"]|"")*")|([A-Za-z_][A-Za-z0-9_.]*)(?=\s*\()|(TRUE|FALSE)\b|(<=|>=|<>|[-+*/&=<>(),]))/y;

function tokenize(src: string): string[][] {
  const out: string[][] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) throw new Unsupported(`cannot read ${src.slice(at, at + 20)}`);
    at = TOKEN.lastIndex;
    if (m[2]) out.push(['ref', m[2], m[1].replace(/^'|'$/g, '').replace(/''/g, "'")]);
    else if (m[3]) out.push(['ref', m[3]]);
    else if (m[4]) out.push(['num', m[4]]);
    else if (m[5]) out.push(['str', m[5].slice(1, -1).replace(/""/g, '"')]);
    else if (m[6]) out.push(['fn', m[6].toUpperCase()]);
    else if (m[7]) out.push(['bool', m[7]]);
    else out.push(['op', m[8]]);
  }
  return out;
}

const PRECEDENCE: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4 };

function parse(src: string): Node {
  const toks = tokenize(src);
  let i = 0;
  const peek = (): string[] | undefined => toks[i];
  const expect = (op: string): void => {
    if (toks[i]?.[0] !== 'op' || toks[i][1] !== op) throw new Unsupported(`expected ${op}`);
    i++;
  };
  const primary = (): Node => {
    const t = toks[i++];
    if (!t) throw new Unsupported('unexpected end');
    if (t[0] === 'num') return { t: 'num', v: Number(t[1]) };
    if (t[0] === 'str') return { t: 'str', v: t[1] };
    if (t[0] === 'bool') return { t: 'bool', v: t[1] === 'TRUE' };
    if (t[0] === 'ref') {
      const r = parseRange(t[1]);
      if (!r) throw new Unsupported(t[1]);
      const sheet = t[2];
      if (r.start.row === r.end.row && r.start.col === r.end.col && !t[1].includes(':')) return { t: 'ref', sheet, row: r.start.row, col: r.start.col };
      return { t: 'range', sheet, r0: r.start.row, c0: r.start.col, r1: r.end.row, c1: r.end.col };
    }
    if (t[0] === 'fn') {
      expect('(');
      const args: Node[] = [];
      if (!(peek()?.[0] === 'op' && peek()?.[1] === ')')) {
        for (;;) {
          args.push(expr(0));
          if (peek()?.[0] === 'op' && peek()?.[1] === ',') { i++; continue; }
          break;
        }
      }
      expect(')');
      return { t: 'call', name: t[1], args };
    }
    if (t[1] === '(') { const e = expr(0); expect(')'); return e; }
    if (t[1] === '-') return { t: 'neg', a: unary() };
    if (t[1] === '+') return unary();
    throw new Unsupported(`unexpected ${t[1]}`);
  };
  const unary = (): Node => primary();
  const expr = (min: number): Node => {
    let a = unary();
    for (;;) {
      const t = peek();
      if (!t || t[0] !== 'op' || !(t[1] in PRECEDENCE) || PRECEDENCE[t[1]] < min) break;
      const prec = PRECEDENCE[t[1]];
      i++;
      const b = expr(prec + 1);
      a = { t: 'bin', op: t[1], a, b };
    }
    return a;
  };
  const e = expr(0);
  if (i !== toks.length) throw new Unsupported('trailing input');
  return e;
}

function isError(v: Value): v is { error: string } {
  return typeof v === 'object' && v !== null;
}

function num(v: Value): number | { error: string } {
  if (isError(v)) return v;
  if (v === null || v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== '' ? n : { error: '#VALUE!' };
}

/** Excel's ROUND: half away from zero, on the decimal digits as shown. */
function round(x: number, digits: number): number {
  const k = 10 ** digits;
  const y = Math.abs(x) * k;
  const r = Math.round(Number(y.toPrecision(15)));
  return (Math.sign(x) * r) / k;
}

function compare(a: Value, b: Value, op: string): boolean {
  // An empty cell is "" beside text, FALSE beside a boolean, 0 beside a number.
  const blank = (other: Value): Value => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
  let x = a === null ? blank(b) : a;
  let y = b === null ? blank(a) : b;
  if (typeof x === 'string' && typeof y === 'string') { x = x.toLowerCase(); y = y.toLowerCase(); }
  const rank = (v: Value): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const c = rank(x) !== rank(y) ? rank(x) - rank(y) : x === y ? 0 : (x as number | string) < (y as number | string) ? -1 : 1;
  switch (op) {
    case '=': return c === 0;
    case '<>': return c !== 0;
    case '<': return c < 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    default: return c >= 0;
  }
}

/** Fills `result` on every formula cell of the plan that it can evaluate. */
export function computeResults(plan: SheetPlan): void {
  const grids = new Map<string, Map<string, PlanCell>>();
  for (const s of plan.sheets) {
    const m = new Map<string, PlanCell>();
    for (const b of s.blocks) b.cells.forEach((row, ri) => row.forEach((c, ci) => m.set(`${b.row + ri},${b.col + ci}`, c)));
    grids.set(s.name.toUpperCase(), m);
  }
  const done = new Map<PlanCell, Value>();
  const busy = new Set<PlanCell>();
  const parsed = new Map<string, Node | null>();

  const cellValue = (sheet: string, row: number, col: number): Value => {
    const c = grids.get(sheet.toUpperCase())?.get(`${row},${col}`);
    if (!c) return null;
    if (c.formula === undefined) return c.value === undefined ? null : (c.value as Value);
    return evalCell(sheet, c);
  };
  const evalCell = (sheet: string, c: PlanCell): Value => {
    const hit = done.get(c);
    if (hit !== undefined) return hit;
    if (busy.has(c)) throw new Unsupported('circular reference');
    busy.add(c);
    const f = c.formula as string;
    let node = parsed.get(f);
    if (node === undefined) {
      try { node = parse(f.replace(/^=/, '')); } catch { node = null; }
      parsed.set(f, node);
    }
    if (node === null) { busy.delete(c); throw new Unsupported(f); }
    const v = evalNode(sheet, node);
    busy.delete(c);
    done.set(c, v);
    return v;
  };
  const evalNode = (sheet: string, n: Node): Value => {
    switch (n.t) {
      case 'num': case 'str': case 'bool': return n.v;
      case 'ref': return cellValue(n.sheet ?? sheet, n.row, n.col);
      case 'range': throw new Unsupported('a range outside COUNTIF or SUM');
      case 'neg': { const v = num(evalNode(sheet, n.a)); return isError(v) ? v : -v; }
      case 'bin': {
        const a = evalNode(sheet, n.a);
        const b = evalNode(sheet, n.b);
        if (isError(a)) return a;
        if (isError(b)) return b;
        if (n.op === '&') return `${a ?? ''}${b ?? ''}`;
        if (n.op in { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1 }) return compare(a, b, n.op);
        const x = num(a);
        const y = num(b);
        if (isError(x)) return x;
        if (isError(y)) return y;
        if (n.op === '+') return x + y;
        if (n.op === '-') return x - y;
        if (n.op === '*') return x * y;
        return y === 0 ? { error: '#DIV/0!' } : x / y;
      }
      case 'call': return call(sheet, n.name, n.args);
    }
  };
  const cellsOf = (sheet: string, n: Node): Value[] => {
    if (n.t !== 'range') return [evalNode(sheet, n)];
    const out: Value[] = [];
    for (let r = n.r0; r <= n.r1; r++) for (let c = n.c0; c <= n.c1; c++) out.push(cellValue(n.sheet ?? sheet, r, c));
    return out;
  };
  const truth = (v: Value): boolean | { error: string } => {
    if (isError(v)) return v;
    if (typeof v === 'string') return v === '' ? false : { error: '#VALUE!' };
    return Boolean(v);
  };
  const call = (sheet: string, name: string, args: Node[]): Value => {
    switch (name) {
      case 'IF': {
        const c = truth(evalNode(sheet, args[0]));
        if (isError(c)) return c;
        if (c) return args[1] ? evalNode(sheet, args[1]) : true;
        return args[2] ? evalNode(sheet, args[2]) : false;
      }
      case 'AND': case 'OR': {
        const vs = args.map((a) => truth(evalNode(sheet, a)));
        const err = vs.find(isError);
        if (err) return err;
        return name === 'AND' ? vs.every(Boolean) : vs.some(Boolean);
      }
      case 'NOT': { const v = truth(evalNode(sheet, args[0])); return isError(v) ? v : !v; }
      case 'ABS': { const v = num(evalNode(sheet, args[0])); return isError(v) ? v : Math.abs(v); }
      case 'ROUND': {
        const v = num(evalNode(sheet, args[0]));
        const d = num(evalNode(sheet, args[1]));
        if (isError(v)) return v;
        if (isError(d)) return d;
        return round(v, d);
      }
      case 'SUM': {
        let s = 0;
        for (const a of args) for (const v of cellsOf(sheet, a)) {
          if (isError(v)) return v;
          if (typeof v === 'number') s += v;
        }
        return s;
      }
      case 'COUNTIF': {
        const crit = evalNode(sheet, args[1]);
        if (typeof crit !== 'string' || /[<>=*?~]/.test(crit)) throw new Unsupported('COUNTIF with an operator');
        return cellsOf(sheet, args[0]).filter((v) => typeof v === 'string' && v.toLowerCase() === crit.toLowerCase()).length;
      }
      default: throw new Unsupported(name);
    }
  };

  for (const s of plan.sheets) {
    for (const b of s.blocks) for (const row of b.cells) for (const c of row) {
      if (c.formula === undefined) continue;
      try {
        const v = evalCell(s.name, c);
        c.result = (isError(v) ? { error: v.error } : v === null ? 0 : v) as CellValue | { error: string };
      } catch {
        delete c.result;
      }
    }
  }
}
