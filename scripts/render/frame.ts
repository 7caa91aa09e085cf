/**
 * The words of the document frame (conference block, document number,
 * "Original:", source), resolved from the metadata and the locale. Shared by
 * every renderer so that the three formats print the same frame.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
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

export type FrameRegion = 'conference' | 'document' | 'heading';
const REGIONS: readonly FrameRegion[] = ['conference', 'document', 'heading'];

export interface FrameLine {
  text: string;
  /** A style name of the style sheets: conferenceName, conferencePlace, strong, source, note, or none. */
  style: string | undefined;
}

export type FrameLayout = Record<FrameRegion, FrameLine[]>;

/**
 * Reads the frame template of a document type (`templates/frames/<type>.hbs`).
 * The template only calls `{{#region}}` and `{{line}}`; what it prints is
 * ignored, so it orders the frame without knowing any output format.
 */
export function loadFrameTemplates(templatesDir: string): (frame: Frame, type: string) => FrameLayout {
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  return (frame, type) => {
    let template = compiled.get(type);
    if (!template) {
      const instance = Handlebars.create();
      template = instance.compile(readFileSync(path.join(templatesDir, 'frames', `${type}.hbs`), 'utf8'), { strict: false });
      compiled.set(type, template);
    }
    const layout: FrameLayout = { conference: [], document: [], heading: [] };
    let current: FrameRegion | undefined;
    template(frame, {
      helpers: {
        region(this: unknown, name: string, options: Handlebars.HelperOptions) {
          if (!REGIONS.includes(name as FrameRegion))
            throw new Error(`templates/frames/${type}.hbs: unknown region "${name}"; use ${REGIONS.join(', ')}`);
          current = name as FrameRegion;
          options.fn(this);
          current = undefined;
          return '';
        },
        line(text: unknown, options: Handlebars.HelperOptions) {
          if (!current) throw new Error(`templates/frames/${type}.hbs: {{line}} outside a {{#region}}`);
          if (typeof text === 'string' && text) layout[current].push({ text, style: options.hash.style as string | undefined });
          return '';
        },
      },
    });
    return layout;
  };
}
