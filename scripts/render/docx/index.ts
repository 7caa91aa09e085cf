/**
 * DOCX writer: model → docx builders. Revision marks become Word tracked
 * changes (w:ins / w:del, author and date from document.yaml) in the
 * `tracked` variant, underline and strike-through in `marked`, and are
 * accepted in `clean`. One function per node type, dispatched from tables
 * typed over the model, as in the HTML writer.
 */
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  Header,
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
import JSZip from 'jszip';
import type { BlockNode, InlineNode, ModelDocument, Table as ModelTable } from '../../model/types.js';
import type { Locale } from '../../i18n/locales.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { isBoldFrameLine, type FrameLayout } from '../frame.js';
import { ALIGNMENT, STYLE, buildStyles, type DocxStyleSheet } from './styles.js';
import { allRows, cellColumns, columnShares, spanned, tableMeasure } from '../table-columns.js';
import { points, setsItalic, twips } from '../style-sheet.js';
import { cellAlign, type Align } from '../paragraph-styles.js';

export type DocxVariant = 'tracked' | 'marked' | 'clean';
export const DOCX_VARIANTS: readonly DocxVariant[] = ['tracked', 'marked', 'clean'];

type Mark = 'insertion' | 'deletion' | undefined;

interface State {
  doc: ModelDocument;
  locale: Locale;
  sheet: DocxStyleSheet;
  variant: DocxVariant;
  rtl: boolean;
  /** The alignment a table cell gives its paragraphs, while they are written. */
  cellAlign?: Align | undefined;
  /** Word needs a distinct id for every revision. */
  nextRevision: number;
  figureNumber: number;
}

interface RunStyle {
  italics?: boolean;
  bold?: boolean;
  mark: Mark;
}

// ------------------------------------------------------------------ runs

// A revision mark is not isolated here as it is in the HTML and PDF: WordprocessingML has no isolate for
// runs. FSI…PDI characters would reach the text pandoc reads back, and a w:dir embedding round the runs
// is dropped, text and all, by pandoc and ignored by LibreOffice (tried on the Arabic title's 2023-2020/2027-2024).
function textRun(text: string, style: RunStyle, state: State): ParagraphChild[] {
  if (!text) return [];
  const options: IRunOptions = {
    text,
    italics: style.italics,
    italicsComplexScript: style.italics,
    bold: style.bold,
    boldComplexScript: style.bold,
    rightToLeft: state.rtl,
  };
  if (style.mark === undefined) return [new TextRun(options)];
  if (state.variant === 'clean') return style.mark === 'deletion' ? [] : [new TextRun(options)];
  if (state.variant === 'marked') {
    return [
      new TextRun(
        style.mark === 'insertion'
          ? { ...options, underline: {}, color: state.sheet.marks.insertionColour }
          : { ...options, strike: true, color: state.sheet.marks.deletionColour },
      ),
    ];
  }
  const revision = { id: state.nextRevision++, author: state.doc.meta.revisionAuthor, date: state.doc.meta.revisionDate };
  return [style.mark === 'insertion' ? new InsertedTextRun({ ...options, ...revision }) : new DeletedTextRun({ ...options, ...revision })];
}

type InlineHandlers = {
  [T in InlineNode['type']]: (node: Extract<InlineNode, { type: T }>, style: RunStyle, state: State) => ParagraphChild[];
};

const inlineHandlers: InlineHandlers = {
  text: (node, style, state) => textRun(node.value, style, state),
  emphasis: (node, style, state) =>
    runs(node.children, { ...style, italics: setsItalic(state.sheet, LANGUAGES[state.doc.lang].script) }, state),
  strong: (node, style, state) => runs(node.children, { ...style, bold: true }, state),
  link: (node, style, state) => runs(node.children, style, state),
  break: () => [new TextRun({ break: 1 })],
  insertion: (node, style, state) => runs(node.children, { ...style, mark: 'insertion' }, state),
  deletion: (node, style, state) => runs(node.children, { ...style, mark: 'deletion' }, state),
  editorComment: () => [],
  callWord: (node, style, state) => textRun(node.value, style, state),
  footnoteReference: (node, style, state) =>
    state.variant === 'clean' && style.mark === 'deletion' ? [] : [new FootnoteReferenceRun(node.number)],
  anchor: () => [],
};

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

