/**
 * Where a line may break inside a word: at the points TeX's hyphenation
 * patterns for the language give (the hyphen package). Breaks after a hyphen
 * the word already has are ruled in ../line-breaks.ts, for every format.
 */
import { createRequire } from 'node:module';
import { LANGUAGES, type Lang } from '../../i18n/languages.js';
import type { HyphenationRules, StyleSheet } from '../style-sheet.js';
import { isAcronym } from '../line-breaks.js';

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
