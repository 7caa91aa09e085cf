/**
 * Blocks redlined. Containers are paired in order (containers.ts); between them, paragraphs,
 * headings and lists are aligned (align.ts: the same blocks first, then similar ones), and each
 * pair is redlined by its kind: words inside paragraphs, items inside lists, cells inside tables.
 * A block left unpaired is inserted or deleted as a whole.
 */
import type { BlockNode, ListItem, TableRow } from '../../model/types.js';
import type { Lang } from '../../i18n/languages.js';
import { changedWholly } from '../whole-change.js';
import { align } from './align.js';
import { shapeKey } from './canonical.js';
import { cutAtContainers, expectSameContainers, type Container, type Markable } from './containers.js';
import { redlineLabel, redlineRun } from './inlines.js';
import { blocksText, similarity } from './similarity.js';

/** Below this share of words in common two paragraphs are taken for different paragraphs: one deleted, one inserted. */
const SAME_PARAGRAPH = 0.4;

export function redlineBlocks(old: readonly BlockNode[], next: readonly BlockNode[], lang: Lang): BlockNode[] {
  return redlinePieces(old, next, lang).flatMap((piece) => piece.blocks);
}

/** What the redline makes of one new block (or, without `next`, of one old block deleted). */
export interface Piece {
  blocks: BlockNode[];
  next?: BlockNode | undefined;
}

/** The redline of blocks, piece by piece in reading order, each with the new block it comes from. */
export function redlinePieces(old: readonly BlockNode[], next: readonly BlockNode[], lang: Lang): Piece[] {
  const [before, after] = [cutAtContainers(old), cutAtContainers(next)];
  expectSameContainers(before.containers, after.containers);
  return after.stretches.flatMap((stretch, index) => {
    const container = after.containers[index];
    const marked = redlineMarkables(before.stretches[index]!, stretch, lang);
    if (!container) return marked;
    const was = before.containers[index]!;
    return [...marked, { blocks: [sameKey(was, container) ? container : redlineContainer(was, container, lang)], next: container }];
  });
}

function redlineMarkables(old: readonly Markable[], next: readonly Markable[], lang: Lang): Piece[] {
  return align(old, next, blockKey, (a, b) => blockScore(a, b, lang)).map(({ old: before, next: after }): Piece => {
    if (!before) return { blocks: changedWholly([after!], 'insertion'), next: after };
    if (!after) return { blocks: changedWholly([before], 'deletion') };
    if (sameKey(before, after)) return { blocks: [after], next: after };
    if (after.type === 'list')
      return { blocks: [{ ...after, children: redlineItems((before as typeof after).children, after.children, lang) }], next: after };
    return { blocks: redlineText(before as typeof after, after, lang), next: after };
  });
}

type TextBlock = Exclude<Markable, { type: 'list' }>;

/**
 * Words diffed inside the block, a changed label replaced whole. In right-to-left text where
 * numbers would meet at a mark's edge and nothing can part them, the old block is deleted and the
 * new one inserted instead.
 */
function redlineText(old: TextBlock, next: TextBlock, lang: Lang): BlockNode[] {
  const run = redlineRun(old.children, next.children, lang);
  if (!run.numbersApart) return [...changedWholly([old], 'deletion'), ...changedWholly([next], 'insertion')];
  const block: TextBlock = { ...next, change: undefined, children: run.nodes };
  if (block.type === 'labelledParagraph') block.label = redlineLabel((old as typeof block).label, block.label);
  if (block.type === 'heading') {
    const was = old as typeof block;
    if (block.label) block.label = redlineLabel(was.label ?? [], block.label);
    // A title made from the revision history that changed is the marked title, made from the new text's history.
    if (run.nodes.some((node) => node.type === 'insertion' || node.type === 'deletion')) block.reading = undefined;
  }
  return [block];
}

