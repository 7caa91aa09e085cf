/** One `w:p` read: its style, direction, the change on its paragraph mark, and its pieces. */
import { report } from './messages.js';
import { readPieces, type Mark, type Piece, type RunContext } from './runs.js';
import { trackedAt } from './tracked-changes.js';
import { attribute, child, childrenOf, isOn, tagOf, textOf, type XmlNode } from './xml.js';

export interface WordParagraph {
  style: string;
  rtl: boolean;
  /** An inserted or deleted paragraph mark: the whole paragraph was inserted or deleted. */
  mark: Mark;
  pieces: Piece[];
}

/** The paragraph's text, every change included: its place's first words. */
export function plainText(node: XmlNode): string {
  const tag = tagOf(node);
  if (tag === 'w:t' || tag === 'w:delText') return textOf(node);
  if (tag === 'w:tab') return ' ';
  return childrenOf(node).map(plainText).join('');
}

export function readParagraph(node: XmlNode, context: RunContext): WordParagraph {
  context.place.paragraph++;
  context.place.words = plainText(node).trim();
  const properties = child(node, 'w:pPr');
  const style = (properties && child(properties, 'w:pStyle') && attribute(child(properties, 'w:pStyle')!, 'w:val')) ?? 'Normal';
  if (properties && child(properties, 'w:pPrChange'))
    report(context, 'warning', 'a paragraph formatting change (w:pPrChange) is not taken: the dialect tracks text, not formatting', 'accept or reject it in Word if it matters');
  const markProperties = properties && child(properties, 'w:rPr');
  return {
    style,
    rtl: isOn(properties, 'w:bidi'),
    mark: trackedAt(markProperties),
    pieces: readPieces(
      childrenOf(node).filter((c) => tagOf(c) !== 'w:pPr'),
      undefined,
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
