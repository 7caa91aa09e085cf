/**
 * One form for inline runs that print the same: adjacent text joined, empty text dropped, adjacent
 * runs of the same formatting (emphasis, strong, the same link, the same mark) joined. A reading
 * cannot help cutting text where a mark was (`a {--b--} c` reads as three text nodes), so models
 * are compared, and blocks matched, in this form.
 */
import type { BlockNode, InlineNode } from '../../model/types.js';
import { mapInlineRuns } from '../../model/walk.js';

const JOINABLE = new Set<InlineNode['type']>(['emphasis', 'strong', 'link', 'insertion', 'deletion']);

export function canonicalInlines(run: readonly InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const original of run) {
    const node = 'children' in original ? { ...original, children: canonicalInlines(original.children) } : original;
    if (node.type === 'text' && node.value === '') continue;
    const last = out.at(-1);
    if (last?.type === 'text' && node.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else if (last && 'children' in last && 'children' in node && joinable(last, node))
      out[out.length - 1] = { ...last, children: canonicalInlines([...last.children, ...node.children]) };
    else out.push(node);
  }
  return out;
}

function joinable(a: InlineNode, b: InlineNode): boolean {
  if (a.type !== b.type || !JOINABLE.has(a.type)) return false;
  return a.type !== 'link' || (b.type === 'link' && a.url === b.url);
}

export function canonicalBlocks(blocks: readonly BlockNode[]): BlockNode[] {
  return mapInlineRuns(blocks, canonicalInlines);
}

/**
 * A string equal for two values of the same shape in canonical form, positions and footnote
 * numbers left out (the numbers follow from the order of the calls).
 */
export function shapeKey(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key, item: unknown) {
    if (key === 'position') return undefined;
    if (key === 'number' && (this as { type?: string }).type === 'footnoteReference') return undefined;
    return item;
  });
}
