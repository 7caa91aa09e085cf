/** Named Word styles built from `templates/styles.json`. */
import { AlignmentType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { Lang } from '../../i18n/languages.js';
import { LANGUAGES } from '../../i18n/languages.js';
import type { StyleSheet } from '../style-sheet.js';

export type DocxStyleSheet = StyleSheet;

/** Half-points, as Word counts font sizes. */
const size = (points: number) => Math.round(points * 2);
/** Twentieths of a point, as Word counts spacing. */
const twips = (points: number) => Math.round(points * 20);

/** The style ids an editor finds in Word's style list. */
export const STYLE = {
  normal: 'Normal',
  resolutionTitle: 'ResolutionTitle',
  annexTitle: 'AnnexTitle',
  heading: (depth: number) => `Heading${Math.min(depth, 4)}`,
  callWord: 'CallWord',
  labelled: 'Enumeration',
  dash: 'DashList',
  proposal: 'ProposalLine',
  reasons: 'Reasons',
  source: 'Source',
  note: 'Note',
  tableText: 'TableText',
  tableHead: 'TableHead',
  caption: 'TableCaption',
  figure: 'Figure',
  footnoteText: 'FootnoteText',
  header: 'Header',
} as const;

export function buildStyles(sheet: DocxStyleSheet, lang: Lang): IStylesOptions {
  const script = LANGUAGES[lang].script;
  const rtl = LANGUAGES[lang].dir === 'rtl';
  const normalSize = size(rtl ? sheet.sizes.arabicNormal : sheet.sizes.normal);
  const italic = sheet.italicCallWords.includes(script);
  const paragraph = (id: string, name: string, options: Partial<IParagraphStyleOptions> = {}): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    ...options,
  });
  return {
    default: {
      document: {
        run: {
          font: { ascii: sheet.fonts.latin, hAnsi: sheet.fonts.latin, eastAsia: sheet.fonts.han, cs: sheet.fonts.arabic },
          size: normalSize,
          sizeComplexScript: normalSize,
          language: {
            value: sheet.languageTags[lang === 'ar' || lang === 'zh' ? 'en' : lang],
            eastAsia: sheet.languageTags.zh,
            bidirectional: sheet.languageTags.ar,
          },
        },
        paragraph: { spacing: { before: twips(sheet.spacing.before) }, alignment: AlignmentType.BOTH },
      },
    },
    paragraphStyles: [
      // Resolution and annex titles look alike: centred, capitals in Latin and Cyrillic scripts.
      ...[
        [STYLE.resolutionTitle, 'Resolution title'],
        [STYLE.annexTitle, 'Annex title'],
      ].map(([id, name]) =>
        paragraph(id!, name!, {
          run: {
            size: size(sheet.sizes.title),
            sizeComplexScript: size(sheet.sizes.title),
            allCaps: script === 'latin' || script === 'cyrillic',
          },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: twips(sheet.spacing.headingBefore) }, keepNext: true },
        }),
      ),
      ...[1, 2, 3, 4].map((depth) =>
        paragraph(STYLE.heading(depth), `Heading ${depth}`, {
          run: { bold: true, boldComplexScript: true, size: size(depth <= 2 ? sheet.sizes.title : sheet.sizes.heading) },
          paragraph: {
            alignment: depth <= 2 ? AlignmentType.CENTER : AlignmentType.START,
            spacing: { before: twips(sheet.spacing.headingBefore) },
            keepNext: true,
            outlineLevel: depth - 1,
          },
        }),
      ),
      paragraph(STYLE.callWord, 'Call', {
        run: { italics: italic, italicsComplexScript: italic, bold: !italic, boldComplexScript: !italic },
        paragraph: { indent: { start: sheet.indent.callWord }, spacing: { before: twips(sheet.spacing.callWordBefore) }, keepNext: true },
      }),
      paragraph(STYLE.labelled, 'Enumeration', {
        paragraph: { indent: { start: sheet.indent.label, hanging: sheet.indent.label } },
      }),
      paragraph(STYLE.dash, 'Dash list', {
        paragraph: { indent: { start: sheet.indent.label, hanging: sheet.indent.label } },
      }),
      paragraph(STYLE.proposal, 'Proposal', {
        run: { bold: true, boldComplexScript: true, size: size(sheet.sizes.proposal) },
        paragraph: { alignment: AlignmentType.START, spacing: { before: twips(sheet.spacing.headingBefore) }, keepNext: true },
      }),
      paragraph(STYLE.reasons, 'Reasons', { paragraph: { spacing: { before: twips(sheet.spacing.headingBefore) } } }),
      paragraph(STYLE.source, 'Source', { run: { bold: true, boldComplexScript: true }, paragraph: { alignment: AlignmentType.CENTER } }),
      paragraph(STYLE.note, 'Note', {
        run: { italics: true, size: size(sheet.sizes.footnote) },
        paragraph: { alignment: AlignmentType.CENTER },
      }),
      paragraph(STYLE.tableText, 'Table text', {
        run: { size: size(sheet.sizes.table), sizeComplexScript: size(sheet.sizes.table) },
        paragraph: { alignment: AlignmentType.START, spacing: { before: twips(2), after: twips(2) } },
      }),
      paragraph(STYLE.tableHead, 'Table heading', {
        run: { bold: true, boldComplexScript: true, size: size(sheet.sizes.table), sizeComplexScript: size(sheet.sizes.table) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: twips(2), after: twips(2) } },
      }),
      paragraph(STYLE.caption, 'Table title', {
        run: { bold: true, boldComplexScript: true },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
      }),
      paragraph(STYLE.figure, 'Figure', { paragraph: { alignment: AlignmentType.CENTER } }),
      paragraph(STYLE.footnoteText, 'Footnote text', {
        run: { size: size(sheet.sizes.footnote), sizeComplexScript: size(sheet.sizes.footnote) },
        paragraph: { spacing: { before: 0 }, indent: { start: 284, hanging: 284 } },
      }),
      paragraph(STYLE.header, 'Header', {
        run: { size: size(sheet.sizes.header), sizeComplexScript: size(sheet.sizes.header) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0 } },
      }),
    ],
  };
}
