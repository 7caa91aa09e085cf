/**
 * PDF writer: model → flow items (blocks.ts, table.ts) → pages
 * (paginate.ts) → pdfkit. pdfkit only draws: line breaking, bidi, font
 * fallback, footnotes and pagination are ours. Two copies per document and
 * language: `marked` (revision marks underlined and struck through) and
 * `clean` (the accepted reading, scripts/passes/readings.ts).
 */
import PDFDocument from 'pdfkit';
import type { ModelDocument } from '../../model/types.js';
import type { Locale } from '../../i18n/locales.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { headingLineStyle, isBoldFrameLine, type FrameLayout } from '../frame.js';
import { points, setsItalic, type StyleSheet } from '../style-sheet.js';
import { translate, type DrawOp, type FlowItem, type TagRef } from './boxes.js';
import { blocks } from './blocks.js';
import { paragraphItems, type LayoutContext } from './paragraph.js';
import { loadFontSet, type FontSet, type PdfFont } from './fonts.js';
import { defineWriter } from '../writer.js';
import { layoutParagraph } from './lines.js';
import { isNeutral } from './bidi.js';
import { paginate, type Page } from './paginate.js';
import { spans, type Span } from './spans.js';
import { paragraphStyles } from '../paragraph-styles.js';
import { pdfkitRun, shapedRun, type PdfkitRun } from './shaping.js';
import { LaidParagraphs } from './laid-paragraphs.js';

export const writer = defineWriter({
  copies: [{ name: 'marked' }, { name: 'clean', reading: 'accepted' }],
  create(context) {
    const fonts = loadFontSet(context.root);
    const paragraphs = new LaidParagraphs();
    return (doc) =>
      renderPdf(doc, { locale: context.locale(doc.lang), sheet: context.sheet, layout: context.frame(doc), fonts, paragraphs });
  },
});

export interface PdfOptions {
  locale: Locale;
  sheet: StyleSheet;
  layout: FrameLayout;
  fonts: FontSet;
  /** Kept from copy to copy of a language version (the writer's copies come one after the other). */
  paragraphs?: LaidParagraphs | undefined;
}

export interface Geometry {
  width: number;
  height: number;
  left: number;
  top: number;
  header: number;
  textWidth: number;
  bodyHeight: number;
}

/** The decided pages of a document, before they are drawn. */
export interface PdfLayout {
  pages: Page[];
  context: LayoutContext;
  geometry: Geometry;
}

export async function renderPdf(doc: ModelDocument, options: PdfOptions): Promise<Buffer> {
  const { pages, context, geometry } = layoutPdf(doc, options);
  return paint(pages, doc, context, geometry);
}

/** Lays out and paginates a document: what `renderPdf` draws, and what tests read as data (`layout-data.ts`). */
export function layoutPdf(doc: ModelDocument, options: PdfOptions): PdfLayout {
  const { sheet, fonts } = options;
  const { page } = sheet;
  const geometry: Geometry = {
    width: points(page.width),
    height: points(page.height),
    left: points(page.margin.left),
    top: points(page.margin.top),
    header: points(page.margin.header),
    textWidth: points(page.width - page.margin.left - page.margin.right),
    bodyHeight: points(page.height - page.margin.top - page.margin.bottom),
  };
  const script = LANGUAGES[doc.lang].script;
  options.paragraphs?.startVersion(doc.docId, doc.lang);
  const context: LayoutContext = {
    fonts,
    sheet,
    lang: doc.lang,
    dir: LANGUAGES[doc.lang].dir,
    paragraphs: options.paragraphs,
    styles: paragraphStyles(sheet, doc.lang),
    spans: {
      callWord: setsItalic(sheet, script) ? { italic: true } : { bold: true },
      emphasis: { italic: setsItalic(sheet, script) },
    },
    locale: options.locale,
    ids: { next: 0 },
  };
  const column = { width: geometry.textWidth, indent: 0 };
  const body = [...frameItems(options.layout, context, geometry.textWidth), ...blocks(doc.body, context, column)];
  const notes = new Map<number, FlowItem[]>();
  for (const note of doc.footnotes) notes.set(note.number, footnoteItems(note.number, note.children, context, geometry.textWidth));
  const separatorHeight = sheet.pdf.footnoteSeparator.spaceBefore + sheet.pdf.footnoteSeparator.spaceAfter;
  const pages = paginate(body, notes, { height: geometry.bodyHeight, separator: separatorHeight });
  return { pages, context, geometry };
}

// ------------------------------------------------------------------ frame

