/**
 * Small text helpers of the readers, each the same as a one-line built-in and cheaper on the short
 * texts the readers look at (a header, a label, a line): every match of a regular expression
 * (`matchesOf`), runs of blanks folded to one (`foldBlanks`), the blanks a text starts with (`leadingBlanks`).
 */

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

/** Runs of blanks (anything `\s` matches) as one blank each. */
const BLANK_RUN = /\s+/g;

/**
 * `s.replace(/\s+/g, ' ')`, without building a new string where there is nothing to fold (single
 * spaces only, as most headers and labels are): the text is scanned once for a run of blanks or a
 * blank other than a space.
 */
export function foldBlanks(s: string): string {
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (space) return s.replace(BLANK_RUN, ' ');
      space = true;
      continue;
    }
    space = false;
    if (isBlank(c)) return s.replace(BLANK_RUN, ' ');
  }
  return s;
}

/** How many blanks `s` starts with: `s.length - s.trimStart().length`, without the copy. */
export function leadingBlanks(s: string): number {
  let i = 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i;
}

/** A character `\s` matches and `trim` removes (a space, tab, line end, and the Unicode blanks). */
function isBlank(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}
