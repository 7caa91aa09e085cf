/** One `w:p` read: its style, direction, the change on its paragraph mark, and its pieces. */
import { readBookmarks } from './bookmarks.js';
import { readParagraphPieces } from './fields.js';
import { unsupported, type Mark, type Piece, type RunContext } from './runs.js';
import { STYLES } from './styles.js';
import { reportFormattingChange, trackedAt } from './tracked-changes.js';
import { attribute, child, childrenOf, isOn, tagOf, textOf, type XmlNode } from './xml.js';

export interface WordParagraph {
  style: string;
  rtl: boolean;
  /** An inserted or deleted paragraph mark: the whole paragraph was inserted or deleted. */
  mark: Mark;
  pieces: Piece[];
  /** The description of a picture in it (`wp:docPr`'s `descr`): a figure's alt text. */
  alt?: string | undefined;
  /** The name of a picture in it (`wp:docPr`'s `name`): our writer's is the picture's path in the document's folder. */
  pictureName?: string | undefined;
  /** The bookmarks covering the whole paragraph: the id of the block it begins (bookmarks.ts). */
  bookmarks: string[];
}

/** The paragraph's text, every change included: its place's first words. */
export function plainText(node: XmlNode): string {
  const tag = tagOf(node);
  if (tag === 'w:t' || tag === 'w:delText') return textOf(node);
  if (tag === 'w:tab') return ' ';
  return childrenOf(node).map(plainText).join('');
}

/** A paragraph's style, as the reader knows it (styles.ts); `Normal` when it names none. */
export function paragraphStyle(node: XmlNode, context: Pick<RunContext, 'style'>): string {
  const properties = child(node, 'w:pPr');
  const style = properties && child(properties, 'w:pStyle');
  return context.style((style && attribute(style, 'w:val')) ?? 'Normal');
}

export function readParagraph(node: XmlNode, context: RunContext): WordParagraph {
  context.place.paragraph++;
  context.place.words = plainText(node).trim();
  const properties = child(node, 'w:pPr');
  reportFormattingChange(properties, 'w:pPrChange', context);
  const markProperties = properties && child(properties, 'w:rPr');
  const style = paragraphStyle(node, context);
  const { pieces: read, covering } = readBookmarks(
    readParagraphPieces(
      childrenOf(node).filter((c) => tagOf(c) !== 'w:pPr'),
      context,
    ),
  );
  // A figure's paragraph holds its picture; a picture anywhere else has no place in the dialect.
  const picture = read.find((p) => p.kind === 'picture');
  const pieces = read.flatMap((piece): Piece[] => {
    if (piece.kind !== 'picture') return [piece];
    if (style === STYLES.figure && piece === picture) return [];
    const kept: Piece[] = [];
    unsupported(kept, 'a picture', piece.mark, context, undefined, 'w:drawing');
    return kept;
  });
  return {
    alt: style === STYLES.figure ? picture?.alt : undefined,
    pictureName: style === STYLES.figure ? picture?.name : undefined,
    style,
    rtl: isOn(properties, 'w:bidi'),
    mark: trackedAt(markProperties),
    pieces,
    bookmarks: covering,
  };
}

/** The pieces before the first tab (a label, a list's marker, a proposal's action) and after it; undefined without a tab. */
export function splitAtTab(pieces: readonly Piece[]): { before: Piece[]; after: Piece[] } | undefined {
  const index = pieces.findIndex((p) => p.kind === 'tab');
  if (index < 0) return undefined;
  return { before: pieces.slice(0, index), after: pieces.slice(index + 1) };
}

export const textOfPieces = (pieces: readonly Piece[]): string => pieces.map((p) => (p.kind === 'text' ? p.value : '')).join('');
