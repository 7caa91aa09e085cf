declare module 'linebreak' {
  /** A break opportunity of the Unicode Line Breaking Algorithm (UAX #14). */
  interface Break {
    /** Index (UTF-16) after which the line may break. */
    position: number;
    /** A mandatory break (after a line feed or paragraph separator). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
