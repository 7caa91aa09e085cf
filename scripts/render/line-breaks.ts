/**
 * Breaks after a hyphen a word already has, decided once for every format: a
 * line breaks there only when both parts are real words, so that "(ITU-D)" and
 * "CWG-SFP" stay whole while "socio-economic" may still break. The PDF's line
 * breaker drops those break opportunities; the HTML holds such words together.
 */
const HARD_HYPHENS = new Set(['-', '\u2010']);
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/** An acronym: all capitals (ITU, SFP, D), which a reader never expects to see cut. */
export const isAcronym = (part: string) => part === part.toLocaleUpperCase() && part !== part.toLocaleLowerCase();

/**
 * Whether the Unicode break opportunity after text[position - 1] is one to take:
 * after a hyphen inside a word, only when both parts have `minPart` letters and
 * neither is an acronym.
 */
export function keepsBreak(text: string, position: number, minPart: number): boolean {
  if (!HARD_HYPHENS.has(text[position - 1] ?? '')) return true;
  const before = text.slice(wordStart(text, position - 1), position - 1);
  const after = text.slice(position, wordEnd(text, position));
  if (!before || !after) return true;
  return [before, after].every((part) => [...part].length >= minPart && !isAcronym(part));
}

/** The [start, end) ranges of the hyphenated words in `text` that must not break at their hyphens. */
export function wholeWords(text: string, minPart: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 1; i < text.length; i++) {
    if (!HARD_HYPHENS.has(text[i - 1]!) || keepsBreak(text, i, minPart)) continue;
    let start = wordStart(text, i - 1);
    let end = wordEnd(text, i);
    // A word with several hyphens (ITU-D-SFP) is one range.
    const previous = ranges[ranges.length - 1];
    if (previous && previous[1] >= start - 1) {
      start = previous[0];
      ranges.pop();
    }
    end = Math.max(end, i);
    ranges.push([start, end]);
  }
  return ranges;
}

function wordStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  return start;
}

function wordEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  return end;
}
