/**
 * The paginator's decisions as plain data: pages, the items on each with
 * their place and kind, a table's cells and the rules drawn across them, and
 * the footnotes at each page's foot. Tests read pages this way rather than
 * as pictures (tests/pdf-layout.test.ts).
 */
import type { CellLayout, FlowItem } from './boxes.js';
import type { PdfLayout } from './index.js';
import type { Placed } from './paginate.js';

export interface RuleData {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ItemData {
  kind: 'line' | 'space' | 'caption' | 'figure' | 'header' | 'rows';
  /** From the top of the body area, in points. */
  top: number;
  height: number;
  keepWithNext?: true;
  /** Table rows of a table with header rows. */
  headed?: true;
  /** Header rows drawn again where a table goes on to a new page. */
  repeated?: true;
  /** A table row group's cells and rules, from the top of the body area. */
  cells?: CellLayout[];
  rules?: RuleData[];
}

export interface PageData {
  items: ItemData[];
  /** The numbers of the footnotes at the foot of the page, in the order printed (a note going on from the page before included). */
  footnotes: number[];
  /** Room the body and the footnotes take, in points. */
  filled: number;
}

export interface LayoutData {
  /** Height of the body area of a page, in points. */
  bodyHeight: number;
  pages: PageData[];
}

export function layoutData(layout: PdfLayout): LayoutData {
  const { spaceBefore, spaceAfter } = layout.context.sheet.pdf.footnoteSeparator;
  const separator = spaceBefore + spaceAfter;
  return {
    bodyHeight: layout.geometry.bodyHeight,
    pages: layout.pages.map((page) => {
      const last = page.body.at(-1);
      const body = last ? last.y + last.item.height : 0;
      const notes = page.notes.length ? separator + page.notesHeight : 0;
      return {
        items: page.body.map(itemData),
        footnotes: [...new Set(page.notes.map((n) => n.item.note).filter((n): n is number => n !== undefined))],
        filled: body + notes,
      };
    }),
  };
}

function itemData({ item, y }: Placed): ItemData {
  const data: ItemData = { kind: kindOf(item), top: y, height: item.height };
  if (item.keepWithNext) data.keepWithNext = true;
  if (item.artifact && item.role === 'header') data.repeated = true;
  if (item.role === 'rows' && item.repeat) data.headed = true;
  if (item.cells) {
    data.cells = item.cells.map((cell) => ({
      ...cell,
      top: cell.top + y,
      bottom: cell.bottom + y,
      text: cell.text && { top: cell.text.top + y, bottom: cell.text.bottom + y },
    }));
    data.rules = item.ops.flatMap((op) => (op.kind === 'rule' ? [{ x1: op.x1, y1: op.y1 + y, x2: op.x2, y2: op.y2 + y }] : []));
  }
  return data;
}

function kindOf(item: FlowItem): ItemData['kind'] {
  if (item.role) return item.role;
  return item.space ? 'space' : 'line';
}
