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

/** Every run of inline nodes of the blocks, with the block that holds it, in reading order, as `mapInlineRuns` meets them, without building anything. */
export function forEachInlineRun(blocks: readonly BlockNode[], visit: (run: readonly InlineNode[], block: BlockNode) => void): void {
  const rows = (list: readonly TableRow[]) => list.forEach((row) => row.cells.forEach((cell) => forEachInlineRun(cell.children, visit)));
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'labelledParagraph':
        if (block.label) visit(block.label, block);
        visit(block.children, block);
        break;
      case 'paragraph':
      case 'callWordParagraph':
        visit(block.children, block);
        break;
      case 'figure':
        visit(block.caption, block);
        break;
      case 'table':
        visit(block.caption, block);
        [block.head, block.body, block.foot].forEach(rows);
        break;
      case 'list':
        block.children.forEach((item) => forEachInlineRun(item.children, visit));
        break;
      case 'blockquote':
        forEachInlineRun(block.children, visit);
        break;
      case 'proposal':
        forEachInlineRun(block.children, visit);
        forEachInlineRun(block.reasons, visit);
        break;
      case 'summary':
        block.parts.forEach((part) => forEachInlineRun(part.children, visit));
        break;
    }
  }
}

type InlineVisitor = (node: InlineNode, ancestors: readonly InlineNode[]) => void;

/** Every inline node of the blocks in reading order, each with the inline nodes that hold it. */
export function visitInlines(blocks: readonly BlockNode[], visit: InlineVisitor): void {
  forEachInlineRun(blocks, (run) => visitInlineRun(run, visit));
}

/** Every inline node of one run in reading order, each with the inline nodes that hold it. */
export function visitInlineRun(run: readonly InlineNode[], visit: InlineVisitor, ancestors: readonly InlineNode[] = []): void {
  for (const node of run) {
    visit(node, ancestors);
    if ('children' in node) visitInlineRun(node.children, visit, [...ancestors, node]);
  }
}
