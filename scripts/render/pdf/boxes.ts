/**
 * What the layout hands to the paginator and the painter: flow items (a line,
 * a piece of space, a table row group) carrying drawing operations with
 * coordinates relative to the item's top left corner, in points.
 */
import type { PdfFont } from './fonts.js';

export interface TextOp {
  kind: 'text';
  x: number;
  /** The baseline. */
  y: number;
  /** Logical order; fontkit shapes a right-to-left run and returns it in visual order. */
  text: string;
  font: PdfFont;
  size: number;
  color: string;
  characterSpacing: number;
  /** The advance the layout measured (so the painter does not measure again). */
  width: number;
  /**
   * Brackets of a right-to-left run, drawn mirrored: drawn character →
   * character as written, so that text copied out of the PDF says what the
   * source says.
   */
  mirrored?: Record<string, string> | undefined;
  /** Set at a right-to-left level: drawn from the font's right-to-left copy (see the painter). */
  rightToLeft?: boolean | undefined;
}
export interface RuleOp {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
}
/** A heading's place in the outline (bookmarks). */
export interface OutlineOp {
  kind: 'outline';
  title: string;
  level: number;
  y: number;
}
/** A picture, its top left corner at (x, y), drawn `width` × `height` points. */
export interface ImageOp {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  data: Buffer;
}
export type DrawOp = TextOp | RuleOp | OutlineOp | ImageOp;

/** Structure tags of tagged PDF. */
export type Tag = 'P' | 'H1' | 'H2' | 'H3' | 'H4' | 'LI' | 'Table' | 'TR' | 'TH' | 'TD' | 'Caption' | 'Note' | 'Figure' | 'Div';

/** A structure element: its type and an id unique in the document, the same on every page it runs over. */
export interface TagRef {
  type: Tag;
  id: number;
  /** A figure's alternative text, which a screen reader reads for its picture. */
  alt?: string | undefined;
}

/**
 * Where a table row group may be cut: only between rows; also between the
 * lines of a row, leaving no paragraph's first or last line alone; or
 * anywhere between lines.
 */
export type CutMode = 'rows' | 'lines' | 'any';

export interface FlowItem {
  height: number;
  ops: DrawOp[];
  /** Footnote numbers referenced from this item, in reading order. */
  footnotes: number[];
  /** Spacing between blocks: dropped at the top of a page. */
  space?: boolean | undefined;
  /** Headings, captions, call words: never last on a page. */
  keepWithNext?: boolean | undefined;
  /** The lines of one paragraph, for widow control. */
  paragraph?: { id: number; line: number; lines: number } | undefined;
  /**
   * Cuts the item so that its first part is at most `height` tall, as `mode` allows; undefined when it
   * cannot be cut there.
   */
  split?: ((height: number, mode: CutMode) => [FlowItem, FlowItem] | undefined) | undefined;
  /** Drawn first when the item starts a page in the middle of a table: the header rows. */
  repeat?: FlowItem | undefined;
  tag?: TagRef | undefined;
  /** Content under nested structure elements (a table's rows and cells): each part's ops belong to the last element of its path. */
  parts?: { path: TagRef[]; ops: DrawOp[] }[] | undefined;
  /** What the item is, for the page layout read as data (tests/pdf-layout.test.ts). */
  role?: 'caption' | 'figure' | 'header' | 'rows' | undefined;
  /** A footnote's lines: its number. */
  note?: number | undefined;
  /** A table row group: its cells, the part of each on this item, from the item's top. */
  cells?: CellLayout[] | undefined;
  /** Drawn again where it was drawn before (a table's header rows on a following page): not content of the structure. */
  artifact?: boolean | undefined;
}

/** A cell of a table row group as laid out: its box and the box of its text, from the group's top. */
export interface CellLayout {
  x: number;
  width: number;
  top: number;
  bottom: number;
  /** The text's lines, top and bottom; undefined when the cell (or its part here) has none. */
  text?: { top: number; bottom: number } | undefined;
  /** Each line of text: which line of its paragraph it is, and of how many (undefined outside a paragraph). */
  lines: ({ line: number; of: number } | undefined)[];
  /** Whether the cell spans more than one row. */
  merged: boolean;
  /** Whether the cell goes on below this item (cut at a page foot) or came from above it. */
  cutBelow: boolean;
  cutAbove: boolean;
}

export function translate(ops: readonly DrawOp[], dx: number, dy: number): DrawOp[] {
  return ops.map((op) => {
    switch (op.kind) {
      case 'text':
        return { ...op, x: op.x + dx, y: op.y + dy };
      case 'rule':
        return { ...op, x1: op.x1 + dx, x2: op.x2 + dx, y1: op.y1 + dy, y2: op.y2 + dy };
      case 'outline':
        return { ...op, y: op.y + dy };
      case 'image':
        return { ...op, x: op.x + dx, y: op.y + dy };
    }
  });
}
