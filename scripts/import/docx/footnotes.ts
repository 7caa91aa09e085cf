/**
 * Footnotes and comments: their text from `word/footnotes.xml` and `word/comments.xml`. A footnote
 * is numbered in the order the text calls it, as the model numbers them; a change inside a
 * footnote is read as in the body.
 */
import type { BlockNode, Footnote, InlineNode } from '../../model/types.js';
import type { Place } from './messages.js';
import { plainText } from './paragraphs.js';
import { attribute, childrenOf, tagOf, type XmlNode } from './xml.js';

/** Numbers footnotes by the order of their calls; the package's ids can be anything. */
export class FootnoteNumbers {
  private readonly numbers = new Map<string, number>();
  numberOf = (id: string): number => {
    let number = this.numbers.get(id);
    if (number === undefined) this.numbers.set(id, (number = this.numbers.size + 1));
    return number;
  };
  /** Package ids in the order they were numbered. */
  get order(): [string, number][] {
    return [...this.numbers];
  }
}

/** Word's own notes (the separator lines) are not the document's. */
const isNote = (node: XmlNode) => {
  const type = attribute(node, 'w:type');
  return type === undefined || type === 'normal';
};

export function readFootnotes(
  notes: readonly XmlNode[],
  numbers: FootnoteNumbers,
  place: Place,
  blocks: (nodes: XmlNode[]) => BlockNode[],
): Footnote[] {
  const byId = new Map(notes.filter(isNote).map((note) => [attribute(note, 'w:id') ?? '', note]));
  const out: Footnote[] = [];
  place.part = 'word/footnotes.xml';
  place.paragraph = 0;
  // Footnotes called from footnotes are numbered while they are read: read until none is left.
  for (let index = 0; index < numbers.order.length; index++) {
    const [id, number] = numbers.order[index]!;
    const note = byId.get(id);
    const children = note ? blocks(childrenOf(note)) : [];
    trimFirst(children);
    out.push({ id: String(number), number, children });
  }
  return out;
}

/** The space our writer (and Word) puts between the footnote's mark and its text. */
function trimFirst(children: BlockNode[]): void {
  const first = children[0];
  if (!first || !('children' in first) || first.type === 'list' || first.type === 'blockquote' || first.type === 'proposal') return;
  const inlines = first.children as InlineNode[];
  trimInline(inlines);
}

function trimInline(inlines: InlineNode[]): void {
  const [head] = inlines;
  if (head?.type === 'text') {
    head.value = head.value.trimStart();
    if (!head.value) {
      inlines.shift();
      trimInline(inlines);
    }
  } else if (
    head &&
    'children' in head &&
    (head.type === 'insertion' || head.type === 'deletion' || head.type === 'emphasis' || head.type === 'strong')
  ) {
    trimInline(head.children);
  }
}

/** Word comments by id: their text, paragraphs joined by a space. */
export function readComments(comments: readonly XmlNode[]): Map<string, string> {
  return new Map(
    comments.map((comment) => [
      attribute(comment, 'w:id') ?? '',
      childrenOf(comment)
        .filter((c) => tagOf(c) === 'w:p')
        .map((p) => plainText(p).trim())
        .filter(Boolean)
        .join(' '),
    ]),
  );
}
