/**
 * The body's paragraphs and tables as the model's blocks, by their Word style (the ids our DOCX
 * writer gives, scripts/render/docx/styles.ts): titles, headings, call-word lines, labelled
 * paragraphs, dash and numbered lists, proposal lines and their Reasons, captioned tables, summaries.
 */
import type { BlockNode, Figure, Heading, InlineNode, List, ListItem, Proposal, ProposalAction, SummaryPart } from '../../model/types.js';
import { PROPOSAL_ACTIONS } from '../../model/types.js';
import { toInlines, type InlineOptions } from './inlines.js';
import { report } from './messages.js';
import { asAnchors } from './bookmarks.js';
import { paragraphStyle, readParagraph, splitAtTab, textOfPieces, type WordParagraph } from './paragraphs.js';
import type { Mark, Piece, RunContext } from './runs.js';
import { STYLES } from './styles.js';
import { readTable } from './tables.js';
import { child, childrenOf, tagOf, type XmlNode } from './xml.js';

export interface BlockOptions extends InlineOptions {
  context: RunContext;
  /** Call words by their text in this language. */
  words: ReadonlyMap<string, string>;
  /** Summary parts' keys by their titles in this language. */
  summaryKeys: ReadonlyMap<string, string>;
  /** Whether a resolution title is followed by its name (document.yaml gives `title`), under this proposal or none. */
  titleIsNamed: (proposal: string | undefined) => boolean;
  /** The resolution a proposal's title names, as `resolution=` writes it, when document.yaml says it. */
  proposalResolution: (proposal: string) => string | undefined;
  /** The words around a table's number in this language ("Table ", ":"), printed before its caption. */
  tableNumber: [before: string, after: string];
  /** The same for a figure ("Figure ", ""): its caption follows it after " – ". */
  figureNumber: [before: string, after: string];
  /** What our writer prints for a figure without picture, before its description ("[Figure not reproduced]"). */
  figurePlaceholder: string;
  /** The language being read: a picture of its own is under `figures/<lang>/`. */
  lang: string;
}

const LIST_MARKERS = new Set(['–', '•', '-']);

