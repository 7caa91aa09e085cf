/**
 * A list nested in a list item (the bullets under an indicator in Appendix A
 * of the 2028-2031 plan): printed with `•` and indented under its parent's
 * text, in a table cell as on the page, in the PDF, the DOCX and the HTML;
 * the seed comparison reads it as the export's `•` lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { modelText } from '../scripts/check/seed-text.js';
import { loadLocale } from '../scripts/i18n/locales.js';
import type { ModelDocument } from '../scripts/model/types.js';
import { renderDocx } from '../scripts/render/docx/index.js';
import { loadHtmlTemplates, renderHtml } from '../scripts/render/html/index.js';
import { loadFrameTemplates } from '../scripts/render/frame.js';
import { loadFontSet } from '../scripts/render/pdf/fonts.js';
import { layoutPdf } from '../scripts/render/pdf/index.js';
import type { DrawOp, FlowItem, TextOp } from '../scripts/render/pdf/boxes.js';
import { loadStyleSheet } from '../scripts/render/style-sheet.js';
import { build, paths, repoRoot } from './helpers/build.js';

const LIST = '- 父项一\n  - 子项甲\n  - 子项乙\n- 父项二\n';
const TABLE = ':::table{#t header=1}\n- - 甲\n  - 乙\n- - 文字\n  - - 父项一\n      - 子项甲\n      - 子项乙\n    - 父项二\n:::\n';

const frames = loadFrameTemplates(path.join(repoRoot, 'templates'));
const sheet = loadStyleSheet(path.join(repoRoot, 'templates'));
const templates = loadHtmlTemplates(path.join(repoRoot, 'templates'), sheet);

function model(markdown: string): ModelDocument {
  const { doc, messages } = build(markdown);
  expect(messages).toEqual([]);
  return doc!;
}

/** Every text op the PDF draws, with its page position. */
function pdfTexts(doc: ModelDocument): TextOp[] {
  const layout = layoutPdf(doc, {
    locale: loadLocale(paths.locales, doc.lang),
    sheet,
    layout: frames(doc.frame, doc.meta.type),
    fonts: loadFontSet(repoRoot),
  });
  const ops = (item: FlowItem): DrawOp[] => [...item.ops, ...(item.parts ?? []).flatMap((part) => part.ops)];
  return layout.pages.flatMap((page) => page.body.flatMap(({ item }) => ops(item))).filter((op): op is TextOp => op.kind === 'text');
}

const xOf = (texts: TextOp[], text: string) => texts.find((op) => op.text.includes(text))!.x;

describe('lists nested in list items', () => {
  it.each([
    ['on the page', LIST],
    ['in a table cell', TABLE],
  ])('PDF %s: bullets under the parent text, the parent dashed', (_, markdown) => {
    const texts = pdfTexts(model(markdown));
    const markers = texts.filter((op) => op.text === '–' || op.text === '•');
    expect(markers.map((op) => op.text)).toEqual(['–', '•', '•', '–']);
    // The bullet stands where the parent's text starts; the child's text is further in.
    expect(markers[1]!.x).toBeCloseTo(xOf(texts, '父项一'), 1);
    expect(xOf(texts, '子项甲')).toBeGreaterThan(xOf(texts, '父项一'));
    expect(xOf(texts, '父项二')).toBeCloseTo(xOf(texts, '父项一'), 1);
  });

  it.each([
    ['on the page', LIST],
    ['in a table cell', TABLE],
  ])('DOCX %s: bullets indented one hanging indent further than their parent', async (_, markdown) => {
    const doc = model(markdown);
    const docx = await renderDocx(doc, {
      locale: loadLocale(paths.locales, doc.lang),
      sheet,
      layout: frames(doc.frame, doc.meta.type),
      marks: 'formatted',
    });
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const paragraph = (text: string) => xml.split('<w:p>').find((p) => p.includes(text))!;
    expect(paragraph('子项甲')).toMatch(/<w:t xml:space="preserve">•\t<\/w:t>/);
    expect(paragraph('父项一')).toMatch(/<w:t xml:space="preserve">–\t<\/w:t>/);
    const indent = /<w:ind w:start="(\d+)" w:hanging="(\d+)"\/>/.exec(paragraph('子项乙'));
    expect(indent).not.toBeNull();
    expect(Number(indent![1])).toBe(2 * Number(indent![2]));
    expect(paragraph('父项二')).not.toContain('<w:ind ');
  });

  it('HTML: a nested list inside its item, bulleted by the style sheet', () => {
    const doc = model(LIST);
    const html = renderHtml(doc, loadLocale(paths.locales, doc.lang), templates, frames(doc.frame, doc.meta.type), {
      fontBase: 'fonts',
      versions: [],
    });
    expect(html).toContain('<li><p>父项一</p><ul class="dash"><li><p>子项甲</p></li>');
    const css = readFileSync(path.join(repoRoot, 'templates/html/style.css'), 'utf8');
    expect(css).toMatch(/ul\.dash ul\.dash > li::before \{\s*content: '•';/);
  });

  it('reads as the seed export writes it: a bullet before each nested item, no mark before a dash item', () => {
    expect(modelText(model(LIST)).body).toBe('父项一•子项甲•子项乙父项二');
  });
});
