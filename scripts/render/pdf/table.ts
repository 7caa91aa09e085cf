/**
 * Table layout: the model's rows and cells (with row and column spans and
 * block content) → flow items, one per group of rows that spans tie together.
 * The header rows are repeated where a table goes on to a new page; a group
 * taller than what is left of a page is cut between rows, or inside a row
 * between the lines of its cells, and a cell cut so is drawn open at the cut
 * (its side rules run on, no rule closes it). Columns run right to left in RTL text.
 */
import type { BlockNode, Table } from '../../model/types.js';
import { translate, type CellLayout, type CutMode, type DrawOp, type FlowItem, type TagRef } from './boxes.js';
import { inlineSpans, paragraphItems, type Column, type LayoutContext } from './paragraph.js';
import { allRows, columnShares, spanned, tableMeasure } from '../table-columns.js';
import { cellAlign } from '../paragraph-styles.js';

interface Placed {
  y: number;
  item: FlowItem;
}

interface CellBox {
  x: number;
  width: number;
  top: number;
  bottom: number;
  items: Placed[];
  /** The cell and its row as structure elements. */
  tag: TagRef;
  row: TagRef;
  /** Spans more than one row. */
  merged: boolean;
  /** Cut at a page foot: goes on below, or came from above. */
  cutBelow: boolean;
  cutAbove: boolean;
}

interface Group {
  height: number;
  cells: CellBox[];
  /** Row boundaries inside the group, from its top; the last is its height. */
  rows: number[];
}

/** How the blocks of a cell are laid out: the block layout, handed in so that tables and blocks do not import each other. */
export type BlockLayout = (nodes: readonly BlockNode[], context: LayoutContext, column: Column) => FlowItem[];

export function layoutTable(node: Table, context: LayoutContext, column: Column, blocks: BlockLayout): FlowItem[] {
  const pad = context.sheet.spacing.cellPadding;
  const tableWidth = column.width - column.indent;
  const left = context.dir === 'rtl' ? 0 : column.indent;
  const widths = columnShares(node, tableMeasure(context.sheet, tableWidth)).map((share) => share * tableWidth);
  const rows = allRows(node);
  const headCount = node.head.length;

  const rowTags = rows.map((): TagRef => ({ type: 'TR', id: context.ids.next++ }));
  const placed = rows.flatMap((row, r) =>
    row.cells.map((cell) => {
      const tag: TagRef = { type: r < headCount ? 'TH' : 'TD', id: context.ids.next++ };
      const c = cell.column;
      const width = spanned(widths, c, cell.colSpan) - 2 * pad;
      const style = r < headCount ? 'tableHead' : 'tableText';
      const content = blocks(cell.children, context, { width, indent: 0, style, align: cellAlign(cell.align, context.dir) });
      while (content[0]?.space) content.shift();
      const height = content.reduce((sum, item) => sum + item.height, 0) + 2 * pad;
      return { row: r, col: c, cell, content, height, tag };
    }),
  );

  // Row heights: the tallest single-row cell; a spanning cell taller than its rows stretches the last of them.
  const rowHeights = rows.map((_, r) =>
    Math.max(2 * pad, ...placed.filter((p) => p.row === r && p.cell.rowSpan === 1).map((p) => p.height)),
  );
  for (const p of placed.filter((q) => q.cell.rowSpan > 1)) {
    const last = Math.min(rows.length, p.row + p.cell.rowSpan) - 1;
    const spanned = rowHeights.slice(p.row, last + 1).reduce((a, b) => a + b, 0);
    if (p.height > spanned) rowHeights[last]! += p.height - spanned;
  }

  // Groups of rows that no span crosses; header rows never share a group with body rows.
  const groups: { start: number; end: number }[] = [];
  for (let start = 0; start < rows.length;) {
    let end = start;
    for (let r = start; r <= end; r++)
      for (const p of placed.filter((q) => q.row === r)) end = Math.max(end, Math.min(rows.length - 1, r + p.cell.rowSpan - 1));
    if (start < headCount && end >= headCount) end = Math.max(start, headCount - 1);
    groups.push({ start, end });
    start = end + 1;
  }

  const top = (r: number) => rowHeights.slice(0, r).reduce((a, b) => a + b, 0);
  const boxOf = (start: number, end: number): Group => {
    const origin = top(start);
    const cells = placed
      .filter((p) => p.row >= start && p.row <= end)
      .map((p) => {
        const x = spanned(widths, 0, p.col);
        const width = spanned(widths, p.col, p.cell.colSpan);
        const cellTop = top(p.row) - origin;
        const bottom = top(Math.min(rows.length, p.row + p.cell.rowSpan)) - origin;
        let y = cellTop + pad;
        const items = p.content.map((item) => {
          const at = { y, item };
          y += item.height;
          return at;
        });
        const place = context.dir === 'rtl' ? tableWidth - x - width : x;
        const cut = { cutBelow: false, cutAbove: false };
        return { x: place, width, top: cellTop, bottom, items, tag: p.tag, row: rowTags[p.row]!, merged: p.cell.rowSpan > 1, ...cut };
      });
    const rowBounds: number[] = [];
    for (let r = start; r <= end; r++) rowBounds.push(top(r + 1) - origin);
    return { height: top(end + 1) - origin, cells, rows: rowBounds };
  };

  // One structure element per table, whatever pages it runs over.
  const id = context.ids.next++;
  const toItem = (group: Group, repeat?: FlowItem): FlowItem => groupItem(group, { left, pad, id }, context, repeat);
  const headGroups = groups.filter((g) => g.start < headCount);
  const headRows = headGroups.length ? toItem(merge(headGroups.map((g) => boxOf(g.start, g.end)))) : undefined;
  // The header rows are never cut and never the last thing on a page.
  const header = headRows && { ...headRows, split: undefined, role: 'header' as const };

  const caption = node.caption.length
    ? paragraphItems(
        [...(node.printedNumber ? [{ text: `${node.printedNumber} `, style: {} }] : []), ...inlineSpans(node.caption, context)],
        context.styles.caption,
        context,
        column,
        { tag: 'Caption' },
      )
    : [];
  const items: FlowItem[] = caption.map((item) => (item.space ? item : { ...item, keepWithNext: true, role: 'caption' }));
  if (header) items.push({ ...header, keepWithNext: true });
  for (const g of groups.filter((g) => g.start >= headCount)) items.push(toItem(boxOf(g.start, g.end), header));
  items.push({ height: context.sheet.spacing.before, ops: [], footnotes: [], space: true });
  return items;
}

