/**
 * The paragraph styles of every printed copy, derived from the style sheet
 * (templates/styles.json): which paragraphs are bold, centred, indented, kept
 * with the next. The DOCX writer turns them into named Word styles, the PDF
 * writer lays out with them, so both print the same page. Lengths in points.
 */
import { LANGUAGES, type Lang } from '../i18n/languages.js';
import { points, setsItalic, type StyleSheet } from './style-sheet.js';

export type Align = 'justify' | 'start' | 'center' | 'end';

/** A table cell's alignment, given on the page (`:cell{align=right}`), in the writing direction's terms. */
export function cellAlign(align: 'left' | 'center' | 'right' | 'justify' | undefined, dir: 'ltr' | 'rtl'): Align | undefined {
  if (align === 'left') return dir === 'rtl' ? 'end' : 'start';
  if (align === 'right') return dir === 'rtl' ? 'start' : 'end';
  return align;
}

/** ITU's dash list prints `–`; a list nested in a list item prints `•`, as ITU's Word originals do. */
export const listMarker = (depth: number): string => (depth === 0 ? '–' : '•');

export interface ParagraphStyle {
  size: number;
  align: Align;
  spaceBefore: number;
  spaceAfter: number;
  indent: number;
  hanging: number;
  keepWithNext: boolean;
  /** Headings: their level in the outline (0 for the top). */
  outlineLevel?: number | undefined;
  run: { bold?: boolean; italic?: boolean };
}

export type StyleName =
  | 'normal'
  | 'title'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'callWord'
  | 'labelled'
  | 'proposal'
  | 'reasons'
  | 'source'
  | 'documentTitle'
  | 'note'
  | 'tableText'
  | 'tableHead'
  | 'tableLabelled'
  | 'caption'
  | 'summaryTitle'
  | 'figure'
  | 'footnote'
  | 'header'
  | 'conference'
  | 'frame';

export type ParagraphStyles = Record<StyleName, ParagraphStyle>;

export function paragraphStyles(sheet: StyleSheet, lang: Lang): ParagraphStyles {
  const script = LANGUAGES[lang].script;
  const normalSize = sheet.textSize[script];
  const italicCalls = setsItalic(sheet, script);
  const base: ParagraphStyle = {
    size: normalSize,
    align: 'justify',
    spaceBefore: sheet.spacing.before,
    spaceAfter: 0,
    indent: 0,
    hanging: 0,
    keepWithNext: false,
    run: {},
  };
  const style = (overrides: Partial<ParagraphStyle>): ParagraphStyle => ({ ...base, ...overrides });
  const heading = (depth: number) =>
    style({
      size: depth <= 2 ? sheet.sizes.title : sheet.sizes.heading,
      align: depth <= 2 ? 'center' : 'start',
      spaceBefore: sheet.spacing.headingBefore,
      keepWithNext: true,
      outlineLevel: depth - 1,
      run: { bold: true },
    });
  const label = points(sheet.indent.label);
  return {
    normal: base,
    title: style({ size: sheet.sizes.title, align: 'center', spaceBefore: sheet.spacing.headingBefore, keepWithNext: true, run: {} }),
    heading1: heading(1),
    heading2: heading(2),
    heading3: heading(3),
    heading4: heading(4),
    callWord: style({
      indent: points(sheet.indent.callWord),
      spaceBefore: sheet.spacing.callWordBefore,
      keepWithNext: true,
      align: 'start',
      run: italicCalls ? { italic: true } : { bold: true },
    }),
    labelled: style({ indent: label, hanging: label }),
    proposal: style({
      size: sheet.sizes.proposal,
      align: 'start',
      spaceBefore: sheet.spacing.headingBefore,
      keepWithNext: true,
      indent: label * 2,
      hanging: label * 2,
      run: { bold: true },
    }),
    reasons: style({ spaceBefore: sheet.spacing.headingBefore }),
    source: style({ align: 'center', run: { bold: true } }),
    documentTitle: style({ size: sheet.sizes.title, align: 'center', spaceBefore: sheet.spacing.headingBefore, run: { bold: true } }),
    note: style({ size: sheet.sizes.footnote, align: 'center', run: { italic: setsItalic(sheet, script) } }),
    tableText: style({ size: sheet.sizes.table, align: 'start', spaceBefore: 2, spaceAfter: 2 }),
    tableHead: style({ size: sheet.sizes.table, align: 'center', spaceBefore: 2, spaceAfter: 2, run: { bold: true } }),
    tableLabelled: style({
      size: sheet.sizes.table,
      align: 'start',
      spaceBefore: 2,
      spaceAfter: 2,
      indent: points(sheet.indent.tableLabel),
      hanging: points(sheet.indent.tableLabel),
    }),
    caption: style({ align: 'center', keepWithNext: true, spaceBefore: sheet.spacing.headingBefore, run: { bold: true } }),
    summaryTitle: style({ align: 'start', keepWithNext: true, run: { bold: true } }),
    figure: style({ align: 'center' }),
    footnote: style({ size: sheet.sizes.footnote, spaceBefore: 0, indent: points(284), hanging: points(284) }),
    header: style({ size: sheet.sizes.header, align: 'center', spaceBefore: 0 }),
    conference: style({ size: sheet.sizes.conference, align: 'start', spaceBefore: 0, run: { bold: true } }),
    frame: style({ align: 'start', spaceBefore: 0 }),
  };
}
