import type { Position } from 'unist';

/**
 * A change the model has no mark for (a table row or a figure added, a table's grid changed…):
 * `side` says which of the two texts `position` is in.
 */
export class RedlineError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly side: 'old' | 'new',
    readonly position: Position | undefined,
  ) {
    super(message);
  }
}

/** A text given to redline that already has revision marks. */
export class RedlineInputError extends Error {}
