/**
 * A paragraph that begins with a grid line (`+---+---+`) is a grid table the Markdown reader could
 * not read, and would otherwise be printed as its `+---+` text: say which line breaks the grid.
 */
const GRID_LINE = /^\+(?:[-=:<>^vx]+\+)+$/;

export interface GridProblem {
  /** Which line of the paragraph (0 for its first). */
  line: number;
  /** 1-based, in characters. */
  column: number;
  problem: string;
}

export function brokenGridTable(paragraph: string): GridProblem | undefined {
  const lines = paragraph.split('\n').map((line) => line.trimEnd());
  const [first] = lines;
  if (first === undefined || !GRID_LINE.test(first.trimStart())) return undefined;
  const indent = first.length - first.trimStart().length;
  const width = [...first].length;
  const bars = new Set([...first].flatMap((char, index) => (char === '+' ? [index] : [])));
  for (const [index, line] of lines.entries()) {
    const chars = [...line];
    if (chars.length !== width) {
      return {
        line: index,
        column: Math.min(chars.length, width) + 1,
        problem: `Line ${index + 1} of the grid table is ${chars.length} characters wide where its first line is ${width}, so it is read as text`,
      };
    }
    const edge = chars[indent];
    if (edge !== '|' && edge !== '+') {
      return {
        line: index,
        column: indent + 1,
        problem: `Line ${index + 1} of the grid table does not begin with | or +, so it is read as text`,
      };
    }
    const stray = chars.findIndex((char, at) => at > indent && (char === '|' || char === '+') && !bars.has(at) && chars[at - 1] !== '\\');
    if (GRID_LINE.test(line.trimStart()) && stray >= 0) {
      return {
        line: index,
        column: stray + 1,
        problem: `Line ${index + 1} of the grid table has a + where the first line has none, so it is read as text`,
      };
    }
  }
  return { line: 0, column: indent + 1, problem: 'This grid table cannot be read, so it would be printed as its text' };
}
