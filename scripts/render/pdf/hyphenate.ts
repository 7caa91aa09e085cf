/**
 * Where a line may break inside a word: at the points TeX's hyphenation
 * patterns for the language give (the hyphen package), and after a hyphen the
 * word already has only when both parts are real words, so that "(ITU-D)" and
 * "CWG-SFP" stay whole while "socio-economic" may still break.
 */
import { createRequire } from 'node:module';
import { LANGUAGES, type Lang } from '../../i18n/languages.js';
import type { HyphenationRules, StyleSheet } from '../style-sheet.js';

type HyphenateSync = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

const require = createRequire(import.meta.url);
const hyphenators = new Map<string, HyphenateSync>();

function hyphenator(patterns: string): HyphenateSync {
  let hyphenate = hyphenators.get(patterns);
  if (!hyphenate) {
    hyphenate = (require(`hyphen/${patterns}`) as { hyphenateSync: HyphenateSync }).hyphenateSync;
    hyphenators.set(patterns, hyphenate);
  }
  return hyphenate;
}

const HARD_HYPHENS = new Set(['-', '\u2010']);
/** An acronym: all capitals (ITU, SFP, D), which a reader never expects to see cut. */
const isAcronym = (part: string) => part === part.toLocaleUpperCase() && part !== part.toLocaleLowerCase();

export interface Hyphenation {
  rules: HyphenationRules;
  /** Offsets in `text` after which a word may be cut with a hyphen. */
  points(text: string): number[];
}

/** The language's hyphenation, or undefined where its script is not hyphenated (Chinese, Arabic). */
export function hyphenationFor(lang: Lang, sheet: StyleSheet): Hyphenation | undefined {
  const rules = sheet.hyphenation.scripts[LANGUAGES[lang].script];
  const patterns = sheet.hyphenation.patterns[lang];
  if (!rules || !patterns) return undefined;
  const hyphenate = hyphenator(patterns);
  return { rules, points: (text) => wordPoints(text, rules, hyphenate) };
}

function wordPoints(text: string, rules: HyphenationRules, hyphenate: HyphenateSync): number[] {
  const points: number[] = [];
  let index = 0;
  for (const word of letterRuns(text)) {
    index = text.indexOf(word, index);
    const letters = [...word];
    if (letters.length >= rules.minWord && !isAcronym(word)) {
      const pieces = hyphenate(word, { hyphenChar: '\u00AD', minWordLength: rules.minWord }).split('\u00AD');
      let offset = 0;
      let count = 0;
      for (const piece of pieces.slice(0, -1)) {
        offset += piece.length;
        count += [...piece].length;
        if (count >= rules.minLeft && letters.length - count >= rules.minRight) points.push(index + offset);
      }
    }
    index += word.length;
  }
  return points;
}

const letterRuns = (text: string) => text.split(/[^\p{L}\p{M}]+/u).filter(Boolean);

/**
 * Whether the Unicode break opportunity after text[position - 1] is one to take:
 * after a hyphen inside a word, only when both parts have `minPart` letters and
 * neither is an acronym.
 */
export function keepsBreak(text: string, position: number, minPart: number): boolean {
  if (!HARD_HYPHENS.has(text[position - 1] ?? '')) return true;
  const before = partBefore(text, position - 1);
  const after = partAfter(text, position);
  if (!before || !after) return true;
  return [before, after].every((part) => [...part].length >= minPart && !isAcronym(part));
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

function partBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

function partAfter(text: string, start: number): string {
  let end = start;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  return text.slice(start, end);
}
