/** One run of inline nodes redlined: words diffed and shaped (stretches.ts), numbers kept apart in right-to-left text, nodes rebuilt. */
import type { InlineNode } from '../../model/types.js';
import type { Lang } from '../../i18n/languages.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { shapeKey } from './canonical.js';
import { inlineNodes, type MarkedToken } from './inline-tree.js';
import { keepNumbersApart } from './rtl-numbers.js';
import { diffTokens, mergeAcrossShortStretches, slideToBoundaries, type Stretch } from './stretches.js';
import { tokenize } from './tokens.js';

export interface MarkedRun {
  nodes: InlineNode[];
  /** False when, in right-to-left text, digits meet at a mark's edge and no kept text could part them. */
  numbersApart: boolean;
}

export function redlineRun(old: readonly InlineNode[], next: readonly InlineNode[], lang: Lang): MarkedRun {
  if (sameRun(old, next)) return { nodes: [...next], numbersApart: true };
  const shaped = mergeAcrossShortStretches(slideToBoundaries(diffTokens(tokenize(old, lang), tokenize(next, lang))), lang);
  const apart = LANGUAGES[lang].dir === 'rtl' ? keepNumbersApart(shaped) : shaped;
  return { nodes: inlineNodes(markedTokens(apart ?? shaped)), numbersApart: apart !== undefined };
}

/** A changed label is replaced whole: `{--5--}{++6++}`, `{--a)--}{++b)++}`. */
export function redlineLabel(old: readonly InlineNode[], next: readonly InlineNode[]): InlineNode[] {
  if (sameRun(old, next)) return [...next];
  return [
    ...(old.length > 0 ? [{ type: 'deletion' as const, children: [...old] }] : []),
    ...(next.length > 0 ? [{ type: 'insertion' as const, children: [...next] }] : []),
  ];
}

export function sameRun(old: readonly InlineNode[], next: readonly InlineNode[]): boolean {
  return shapeKey(old) === shapeKey(next);
}

function markedTokens(stretches: readonly Stretch[]): MarkedToken[] {
  return stretches.flatMap((stretch): MarkedToken[] =>
    stretch.type === 'kept'
      ? stretch.tokens.map((token) => ({ token, status: 'kept' }))
      : [
          ...stretch.deleted.map((token): MarkedToken => ({ token, status: 'deleted' })),
          ...stretch.inserted.map((token): MarkedToken => ({ token, status: 'inserted' })),
        ],
  );
}
