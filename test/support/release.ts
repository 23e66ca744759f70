/**
 * Small releases in Mpower's layout, written for a test: a title with its scale, one column per
 * period (right-aligned as EDGAR text tables are), and rows of printed figures. The figures are
 * given as printed text (`(1,312)`, `$0.02`, `6.6%`), so a test states exactly what a filing prints.
 */

export interface ReleaseTable {
  /** `STATEMENT OF OPERATIONS (amounts in $ thousands, except share and per share amounts)`. */
  title: string;
  /** Header lines over each column, top to bottom (`['Three Months Ended', 'June 30, 2004']`). */
  headers: string[][];
  /** Label and the printed text of each column (`''` for none). */
  rows: [label: string, ...cells: string[]][];
}

const LABEL_WIDTH = 70;
const COLUMN_WIDTH = 22;

function place(line: string, end: number, text: string): string {
  return line.padEnd(end - text.length) + text;
}

/** The text of one `<TABLE>` block. */
export function tableText(t: ReleaseTable): string[] {
  const ends = t.headers.map((_, i) => LABEL_WIDTH + (i + 1) * COLUMN_WIDTH);
  const depth = Math.max(...t.headers.map((h) => h.length));
  const out = ['<TABLE>', '<CAPTION>', t.title];
  for (let d = 0; d < depth; d++) out.push(t.headers.reduce((line, h, i) => (h[d] ? place(line, ends[i], h[d]) : line), ''));
  out.push('-'.repeat(ends[ends.length - 1]));
  out.push(['<S>', ...ends.map(() => '<C>')].join(' '.repeat(COLUMN_WIDTH - 3)));
  for (const [label, ...cells] of t.rows) out.push(cells.reduce((line, c, i) => (c ? place(line, ends[i], c) : line), label));
  out.push('</TABLE>');
  return out;
}

/** A whole release: Mpower's opening line, the tables, and any text (guidance sentences) after them. */
export function releaseText(tables: ReleaseTable[], prose: string[] = []): string {
  return [
    'Mpower Holding Announces Second Quarter 2004 Results',
    '',
    'ROCHESTER, NY - July 29, 2004 - Mpower Holding Corporation (AMEX: MPE) today announced results.',
    '',
    ...tables.flatMap((t) => [...tableText(t), '']),
    ...prose,
    '',
  ].join('\n');
}

export const Q2_2004: string[] = ['Three Months Ended', 'June 30, 2004'];
export const OPERATIONS = 'STATEMENT OF OPERATIONS (amounts in $ thousands, except share and per share amounts)';