/** The first-page conference block (conference on the start side, document on the end side) and the centred lines under it. */
function frameItems(layout: FrameLayout, context: LayoutContext, width: number): FlowItem[] {
  const items: FlowItem[] = [];
  if (layout.conference.length + layout.document.length) {
    const startWidth = width * 0.62;
    const column = (lines: FrameLayout['conference'], columnWidth: number, conference: boolean) => {
      let y = 0;
      const ops: DrawOp[] = [];
      lines.forEach((line, index) => {
        const style =
          conference && index === 0 ? context.styles.conference : { ...context.styles.frame, run: { bold: isBoldFrameLine(line) } };
        for (const item of paragraphItems([{ text: line.text, style: {} }], style, context, { width: columnWidth, indent: 0 })) {
          if (item.space) continue;
          ops.push(...translate(item.ops, 0, y));
          y += item.height;
        }
      });
      return { ops, height: y };
    };
    const start = column(layout.conference, startWidth, true);
    const end = column(layout.document, width - startWidth, false);
    const rtl = context.dir === 'rtl';
    const height = Math.max(start.height, end.height) + 4;
    items.push({
      height: height + 6,
      ops: [
        ...translate(start.ops, rtl ? width - startWidth : 0, 0),
        ...translate(end.ops, rtl ? 0 : startWidth, 0),
        { kind: 'rule', x1: 0, x2: width, y1: height, y2: height, width: context.sheet.pdf.frameRuleWidth, color: '#000000' },
      ],
      footnotes: [],
    });
  }
  for (const line of layout.heading) {
    items.push(
      ...paragraphItems([{ text: line.text, style: {} }], context.styles[headingLineStyle(line)], context, {
        width,
        indent: 0,
      }),
    );
  }
  return items;
}

function footnoteItems(
  number: number,
  children: ModelDocument['footnotes'][number]['children'],
  context: LayoutContext,
  width: number,
): FlowItem[] {
  const column = { width, indent: 0, style: 'footnote' as const };
  const label: Span[] = [{ text: String(number), style: {}, footnote: number }];
  const [first, ...rest] = children;
  const lead =
    first?.type === 'paragraph'
      ? paragraphItems(spans(first.children, {}, context.spans), context.styles.footnote, context, column, { label, tag: 'Note' })
      : paragraphItems([], context.styles.footnote, context, column, { label, tag: 'Note' }).concat(
          first ? blocks([first], context, column) : [],
        );
  return [...lead, ...blocks(rest, context, column)]
    .filter((item) => !item.space)
    .map((item) => ({ ...item, footnotes: [], note: number }));
}

// ------------------------------------------------------------------ painting

