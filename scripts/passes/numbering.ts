/**
 * Figures and captioned tables numbered once, in reading order, for every
 * writer to print ("Figure 2", "表3"): no writer counts on its own.
 */
import type { BlockNode, ModelDocument } from '../model/types.js';

export function numberFiguresAndTables(doc: ModelDocument): ModelDocument {
  const counters = { figure: 0, table: 0 };
  const number = (blocks: readonly BlockNode[]): BlockNode[] =>
    blocks.map((node): BlockNode => {
      switch (node.type) {
        case 'figure':
          return { ...node, number: ++counters.figure };
        case 'table': {
          const numbered = node.caption.length > 0 ? { number: ++counters.table } : {};
          const rows = (list: typeof node.body) =>
            list.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, children: number(cell.children) })) }));
          return { ...node, ...numbered, head: rows(node.head), body: rows(node.body), foot: rows(node.foot) };
        }
        case 'list':
          return { ...node, children: node.children.map((item) => ({ ...item, children: number(item.children) })) };
        case 'blockquote':
          return { ...node, children: number(node.children) };
        case 'proposal':
          return { ...node, children: number(node.children), reasons: number(node.reasons) };
        case 'summary':
          return { ...node, parts: node.parts.map((part) => ({ ...part, children: number(part.children) })) };
        default:
          return node;
      }
    });
  return { ...doc, body: number(doc.body) };
}
