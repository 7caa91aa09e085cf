/**
 * Figures and captioned tables numbered once, in reading order, with the
 * words that print the number in the document's language ("Figure 2",
 * "表3:"): every writer prints the label, none counts on its own.
 */
import type { BlockNode, ModelDocument } from '../model/types.js';
import { mapBlocks } from '../model/walk.js';
import type { Locale } from '../i18n/locales.js';

export function numberFiguresAndTables(doc: ModelDocument, locale: Locale): ModelDocument {
  const counters = { figure: 0, table: 0 };
  const body = mapBlocks(doc.body, (node): BlockNode => {
    if (node.type === 'figure') {
      const number = ++counters.figure;
      return { ...node, number, printedNumber: locale.t('labels.figure', { number }) };
    }
    if (node.type === 'table' && node.caption.length > 0) {
      const number = ++counters.table;
      return { ...node, number, printedNumber: locale.t('labels.table', { number }) };
    }
    return node;
  });
  return { ...doc, body };
}
