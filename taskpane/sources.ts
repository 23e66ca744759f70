/**
 * Text in from the places a person gives it: a picked or dropped file, pasted text. Problems
 * come back as sentences that say what to do, never as exceptions.
 */
import { decodeText } from '../src/filing/encoding';
import { MAX_FILING_BYTES } from '../src/filing/reader';
import type { SourceText } from '../src/pipeline';

export { decodeText };

/** Larger than any release; a whole EDGAR submission with exhibits is a few MB. The reader's own cap. */
export const MAX_BYTES = MAX_FILING_BYTES;

const TEXT_EXTENSIONS = ['.txt', '.htm', '.html'];

export type SourceResult = { ok: true; source: SourceText } | { ok: false; message: string };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** True when the bytes look like a binary file (PDF, Word, a zip such as .xlsx). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Checks a file's name, size and content; the text and its name, or what is wrong with it. */
export function sourceFromBytes(name: string, size: number, bytes: Uint8Array | undefined): SourceResult {
  const ext = extensionOf(name);
  if (!TEXT_EXTENSIONS.includes(ext)) {
    const kind = ext ? `a ${ext} file` : 'a file without an extension';
    return { ok: false, message: `${name} is ${kind}. Choose the release as .txt or .htm (EDGAR's text or HTML version of the EX-99.1 exhibit).` };
  }
  if (size === 0) return { ok: false, message: `${name} is empty. Choose the release's text file again, or paste its text.` };
  if (size > MAX_BYTES) {
    return { ok: false, message: `${name} is ${sizeText(size)}, larger than any earnings release (limit ${sizeText(MAX_BYTES)}). Choose the EX-99.1 exhibit rather than a whole archive.` };
  }
  if (!bytes) return { ok: false, message: `${name} could not be read. Check that the file is still there and try again.` };
  if (looksBinary(bytes)) {
    return { ok: false, message: `${name} is not a text file (its content is binary, for example a PDF or a Word file renamed). Choose the release as .txt or .htm.` };
  }
  return { ok: true, source: { name, text: decodeText(bytes) } };
}

export async function sourceFromFile(file: File): Promise<SourceResult> {
  // Name and size first, so that a wrong or huge file is refused without reading it.
  const pre = sourceFromBytes(file.name, file.size, new Uint8Array(0));
  if (!pre.ok) return pre;
  let bytes: Uint8Array | undefined;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    bytes = undefined;
  }
  return sourceFromBytes(file.name, file.size, bytes);
}

/** Pasted text under a name that differs from every name already taken. */
export function sourceFromPaste(text: string, taken: string[]): SourceResult {
  if (!text.trim()) return { ok: false, message: 'Nothing is pasted. Paste the whole text of the release (tables included), then choose Preview pasted text.' };
  let name = 'pasted text';
  for (let i = 2; taken.includes(name); i++) name = `pasted text ${i}`;
  return { ok: true, source: { name, text } };
}

/** An error as a sentence for a person: its message, never a stack trace. */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as Error & { code?: unknown }).code;
    const message = e.message.trim() || e.name;
    return typeof code === 'string' && code && !message.includes(code) ? `${message} (${code})` : message;
  }
  if (typeof e === 'string' && e.trim()) return e.trim();
  return 'an unexpected error';
}
