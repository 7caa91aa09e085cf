/**
 * The redline of two unmarked texts: the new text with the revision marks that take it from the
 * old, so that its rejected reading is the old text and its accepted reading the new (readings.ts).
 * Blocks are aligned first (blocks.ts), then the words inside each pair (inlines.ts); footnotes
 * are paired by their labels, one called only from deleted text deleted with it. A proposal the
 * old text lacks wraps it (proposals.ts).
 */
import type { Footnote, ModelDocument } from '../../model/types.js';
import type { Lang } from '../../i18n/languages.js';
import { visitInlines } from '../../model/walk.js';
import { renumberFootnotes } from '../readings.js';
import { changedWholly } from '../whole-change.js';
import { redlineBlocks } from './blocks.js';
import { redlineIntoProposals, wrapsOldText } from './proposals.js';
import { RedlineInputError } from './errors.js';

export { RedlineError, RedlineInputError } from './errors.js';
export { canonicalBlocks, canonicalInlines } from './canonical.js';

/** `old` and `next` are unmarked: a marked text is taken as its accepted reading first. */
export function redline(old: ModelDocument, next: ModelDocument): ModelDocument {
  expectUnmarked(old);
  expectUnmarked(next);
  const body = wrapsOldText(old.body, next.body)
    ? redlineIntoProposals(old.body, next.body, next.lang)
    : redlineBlocks(old.body, next.body, next.lang);
  const footnotes = redlineFootnotes(old.footnotes, next.footnotes, next.lang);
  return renumberFootnotes({ ...next, body, footnotes });
}

function redlineFootnotes(old: readonly Footnote[], next: readonly Footnote[], lang: Lang): Footnote[] {
  const before = new Map(old.map((note) => [note.id, note]));
  const kept = next.map((note): Footnote => {
    const was = before.get(note.id);
    if (!was) return { ...note, change: 'insertion', children: changedWholly(note.children, 'insertion') };
    return { ...note, change: undefined, children: redlineBlocks(was.children, note.children, lang) };
  });
  const ids = new Set(next.map((note) => note.id));
  const gone = old
    .filter((note) => !ids.has(note.id))
    .map((note): Footnote => ({ ...note, change: 'deletion', children: changedWholly(note.children, 'deletion') }));
  return [...kept, ...gone];
}

function expectUnmarked(doc: ModelDocument): void {
  for (const blocks of [doc.body, ...doc.footnotes.map((note) => note.children)])
    visitInlines(blocks, (node) => {
      if (node.type === 'insertion' || node.type === 'deletion')
        throw new RedlineInputError(`${doc.path} has revision marks: redline compares unmarked texts, so take its accepted reading first`);
    });
}
