/**
 * Containers the model cannot mark as added or removed (tables, figures, proposals, quotations,
 * summaries: none has a `change`, and a reading keeps them) must stand in both texts, in the same
 * order and with the same grid and attributes. They cut a sequence of blocks into stretches that
 * are aligned each on its own, and are paired with each other.
 */
import { diffArrays } from 'diff';
import type { BlockNode, TableRow } from '../../model/types.js';
import { shapeKey } from './canonical.js';
import { RedlineError } from './errors.js';

export type Container = Extract<BlockNode, { type: 'table' | 'figure' | 'proposal' | 'blockquote' | 'summary' }>;
/** A block that can be inserted or deleted as a whole: it carries a `change`, or (a list) is dropped when all its items are. */
export type Markable = Exclude<BlockNode, Container>;

export function isContainer(block: BlockNode): block is Container {
  return !('change' in block) && block.type !== 'list';
}

export interface Cut {
  /** The markable blocks before the first container, between each two, and after the last. */
  stretches: Markable[][];
  containers: Container[];
}

export function cutAtContainers(blocks: readonly BlockNode[]): Cut {
  const cut: Cut = { stretches: [[]], containers: [] };
  for (const block of blocks) {
    if (isContainer(block)) {
      cut.containers.push(block);
      cut.stretches.push([]);
    } else cut.stretches.at(-1)!.push(block);
  }
  return cut;
}

/** Throws where the containers of the two texts part ways, at the new one when one was changed, else at the one added or removed. */
export function expectSameContainers(old: readonly Container[], next: readonly Container[]): void {
  const keys = (containers: readonly Container[]) => containers.map((container) => shapeKey(shell(container)));
  let [inOld, inNext] = [0, 0];
  const parts = diffArrays(keys(old), keys(next));
  for (const [index, part] of parts.entries()) {
    if (!part.added && !part.removed) {
      [inOld, inNext] = [inOld + part.count, inNext + part.count];
      continue;
    }
    const changed = part.removed && parts[index + 1]?.added;
    const block = part.removed && !changed ? old[inOld]! : next[inNext]!;
    const what = changed ? 'changed in a way the model has no mark for' : part.removed ? 'removed' : 'added';
    throw new RedlineError(
      `A ${NAMES[block.type]} was ${what}: the model can mark words and paragraphs, but not a whole ${NAMES[block.type]}, nor a table's rows, grid, id or number`,
      'Make that change in a revision of its own and mark it by hand; redline the words once both texts have the same tables, figures, proposals, quotations and summaries',
      part.removed && !changed ? 'old' : 'new',
      block.position,
    );
  }
}

const NAMES: Record<Container['type'], string> = {
  table: 'table',
  figure: 'figure',
  proposal: 'proposal',
  blockquote: 'quotation',
  summary: 'summary',
};

/** What must be the same for two containers to be one container changed: all but their words. */
function shell(block: Container): unknown {
  switch (block.type) {
    case 'blockquote':
      return block.type;
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
