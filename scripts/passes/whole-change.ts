/**
 * Blocks added or removed as a whole: the change on every block and list item (their paragraph
 * marks, in Word), and around every run of their text, so that each reading keeps or drops them
 * and every marked copy underlines or strikes them through.
 */
import type { BlockChange, BlockNode, InlineNode } from '../model/types.js';
import { mapBlocks, mapInlineRuns } from '../model/walk.js';

export type Change = Exclude<BlockChange, undefined>;

export function changedWholly(blocks: readonly BlockNode[], change: Change): BlockNode[] {
  const marked = mapInlineRuns(blocks, (run): InlineNode[] =>
    run.length === 0 || run.every((node) => node.type === change) ? run : [{ type: change, children: run }],
  );
  return mapBlocks(marked, (block): BlockNode => {
    if (block.type === 'list') return { ...block, children: block.children.map((item) => ({ ...item, change })) };
    return 'change' in block ? { ...block, change } : block;
  });
}
