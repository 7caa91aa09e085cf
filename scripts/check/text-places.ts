/**
 * Where a character of printed text stands in the source. Checks read a run of inline nodes as one
 * text (a quotation or a bracket carries across emphasis and revision marks) and report a
 * character of it at its own line and column.
 */
import type { Point, Position } from 'unist';
import type { InlineNode } from '../model/types.js';

export interface PlacedText {
  value: string;
  position: Position | undefined;
}

/** The text nodes of a run, in reading order, editors' comments left out (never printed). */
export function printedTexts(run: readonly InlineNode[]): PlacedText[] {
  return run.flatMap((node) => {
    if (node.type === 'text') return [{ value: node.value, position: node.position }];
    if (node.type === 'editorComment' || !('children' in node)) return [];
    return printedTexts(node.children);
  });
}

/** The place of the character at `index` of the joined texts: its text node's start, moved along the node's first line. */
export function placeOf(parts: readonly PlacedText[], index: number): Point | undefined {
  let offset = index;
  const part = parts.find((p) => (offset < p.value.length ? true : ((offset -= p.value.length), false)));
  const start = part?.position?.start;
  if (!start || part.value.slice(0, offset).includes('\n')) return start;
  return { ...start, column: start.column + offset, offset: start.offset === undefined ? undefined : start.offset + offset };
}
