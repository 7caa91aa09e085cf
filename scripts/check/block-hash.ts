/**
 * A block's version: a short hash of what a translator translates in it, so that a translation can
 * record which version of the original block it was made from (translation-status.ts), and an
 * exchange file (XLIFF) or a review page can say the same of its units.
 *
 * What counts is the block's own content, spelled out canonically: its structural key (kind, label,
 * call words, a proposal's action and identifier), its words with their revision marks as they nest,
 * emphasis, links, footnote calls, call-word keys and `:data` references, and a table's layout. What
 * does not: its place in the file, how the Markdown is wrapped (runs of white space count as one
 * space), footnote labels (`[^3]` or `[^note]`, and the number the reader sees: a footnote added
 * before the block changes neither), the figure a `:data` reference prints, the words the locale
 * prints for a call word, anchors, and editors' comments, which are never printed nor translated.
 */
import { createHash } from 'node:crypto';
import type { InlineNode } from '../model/types.js';
import type { BlockShape } from './parity.js';

/** Ten hex digits: a collision between two versions of one block is a chance in a trillion. */
export const BLOCK_HASH_LENGTH = 10;

/** The version of a block: 10 hex digits of the SHA-256 of its canonical content. */
export function blockHash(shape: Pick<BlockShape, 'key' | 'words' | 'layout' | 'change'>): string {
  const parts = [
    `key ${shape.key}`,
    `change ${shape.change}`,
    `layout ${shape.layout ?? ''}`,
    ...shape.words.map((run) => `words ${canonicalInline(run.inline)}`),
  ];
  return createHash('sha256').update(parts.join('\n'), 'utf8').digest('hex').slice(0, BLOCK_HASH_LENGTH);
}

/** A run of inlines spelled out: text with its white space collapsed, each mark and call named. */
export function canonicalInline(nodes: readonly InlineNode[]): string {
  return spell(nodes).replace(/\s+/g, ' ').trim().normalize('NFC');
}

function spell(nodes: readonly InlineNode[]): string {
  return nodes.map(spellNode).join('');
}

function spellNode(node: InlineNode): string {
  switch (node.type) {
    case 'text':
      return node.dataRef ? `:data{${node.dataRef}}` : escape(node.value);
    case 'emphasis':
      return `*{${spell(node.children)}}`;
    case 'strong':
      return `**{${spell(node.children)}}`;
    case 'link':
      return `[${spell(node.children)}](${escape(node.url)})`;
    case 'break':
      return '\\n';
    case 'insertion':
      return `{++${spell(node.children)}++}`;
    case 'deletion':
      return `{--${spell(node.children)}--}`;
    case 'editorComment':
      return '';
    case 'callWord':
      return `:call{${node.key}}`;
    case 'footnoteReference':
      return '[^]';
    case 'anchor':
      return '';
  }
}

/** Text that looks like a mark is not one: the canonical form must not mistake words for structure. */
const escape = (text: string) => text.replace(/[\\{}[\]()*:^]/g, (ch) => `\\${ch}`);
