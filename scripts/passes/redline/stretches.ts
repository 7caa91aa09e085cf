/**
 * The old and new tokens of a run, diffed (jsdiff's Myers diff over token keys) into stretches kept
 * as they were and changes (what was deleted, then what was inserted in its place), and shaped as
 * a person would mark them: a deletion or insertion slid to where its edges fall between words,
 * and a short kept stretch between two changes (a space, a comma, one short word) taken into them
 * when one of the two replaces words.
 */
import { diffArrays } from 'diff';
import type { Lang } from '../../i18n/languages.js';
import type { Token } from './tokens.js';

export type Stretch = { type: 'kept'; tokens: Token[] } | Change;
export interface Change {
  type: 'change';
  deleted: Token[];
  inserted: Token[];
}

export function diffTokens(old: readonly Token[], next: readonly Token[]): Stretch[] {
  const stretches: Stretch[] = [];
  let [inOld, inNext] = [0, 0];
  const change = (): Change => {
    const last = stretches.at(-1);
    if (last?.type === 'change') return last;
    const created: Change = { type: 'change', deleted: [], inserted: [] };
    stretches.push(created);
    return created;
  };
  const keys = (tokens: readonly Token[]) => tokens.map((token) => token.key);
  for (const part of diffArrays(keys(old), keys(next))) {
    if (part.removed) change().deleted.push(...old.slice(inOld, (inOld += part.count)));
    else if (part.added) change().inserted.push(...next.slice(inNext, (inNext += part.count)));
    else {
      stretches.push({ type: 'kept', tokens: next.slice(inNext, (inNext += part.count)) });
      inOld += part.count;
    }
  }
  return stretches;
}

/**
 * The stretches with each change that only deletes or only inserts moved, among the places where
 * it would mean the same, to the one whose edges fall best: next to a space, else next to
 * punctuation; and of two as good, the one that ends on a word rather than a space.
 */
export function slideToBoundaries(stretches: readonly Stretch[]): Stretch[] {
  const out = stretches.map((stretch): Stretch => (stretch.type === 'kept' ? { ...stretch, tokens: [...stretch.tokens] } : { ...stretch }));
  out.forEach((stretch, index) => {
    if (stretch.type !== 'change' || (stretch.deleted.length > 0 && stretch.inserted.length > 0)) return;
    const side = stretch.deleted.length > 0 ? 'deleted' : 'inserted';
    const [before, after] = [out[index - 1], out[index + 1]].map((next) => (next?.type === 'kept' ? next.tokens : [])) as [
      Token[],
      Token[],
    ];
    const line = [...before, ...stretch[side], ...after];
    const length = stretch[side].length;
    let start = before.length;
    while (start > 0 && line[start - 1]!.key === line[start + length - 1]!.key) start--;
    let best = start;
    for (let place = start; ; place++) {
      const [fit, bestFit] = [edgesFit(line, place, length), edgesFit(line, best, length)];
      if (fit > bestFit || (fit === bestFit && line[best + length - 1]!.kind === 'space' && line[place + length - 1]!.kind !== 'space'))
        best = place;
      if (place + length >= line.length || line[place]!.key !== line[place + length]!.key) break;
    }
    before.splice(0, before.length, ...line.slice(0, best));
    stretch[side] = line.slice(best, best + length);
    after.splice(0, after.length, ...line.slice(best + length));
  });
  return withoutEmptyStretches(out);
}

/** How well a change of `length` tokens at `start` is cut: each edge next to a space (or the run's end) 2, next to punctuation or an atom 1. */
function edgesFit(line: readonly Token[], start: number, length: number): number {
  const cut = (a: Token | undefined, b: Token | undefined) => {
    if (!a || !b || a.kind === 'space' || b.kind === 'space') return 2;
    return a.kind === 'word' && b.kind === 'word' ? 0 : 1;
  };
  return cut(line[start - 1], line[start]) + cut(line[start + length - 1], line[start + length]);
}

/** Joins two changes across a short kept stretch when one of them replaces words, until no such pair is left. */
export function mergeAcrossShortStretches(stretches: readonly Stretch[], lang: Lang): Stretch[] {
  const out = [...stretches];
  for (let index = 1; index + 1 < out.length;) {
    const [before, kept, after] = [out[index - 1]!, out[index]!, out[index + 1]!];
    if (
      before.type === 'change' &&
      kept.type === 'kept' &&
      after.type === 'change' &&
      (replaces(before) || replaces(after)) &&
      isShort(kept.tokens, lang)
    ) {
      const merged: Change = {
        type: 'change',
        deleted: [...before.deleted, ...kept.tokens, ...after.deleted],
        inserted: [...before.inserted, ...kept.tokens, ...after.inserted],
      };
      out.splice(index - 1, 3, merged);
      index = Math.max(1, index - 1);
    } else index++;
  }
  return out;
}

function replaces(change: Change): boolean {
  return change.deleted.length > 0 && change.inserted.length > 0;
}

/** Chinese words are short: one character is a short word there, up to three in the other languages. */
const SHORT_WORD: Partial<Record<Lang, number>> = { zh: 1 };

function isShort(tokens: readonly Token[], lang: Lang): boolean {
  const words = tokens.filter((token) => token.kind === 'word');
  const others = tokens.length - words.length;
  if (tokens.some((token) => token.kind === 'atom') || words.length > 1 || others > 3) return false;
  return words.every((word) => [...word.printed].length <= (SHORT_WORD[lang] ?? 3));
}

/** Drops empty stretches and joins the changes that then meet. */
export function withoutEmptyStretches(stretches: readonly Stretch[]): Stretch[] {
  const out: Stretch[] = [];
  for (const stretch of stretches) {
    if (stretch.type === 'kept' ? stretch.tokens.length === 0 : stretch.deleted.length + stretch.inserted.length === 0) continue;
    const last = out.at(-1);
    if (last?.type === 'change' && stretch.type === 'change')
      out[out.length - 1] = {
        type: 'change',
        deleted: [...last.deleted, ...stretch.deleted],
        inserted: [...last.inserted, ...stretch.inserted],
      };
    else if (last?.type === 'kept' && stretch.type === 'kept')
      out[out.length - 1] = { type: 'kept', tokens: [...last.tokens, ...stretch.tokens] };
    else out.push(stretch);
  }
  return out;
}