/** Reads a sequence of body (or cell, or footnote) elements. `top`: the document body, where the frame and proposals are. */
export function readBlocks(nodes: readonly XmlNode[], options: BlockOptions, top = false): BlockNode[] {
  const body: BlockNode[] = [];
  let target = body;
  let proposal: Proposal | undefined;
  let caption: InlineNode[] | undefined;
  let captionId: string | undefined;
  let skipName = false;
  let figure: Figure | undefined;
  let inFrame = top;
  const inline = (pieces: readonly Piece[], callWords?: boolean) =>
    toInlines(pieces, { ...options, callWords: callWords ? options.words : undefined });

  const elements = nodes.flatMap((n) => (tagOf(n) === 'w:sdt' ? childrenOf(child(n, 'w:sdtContent') ?? {}) : [n]));
  elements.forEach((node, index) => {
    const tag = tagOf(node);
    if (tag === 'w:tbl') {
      // The frame's conference block: a table before anything else in our DOCX (LibreOffice puts an empty paragraph first).
      if (inFrame && isFrame(elements[index + 1], options)) return;
      inFrame = false;
      if (isSummary(node, options)) target.push(summary(node, options));
      else
        target.push({
          ...readTable(node, caption ?? [], (cell) =>
            readBlocks(
              childrenOf(cell).filter((c) => tagOf(c) !== 'w:tcPr'),
              options,
            ),
          ),
          id: captionId,
        });
      caption = undefined;
      captionId = undefined;
      return;
    }
    if (tag !== 'w:p') return;
    const paragraph = readParagraph(node, options.context);
    const { style } = paragraph;
    if (inFrame && FRAME_STYLES.has(style)) return;
    // A table without caption has its id on the empty paragraph our writer puts after it.
    const before = target.at(-1);
    if (!paragraph.pieces.length && before?.type === 'table' && before.id === undefined && paragraph.bookmarks.length)
      before.id = paragraph.bookmarks.shift();
    // The bookmark covering a heading, figure or table caption is its id; any other stays in the text.
    const ownsId = style === STYLES.figure || style === STYLES.caption || style.startsWith(STYLES.heading) || TITLE_STYLES.has(style);
    const id = ownsId ? paragraph.bookmarks.shift() : undefined;
    paragraph.pieces = [...asAnchors(paragraph.bookmarks), ...paragraph.pieces];
    const { pieces } = paragraph;
    // A figure's paragraph holds only its picture.
    if (!pieces.length && paragraph.mark === undefined && style !== STYLES.figure) return;
    inFrame = false;
    if (skipName && style.startsWith(STYLES.heading)) {
      skipName = false;
      return;
    }
    skipName = false;
    if (style !== STYLES.caption) figure = undefined;
    switch (style) {
      case STYLES.proposal: {
        const parts = splitAtTab(pieces);
        const action = textOfPieces(parts?.before ?? pieces).trim() as ProposalAction;
        if (!PROPOSAL_ACTIONS.includes(action))
          report(
            options.context,
            'warning',
            `"${action}" is not a proposal action (${PROPOSAL_ACTIONS.join(', ')})`,
            'correct the proposal line in Word',
          );
        proposal = { type: 'proposal', action, id: textOfPieces(parts?.after ?? []).trim(), children: [], reasons: [] };
        body.push(proposal);
        target = proposal.children;
        return;
      }
      case STYLES.reasons:
        if (proposal) target = proposal.reasons;
        else report(options.context, 'warning', 'Reasons outside a proposal are read as a paragraph', 'put a proposal line before them');
        if (!proposal) target.push(plainParagraph(paragraph, inline));
        return;
      case STYLES.resolutionTitle:
      case STYLES.annexTitle: {
        const resolutionTitle = style === STYLES.resolutionTitle;
        const heading: Heading = {
          type: 'heading',
          depth: 1,
          id,
          role: resolutionTitle ? 'resolutionTitle' : 'annexTitle',
          resolution: resolutionTitle && proposal ? options.proposalResolution(proposal.id) : undefined,
          change: undefined,
          children: inline(pieces),
        };
        target.push(heading);
        skipName = resolutionTitle && options.titleIsNamed(proposal?.id);
        return;
      }
      case STYLES.callWord:
        target.push({
          type: 'callWordParagraph',
          change: paragraph.mark ?? wholeChange(inline(pieces, true)),
          children: inline(pieces, true),
        });
        return;
      case STYLES.caption:
        if (figure) figure.caption = figureCaption(captionText(pieces, inline, options.figureNumber));
        else {
          caption = captionText(pieces, inline, options.tableNumber);
          captionId = id;
        }
        figure = undefined;
        return;
      case STYLES.figure: {
        const text = textOfPieces(pieces).trim();
        const placeholder = options.figurePlaceholder;
        const src = figureSource(paragraph.pictureName, options.lang);
        if (!text.startsWith(placeholder) && src === undefined)
          report(
            options.context,
            'warning',
            'a figure’s picture is not imported',
            'put the picture in figures/ and name it in src= of the ::figure',
          );
        const alt = text.startsWith(placeholder) ? text.slice(placeholder.length).trim() : (paragraph.alt ?? text);
        figure = { type: 'figure', id, caption: [], alt, src };
        target.push(figure);
        return;
      }
    }
    if (style.startsWith(STYLES.heading) && /^Heading[1-6]$/.test(style)) {
      const parts = splitAtTab(pieces);
      const label = parts ? inline(parts.before) : undefined;
      const children = inline(parts ? parts.after : pieces);
      target.push({
        type: 'heading',
        depth: Number(style.slice(STYLES.heading.length)) as Heading['depth'],
        id,
        label,
        change: paragraph.mark ?? wholeChange([...(label ?? []), ...children]),
        children,
      });
      return;
    }
    // A tab with nothing before it indents (LibreOffice puts one after a footnote's mark): no label.
    const split = splitAtTab(pieces);
    const parts = split && textOfPieces(split.before).trim() ? split : undefined;
    if (split && !parts) paragraph.pieces = [...split.before, ...split.after];
    const marker = parts && textOfPieces(parts.before).trim();
    if (LIST_STYLES.has(style) && parts && marker !== undefined && (LIST_MARKERS.has(marker) || /^\d+\.$/.test(marker))) {
      addListItem(target, marker, paragraph.mark, inline(parts.after));
      return;
    }
    if (LABELLED_STYLES.has(style) && parts) {
      const label = inline(parts.before);
      const children = inline(parts.after);
      target.push({ type: 'labelledParagraph', label, change: paragraph.mark ?? wholeChange([...label, ...children]), children });
      return;
    }
    target.push(plainParagraph(paragraph, inline));
  });
  return body;
}

/**
 * The `src` of a picture our writer embedded: its name is its path in the document's folder
 * (`figures/en/chart.png`, `figures/chart.png`), and `src` names it from the figures folder. A
 * picture named otherwise (Word's "Picture 1") has none.
 */
function figureSource(name: string | undefined, lang: string): string | undefined {
  if (!name) return undefined;
  const parts = name.split('/');
  if (parts[0] !== 'figures' || parts.includes('..') || parts.includes('')) return undefined;
  const rest = parts[1] === lang && parts.length > 2 ? parts.slice(2) : parts.slice(1);
  return rest.length ? rest.join('/') : undefined;
}

