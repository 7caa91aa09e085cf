/**
 * DOCX writer: model → docx builders. Revision marks become Word tracked
 * changes (w:ins / w:del, author and date from document.yaml) in the
 * `tracked` copy, underline and strike-through in `marked`; the `clean`
 * copy is the accepted reading (scripts/passes/readings.ts). One function per node type, dispatched from tables
 * typed over the model, as in the HTML writer.
 */
import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReference,
  FootnoteReferenceRun,
  Header,
  ImageRun,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  TableLayoutType,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { BlockNode, FigurePicture, InlineNode, ModelDocument, Summary, Table as ModelTable } from '../../model/types.js';
import { POINTS_PER_PIXEL, printedSize, textWidth } from '../figure-size.js';
import type { Locale } from '../../i18n/locales.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { headingLineStyle, isBoldFrameLine, type FrameLayout } from '../frame.js';
import { ALIGNMENT, STYLE, buildStyles, type DocxStyleSheet } from './styles.js';
import { fontTableXml } from './font-table.js';
import { allRows, columnShares, spanned, tableMeasure } from '../table-columns.js';
import { points, setsItalic, twips } from '../style-sheet.js';
import { cellAlign, listMarker, type Align } from '../paragraph-styles.js';
import { defineWriter, type Copy } from '../writer.js';
import { inChange } from '../marks.js';
import { changeAround, dataFieldInstruction, fieldParts, insertionAround, type Revision } from './revisions.js';

/** How revision marks are written: as Word's tracked changes, or as underline and strike-through. */
export type DocxMarks = 'tracked' | 'formatted';

/**
 * Three copies: tracked changes that Word's Accept and Reject work on, the
 * marks as formatting only, and the clean copy (the accepted reading, which
 * has no marks left).
 */
export const writer = defineWriter<Copy & { marks: DocxMarks }>({
  copies: [
    { name: 'tracked', marks: 'tracked' },
    { name: 'marked', marks: 'formatted' },
    { name: 'clean', marks: 'formatted', reading: 'accepted' },
  ],
  create(context) {
    const sheet = context.sheet;
    return (doc, copy) => renderDocx(doc, { locale: context.locale(doc.lang), sheet, layout: context.frame(doc), marks: copy.marks });
  },
});

type Mark = 'insertion' | 'deletion' | undefined;

interface State {
  doc: ModelDocument;
  locale: Locale;
  sheet: DocxStyleSheet;
  marks: DocxMarks;
  rtl: boolean;
  /** The alignment a table cell gives its paragraphs, while they are written. */
  cellAlign?: Align | undefined;
  /** Word needs a distinct id for every revision. */
  nextRevision: number;
  /** How many list items the paragraphs being written are nested in. */
  listDepth: number;
  /** Editors' comments, in document order (their index is their Word id), in the tracked copy. */
  comments: string[];
  /** The figures printed from the document's data, by reference: the package's custom properties. */
  dataFields: Map<string, string>;
  /** Word needs a distinct id for every bookmark; counted per document, so that the bytes never depend on what was written before. */
  nextBookmark: number;
}

interface RunStyle {
  italics?: boolean;
  bold?: boolean;
  mark: Mark;
  /** The change around `mark` when one change is inside the other (`{++a {--b--} c++}`). */
  outer?: Mark;
}

function nextRevision(state: State): Revision {
  return { id: state.nextRevision++, author: state.doc.meta.revisionAuthor, date: state.doc.meta.revisionDate };
}

type RunContent = IRunOptions;

/**
 * A run in its tracked change. Inside another change it is what Word writes for text inserted and
 * then deleted — a deletion inside an insertion — whichever way round the source nests them: the
 * text is in neither reading, and accepting or rejecting both gives the source's two readings.
 */
function trackedRun(content: RunContent, style: RunStyle, state: State): ParagraphChild {
  if (style.outer !== undefined) {
    const outer = nextRevision(state);
    return insertionAround(outer, new DeletedTextRun({ ...content, ...nextRevision(state) }));
  }
  const revision = nextRevision(state);
  return style.mark === 'insertion' ? new InsertedTextRun({ ...content, ...revision }) : new DeletedTextRun({ ...content, ...revision });
}

