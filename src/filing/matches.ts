/** Matches of regular expressions, found as `String.prototype.matchAll` finds them, but cheaper. */

/**
 * Every match of the global regular expression `re` in `text`, in order, as `text.matchAll(re)`
 * gives them from the start of the text, without the copy of the expression that `matchAll` makes
 * on each call (most of its cost on the short texts the readers match: a header, a line, a
 * sentence). `re.lastIndex` is 0 before and after; the matches are all found before any is used,
 * so a caller may use `re` again while it goes through them.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global regular expression (${re})`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on by one character (a whole surrogate pair under the `u` flag), as matchAll does.
    if (m[0] === '') re.lastIndex += re.unicode && isPairAt(text, re.lastIndex) ? 2 : 1;
  }
  re.lastIndex = 0;
  return out;
}

function isPairAt(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  const lo = text.charCodeAt(i + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}
