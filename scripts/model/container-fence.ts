/**
 * A block directive (`::::proposal`, `:::table`…) that is never closed runs to the end of the file (or
 * of the block around it), swallowing everything after it without a word. Its closing fence, a line of
 * at least as many colons as it opened with, must be its last line; and a block directive inside it
 * takes fewer colons, or the fence meant for the inner one closes the outer.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { BuildContext } from './context.js';

/** Directives checked already, or whose fault the outer's message explains. */
const checked = new WeakSet<ContainerDirective>();

/** Checks the directive and the directives directly inside it (`:::reasons`, `:::part` are built as parts of theirs). */
export function checkContainerClosed(node: ContainerDirective, ctx: BuildContext): void {
  // Inside a grid-table cell positions count from the cell, not the file.
  if (ctx.gridCell) return;
  checkFences(node, ctx);
  for (const child of node.children) if (child.type === 'containerDirective') checkFences(child, ctx);
}

function checkFences(node: ContainerDirective, ctx: BuildContext): void {
  if (checked.has(node)) return;
  checked.add(node);
  const lines = sourceLines(node, ctx);
  if (!lines) return;
  const opening = fenceOf(lines[0]!);
  const inner = node.children.find(
    (child): child is ContainerDirective =>
      child.type === 'containerDirective' && fenceOf(sourceLines(child, ctx)?.[0] ?? '').length >= opening.length,
  );
  if (inner) {
    checked.add(inner);
    const line = inner.position?.start.line ?? '?';
    ctx.error(
      node.position?.start,
      `\`${opening}${node.name}\` is not closed before the \`${fenceOf(sourceLines(inner, ctx)![0]!)}${inner.name}\` at line ${line}`,
      `Close it with a line \`${opening}\` before line ${line}; a block inside another takes fewer colons than the block around it`,
      'unclosed-directive',
    );
    return;
  }
  const last = lines.at(-1)!.trim();
  if (lines.length > 1 && /^:+$/.test(last) && last.length >= opening.length) return;
  ctx.error(
    node.position?.start,
    `\`${opening}${node.name}\` is never closed: it runs to the end of ${lines.length > 1 ? 'the file or of the block around it' : 'its line'}`,
    `Close it with a line of ${opening.length} colons, \`${opening}\`, after its last line`,
    'unclosed-directive',
  );
}

/** The directive's lines as written, without the markers of the blocks around (`> `, a list item's indent). */
function sourceLines(node: ContainerDirective, ctx: BuildContext): string[] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return String(ctx.file.value)
    .slice(start, end)
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^[\s>]*/, ''));
}

const fenceOf = (line: string) => /^:+/.exec(line)?.[0] ?? ':::';
