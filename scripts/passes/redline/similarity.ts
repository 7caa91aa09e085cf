/**
 * How alike two blocks read: the Dice coefficient of their words as the language cuts them
 * (Chinese by ICU's dictionary), each counted as often as it stands, case aside. Between two long
 * blocks it counts pairs of neighbouring words instead: two different paragraphs of one resolution
 * share most of their words (全权代表大会, 决议, 战略规划…), far fewer of their word pairs; a short
 * block has too few pairs to tell.
 */
import type { BlockNode } from '../../model/types.js';
import type { Lang } from '../../i18n/languages.js';
import { visitInlines } from '../../model/walk.js';
import { segmenter } from './tokens.js';

/** Blocks with at least this many words each are compared by their word pairs. */
const LONG = 8;

interface Profile {
  words: Map<string, number>;
  pairs: Map<string, number>;
  length: number;
}

const profiles = new WeakMap<object, Profile>();

/** Between 0 (no word in common) and 1 (the same words). */
export function similarity<T extends object>(a: T, b: T, text: (item: T) => string, lang: Lang): number {
  const [x, y] = [profile(a, text, lang), profile(b, text, lang)];
  if (x.length + y.length === 0) return text(a) === text(b) ? 1 : 0;
  return Math.min(x.length, y.length) >= LONG ? dice(x.pairs, y.pairs) : dice(x.words, y.words);
}

function dice(x: Map<string, number>, y: Map<string, number>): number {
  const size = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);
  const total = size(x) + size(y);
  if (total === 0) return 0;
  let shared = 0;
  const [small, large] = x.size < y.size ? [x, y] : [y, x];
  for (const [key, count] of small) shared += Math.min(count, large.get(key) ?? 0);
  return (2 * shared) / total;
}

function profile<T extends object>(item: T, text: (item: T) => string, lang: Lang): Profile {
  let found = profiles.get(item);
  if (found) return found;
  const words = [...segmenter(lang).segment(text(item).toLocaleLowerCase(lang))].filter((s) => s.isWordLike).map((s) => s.segment);
  const count = (keys: readonly string[]) => keys.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<string, number>());
  found = { words: count(words), pairs: count(words.slice(1).map((word, index) => `${words[index]!} ${word}`)), length: words.length };
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
