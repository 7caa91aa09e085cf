/**
 * Block layout: model blocks → flow items (lines and spacing) for a column of
 * a given width. One function per block type, dispatched from a table typed
 * over the model, as in the HTML and DOCX writers.
 */
import type { BlockNode, Summary } from '../../model/types.js';
import { translate, type DrawOp, type FlowItem, type Tag, type TagRef } from './boxes.js';
import type { Span } from './spans.js';
import { listMarker, type ParagraphStyle } from '../paragraph-styles.js';
import { inlineSpans, paragraphItems, type Column, type LayoutContext } from './paragraph.js';
import { layoutTable } from './table.js';
import { pictureItems } from './picture.js';

/** The column's paragraph style with a label hanging: by the table's narrower indent inside a cell. */
function hangingIn(column: Column, context: LayoutContext): ParagraphStyle {
  const hang = column.style ? context.styles.tableLabelled : context.styles.labelled;
  return { ...styleOf(column, context), indent: hang.indent, hanging: hang.hanging };
}

type Handlers = {
  [T in BlockNode['type']]: (node: Extract<BlockNode, { type: T }>, context: LayoutContext, column: Column) => FlowItem[];
};

const handlers: Handlers = {
  heading: (node, context, column) => {
    // A resolution's name is set as the heading of its depth, as when the text writes it.
    const title = node.role === 'resolutionTitle' || node.role === 'annexTitle';
    const style = title ? context.styles.title : context.styles[`heading${Math.min(node.depth, 4) as 1 | 2 | 3 | 4}`];
    const label = node.label ? [...inlineSpans(node.label, context), { text: ' ', style: {} }] : [];
    const level = title ? 1 : node.depth + 1;
    return paragraphItems([...label, ...inlineSpans(node.children, context)], style, context, column, {
      tag: `H${Math.min(level, 4)}` as Tag,
      outline: level,
    });
  },
  paragraph: (node, context, column) => paragraphItems(inlineSpans(node.children, context), styleOf(column, context), context, column),
  labelledParagraph: (node, context, column) => {
    const style = column.style ? hangingIn(column, context) : context.styles.labelled;
    return paragraphItems(inlineSpans(node.children, context), style, context, column, { label: inlineSpans(node.label, context) });
  },
  callWordParagraph: (node, context, column) =>
    paragraphItems(inlineSpans(node.children, context), context.styles.callWord, context, column),
  list: (node, context, column) =>
    node.children.flatMap((item, index) => {
      const marker = node.ordered ? `${node.start + index}.` : listMarker(column.depth ?? 0);
      const [first, ...rest] = item.children;
      const style = hangingIn(column, context);
      // What the item holds besides its first paragraph (a nested list among it) is set under that paragraph's text.
      const under: Column = { ...column, indent: column.indent + style.indent, depth: (column.depth ?? 0) + 1 };
      const lead =
        first && (first.type === 'paragraph' || first.type === 'labelledParagraph')
          ? paragraphItems(inlineSpans(first.children, context), style, context, column, {
              label: [{ text: marker, style: {} }],
              tag: 'LI',
            })
          : first
            ? blocks([first], context, under)
            : [];
      return [...lead, ...blocks(rest, context, under)];
    }),
  blockquote: (node, context, column) =>
    blocks(node.children, context, { ...column, indent: column.indent + context.styles.labelled.indent }),
  table: (node, context, column) => layoutTable(node, context, column, blocks),
  figure: (node, context, column) => {
    const placeholder: Span = { text: `${context.locale.t('labels.figurePlaceholder')} ${node.alt}`, style: {} };
    const caption: Span[] = [
      { text: node.printedNumber ?? '', style: {} },
      ...(node.caption.length ? [{ text: ' – ', style: {} }, ...inlineSpans(node.caption, context)] : []),
    ];
    // The caption goes under its figure: the figure is kept with it, and it need not be kept with what follows.
    const picture = node.picture
      ? pictureItems(node.picture, node.alt, context, column)
      : paragraphItems([placeholder], context.styles.figure, context, column, { tag: 'Figure' });
    const under = paragraphItems(caption, { ...context.styles.caption, keepWithNext: false }, context, column, { tag: 'Caption' });
    return [
      ...picture.map((item) => (item.space ? item : { ...item, keepWithNext: true, role: 'figure' as const })),
      ...under.map((item) => (item.space ? item : { ...item, role: 'caption' as const })),
    ];
  },
  proposal: (node, context, column) => [
    ...paragraphItems([{ text: node.id, style: { bold: false } }], context.styles.proposal, context, column, {
      // In the document's direction, as every paragraph of it: in Arabic the action stands at the right margin.
      label: [{ text: node.action, style: {} }],
    }),
    ...blocks(node.children, context, column),
    ...(node.reasons.length
      ? [
          ...paragraphItems(
            [{ text: context.locale.t('proposal.reasons'), style: { bold: true } }],
            context.styles.reasons,
            context,
            column,
          ),
          ...blocks(node.reasons, context, column),
        ]
      : []),
  ],
  summary: (node, context, column) => summaryBox(node, context, column),
};

