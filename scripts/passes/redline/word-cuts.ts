/**
 * Where revision marks cut words: the places in a reading's printed text where a mark begins or
 * ends (a mark gone from the reading is a point in it) that fall inside a word as the language's
 * `Intl.Segmenter` cuts that text. A redline that marks whole words has none.
 */
import type { InlineNode } from '../../model/types.js';
import type { Lang } from '../../i18n/languages.js';
import type { Reading } from '../readings.js';
import { segmenter } from './tokens.js';

/** Each cut as the text around it, `词|语`. */
export function marksInsideWords(run: readonly InlineNode[], which: Reading, lang: Lang): string[] {
  const gone = which === 'accepted' ? 'deletion' : 'insertion';
  let text = '';
  const edges: number[] = [];
  const walk = (nodes: readonly InlineNode[]) => {
    for (const node of nodes) {
      if (node.type === 'insertion' || node.type === 'deletion') {
        edges.push(text.length);
        if (node.type !== gone) walk(node.children);
        edges.push(text.length);
      } else if (node.type === 'text' || node.type === 'callWord') text += node.value;
      else if (node.type === 'footnoteReference') text += '\ufffc';
      else if (node.type === 'break') text += '\n';
      else if (node.type !== 'editorComment' && 'children' in node) walk(node.children);
    }
  };
  walk(run);
  return cutsInside(text, edges, lang);
}

/** The offsets of `edges` that fall inside a word of `text`, each as the text around it. */
export function cutsInside(text: string, edges: readonly number[], lang: Lang): string[] {
  const boundaries = new Set([text.length, ...[...segmenter(lang).segment(text)].map((segment) => segment.index)]);
  return edges
    .filter((edge) => !boundaries.has(edge))
    .map((edge) => `${text.slice(Math.max(0, edge - 6), edge)}|${text.slice(edge, edge + 6)}`);
}
