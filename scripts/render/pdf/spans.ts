/**
 * Inline model nodes → styled spans of text, the unit the line layout works
 * on. The variant decides what revision marks become: underline and
 * strike-through in the marked copy; accepted changes in the clean copy.
 */
import type { InlineNode } from '../../model/types.js';

export type PdfVariant = 'marked' | 'clean';
export const PDF_VARIANTS: readonly PdfVariant[] = ['marked', 'clean'];

export interface SpanStyle {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  mark?: 'insertion' | 'deletion' | undefined;
  /** Printed in capitals (titles in Latin and Cyrillic scripts). */
}

export interface Span {
  text: string;
  style: SpanStyle;
  /** The footnote a superscript number refers to. */
  footnote?: number | undefined;
}

type Handlers = {
  [T in InlineNode['type']]: (node: Extract<InlineNode, { type: T }>, style: SpanStyle, context: SpanContext) => Span[];
};

export interface SpanContext {
  variant: PdfVariant;
  /** How call words are set off in this script. */
  callWord: SpanStyle;
  /** How emphasis is set in this script: italic, or upright where the script has no italics. */
  emphasis: SpanStyle;
}

const handlers: Handlers = {
  text: (node, style, context) => span(node.value, style, context),
  emphasis: (node, style, context) => spans(node.children, { ...style, ...context.emphasis }, context),
  strong: (node, style, context) => spans(node.children, { ...style, bold: true }, context),
  link: (node, style, context) => spans(node.children, style, context),
  break: (_node, style, context) => span('\n', style, context),
  insertion: (node, style, context) => spans(node.children, { ...style, mark: 'insertion' }, context),
  deletion: (node, style, context) => spans(node.children, { ...style, mark: 'deletion' }, context),
  editorComment: () => [],
  callWord: (node, style, context) => span(node.value, { ...style, ...context.callWord }, context),
  footnoteReference: (node, style, context) =>
    context.variant === 'clean' && style.mark === 'deletion'
      ? []
      : [{ text: String(node.number), style: context.variant === 'clean' ? { ...style, mark: undefined } : style, footnote: node.number }],
  anchor: () => [],
};

function span(text: string, style: SpanStyle, context: SpanContext): Span[] {
  if (!text) return [];
  if (context.variant === 'clean') {
    if (style.mark === 'deletion') return [];
    return [{ text, style: { ...style, mark: undefined } }];
  }
  return [{ text, style }];
}

export function spans(nodes: readonly InlineNode[], style: SpanStyle, context: SpanContext): Span[] {
  return nodes.flatMap((node) => (handlers[node.type] as (n: InlineNode, s: SpanStyle, c: SpanContext) => Span[])(node, style, context));
}

export function plainText(list: readonly Span[]): string {
  return list.map((s) => s.text).join('');
}
