/**
 * How a justified line takes up its slack: at its spaces (Latin, Cyrillic,
 * Arabic), or in the gaps next to Chinese characters, never between the
 * letters of a Latin word, an acronym, a figure or an address. Each script's
 * bound is in the style sheet; a line that would need more is left ragged
 * rather than spread (a short line before a long address, a narrow cell).
 */
import type { Justification } from '../style-sheet.js';
import { FULL_WIDTH_IN_CHINESE, isHanCodePoint } from '../../i18n/characters.js';

export type PieceKind = 'space' | 'ideographic' | 'other';

/** A piece of a line in visual order: a space, a run of Chinese characters, or a run of anything else. */
export interface Piece {
  kind: PieceKind;
  text: string;
  width: number;
}

/** Per piece: spacing after each of its characters, and the width it gains in all. */
export interface Spread {
  characterSpacing: number;
  extra: number;
}

/** Chinese characters and the punctuation set full-width among them: where a Chinese line may stretch. */
export function isIdeographic(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return isHanCodePoint(code) || FULL_WIDTH_IN_CHINESE.has(code);
}

/** How each piece stretches to take up `slack` points, or undefined when the line is to be left ragged. */
export function spread(pieces: readonly Piece[], slack: number, rule: Justification, size: number): Spread[] | undefined {
  if (slack <= 0) return undefined;
  return rule.stretch === 'spaces' ? atSpaces(pieces, slack, rule.maxWordGap) : atIdeographs(pieces, slack, rule.maxLetterGap * size);
}

function atSpaces(pieces: readonly Piece[], slack: number, maxWordGap: number): Spread[] | undefined {
  const spaces = pieces.filter((p) => p.kind === 'space');
  const natural = spaces.reduce((sum, p) => sum + p.width, 0);
  if (!spaces.length || natural <= 0 || (natural + slack) / natural > maxWordGap) return undefined;
  const each = slack / spaces.length;
  return pieces.map((p) => ({ characterSpacing: 0, extra: p.kind === 'space' ? each : 0 }));
}

/** Units of stretch per piece: every gap that has a Chinese character on either side, and every space. */
function units(pieces: readonly Piece[]): number[] {
  return pieces.map((piece, index) => {
    const last = index === pieces.length - 1;
    if (piece.kind === 'space') return 1;
    if (piece.kind === 'ideographic') return [...piece.text].length - (last ? 1 : 0);
    return !last && pieces[index + 1]!.kind === 'ideographic' ? 1 : 0;
  });
}

function atIdeographs(pieces: readonly Piece[], slack: number, maxGap: number): Spread[] | undefined {
  const counts = units(pieces);
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (!total || slack / total > maxGap) return undefined;
  const gap = slack / total;
  return pieces.map((piece, index) => ({
    characterSpacing: piece.kind === 'ideographic' ? gap : 0,
    extra: counts[index]! * gap,
  }));
}

/** Cuts text into runs of Chinese characters and runs of anything else. */
export function byClass(text: string): { text: string; kind: Exclude<PieceKind, 'space'> }[] {
  const parts: { text: string; kind: Exclude<PieceKind, 'space'> }[] = [];
  for (const char of text) {
    const kind = isIdeographic(char) ? 'ideographic' : 'other';
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += char;
    else parts.push({ text: char, kind });
  }
  return parts;
}
