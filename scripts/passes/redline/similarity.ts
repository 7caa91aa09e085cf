/**
 * How alike two blocks read: the Dice coefficient of their words as the language cuts them
 * (Chinese by ICU's dictionary), each word counted as often as it stands, case aside.
 */
import type { BlockNode } from '../../model/types.js';
import type { Lang } from '../../i18n/languages.js';
import { visitInlines } from '../../model/walk.js';
import { segmenter } from './tokens.js';

const profiles = new WeakMap<object, Map<string, number>>();

/** Between 0 (no word in common) and 1 (the same words). */
export function similarity<T extends object>(a: T, b: T, text: (item: T) => string, lang: Lang): number {
  const [x, y] = [profile(a, text, lang), profile(b, text, lang)];
  const size = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);
  const total = size(x) + size(y);
  if (total === 0) return text(a) === text(b) ? 1 : 0;
  let shared = 0;
  const [small, large] = x.size < y.size ? [x, y] : [y, x];
  for (const [word, count] of small) shared += Math.min(count, large.get(word) ?? 0);
  return (2 * shared) / total;
}

function profile<T extends object>(item: T, text: (item: T) => string, lang: Lang): Map<string, number> {
  let found = profiles.get(item);
  if (found) return found;
  found = new Map();
  for (const segment of segmenter(lang).segment(text(item).toLocaleLowerCase(lang))) {
    if (segment.isWordLike) found.set(segment.segment, (found.get(segment.segment) ?? 0) + 1);
  }
  profiles.set(item, found);
  return found;
}

/** The words of blocks as a reader sees them, labels left out (a renumbered paragraph is still itself). */
export function blocksText(blocks: readonly BlockNode[]): string {
  const parts: string[] = [];
  const unlabelled = blocks.map((block) =>
    block.type === 'labelledParagraph' || block.type === 'heading' ? { ...block, label: [] } : block,
  );
  visitInlines(unlabelled, (node) => {
    if (node.type === 'text' || node.type === 'callWord') parts.push(node.value);
  });
  return parts.join(' ');
}
