/**
 * Schemas of the two kinds of metadata: `document.yaml`, shared by all
 * language versions of a document, and the front matter of each language file.
 */
import { z } from 'zod';
import { LANGS } from '../i18n/languages.js';

const lang = z.enum(LANGS as [string, ...string[]]);
/** A key into the locale files (`places.bucharest`), never a word itself. */
const localeKey = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'a locale key such as "bucharest"');
const placeAndYear = z.strictObject({ place: localeKey, year: z.number().int().min(1865).max(2100) });

export const documentMetaSchema = z.strictObject({
  type: z.enum(['proposal', 'resolution', 'annex', 'councilReport', 'workingGroupDocument']),
  /** e.g. `PP22/39` (the addendum is given apart) or `C26/32`. */
  symbol: z.string().min(1),
  conference: z.strictObject({ key: localeKey, place: localeKey, year: z.number().int() }),
  document: z.strictObject({
    number: z.union([z.number().int().positive(), z.string().min(1)]),
    addendum: z.number().int().positive().optional(),
    revision: z.number().int().positive().optional(),
  }),
  date: z.iso.date().optional(),
  /** Conference documents: the meeting they are for, a key of `meetings` in the locales (plenary). */
  meeting: localeKey.optional(),
  originalLanguage: lang,
  languages: z.array(lang).min(1),
  source: localeKey,
  resolution: z
    .strictObject({
      number: z.number().int().positive(),
      /** Each revision of the text: the last is the one proposed. */
      revisions: z.array(placeAndYear).min(1),
    })
    .optional(),
  /** For annexes: which annex of the resolution this is. */
  annex: z.strictObject({ number: z.number().int().positive() }).optional(),
  proposals: z.array(z.string().regex(/^[A-Z0-9]+\/[0-9]+(A[0-9]+)?\/[0-9]+$/, 'an identifier such as CL/39A4/1')).default([]),
  /**
   * The document of the text in force that this one revises (a folder of content/): `check` verifies
   * that this document's rejected reading is that text, language by language.
   */
  base: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'the id of a document under content/, such as res71-2018')
    .optional(),
  /** The plain-text export this document was converted from, in shared/seeds/. */
  seed: z
    .string()
    .regex(/^[0-9a-z_]+\.txt$/)
    .optional(),
  /** Who and when the revision marks are attributed to (DOCX tracked changes). */
  revisionAuthor: z.string().min(1),
  revisionDate: z.iso.datetime(),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

export const languageFrontMatterSchema = z.strictObject({
  lang,
  title: z.string().min(1),
  /** Absent on the original; present on every translation. */
  translation: z
    .strictObject({
      status: z.enum(['working', 'official']),
      from: lang,
    })
    .optional(),
});
export type LanguageFrontMatter = z.infer<typeof languageFrontMatterSchema>;
