/**
 * The looks of every printed copy, from `templates/styles.json`: page size and
 * margins, fonts per script, sizes, spacing, indents and mark colours. The
 * DOCX and PDF writers read the same sheet, so both print the same page.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import type { VFile } from 'vfile';
import { InvalidSourceError, hasErrors, reportError } from '../diagnostics/report.js';
import { parseJson, placeOfPath, validateJson } from '../read/json.js';
import { readTextFile } from '../read/text.js';
import { LANGS, SCRIPTS, type Lang, type Script } from '../i18n/languages.js';

const script = z.enum(SCRIPTS);
const lang = z.enum(LANGS as [Lang, ...Lang[]]);
const perScript = <T extends z.ZodType>(value: T) => z.record(script, value);
/** Points of type: none is so small it cannot be read, nor so large a line holds no word. */
const typeSize = z.number().min(4).max(72);
const twipsLength = z.number().int().min(0).max(56_700);
const positive = z.number().positive();
const nonNegative = z.number().min(0);

const hyphenationRules = z.strictObject({
  minWord: z.number().int().min(1),
  minLeft: z.number().int().min(1),
  minRight: z.number().int().min(1),
  /** Cut a word only when, uncut, the line's word gaps would be wider than this many natural spaces. */
  looserThan: positive,
  /** How many lines in a row may end with a hyphen (unless the next would otherwise be left ragged). */
  consecutive: z.number().int().min(0),
});
/** How words of one script are cut at a line end (letters counted as code points). */
export type HyphenationRules = z.infer<typeof hyphenationRules>;

const justification = z.discriminatedUnion('stretch', [
  /** `maxWordGap`: in natural spaces. */
  z.strictObject({ stretch: z.literal('spaces'), maxWordGap: positive }),
  /** `maxLetterGap`: in ems, per gap. */
  z.strictObject({ stretch: z.literal('ideographs'), maxLetterGap: nonNegative }),
]);
/** What stretches in a justified line of one script, and how far before the line is set ragged instead. */
export type Justification = z.infer<typeof justification>;

