/**
 * Walking the model, as pandoc's `walk` and `query` walk its AST: every block
 * and every run of inline nodes a block holds (text, label, caption, cells,
 * nested blocks), in reading order. Passes and checks are written on top of
 * these functions instead of walking the model themselves.
 */
import type { BlockNode, InlineNode, TableRow } from './types.js';

/**
 * The same blocks with each block, and every block it holds (in list items,
 * cells, proposals, summary parts), replaced by `map(block)`, in reading
 * order: a block before the blocks it holds.
 */
export function mapBlocks(blocks: readonly BlockNode[], map: (block: BlockNode) => BlockNode): BlockNode[] {
  const inner = (list: readonly BlockNode[]) => mapBlocks(list, map);
  const rows = (list: readonly TableRow[]) =>
    list.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, children: inner(cell.children) })) }));
  return blocks.map((original): BlockNode => {
    const node = map(original);
    switch (node.type) {
      case 'list':
        return { ...node, children: node.children.map((item) => ({ ...item, children: inner(item.children) })) };
      case 'blockquote':
        return { ...node, children: inner(node.children) };
      case 'proposal':
        return { ...node, children: inner(node.children), reasons: inner(node.reasons) };
      case 'table':
        return { ...node, head: rows(node.head), body: rows(node.body), foot: rows(node.foot) };
      case 'summary':
        return { ...node, parts: node.parts.map((part) => ({ ...part, children: inner(part.children) })) };
      default:
        return node;
    }
  });
}

/** The same blocks with every run of inline nodes replaced by `map(run, block that holds it)`. */
export function mapInlineRuns(blocks: readonly BlockNode[], map: (run: InlineNode[], block: BlockNode) => InlineNode[]): BlockNode[] {
  return mapBlocks(blocks, (node): BlockNode => {
    switch (node.type) {
      case 'heading':
        return { ...node, label: node.label && map(node.label, node), children: map(node.children, node) };
      case 'labelledParagraph':
        return { ...node, label: map(node.label, node), children: map(node.children, node) };
      case 'paragraph':
      case 'callWordParagraph':
        return { ...node, children: map(node.children, node) };
      case 'figure':
      case 'table':
        return { ...node, caption: map(node.caption, node) };
      case 'list':
      case 'blockquote':
      case 'proposal':
      case 'summary':
        return node;
    }
  });
}

type InlineVisitor = (node: InlineNode, ancestors: readonly InlineNode[]) => void;

/** Every inline node of the blocks in reading order, each with the inline nodes that hold it. */
export function visitInlines(blocks: readonly BlockNode[], visit: InlineVisitor): void {
  mapInlineRuns(blocks, (run) => {
    visitInlineRun(run, visit);
    return run;
  });
}

/** Every inline node of one run in reading order, each with the inline nodes that hold it. */
export function visitInlineRun(run: readonly InlineNode[], visit: InlineVisitor, ancestors: readonly InlineNode[] = []): void {
  for (const node of run) {
    visit(node, ancestors);
    if ('children' in node) visitInlineRun(node.children, visit, [...ancestors, node]);
  }
}
