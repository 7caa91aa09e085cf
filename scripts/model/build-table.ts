/** GFM pipe tables and grid tables → one model table with spans. */
import type {
  List as MdastList,
  ListItem as MdastListItem,
  Paragraph as MdastParagraph,
  Table as MdastTable,
  Node as UnistNode,
} from 'mdast';
import type { Position } from 'unist';
import type { BuildContext } from './context.js';
import { trimStart } from './trim-start.js';
import type { BlockNode, TableCell, TableRow, Table } from './types.js';
import { checkDirective } from './directives.js';
import { LIMITS } from '../read/limits.js';

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
  if (!withinLimits(node.children.length, Math.max(0, ...node.children.map((row) => row.children.length)), node.position, ctx)) {
    return emptyTable(node.position);
  }
  const rows: TableRow[] = node.children.map((row) => ({
    position: row.position,
    cells: row.children.map((cell, column) => ({
      colSpan: 1,
      rowSpan: 1,
      column: 0,
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
  const gridRows = node.children.flatMap((section) => section.children);
  const widest = Math.max(0, ...gridRows.map((row) => row.children.reduce((sum, cell) => sum + (cell.colSpan ?? 1), 0)));
  if (!withinLimits(gridRows.length, widest, node.position as Position | undefined, ctx))
    return emptyTable(node.position as Position | undefined);
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
            column: 0,
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

/**
 * A list table: one bullet list, each item a row, each nested item a cell.
 * Easier to keep than an ASCII grid in Chinese or Arabic, where editors draw
 * characters at other widths. A cell opens with `:cell{colspan=2 rowspan=3}`
 * to span; cells covered by a span above are left out, as in HTML.
 */
export function buildListTable(list: MdastList, headerRows: number, ctx: BuildContext, buildBlocks: BuildBlocks): Table {
  const cellCounts = list.children.map((item) => (item.children[0]?.type === 'list' ? item.children[0].children.length : 0));
  if (!withinLimits(list.children.length, Math.max(0, ...cellCounts), list.position, ctx)) return emptyTable(list.position);
  const rows: TableRow[] = [];
  const messagesBefore = ctx.file.messages.length;
  for (const item of list.children) {
    const cellList = item.children.length === 1 && item.children[0]?.type === 'list' ? item.children[0] : undefined;
    if (!cellList) {
      ctx.error(
        item.position,
        `Row ${rows.length + 1} of the list table is not a list of cells`,
        'Write each row as `- - first cell` with the next cells indented under it as `  - next cell`',
        'table-shape',
      );
      continue;
    }
    rows.push({ position: item.position, cells: cellList.children.map((cell) => listTableCell(cell, ctx, buildBlocks)) });
  }
  // A span past the limits is reported at its cell; the grid it would make is neither laid nor measured.
  if (ctx.file.messages.slice(messagesBefore).some((message) => message.ruleId === 'table-limit')) return emptyTable(list.position);
  const head = rows.slice(0, headerRows);
  return finish({ head, body: rows.slice(headerRows), foot: [] }, list.position, ctx);
}

const SPAN_ATTRIBUTES = new Set(['colspan', 'rowspan', 'align']);

function listTableCell(item: MdastListItem, ctx: BuildContext, buildBlocks: BuildBlocks): TableCell {
  const cell: TableCell = { colSpan: 1, rowSpan: 1, column: 0, position: item.position, children: [] };
  let children = item.children;
  const first = children[0];
  const directive = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (first && directive?.type === 'textDirective' && directive.name === 'cell') {
    checkDirective(directive, ctx);
    const attributes = directive.attributes ?? {};
    for (const [name, value] of Object.entries(attributes)) {
      if (!SPAN_ATTRIBUTES.has(name)) continue;
      if (name === 'align') {
        if (value && ALIGNS.has(value)) cell.align = value as TableCell['align'];
        else
          ctx.error(
            directive.position,
            `Unknown cell alignment "${value ?? ''}"`,
            'Use left, center, right or justify',
            'invalid-directive',
          );
        continue;
      }
      const span = Number(value);
      const most = name === 'colspan' ? LIMITS.tableColumns : LIMITS.tableRows;
      if (!Number.isInteger(span) || span < 1) {
        ctx.error(
          directive.position,
          `${name} must be a whole number of at least 1, not "${value ?? ''}"`,
          `Write \`:cell{${name}=2}\``,
          'invalid-directive',
        );
      } else if (span > most) {
        ctx.error(
          directive.position,
          `${name}=${value} is more than the ${most} ${name === 'colspan' ? 'columns' : 'rows'} a table may have`,
          'Span only the cells the table has (see Limits in docs/dialect.md)',
          'table-limit',
        );
      } else if (name === 'colspan') cell.colSpan = span;
      else cell.rowSpan = span;
    }
    const rest = trimStart((first as MdastParagraph).children.slice(1), /^\s+/);
    children = rest.length ? [{ ...(first as MdastParagraph), children: rest }, ...children.slice(1)] : children.slice(1);
  }
  cell.children = buildBlocks(children, ctx);
  return cell;
}

/**
 * Places every cell on the grid (its first column, past the slots that cells
 * spanning down from rows above take) and counts the grid's columns, checking
 * that every row fills the same width. Writers read `cell.column`.
 */
function finish(parts: Pick<Table, 'head' | 'body' | 'foot'>, position: Position | undefined, ctx: BuildContext): Table {
  const rows = [...parts.head, ...parts.body, ...parts.foot];
  const tooLong = rows.flatMap((row, r) => row.cells.filter((cell) => r + cell.rowSpan > rows.length).map((cell) => ({ cell, r })));
  for (const { cell, r } of tooLong) {
    ctx.error(
      cell.position ?? position,
      `A cell of row ${r + 1} spans ${cell.rowSpan} rows where the table has ${rows.length - r} from there down`,
      `Make its rowspan at most ${rows.length - r}`,
      'table-shape',
    );
  }
  const widest = Math.max(0, ...rows.map((row) => row.cells.reduce((sum, cell) => sum + cell.colSpan, 0)));
  if (!withinLimits(rows.length, widest, position, ctx) || tooLong.length) return emptyTable(position);
  const taken: boolean[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row.cells) {
      while (taken[r]![column]) column++;
      cell.column = column;
      for (let down = 0; down < cell.rowSpan; down++)
        for (let across = 0; across < cell.colSpan; across++) taken[r + down]![column + across] = true;
      column += cell.colSpan;
    }
  });
  const widths = taken.map((slots) => slots.filter(Boolean).length);
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

/** Tables past the limits are reported and not laid out (their grid is what would take the time). */
function withinLimits(rows: number, columns: number, position: Position | undefined, ctx: BuildContext): boolean {
  if (rows > LIMITS.tableRows || columns > LIMITS.tableColumns) {
    const [what, count, most] = rows > LIMITS.tableRows ? ['rows', rows, LIMITS.tableRows] : ['columns', columns, LIMITS.tableColumns];
    ctx.error(
      position,
      `The table has ${count} ${what}, more than the ${most} a table may have`,
      'Split it into several tables (see Limits in docs/dialect.md)',
      'table-limit',
    );
    return false;
  }
  return true;
}

const emptyTable = (position: Position | undefined): Table => ({
  type: 'table',
  caption: [],
  columns: 0,
  head: [],
  body: [],
  foot: [],
  position,
});
