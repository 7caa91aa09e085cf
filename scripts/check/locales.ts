/**
 * The locale check: every language has every key, with the same placeholders.
 * Plural keys (`name_one`, `name_few`…) are compared as one family, each
 * language needing the forms its own plural rules use (Intl.PluralRules):
 * Arabic six, Russian four, Chinese one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { location } from 'vfile-location';
import { reportError } from '../diagnostics/report.js';
import { LANGS, type Lang } from '../i18n/languages.js';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** `{{name}}` or `{{name, format}}`: the name is what must be kept. */
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

interface LocaleFile {
  lang: Lang;
  file: VFile;
  doc: Document;
  /** Flattened key → string value. */
  values: Map<string, string>;
}

function read(localesDir: string, root: string, lang: Lang): LocaleFile {
  const full = path.join(localesDir, lang, 'common.json');
  const file = new VFile({ path: path.relative(root, full), value: readFileSync(full, 'utf8') });
  // JSON is YAML: the YAML parser gives every key its place in the file.
  const doc = parseDocument(String(file.value));
  const values = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) walk(inner, prefix ? `${prefix}.${key}` : key);
    } else if (typeof value === 'string') {
      values.set(prefix, value);
    } else {
      reportError(
        file,
        placeOf(file, doc, prefix.split('.')),
        `The locale value "${prefix}" is not a string`,
        'Write every word as a JSON string',
        'locale-value',
      );
    }
  };
  walk(doc.toJS(), '');
  return { lang, file, doc, values };
}

function placeOf(file: VFile, doc: Document, keyPath: string[]) {
  const where = location(file);
  for (let length = keyPath.length; length > 0; length--) {
    const node = doc.getIn(keyPath.slice(0, length), true);
    if (node && (isScalar(node) || isMap(node)) && node.range) return where.toPoint(node.range[0]);
  }
  return { line: 1, column: 1 };
}

const family = (key: string) => key.replace(PLURAL_SUFFIX, '');
const placeholders = (value: string) => [...value.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();

export function checkLocales(localesDir: string, root: string): VFile[] {
  const locales = LANGS.map((lang) => read(localesDir, root, lang));
  const plural = new Set<string>();
  const all = new Set<string>();
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
          locale.file,
          placeOf(locale.file, locale.doc, needed.split('.').slice(0, -1)),
          `Missing locale key "${needed}" (present in ${owners.join(', ')})`,
          plural.has(key)
            ? `Add "${needed.split('.').pop()}": ${locale.lang} needs the plural forms ${categories.join(', ')}`
            : `Add "${needed.split('.').pop()}" with the ${locale.lang} wording`,
          'missing-locale-key',
        );
      }
    }
  }
  // Placeholders must match those of English, the reference for the templates.
  const english = locales.find((l) => l.lang === 'en')!;
  for (const locale of locales) {
    if (locale === english) continue;
    for (const [key, value] of locale.values) {
      const reference = english.values.get(key) ?? english.values.get(`${family(key)}_other`);
      if (reference === undefined) continue;
      const expected = placeholders(reference).filter((p) => p !== 'count' || !plural.has(family(key)));
      const actual = placeholders(value).filter((p) => p !== 'count' || !plural.has(family(key)));
      if (expected.join() !== actual.join()) {
        reportError(
          locale.file,
          placeOf(locale.file, locale.doc, key.split('.')),
          `"${key}" has the placeholders {{${actual.join('}}, {{')}}} where English has {{${expected.join('}}, {{')}}}`,
          'Keep every placeholder of the English text (in the place your language needs it): a missing one would drop words from the documents',
          'locale-placeholders',
        );
      }
    }
  }
  return locales.map((l) => l.file);
}

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
