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

/** A draft resolution's number until the conference gives it one: `[XXX]`, `[ACP-1]`. */
export const DRAFT_NUMBER = /^\[[A-Z0-9][A-Z0-9-]*\]$/;

export const isDraftNumber = (number: number | string): number is string => typeof number === 'string';

const resolutionNumber = z.custom<number | string>(
  (value) => (typeof value === 'number' && Number.isInteger(value) && value > 0) || (typeof value === 'string' && DRAFT_NUMBER.test(value)),
  {
    error: 'expected a resolution number such as 154, or a draft number such as "[XXX]"',
    params: {
      fix: 'Write the number as it is (number: 154), or a draft number in quotes (number: "[XXX]"): unquoted, YAML reads [XXX] as a list',
    },
  },
);

/** A document of this project: its folder under content/. */
const documentId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a document id, the name of a folder of content/');

const resolutionFields = {
  number: resolutionNumber,
  /** Its name, a key of `resolutionNames` in the locales, printed under the number line. */
  title: localeKey.optional(),
  /** Each revision of the text, the one in force last; a MOD adds the one proposed after it. */
  revisions: z.array(placeAndYear).min(1).optional(),
};

/** A draft new resolution has no revision history; a numbered one has. */
function checkHistory(resolution: { number: number | string; revisions?: unknown[] | undefined }, ctx: z.RefinementCtx): void {
  if (isDraftNumber(resolution.number) && resolution.revisions) {
    ctx.addIssue({
      code: 'custom',
      path: ['revisions'],
      message: `the draft new resolution ${resolution.number} has no revision history`,
      params: { fix: 'Remove "revisions": a new resolution is dated with the place and year of the conference' },
    });
  }
  if (!isDraftNumber(resolution.number) && !resolution.revisions) {
    ctx.addIssue({
      code: 'custom',
      path: ['number'],
      message: `Resolution ${resolution.number} has no revision history`,
      params: {
        fix: 'Add "revisions: [{ place: dubai, year: 2018 }]", the edition in force last (and for a MOD the one proposed after it)',
      },
    });
  }
}

/** The document's own resolution (its text in force is the document-wide `base`). */
export const resolutionSchema = z.strictObject(resolutionFields).superRefine(checkHistory);

/** A proposal's resolution, which may name the document of its text in force. */
const proposalResolutionSchema = z
  .strictObject({
    ...resolutionFields,
    /** The document of the text in force, which the marks of a MOD are to be checked against. */
    base: documentId.optional(),
  })
  .superRefine(checkHistory);
export type ResolutionMeta = z.infer<typeof proposalResolutionSchema>;

const proposalId = z.string().regex(/^[A-Z0-9]+\/[0-9]+(A[0-9]+)?\/[0-9]+$/, 'an identifier such as CL/39A4/1');

export const proposalSchema = z.strictObject({
  id: proposalId,
  /** The resolution the proposal adds, modifies or suppresses. */
  resolution: proposalResolutionSchema.optional(),
});
export type ProposalMeta = z.infer<typeof proposalSchema>;

/** `- CL/39A4/1`, or with the resolution it is on: `- { id: CL/39A4/1, resolution: {…} }`. */
const proposalsSchema = z
  .array(z.preprocess((entry) => (typeof entry === 'string' ? { id: entry } : entry), proposalSchema))
  .default([])
  .superRefine((proposals, ctx) => {
    const first = new Map<string, number>();
    proposals.forEach(({ id }, index) => {
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `proposal ${id} is declared twice (first as item ${earlier + 1})`,
          params: { fix: 'Declare each proposal once; give the other its own number' },
        });
    });
  });

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
  /** The resolution the document carries (its annexes, its text in force, a proposal made on it alone). */
  resolution: resolutionSchema.optional(),
  /** For annexes: which annex of the resolution this is. */
  annex: z.strictObject({ number: z.number().int().positive() }).optional(),
  /** Every proposal identifier the text uses, and no other, each with the resolution it is on. */
  proposals: proposalsSchema,
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
