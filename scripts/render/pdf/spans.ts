/**
 * Inline model nodes → styled spans of text, the unit the line layout works
 * on. Revision marks become underline and strike-through; a clean copy is
 * laid out from the accepted reading, which has none left.
 */
import type { InlineNode } from '../../model/types.js';
import { inChange } from '../marks.js';

export interface SpanStyle {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  mark?: 'insertion' | 'deletion' | undefined;
  /** The change around `mark` when one change is inside the other (`{++a {--b--} c++}`): both are drawn. */
  outer?: 'insertion' | 'deletion' | undefined;
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
  /** How call words are set off in this script. */
  callWord: SpanStyle;
  /** How emphasis is set in this script: italic, or upright where the script has no italics. */
  emphasis: SpanStyle;
}

const handlers: Handlers = {
  text: (node, style) => span(node.value, style),
  emphasis: (node, style, context) => spans(node.children, { ...style, ...context.emphasis }, context),
  strong: (node, style, context) => spans(node.children, { ...style, bold: true }, context),
  link: (node, style, context) => spans(node.children, style, context),
  break: (_node, style) => span('\n', style),
  insertion: (node, style, context) => spans(node.children, inChange(style, 'insertion'), context),
  deletion: (node, style, context) => spans(node.children, inChange(style, 'deletion'), context),
  editorComment: () => [],
  callWord: (node, style, context) => span(node.value, { ...style, ...context.callWord }),
  footnoteReference: (node, style) => [{ text: String(node.number), style, footnote: node.number }],
  anchor: () => [],
};

function span(text: string, style: SpanStyle): Span[] {
  return text ? [{ text, style }] : [];
}

export function spans(nodes: readonly InlineNode[], style: SpanStyle, context: SpanContext): Span[] {
  return nodes.flatMap((node) => (handlers[node.type] as (n: InlineNode, s: SpanStyle, c: SpanContext) => Span[])(node, style, context));
}

export function plainText(list: readonly Span[]): string {
  return list.map((s) => s.text).join('');
}