const styleSheetSchema = z
  .strictObject({
    /** Twips (1/20 pt), as Word counts them. */
    page: z.strictObject({
      width: twipsLength.min(2835),
      height: twipsLength.min(2835),
      margin: z.strictObject({
        top: twipsLength,
        bottom: twipsLength,
        left: twipsLength,
        right: twipsLength,
        header: twipsLength,
        footer: twipsLength,
      }),
    }),
    fonts: z.strictObject({ latin: z.string().min(1), han: z.string().min(1), arabic: z.string().min(1) }),
    /** Word's font table entry of each face named under `fonts`. */
    fontTable: z.record(
      z.string(),
      z.strictObject({
        altName: z.string().min(1).optional(),
        charset: z.string().regex(/^[0-9A-F]{2}$/i, 'a character set in hex, such as "00" or "86"'),
        family: z.enum(['roman', 'swiss', 'modern', 'script', 'decorative', 'auto']),
        pitch: z.enum(['default', 'fixed', 'variable']),
      }),
    ),
    languageTags: z.record(lang, z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en-GB"')),
    /** Points: running text, per script (Arabic is set larger). */
    textSize: perScript(typeSize),
    /** Points. */
    sizes: z.strictObject({
      title: typeSize,
      heading: typeSize,
      footnote: typeSize,
      table: typeSize,
      conference: typeSize,
      proposal: typeSize,
      header: typeSize,
    }),
    /** Points. */
    spacing: z.strictObject({
      before: nonNegative.max(72),
      headingBefore: nonNegative.max(72),
      callWordBefore: nonNegative.max(72),
      cellPadding: nonNegative.max(36),
    }),
    /** Twips. `tableLabel`: the hanging indent of dashes and labels inside table cells, narrower than the page's. */
    indent: z.strictObject({ label: twipsLength.max(5670), callWord: twipsLength.max(5670), tableLabel: twipsLength.max(5670) }),
    marks: z.strictObject({
      insertionColour: z.string().regex(/^[0-9A-F]{6}$/i, 'a colour as six hex digits, such as "000000"'),
      deletionColour: z.string().regex(/^[0-9A-F]{6}$/i, 'a colour as six hex digits, such as "000000"'),
    }),
    /** Scripts whose emphasis and notes are set in italic; the others are set upright. */
    italic: z.array(script),
    /** Points: the summary box of a Council document. */
    box: z.strictObject({ ruleWidth: nonNegative.max(12), padding: nonNegative.max(72), ruleBefore: z.array(z.string()) }),
    pdf: z.strictObject({
      lineHeight: z.number().min(0.5).max(4),
      ruleWidth: nonNegative.max(12),
      frameRuleWidth: nonNegative.max(12),
      footnoteSeparator: z.strictObject({
        length: z.number().min(0).max(1),
        spaceBefore: nonNegative.max(72),
        spaceAfter: nonNegative.max(72),
      }),
      superscript: z.strictObject({ scale: z.number().gt(0).max(1), rise: z.number().min(0).max(1) }),
      decorationWidth: nonNegative.max(12),
      shortLetters: perScript(z.string().min(1)),
    }),
    hyphenation: z.strictObject({
      hardHyphenMinPart: z.number().int().min(1),
      scripts: z.partialRecord(script, hyphenationRules),
      /** The `hyphen` package's pattern module per language. */
      patterns: z.partialRecord(lang, z.string().regex(/^[a-z-]+$/, 'a pattern name of the hyphen package, such as "en-gb"')),
    }),
    justification: perScript(justification),
    tableColumns: z.strictObject({ hanPhrase: z.number().int().min(0), hanCell: z.number().int().min(0) }),
  })
  .superRefine((sheet, context) => {
    for (const [role, face] of Object.entries(sheet.fonts)) {
      if (!sheet.fontTable[face]) {
        context.addIssue({
          code: 'custom',
          path: ['fonts', role],
          message: `the face "${face}" has no entry under "fontTable"`,
          params: {
            fix: `Add "${face}": { "charset": "00", "family": "roman", "pitch": "variable" } under "fontTable", or name a face it has`,
          },
        });
      }
    }
    const { width, height, margin } = sheet.page;
    // Less than 5 cm of text across or down leaves no room to set a line or a page.
    if (width - margin.left - margin.right < 2835 || height - margin.top - margin.bottom < 2835) {
      context.addIssue({
        code: 'custom',
        path: ['page', 'margin'],
        message: 'the margins leave less than 5 cm for the text',
        params: { fix: 'Make the margins narrower, or the page larger' },
      });
    }
  });

export type StyleSheet = z.infer<typeof styleSheetSchema>;

const require = createRequire(import.meta.url);

/** Reads and checks `templates/styles.json`: the sheet, or undefined with each problem at its key. */
export function readStyleSheet(
  templatesDir: string,
  root: string = path.dirname(templatesDir),
): { file: VFile; sheet: StyleSheet | undefined } {
  const { file, text } = readTextFile(path.join(templatesDir, 'styles.json'), root);
  if (text === undefined) return { file, sheet: undefined };
  const json = parseJson(file, text, 'style sheet');
  const sheet = validateJson(json, styleSheetSchema, 'style sheet', withoutComments);
  if (!sheet) return { file, sheet: undefined };
  for (const [language, patterns] of Object.entries(sheet.hyphenation.patterns)) {
    try {
      require.resolve(`hyphen/${patterns}`);
    } catch {
      reportError(
        file,
        placeOfPath(json, ['hyphenation', 'patterns', language]),
        `The hyphen package has no patterns "${patterns}"`,
        'Name a file of node_modules/hyphen/patterns without its extension, such as "en-gb"',
        'invalid-json-value',
      );
    }
  }
  return { file, sheet: hasErrors(file) ? undefined : sheet };
}

/** The style sheet of a project that passed `check`; throws its problems otherwise. */
export function loadStyleSheet(templatesDir: string): StyleSheet {
  const { file, sheet } = readStyleSheet(templatesDir);
  if (!sheet) throw new InvalidSourceError([file]);
  return sheet;
}

/** `$comment` keys explain the sheet to people: they are no part of it. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '$comment')
      .map(([key, inner]) => [key, withoutComments(inner)]),
  );
}

/** Whether a script is set in italic where the text asks for it (Arabic and Chinese never are). */
export const setsItalic = (sheet: StyleSheet, script: Script): boolean => sheet.italic.includes(script);

/** Twips to points. */
export const points = (twips: number) => twips / 20;
export const twips = (points: number) => Math.round(points * 20);