function redlineItems(old: readonly ListItem[], next: readonly ListItem[], lang: Lang): ListItem[] {
  const key = (item: ListItem) => shapeKey(item.children);
  const score = (a: ListItem, b: ListItem) => sameEnough(similarity(a, b, (item) => blocksText(item.children), lang));
  return align(old, next, key, score).map(({ old: before, next: after }) => {
    if (before && after && key(before) === key(after)) return after;
    if (before && after) return { ...after, change: undefined, children: redlineBlocks(before.children, after.children, lang) };
    const [item, change] = before ? ([before, 'deletion'] as const) : ([after!, 'insertion'] as const);
    return { ...item, change, children: changedWholly(item.children, change) };
  });
}

/** Two containers of the same shape (containers.ts): their captions, cells and blocks redlined. */
function redlineContainer(old: Container, next: Container, lang: Lang): BlockNode {
  switch (next.type) {
    case 'blockquote':
      return { ...next, children: redlineBlocks((old as typeof next).children, next.children, lang) };
    case 'proposal': {
      const before = old as typeof next;
      return {
        ...next,
        children: redlineBlocks(before.children, next.children, lang),
        reasons: redlineBlocks(before.reasons, next.reasons, lang),
      };
    }
    case 'figure':
      return { ...next, caption: redlineRun((old as typeof next).caption, next.caption, lang).nodes };
    case 'table': {
      const before = old as typeof next;
      const rows = (a: readonly TableRow[], b: readonly TableRow[]) => b.map((row, r) => redlineRow(a[r]!, row, lang));
      const caption = redlineRun(before.caption, next.caption, lang).nodes;
      return {
        ...next,
        caption,
        head: rows(before.head, next.head),
        body: rows(before.body, next.body),
        foot: rows(before.foot, next.foot),
      };
    }
    case 'summary': {
      const parts = (old as typeof next).parts;
      return {
        ...next,
        parts: next.parts.map((part, p) => ({ ...part, children: redlineBlocks(parts[p]!.children, part.children, lang) })),
      };
    }
  }
}

/** Rows and cells pair by place: a table's grid is the same in both texts. */
function redlineRow(old: TableRow, next: TableRow, lang: Lang): TableRow {
  return {
    ...next,
    cells: next.cells.map((cell, c) => ({ ...cell, children: redlineBlocks(old.cells[c]!.children, cell.children, lang) })),
  };
}

const keys = new WeakMap<BlockNode, string>();

/** The key of two blocks that are the same, labels included (nothing to redline). */
function sameKey(old: BlockNode, next: BlockNode): boolean {
  const key = (block: BlockNode) => {
    let found = keys.get(block);
    if (found === undefined) keys.set(block, (found = shapeKey(block)));
    return found;
  };
  return key(old) === key(next);
}

/** The key of blocks that are the same but for their labels, so a renumbered paragraph is matched before any similarity is weighed. */
function blockKey(block: Markable): string {
  if (block.type === 'labelledParagraph') return shapeKey({ ...block, label: [] });
  if (block.type === 'heading') return shapeKey({ ...block, label: block.label ? [] : undefined });
  return shapeKey(block);
}

/** > 0 for two blocks that may be one block changed: the same kind (a heading of the same level and id), with enough words in common. */
function blockScore(old: Markable, next: Markable, lang: Lang): number {
  if (shapeKey(kind(old)) !== shapeKey(kind(next))) return 0;
  const alike = similarity(old, next, (block) => blocksText([block]), lang);
  if (next.type === 'list') return 0.5 + alike / 2;
  // A title made from the metadata is the same title whatever its words.
  return next.type === 'heading' && next.role ? 1 : sameEnough(alike);
}

function sameEnough(alike: number): number {
  return alike >= SAME_PARAGRAPH ? alike : 0;
}

function kind(block: Markable): unknown {
  switch (block.type) {
    case 'heading':
      return [block.type, block.depth, block.role, block.id, block.label !== undefined];
    case 'list':
      return [block.type, block.ordered, block.start];
    default:
      return block.type;
  }
}