async function paint(pages: Page[], doc: ModelDocument, context: LayoutContext, geometry: Geometry): Promise<Buffer> {
  const date = new Date(doc.meta.revisionDate);
  const pdf = new PDFDocument({
    autoFirstPage: false,
    size: [geometry.width, geometry.height],
    margin: 0,
    pdfVersion: '1.7',
    tagged: true,
    lang: context.sheet.languageTags[doc.lang],
    displayTitle: true,
    info: {
      Title: doc.front.title,
      Author: doc.meta.revisionAuthor,
      Subject: doc.meta.symbol,
      Keywords: `${doc.meta.symbol} ${doc.lang}`,
      Creator: 'hexaglot',
      Producer: 'hexaglot (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => pdf.on('end', () => resolve()));

  const registered = new Set<string>();
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const elements = new Map<number, PDFKit.PDFStructureElement>();
  const outline: PDFKit.PDFOutline[] = [];
  const { footnoteSeparator } = context.sheet.pdf;

  const draw = (ops: readonly DrawOp[]) => {
    for (const op of ops) {
      if (op.kind === 'text') {
        // Right-to-left runs are drawn from a second copy of the font, whose punctuation maps back to the characters as written.
        const copy = op.rightToLeft ? copyName(op.text) : undefined;
        const key = copy ? `${op.font.key}-${copy}` : op.font.key;
        if (!registered.has(key)) {
          pdf.registerFont(key, (copy ? namedCopy(op.font.font, copy) : op.font.font) as unknown as string);
          registered.add(key);
        }
        pdf.font(key).fontSize(op.size).fillColor(op.color);
        drawShapedRuns(pdf, op.font);
        fragment(pdf, op.text, op.x, op.y, {
          baseline: 'alphabetic',
          features: [],
          characterSpacing: op.characterSpacing,
          textWidth: op.width,
        });
        if (op.rightToLeft) mapRightToLeft(pdf, op.font, op.text, op.mirrored ?? {});
      } else if (op.kind === 'rule') {
        pdf.save().lineWidth(op.width).strokeColor(op.color).moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke().restore();
      } else if (op.kind === 'image') {
        pdf.image(op.data, op.x, op.y, { width: op.width, height: op.height });
      } else {
        const parent = outline.slice(0, op.level).reverse().find(Boolean) ?? pdf.outline;
        outline[op.level] = parent.addItem(op.title);
        outline.length = op.level + 1;
      }
    }
  };
  // The structure element of a path of tags, made (and put under its parent) the first time it is met.
  const elementOf = (path: readonly TagRef[]): PDFKit.PDFStructureElement => {
    let parent: PDFKit.PDFStructureElement = root;
    for (const tag of path) {
      let element = elements.get(tag.id);
      if (!element) {
        element = pdf.struct(tag.type, tag.alt === undefined ? {} : { alt: tag.alt });
        parent.add(element);
        elements.set(tag.id, element);
      }
      parent = element;
    }
    return parent;
  };
  const tagged = (path: readonly TagRef[], ops: DrawOp[]) => {
    const element = elementOf(path);
    const content = pdf.markStructureContent(path.at(-1)!.type);
    draw(ops);
    pdf.endMarkedContent();
    element.add(content);
  };
  const drawTagged = (item: FlowItem, dx: number, dy: number) => {
    const ops = translate(item.ops, dx, dy);
    const parts = (item.parts ?? []).map((part) => ({ path: part.path, ops: translate(part.ops, dx, dy) }));
    if (item.artifact) return artifact([...ops, ...parts.flatMap((part) => part.ops)]);
    if (!item.tag) return draw(ops);
    if (!item.parts) return tagged([item.tag], ops);
    // A table: its rules are layout, its cells' text the content of TR and TD elements.
    artifact(ops, 'Layout');
    for (const part of parts) {
      if (part.ops.length) tagged(part.path, part.ops);
      else elementOf(part.path);
    }
  };
  const artifact = (ops: DrawOp[], type: 'Pagination' | 'Layout' = 'Pagination') => {
    pdf.markContent('Artifact', { type });
    draw(ops);
    pdf.endMarkedContent();
  };

  pages.forEach((page, index) => {
    pdf.addPage({ size: [geometry.width, geometry.height], margin: 0 });
    if (index > 0) artifact(runningHeader(index + 1, doc, context, geometry));
    for (const placed of page.body) drawTagged(placed.item, geometry.left, geometry.top + placed.y);
    if (page.notes.length) {
      const notesTop = geometry.top + geometry.bodyHeight - page.notesHeight;
      const ruleY = notesTop - footnoteSeparator.spaceAfter;
      const ruleWidth = geometry.textWidth * footnoteSeparator.length;
      const x1 = context.dir === 'rtl' ? geometry.left + geometry.textWidth - ruleWidth : geometry.left;
      artifact([{ kind: 'rule', x1, x2: x1 + ruleWidth, y1: ruleY, y2: ruleY, width: context.sheet.pdf.ruleWidth, color: '#000000' }]);
      for (const placed of page.notes) drawTagged(placed.item, geometry.left, notesTop + placed.y);
    }
  });
  mapJoiningGlyphs(pdf);
  for (const element of elements.values()) element.end();
  root.end();
  pdf.end();
  await finished;
  return Buffer.concat(chunks);
}

/** "- 2 -" and the document symbol, centred at the head of every page after the first. */
function runningHeader(pageNumber: number, doc: ModelDocument, context: LayoutContext, geometry: Geometry): DrawOp[] {
  const [before, after] = doc.frame.pageNumber;
  const ops: DrawOp[] = [];
  let y = geometry.header;
  for (const text of [`${before}${pageNumber}${after}`, doc.frame.runningHeader]) {
    for (const line of layoutParagraph(
      { spans: [{ text, style: {} }], size: context.styles.header.size, align: 'center', width: geometry.textWidth, indent: 0, hanging: 0 },
      context,
    )) {
      ops.push(...translate(line.ops, geometry.left, y));
      y += line.height;
    }
  }
  return ops;
}

interface FragmentOptions {
  baseline: 'alphabetic';
  features: string[];
  characterSpacing: number;
  textWidth: number;
}

/**
 * Draws one shaped run at a given baseline. pdfkit's public `text()` would
 * wrap, measure and shape again; its `_fragment` draws exactly one run.
 */
function fragment(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, options: FragmentOptions): void {
  (pdf as unknown as { _fragment(text: string, x: number, y: number, options: FragmentOptions): void })._fragment(text, x, y, options);
}

interface LayingOutFont {
  scale: number;
  layoutRun(text: string, features?: string[]): unknown;
}

const drawingShapedRuns = new WeakSet<object>();

/**
 * pdfkit shapes a run again every time it draws it, which for Arabic (Amiri's many contextual
 * lookups) was most of the time spent on a document. Every run drawn was shaped by the line layout
 * already (shaping.ts), so pdfkit's font (one per document, font and direction) is handed that run,
 * scaled as pdfkit scales its own; a run drawn again in the document takes the same scaled copy.
 */
function drawShapedRuns(pdf: PDFKit.PDFDocument, font: PdfFont): void {
  const embedded = (pdf as unknown as { _font: LayingOutFont })._font;
  if (drawingShapedRuns.has(embedded)) return;
  drawingShapedRuns.add(embedded);
  const shape = embedded.layoutRun.bind(embedded);
  const drawn = new Map<string, PdfkitRun>();
  embedded.layoutRun = (text, features) => {
    if (features?.length) return shape(text, features);
    let run = drawn.get(text);
    if (run === undefined) drawn.set(text, (run = pdfkitRun(shapedRun(font, text), embedded.scale)));
    return run;
  };
}

interface EmbeddedFont {
  subset: { includeGlyph(id: number): number };
  unicode: number[][];
}

const copies = new WeakMap<object, Map<string, object>>();

/**
 * Which copy of its font a right-to-left run is drawn from. Amiri draws the joining stroke it adds
 * between letters (لكي) with the glyph of the tatweel; one glyph has one ToUnicode entry per font, so
 * runs that write a tatweel themselves (the label هـ)) take a copy of their own where it stays a tatweel.
 */
const TATWEEL = '\u0640';
const copyName = (text: string) => (text.includes(TATWEEL) ? 'RTL-Tatweel' : 'RTL');

/**
 * The face under another PostScript name, for right-to-left runs: pdfkit merges fonts of one name into
 * one embedded font, and the ToUnicode entries of this copy would then turn every bracket of
 * left-to-right text round too ("PP22/39)Add.4(-A").
 */
function namedCopy(font: object, suffix: string): object {
  let named = copies.get(font);
  if (!named) copies.set(font, (named = new Map()));
  let copy = named.get(suffix);
  if (!copy) {
    const name = (font as { postscriptName: string }).postscriptName;
    copy = Object.create(font, { postscriptName: { value: `${name}-${suffix}` } }) as object;
    named.set(suffix, copy);
  }
  return copy;
}

const RLM = 0x200f;

/**
 * ToUnicode entries of the punctuation of a right-to-left run: a mirrored bracket maps back to the
 * bracket as written, and every such character is followed by a RIGHT-TO-LEFT MARK. A reader rebuilds
 * the logical order from the glyphs' places (poppler: from the right, Arabic and neutrals reversed, then
 * a left-to-right stretch of Latin letters and figures with the neutrals left of it); the mark ends the
 * stretch at the bracket, so that "(ITU-T)" and "(LLDC)." come back as written, not "()ITU-T".
 */
function mapRightToLeft(pdf: PDFKit.PDFDocument, font: PdfFont, drawn: string, mirrored: Record<string, string>): void {
  const embedded = (pdf as unknown as { _font: EmbeddedFont })._font;
  // The glyphs as shaped: punctuation may take a contextual form of its own.
  for (const glyph of shapedRun(font, drawn).glyphs) {
    if (glyph.codePoints.length !== 1) continue;
    const char = String.fromCodePoint(glyph.codePoints[0]!);
    const written = mirrored[char] ?? char;
    if (!isNeutral(written)) continue;
    embedded.unicode[embedded.subset.includeGlyph(glyph.id)] = [written.codePointAt(0)!, RLM];
  }
  // fontkit keeps the characters a glyph stood for the first time it was shaped: a joining stroke's none.
  if (drawn.includes(TATWEEL)) {
    for (const glyph of shapedRun(font, TATWEEL).glyphs) embedded.unicode[embedded.subset.includeGlyph(glyph.id)] = [0x640];
  }
}

/**
 * Glyphs that stand for no character of their own (Amiri's joining strokes, as in لكي) get a ZERO WIDTH
 * JOINER: with no character at all a reader takes their width for a gap and cuts the word there.
 */
function mapJoiningGlyphs(pdf: PDFKit.PDFDocument): void {
  const families = (pdf as unknown as { _fontFamilies: Record<string, { unicode?: number[][] }> })._fontFamilies;
  for (const font of Object.values(families)) {
    font.unicode?.forEach((codePoints, gid) => {
      if (codePoints.length === 0) font.unicode![gid] = [0x200d];
    });
  }
}
