/**
 * An inline run cut into the units a redline marks: words as the language cuts them
 * (`Intl.Segmenter`, which gives Chinese ICU's dictionary segmentation and keeps an Arabic word
 * whole with its clitics), the spaces and punctuation between them, and every inline node that is
 * not text (call words, footnote calls, anchors, line breaks, editors' comments), and every figure
 * printed from the data, as one atom.
 * Emphasis, strong and links are not units: each token carries the formatting around it.
 */
import type { InlineNode, Text } from '../../model/types.js';
import type { Lang } from '../../i18n/languages.js';
import { canonicalInlines, isPlainText, shapeKey } from './canonical.js';

/** Emphasis, strong or a link: formatting around tokens. */
export type Wrapper = Extract<InlineNode, { type: 'emphasis' | 'strong' | 'link' }>;
type Atom = Exclude<InlineNode, Wrapper | { type: 'insertion' | 'deletion' }>;

export interface Token {
  /** Equal for the same word (or atom) in the same formatting, in the old text and the new. */
  key: string;
  kind: 'word' | 'space' | 'punctuation' | 'atom';
  /** A text node holding one segment, or the atom itself. */
  leaf: Atom;
  /** The formatting around the token, outermost first. */
  wrappers: readonly Wrapper[];
  /** What the reader sees of it: an atom is an object replacement character, or nothing if never printed. */
  printed: string;
}

const segmenters = new Map<Lang, Intl.Segmenter>();

export function segmenter(lang: Lang): Intl.Segmenter {
  let found = segmenters.get(lang);
  if (!found) segmenters.set(lang, (found = new Intl.Segmenter(lang, { granularity: 'word' })));
  return found;
}

interface Leaf {
  node: Atom;
  wrappers: readonly Wrapper[];
}

export function tokenize(run: readonly InlineNode[], lang: Lang): Token[] {
  const leaves = collectLeaves(canonicalInlines(run), []);
  const tokens: Token[] = [];
  for (let start = 0; start < leaves.length;) {
    const leaf = leaves[start]!;
    if (!isPlainText(leaf.node)) {
      tokens.push(atomToken(leaf.node, leaf.wrappers));
      start++;
      continue;
    }
    let end = start;
    while (isPlainText(leaves[end]?.node)) end++;
    tokens.push(...textTokens(leaves.slice(start, end), lang));
    start = end;
  }
  return tokens;
}

function collectLeaves(run: readonly InlineNode[], wrappers: readonly Wrapper[]): Leaf[] {
  return run.flatMap((node): Leaf[] => {
    switch (node.type) {
      case 'emphasis':
      case 'strong':
      case 'link':
        return collectLeaves(node.children, [...wrappers, node]);
      case 'insertion':
      case 'deletion':
        // redline() takes unmarked texts only.
        return collectLeaves(node.children, wrappers);
      default:
        return [{ node, wrappers }];
    }
  });
}

/**
 * A stretch of text leaves (text between atoms, whatever its formatting) segmented as one text,
 * so that formatting does not change where the words are; a leaf's edge cuts a segment too.
 */
function textTokens(leaves: readonly Leaf[], lang: Lang): Token[] {
  const values = leaves.map((leaf) => (leaf.node as Text).value);
  const text = values.join('');
  let end = 0;
  const leafEnds = values.map((value) => (end += value.length));
  const tokens: Token[] = [];
  let leafIndex = 0;
  for (const segment of segmenter(lang).segment(text)) {
    const kind = segment.isWordLike ? 'word' : /^\s+$/u.test(segment.segment) ? 'space' : 'punctuation';
    const to = segment.index + segment.segment.length;
    for (let from = segment.index; from < to;) {
      while (leafEnds[leafIndex]! <= from) leafIndex++;
      const cut = Math.min(to, leafEnds[leafIndex]!);
      const value = text.slice(from, cut);
      const wrappers = leaves[leafIndex]!.wrappers;
      tokens.push({ key: `${wrappersKey(wrappers)}\u0000t${value}`, kind, leaf: { type: 'text', value }, wrappers, printed: value });
      from = cut;
    }
  }
  return tokens;
}

function atomToken(node: Atom, wrappers: readonly Wrapper[]): Token {
  return { key: `${wrappersKey(wrappers)}\u0000a${atomKey(node)}`, kind: 'atom', leaf: node, wrappers, printed: printedAtom(node) };
}

function atomKey(node: Atom): string {
  switch (node.type) {
    case 'text':
      return `data:${node.dataRef ?? ''}:${node.value}`;
    case 'callWord':
      return `call:${node.key}`;
    case 'footnoteReference':
      return `note:${node.id}`;
    case 'anchor':
      return `anchor:${node.id}`;
    case 'break':
      return 'break';
    case 'editorComment':
      return `comment:${shapeKey(node.children)}`;
  }
}

/** As the mark-edge check reads printed text: a footnote call is an object, comments and anchors are not printed. */
function printedAtom(node: Atom): string {
  switch (node.type) {
    case 'text':
    case 'callWord':
      return node.value;
    case 'footnoteReference':
      return '\ufffc';
    case 'break':
      return '\n';
    case 'anchor':
    case 'editorComment':
      return '';
  }
}

export function wrapperKey(wrapper: Wrapper): string {
  return wrapper.type === 'link' ? `link(${wrapper.url})` : wrapper.type;
}

function wrappersKey(wrappers: readonly Wrapper[]): string {
  return wrappers.map(wrapperKey).join('>');
}
