/**
 * The locale check: every language has every key, with the same placeholders.
 * Plural keys (`name_one`, `name_few`…) are compared as one family, each
 * language needing the forms its own plural rules use (Intl.PluralRules):
 * Arabic six, Russian four, Chinese one.
 */
import type { VFile } from 'vfile';
import { hasErrors, reportError } from '../diagnostics/report.js';
import { placeOfPath } from '../read/json.js';
import { WORDS_THE_WRITERS_PRINT, readLocaleFile, type LocaleSource } from '../i18n/locales.js';
import { LANGS } from '../i18n/languages.js';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** `{{name}}` or `{{name, format}}`: the name is what must be kept. */
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

/** The place of a key, or of the nearest object above it that exists. */
const placeOf = (locale: LocaleSource, keyPath: string[]) => placeOfPath(locale.json, keyPath);

const family = (key: string) => key.replace(PLURAL_SUFFIX, '');
const placeholders = (value: string) => [...value.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();

export function checkLocales(localesDir: string, root: string): VFile[] {
  const locales = LANGS.map((lang) => readLocaleFile(localesDir, lang, root));
  const files = locales.map((l) => l.json.file);
  // Keys are compared only between files that read well: a broken one would make the others look wrong.
  if (files.some(hasErrors)) return files;
  const plural = new Set<string>();
  // A word no language has is still missing when a writer prints it.
  const all = new Set<string>(WORDS_THE_WRITERS_PRINT);
  for (const locale of locales) {
    for (const key of locale.values.keys()) {
      all.add(family(key));
      if (PLURAL_SUFFIX.test(key)) plural.add(family(key));
    }
  }
  for (const locale of locales) {
    const categories = new Intl.PluralRules(locale.lang).resolvedOptions().pluralCategories;
    for (const key of [...all].sort()) {
      const keys = plural.has(key) ? categories.map((c) => `${key}_${c}`) : [key];
      for (const needed of keys) {
        if (locale.values.has(needed)) continue;
        const owners = locales
          .filter((l) => l.values.has(needed) || [...l.values.keys()].some((k) => family(k) === key))
          .map((l) => l.lang);
        reportError(
          locale.json.file,
          placeOf(locale, needed.split('.').slice(0, -1)),
          `Missing locale key "${needed}" (${owners.length ? `present in ${owners.join(', ')}` : 'the writers print it'})`,
          plural.has(key)
            ? `Add "${needed.split('.').pop()}": ${locale.lang} needs the plural forms ${categories.join(', ')}`
            : `Add "${needed.split('.').pop()}" with the ${locale.lang} wording`,
          'missing-locale-key',
        );
      }
    }
  }
  checkPlaceholders(locales, plural);
  for (const locale of locales) checkIntlTag(locale);
  return files;
}

/** `numbers.intl` is handed to Intl to format dates and figures: a tag Intl cannot read would throw there. */
function checkIntlTag(locale: LocaleSource): void {
  const tag = locale.values.get('numbers.intl');
  if (tag === undefined) return;
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    reportError(
      locale.json.file,
      placeOf(locale, ['numbers', 'intl']),
      `"numbers.intl" is "${tag}", which is no language tag`,
      'Write a BCP 47 tag such as "fr-FR" or "ar-u-nu-latn"',
      'locale-value',
    );
  }
}

/**
 * Every language keeps the placeholders of a word (each plural form those of the word). The reference
 * is what most languages have (English where they split evenly), so a placeholder added to or dropped
 * from one language is reported in that language, not in the five others.
 */
function checkPlaceholders(locales: readonly LocaleSource[], plural: ReadonlySet<string>): void {
  const families = new Set(locales.flatMap((locale) => [...locale.values.keys()].map(family)));
  for (const name of families) {
    const counted = plural.has(name);
    const setOf = (value: string) =>
      placeholders(value)
        .filter((p) => p !== 'count' || !counted)
        .join();
    const votes = new Map<string, LocaleSource[]>();
    for (const locale of locales) {
      const word = locale.values.get(counted ? `${name}_other` : name);
      if (word !== undefined) votes.set(setOf(word), [...(votes.get(setOf(word)) ?? []), locale]);
    }
    const ranked = [...votes].sort(([, a], [, b]) => b.length - a.length || Number(hasEnglish(b)) - Number(hasEnglish(a)));
    if (!ranked[0]) continue;
    const [reference, holders] = ranked[0];
    for (const locale of locales) {
      for (const [key, value] of locale.values) {
        if (family(key) !== name || setOf(value) === reference) continue;
        reportError(
          locale.json.file,
          placeOf(locale, key.split('.')),
          `"${key}" has ${shown(setOf(value))} where ${holders.map((l) => l.lang).join(', ')} ${holders.length > 1 ? 'have' : 'has'} ${shown(reference)}`,
          'Keep the placeholders the other languages have, in the place your language needs them: a missing one drops words from the documents',
          'locale-placeholders',
        );
      }
    }
  }
}

const hasEnglish = (locales: readonly LocaleSource[]) => locales.some((l) => l.lang === 'en');
const shown = (set: string) => (set ? `the placeholders {{${set.split(',').join('}}, {{')}}}` : 'no placeholder');

/**
 * Keys no template or pass looked up while the selected documents were built and
 * rendered. Vocabularies (call words, places, languages, sources, conferences)
 * are offered whole and are not listed; a key listed here is a candidate for
 * removal, or a word a template forgot to print.
 */
export const VOCABULARIES = ['callWords.', 'places.', 'languageName.', 'languageFrom.', 'sources.', 'conference.', 'meetings.', 'summary.'];

export function unusedKeys(resources: Record<string, unknown>, used: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    else keys.push(prefix.replace(PLURAL_SUFFIX, ''));
  };
  walk(resources, '');
  return [...new Set(keys)].filter((key) => !used.has(key) && !VOCABULARIES.some((v) => key.startsWith(v))).sort();
}