/** In the clean copy a wholly deleted block disappears, paragraph mark and all. */
const dropped = (change: Mark, state: State) => state.variant === 'clean' && change === 'deletion';

/**
 * A wholly inserted or deleted block tracks its paragraph mark too, so that
 * rejecting an inserted paragraph (or accepting a deleted one) removes the
 * paragraph itself, not only its words.
 */
function paragraphMark(change: Mark, state: State): { run?: { insertion?: Revision; deletion?: Revision } } {
  if (state.variant !== 'tracked' || change === undefined) return {};
  const revision = { id: state.nextRevision++, author: state.doc.meta.revisionAuthor, date: state.doc.meta.revisionDate };
  return { run: change === 'insertion' ? { insertion: revision } : { deletion: revision } };
}
interface Revision {
  id: number;
  author: string;
  date: string;
}

/** The paragraph's direction, and inside a table cell the cell's own alignment. */
function direction(state: State): { bidirectional: boolean; alignment?: (typeof ALIGNMENT)[Align] } {
  return state.cellAlign ? { bidirectional: state.rtl, alignment: ALIGNMENT[state.cellAlign] } : { bidirectional: state.rtl };
}

/** Labels and dashes in a table cell hang by the table's narrower indent; elsewhere by the page's. */
function labelledStyle(cellStyle: string | undefined, pageStyle: string): string {
  return cellStyle === STYLE.tableText || cellStyle === STYLE.tableHead ? STYLE.tableLabelled : (cellStyle ?? pageStyle);
}

