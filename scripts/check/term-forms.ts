/**
 * How a glossary form is found in a text. Chinese is written without spaces, so a form is found
 * wherever its characters stand; the other languages match whole words, ignoring case. In a form,
 * `*` stands for the rest of a word (`стратегическ* цел*` finds every case of стратегические цели),
 * a space for any run of white space, an apostrophe for ' or ’. A language may let words attach in
 * front of a form (Arabic و, ب, ل…) and may write a form's start otherwise after them (ل + ال → لل).
 */
import { LANGUAGES, type Lang } from '../i18n/languages.js';

export interface WritingRules {
  /** Words written as one with the word they precede. */
  prefixes: readonly string[];
  /** A form starting with a key may start with any of its values instead, after a prefix or not. */
  startVariants: Readonly<Record<string, readonly string[]>>;
}

export const NO_WRITING_RULES: WritingRules = { prefixes: [], startVariants: {} };

const LETTER = String.raw`[\p{L}\p{M}\p{N}]`;

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function formBody(form: string): string {
  return escape(form)
    .replace(/\*/g, String.raw`[\p{L}\p{M}]*`)
    .replace(/\s+/g, String.raw`\s+`)
    .replace(/['’]/g, "['’]");
}

/** One pattern finding any of `forms` in a text of `lang`. */
export function termPattern(forms: readonly string[], lang: Lang, rules: WritingRules = NO_WRITING_RULES): RegExp {
  if (LANGUAGES[lang].script === 'han') return new RegExp(forms.map(formBody).join('|'), 'u');
  const written = forms.flatMap((form) => {
    const variants = Object.entries(rules.startVariants).flatMap(([start, others]) =>
      form.startsWith(start) ? others.map((other) => other + form.slice(start.length)) : [],
    );
    return [form, ...variants].map(formBody);
  });
  // Longest first, so that a prefix is not taken for the start of a shorter form.
  const prefixes = [...rules.prefixes].sort((a, b) => b.length - a.length).map(escape);
  const prefix = prefixes.length ? `(?:${prefixes.join('|')})?` : '';
  return new RegExp(`(?<!${LETTER})${prefix}(?:${written.join('|')})(?!${LETTER})`, 'iu');
}
