/**
 * A footnote whose every call stands inside a deletion goes with them: the
 * marked copies show its text as deleted (struck through, a tracked deletion
 * in Word), and a footnote called only from insertions is shown as inserted.
 */
import type { BlockChange, BlockNode, Footnote, InlineNode, ModelDocument } from '../model/types.js';
import { mapInlineRuns, visitInlines } from '../model/walk.js';

export function markFootnoteChanges(doc: ModelDocument): ModelDocument {
  const calls = new Map<string, BlockChange[]>();
  const collect = (blocks: readonly BlockNode[]) =>
    visitInlines(blocks, (node, ancestors) => {
      if (node.type !== 'footnoteReference') return;
      const mark = [...ancestors].reverse().find((a) => a.type === 'insertion' || a.type === 'deletion')?.type;
      calls.set(node.id, [...(calls.get(node.id) ?? []), mark as BlockChange]);
    });
  collect(doc.body);
  doc.footnotes.forEach((note) => collect(note.children));
  const footnotes = doc.footnotes.map((note): Footnote => {
    const marks = calls.get(note.id) ?? [];
    const change = marks.length > 0 && marks.every((mark) => mark === marks[0]) ? marks[0] : undefined;
    return change ? { ...note, change, children: wholly(note.children, change) } : note;
  });
  return { ...doc, footnotes };
}

/** Blocks changed as a whole: the change on each block and around each run of its text. */
function wholly(blocks: readonly BlockNode[], change: Exclude<BlockChange, undefined>): BlockNode[] {
  const marked = mapInlineRuns(blocks, (run): InlineNode[] =>
    run.length === 0 || run.every((node) => node.type === change) ? run : [{ type: change, children: run }],
  );
  return marked.map((block) => ('change' in block ? { ...block, change } : block));
}
