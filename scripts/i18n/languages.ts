/** The six official languages of the Union, with the letter ITU appends to document symbols. */
export const LANGUAGES = {
  ar: { letter: 'A', dir: 'rtl', script: 'arabic' },
  zh: { letter: 'C', dir: 'ltr', script: 'han' },
  en: { letter: 'E', dir: 'ltr', script: 'latin' },
  fr: { letter: 'F', dir: 'ltr', script: 'latin' },
  ru: { letter: 'R', dir: 'ltr', script: 'cyrillic' },
  es: { letter: 'S', dir: 'ltr', script: 'latin' },
} as const;

export type Lang = keyof typeof LANGUAGES;
export const LANGS = Object.keys(LANGUAGES) as Lang[];

export function isLang(value: string): value is Lang {
  return Object.hasOwn(LANGUAGES, value);
}

/** The writing system a language is set in: the key of everything typographic in `templates/styles.json`. */
export type Script = (typeof LANGUAGES)[Lang]['script'];

/** Every script of the six languages, once. */
export const SCRIPTS = [...new Set(Object.values(LANGUAGES).map((language) => language.script))] as [Script, ...Script[]];

/** The scripts that put a space between words (Chinese does not). */
const SPACED_SCRIPTS: ReadonlySet<Script> = new Set<Script>(['latin', 'cyrillic', 'arabic']);

export function usesSpaces(script: Script): boolean {
  return SPACED_SCRIPTS.has(script);
}
