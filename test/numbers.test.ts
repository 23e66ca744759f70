/**
 * Numbers as printed: the well-formed forms of DESIGN.md ("Amount") read to their exact value, and
 * malformed ones (`(5`, `5)`, `(-5)`, `--`, `1,23`, `$$5`...) are no numbers: in a table the cell is
 * left out with a warning naming it and its line, and the row keeps its label and its other cells.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { amountKind, findScaleStatement, forgetCellTexts, isMalformedCell, parseCell, scaleOf, splitTableLine, textFigures, toAmount } from '../src/filing/numbers';
import { readFiling } from '../src/filing/reader';
import { analyze } from '../src/pipeline';

const seed = readFileSync(path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt'), 'utf8');

describe('well-formed cells', () => {
  test.each([
    // text, value, decimals, dollar, percent
    ['$32,356', '32356', 0, true, false],
    ['(39,239)', '-39239', 0, false, false],
    ['($1,404)', '-1404', 0, true, false],
    ['$(7,800)', '-7800', 0, true, false],
    ['$ 900', '900', 0, true, false],
    ['-', '0', 0, false, false],
    ['$ -', '0', 0, true, false],
    ['$0.00', '0', 2, true, false],
    ['53.9%', '53.9', 1, false, true],
    ['-2.1%', '-2.1', 1, false, true],
    ['($0.02)', '-0.02', 2, true, false],
    ['78,417,485', '78417485', 0, false, false],
    ['(0)', '0', 0, false, false],
    // Blanks around a cell's text are not part of it.
    ['  (1,234)  ', '-1234', 0, false, false],
  ] as const)('%s reads as %s', (text, value, decimals, dollar, percent) => {
    const c = parseCell(text);
    expect(c && { value: c.value.toString(), decimals: c.decimals, dollar: c.dollar, percent: c.percent }).toEqual({ value, decimals, dollar, percent });
  });
});

const MALFORMED = ['(5', '5)', '(-5)', '--', '1,23', '$$5', '((1))', '12,3a4', '1.2.3', '$ --', '(5, 5)', '(1, 234)', '(1, 2, 3)'];

describe('cell length', () => {
  // A cell is at most 48 characters (MAX_CELL_LENGTH in src/filing/numbers.ts): longer runs of
  // digits are no figure a release prints, and reading them is not worth the cost.
  const cell48 = `1${',000'.repeat(11)}.00`; // 1 + 44 + 3 = 48 characters
  test('48 characters read; 49 do not', () => {
    expect(cell48.length).toBe(48);
    expect(parseCell(cell48)?.value.toString()).toBe('1e+33');
    expect(parseCell(`$${cell48}`)).toBeUndefined();
  });
});

describe('malformed cells are no numbers', () => {
  test.each(MALFORMED)('%s', (text) => {
    expect(parseCell(text)).toBeUndefined();
  });

  test.each(MALFORMED)('%s in the middle of a row: left out, the label and the cells on either side kept', (bad) => {
    const line = `  Accounts Receivable, net        11,611    ${bad}    14,076`;
    const r = splitTableLine(line);
    expect(r.label).toBe('  Accounts Receivable, net');
    expect(r.tokens.map((t) => t.text)).toEqual(['11,611', '14,076']);
    expect(r.malformed.map((m) => [m.text, line.slice(m.start, m.start + m.text.length)])).toEqual([[bad, bad]]);
  });

  test('number words one blank apart (`(5, 5)`) are one malformed cell, not part of the label', () => {
    const r = splitTableLine('  Cost of revenue                  (5, 5)          2,600');
    expect(r.label).toBe('  Cost of revenue');
    expect(r.tokens.map((t) => t.text)).toEqual(['2,600']);
    expect(r.malformed.map((m) => m.text)).toEqual(['(5, 5)']);
    // A valid number among the words is a cell of its own: `5 (3` is not one malformed cell.
    expect(splitTableLine('  Cost of revenue                  5 (3').malformed).toEqual([]);
  });

  test('a word of the label that looks like a number is not a cell (one blank before it)', () => {
    const r = splitTableLine('    amortization shown separately below. See Note 1.)                           17,740');
    expect(r.label).toBe('    amortization shown separately below. See Note 1.)');
    expect(r.malformed).toEqual([]);
  });
});

/** The seed with one cell's text replaced, right-aligned where the old one ended. */
function replaceCell(lineNo: number, old: string, text: string): string {
  const lines = seed.split('\n');
  const line = lines[lineNo - 1];
  const start = line.indexOf(old);
  expect(start).toBeGreaterThan(0);
  lines[lineNo - 1] = line.slice(0, start) + text.padStart(old.length) + line.slice(start + old.length);
  return lines.join('\n');
}

