/**
 * The same figure printed in several places is one check per concept, period and scenario that
 * lists every place; a disagreement names the disagreeing line and the first (primary) one.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../src/pipeline';

const SEED = readFileSync(path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'), 'utf8');

/** The seed with its tables printed `copies` more times after the originals. */
function withRepeatedTables(copies: number, edit: (tables: string, copy: number) => string = (t) => t): string {
  const tables = SEED.slice(SEED.indexOf('<TABLE>'));
  let text = SEED;
  for (let i = 0; i < copies; i++) text += `\n${edit(tables, i)}`;
  return text;
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

describe('same-fact checks, aggregated', () => {
  test('a figure printed four times is one check listing its four lines (seed lines 272 and 296, then the copy)', () => {
    const text = withRepeatedTables(1);
    const checks = analyze([{ name: 'x.txt', text }]).checks.filter((c) => c.id === 'same-fact:adjusted_ebitda@2004Q2');
    expect(checks).toHaveLength(1);
    const [c] = checks;
    expect(c.status).toBe('tie');
    const copyStart = SEED.length + 1;
    const inCopy = [text.indexOf('$2,544', copyStart), text.indexOf('$2,544', text.indexOf('$2,544', copyStart) + 1)].map((i) => lineOf(text, i));
    expect([...c.lines].sort((a, b) => a - b)).toEqual([272, 296, ...inCopy]);
    expect(c.operands.map((o) => o.value?.toString())).toEqual(['2544', '2544', '2544', '2544']);
  });

  test('one place of four that disagrees breaks the one check, naming its line and the primary line', () => {
    // The copy's statement of operations prints $2,545 where the seed prints $2,544.
    const text = withRepeatedTables(1, (t) => t.replace('$2,544', '$2,545'));
    const copyStart = SEED.length + 1;
    const bad = lineOf(text, text.indexOf('$2,545', copyStart));
    const checks = analyze([{ name: 'x.txt', text }]).checks.filter((c) => c.rule === 'same-fact:adjusted_ebitda' && c.period === '2004Q2');
    expect(checks).toHaveLength(1);
    const [c] = checks;
    expect(c.status).toBe('break');
    expect(c.reported?.toString()).toBe('2545');
    expect(c.computed?.toString()).toBe('2544');
    expect(c.difference?.toString()).toBe('1');
    expect(c.lines.slice(0, 2)).toEqual([bad, 272]);
    expect(c.lines).toHaveLength(4);
  });

  test('a long document of repeated tables yields one check per key, not one per place', () => {
    const text = withRepeatedTables(20);
    const checks = analyze([{ name: 'x.txt', text }]).checks.filter((c) => c.rule.startsWith('same-fact'));
    const keys = new Set(checks.map((c) => `${c.rule}@${c.period}#${c.scenario}`));
    expect(checks.length).toBe(keys.size);
    const ebitda = checks.find((c) => c.id === 'same-fact:adjusted_ebitda@2004Q2');
    // Printed twice in the seed's tables and twice in each of 20 copies.
    expect(ebitda?.lines).toHaveLength(2 + 2 * 20);
  });
});
