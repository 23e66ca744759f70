/**
 * A printed dash (`-`, `$ -`, `&#151;`) is a zero with the precision of the figures it stands
 * among: the row's other figures of its kind, else its column's. Both readers settle it alike, so
 * half a unit of a dash in a per-share column is half a cent, not half a dollar.
 */
import { readFiling } from '../src/filing/reader';
import type { Table } from '../src/filing/types';

const decimalsOf = (t: Table, label: string) => t.rows.find((r) => r.label === label)?.cells.map((c) => `${c.amount.text}:${c.amount.decimals}`);

describe('a dash takes the precision of its row, else its column', () => {
  test('text reader', () => {
    const text = [
      'EXAMPLE CORP. (NYSE: EX)',
      '',
      'SUMMARY (in millions, except per share amounts)',
      '                                 Three Months Ended',
      '                               June 30,     June 30,',
      '                                 2004         2003',
      '                               --------     --------',
      'Revenue                          $1,200       $   -',
      'Special charges                      -           28',
      'Earnings per share:',
      '  Basic                           $0.52      $    -',
      '  Diluted                             -       $0.50',
      '',
    ].join('\n');
    const [t] = readFiling(text, 'x.txt').tables;
    // Money dashes beside and under whole figures: 0 decimals.
    expect(decimalsOf(t, 'Revenue')).toEqual(['$1,200:0', '$   -:0']);
    expect(decimalsOf(t, 'Special charges')).toEqual(['-:0', '28:0']);
    // Per-share: the row's $0.52 (Basic), the row's $0.50 (Diluted): to the cent.
    expect(decimalsOf(t, 'Basic')).toEqual(['$0.52:2', '$    -:2']);
    expect(decimalsOf(t, 'Diluted')).toEqual(['-:2', '$0.50:2']);
  });

  test('HTML reader: a row of dashes takes its column (&#151; under figures printed to the cent)', () => {
    const html = [
      '<html><body><p>EXAMPLE CORP. (NYSE: EX)</p><p>(In thousands, except per share amounts)</p>',
      '<table>',
      '<tr><td></td><td>Three Months Ended<br>June 30, 2004</td><td>Three Months Ended<br>June 30, 2003</td></tr>',
      '<tr><td>Net income</td><td>1,200</td><td>&#151;</td></tr>',
      '<tr><td>Net income per share</td><td>$0.52</td><td>$0.40</td></tr>',
      '<tr><td>Discontinued operations per share</td><td>&#151;</td><td>&#151;</td></tr>',
      '</table></body></html>',
    ].join('\n');
    const [t] = readFiling(html, 'x.htm').tables;
    expect(decimalsOf(t, 'Net income')).toEqual(['1,200:0', '-:0']);
    expect(decimalsOf(t, 'Discontinued operations per share')).toEqual(['-:2', '-:2']);
  });
});
