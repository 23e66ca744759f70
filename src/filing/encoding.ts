/**
 * Bytes of a release to text: UTF-8 when the bytes are valid UTF-8 (a byte-order mark dropped),
 * otherwise Windows-1252, how 2004-era EDGAR text often comes. Pure: runs in Node and the browser.
 */

/** Windows-1252 characters of bytes 0x80-0x9F (the rest of the range is Latin-1); 0 = undefined. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x4000) {
    const chunk = Array.from(bytes.subarray(i, i + 0x4000), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] || 0xfffd : b));
    out += String.fromCharCode(...chunk);
  }
  return out;
}

/** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (older EDGAR text). */
export function decodeText(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Not TextDecoder('windows-1252'): some runtimes decode that label as Latin-1.
    return decodeWindows1252(body);
  }
}

