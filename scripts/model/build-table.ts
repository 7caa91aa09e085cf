/** GFM pipe tables and grid tables → one model table with spans. */
import type { Table as MdastTable, Node as UnistNode } from 'mdast';
import type { Position } from 'unist';
import type { BuildContext } from './context.js';
import type { BlockNode, TableCell, TableRow, Table } from './types.js';

/** The grid-table utility's nodes (@adobe/mdast-util-gridtables). */
interface GridCell extends UnistNode {
  type: 'gtCell';
  colSpan?: number;
  rowSpan?: number;
  align?: string;
  children: UnistNode[];
}
interface GridRow extends UnistNode {
  type: 'gtRow';
  children: GridCell[];
}
interface GridSection extends UnistNode {
  type: 'gtHeader' | 'gtBody' | 'gtFooter';
  children: GridRow[];
}
export interface GridTable extends UnistNode {
  type: 'gridTable';
  children: GridSection[];
}

type BuildBlocks = (nodes: readonly UnistNode[], ctx: BuildContext) => BlockNode[];

const ALIGNS = new Set(['left', 'center', 'right', 'justify']);

export function buildPipeTable(node: MdastTable, ctx: BuildContext, buildBlocks: BuildBlocks): Table {
  const rows: TableRow[] = node.children.map((row) => ({
    position: row.position,
    cells: row.children.map((cell, column) => ({
      colSpan: 1,
      rowSpan: 1,
      align: node.align?.[column] ?? undefined,
      position: cell.position,
      children: cell.children.length
        ? buildBlocks([{ type: 'paragraph', children: cell.children, position: cell.position } as UnistNode], ctx)
        : [],
    })),
  }));
  const [head, ...body] = rows;
  return finish({ head: head ? [head] : [], body, foot: [] }, node.position, ctx);
}

export function buildGridTable(node: GridTable, ctx: BuildContext, buildBlocks: BuildBlocks): Table {
  const sections: Record<GridSection['type'], TableRow[]> = { gtHeader: [], gtBody: [], gtFooter: [] };
  let rowNumber = 0;
  for (const section of node.children) {
    for (const row of section.children) {
      rowNumber++;
      sections[section.type].push({
        cells: row.children.map((cell, index) => {
          const saved = ctx.gridCell;
          ctx.gridCell = { table: node.position as Position | undefined, row: rowNumber, column: index + 1 };
          const children = buildBlocks(cell.children, ctx);
          ctx.gridCell = saved;
          const built: TableCell = {
            colSpan: cell.colSpan ?? 1,
            rowSpan: cell.rowSpan ?? 1,
            align: cell.align && ALIGNS.has(cell.align) ? (cell.align as TableCell['align']) : undefined,
            children,
          };
          return built;
        }),
      });
    }
  }
  return finish({ head: sections.gtHeader, body: sections.gtBody, foot: sections.gtFooter }, node.position as Position | undefined, ctx);
}

/** Counts the grid's columns, checking that every row fills the same width once spans are placed. */
function finish(parts: Pick<Table, 'head' | 'body' | 'foot'>, position: Position | undefined, ctx: BuildContext): Table {
  const rows = [...parts.head, ...parts.body, ...parts.foot];
  const occupied: number[] = [];
  const widths: number[] = [];
  rows.forEach((row, r) => {
    let width = occupied[r] ?? 0;
    for (const cell of row.cells) {
      width += cell.colSpan;
      for (let below = 1; below < cell.rowSpan; below++) occupied[r + below] = (occupied[r + below] ?? 0) + cell.colSpan;
    }
    widths.push(width);
  });
  const columns = Math.max(0, ...widths);
  widths.forEach((width, r) => {
    if (width !== columns) {
      ctx.error(
        position,
        `Table row ${r + 1} is ${width} columns wide where the table has ${columns}`,
        'Give every row the same number of columns, counting merged cells',
        'table-shape',
      );
    }
  });
  return { type: 'table', caption: [], columns, ...parts, position };
}
