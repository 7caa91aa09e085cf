/** Footnote calls in the order a reader meets them, and a way to rewrite them. */
import type { BlockNode, FootnoteReference, InlineNode, ModelDocument } from '../model/types.js';
import { mapInlineRuns, visitInlines } from '../model/walk.js';

/**
 * The ids of the footnotes called, in the order of their first calls: the
 * body first, then the calls made from inside footnotes, after the footnote
 * that makes them (as the model builder numbers them).
 */
export function footnoteCallsInOrder(doc: ModelDocument): string[] {
  const order: string[] = [];
  const collect = (blocks: readonly BlockNode[]) =>
    visitInlines(blocks, (node) => {
      if (node.type === 'footnoteReference' && !order.includes(node.id)) order.push(node.id);
    });
  collect(doc.body);
  for (let next = 0; next < order.length; next++) {
    const note = doc.footnotes.find((candidate) => candidate.id === order[next]);
    if (note) collect(note.children);
  }
  return order;
}

export function mapFootnoteCalls(blocks: readonly BlockNode[], map: (call: FootnoteReference) => FootnoteReference): BlockNode[] {
  const run = (nodes: InlineNode[]): InlineNode[] =>
    nodes.map((node) =>
      node.type === 'footnoteReference' ? map(node) : 'children' in node ? { ...node, children: run(node.children) } : node,
    );
  return mapInlineRuns(blocks, run);
}
