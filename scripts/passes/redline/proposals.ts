/**
 * A proposal in the new text where the old text has none (a MOD of a resolution redlined against
 * the resolution in force) wraps the old text: the blocks it holds are redlined against the old
 * blocks where it stands, and its Reasons, which explain the change and are no part of the text
 * changed, are kept as they are. This is how the base-text check reads a proposal too.
 */
import type { BlockNode, Proposal } from '../../model/types.js';
import type { Lang } from '../../i18n/languages.js';
import { redlinePieces } from './blocks.js';

export function wrapsOldText(old: readonly BlockNode[], next: readonly BlockNode[]): boolean {
  return !old.some((block) => block.type === 'proposal') && next.some((block) => block.type === 'proposal');
}

export function redlineIntoProposals(old: readonly BlockNode[], next: readonly BlockNode[], lang: Lang): BlockNode[] {
  const holder = new Map<BlockNode, Proposal>();
  for (const block of next) if (block.type === 'proposal') block.children.forEach((child) => holder.set(child, block));
  const unwrapped = next.flatMap((block) => (block.type === 'proposal' ? block.children : [block]));
  // Each piece goes where its new block stands; a deleted old block goes with the new block after it (or, at the end, before it).
  const pieces = redlinePieces(old, unwrapped, lang);
  const places = pieces.map((piece) => piece.next && holder.get(piece.next));
  for (let index = pieces.length - 2; index >= 0; index--) if (!pieces[index]!.next) places[index] = places[index + 1];
  for (let index = 1; index < pieces.length; index++) if (!pieces[index]!.next && !pieces[index + 1]) places[index] = places[index - 1];
  const out: BlockNode[] = [];
  pieces.forEach((piece, index) => {
    const proposal = places[index];
    if (!proposal) return out.push(...piece.blocks);
    const last = out.at(-1);
    if (last?.type === 'proposal' && last.id === proposal.id) last.children.push(...piece.blocks);
    else out.push({ ...proposal, children: [...piece.blocks] });
  });
  return out;
}
