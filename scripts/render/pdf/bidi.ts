/**
 * The Unicode Bidirectional Algorithm (UAX #9, bidi-js) as the PDF layout
 * needs it: embedding levels in which every revision mark is an isolate, and
 * the visual order of a line.
 *
 * A revision mark is its own unit of text: a deleted "2024-2027" followed by
 * an inserted "2028-2031" in Arabic must read as two whole ranges, not as
 * digit groups of one number run. So the levels are computed on the text with
 * FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE around each mark, as a
 * browser does for `unicode-bidi: isolate`; the controls are for the algorithm
 * only and are never drawn.
 */
import bidiModule from 'bidi-js';

// bidi-js is a UMD module whose export is the factory itself; its types describe an ES default export.
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

/** A paragraph's levels, and the text with its isolate controls that the line order is found on. */
export interface Embedding {
  /** Level of each UTF-16 unit of the paragraph's own text. */
  levels: Uint8Array;
  isolated: string;
  result: ReturnType<typeof bidi.getEmbeddingLevels>;
  /** Index in `isolated` of each unit of the text; and of each unit of `isolated` in the text (-1: a control). */
  toIsolated: Int32Array;
  fromIsolated: Int32Array;
}

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Levels of `text` whose UTF-16 unit i lies in the mark `markOf(i)` (undefined outside marks): each
 * run of one mark is isolated.
 */
export function isolatedLevels(text: string, markOf: (index: number) => string | undefined, dir: 'ltr' | 'rtl'): Embedding {
  let isolated = '';
  const original: number[] = [];
  const control = (char: string) => {
    isolated += char;
    original.push(-1);
  };
  let open: string | undefined;
  for (let i = 0; i < text.length; i++) {
    // A paragraph separator (a line break) ends every isolate; the mark goes on in a new one after it.
    const mark = text[i] === '\n' ? undefined : markOf(i);
    if (mark !== open) {
      if (open !== undefined) control(PDI);
      if (mark !== undefined) control(FSI);
      open = mark;
    }
    isolated += text[i];
    original.push(i);
  }
  if (open !== undefined) control(PDI);

  const result = bidi.getEmbeddingLevels(isolated, dir);
  const levels = new Uint8Array(text.length);
  const toIsolated = new Int32Array(text.length);
  original.forEach((at, i) => {
    if (at < 0) return;
    levels[at] = result.levels[i]!;
    toIsolated[at] = i;
  });
  return { levels, isolated, result, toIsolated, fromIsolated: Int32Array.from(original) };
}

/** Indices of text[start, end) in visual order, left to right (rules L1 and L2). */
export function visualOrder(embedding: Embedding, start: number, end: number): number[] {
  if (end <= start) return [];
  const from = embedding.toIsolated[start]!;
  const to = embedding.toIsolated[end - 1]!;
  const order: number[] = [];
  for (let i = from; i <= to; i++) order.push(i);
  for (const [first = 0, last = 0] of bidi.getReorderSegments(embedding.isolated, embedding.result, from, to)) {
    const slice = order.slice(first - from, last - from + 1).reverse();
    order.splice(first - from, slice.length, ...slice);
  }
  return order.map((i) => embedding.fromIsolated[i]!).filter((i) => i >= 0);
}

/** The character as drawn at a right-to-left level (rule L4): `(` is drawn `)`, and so on. */
export function mirrored(char: string): string | null {
  return bidi.getMirroredCharacter(char);
}
