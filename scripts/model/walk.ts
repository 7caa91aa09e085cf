/**
 * Walking the model, as pandoc's `walk` and `query` walk its AST: every run
 * of inline nodes a block holds (text, label, caption, cells, nested blocks),
 * in reading order. Passes are written on top of these two functions.
 */
import type { BlockNode, InlineNode, TableRow } from './types.js';

/** The same blocks with every run of inline nodes replaced by `map(run)`. */
export function mapInlineRuns(blocks: readonly BlockNode[], map: (run: InlineNode[]) => InlineNode[]): BlockNode[] {
  const rows = (list: readonly TableRow[]) =>
    list.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, children: mapInlineRuns(cell.children, map) })) }));
  return blocks.map((node): BlockNode => {
    switch (node.type) {
      case 'heading':
        return { ...node, label: node.label && map(node.label), children: map(node.children) };
      case 'labelledParagraph':
        return { ...node, label: map(node.label), children: map(node.children) };
      case 'paragraph':
      case 'callWordParagraph':
        return { ...node, children: map(node.children) };
      case 'list':
        return { ...node, children: node.children.map((item) => ({ ...item, children: mapInlineRuns(item.children, map) })) };
      case 'blockquote':
        return { ...node, children: mapInlineRuns(node.children, map) };
      case 'proposal':
        return { ...node, children: mapInlineRuns(node.children, map), reasons: mapInlineRuns(node.reasons, map) };
      case 'figure':
        return { ...node, caption: map(node.caption) };
      case 'table':
        return { ...node, caption: map(node.caption), head: rows(node.head), body: rows(node.body), foot: rows(node.foot) };
      case 'summary':
        return { ...node, parts: node.parts.map((part) => ({ ...part, children: mapInlineRuns(part.children, map) })) };
    }
  });
}

/** Every inline node of the blocks in reading order, each with the inline nodes that hold it. */
export function visitInlines(blocks: readonly BlockNode[], visit: (node: InlineNode, ancestors: readonly InlineNode[]) => void): void {
  const walk = (run: readonly InlineNode[], ancestors: InlineNode[]) => {
    for (const node of run) {
      visit(node, ancestors);
      if ('children' in node) walk(node.children, [...ancestors, node]);
    }
  };
  mapInlineRuns(blocks, (run) => {
    walk(run, []);
    return run;
  });
}