/**
 * A Council document's summary: its parts laid out in a narrower column and drawn inside a ruled
 * box; the text is tagged under one Div. Where a page ends inside it, the box is cut between two
 * lines and the cut left open, closed on the page that ends it.
 */
function summaryBox(node: Summary, context: LayoutContext, column: Column): FlowItem[] {
  const { padding, ruleBefore, ruleWidth } = context.sheet.box;
  const inner: Column = { ...column, width: column.width - 2 * padding };
  const [left, right] = context.dir === 'rtl' ? [0, inner.width - column.indent] : [column.indent, inner.width];
  const gap = context.styles.summaryTitle.spaceBefore;
  const separator: FlowItem = {
    height: gap,
    ops: [{ kind: 'rule', x1: left, y1: gap / 2, x2: right, y2: gap / 2, width: ruleWidth, color: '#000000' }],
    footnotes: [],
  };
  const items = node.parts.flatMap((part) => [
    ...(ruleBefore.includes(part.key) ? [separator] : []),
    ...paragraphItems([{ text: part.title, style: {} }], context.styles.summaryTitle, context, inner),
    ...blocks(part.children, context, inner),
  ]);
  const tag: TagRef = { type: 'Div', id: context.ids.next++ };
  return [
    { height: context.styles.normal.spaceBefore, ops: [], footnotes: [], space: true },
    boxPiece(items, { tag, context, column, first: true, last: true }),
  ];
}

interface BoxPiece {
  tag: TagRef;
  context: LayoutContext;
  column: Column;
  /** Whether the piece starts the box (its top rule drawn) and ends it (its bottom rule drawn). */
  first: boolean;
  last: boolean;
}

function boxPiece(all: readonly FlowItem[], piece: BoxPiece): FlowItem {
  const { tag, context, column } = piece;
  const { ruleWidth, padding } = context.sheet.box;
  // The space before the piece's first line is the box's padding.
  const start = all.findIndex((item) => !item.space);
  const items = start < 0 ? [] : all.slice(start);
  const parts: NonNullable<FlowItem['parts']> = [];
  // Rules inside the box (a part set apart) are layout, drawn with the box's own.
  const layout: DrawOp[] = [];
  let y = padding;
  for (const item of items) {
    const ops = translate(item.ops, padding, y);
    if (!item.tag) layout.push(...ops);
    else if (ops.length) parts.push({ path: [tag, item.tag], ops });
    for (const part of item.parts ?? []) parts.push({ path: [tag, ...part.path], ops: translate(part.ops, padding, y) });
    y += item.height;
  }
  const height = y + padding;
  const [left, right] = context.dir === 'rtl' ? [0, column.width - column.indent] : [column.indent, column.width];
  const rule = (x1: number, y1: number, x2: number, y2: number): DrawOp => ({
    kind: 'rule',
    x1,
    y1,
    x2,
    y2,
    width: ruleWidth,
    color: '#000000',
  });
  return {
    height,
    ops: [
      ...(piece.first ? [rule(left, 0, right, 0)] : []),
      rule(right, 0, right, height),
      ...(piece.last ? [rule(right, height, left, height)] : []),
      rule(left, height, left, 0),
      ...layout,
    ],
    footnotes: items.flatMap((item) => item.footnotes),
    tag,
    parts,
    split: (room) => {
      let used = 2 * padding;
      let count = 0;
      while (count < items.length && used + items[count]!.height <= room) used += items[count++]!.height;
      if (count === 0 || count === items.length) return undefined;
      return [boxPiece(items.slice(0, count), { ...piece, last: false }), boxPiece(items.slice(count), { ...piece, first: false })];
    },
  };
}

function styleOf(column: Column, context: LayoutContext): ParagraphStyle {
  const style = context.styles[column.style ?? 'normal'];
  return column.align ? { ...style, align: column.align } : style;
}

export function blocks(nodes: readonly BlockNode[], context: LayoutContext, column: Column): FlowItem[] {
  return nodes.flatMap((node) =>
    (handlers[node.type] as (n: BlockNode, c: LayoutContext, col: Column) => FlowItem[])(node, context, column),
  );
}
