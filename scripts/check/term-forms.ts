/**
 * How a glossary form is found in a text. Chinese is written without spaces, so a form is found
 * wherever its characters stand; the other languages match whole words, ignoring case. In a form,
 * `*` stands for the rest of a word (`стратегическ* цел*` finds every case of стратегические цели),
 * a space for any run of white space, an apostrophe for ' or ’.
 *
 * A language's writing rules (the glossary's `writing`) say what else may be written as one with a
 * form's words, as in Arabic: a conjunction or preposition before the first word (والدول), the
 * article on any word or not (الغايات الاستراتيجية, غايات استراتيجية), a pronoun after any word
 * (غاياته الاستراتيجية), with the letter a word ends in written otherwise before it (غاية → غايتها).
 */
import { LANGUAGES, type Lang } from '../i18n/languages.js';

export interface WritingRules {
  /** Written as one with the first word of a form. */
  prefixes: readonly string[];
  /** The definite article and its other spellings (ل + ال = لل): a form's word that has it may be written without it. */
  article: readonly string[];
  /** Pronouns written as one with the word they follow. */
  suffixes: readonly string[];
  /** A word ending with a key may end with any of its values instead (before a pronoun). */
  endVariants: Readonly<Record<string, readonly string[]>>;
}

export const NO_WRITING_RULES: WritingRules = { prefixes: [], article: [], suffixes: [], endVariants: {} };

const LETTER = String.raw`[\p{L}\p{M}\p{N}]`;

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** One pattern finding every one of `forms` in a text of `lang` (global: use it with matchAll or search). */
export function termPattern(forms: readonly string[], lang: Lang, rules: WritingRules = NO_WRITING_RULES): RegExp {
  if (LANGUAGES[lang].script === 'han') return new RegExp(forms.map((form) => characters(form)).join('|'), 'gu');
  const written = forms.map((form) =>
    form
      .trim()
      .split(/\s+/)
      .map((word) => wordPattern(word, rules))
      .join(String.raw`\s+`),
  );
  return new RegExp(`(?<!${LETTER})${anyOf(rules.prefixes)}(?:${written.join('|')})(?!${LETTER})`, 'giu');
}

function wordPattern(word: string, rules: WritingRules): string {
  const article = rules.article.find((spelling) => word.startsWith(spelling));
  const stem = article ? word.slice(article.length) : word;
  const ending = Object.entries(rules.endVariants).find(([end]) => stem.endsWith(end));
  const body = ending
    ? `${characters(stem.slice(0, -ending[0].length))}(?:${[ending[0], ...ending[1]].map(escape).join('|')})`
    : characters(stem);
  return `${article ? anyOf(rules.article) : ''}${body}${anyOf(rules.suffixes)}`;
}

function characters(text: string): string {
  return escape(text)
    .replace(/\*/g, String.raw`[\p{L}\p{M}]*`)
    .replace(/\s+/g, String.raw`\s+`)
    .replace(/['’]/g, "['’]");
}

/** An optional group of affixes, longest first so that a short one is not taken for part of a long one. */
function anyOf(affixes: readonly string[]): string {
  if (!affixes.length) return '';
  return `(?:${[...affixes]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})?`;
}