/** Stacks groups (the header rows) into one. */
function merge(groups: Group[]): Group {
  let offset = 0;
  const out: Group = { height: 0, cells: [], rows: [] };
  for (const g of groups) {
    out.cells.push(...g.cells.map((c) => shifted(c, offset)));
    out.rows.push(...g.rows.map((r) => r + offset));
    offset += g.height;
  }
  out.height = offset;
  return out;
}

function groupItem(
  group: Group,
  place: { left: number; pad: number; id: number },
  context: LayoutContext,
  repeat: FlowItem | undefined,
): FlowItem {
  const { left, pad, id } = place;
  const rule = (x1: number, y1: number, x2: number, y2: number): DrawOp => ({
    kind: 'rule',
    x1: left + x1,
    y1,
    x2: left + x2,
    y2,
    width: context.sheet.pdf.ruleWidth,
    color: '#000000',
  });
  const ops: DrawOp[] = [];
  const parts: NonNullable<FlowItem['parts']> = [];
  const footnotes: number[] = [];
  const table: TagRef = { type: 'Table', id };
  for (const cell of group.cells) {
    const text = cell.items.flatMap(({ y, item }) => translate(item.ops, left + cell.x + pad, y));
    parts.push({ path: [table, cell.row, cell.tag], ops: text });
    for (const { item } of cell.items) for (const n of item.footnotes) if (!footnotes.includes(n)) footnotes.push(n);
    const right = cell.x + cell.width;
    ops.push(
      rule(cell.x, cell.top, right, cell.top),
      rule(cell.x, cell.top, cell.x, cell.bottom),
      rule(right, cell.top, right, cell.bottom),
    );
    // A cell cut at the page foot is not closed there: the rest of it goes on under the header on the next page.
    if (!cell.cutBelow) ops.push(rule(cell.x, cell.bottom, right, cell.bottom));
  }
  return {
    height: group.height,
    ops,
    parts,
    footnotes,
    repeat,
    tag: table,
    role: 'rows',
    cells: group.cells.map((cell) => cellLayout(cell, left)),
    split: (available, mode) => {
      const cut = cutPoint(group, available, pad, mode);
      if (cut === undefined) return undefined;
      const [first, second] = cutGroup(group, cut, pad);
      return [groupItem(first, place, context, repeat), groupItem(second, place, context, repeat)];
    },
  };
}

function cellLayout(cell: CellBox, left: number): CellLayout {
  const lines = cell.items.filter((p) => !p.item.space);
  const last = lines.at(-1);
  return {
    x: left + cell.x,
    width: cell.width,
    top: cell.top,
    bottom: cell.bottom,
    text: last ? { top: lines[0]!.y, bottom: last.y + last.item.height } : undefined,
    lines: lines.map(({ item }) => item.paragraph && { line: item.paragraph.line, of: item.paragraph.lines }),
    merged: cell.merged,
    cutBelow: cell.cutBelow,
    cutAbove: cell.cutAbove,
  };
}

/** Where a group is cut, and for each cell cut inside its text, the index of its first item that goes on below. */
interface Cut {
  at: number;
  from: Map<CellBox, number>;
}

