/**
 * A footnote's label (`[^fn1]`) is the source's name for it; a Word file numbers its notes. An
 * imported note whose text is a note of the current source takes that note's label, so that an
 * import changes only what Word changed; a new note is labelled by its number (made unique).
 */
import type { BlockNode, Footnote } from '../model/types.js';
import { visitInlines } from '../model/walk.js';

function textOf(blocks: readonly BlockNode[]): string {
  const parts: string[] = [];
  visitInlines(blocks, (node) => {
    if ('value' in node) parts.push(node.value);
  });
  return parts.join('');
}

export function keepFootnoteLabels(body: readonly BlockNode[], footnotes: Footnote[], current: readonly Footnote[]): void {
  const free = new Map<string, string[]>();
  for (const note of current) {
    const text = textOf(note.children);
    free.set(text, [...(free.get(text) ?? []), note.id]);
  }
  const labels = new Map<string, string>();
  const used = new Set<string>();
  const kept = footnotes.map((note) => free.get(textOf(note.children))?.shift());
  for (const label of kept) if (label !== undefined) used.add(label);
  footnotes.forEach((note, index) => {
    let label = kept[index];
    if (label === undefined) {
      label = String(note.number);
      for (let n = 2; used.has(label); n++) label = `${note.number}-${n}`;
      used.add(label);
    }
    labels.set(note.id, label);
    note.id = label;
  });
  const relabel = (blocks: readonly BlockNode[]) =>
    visitInlines(blocks, (node) => {
      if (node.type === 'footnoteReference') node.id = labels.get(node.id) ?? node.id;
    });
  relabel(body);
  for (const note of footnotes) relabel(note.children);
}
