/** A1 addresses: column letters, cell and range references, sheet names quoted as Excel wants them. */

/** `0` → `A`, `25` → `Z`, `26` → `AA`. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `A` → 0, `AA` → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row/col → `C5` (or `$C$5`). */
export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetter(col)}${d}${row + 1}`;
}

/** 0-based top-left and size → `C5:E9` (a single cell when 1×1). */
export function rangeAddress(row: number, col: number, rows: number, cols: number, absolute = false): string {
  const a = cellAddress(row, col, absolute);
  if (rows <= 1 && cols <= 1) return a;
  return `${a}:${cellAddress(row + rows - 1, col + cols - 1, absolute)}`;
}

/** `MPWR Operations` → `'MPWR Operations'` (quotes doubled inside). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetCell(sheet: string, row: number, col: number, absolute = false): string {
  return `${quoteSheet(sheet)}!${cellAddress(row, col, absolute)}`;
}

export function sheetRange(sheet: string, row: number, col: number, rows: number, cols: number, absolute = false): string {
  return `${quoteSheet(sheet)}!${rangeAddress(row, col, rows, cols, absolute)}`;
}

/** Parses `C5` / `$C$5` → 0-based row/col. */
export function parseCell(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Parses `'MPWR Operations'!C5:E9` (sheet optional) → sheet name, top-left and bottom-right. */
export function parseRange(ref: string): { sheet?: string; start: { row: number; col: number }; end: { row: number; col: number } } | undefined {
  let rest = ref.trim().replace(/^=/, '');
  let sheet: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const s = rest.slice(0, bang);
    sheet = s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
    rest = rest.slice(bang + 1);
  }
  const [a, b] = rest.split(':');
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) return undefined;
  return { sheet, start, end };
}
