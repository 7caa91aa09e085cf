/** Documents compared as their readings are: what a redline must give back. */
import type { BlockNode, ModelDocument } from '../../scripts/model/types.js';
import { canonicalBlocks } from '../../scripts/passes/redline/index.js';

/**
 * A document's words and structure as a string to compare: positions left out, text cut the same
 * way (canonical.ts), and without the mark a reading stamps on a title made from the revision
 * history (`reading`: which reading it is), since an accepted reading can be the old text of a redline.
 */
export function comparable(doc: Pick<ModelDocument, 'body' | 'footnotes'>): string {
  const notes = doc.footnotes.map((note) => ({ ...note, children: canonicalBlocks(note.children) }));
  return JSON.stringify(
    { body: canonicalBlocks(doc.body), footnotes: notes },
    function (this: { role?: string }, key, value: unknown) {
      return key === 'position' || (key === 'reading' && this.role) ? undefined : value;
    },
    1,
  );
}

/** The text of a resolution a document holds: what its proposals hold, without their Reasons (as the base-text check reads it). */
export function unwrapped(doc: ModelDocument): ModelDocument {
  const body = doc.body.flatMap((block): BlockNode[] => (block.type === 'proposal' ? block.children : [block]));
  return { ...doc, body };
}
