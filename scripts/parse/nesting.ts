/**
 * Nesting measured on the source, before the Markdown reader sees it: micromark slows down with
 * every level of lists, quotes and inline constructs inside one another (500 nested list items take
 * it 20 s), so depth past any real document's is reported here, and the text is not parsed.
 */
import { LIMITS } from '../read/limits.js';

export interface NestingProblem {
  line: number;
  column: number;
  problem: string;
  fix: string;
}

/** The first place where lists and quotes, inline constructs, or emphasis markers go past the limits. */
export function sourceNestingProblem(text: string): NestingProblem | undefined {
  const lines = text.split('\n');
  let paragraph: { start: number; lines: string[] } | undefined;
  const fences: number[] = [];
  // The front matter is YAML, whose nesting the YAML reader measures.
  const frontMatterEnd = lines[0]?.trimEnd() === '---' ? lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---') : -1;
  for (let index = frontMatterEnd + 1; index <= lines.length; index++) {
    const line = lines[index];
    if (line !== undefined) {
      const fence = FENCE.exec(line);
      if (fence?.[2]) fences.push(fence[1]!.length);
      else if (fence && fences.length && fences.at(-1)! <= fence[1]!.length) fences.pop();
      if (fences.length > LIMITS.blockNesting) {
        return {
          line: index + 1,
          column: line.indexOf(':') + 1,
          problem: `Directives (\`:::name\`) nested ${fences.length} deep; the dialect allows ${LIMITS.blockNesting}`,
          fix: 'Close some of them before opening others (see Limits in docs/dialect.md)',
        };
      }
      const block = blockDepth(line);
      if (block.depth > LIMITS.blockNesting) {
        return {
          line: index + 1,
          column: block.column,
          problem: `Lists and block quotes nested ${block.depth} deep; the dialect allows ${LIMITS.blockNesting}`,
          fix: 'Flatten the nesting (see Limits in docs/dialect.md)',
        };
      }
    }
    if (line === undefined || line.trim() === '') {
      const problem = paragraph && inlineProblem(paragraph.lines.join('\n'), paragraph.start);
      if (problem) return problem;
      paragraph = undefined;
    } else if (paragraph) paragraph.lines.push(line);
    else paragraph = { start: index + 1, lines: [line] };
  }
  return undefined;
}

/** A container directive's fence: `::::proposal{…}` opens one, a line of colons alone closes one. */
const FENCE = /^[ \t>]*(:{3,})\s*([A-Za-z][\w-]*)?/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * How deep a line's containers go: each `>` and list marker at its start opens one, and every two
 * columns of indentation before them stand for one that a line above opened (a list item's text is
 * indented at least two columns past its parent's).
 */
function blockDepth(line: string): { depth: number; column: number } {
  let indentColumns = 0;
  let index = 0;
  while (line[index] === ' ' || line[index] === '\t') {
    indentColumns += line[index] === '\t' ? 4 - (indentColumns % 4) : 1;
    index++;
  }
  const opened = Math.floor(indentColumns / 2);
  // The place to report: the marker that goes past the limit, or the text that indentation alone puts there.
  let column = opened > LIMITS.blockNesting ? index + 1 : 0;
  let markers = 0;
  for (;;) {
    const marker = line[index] === '>' ? '>' : LIST_MARKER.exec(line.slice(index, index + 11))?.[0];
    if (!marker) break;
    if (++markers + opened > LIMITS.blockNesting && !column) column = index + 1;
    index += marker.length;
    while (line[index] === ' ' || line[index] === '\t') index++;
  }
  return { depth: markers + opened, column };
}

const OPENERS = ['{++', '{--', '{~~', '{>>'];
const CLOSERS = ['++}', '--}', '~~}', '<<}'];
const isSpace = (char: string | undefined) => char === undefined || /\s/u.test(char);
const isPunctuation = (char: string | undefined) => char !== undefined && /[\p{P}\p{S}]/u.test(char);

/**
 * Inline constructs inside one another: revision marks, brackets (links, labels) and emphasis. A
 * construct counts as nested only where an opener has a closer after it, so stray `[` or `*` in a
 * text never count; the depth at a place is min(openers left open before it, closers after it).
 */
function inlineProblem(text: string, firstLine: number): NestingProblem | undefined {
  const tokens: { at: number; step: 1 | -1 }[] = [];
  let emphasisMarkers = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\') {
      index++;
      continue;
    }
    const three = text.slice(index, index + 3);
    if (OPENERS.includes(three) || CLOSERS.includes(three)) {
      tokens.push({ at: index, step: OPENERS.includes(three) ? 1 : -1 });
      index += 2;
    } else if (char === '[') tokens.push({ at: index, step: 1 });
    else if (char === ']') tokens.push({ at: index, step: -1 });
    else if (char === '*' || char === '_') {
      let end = index;
      while (text[end + 1] === char) end++;
      emphasisMarkers += end - index + 1;
      if (emphasisMarkers > LIMITS.emphasisMarkers) {
        return at(
          text,
          firstLine,
          index,
          `More than ${LIMITS.emphasisMarkers} emphasis markers (* and _) in one paragraph`,
          'Split the paragraph, or escape literal asterisks as \\*',
        );
      }
      const before = text[index - 1];
      const after = text[end + 1];
      if (!isSpace(after) && (isSpace(before) || isPunctuation(before))) tokens.push({ at: index, step: 1 });
      else if (!isSpace(before) && (isSpace(after) || isPunctuation(after))) tokens.push({ at: index, step: -1 });
      index = end;
    }
  }
  const closersAfter: number[] = new Array<number>(tokens.length + 1).fill(0);
  for (let i = tokens.length - 1; i >= 0; i--) closersAfter[i] = closersAfter[i + 1]! + (tokens[i]!.step < 0 ? 1 : 0);
  let open = 0;
  for (let i = 0; i < tokens.length; i++) {
    open = Math.max(0, open + tokens[i]!.step);
    const depth = Math.min(open, closersAfter[i + 1]!);
    if (tokens[i]!.step > 0 && depth > LIMITS.inlineNesting) {
      return at(
        text,
        firstLine,
        tokens[i]!.at,
        `Revision marks, emphasis and links nested ${depth} deep; the dialect allows ${LIMITS.inlineNesting}`,
        'Close some of them before opening others (see Limits in docs/dialect.md)',
      );
    }
  }
  return undefined;
}

function at(text: string, firstLine: number, offset: number, problem: string, fix: string): NestingProblem {
  const before = text.slice(0, offset).split('\n');
  return { line: firstLine + before.length - 1, column: before.at(-1)!.length + 1, problem, fix };
}
