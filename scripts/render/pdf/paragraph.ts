/**
 * A paragraph laid out in a column: spans → lines → flow items, and what
 * every block layout shares (the layout context, the column). Blocks and
 * table cells are both laid out with it.
 */
import type { InlineNode } from '../../model/types.js';
import type { Locale } from '../../i18n/locales.js';
import type { FlowItem, Tag } from './boxes.js';
import { layoutParagraph, type TextContext } from './lines.js';
import { plainText, spans, type Span, type SpanContext } from './spans.js';
import type { Align, ParagraphStyle, ParagraphStyles, StyleName } from '../paragraph-styles.js';

export interface LayoutContext extends TextContext {
  styles: ParagraphStyles;
  spans: SpanContext;
  locale: Locale;
  /** Numbers paragraphs (for widow control) and structure elements. */
  ids: { next: number };
}

/** Where blocks are set: the column width, an indent from the start edge, and a style for plain paragraphs. */
export interface Column {
  width: number;
  indent: number;
  style?: StyleName | undefined;
  /** A table cell's own alignment, over its style's. */
  align?: Align | undefined;
  /** How many list items the blocks are nested in. */
  depth?: number | undefined;
}

export interface ParagraphOptions {
  label?: Span[] | undefined;
  tag?: Tag | undefined;
  outline?: number | undefined;
}

export function paragraphItems(
  content: Span[],
  style: ParagraphStyle,
  context: LayoutContext,
  column: Column,
  options: ParagraphOptions = {},
): FlowItem[] {
  const lines = layoutParagraph(
    {
      spans: content.map((s) => ({ ...s, style: { ...style.run, ...s.style } })),
      label: options.label?.map((s) => ({ ...s, style: { ...style.run, ...s.style } })),
      size: style.size,
      align: style.align,
      width: column.width,
      indent: column.indent + style.indent,
      hanging: style.hanging,
    },
    context,
  );
  const id = context.ids.next++;
  const tag = { type: options.tag ?? 'P', id };
  const items: FlowItem[] = [];
  if (style.spaceBefore) items.push({ height: style.spaceBefore, ops: [], footnotes: [], space: true });
  lines.forEach((line, index) => {
    if (index === 0 && options.outline !== undefined) {
      const title = plainText([...(options.label ?? []), ...content])
        .replace(/\s+/g, ' ')
        .trim();
      line.ops.push({ kind: 'outline', title, level: options.outline, y: 0 });
    }
    items.push({
      ...line,
      keepWithNext: style.keepWithNext || undefined,
      paragraph: { id, line: index, lines: lines.length },
      tag,
    });
  });
  if (style.spaceAfter) items.push({ height: style.spaceAfter, ops: [], footnotes: [], space: true });
  return items;
}

export const inlineSpans = (nodes: readonly InlineNode[], context: LayoutContext): Span[] => spans(nodes, {}, context.spans);