const blockHandlers: BlockHandlers = {
  heading: (node, state) => {
    if (dropped(node.change, state)) return [];
    const style =
      node.role === 'resolutionTitle' ? STYLE.resolutionTitle : node.role === 'annexTitle' ? STYLE.annexTitle : STYLE.heading(node.depth);
    const label = node.label ? [...runs(node.label, plain, state), new TextRun({ text: '\t' })] : [];
    return [
      new Paragraph({
        style,
        bidirectional: state.rtl,
        ...paragraphMark(node.change, state),
        children: [...label, ...runs(node.children, plain, state)],
      }),
    ];
  },
  paragraph: (node, state, style) =>
    dropped(node.change, state)
      ? []
      : [new Paragraph({ style: style ?? STYLE.normal, ...direction(state), children: runs(node.children, plain, state) })],
  labelledParagraph: (node, state, style) =>
    dropped(node.change, state)
      ? []
      : [
          new Paragraph({
            style: labelledStyle(style, STYLE.labelled),
            ...direction(state),
            ...paragraphMark(node.change, state),
            children: [...runs(node.label, plain, state), new TextRun({ text: '\t' }), ...runs(node.children, plain, state)],
          }),
        ],
  callWordParagraph: (node, state) =>
    dropped(node.change, state)
      ? []
      : [new Paragraph({ style: STYLE.callWord, bidirectional: state.rtl, children: runs(node.children, plain, state) })],
  list: (node, state, style) =>
    node.children.flatMap((item, index) => {
      if (dropped(item.change, state)) return [];
      const marker = node.ordered ? `${node.start + index}.` : '–';
      const [first, ...rest] = item.children;
      const lead =
        first && (first.type === 'paragraph' || first.type === 'labelledParagraph')
          ? [
              new Paragraph({
                style: labelledStyle(style, STYLE.dash),
                ...direction(state),
                ...paragraphMark(item.change, state),
                children: [new TextRun({ text: `${marker}\t` }), ...runs(first.children, plain, state)],
              }),
            ]
          : first
            ? blocks([first], state, style)
            : [];
      return [...lead, ...blocks(rest, state, style)];
    }),
  blockquote: (node, state, style) => blocks(node.children, state, style),
  table: (node, state) => table(node, state),
  figure: (node, state) => {
    const number = ++state.figureNumber;
    return [
      new Paragraph({
        style: STYLE.figure,
        bidirectional: state.rtl,
        children: [new TextRun({ text: `${state.locale.t('labels.figurePlaceholder')} ${node.alt}`, rightToLeft: state.rtl })],
      }),
      new Paragraph({
        style: STYLE.caption,
        bidirectional: state.rtl,
        children: [
          new TextRun({ text: state.locale.t('labels.figure', { number }) }),
          ...(node.caption.length ? [new TextRun({ text: ' – ' }), ...runs(node.caption, plain, state)] : []),
        ],
      }),
    ];
  },
  proposal: (node, state) => [
    new Paragraph({
      style: STYLE.proposal,
      bidirectional: state.rtl,
      children: [new TextRun({ text: node.action }), new TextRun({ text: '\t' }), new TextRun({ text: node.id, bold: false })],
    }),
    ...blocks(node.children, state),
    ...(node.reasons.length
      ? [
          new Paragraph({
            style: STYLE.reasons,
            bidirectional: state.rtl,
            children: [new TextRun({ text: state.locale.t('proposal.reasons'), bold: true })],
          }),
          ...blocks(node.reasons, state),
        ]
      : []),
  ],
};

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
  const rowsOf = allRows(node);
  const firstColumns = cellColumns(node);
  const rows = rowsOf.map(
    (row, r) =>
      new TableRow({
        tableHeader: head.has(row),
        cantSplit: false,
        children: row.cells.map(
          (cell, index) =>
            new TableCell({
              columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
              rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
              width: { size: spanned(grid, firstColumns[r]![index]!, cell.colSpan), type: WidthType.DXA },
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
  const caption = node.caption.length
    ? [new Paragraph({ style: STYLE.caption, bidirectional: state.rtl, children: runs(node.caption, plain, state) })]
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
      visuallyRightToLeft: state.rtl,
    }),
    new Paragraph({ children: [] }),
  ];
}

// ------------------------------------------------------------------ frame

function frameBlocks(layout: FrameLayout, state: State): Block[] {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const lines = (list: FrameLayout['conference'], bigFirst: boolean) =>
    list.map(
      (line, index) =>
        new Paragraph({
          bidirectional: state.rtl,
          alignment: AlignmentType.START,
          spacing: { before: 0 },
          children: [
            new TextRun({
              text: line.text,
              bold: isBoldFrameLine(line),
              size: bigFirst && index === 0 ? state.sheet.sizes.conference * 2 : undefined,
              rightToLeft: state.rtl,
            }),
          ],
        }),
    );
  const out: Block[] = [];
  if (layout.conference.length + layout.document.length > 0) {
    out.push(
      new Table({
        width: { size: 5000, type: WidthType.PERCENTAGE },
        visuallyRightToLeft: state.rtl,
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
        style: line.style === 'note' ? STYLE.note : STYLE.source,
        bidirectional: state.rtl,
        children: [new TextRun({ text: line.text, rightToLeft: state.rtl })],
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
  variant: DocxVariant;
}

export async function renderDocx(doc: ModelDocument, options: DocxOptions): Promise<Buffer> {
  const rtl = LANGUAGES[doc.lang].dir === 'rtl';
  const state: State = {
    doc,
    locale: options.locale,
    sheet: options.sheet,
    variant: options.variant,
    rtl,
    nextRevision: 1,
    figureNumber: 0,
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
    styles: buildStyles(options.sheet, doc.lang),
    features: { trackRevisions: options.variant === 'tracked' },
    footnotes,
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
  return deterministic(await Packer.toBuffer(document), doc.meta.revisionDate);
}

/**
 * The docx package stamps the creation time into docProps/core.xml and the
 * zip entries. Rewrites both with the document's revision date so that the
 * same sources always give the same bytes.
 */
async function deterministic(buffer: Buffer, isoDate: string): Promise<Buffer> {
  const date = new Date(isoDate);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const zip = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    let content: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = new TextDecoder()
        .decode(content)
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    }
    out.file(name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
