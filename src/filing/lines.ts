/** Line positions in a source text: offset ↔ line, shared by the readers (provenance is a line and column). */
import type { Filing } from './types';

/** Where each line of a text starts, and where it ends without its line end (CRLF, CR and LF each end one). */
export interface LineBounds {
  starts: number[];
  ends: number[];
}

/** A CR not followed by LF: a line end of its own. */
const LONE_CR = /\r(?!\n)/;

/** Each line's start and end offsets in `text`, numbered as `text.split(/\r\n|\r|\n/)` numbers the lines. */
export function lineBounds(text: string): LineBounds {
  const starts = [0];
  const ends: number[] = [];
  if (text.indexOf('\r') < 0 || !LONE_CR.test(text)) {
    // No lone CR (most texts): LF ends every line, a CR just before it is part of the line end.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      ends.push(i > 0 && text.charCodeAt(i - 1) === 13 ? i - 1 : i);
      starts.push(i + 1);
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

/** Offsets of line starts in `text` (the first is 0). */
export function lineStarts(text: string): number[] {
  return lineBounds(text).starts;
}

/** 0-based index of the line holding `offset`, given the line starts. */
export function lineIndex(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A text's lines by 1-based number, numbered as `text.split(/\r\n|\r|\n/)` numbers them. */
export interface NumberedLines {
  /** How many lines the text has. */
  readonly count: number;
  /** Line `no` (1-based) without its line end; '' outside the text. */
  at(no: number): string;
}

/**
 * The lines of `text` by number, without splitting the whole text into strings: where each line
 * starts and ends is found on first use (CRLF, CR and LF each end a line), and a line is cut out
 * only when asked for (the prose's places ask for a few hundred of a document's lines).
 */
export function numberedLines(text: string): NumberedLines {
  let bounds: LineBounds | undefined;
  return {
    get count(): number {
      return (bounds ??= lineBounds(text)).starts.length;
    },
    at(no: number): string {
      const b = (bounds ??= lineBounds(text));
      return no >= 1 && no <= b.starts.length ? text.slice(b.starts[no - 1], b.ends[no - 1]) : '';
    },
  };
}

/** Each filing's lines by number, found once for all that ask (its text facts, its claims' places). */
const FILING_LINES = new WeakMap<Filing, NumberedLines>();

/** A filing's lines by number (`numberedLines` of its text), made once per filing. */
export function filingLines(filing: Filing): NumberedLines {
  let lines = FILING_LINES.get(filing);
  if (!lines) FILING_LINES.set(filing, (lines = numberedLines(filing.text)));
  return lines;
}