describe('malformed cells in the seed: a warning with the line, nothing read in their place, no false break', () => {
  // Line 194: Cash & Cash Equivalents $32,356 (June 30, 2004), $29,294 (March 31, 2004), $29,307 (December 31, 2003).
  test.each(['(5', '5)', '(-5)', '--', '1,23', '$$5', '((5))', '(5, 5)'])('%s printed for Cash & Cash Equivalents at June 30, 2004', (bad) => {
    const a = analyze([{ name: 'bad.txt', text: replaceCell(194, '$32,356', bad) }]);
    const warnings = a.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => [d.line, d.file, d.message])).toEqual([[194, 'bad.txt', `cannot read '${bad}' as a number; that cell is left out`]]);
    const cash = a.dataset.filingFacts()[0].facts.filter((f) => f.source.line === 194);
    // The row keeps its concept and its two readable cells.
    expect(cash.map((f) => `${f.concept} ${f.period.key} ${f.value.toString()}`)).toEqual([
      'cash_and_equivalents 2004-03-31 29294',
      'cash_and_equivalents 2003-12-31 29307',
    ]);
    // Total Current Assets at June 30, 2004 lost an operand: incomplete, not a break.
    expect(a.checks.find((c) => c.id === 'bs-current-assets@2004-06-30')?.status).toBe('incomplete');
    expect(a.checks.filter((c) => c.status === 'break').map((c) => c.id)).toEqual(['eps-discontinued@2004Q1']);
  });

  test('a row of malformed cells only stays a row (no cells), not a section heading over the rows below', () => {
    // Line 255: Other Expense (95) - - in the statement of operations.
    const lines = seed.split('\n');
    expect(lines[254]).toMatch(/^Other Expense +\(95\) +- +-$/);
    lines[254] = lines[254].replace('(95)', '(95').replace(/-$/, '--');
    const a = analyze([{ name: 'bad.txt', text: lines.join('\n') }]);
    expect(a.diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.line, d.message])).toEqual([
      [255, "cannot read '(95' as a number; that cell is left out"],
      [255, "cannot read '--' as a number; that cell is left out"],
    ]);
    const facts = a.dataset.filingFacts()[0].facts;
    // The middle dash (March 31, 2004) still reads as a zero.
    expect(facts.filter((f) => f.source.line === 255).map((f) => `${f.concept} ${f.period.key} ${f.value.toString()}`)).toEqual(['other_expense 2004Q1 0']);
    // Loss before Discontinued Operations (line 257) is still mapped under no section.
    const below = facts.find((f) => f.source.line === 257 && f.period.key === '2004Q2');
    expect(below?.concept).toBe('loss_before_discontinued_operations');
    expect(a.checks.filter((c) => c.status === 'break').map((c) => c.id)).toEqual(['eps-discontinued@2004Q1']);
  });
});

