/**
 * Each place of the original's text (model/block-places.ts) with its counterpart in a translation:
 * the blocks the parity check pairs (parity.ts `counterparts`), then, inside a paired table, the
 * cell at the same row and column.
 */
import type { Position } from 'unist';
import { blockPlaces, type BlockPlace } from '../model/block-places.js';
import type { ModelDocument } from '../model/types.js';
import { counterparts } from './parity.js';

export interface PlacePair {
  original: BlockPlace;
  /** Undefined when the translation has no counterpart of this block. */
  translation: BlockPlace | undefined;
}

export function placeCounterparts(original: ModelDocument, translation: ModelDocument): PlacePair[] {
  const paired = new Map<Position, Position | undefined>();
  for (const [a, b] of counterparts(original, translation)) if (a.position) paired.set(a.position, b.position);
  const theirs = new Map<Position, Map<string, BlockPlace>>();
  for (const place of blockPlaces(translation.body, translation.footnotes)) {
    if (!place.pairedBy) continue;
    const within = theirs.get(place.pairedBy) ?? new Map<string, BlockPlace>();
    within.set(place.within, place);
    theirs.set(place.pairedBy, within);
  }
  return blockPlaces(original.body, original.footnotes).map((place) => {
    const by = place.pairedBy && paired.get(place.pairedBy);
    return { original: place, translation: by ? theirs.get(by)?.get(place.within) : undefined };
  });
}
