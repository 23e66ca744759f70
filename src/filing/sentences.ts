/**
 * Running text: paragraphs split into sentences, each with the figures it states and the line
 * each figure stands on. Notes under tables (`Note 1: ...`) are kept apart from the narrative.
 */
import { textFigures } from './numbers';
import type { SourceLine } from './document';
import type { Scale, Sentence } from './types';
import { leadingBlanks, matchesOf } from './text';

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = /\b(?:Inc|Corp|Co|Ltd|No|U\.S|Mr|Ms|Dr|St|vs|a\.m|p\.m|i\.e|e\.g)\.$/i;

/** A sentence's end: a full stop, question or exclamation mark before blanks and a capital (a quote or bracket may come first). */
const SENTENCE_END = /[.!?](?=\s+["(]?[A-Z])/g;

export function readSentences(lines: SourceLine[], scaleAt: (line: number) => Scale | undefined): Sentence[] {
  const out: Sentence[] = [];
  let para: SourceLine[] = [];
  const flush = () => {
    if (para.length === 0) return;
    let text = '';
    /** Where each line starts in the paragraph's text, and the blanks its printed text starts with. */
    const starts: { offset: number; no: number; lead: number }[] = [];
    for (const l of para) {
      if (text) text += ' ';
      starts.push({ offset: text.length, no: l.no, lead: leadingBlanks(l.text) });
      text += l.text.trim();
    }
    const lineAt = (offset: number) => {
      let no = starts[0].no;
      for (const s of starts) if (s.offset <= offset) no = s.no;
      return no;
    };
    const kind: Sentence['kind'] = /^Note\s+\d+\s*[:.]/i.test(text) ? 'note' : 'narrative';
    let begin = 0;
    const ends: number[] = [];
    for (const m of matchesOf(SENTENCE_END, text)) {
      const idx = m.index ?? 0;
      if (ABBREVIATIONS.test(text.slice(Math.max(0, idx - 5), idx + 1))) continue;
      ends.push(idx + 1);
    }
    ends.push(text.length);
    for (const end of ends) {
      const piece = text.slice(begin, end);
      const s = piece.trim();
      const offset = begin + leadingBlanks(piece);
      begin = end;
      if (!s) continue;
      const line = lineAt(offset);
      const numbers = textFigures(s).map((f) => {
        const at = offset + f.index;
        const no = lineAt(at);
        // The column on the printed line: the paragraph's text has each line's leading blanks trimmed.
        const start = starts.find((st) => st.no === no);
        const column = at - (start?.offset ?? 0) + (start?.lead ?? 0);
        return {
          amount: { value: f.value, kind: f.percent ? ('percent' as const) : ('money' as const), text: f.text, decimals: f.decimals },
          scale: f.scale ?? scaleAt(no) ?? 'units',
          line: no,
          span: [column, column + f.text.length] as [number, number],
        };
      });
      out.push({ text: s, line, kind, numbers });
    }
    para = [];
  };
  for (const l of lines) {
    if (l.text.trim() === '') flush();
    else para.push(l);
  }
  flush();
  return out;
}
