/**
 * Locale files: `locales/<lang>/common.json`, read with i18next. A key missing
 * in a language is an error, never a fall-back to another language.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n } from 'i18next';
import type { VFile } from 'vfile';
import { InvalidSourceError, hasErrors, reportError } from '../diagnostics/report.js';
import { parseJson, placeOfPath, type JsonSource } from '../read/json.js';
import { LIMITS } from '../read/limits.js';
import { readTextFile } from '../read/text.js';
import { formatCharactersOf } from './format-characters.js';
import { LANGS, type Lang } from './languages.js';

export class MissingLocaleKeyError extends Error {
  constructor(
    readonly lang: Lang,
    readonly key: string,
    readonly localeFile: string,
  ) {
    super(`the locale key "${key}" is missing in ${localeFile}`);
  }
}

export interface Locale {
  lang: Lang;
  file: string;
  /** Translates `key`; throws MissingLocaleKeyError when the language lacks it. */
  t(key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
  keys(prefix: string): string[];
  resources: Record<string, unknown>;
  /** Every key looked up so far (plural families by their base key). */
  used: Set<string>;
}

export interface LocaleSource {
  lang: Lang;
  json: JsonSource;
  /** The words, when the file is valid: nested objects of strings. */
  resources: Record<string, unknown> | undefined;
  /** Every word by its flattened key (`labels.table`). */
  values: Map<string, string>;
}

/**
 * Words the writers print on their own (not through the model, whose words the model builder
 * looks up and reports): `check` asks every locale for them, so a build never meets a missing one.
 */
export const WORDS_THE_WRITERS_PRINT = [
  'proposal.reasons',
  'labels.languages',
  'labels.figurePlaceholder',
  ...LANGS.map((lang) => `languageName.${lang}`),
];

export const localeFileOf = (localesDir: string, lang: Lang) => path.join(localesDir, lang, 'common.json');

/**
 * Reads and checks one locale file: UTF-8, JSON, every value a string of a sensible length or an
 * object of such, each problem at its place. `root`: the folder file names are given relative to.
 */
export function readLocaleFile(localesDir: string, lang: Lang, root: string = path.dirname(localesDir)): LocaleSource {
  const { file, text } = readTextFile(localeFileOf(localesDir, lang), root, {
    ...formatCharactersOf(lang),
    missing: `Create it with every key of ${path.join(path.basename(localesDir), 'en', 'common.json')}, in ${lang}`,
  });
  const json = text === undefined ? { file, tree: undefined, value: undefined } : parseJson(file, text, 'locale file');
  const values = new Map<string, string>();
  if (!json.tree) return { lang, json, resources: undefined, values };
  if (!isObject(json.value)) {
    reportError(
      file,
      placeOfPath(json, []),
      'A locale file holds one JSON object of words',
      'Write it as { "key": "word", … }',
      'locale-value',
    );
    return { lang, json, resources: undefined, values };
  }
  // Objects nest at most LIMITS.dataNesting deep (parseJson checked), so the walk's depth is bounded.
  const walk = (value: unknown, keyPath: string[]) => {
    if (isObject(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, [...keyPath, key]);
    } else if (typeof value !== 'string') {
      reportError(
        file,
        placeOfPath(json, keyPath),
        `The locale value "${keyPath.join('.')}" is not a string`,
        'Write every word as a JSON string',
        'locale-value',
      );
    } else if (value.length > LIMITS.localeString) {
      reportError(
        file,
        placeOfPath(json, keyPath),
        `The locale value "${keyPath.join('.')}" is ${value.length} characters long, more than the ${LIMITS.localeString} a word of the pipeline may be`,
        'Shorten it: locale files hold the words the templates print, not documents',
        'locale-value',
      );
    } else values.set(keyPath.join('.'), value);
  };
  walk(json.value, []);
  return { lang, json, resources: hasErrors(file) ? undefined : json.value, values };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const cache = new Map<string, Locale>();

export function loadLocale(localesDir: string, lang: Lang): Locale {
  const file = localeFileOf(localesDir, lang);
  // Read again once the file has changed (`build --watch` runs for as long as an editor works).
  const key = `${file}@${statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 'missing'}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const source = readLocaleFile(localesDir, lang);
  if (!source.resources) throw new InvalidSourceError([source.json.file as VFile]);
  const resources = source.resources;
  const instance: i18n = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: false,
    initAsync: false,
    resources: { [lang]: { translation: resources } },
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
  });
  // Titles print their place names in capitals (`{{place, uppercase}}`) beside words a language keeps
  // in lower case (Russian "г."), so the case is the locale's to write, not a style's to force.
  instance.services.formatter?.add('uppercase', (value: unknown) => String(value).toLocaleUpperCase(lang));
  const locale: Locale = {
    lang,
    file,
    resources,
    used: new Set(),
    has: (key) => instance.exists(key),
    t(key, values) {
      locale.used.add(key);
      // With a `count`, i18next resolves the language's plural form (key_one, key_few…).
      if (!instance.exists(key, values)) throw new MissingLocaleKeyError(lang, key, file);
      return instance.t(key, { ...values, interpolation: { escapeValue: false } });
    },
    keys(prefix) {
      const node = prefix.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], resources);
      return node && typeof node === 'object' ? Object.keys(node) : [];
    },
  };
  cache.set(key, locale);
  return locale;
}
