/**
 * A footnote whose every call stands inside a deletion goes with them: the
 * marked copies show its text as deleted (struck through, a tracked deletion
 * in Word), and a footnote called only from insertions is shown as inserted.
 */
import type { BlockChange, BlockNode, Footnote, ModelDocument } from '../model/types.js';
import { visitInlines } from '../model/walk.js';
import { changedWholly } from './whole-change.js';

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
    return change ? { ...note, change, children: changedWholly(note.children, change) } : note;
  });
  return { ...doc, footnotes };
}