/** Underline for text inserted, strike-through for text deleted (both for text in both), coloured by its own change. */
function formattedMarks(style: RunStyle, state: State): Partial<IRunOptions> {
  const marks = [style.mark, style.outer];
  return {
    ...(marks.includes('insertion') ? { underline: {} } : {}),
    ...(marks.includes('deletion') ? { strike: true } : {}),
    color: style.mark === 'insertion' ? state.sheet.marks.insertionColour : state.sheet.marks.deletionColour,
  };
}

/** A run's own options: emphasis, weight and direction. */
function runOptions(style: RunStyle, state: State): IRunOptions {
  return {
    italics: style.italics,
    italicsComplexScript: style.italics,
    bold: style.bold,
    boldComplexScript: style.bold,
    rightToLeft: state.rtl || undefined,
  };
}

/** A run of text or fields, unmarked, formatted as its change, or tracked in it. */
function markedRun(content: RunContent, style: RunStyle, state: State): ParagraphChild {
  if (style.mark === undefined) return new TextRun(content);
  if (state.marks === 'formatted') return new TextRun({ ...content, ...formattedMarks(style, state) });
  return trackedRun(content, style, state);
}

// ------------------------------------------------------------------ runs

// A revision mark is not isolated here as it is in the HTML and PDF: WordprocessingML has no isolate for
// runs. FSI…PDI characters would reach the text pandoc reads back, and a w:dir embedding round the runs
// is dropped, text and all, by pandoc and ignored by LibreOffice (tried on the Arabic title's 2023-2020/2027-2024).
function textRun(text: string, style: RunStyle, state: State): ParagraphChild[] {
  if (!text) return [];
  return [markedRun({ ...runOptions(style, state), text }, style, state)];
}

/**
 * A figure printed from the document's data: a DOCPROPERTY field naming its reference, its value the
 * field's result and the package's custom property, so that a reader gets `:data{ref=…}` back.
 */
function dataRun(ref: string, value: string, style: RunStyle, state: State): ParagraphChild[] {
  state.dataFields.set(ref, value);
  const deleted = state.marks === 'tracked' && (style.mark === 'deletion' || style.outer !== undefined);
  return fieldParts(dataFieldInstruction(ref), value, deleted).map((children) =>
    markedRun({ ...runOptions(style, state), children }, style, state),
  );
}

/** A footnote call; inside a tracked change it is tracked with the text, so accepting or rejecting takes it too. */
function footnoteCall(number: number, style: RunStyle, state: State): ParagraphChild[] {
  if (style.mark === undefined || state.marks !== 'tracked') return [new FootnoteReferenceRun(number)];
  // The docx package types run children as text and fields; a footnote reference element is a run child too.
  return [trackedRun({ style: 'FootnoteReference', children: [new FootnoteReference(number) as unknown as string] }, style, state)];
}

/** The plain text of inline nodes, as a Word comment's paragraph holds it. */
function plainText(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => ('value' in node ? node.value : 'children' in node ? plainText(node.children) : '')).join('');
}

/**
 * An editor's comment is a Word comment in the tracked copy, anchored where it stands (an empty
 * range, as the dialect's comment is a point); the marked and clean copies leave it out. Inside a
 * change its reference run is tracked with the change, as Word tracks a comment on changed text, so
 * that it is read back inside the change and goes with it when the change is accepted or rejected.
 */
function editorComment(children: readonly InlineNode[], style: RunStyle, state: State): ParagraphChild[] {
  if (state.marks !== 'tracked') return [];
  const id = state.comments.push(plainText(children)) - 1;
  // The docx package types run children as text and fields; a comment reference element is a run child too.
  const reference = { children: [new CommentReference(id) as unknown as string] };
  const run = style.mark === undefined ? new TextRun(reference) : trackedRun(reference, style, state);
  return [new CommentRangeStart(id), new CommentRangeEnd(id), run];
}

type InlineHandlers = {
  [T in InlineNode['type']]: (node: Extract<InlineNode, { type: T }>, style: RunStyle, state: State) => ParagraphChild[];
};

