/** Named Word styles: the paragraph styles every printed copy shares, in Word's terms. */
import { AlignmentType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { LANGUAGES, type Lang, type Script } from '../../i18n/languages.js';
import { paragraphStyles, type ParagraphStyle, type StyleName } from '../paragraph-styles.js';
import { twips, type StyleSheet } from '../style-sheet.js';

export type DocxStyleSheet = StyleSheet;

/** Half-points, as Word counts font sizes. */
const size = (points: number) => Math.round(points * 2);
/** Twentieths of a point, as Word counts spacing. */

export { STYLE } from './style-ids.js';
import { STYLE } from './style-ids.js';

export const ALIGNMENT = {
  justify: AlignmentType.BOTH,
  start: AlignmentType.START,
  center: AlignmentType.CENTER,
  end: AlignmentType.END,
} as const;

/** A paragraph style shared with the PDF (see paragraph-styles.ts) as a named Word style. */
function wordStyle(id: string, name: string, style: ParagraphStyle): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run: {
      size: size(style.size),
      sizeComplexScript: size(style.size),
      bold: style.run.bold,
      boldComplexScript: style.run.bold,
      italics: style.run.italic,
      italicsComplexScript: style.run.italic,
    },
    paragraph: {
      alignment: ALIGNMENT[style.align],
      spacing: { before: twips(style.spaceBefore), after: twips(style.spaceAfter) },
      indent: style.indent || style.hanging ? { start: twips(style.indent), hanging: twips(style.hanging) } : undefined,
      keepNext: style.keepWithNext || undefined,
      outlineLevel: style.outlineLevel,
    },
  };
}

/** Word style id, the name Word shows, and the shared style it is made from. */
const WORD_STYLES: [string, string, StyleName][] = [
  // Resolution and annex titles look alike.
  [STYLE.resolutionTitle, 'Resolution title', 'title'],
  [STYLE.annexTitle, 'Annex title', 'title'],
  [STYLE.callWord, 'Call', 'callWord'],
  [STYLE.labelled, 'Enumeration', 'labelled'],
  [STYLE.dash, 'Dash list', 'labelled'],
  [STYLE.proposal, 'Proposal', 'proposal'],
  [STYLE.reasons, 'Reasons', 'reasons'],
  [STYLE.source, 'Source', 'source'],
  [STYLE.documentTitle, 'Document title', 'documentTitle'],
  [STYLE.note, 'Note', 'note'],
  [STYLE.tableText, 'Table text', 'tableText'],
  [STYLE.tableLabelled, 'Table enumeration', 'tableLabelled'],
  [STYLE.tableHead, 'Table heading', 'tableHead'],
  [STYLE.caption, 'Table title', 'caption'],
  [STYLE.summaryTitle, 'Summary title', 'summaryTitle'],
  [STYLE.figure, 'Figure', 'figure'],
  [STYLE.footnoteText, 'Footnote text', 'footnote'],
  [STYLE.header, 'Header', 'header'],
];

/** Scripts whose documents tag their own Latin and Cyrillic letters with their own language. */
const LATIN_LETTERS: ReadonlySet<Script> = new Set(['latin', 'cyrillic']);

export function buildStyles(sheet: DocxStyleSheet, lang: Lang): IStylesOptions {
  const styles = paragraphStyles(sheet, lang);
  const normalSize = size(styles.normal.size);
  return {
    default: {
      document: {
        run: {
          font: { ascii: sheet.fonts.latin, hAnsi: sheet.fonts.latin, eastAsia: sheet.fonts.han, cs: sheet.fonts.arabic },
          size: normalSize,
          sizeComplexScript: normalSize,
          language: {
            // Latin words in a document of another script are tagged English.
            value: sheet.languageTags[LATIN_LETTERS.has(LANGUAGES[lang].script) ? lang : 'en'],
            eastAsia: sheet.languageTags.zh,
            bidirectional: sheet.languageTags.ar,
          },
        },
        paragraph: { spacing: { before: twips(styles.normal.spaceBefore) }, alignment: ALIGNMENT[styles.normal.align] },
      },
    },
    paragraphStyles: [
      ...([1, 2, 3, 4] as const).map((depth) => wordStyle(STYLE.heading(depth), `Heading ${depth}`, styles[`heading${depth}`])),
      ...WORD_STYLES.map(([id, name, shared]) => wordStyle(id, name, styles[shared])),
    ],
  };
}
