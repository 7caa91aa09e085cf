/**
 * A language file's text → mdast, within the limits: nesting is measured on the source before the
 * reader runs (it slows down with depth) and on the tree after it, before anything walks the tree
 * recursively. A file past a limit gets one positioned error and no tree.
 */
import type { VFile } from 'vfile';
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';
import { reportError } from '../diagnostics/report.js';
import { LIMITS } from '../read/limits.js';
import { createMarkdownReader } from './processor.js';
import { sourceNestingProblem } from './nesting.js';
import { checkCharacterReferences } from './character-references.js';

const reader = createMarkdownReader();

/** `allowed`: the invisible characters the file's script needs, which its character references may write. */
export function readMarkdown(file: VFile, allowed: ReadonlySet<number> = new Set()): Root | undefined {
  const text = String(file.value);
  checkCharacterReferences(file, text, allowed);
  const nesting = sourceNestingProblem(text);
  if (nesting) {
    reportError(file, { line: nesting.line, column: nesting.column }, nesting.problem, nesting.fix, 'nesting-limit');
    return undefined;
  }
  let tree: Root;
  try {
    tree = reader.parse(text) as Root;
  } catch (error) {
    // The last line of defence: a construct nested in a way the source scan does not measure.
    if (!(error instanceof RangeError)) throw error;
    reportError(
      file,
      undefined,
      'The Markdown reader ran out of stack on this file',
      'Flatten what is nested inside what (see Limits in docs/dialect.md)',
      'nesting-limit',
    );
    return undefined;
  }
  const deep = firstTooDeep(tree);
  if (deep) {
    reportError(
      file,
      deep.position?.start,
      `Constructs nested more than ${LIMITS.treeDepth} deep (lists, quotes, tables, directives, marks and emphasis inside one another)`,
      'Flatten the nesting (see Limits in docs/dialect.md)',
      'nesting-limit',
    );
    return undefined;
  }
  return tree;
}

/** The first node deeper than the limit, found without recursion. */
function firstTooDeep(tree: Root): Node | undefined {
  const pending: [Node, number][] = [[tree, 0]];
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const [node, depth] = entry;
    if (depth > LIMITS.treeDepth) return node;
    const children = (node as Partial<Parent>).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) pending.push([children[i]!, depth + 1]);
  }
  return undefined;
}
