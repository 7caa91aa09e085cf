/** The words of the model as a reader sees them. */
import type { InlineNode } from './types.js';

/**
 * A run of inline nodes as printed text: call words as their locale's words, footnote calls as
 * `[^n]`, editors' comments and anchors left out (never printed).
 */
export function printedText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
        case 'callWord':
          return node.value;
        case 'footnoteReference':
          return `[^${node.number}]`;
        case 'break':
          return ' ';
        case 'editorComment':
        case 'anchor':
          return '';
        default:
          return printedText(node.children);
      }
    })
    .join('');
}
