/**
 * The HTML page takes the printed copies' decisions (scripts/render/paragraph-styles.ts): which
 * paragraphs are centred, bold, italic and how large, written as CSS for the elements that carry
 * them. One set of decisions, three formats: a heading centred in the DOCX is centred on the page.
 */
import type { ParagraphStyle, ParagraphStyles, StyleName } from '../paragraph-styles.js';
import type { StyleSheet } from '../style-sheet.js';

/**
 * The elements each printed style is given to, in cascade order: later rules win over earlier ones
 * of equal specificity, so the generated titles follow the plain headings.
 */
const SELECTORS: readonly (readonly [StyleName, string])[] = [
  ['heading1', 'main h1'],
  ['heading2', 'main h2'],
  ['heading3', 'main h3'],
  ['heading4', 'main h4, main h5, main h6'],
  ['title', 'main h1.resolutionTitle, main h1.annexTitle'],
  ['tableText', 'main td, main td p'],
  ['tableHead', 'main th, main th p'],
  ['caption', 'main caption, main figcaption'],
  ['summaryTitle', 'main .summary-title'],
  ['source', 'header.frame .source'],
  ['documentTitle', 'header.frame .title'],
  ['note', 'header.frame .note'],
];

const ALIGN: Record<ParagraphStyle['align'], string> = { justify: 'justify', start: 'start', center: 'center', end: 'end' };

function declarations(style: ParagraphStyle): string[] {
  return [
    `text-align: ${ALIGN[style.align]};`,
    `font-size: ${style.size}pt;`,
    `font-weight: ${style.run.bold ? 'bold' : 'normal'};`,
    `font-style: ${style.run.italic ? 'italic' : 'normal'};`,
  ];
}

/** Twips (1/1440 inch) as CSS centimetres. */
const cm = (twips: number) => `${Math.round((twips / 567) * 1000) / 1000}cm`;

/** The hanging indent of labels and dashes: the page's, and the narrower one inside table cells, as in the DOCX and PDF. */
export function indentCss(indent: StyleSheet['indent']): string {
  return `:root {\n  --hanging: ${cm(indent.label)};\n}\nmain td,\nmain th {\n  --hanging: ${cm(indent.tableLabel)};\n}`;
}

/** The parts of the summary box the style sheet sets apart by a rule across the box (the references). */
export function boxCss(box: StyleSheet['box']): string {
  return box.ruleBefore
    .map(
      (key) =>
        `main .summary-part[data-key=${JSON.stringify(key)}] {\n  border-top: ${box.ruleWidth}pt solid #000;\n  margin-top: 0.5em;\n}`,
    )
    .join('\n');
}

export function paragraphCss(styles: ParagraphStyles): string {
  return SELECTORS.map(([name, selector]) => `${selector} {\n  ${declarations(styles[name]).join('\n  ')}\n}`).join('\n');
}
