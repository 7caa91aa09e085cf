/** A problem a check found in one reading of a document, before it is reported for the readings that share it. */
import type { Point, Position } from 'unist';

export interface Finding {
  rule: string;
  /** The place responsible: the revision mark that made the problem where there is one. */
  place: Position | Point | undefined;
  /** What is wrong, as it reads after "In the accepted reading, ". */
  problem: string;
  fix: string;
}
