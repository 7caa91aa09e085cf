/**
 * PDF writer: model → flow items (blocks.ts, table.ts) → pages
 * (paginate.ts) → pdfkit. pdfkit only draws: line breaking, bidi, font
 * fallback, footnotes and pagination are ours. Two copies per document and
 * language: `marked` (revision marks underlined and struck through) and
 * `clean` (the accepted reading, scripts/passes/readings.ts).
 */
import PDFDocument from 'pdfkit';
import type * as fontkit from 'fontkit';
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
  writeToUnicode(pdf);
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

interface EmbeddedFont {
  scale: number;
  layoutRun(text: string, features?: string[]): unknown;
  subset: { mapping: Record<number, number | undefined> };
  unicode: number[][];
}

const embeddedFont = (pdf: PDFKit.PDFDocument) => (pdf as unknown as { _font: EmbeddedFont })._font;

/** The ToUnicode entries of the embedded fonts of one document, written when it is finished. */
const toUnicodeEntries = new WeakMap<EmbeddedFont, ToUnicodeEntries>();

/**
 * pdfkit shapes a run again every time it draws it, which for Arabic (Amiri's many contextual
 * lookups) was most of the time spent on a document. Every run drawn was shaped by the line layout
 * already (shaping.ts), so pdfkit's font (one per document, font and direction) is handed that run,
 * scaled as pdfkit scales its own; a run drawn again in the document takes the same scaled copy.
 * Each run's glyphs are noted for the font's ToUnicode entries as it is handed over.
 */
function drawShapedRuns(pdf: PDFKit.PDFDocument, font: PdfFont): void {
  const embedded = embeddedFont(pdf);
  if (toUnicodeEntries.has(embedded)) return;
  const entries = new ToUnicodeEntries();
  toUnicodeEntries.set(embedded, entries);
  const shape = embedded.layoutRun.bind(embedded);
  const drawn = new Map<string, PdfkitRun>();
  embedded.layoutRun = (text, features) => {
    if (features?.length) return shape(text, features);
    let run = drawn.get(text);
    if (run === undefined) {
      const shaped = shapedRun(font, text);
      entries.draw(shaped.glyphs);
      drawn.set(text, (run = pdfkitRun(shaped, embedded.scale)));
    }
    return run;
  };
}

/**
 * What each glyph of an embedded font stands for in its ToUnicode map: the characters of its cluster in
 * this document's own runs (shaping.ts gives every glyph of a run the characters it stands for there),
 * never those fontkit kept from the first text the process shaped. A glyph drawn for several (a space and
 * a no-break space, a unified ideograph and its compatibility twin, Amiri's tatweel and the joining stroke
 * drawn with it) maps to one of them, the same whatever order the runs come in: a character rather than
 * none, then the lowest code points, which are the plain character of the pair. A glyph that stands for
 * no character anywhere in the document gets a ZERO WIDTH JOINER (Amiri's joining strokes, as in لكي):
 * with no character at all a reader takes its width for a gap and cuts the word there.
 */
class ToUnicodeEntries {
  /** By fontkit glyph id: the characters the entry gives, of those the glyph was drawn for so far. */
  private readonly chosen = new Map<number, readonly number[]>();
  /** By fontkit glyph id: entries set by a rule of the writer (right-to-left punctuation, the tatweel), the last one kept. */
  private readonly fixed = new Map<number, number[]>();

  draw(glyphs: readonly fontkit.Glyph[]): void {
    for (const glyph of glyphs) {
      const before = this.chosen.get(glyph.id);
      if (before === undefined || readsBefore(glyph.codePoints, before)) this.chosen.set(glyph.id, glyph.codePoints);
    }
  }

  fix(glyph: fontkit.Glyph, codePoints: number[]): void {
    this.fixed.set(glyph.id, codePoints);
  }

  /** Writes the entries of the glyphs the document drew into pdfkit's table, which it embeds when the document ends. */
  write(embedded: EmbeddedFont): void {
    for (const [id, codePoints] of this.chosen) {
      const gid = embedded.subset.mapping[id];
      if (gid === undefined) continue;
      embedded.unicode[gid] = this.fixed.get(id) ?? (codePoints.length ? [...codePoints] : [ZWJ]);
    }
  }
}

const ZWJ = 0x200d;

/** Whether a glyph's ToUnicode entry gives characters `a` rather than `b`: some characters rather than none, then the lower code points. */
function readsBefore(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length > b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
}

/** Every embedded font's ToUnicode entries, once the document is drawn. */
function writeToUnicode(pdf: PDFKit.PDFDocument): void {
  const families = (pdf as unknown as { _fontFamilies: Record<string, EmbeddedFont> })._fontFamilies;
  for (const embedded of Object.values(families)) toUnicodeEntries.get(embedded)?.write(embedded);
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
  const entries = toUnicodeEntries.get(embeddedFont(pdf))!;
  // The glyphs as shaped: punctuation may take a contextual form of its own.
  for (const glyph of shapedRun(font, drawn).glyphs) {
    if (glyph.codePoints.length !== 1) continue;
    const char = String.fromCodePoint(glyph.codePoints[0]!);
    const written = mirrored[char] ?? char;
    if (!isNeutral(written)) continue;
    entries.fix(glyph, [written.codePointAt(0)!, RLM]);
  }
  // In the tatweel's copy its glyph stays a tatweel, also where it draws a joining stroke.
  if (drawn.includes(TATWEEL)) {
    for (const glyph of shapedRun(font, TATWEEL).glyphs) entries.fix(glyph, [0x640]);
  }
}