const TITLE_STYLES = new Set<string>([STYLES.resolutionTitle, STYLES.annexTitle]);
const FRAME_STYLES = new Set<string>([STYLES.source, STYLES.documentTitle, STYLES.note]);
// In a footnote, lists and labelled paragraphs keep the footnote's style.
const LIST_STYLES = new Set<string>([STYLES.dash, STYLES.tableLabelled, STYLES.footnoteText]);
const LABELLED_STYLES = new Set<string>([STYLES.labelled, STYLES.tableLabelled, STYLES.footnoteText, STYLES.dash]);

function plainParagraph(paragraph: WordParagraph, inline: (pieces: readonly Piece[]) => InlineNode[]): BlockNode {
  const children = inline(paragraph.pieces);
  return { type: 'paragraph', change: paragraph.mark ?? wholeChange(children), children };
}

/** Whether every inline is inside one kind of change: the block was inserted or deleted whole. */
function wholeChange(nodes: readonly InlineNode[]): Mark {
  const first = nodes[0]?.type;
  if ((first === 'insertion' || first === 'deletion') && nodes.every((n) => n.type === first)) return first;
  return undefined;
}

/** The caption without the number our writer prints before it ("Table 3: "), which the model makes again. */
function captionText(
  pieces: readonly Piece[],
  inline: (pieces: readonly Piece[]) => InlineNode[],
  [before, after]: [string, string],
): InlineNode[] {
  const nodes = inline(pieces);
  const [first] = nodes;
  if (first?.type !== 'text' || !first.value.startsWith(before)) return nodes;
  let at = before.length;
  while (at < first.value.length && first.value[at]! >= '0' && first.value[at]! <= '9') at++;
  if (at === before.length || !first.value.startsWith(after, at)) return nodes;
  at += after.length;
  if (first.value[at] === ' ') at++;
  const rest = first.value.slice(at);
  return rest ? [{ type: 'text', value: rest }, ...nodes.slice(1)] : nodes.slice(1);
}

/** A figure's caption after its number: the " – " between them taken off. */
function figureCaption(nodes: InlineNode[]): InlineNode[] {
  const [first] = nodes;
  if (first?.type !== 'text') return nodes;
  const value = first.value.replace(/^\s*–\s*/, '');
  return value ? [{ type: 'text', value }, ...nodes.slice(1)] : nodes.slice(1);
}

/** A list item after the list before it, or a new list; `•` items go into the last item, one level down. */
function addListItem(target: BlockNode[], marker: string, mark: Mark, children: InlineNode[]): void {
  const change = mark ?? wholeChange(children);
  const item: ListItem = { type: 'listItem', change, children: [{ type: 'paragraph', change, children }] };
  const ordered = /^\d+\.$/.test(marker);
  let list = target.at(-1);
  if (marker === '•' && list?.type === 'list') {
    const parent = list.children.at(-1)!;
    const nested = parent.children.at(-1);
    if (nested?.type === 'list') nested.children.push(item);
    else parent.children.push({ type: 'list', ordered: false, start: 1, children: [item] });
    return;
  }
  if (list?.type !== 'list' || list.ordered !== ordered) {
    list = { type: 'list', ordered, start: ordered ? Number(marker.slice(0, -1)) : 1, children: [] } satisfies List;
    target.push(list);
  }
  list.children.push(item);
}

/** Our frame's conference block is a table followed by the frame's heading lines (Source, Document title, Note). */
function isFrame(next: XmlNode | undefined, options: BlockOptions): boolean {
  return next !== undefined && tagOf(next) === 'w:p' && FRAME_STYLES.has(paragraphStyle(next, options.context));
}

function isSummary(table: XmlNode, options: BlockOptions): boolean {
  const paragraphs = childrenOf(table).flatMap((row) => childrenOf(row).flatMap((cell) => childrenOf(cell)));
  return paragraphs.some((p) => tagOf(p) === 'w:p' && paragraphStyle(p, options.context) === STYLES.summaryTitle);
}

/** The summary box: each title paragraph opens a part, the locale's title giving its key. */
function summary(table: XmlNode, options: BlockOptions): BlockNode {
  const cell = childrenOf(table)
    .filter((c) => tagOf(c) === 'w:tr')
    .flatMap((row) => childrenOf(row).filter((c) => tagOf(c) === 'w:tc'))[0];
  const parts: SummaryPart[] = [];
  let current: XmlNode[] = [];
  let title = '';
  const close = () => {
    if (title) parts.push({ key: options.summaryKeys.get(title) ?? title, title, children: readBlocks(current, options) });
    current = [];
  };
  for (const node of childrenOf(cell ?? {})) {
    if (tagOf(node) !== 'w:p' && tagOf(node) !== 'w:tbl') continue;
    if (tagOf(node) === 'w:p' && paragraphStyle(node, options.context) === STYLES.summaryTitle) {
      close();
      title = textOfPieces(readParagraph(node, options.context).pieces).trim();
    } else current.push(node);
  }
  close();
  return { type: 'summary', parts };
}
