/**
 * Locale files: `locales/<lang>/common.json`, read with i18next. A key missing
 * in a language is an error, never a fall-back to another language.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n } from 'i18next';
import type { Lang } from './languages.js';

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

const cache = new Map<string, Locale>();

export function loadLocale(localesDir: string, lang: Lang): Locale {
  const file = path.join(localesDir, lang, 'common.json');
  // Read again once the file has changed (`build --watch` runs for as long as an editor works).
  const key = `${file}@${statSync(file).mtimeMs}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const resources = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
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
