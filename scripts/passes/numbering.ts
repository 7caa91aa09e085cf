/**
 * Figures and captioned tables numbered once, in reading order, with the
 * words that print the number in the document's language ("Figure 2",
 * "表3:"): every writer prints the label, none counts on its own.
 */
import type { BlockNode, ModelDocument } from '../model/types.js';
import { mapBlocks } from '../model/walk.js';
import type { Words } from '../model/context.js';

export function numberFiguresAndTables(doc: ModelDocument, words: Words): ModelDocument {
  const counters = { figure: 0, table: 0 };
  const body = mapBlocks(doc.body, (node): BlockNode => {
    if (node.type === 'figure') {
      const number = ++counters.figure;
      return { ...node, number, printedNumber: words('labels.figure', node.position, { number }) };
    }
    if (node.type === 'table' && node.caption.length > 0) {
      const number = ++counters.table;
      return { ...node, number, printedNumber: words('labels.table', node.position, { number }) };
    }
    return node;
  });
  return { ...doc, body };
}