const inlineHandlers: InlineHandlers = {
  text: (node, style, state) =>
    node.dataRef === undefined ? textRun(node.value, style, state) : dataRun(node.dataRef, node.value, style, state),
  emphasis: (node, style, state) =>
    runs(node.children, { ...style, italics: setsItalic(state.sheet, LANGUAGES[state.doc.lang].script) }, state),
  strong: (node, style, state) => runs(node.children, { ...style, bold: true }, state),
  link: (node, style, state) => runs(node.children, style, state),
  break: () => [new TextRun({ break: 1 })],
  insertion: (node, style, state) => runs(node.children, inChange(style, 'insertion'), state),
  deletion: (node, style, state) => runs(node.children, inChange(style, 'deletion'), state),
  editorComment: (node, style, state) => editorComment(node.children, style, state),
  callWord: (node, style, state) => textRun(node.value, style, state),
  footnoteReference: (node, style, state) => footnoteCall(node.number, style, state),
  anchor: (node, style, state) => {
    const bookmark = bookmarked(node.id, [], state);
    // Inside a change, in it: so that a reader finds the anchor inside the change, not beside it.
    if (style.mark === undefined || state.marks !== 'tracked') return bookmark;
    return [changeAround(style.mark === 'insertion' ? 'w:ins' : 'w:del', nextRevision(state), bookmark)];
  },
};

/**
 * Ids as Word bookmarks, named by the id: an anchor is a point; a heading's, figure's or table's id
 * covers its paragraph (a table's its caption, or the paragraph after a table without one), so
 * that a reader tells the two apart. The docx package numbers bookmarks from a counter shared by
 * the whole process; these are numbered per document.
 */
function bookmarked(id: string | undefined, children: ParagraphChild[], state: State): ParagraphChild[] {
  if (id === undefined) return children;
  const number = state.nextBookmark++;
  // The docx package types paragraph children as runs and the like; bookmark starts and ends are paragraph children too.
  return [new BookmarkStart(id, number) as unknown as ParagraphChild, ...children, new BookmarkEnd(number) as unknown as ParagraphChild];
}

function runs(nodes: readonly InlineNode[], style: RunStyle, state: State): ParagraphChild[] {
  return nodes.flatMap((node) =>
    (inlineHandlers[node.type] as (n: InlineNode, s: RunStyle, st: State) => ParagraphChild[])(node, style, state),
  );
}

const plain: RunStyle = { mark: undefined };

// ------------------------------------------------------------------ blocks

type Block = Paragraph | Table;
type BlockHandlers = {
  [T in BlockNode['type']]: (node: Extract<BlockNode, { type: T }>, state: State, style: string | undefined) => Block[];
};

/**
 * A wholly inserted or deleted block tracks its paragraph mark too, so that
 * rejecting an inserted paragraph (or accepting a deleted one) removes the
 * paragraph itself, not only its words.
 */
function paragraphMark(change: Mark, state: State): { run?: { insertion?: Revision; deletion?: Revision } } {
  if (state.marks !== 'tracked' || change === undefined) return {};
  const revision = nextRevision(state);
  return { run: change === 'insertion' ? { insertion: revision } : { deletion: revision } };
}

/** The paragraph's direction, and inside a table cell the cell's own alignment. */
function direction(state: State): { bidirectional: true | undefined; alignment?: (typeof ALIGNMENT)[Align] } {
  return state.cellAlign
    ? { bidirectional: state.rtl || undefined, alignment: ALIGNMENT[state.cellAlign] }
    : { bidirectional: state.rtl || undefined };
}

/** Labels and dashes in a table cell hang by the table's narrower indent; elsewhere by the page's. */
function labelledStyle(cellStyle: string | undefined, pageStyle: string): string {
  return cellStyle === STYLE.tableText || cellStyle === STYLE.tableHead ? STYLE.tableLabelled : (cellStyle ?? pageStyle);
}

/** Writes what a list item holds besides its first paragraph one level deeper. */
function nested<T>(state: State, write: () => T): T {
  state.listDepth++;
  try {
    return write();
  } finally {
    state.listDepth--;
  }
}

/** A nested list's item hangs under its parent's text: one more hanging indent for each level. */
function nestedIndent(cellStyle: string | undefined, state: State): { indent?: { start: number; hanging: number } } {
  if (state.listDepth === 0) return {};
  const hang = labelledStyle(cellStyle, STYLE.dash) === STYLE.tableLabelled ? state.sheet.indent.tableLabel : state.sheet.indent.label;
  return { indent: { start: hang * (state.listDepth + 1), hanging: hang } };
}

