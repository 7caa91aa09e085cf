/**
 * Word's bookmarks as the model's ids and anchors. Our writer names a bookmark by its id: a heading's,
 * figure's or table's id covers its paragraph, an anchor is a point. A bookmark covering all of a
 * paragraph is that paragraph's (`covering`); any other is an anchor where it starts. Word's own
 * `_GoBack` (where the last edit was) is not the document's.
 */
import type { Piece } from './runs.js';

const WORD_OWN = new Set(['_GoBack']);

export interface ParagraphBookmarks {
  /** The pieces, each bookmark that is not the paragraph's an anchor where it starts. */
  pieces: Piece[];
  /** The names of the bookmarks covering the whole paragraph (all of an empty one's), in order. */
  covering: string[];
}

export function readBookmarks(read: readonly Piece[]): ParagraphBookmarks {
  const content = read.map((piece, index) => (piece.kind === 'bookmark' ? -1 : index)).filter((index) => index >= 0);
  const first = content[0] ?? Infinity;
  const last = content.at(-1) ?? -Infinity;
  const ends = new Map<string, number>();
  read.forEach((piece, index) => {
    if (piece.kind === 'bookmark' && piece.at === 'end') ends.set(piece.id, index);
  });
  const covering: string[] = [];
  const pieces: Piece[] = [];
  // LibreOffice writes some bookmarks twice over (a start without end and a whole one): a name is read once.
  const seen = new Set<string>();
  read.forEach((piece, index) => {
    if (piece.kind !== 'bookmark') return void pieces.push(piece);
    if (piece.at === 'end' || !piece.name || WORD_OWN.has(piece.name) || seen.has(piece.name)) return;
    seen.add(piece.name);
    const end = ends.get(piece.id);
    if (!content.length || (end !== undefined && index < first && end > last)) covering.push(piece.name);
    else pieces.push({ kind: 'anchor', name: piece.name, mark: piece.mark });
  });
  return { pieces, covering };
}

/** Bookmarks that stay in the text: anchors at the paragraph's start, before its pieces. */
export function asAnchors(names: readonly string[]): Piece[] {
  return names.map((name) => ({ kind: 'anchor', name, mark: undefined }));
}
