/** `matchesOf` finds what `String.prototype.matchAll` finds (it exists only to be cheaper). */
import { matchesOf } from '../src/filing/matches';

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
