/**
 * Two sequences of blocks (or list items) aligned the way an editor reads them: first the longest
 * common subsequence of items that are the same (jsdiff's Myers diff over their keys); then, in
 * each stretch between two of those, the order-keeping pairing of similar items that pairs the
 * most similarity (dynamic programming), so an edited paragraph pairs with its old self. What stays
 * unpaired is a deletion or an insertion: the old items of a stretch first, then the new.
 */
import { diffArrays } from 'diff';

export interface Aligned<T> {
  old?: T | undefined;
  next?: T | undefined;
}

/** More pairs than this in one stretch, and items are paired in a window instead. */
const LARGEST_TABLE = 40_000;
const WINDOW = 16;

/** `score` > 0 for two items that may be paired, the higher the more alike. */
export function align<T>(old: readonly T[], next: readonly T[], key: (item: T) => string, score: (a: T, b: T) => number): Aligned<T>[] {
  const out: Aligned<T>[] = [];
  let [inOld, inNext] = [0, 0];
  let gap: { old: T[]; next: T[] } = { old: [], next: [] };
  const flush = () => {
    out.push(...pairSimilar(gap.old, gap.next, score));
    gap = { old: [], next: [] };
  };
  for (const part of diffArrays(old.map(key), next.map(key))) {
    if (part.removed) gap.old.push(...old.slice(inOld, (inOld += part.count)));
    else if (part.added) gap.next.push(...next.slice(inNext, (inNext += part.count)));
    else {
      flush();
      for (let index = 0; index < part.count; index++) out.push({ old: old[inOld++], next: next[inNext++] });
    }
  }
  flush();
  return out;
}

function pairSimilar<T>(old: readonly T[], next: readonly T[], score: (a: T, b: T) => number): Aligned<T>[] {
  if (old.length === 0 || next.length === 0) return [...old.map((item) => ({ old: item })), ...next.map((item) => ({ next: item }))];
  const pairs = old.length * next.length > LARGEST_TABLE ? pairInWindow(old, next, score) : pairBest(old, next, score);
  const out: Aligned<T>[] = [];
  let [inOld, inNext] = [0, 0];
  for (const [a, b] of [...pairs, [old.length, next.length] as const]) {
    while (inOld < a) out.push({ old: old[inOld++] });
    while (inNext < b) out.push({ next: next[inNext++] });
    if (a < old.length) out.push({ old: old[inOld++], next: next[inNext++] });
  }
  return out;
}

/** The order-keeping pairs of greatest total score, as index pairs. */
function pairBest<T>(old: readonly T[], next: readonly T[], score: (a: T, b: T) => number): [number, number][] {
  const columns = next.length + 1;
  const best = new Float64Array((old.length + 1) * columns);
  for (let i = 1; i <= old.length; i++) {
    for (let j = 1; j <= next.length; j++) {
      const pair = score(old[i - 1]!, next[j - 1]!);
      const paired = pair > 0 ? best[(i - 1) * columns + j - 1]! + pair : 0;
      best[i * columns + j] = Math.max(best[(i - 1) * columns + j]!, best[i * columns + j - 1]!, paired);
    }
  }
  const pairs: [number, number][] = [];
  for (let [i, j] = [old.length, next.length]; i > 0 && j > 0;) {
    const here = best[i * columns + j]!;
    if (here === best[(i - 1) * columns + j]) i--;
    else if (here === best[i * columns + j - 1]) j--;
    else pairs.unshift([--i, --j]);
  }
  return pairs;
}

/** Each old item paired with the most similar of the next few new items not yet passed. */
function pairInWindow<T>(old: readonly T[], next: readonly T[], score: (a: T, b: T) => number): [number, number][] {
  const pairs: [number, number][] = [];
  let from = 0;
  old.forEach((item, i) => {
    let chosen = -1;
    let highest = 0;
    for (let j = from; j < Math.min(next.length, from + WINDOW); j++) {
      const pair = score(item, next[j]!);
      if (pair > highest) [chosen, highest] = [j, pair];
    }
    if (chosen >= 0) {
      pairs.push([i, chosen]);
      from = chosen + 1;
    }
  });
  return pairs;
}