const blockHandlers: BlockHandlers = {
  heading: (node, state) => {
    const style =
      node.role === 'resolutionTitle' ? STYLE.resolutionTitle : node.role === 'annexTitle' ? STYLE.annexTitle : STYLE.heading(node.depth);
    const label = node.label ? [...runs(node.label, plain, state), new TextRun({ text: '\t' })] : [];
    return [
      new Paragraph({
        style,
        bidirectional: state.rtl || undefined,
        ...paragraphMark(node.change, state),
        children: bookmarked(node.id, [...label, ...runs(node.children, plain, state)], state),
      }),
    ];
  },
  paragraph: (node, state, style) => [
    new Paragraph({ style: style ?? STYLE.normal, ...direction(state), children: runs(node.children, plain, state) }),
  ],
  labelledParagraph: (node, state, style) => [
    new Paragraph({
      style: labelledStyle(style, STYLE.labelled),
      ...direction(state),
      ...paragraphMark(node.change, state),
      children: [...runs(node.label, plain, state), new TextRun({ text: '\t' }), ...runs(node.children, plain, state)],
    }),
  ],
  callWordParagraph: (node, state) => [
    new Paragraph({ style: STYLE.callWord, bidirectional: state.rtl || undefined, children: runs(node.children, plain, state) }),
  ],
  list: (node, state, style) =>
    node.children.flatMap((item, index) => {
      const marker = node.ordered ? `${node.start + index}.` : listMarker(state.listDepth);
      const [first, ...rest] = item.children;
      const lead =
        first && (first.type === 'paragraph' || first.type === 'labelledParagraph')
          ? [
              new Paragraph({
                style: labelledStyle(style, STYLE.dash),
                ...nestedIndent(style, state),
                ...direction(state),
                ...paragraphMark(item.change, state),
                children: [new TextRun({ text: `${marker}\t` }), ...runs(first.children, plain, state)],
              }),
            ]
          : first
            ? nested(state, () => blocks([first], state, style))
            : [];
      return [...lead, ...nested(state, () => blocks(rest, state, style))];
    }),
  blockquote: (node, state, style) => blocks(node.children, state, style),
  table: (node, state) => table(node, state),
  figure: (node, state) => {
    return [
      new Paragraph({
        style: STYLE.figure,
        bidirectional: state.rtl || undefined,
        children: bookmarked(
          node.id,
          [
            node.picture
              ? pictureRun(node.picture, node.alt, state)
              : new TextRun({ text: `${state.locale.t('labels.figurePlaceholder')} ${node.alt}`, rightToLeft: state.rtl || undefined }),
          ],
          state,
        ),
      }),
      new Paragraph({
        style: STYLE.caption,
        bidirectional: state.rtl || undefined,
        children: [
          new TextRun({ text: node.printedNumber ?? '' }),
          ...(node.caption.length ? [new TextRun({ text: ' – ' }), ...runs(node.caption, plain, state)] : []),
        ],
      }),
    ];
  },
  proposal: (node, state) => [
    new Paragraph({
      style: STYLE.proposal,
      bidirectional: state.rtl || undefined,
      children: [new TextRun({ text: node.action }), new TextRun({ text: '\t' }), new TextRun({ text: node.id, bold: false })],
    }),
    ...blocks(node.children, state),
    ...(node.reasons.length
      ? [
          new Paragraph({
            style: STYLE.reasons,
            bidirectional: state.rtl || undefined,
            children: [new TextRun({ text: state.locale.t('proposal.reasons'), bold: true })],
          }),
          ...blocks(node.reasons, state),
        ]
      : []),
  ],
  summary: (node, state) => [summaryBox(node, state), new Paragraph({ children: [] })],
};

/** The summary of a Council document: its parts in a bordered one-cell table, as Council documents box it. */
/** A figure's picture, embedded, as large as the PDF prints it (../figure-size.ts); the alt text is its description. */
function pictureRun(picture: FigurePicture, alt: string, state: State): ImageRun {
  const size = printedSize(picture, state.sheet, textWidth(state.sheet));
  return new ImageRun({
    type: picture.format === 'jpeg' ? 'jpg' : 'png',
    data: readFileSync(picture.file),
    transformation: { width: Math.round(size.width / POINTS_PER_PIXEL), height: Math.round(size.height / POINTS_PER_PIXEL) },
    altText: { name: picture.path, description: alt, title: alt },
  });
}