/**
 * Where to cut a group for its first part to be at most `available` tall:
 * inside the row that `available` falls in (unless `mode` is `rows`), under
 * the last line that fits in each of the cells it crosses, leaving no
 * paragraph's first or last line alone (unless `mode` is `any` and there is
 * no other cut), or at the lowest row boundary that fits.
 */
function cutPoint(group: Group, available: number, pad: number, mode: CutMode): Cut | undefined {
  const fitting = group.rows.filter((r) => r <= available && r < group.height).pop();
  const boundary = fitting !== undefined && fitting > 0 ? { at: fitting, from: new Map<CellBox, number>() } : undefined;
  if (mode === 'rows') return boundary;
  const rowTop = boundary?.at ?? 0;
  const cut = cutInRow(group, available, pad, rowTop, true) ?? boundary;
  return cut ?? (mode === 'any' ? cutInRow(group, available, pad, rowTop, false) : undefined);
}

function cutInRow(group: Group, available: number, pad: number, rowTop: number, together: boolean): Cut | undefined {
  const from = new Map<CellBox, number>();
  let at = rowTop;
  for (const cell of group.cells.filter((c) => c.top < available && c.bottom > available)) {
    const overflow = cell.items.findIndex((p) => !p.item.space && p.y + p.item.height > available - pad);
    if (overflow < 0) continue;
    const index = together ? keepTogether(cell.items, overflow) : overflow;
    from.set(cell, index);
    const last = cell.items
      .slice(0, index)
      .filter((p) => !p.item.space && p.y >= rowTop)
      .at(-1);
    if (last) at = Math.max(at, last.y + last.item.height + pad);
  }
  if (at <= rowTop || !from.size) return undefined;
  // The cells whose lines all fit but some below the cut: cut between their lines as well.
  for (const cell of group.cells.filter((c) => c.top < at && c.bottom > at && !from.has(c))) {
    const below = cell.items.findIndex((p) => !p.item.space && p.y + p.item.height > at - pad);
    if (below >= 0) from.set(cell, together ? keepTogether(cell.items, below) : below);
  }
  return { at, from };
}

/** Moves a cut between the lines of a paragraph up while it would leave its first line alone above or its last line alone below. */
function keepTogether(items: readonly Placed[], index: number): number {
  const above = items[index - 1]?.item.paragraph;
  const below = items[index]?.item.paragraph;
  if (!above || !below || above.id !== below.id) return index;
  const orphan = above.line === 0;
  const widow = below.line === below.lines - 1;
  return orphan || widow ? keepTogether(items, index - 1) : index;
}

function cutGroup(group: Group, { at: cut, from }: Cut, pad: number): [Group, Group] {
  const first: Group = { height: cut, cells: [], rows: group.rows.filter((r) => r < cut).concat(cut) };
  const below: CellBox[] = [];
  const continued: CellBox[] = [];
  // A cell cut in two carries its lines from the cut on whole, with the cell's padding above them: the
  // rest of the row can need more height than it had, and then everything under it moves down.
  let grow = 0;
  for (const cell of group.cells) {
    if (cell.bottom <= cut) first.cells.push(cell);
    else if (cell.top >= cut) below.push(shifted(cell, -cut));
    else {
      // A cell the cut crosses without deciding it (one spanning rows, cut at a row boundary) keeps its
      // paragraphs' first and last lines with the rest, as a cut between lines does.
      const crossed = cell.items.findIndex((p) => p.y + p.item.height > cut - pad);
      const index = from.get(cell) ?? (crossed > 0 ? keepTogether(cell.items, crossed) : crossed);
      const kept = index < 0 ? cell.items : cell.items.slice(0, index);
      const moved = index < 0 ? [] : cell.items.slice(index).filter((p, i) => i > 0 || !p.item.space);
      first.cells.push({ ...cell, bottom: cut, items: kept, cutBelow: true });
      const origin = moved[0]?.y ?? 0;
      const items = moved.map((p) => ({ ...p, y: pad + p.y - origin }));
      const last = items[items.length - 1];
      const needed = last ? last.y + last.item.height + pad : 0;
      grow = Math.max(grow, needed - (cell.bottom - cut));
      continued.push({ ...cell, top: 0, bottom: cell.bottom - cut, items, cutAbove: true });
    }
  }
  for (const cell of continued) cell.bottom += grow;
  const second = [...continued, ...below.map((cell) => shifted(cell, grow))];
  const height = group.height - cut + grow;
  const rows = group.rows.filter((r) => r > cut).map((r) => r - cut + grow);
  return [first, { height, cells: second, rows: rows.length ? rows : [height] }];
}

function shifted(cell: CellBox, dy: number): CellBox {
  return { ...cell, top: cell.top + dy, bottom: cell.bottom + dy, items: cell.items.map((p) => ({ ...p, y: p.y + dy })) };
}
