/**
 * The words of the document frame (conference block, document number,
 * "Original:", source), resolved from the metadata and the locale. Shared by
 * every renderer so that the three formats print the same frame.
 */
import type { ModelDocument } from '../model/types.js';
import { LANGUAGES } from '../i18n/languages.js';
import type { Locale } from '../i18n/locales.js';

export interface Frame {
  lang: string;
  dir: 'ltr' | 'rtl';
  script: string;
  letter: string;
  title: string;
  conference: string;
  placeAndYear: string;
  addendum?: string | undefined;
  documentNumber: string;
  date?: string | undefined;
  original: string;
  source: string;
  workingTranslation?: string | undefined;
  footnotesLabel: string;
}

export function buildFrame(doc: ModelDocument, locale: Locale): Frame {
  const { meta } = doc;
  const language = LANGUAGES[doc.lang];
  const t = locale.t;
  return {
    lang: doc.lang,
    dir: doc.dir,
    script: language.script,
    letter: language.letter,
    title: doc.front.title,
    conference: t(`conference.${meta.conference.key}`),
    placeAndYear: t('conference.placeAndYear', { place: t(`places.${meta.conference.place}`), year: meta.conference.year }),
    addendum: meta.document.addendum === undefined ? undefined : t('frame.addendum', { addendum: meta.document.addendum }),
    documentNumber: t('frame.document', { number: meta.document.number, letter: language.letter }),
    date: meta.date === undefined ? undefined : t('frame.date', { date: formatDate(meta.date, doc.lang) }),
    original: t('frame.original', { language: t(`languageName.${meta.originalLanguage}`) }),
    source: t(`sources.${meta.source}`),
    workingTranslation:
      doc.front.translation?.status === 'working'
        ? t('frame.workingTranslation', { language: t(`languageName.${doc.front.translation.from}`) })
        : undefined,
    footnotesLabel: t('labels.footnoteCount', { count: doc.footnotes.length }),
  };
}

/** Dates through Intl with the language's own conventions (UTC, so the day never shifts). */
export function formatDate(isoDate: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
