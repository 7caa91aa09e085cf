/** Where the bidirectional algorithm reads digits on both sides of a place in a text as one number. */

const DIGIT = /^\p{Nd}$/u;
/** Separators the bidirectional algorithm reads as part of a number when one stands between digits (rule W4). */
const NUMBER_SEPARATOR = /^[+\-,./:\u00a0\u060c]$/u;

/** Whether the text reads as one number across `offset`: digits side by side, or one separator between them ("2024-2027", "1.4", "243/71"). */
export function numberAcross(text: string, offset: number): boolean {
  const digit = (at: number) => DIGIT.test(text[at] ?? '');
  const separator = (at: number) => NUMBER_SEPARATOR.test(text[at] ?? '');
  const [before, after] = [offset - 1, offset];
  if (digit(before) && digit(after)) return true;
  if (digit(before) && separator(after) && digit(after + 1)) return true;
  return separator(before) && digit(before - 1) && digit(after);
}
