/**
 * Blocks redlined: aligned first (align.ts), then each pair redlined by its kind, words inside
 * paragraphs, items inside lists, cells inside tables. A paragraph, heading or list item left
 * unpaired is inserted or deleted as a whole; a container the model cannot mark as a whole (a
 * table, figure, proposal, quotation or summary) must have its counterpart.
 */
import type { BlockNode, ListItem, TableRow } from '../../model/types.js';
import type { Lang } from '../../i18n/languages.js';
import { changedWholly, type Change } from '../whole-change.js';
import { align } from './align.js';
import { canonicalBlocks, shapeKey } from './canonical.js';
import { RedlineError } from './errors.js';
import { redlineLabel, redlineRun } from './inlines.js';
import { blocksText, similarity } from './similarity.js';

/** Below this similarity two paragraphs are taken for different paragraphs: one deleted, one inserted. */
const SAME_PARAGRAPH = 0.4;

type Markable = Extract<BlockNode, { change: unknown }> | Extract<BlockNode, { type: 'list' }>;

export function redlineBlocks(old: readonly BlockNode[], next: readonly BlockNode[], lang: Lang): BlockNode[] {
  return align(old, next, blockKey, (a, b) => blockScore(a, b, lang)).flatMap(({ old: before, next: after }): BlockNode[] => {
    if (before && after) return redlinePair(before, after, lang);
    return before ? wholly(before, 'deletion') : wholly(after!, 'insertion');
  });
}

function redlinePair(old: BlockNode, next: BlockNode, lang: Lang): BlockNode[] {
  switch (next.type) {
    case 'paragraph':
    case 'callWordParagraph':
    case 'labelledParagraph':
    case 'heading':
      return redlineTextBlock(old as typeof next, next, lang);
    case 'list': {
      const items = (old as typeof next).children;
      return [{ ...next, children: redlineItems(items, next.children, lang) }];
    }
    case 'blockquote':
      return [{ ...next, children: redlineBlocks((old as typeof next).children, next.children, lang) }];
    case 'proposal': {
      const before = old as typeof next;
      return [
        {
          ...next,
          children: redlineBlocks(before.children, next.children, lang),
          reasons: redlineBlocks(before.reasons, next.reasons, lang),
        },
      ];
    }
    case 'figure':
      return [{ ...next, caption: redlineRun((old as typeof next).caption, next.caption, lang).nodes }];
    case 'table': {
      const before = old as typeof next;
      const rows = (a: TableRow[], b: TableRow[]) => b.map((row, r) => redlineRow(a[r]!, row, lang));
      return [
        {
          ...next,
          caption: redlineRun(before.caption, next.caption, lang).nodes,
          head: rows(before.head, next.head),
          body: rows(before.body, next.body),
          foot: rows(before.foot, next.foot),
        },
      ];
    }
    case 'summary': {
      const parts = (old as typeof next).parts;
      return [
        { ...next, parts: next.parts.map((part, p) => ({ ...part, children: redlineBlocks(parts[p]!.children, part.children, lang) })) },
      ];
    }
  }
}

type TextBlock = Extract<BlockNode, { type: 'paragraph' | 'callWordParagraph' | 'labelledParagraph' | 'heading' }>;

/**
 * Words diffed inside the block, a changed label replaced whole. In right-to-left text where
 * numbers would meet at a mark's edge and nothing can part them, the old block is deleted and the
 * new one inserted instead.
 */
function redlineTextBlock<T extends TextBlock>(old: T, next: T, lang: Lang): BlockNode[] {
  const run = redlineRun(old.children, next.children, lang);
  if (!run.numbersApart) return [...wholly(old, 'deletion'), ...wholly(next, 'insertion')];
  const block: BlockNode = { ...next, change: undefined, children: run.nodes };
  if (block.type === 'labelledParagraph') block.label = redlineLabel((old as typeof block).label, block.label);
  if (block.type === 'heading' && block.label) block.label = redlineLabel((old as typeof block).label ?? [], block.label);
  return [block];
}