describe('the kind of a table number from the row it stands in (DESIGN.md, "Amount")', () => {
  const money = { percent: false, decimals: 0, dollar: false };
  const cents = { percent: false, decimals: 2, dollar: true };
  test.each([
    // token, label, section, kind
    [cents, 'Net loss', 'Basic and diluted loss per common share:', 'per-share'],
    [cents, 'NET LOSS PER SHARE', '', 'per-share'],
    [cents, 'Diluted EPS', '', 'per-share'],
    // `$` and two decimals on a row that speaks of shares (not "per share"): a per-share figure.
    [cents, 'Net loss attributable to common shareholders', '', 'per-share'],
    [{ ...cents, decimals: 3 }, 'Net loss attributable to common shareholders', '', 'money'],
    [{ ...cents, dollar: false }, 'Net loss attributable to common shareholders', '', 'money'],
    [cents, 'Net loss', '', 'money'],
    // Share counts: whole numbers on a weighted-average or outstanding shares row, either word order.
    [money, 'Weighted average common shares outstanding', '', 'shares'],
    [money, 'SHARES USED IN COMPUTING WEIGHTED AVERAGE LOSS', '', 'shares'],
    [money, 'Shares of common stock outstanding', '', 'shares'],
    [money, 'Weighted average number of shares', '', 'shares'],
    [{ ...money, dollar: true }, 'Weighted average shares outstanding', '', 'money'],
    [{ ...money, decimals: 2 }, 'Weighted average shares outstanding', '', 'money'],
    [money, 'Treasury shares', '', 'money'],
    [{ ...money, percent: true }, 'Weighted average shares outstanding', '', 'percent'],
    [money, 'Current ratio', '', 'ratio'],
  ] as const)('%o on "%s" under "%s" is %s', (token, label, section, kind) => {
    expect(amountKind(token, label, section)).toBe(kind);
  });
});

describe('malformed cells of several words', () => {
  test.each([
    ['(5, 5)', true], ['1 234', true], ['5 5', true], ['1.5 2.5 3.5 4.5', true],
    // Five words is no one cell; a word with letters or without a digit is no number.
    ['1 2 3 4 5', false], ['a 5', false], [', ,', false], ['5', false], ['$ 5', false], ['(5', true],
    // Any run of blanks stands between the words, and after a lone `$` (`$   --` is `$--`).
    ['1  234', true], ['(5,   5)', true], ['$   --', true],
    // One word of number characters that no number is written like (a fiscal year, a range) is no malformed number.
    ['2004-05', false], ['10-12', false],
  ] as const)('%s: %s', (text, malformed) => {
    expect(isMalformedCell(text)).toBe(malformed);
  });

  test.each(['$   --', '$   (5'])('a lone `$` any number of blanks before a malformed figure (%s) is one malformed cell with it', (bad) => {
    const line = `  Cash and equivalents        ${bad}      14,076`;
    const r = splitTableLine(line);
    expect(r.label).toBe('  Cash and equivalents');
    expect(r.tokens.map((t) => t.text)).toEqual(['14,076']);
    expect(r.malformed).toEqual([{ text: bad, start: 30 }]);
  });
});

describe('scale statements as printed', () => {
  test.each([
    ['(in thousands, except per share amounts)', 'in thousands, except per share amounts'],
    ['(In Millions of Dollars)', 'In Millions of Dollars'],
    ['(dollars in thousand)', 'dollars in thousand'],
    ['(in billions)', 'in billions'],
    ['(in million)', 'in million'],
    ['(in billion)', 'in billion'],
    ['MPOWER HOLDING -- amounts in   $ thousands, except share and per share amounts; unaudited', 'amounts in $ thousands, except share and per share amounts'],
    ['Dollars in millions. Unaudited', 'Dollars in millions'],
    ['amounts in thousand (unaudited)', 'amounts in thousand'],
    ['amounts in billions', 'amounts in billions'],
    ['Three months ended June 30', undefined],
  ] as const)('%s', (text, statement) => {
    expect(findScaleStatement(text)).toBe(statement);
  });
});

