/**
 * Marked tokens back into inline nodes. Formatting holds marks (`*a {--b--}{++c++}*`) unless all it
 * holds is deleted or all inserted: then the mark holds the formatting (`{++*c*++}`), so that no
 * reading is left with an empty emphasis or link.
 */
import type { InlineNode } from '../../model/types.js';
import { isPlainText } from './canonical.js';
import { wrapperKey, type Token } from './tokens.js';

export type Status = 'kept' | 'deleted' | 'inserted';
export interface MarkedToken {
  token: Token;
  status: Status;
}

const MARK = { deleted: 'deletion', inserted: 'insertion' } as const;

export function inlineNodes(items: readonly MarkedToken[], depth = 0): InlineNode[] {
  const pieces: { status: Status; node: InlineNode }[] = [];
  for (let start = 0; start < items.length;) {
    const wrapper = items[start]!.token.wrappers[depth];
    if (!wrapper) {
      pieces.push({ status: items[start]!.status, node: items[start]!.token.leaf });
      start++;
      continue;
    }
    let end = start + 1;
    while (end < items.length && sameWrapper(items[end]!, items[start]!, depth)) end++;
    const run = items.slice(start, end);
    const statuses = new Set(run.map((item) => item.status));
    const whole = statuses.size === 1 ? [...statuses][0]! : 'kept';
    const children = inlineNodes(whole === 'kept' ? run : run.map((item) => ({ ...item, status: 'kept' as const })), depth + 1);
    pieces.push({ status: whole, node: { ...wrapper, children } });
    start = end;
  }
  const out: InlineNode[] = [];
  for (let start = 0; start < pieces.length;) {
    const status = pieces[start]!.status;
    let end = start + 1;
    while (end < pieces.length && pieces[end]!.status === status) end++;
    const nodes = joinText(pieces.slice(start, end).map((piece) => piece.node));
    if (status === 'kept') out.push(...nodes);
    else out.push({ type: MARK[status], children: nodes });
    start = end;
  }
  return out;
}

function sameWrapper(a: MarkedToken, b: MarkedToken, depth: number): boolean {
  const [x, y] = [a.token.wrappers[depth], b.token.wrappers[depth]];
  return x !== undefined && y !== undefined && wrapperKey(x) === wrapperKey(y);
}

function joinText(nodes: readonly InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (isPlainText(last) && isPlainText(node)) out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else out.push(node);
  }
  return out;
}