function summaryBox(node: Summary, state: State): Table {
  const { ruleWidth, padding } = state.sheet.box;
  // Word counts border widths in eighths of a point.
  const rule = { style: BorderStyle.SINGLE, size: Math.round(ruleWidth * 8), color: '000000' };
  const room = twips(padding);
  const content = node.parts.flatMap((part) => [
    new Paragraph({
      style: STYLE.summaryTitle,
      // The parts the style sheet sets apart (the references) open with a rule across the box.
      border: state.sheet.box.ruleBefore.includes(part.key) ? { top: { ...rule, space: 4 } } : undefined,
      bidirectional: state.rtl,
      children: [new TextRun({ text: part.title, rightToLeft: state.rtl })],
    }),
    ...blocks(part.children, state),
  ]);
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: state.rtl,
    margins: { top: room, bottom: room, left: room, right: room },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [new TableCell({ borders: { top: rule, bottom: rule, left: rule, right: rule }, children: content })],
      }),
    ],
  });
}

function blocks(nodes: readonly BlockNode[], state: State, style?: string): Block[] {
  return nodes.flatMap((node) =>
    (blockHandlers[node.type] as (n: BlockNode, s: State, st: string | undefined) => Block[])(node, state, style),
  );
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(node: ModelTable, state: State): Block[] {
  const head = new Set(node.head);
  const { page } = state.sheet;
  const textWidth = page.width - page.margin.left - page.margin.right;
  const grid = columnShares(node, tableMeasure(state.sheet, points(textWidth))).map((share) => Math.round(share * textWidth));
  const padding = twips(state.sheet.spacing.cellPadding);
  const rows = allRows(node).map(
    (row) =>
      new TableRow({
        // Only what is on is written: a body row marked "not a header" is read as a header by pandoc.
        tableHeader: head.has(row) || undefined,
        children: row.cells.map(
          (cell) =>
            new TableCell({
              columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
              rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
              width: { size: spanned(grid, cell.column, cell.colSpan), type: WidthType.DXA },
              borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
              children: (() => {
                state.cellAlign = cellAlign(cell.align, state.rtl ? 'rtl' : 'ltr');
                const content = blocks(cell.children, state, head.has(row) ? STYLE.tableHead : STYLE.tableText);
                state.cellAlign = undefined;
                // Word requires a paragraph in every cell.
                return content.length ? content : [new Paragraph({ style: STYLE.tableText, children: [] })];
              })(),
            }),
        ),
      }),
  );
  const label = node.printedNumber ? [new TextRun({ text: `${node.printedNumber} ` })] : [];
  const caption = node.caption.length
    ? [
        new Paragraph({
          style: STYLE.caption,
          bidirectional: state.rtl || undefined,
          children: bookmarked(node.id, [...label, ...runs(node.caption, plain, state)], state),
        }),
      ]
    : [];
  return [
    ...caption,
    new Table({
      rows,
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: grid,
      layout: TableLayoutType.FIXED,
      // The PDF's cell padding, so that the columns fitted to the text have the same room in both.
      margins: { top: padding, bottom: padding, left: padding, right: padding },
      visuallyRightToLeft: state.rtl || undefined,
    }),
    new Paragraph({ children: node.caption.length ? [] : bookmarked(node.id, [], state) }),
  ];
}

// ------------------------------------------------------------------ frame

function frameBlocks(layout: FrameLayout, state: State): Block[] {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const lines = (list: FrameLayout['conference'], bigFirst: boolean) =>
    list.map(
      (line, index) =>
        new Paragraph({
          bidirectional: state.rtl || undefined,
          alignment: AlignmentType.START,
          spacing: { before: 0 },
          children: [
            new TextRun({
              text: line.text,
              bold: isBoldFrameLine(line),
              size: bigFirst && index === 0 ? state.sheet.sizes.conference * 2 : undefined,
              rightToLeft: state.rtl || undefined,
            }),
          ],
        }),
    );
  const out: Block[] = [];
  if (layout.conference.length + layout.document.length > 0) {
    out.push(
      new Table({
        width: { size: 5000, type: WidthType.PERCENTAGE },
        visuallyRightToLeft: state.rtl || undefined,
        rows: [
          new TableRow({
            children: [
              new TableCell({
                width: { size: 3100, type: WidthType.PERCENTAGE },
                borders: { top: none, left: none, right: none, bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000' } },
                children: lines(layout.conference, true),
              }),
              new TableCell({
                width: { size: 1900, type: WidthType.PERCENTAGE },
                borders: { top: none, left: none, right: none, bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000' } },
                children: lines(layout.document, false),
              }),
            ],
          }),
        ],
      }),
    );
  }
  for (const line of layout.heading) {
    out.push(
      new Paragraph({
        style: STYLE[headingLineStyle(line)],
        bidirectional: state.rtl || undefined,
        children: [new TextRun({ text: line.text, rightToLeft: state.rtl || undefined })],
      }),
    );
  }
  return out;
}

// ------------------------------------------------------------------ document

export interface DocxOptions {
  locale: Locale;
  sheet: DocxStyleSheet;
  layout: FrameLayout;
  marks: DocxMarks;
}

/** Word's hyphenation settings where the style sheet hyphenates the language (its script has rules, the language patterns); none elsewhere. */
function hyphenation(sheet: DocxStyleSheet, lang: ModelDocument['lang']) {
  const rules = sheet.hyphenation.scripts[LANGUAGES[lang].script];
  if (!rules || !sheet.hyphenation.patterns[lang]) return {};
  return { hyphenation: { autoHyphenation: true, doNotHyphenateCaps: true, consecutiveHyphenLimit: rules.consecutive } };
}

export async function renderDocx(doc: ModelDocument, options: DocxOptions): Promise<Buffer> {
  const rtl = LANGUAGES[doc.lang].dir === 'rtl';
  const state: State = {
    doc,
    locale: options.locale,
    sheet: options.sheet,
    marks: options.marks,
    rtl,
    nextRevision: 1,
    listDepth: 0,
    comments: [],
    dataFields: new Map(),
    nextBookmark: 0,
  };
  const body = [...frameBlocks(options.layout, state), ...blocks(doc.body, state)];
  const footnotes = Object.fromEntries(
    doc.footnotes.map((note) => {
      const content = blocks(note.children, state, STYLE.footnoteText).filter((b): b is Paragraph => b instanceof Paragraph);
      return [note.number, { children: content.length ? content : [new Paragraph({ style: STYLE.footnoteText, children: [] })] }];
    }),
  );
  const [before, after] = doc.frame.pageNumber;
  const { page } = options.sheet;
  const document = new Document({
    title: doc.front.title,
    subject: doc.meta.symbol,
    creator: doc.meta.revisionAuthor,
    lastModifiedBy: doc.meta.revisionAuthor,
    description: doc.frame.workingTranslation ?? '',
    keywords: `${doc.meta.symbol} ${doc.lang}`,
    revision: 1,
    customProperties: [...state.dataFields].map(([name, value]) => ({ name, value })),
    styles: buildStyles(options.sheet, doc.lang),
    features: { trackRevisions: options.marks === 'tracked' },
    // Word hyphenates by each run's language (w:lang in the styles), where the style sheet hyphenates the script, as the PDF does.
    ...hyphenation(options.sheet, doc.lang),
    footnotes,
    ...(state.comments.length
      ? {
          comments: {
            children: state.comments.map((text, id) => ({
              id,
              author: doc.meta.revisionAuthor,
              date: new Date(doc.meta.revisionDate),
              children: [
                new Paragraph({ bidirectional: rtl || undefined, children: [new TextRun({ text, rightToLeft: rtl || undefined })] }),
              ],
            })),
          },
        }
      : {}),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: page.width, height: page.height },
            margin: page.margin,
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({ style: STYLE.header, children: [new TextRun({ children: [before, PageNumber.CURRENT, after] })] }),
              new Paragraph({ style: STYLE.header, children: [new TextRun({ text: doc.frame.runningHeader })] }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return finishPackage(await Packer.toBuffer(document), doc.meta.revisionDate, { 'word/fontTable.xml': fontTableXml(options.sheet) });
}

/**
 * The docx package stamps the creation time into docProps/core.xml and the
 * zip entries. Rewrites both with the document's revision date so that the
 * same sources always give the same bytes, and puts in the parts it cannot
 * build (`parts`: name → content).
 */
async function finishPackage(buffer: Buffer, isoDate: string, parts: Record<string, string>): Promise<Buffer> {
  const date = new Date(isoDate);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const zip = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    let content: string | Uint8Array = parts[name] ?? (await entry.async('uint8array'));
    if (name === 'docProps/core.xml') {
      content = (await entry.async('string'))
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    }
    out.file(name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
