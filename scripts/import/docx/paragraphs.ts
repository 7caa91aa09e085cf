/** One `w:p` read: its style, direction, the change on its paragraph mark, and its pieces. */
import { report } from './messages.js';
import { readParagraphPieces } from './fields.js';
import type { Mark, Piece, RunContext } from './runs.js';
import { trackedAt } from './tracked-changes.js';
import { attribute, child, childrenOf, descendant, isOn, tagOf, textOf, type XmlNode } from './xml.js';

export interface WordParagraph {
  style: string;
  rtl: boolean;
  /** An inserted or deleted paragraph mark: the whole paragraph was inserted or deleted. */
  mark: Mark;
  pieces: Piece[];
  /** The description of a picture in it (`wp:docPr`'s `descr`): a figure's alt text. */
  alt?: string | undefined;
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
  if (properties && child(properties, 'w:pPrChange'))
    report(
      context,
      'warning',
      'a paragraph formatting change (w:pPrChange) is not taken: the dialect tracks text, not formatting',
      'accept or reject it in Word if it matters',
    );
  const markProperties = properties && child(properties, 'w:rPr');
  const picture = descendant(childrenOf(node), 'wp:docPr');
  return {
    alt: picture && attribute(picture, 'descr'),
    style: paragraphStyle(node, context),
    rtl: isOn(properties, 'w:bidi'),
    mark: trackedAt(markProperties),
    pieces: readParagraphPieces(
      childrenOf(node).filter((c) => tagOf(c) !== 'w:pPr'),
      context,
    ),
  };
}

/** The pieces before the first tab (a label, a list's marker, a proposal's action) and after it; undefined without a tab. */
export function splitAtTab(pieces: readonly Piece[]): { before: Piece[]; after: Piece[] } | undefined {
  const index = pieces.findIndex((p) => p.kind === 'tab');
  if (index < 0) return undefined;
  return { before: pieces.slice(0, index), after: pieces.slice(index + 1) };
}

export const textOfPieces = (pieces: readonly Piece[]): string => pieces.map((p) => (p.kind === 'text' ? p.value : '')).join('');
