/**
 * The runs of text a translator translates, each at its place in the model: `b12` (the body's
 * thirteenth block), `b3.b2` (a block inside a proposal or quotation), `b3.reasons.b0`, `b4.i2.b0`
 * (the first block of a list's third item), `b7.r3.c1.b0` (a table cell's block, rows counted
 * through head, body and foot), `b7.caption`, `b2.p1.b0` (a summary part's block), `fn2.b1` (a
 * footnote's second block). A place names where a block stands, not what it says, so an exchange
 * format (XLIFF) can put a translation back where it belongs after the words have changed.
 */
import type { Position } from 'unist';
import type { BlockNode, Footnote, InlineNode } from './types.js';

export interface BlockPlace {
  id: string;
  /** The block's kind, as a person names it: paragraph, heading, caption, cell… */
  kind: string;
  /** The words; `label` apart (a paragraph's `a)`, a heading's `2.1`), which is not translated. */
  run: InlineNode[];
  label?: InlineNode[] | undefined;
  position: Position | undefined;
  /**
   * The block the parity check pairs (check/parity.ts `shapes`), by its position, and this place's
   * path within it ('' for the block itself, `.caption`, `.r3.c1.b0`): a place of a translation is
   * found from the original's through that block's counterpart.
   */
  pairedBy: Position | undefined;
  within: string;
}

export function blockPlaces(body: readonly BlockNode[], footnotes: readonly Footnote[]): BlockPlace[] {
  const out: BlockPlace[] = [];
  const visit = (blocks: readonly BlockNode[], prefix: string, paired?: { by: Position | undefined; id: string }) => {
    blocks.forEach((block, index) => {
      const id = `${prefix}b${index}`;
      const place = (kind: string, run: InlineNode[], label?: InlineNode[], at: string = id): void => {
        const pairedBy = paired ? paired.by : block.position;
        const within = paired ? at.slice(paired.id.length) : at.slice(id.length);
        out.push({ id: at, kind, run, label, position: block.position, pairedBy, within });
      };
      switch (block.type) {
        case 'heading':
          // Titles and names made from the metadata and the locale are not written in the text.
          if (!block.role) place('heading', block.children, block.label);
          break;
        case 'paragraph':
          place('paragraph', block.children);
          break;
        case 'labelledParagraph':
          place('paragraph', block.children, block.label);
          break;
        case 'callWordParagraph':
          place('call words', block.children);
          break;
        case 'list':
          block.children.forEach((item, i) => visit(item.children, `${id}.i${i}.`, paired));
          break;
        case 'blockquote':
          visit(block.children, `${id}.`, paired);
          break;
        case 'proposal':
          visit(block.children, `${id}.`, paired);
          visit(block.reasons, `${id}.reasons.`, paired);
          break;
        case 'summary':
          block.parts.forEach((part, i) => visit(part.children, `${id}.p${i}.`, paired));
          break;
        case 'table': {
          const inTable = paired ?? { by: block.position, id };
          if (block.caption.length) place('table caption', block.caption, undefined, `${id}.caption`);
          [...block.head, ...block.body, ...block.foot].forEach((row, r) =>
            row.cells.forEach((cell, c) => visit(cell.children, `${id}.r${r}.c${c}.`, inTable)),
          );
          break;
        }
        case 'figure':
          if (block.caption.length) place('figure caption', block.caption, undefined, `${id}.caption`);
          break;
      }
    });
  };
  visit(body, '');
  footnotes.forEach((note, index) => visit(note.children, `fn${index}.`));
  return out;
}