function redlineItems(old: readonly ListItem[], next: readonly ListItem[], lang: Lang): ListItem[] {
  return align(
    old,
    next,
    (item) => shapeKey(canonicalBlocks(item.children)),
    (a, b) => itemScore(a, b, lang),
  ).map(({ old: before, next: after }) => {
    if (before && after) return { ...after, change: undefined, children: redlineBlocks(before.children, after.children, lang) };
    const [item, change] = before ? ([before, 'deletion'] as const) : ([after!, 'insertion'] as const);
    return { ...item, change, children: changedWholly(item.children, change) };
  });
}

function redlineRow(old: TableRow, next: TableRow, lang: Lang): TableRow {
  return {
    ...next,
    cells: next.cells.map((cell, c) => ({ ...cell, children: redlineBlocks(old.cells[c]!.children, cell.children, lang) })),
  };
}

function wholly(block: BlockNode, change: Change): BlockNode[] {
  if (isMarkable(block)) return changedWholly([block], change);
  const [verb, side] = change === 'deletion' ? (['removed', 'old'] as const) : (['added', 'new'] as const);
  throw new RedlineError(
    `A ${describe(block)} was ${verb}, or changed in a way the model has no mark for (its grid, id, number or attributes)`,
    'Add or remove it, or change its grid, in a revision of its own and mark that by hand; redline the words once both texts have the same tables, figures and proposals',
    side,
    block.position,
  );
}

function isMarkable(block: BlockNode): block is Markable {
  return 'change' in block || block.type === 'list';
}

function describe(block: BlockNode): string {
  return (
    { table: 'table', figure: 'figure', proposal: 'proposal', blockquote: 'quotation', summary: 'summary' }[block.type as string] ??
    block.type
  );
}

/** The key of blocks that are the same: their shape without labels, so a renumbered paragraph is matched before any similarity is weighed. */
function blockKey(block: BlockNode): string {
  const canonical = canonicalBlocks([block])[0]!;
  if (canonical.type === 'labelledParagraph') return shapeKey({ ...canonical, label: [] });
  if (canonical.type === 'heading') return shapeKey({ ...canonical, label: canonical.label && [] });
  return shapeKey(canonical);
}

function blockScore(old: BlockNode, next: BlockNode, lang: Lang): number {
  if (shapeKey(shell(old)) !== shapeKey(shell(next))) return 0;
  switch (next.type) {
    case 'paragraph':
    case 'callWordParagraph':
    case 'labelledParagraph':
    case 'heading': {
      if (next.type === 'heading' && next.role) return 1;
      const alike = similarity(old, next, (block) => blocksText([block]), lang);
      return alike >= SAME_PARAGRAPH ? alike : 0;
    }
    case 'list':
      return 0.5 + similarity(old, next, (block) => blocksText([block]), lang) / 2;
    default:
      // A container is paired with its counterpart whatever its words: the model cannot mark it added or removed.
      return 1;
  }
}

function itemScore(old: ListItem, next: ListItem, lang: Lang): number {
  const alike = similarity(old, next, (item) => blocksText(item.children), lang);
  return alike >= SAME_PARAGRAPH ? alike : 0;
}

/** What must be the same for two blocks to be one block changed: all but their words. */
function shell(block: BlockNode): unknown {
  switch (block.type) {
    case 'paragraph':
    case 'callWordParagraph':
    case 'labelledParagraph':
    case 'blockquote':
      return block.type;
    case 'heading':
      return [block.type, block.depth, block.role, block.id, block.label !== undefined];
    case 'list':
      return [block.type, block.ordered, block.start];
    case 'table': {
      const grid = (rows: readonly TableRow[]) =>
        rows.map((row) => row.cells.map((cell) => [cell.colSpan, cell.rowSpan, cell.column, cell.align]));
      return [block.type, block.id, block.number, block.printedNumber, block.columns, grid(block.head), grid(block.body), grid(block.foot)];
    }
    case 'figure':
      return [block.type, block.id, block.number, block.printedNumber, block.alt, block.src];
    case 'proposal':
      return [block.type, block.action, block.id];
    case 'summary':
      return [block.type, block.parts.map((part) => [part.key, part.title])];
  }
}
