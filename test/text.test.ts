/** The readers' text helpers give what the built-ins they stand for give (they exist only to be cheaper). */
import { foldBlanks, leadingBlanks, matchesOf } from '../src/filing/text';

const shape = (ms: RegExpMatchArray[]) => ms.map((m) => [m.index, ...m]);

describe('every match of a global regular expression', () => {
  const cases: [RegExp, string][] = [
    [/(\d+)-(\d+)/g, 'pages 10-12, 14-15 and 7-8'],
    [/June (\d{1,2}), ((?:19|20)\d\d)/gi, 'JUNE 30, 2004 and June 30, 2003'],
    [/\S+(?: \S+)*/g, '  Three Months Ended    June 30,   2004 2003 '],
    [/x*/g, 'axxbx'], // empty matches move on by one character
    [/(?:)/gu, 'a\u{1F600}b'], // under `u`, past a whole surrogate pair
    [/(?:)/g, 'a\u{1F600}b'], // without it, one code unit at a time
    [/z/g, 'no match here'],
  ];
  test.each(cases)('%s over %j', (re, text) => {
    expect(shape(matchesOf(re, text))).toEqual(shape([...text.matchAll(re)]));
    expect(re.lastIndex).toBe(0);
  });

  test('from the start of the text, whatever the expression was last used for', () => {
    const re = /a/g;
    re.lastIndex = 3;
    expect(matchesOf(re, 'aaaa').map((m) => m.index)).toEqual([0, 1, 2, 3]);
  });

  test('a regular expression that is not global is refused, as matchAll refuses it', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(TypeError);
    expect(() => 'a'.matchAll(/a/)).toThrow(TypeError);
  });
});

describe('runs of blanks folded', () => {
  // Every kind of blank `\s` matches, alone, doubled and beside a space.
  const blanks = ['\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
  const texts = [
    '', 'a', ' ', '  ', 'Three Months Ended June 30, 2004', ' lead and trail ', 'two  spaces', 'a \u200b b', 'caf\u00e9 \u2014 x',
    ...blanks.flatMap((b) => [`a${b}b`, `a ${b}b`, `a${b}${b}b`, `${b}`, `x ${b}`]),
  ];
  test.each(texts.map((t) => [JSON.stringify(t), t]))('%s', (_shown, t) => {
    expect(foldBlanks(t)).toBe(t.replace(/\s+/g, ' '));
  });
  test('a text with nothing to fold is the text itself', () => {
    const t = 'Mpower Holding Three Months Ended June 30, 2004';
    expect(foldBlanks(t)).toBe(t);
    // Every blank `\s` matches among the first 65,536 code units is one foldBlanks folds.
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect([c, foldBlanks(`a${ch}b`)]).toEqual([c, `a${ch}b`.replace(/\s+/g, ' ')]);
      expect([c, leadingBlanks(`${ch}${ch}b `)]).toEqual([c, `${ch}${ch}b `.length - `${ch}${ch}b `.trimStart().length]);
    }
  });
});

describe('the blanks a text starts with', () => {
  test.each([['', 0], ['x', 0], ['   x  ', 3], ['    ', 4], ['\t \u00a0Total', 3], ['\u2003x', 1]])('%j: %d', (t, n) => {
    expect(leadingBlanks(t)).toBe(n);
    expect(leadingBlanks(t)).toBe(t.length - t.trimStart().length);
  });
});