describe('a figure printed again', () => {
  test('shares its exact value and its Amount: the seed prints Adjusted EBITDA $2,544 on lines 272 and 296', () => {
    const filing = readFiling(seed, 'seed.txt');
    const cells = filing.tables.flatMap((t) => t.rows).flatMap((r) => r.cells.map((c) => ({ line: r.line, c })));
    const at = (line: number) => cells.find((x) => x.line === line && x.c.amount.text === '$2,544')?.c;
    expect(at(272)?.amount.value.toString()).toBe('2544');
    expect(at(296)?.amount).toBe(at(272)?.amount);
    // Each cell keeps its own place.
    expect(at(296)?.line).toBe(296);
    expect(at(272)?.line).toBe(272);
  });

  test('more distinct figures than the memo keeps (9,000: 1,000 to 9,999) reads every one right, the first again after it was forgotten', () => {
    const texts = Array.from({ length: 9000 }, (_, i) => `${Math.floor(i / 1000) + 1},${String(i % 1000).padStart(3, '0')}`);
    for (const t of texts) expect(parseCell(t)?.value.toString()).toBe(t.replace(',', ''));
    expect(parseCell(texts[0])?.value.toString()).toBe('1000');
    expect(parseCell('(1,312)')?.value.toString()).toBe('-1312');
    expect(parseCell('(1,312')).toBeUndefined();
    expect(parseCell('(1,312')).toBeUndefined();
  });
});

describe('the cell texts of one reading are forgotten when asked', () => {
  test('a text read twice shares its value; after forgetCellTexts it is read afresh, to the same figure', () => {
    const first = parseCell('4,321');
    expect(parseCell('4,321')?.value).toBe(first?.value);
    forgetCellTexts();
    const again = parseCell('4,321');
    expect(again?.value).not.toBe(first?.value);
    expect(again?.value.toString()).toBe('4321');
  });

  test('an Amount made twice of one token is one object; after forgetCellTexts a new one', () => {
    const token = parseCell('$8,765');
    if (!token) throw new Error('not read');
    const money = toAmount(token, 'money');
    expect(toAmount(token, 'money')).toBe(money);
    // Another kind of the same text is another Amount.
    expect(toAmount(token, 'per-share')).not.toBe(money);
    forgetCellTexts();
    const fresh = toAmount(token, 'money');
    expect(fresh).not.toBe(money);
    expect(fresh).toEqual({ value: token.value, kind: 'money', text: '$8,765', decimals: 0 });
  });
});

describe('the scale a statement names', () => {
  test.each([
    ['(in billions)', 'billions'], ['$1.2 billion', 'billions'],
    ['(In Millions of Dollars)', 'millions'], ['in million', 'millions'],
    ['amounts in $ thousands', 'thousands'], ['(dollars in thousand)', 'thousands'],
    ['$000', 'thousands'], ['$ 000s omitted', 'thousands'], ['(000)', 'thousands'], ['(000s)', 'thousands'],
    // The largest word wins: `millions, except per share amounts in thousands` are millions.
    ['in millions, except shares in thousands', 'millions'],
    ['billions and thousands', 'billions'],
    // Whole words only.
    ['millionaire', undefined], ['thousandth', undefined], ['$0001', undefined], ['Three months ended', undefined],
  ] as const)('%s: %s', (text, scale) => {
    expect(scaleOf(text)).toBe(scale);
  });
});

describe('money figures and percentages in running text', () => {
  const read = (s: string) => textFigures(s).map((f) => [f.text, f.index, f.value.toString(), f.decimals, f.scale, f.percent]);
  test('a figure with its scale word, one with a thousands comma, cents, a percentage, in order', () => {
    const s = 'Revenue was $152.6 million, costs $1,964 and the loss $0.02 a share, up 12.5% on last year.';
    expect(read(s)).toEqual([
      ['$152.6 million', 12, '152.6', 1, 'millions', false],
      ['$1,964', 34, '1964', 0, undefined, false],
      ['$0.02', 54, '0.02', 2, undefined, false],
      ['12.5%', 72, '12.5', 1, undefined, true],
    ]);
  });

  test('one blank may follow the `$`; billions and thousands are scales; a bare number is no figure', () => {
    expect(read('$ 2 billion and $3 thousand, 45 units, 7%')).toEqual([
      ['$ 2 billion', 0, '2', 0, 'billions', false],
      ['$3 thousand', 16, '3', 0, 'thousands', false],
      ['7%', 39, '7', 0, undefined, true],
    ]);
    // Two blanks after the `$` are no figure; a scale word must be a whole word (`millionaire`).
    expect(read('$  5 and $6 millionaire')).toEqual([['$6', 9, '6', 0, undefined, false]]);
  });
});
