/**
 * The imported filings live in the workbook, in one custom XML part of a versioned namespace,
 * so a later session (or a later version of the reader) can read them again offline. Each filing's
 * text is stored as UTF-8 in base64: SEC texts carry form feeds and other characters XML 1.0 cannot
 * hold.
 */
import type { SourceText } from '../pipeline';

export const FILINGS_NAMESPACE = 'urn:mpwr-addin:filings:v1';
/** Every version's namespace starts so: `...:v2` is a later version's part, read by that version only. */
export const FILINGS_NAMESPACE_PREFIX = 'urn:mpwr-addin:filings:';

/** Namespaces of parts written by a later version of the add-in (`urn:mpwr-addin:filings:v2`, ...). */
export function newerNamespaces(namespaces: string[]): string[] {
  return [...new Set(namespaces.filter((ns) => {
    const m = /^v(\d+)$/.exec(ns.startsWith(FILINGS_NAMESPACE_PREFIX) ? ns.slice(FILINGS_NAMESPACE_PREFIX.length) : '');
    return m !== null && Number(m[1]) > 1;
  }))];
}

/** What a person is told about parts of a later version (they are left as they are). */
export function newerVersionProblem(namespaces: string[]): string {
  return `this workbook holds filings stored by a newer version of the MPWR add-in (${namespaces.join(', ')}); update the add-in to use them. They were left as they are`;
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(b64: string): string {
  const binary = atob(b64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // Characters XML 1.0 forbids cannot appear even escaped: replace them in a name.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?');
}

function unescapeAttr(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d))).replace(/&amp;/g, '&');
}

/** The XML of the part holding `filings` (in import order). Deterministic: the same filings give the same text. */
export function filingsXml(filings: SourceText[]): string {
  const items = filings.map((f) => `  <filing name="${escapeAttr(f.name)}" chars="${f.text.length}" encoding="base64">${toBase64(f.text)}</filing>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<filings xmlns="${FILINGS_NAMESPACE}" version="1">\n${items.join('\n')}${items.length ? '\n' : ''}</filings>`;
}

/**
 * The filings of a part written by `filingsXml` (an unreadable entry is skipped and reported).
 * A part with any problem is one this version does not read whole: writers leave it as it is.
 */
export function parseFilingsXml(xml: string): { filings: SourceText[]; problems: string[] } {
  const filings: SourceText[] = [];
  const problems: string[] = [];
  if (!xml.includes(FILINGS_NAMESPACE)) return { filings, problems: [`the stored filings are not in the ${FILINGS_NAMESPACE} format`] };
  // The whole part must be what filingsXml writes: a <filings> root holding <filing> entries only
  // (however the host serialises it back: prefixed, either quotes, an empty root closed on itself).
  const body = /^\s*(?:<\?xml[^>]*\?>\s*)?<(?:[\w.-]+:)?filings\b([^>]*?)(?:\/>|>([\s\S]*)<\/(?:[\w.-]+:)?filings>)\s*$/.exec(xml);
  if (!body || !body[1].includes(FILINGS_NAMESPACE)) {
    return { filings, problems: [`the stored filings part (${FILINGS_NAMESPACE}) is damaged or not in the format this version writes; it was left as it is`] };
  }
  const entries = body[2] ?? '';
  if (entries.replace(/<filing\b[^>]*>[^<]*<\/filing>/g, '').trim() !== '') {
    problems.push(`the stored filings part (${FILINGS_NAMESPACE}) holds content this version does not know; it was left as it is`);
  }
  for (const m of entries.matchAll(/<filing\b([^>]*)>([^<]*)<\/filing>/g)) {
    const name = unescapeAttr(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? 'stored filing');
    try {
      const text = fromBase64(m[2]);
      const chars = Number(/\bchars="(\d+)"/.exec(m[1])?.[1] ?? text.length);
      if (chars !== text.length) throw new Error('length differs');
      filings.push({ name, text });
    } catch {
      problems.push(`the stored copy of ${name} could not be read and was left out`);
    }
  }
  return { filings, problems };
}

/** Adds filings not yet stored (same text = same filing), keeping import order. */
export function mergeFilings(stored: SourceText[], added: SourceText[]): SourceText[] {
  const out = [...stored];
  for (const f of added) if (!out.some((s) => s.text === f.text)) out.push(f);
  return out;
}

/**
 * Loads the filings stored in the workbook (two round trips). For the shared runtime at startup,
 * so `=MPWR.*` formulas answer from the workbook's own data with the task pane closed.
 */
export async function loadStoredFilings(context: Excel.RequestContext): Promise<{ filings: SourceText[]; problems: string[] }> {
  const parts = context.workbook.customXmlParts.getByNamespace(FILINGS_NAMESPACE);
  parts.load('items/id');
  const all = context.workbook.customXmlParts;
  all.load('items/namespaceUri');
  await context.sync();
  const newer = newerNamespaces(all.items.map((p) => p.namespaceUri));
  const notes = newer.length ? [newerVersionProblem(newer)] : [];
  if (parts.items.length === 0) return { filings: [], problems: notes };
  const xmls = parts.items.map((p) => p.getXml());
  await context.sync();
  let filings: SourceText[] = [];
  const problems: string[] = [...notes];
  for (const x of xmls) {
    const r = parseFilingsXml(x.value);
    filings = mergeFilings(filings, r.filings);
    problems.push(...r.problems);
  }
  return { filings, problems };
}
