/**
 * A `w:tbl` as a list table: `w:gridSpan` is a cell's column span, a `w:vMerge` restart and the
 * continuing cells under it one cell with a row span; rows marked `w:tblHeader` at its top its head.
 */
import type { BlockNode, Table, TableCell, TableRow } from '../../model/types.js';
import { attribute, child, childrenNamed, childrenOf, isOn, tagOf, type XmlNode } from './xml.js';

interface GridCell {
  node: XmlNode;
  column: number;
  colSpan: number;
  merge: 'restart' | 'continue' | undefined;
}

function gridCells(row: XmlNode): GridCell[] {
  const cells: GridCell[] = [];
  let column = 0;
  for (const cell of cellsOf(row)) {
    const properties = child(cell, 'w:tcPr');
    const span = properties && child(properties, 'w:gridSpan');
    const colSpan = Math.max(1, Number(span ? attribute(span, 'w:val') : 1) || 1);
    const vMerge = properties && child(properties, 'w:vMerge');
    const merge = vMerge ? (attribute(vMerge, 'w:val') === 'restart' ? 'restart' : 'continue') : undefined;
    cells.push({ node: cell, column, colSpan, merge });
    column += colSpan;
  }
  return cells;
}

/** A row's cells, inside content controls too. */
function cellsOf(row: XmlNode): XmlNode[] {
  return childrenOf(row).flatMap((c) => {
    if (tagOf(c) === 'w:tc') return [c];
    if (tagOf(c) === 'w:sdt') return cellsOf(child(c, 'w:sdtContent') ?? {});
    return [];
  });
}

const rowsOf = (table: XmlNode): XmlNode[] => childrenNamed(table, 'w:tr');

export function readTable(table: XmlNode, caption: Table['caption'], cellBlocks: (cell: XmlNode) => BlockNode[]): Table {
  const rows = rowsOf(table).map(gridCells);
  const grid = child(table, 'w:tblGrid');
  const columns = Math.max(grid ? childrenNamed(grid, 'w:gridCol').length : 0, ...rows.map((r) => r.reduce((n, c) => n + c.colSpan, 0)));
  const model: TableRow[] = rows.map((cells, index) => ({
    cells: cells
      .filter((cell) => cell.merge !== 'continue')
      .map((cell): TableCell => ({
        colSpan: cell.colSpan,
        column: cell.column,
        rowSpan: cell.merge === 'restart' ? 1 + continuing(rows, index, cell.column) : 1,
        align: alignOf(cell.node),
        children: cellBlocks(cell.node),
      })),
  }));
  const headRows = rowsOf(table).findIndex((row) => !isOn(child(row, 'w:trPr'), 'w:tblHeader'));
  const head = headRows < 0 ? model.length : headRows;
  return { type: 'table', caption, columns, head: model.slice(0, head), body: model.slice(head), foot: [] };
}

/** How many rows below `index` continue the merge started in this column. */
function continuing(rows: readonly GridCell[][], index: number, column: number): number {
  let count = 0;
  for (const row of rows.slice(index + 1)) {
    if (row.find((c) => c.column === column)?.merge !== 'continue') break;
    count++;
  }
  return count;
}

/**
 * A cell's alignment, as its first paragraph has it: start and end are left and right in a
 * left-to-right paragraph, right and left in a right-to-left one.
 */
function alignOf(cell: XmlNode): TableCell['align'] {
  const properties = child(childrenNamed(cell, 'w:p')[0] ?? {}, 'w:pPr');
  const jc = properties && child(properties, 'w:jc');
  if (!jc) return undefined;
  const rtl = isOn(properties, 'w:bidi');
  switch (attribute(jc, 'w:val')) {
    case 'center':
      return 'center';
    case 'both':
    case 'distribute':
      return 'justify';
    case 'start':
    case 'left':
      return rtl ? 'right' : 'left';
    case 'end':
    case 'right':
      return rtl ? 'left' : 'right';
    default:
      return undefined;
  }
}
