/**
 * One form for inline runs that print the same: adjacent text joined, empty text dropped, adjacent
 * runs of the same formatting (emphasis, strong, the same link, the same mark) joined. A reading
 * cannot help cutting text where a mark was (`a {--b--} c` reads as three text nodes), so models
 * are compared, and blocks matched, in this form.
 */
import type { BlockNode, InlineNode, Text } from '../../model/types.js';
import { mapInlineRuns } from '../../model/walk.js';

const JOINABLE = new Set<InlineNode['type']>(['emphasis', 'strong', 'link', 'insertion', 'deletion']);

export function canonicalInlines(run: readonly InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const original of run) {
    const node = 'children' in original ? { ...original, children: canonicalInlines(original.children) } : original;
    if (node.type === 'text' && node.value === '' && !node.dataRef) continue;
    const last = out.at(-1);
    if (isPlainText(last) && isPlainText(node)) out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else if (last && 'children' in last && 'children' in node && joinable(last, node))
      out[out.length - 1] = { ...last, children: canonicalInlines([...last.children, ...node.children]) };
    else out.push(node);
  }
  return out;
}

/** Text written as text: a figure printed from the data (`:data{ref=…}`) is text that keeps its name, never joined to the words beside it. */
export function isPlainText(node: InlineNode | undefined): node is Text {
  return node?.type === 'text' && !node.dataRef;
}

function joinable(a: InlineNode, b: InlineNode): boolean {
  if (a.type !== b.type || !JOINABLE.has(a.type)) return false;
  return a.type !== 'link' || (b.type === 'link' && a.url === b.url);
}

export function canonicalBlocks(blocks: readonly BlockNode[]): BlockNode[] {
  return mapInlineRuns(blocks, canonicalInlines);
}

const INLINE_TYPES = new Set<string>([
  'text',
  'emphasis',
  'strong',
  'link',
  'break',
  'insertion',
  'deletion',
  'editorComment',
  'callWord',
  'footnoteReference',
  'anchor',
] satisfies InlineNode['type'][]);

/**
 * A string equal for two values (blocks, runs, anything in the model) of the same canonical form,
 * positions and footnote numbers left out (the numbers follow from the order of the calls). Written
 * straight from the value: blocks are keyed often, and building their canonical form each time
 * would cost more than the redline itself.
 */
export function shapeKey(value: unknown): string {
  const out: string[] = [];
  writeKey(value, out);
  return out.join('');
}

function writeKey(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') out.push(JSON.stringify(value) ?? 'undefined');
  else if (Array.isArray(value)) {
    if (INLINE_TYPES.has((value[0] as { type?: string } | undefined)?.type ?? '')) writeRunKey(value as InlineNode[], out);
    else {
      out.push('[');
      for (const item of value) {
        writeKey(item, out);
        out.push(',');
      }
      out.push(']');
    }
  } else {
    const record = value as Record<string, unknown>;
    out.push('{');
    for (const key in record) {
      if (key === 'position' || record[key] === undefined || (key === 'number' && record.type === 'footnoteReference')) continue;
      out.push(key, ':');
      writeKey(record[key], out);
      out.push(',');
    }
    out.push('}');
  }
}

/** A run keyed as its canonical form would be: adjacent text as one, adjacent runs of the same formatting as one. */
function writeRunKey(run: readonly InlineNode[], out: string[]): void {
  out.push('[');
  let text = '';
  for (let index = 0; index < run.length; index++) {
    let node = run[index]!;
    if (isPlainText(node)) {
      text += node.value;
      continue;
    }
    if (text) out.push('"', JSON.stringify(text), ',');
    text = '';
    while ('children' in node && run[index + 1] && joinable(node, run[index + 1]!))
      node = { ...node, children: [...node.children, ...(run[++index] as typeof node).children] };
    writeKey(node, out);
    out.push(',');
  }
  if (text) out.push('"', JSON.stringify(text), ',');
  out.push(']');
}
