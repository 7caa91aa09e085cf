/** Leading space taken off a run of Markdown inlines, the first text's position moved past it so that messages still point at its characters. */
import type { PhrasingContent } from 'mdast';
import type { Point } from 'unist';

/** The point past `text`, which starts at `point`. */
function pointAfter(point: Point, text: string): Point {
  const lines = text.split('\n');
  const last = lines.at(-1)!;
  return {
    line: point.line + lines.length - 1,
    column: lines.length > 1 ? last.length + 1 : point.column + last.length,
    offset: point.offset === undefined ? undefined : point.offset + text.length,
  };
}

/** The inlines with the leading `space` (a pattern anchored at the start) of their first text taken off. */
export function trimStart(nodes: readonly PhrasingContent[], space: RegExp): PhrasingContent[] {
  const [first, ...rest] = nodes;
  if (first?.type !== 'text') return [...nodes];
  const value = first.value.replace(space, '');
  if (!value) return rest;
  const trimmed = first.value.slice(0, first.value.length - value.length);
  const position = first.position && { ...first.position, start: pointAfter(first.position.start, trimmed) };
  return [{ ...first, value, position }, ...rest];
}
