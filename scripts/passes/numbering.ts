/**
 * Figures and captioned tables numbered once, in reading order, with the
 * words that print the number in the document's language ("Figure 2",
 * "表3:"): every writer prints the label, none counts on its own.
 */
import type { BlockNode, ModelDocument } from '../model/types.js';
import type { Locale } from '../i18n/locales.js';

export function numberFiguresAndTables(doc: ModelDocument, locale: Locale): ModelDocument {
  const counters = { figure: 0, table: 0 };
  const numbered = (blocks: readonly BlockNode[]): BlockNode[] =>
    blocks.map((node): BlockNode => {
      switch (node.type) {
        case 'figure': {
          const number = ++counters.figure;
          return { ...node, number, printedNumber: locale.t('labels.figure', { number }) };
        }
        case 'table': {
          const number = node.caption.length > 0 ? ++counters.table : undefined;
          const label = number === undefined ? {} : { number, printedNumber: locale.t('labels.table', { number }) };
          const rows = (list: typeof node.body) =>
            list.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, children: numbered(cell.children) })) }));
          return { ...node, ...label, head: rows(node.head), body: rows(node.body), foot: rows(node.foot) };
        }
        case 'list':
          return { ...node, children: node.children.map((item) => ({ ...item, children: numbered(item.children) })) };
        case 'blockquote':
          return { ...node, children: numbered(node.children) };
        case 'proposal':
          return { ...node, children: numbered(node.children), reasons: numbered(node.reasons) };
        case 'summary':
          return { ...node, parts: node.parts.map((part) => ({ ...part, children: numbered(part.children) })) };
        default:
          return node;
      }
    });
  return { ...doc, body: numbered(doc.body) };
}
