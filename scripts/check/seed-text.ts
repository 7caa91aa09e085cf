/**
 * The text-to-the-letter comparison between a converted document and the
 * plain-text export it came from (shared/seeds). The export's markers are
 * interpreted (bookmarks dropped, footnote bodies taken out, list dashes and
 * layout whitespace ignored); both sides keep every other character, both the
 * deleted and the inserted text of every revision mark, in reading order — except old text the export
 * lost and the editors restored as a deletion with their reason inside it
 * (`{--2020-2023{>>not in the seed: …<<}--}`).
 */
import type { BlockNode, InlineNode, ModelDocument } from '../model/types.js';

export interface ComparableText {
  body: string;
  footnotes: string[];
}

/** Layout only: spaces, tabs, line breaks, no-break and ideographic spaces. */
const LAYOUT = /[\s\u00a0\u3000\u200b]+/gu;

export function seedText(raw: string): ComparableText {
  const footnotes: string[] = [];
  let body = '';
  let index = 0;
  while (index < raw.length) {
    const rest = raw.slice(index);
    const bookmark = /^\[bookmark: [^\]]*\]/.exec(rest);
    if (bookmark) {
      index += bookmark[0].length;
      continue;
    }
    const reference = /^\[footnoteRef:\d+\]\d*/.exec(rest);
    if (reference) {
      index += reference[0].length;
      continue;
    }
    if (rest.startsWith('[image: ]')) {
      index += '[image: ]'.length;
      continue;
    }
    const footnote = /^\[(\d+):/.exec(rest);
    if (footnote) {
      // The body runs to the bracket that balances the opening one.
      let depth = 0;
      let end = index;
      for (; end < raw.length; end++) {
        if (raw[end] === '[') depth++;
        else if (raw[end] === ']' && --depth === 0) break;
      }
      const text = raw.slice(index + footnote[0].length, end).replace(/^\s*\d*\t/, '');
      footnotes.push(normalize(text));
      index = end + 1;
      continue;
    }
    body += raw[index];
    index++;
  }
  // A dash opening a line (or a table cell: after the tabs that separate
  // cells), or right after the square bracket that opens unagreed text there
  // (`[–\t…`: the bracket is text, the dash the item's marker), is a list
  // marker, not text; a line of underscores is a rule of the Word page frame.
  body = body.replace(/^(\t*\[?)–\t/gmu, '$1').replace(/^_{5,}$/gmu, '');
  return { body: normalize(body), footnotes };
}

export function modelText(doc: ModelDocument): ComparableText {
  return {
    body: normalize(blocksText(doc.body)),
    footnotes: doc.footnotes.map((note) => normalize(blocksText(note.children))),
  };
}

function normalize(text: string): string {
  return text.replace(LAYOUT, '');
}

function inlineText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'callWord':
          return node.value;
        case 'editorComment':
        case 'footnoteReference':
        case 'anchor':
        case 'break':
          return '';
        case 'deletion':
          // Old text the export lost, restored by the editors, who say why inside the mark.
          return node.children.some((child) => child.type === 'editorComment') ? '' : inlineText(node.children);
        default:
          return inlineText(node.children);
      }
    })
    .join('');
}

/** `inList`: inside a list item, where a nested dash list is a bullet list, printed (and exported) with `•`. */
function blocksText(nodes: readonly BlockNode[], inList = false): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'heading':
          return inlineText(node.label ?? []) + inlineText(node.children);
        case 'paragraph':
        case 'callWordParagraph':
          return inlineText(node.children);
        case 'labelledParagraph':
          return inlineText(node.label) + inlineText(node.children);
        case 'list':
          return node.children.map((item) => (inList && !node.ordered ? '•' : '') + blocksText(item.children, true)).join('');
        case 'blockquote':
          return blocksText(node.children);
        case 'table':
          return (
            (node.printedNumber ?? '') +
            inlineText(node.caption) +
            [...node.head, ...node.body, ...node.foot].map((row) => row.cells.map((cell) => blocksText(cell.children)).join('')).join('')
          );
        case 'figure':
          // The alt text describes a picture the export lost; it is the editor's, not the seed's.
          return inlineText(node.caption);
        case 'proposal':
          return node.action + node.id + blocksText(node.children) + blocksText(node.reasons);
        case 'summary':
          // The part titles are the locale's words, as the seed's box prints them.
          return node.parts.map((part) => part.title + blocksText(part.children)).join('');
      }
    })
    .join('');
}

/** Where two texts first differ, with some context on both sides, or undefined when equal. */
export function firstDifference(expected: string, actual: string, context = 30): string | undefined {
  if (expected === actual) return undefined;
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  const from = Math.max(0, at - context);
  return `at character ${at}: seed has «${expected.slice(from, at)}⟦${expected.slice(at, at + context)}⟧» but the model has «${actual.slice(from, at)}⟦${actual.slice(at, at + context)}⟧»`;
}
