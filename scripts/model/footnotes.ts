/** Footnote numbering: marks are given in order of first reference. */
import type { Position } from 'unist';

export class FootnoteNumbering {
  readonly numbers = new Map<string, number>();
  readonly firstReference = new Map<string, Position | undefined>();

  reference(id: string, position: Position | undefined): number {
    let number = this.numbers.get(id);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(id, number);
      this.firstReference.set(id, position);
    }
    return number;
  }
}
