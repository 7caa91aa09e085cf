/**
 * The two readings of a marked document, as one pass over the model: the
 * accepted reading (every change accepted: insertions kept unmarked, deleted
 * text, blocks and the footnote calls in them gone) and the rejected reading
 * (the text as it stood before). What is left of the footnotes is numbered
 * again in the order of their calls, so a clean copy never reads 1, 3, 4.
 * Every writer's clean copy is its marked copy of the accepted reading.
 */
import type { BlockChange, BlockNode, Footnote, InlineNode, ListItem, ModelDocument, TableRow } from '../model/types.js';
import { footnoteCallsInOrder, mapFootnoteCalls } from './footnote-calls.js';

export type Reading = 'accepted' | 'rejected';

export function reading(doc: ModelDocument, which: Reading): ModelDocument {
  const pass = new ReadingPass(which);
  const body = pass.blocks(doc.body);
  const footnotes = doc.footnotes.map((note): Footnote => ({ ...note, change: undefined, children: pass.blocks(note.children) }));
  return renumberFootnotes({ ...doc, body, footnotes });
}

/** A run of inline nodes in one reading: the marks of the other kind gone, the rest unmarked. */
export function readingInlines(nodes: readonly InlineNode[], which: Reading): InlineNode[] {
  return new ReadingPass(which).inlines(nodes);
}

class ReadingPass {
  /** The kind of change that disappears from this reading; the other kind is kept, unmarked. */
  private readonly gone: Exclude<BlockChange, undefined>;

  constructor(private readonly which: Reading) {
    this.gone = which === 'accepted' ? 'deletion' : 'insertion';
  }

  inlines(nodes: readonly InlineNode[]): InlineNode[] {
    return nodes.flatMap((node): InlineNode[] => {
      if (node.type === 'insertion' || node.type === 'deletion') return node.type === this.gone ? [] : this.inlines(node.children);
      if ('children' in node) return [{ ...node, children: this.inlines(node.children) }];
      return [node];
    });
  }

  blocks(nodes: readonly BlockNode[]): BlockNode[] {
    return nodes.flatMap((node) => this.block(node));
  }

  private block(node: BlockNode): BlockNode[] {
    if ('change' in node && node.change === this.gone) return [];
    switch (node.type) {
      case 'heading': {
        // A title made from the revision history says which reading it is, so that it reads back unmarked.
        const reading = node.role === 'resolutionTitle' || node.role === 'annexTitle' ? this.which : undefined;
        return [
          { ...node, reading, change: undefined, label: node.label && this.inlines(node.label), children: this.inlines(node.children) },
        ];
      }
      case 'labelledParagraph':
        return [{ ...node, change: undefined, label: this.inlines(node.label), children: this.inlines(node.children) }];
      case 'paragraph':
      case 'callWordParagraph':
        return [{ ...node, change: undefined, children: this.inlines(node.children) }];
      case 'list': {
        const children = node.children.flatMap((item) => this.item(item));
        return children.length ? [{ ...node, children }] : [];
      }
      case 'blockquote':
        return [{ ...node, children: this.blocks(node.children) }];
      case 'proposal':
        return [{ ...node, children: this.blocks(node.children), reasons: this.blocks(node.reasons) }];
      case 'figure':
        return [{ ...node, caption: this.inlines(node.caption) }];
      case 'table':
        return [
          {
            ...node,
            caption: this.inlines(node.caption),
            head: this.rows(node.head),
            body: this.rows(node.body),
            foot: this.rows(node.foot),
          },
        ];
      case 'summary':
        return [{ ...node, parts: node.parts.map((part) => ({ ...part, children: this.blocks(part.children) })) }];
    }
  }

  private item(item: ListItem): ListItem[] {
    return item.change === this.gone ? [] : [{ ...item, change: undefined, children: this.blocks(item.children) }];
  }

  private rows(rows: readonly TableRow[]): TableRow[] {
    return rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, children: this.blocks(cell.children) })) }));
  }
}

/** Keeps the footnotes still called, numbered 1, 2, 3… in the order of their first calls. */
export function renumberFootnotes(doc: ModelDocument): ModelDocument {
  const order = footnoteCallsInOrder(doc);
  const numbers = new Map(order.map((id, index) => [id, index + 1]));
  const renumber = (blocks: readonly BlockNode[]) => mapFootnoteCalls(blocks, (call) => ({ ...call, number: numbers.get(call.id)! }));
  const footnotes = doc.footnotes
    .filter((note) => numbers.has(note.id))
    .map((note) => ({ ...note, number: numbers.get(note.id)!, children: renumber(note.children) }))
    .sort((a, b) => a.number - b.number);
  return { ...doc, body: renumber(doc.body), footnotes };
}
