/**
 * The words of the document frame (conference block, document number,
 * "Original:", source), resolved from the metadata and the locale while the
 * model is built, so that a missing word is reported by `check` like any other
 * problem. Every renderer prints the same frame.
 */
import type { BuildContext } from './context.js';
import type { Footnote, Frame } from './types.js';
import type { LanguageFrontMatter } from './metadata.js';
import { LANGUAGES, type Lang } from '../i18n/languages.js';

export function buildFrame(ctx: BuildContext, lang: Lang, front: LanguageFrontMatter, footnotes: readonly Footnote[]): Frame {
  const { meta } = ctx;
  const language = LANGUAGES[lang];
  // Problems are reported at the top of the language file; the message names the key and the locale file.
  const t = (key: string, values?: Record<string, string | number>) => ctx.t(key, undefined, values);
  return {
    lang,
    dir: language.dir,
    script: language.script,
    letter: language.letter,
    title: front.title,
    conference: t(`conference.${meta.conference.key}`),
    placeAndYear: t('conference.placeAndYear', { place: t(`places.${meta.conference.place}`), year: meta.conference.year }),
    addendum: meta.document.addendum === undefined ? undefined : t('frame.addendum', { addendum: meta.document.addendum }),
    documentNumber: t('frame.document', { number: meta.document.number, letter: language.letter }),
    documentSymbol: t('frame.document', { number: meta.symbol, letter: language.letter }),
    date: meta.date === undefined ? undefined : t('frame.date', dateParts(meta.date, t('numbers.intl'))),
    meeting: meta.meeting === undefined ? undefined : t(`meetings.${meta.meeting}`),
    original: t('frame.original', { language: t(`languageName.${meta.originalLanguage}`) }),
    source: t(`sources.${meta.source}`),
    workingTranslation:
      front.translation?.status === 'working'
        ? t('frame.workingTranslation', { language: t(`languageFrom.${front.translation.from}`) })
        : undefined,
    footnotesLabel: t('labels.footnoteCount', { count: footnotes.length }),
    runningHeader: t('page.header', {
      symbol: meta.symbol + (meta.document.addendum === undefined ? '' : t('page.addendum', { addendum: meta.document.addendum })),
      letter: language.letter,
    }),
    pageNumber: splitAround(t('page.number', { page: SLOT }), SLOT),
  };
}

const SLOT = '\u0000';
function splitAround(text: string, slot: string): [string, string] {
  const [before = '', after = ''] = text.split(slot);
  return [before, after];
}

/**
 * The day, month name and year of a date through Intl, in the language's own digits and month names
 * (`numbers.intl`, e.g. ar-u-nu-latn for ITU's Western digits in Arabic); their order and the words
 * around them ("de", "года", 年) are the locale's `frame.date`. UTC, so the day never shifts.
 */
export function dateParts(isoDate: string, intlLocale: string): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatToParts(
    new Date(`${isoDate}T00:00:00Z`),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), year: part('year') };
}
