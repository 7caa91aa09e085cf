/**
 * Revision marks as the writers that draw them (underline, strike-through, Word's tracked changes)
 * carry them down the inline nodes: the change a run is in, and the change around that one when one
 * change is inside the other (`{++a {--b--} c++}`).
 */
export type Change = 'insertion' | 'deletion';

export interface MarkedStyle {
  mark?: Change | undefined;
  /** The change around `mark` when one change is inside the other. */
  outer?: Change | undefined;
}

/** The style inside a change: a change of the other kind inside one is nested in it, one of the same kind is the same change. */
export function inChange<S extends MarkedStyle>(style: S, mark: Change): S {
  if (style.mark === undefined || style.mark === mark) return { ...style, mark };
  return { ...style, mark, outer: style.outer ?? style.mark };
}
