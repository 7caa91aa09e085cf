/**
 * Pieces (runs.ts) as the model's inline nodes: a run of pieces in one tracked change becomes one
 * insertion or deletion around them, italic and bold text emphasis and strong inside it, and on a
 * line of call words each change's words the call word the locale spells so.
 */
import type { InlineNode } from '../../model/types.js';
import type { Mark, Piece } from './runs.js';
import { ADDRESS_TRAILING_PUNCTUATION, endsBareAddress } from '../../i18n/characters.js';

export interface InlineOptions {
  /** Call words by their text in this language (`considérant` → considering), for a call-word line. */
  callWords?: ReadonlyMap<string, string> | undefined;
  /** The footnote's number in the model, by the id the package gives it. */
  footnoteNumber: (id: string) => number;
}

export function toInlines(pieces: readonly Piece[], options: InlineOptions): InlineNode[] {
  const out: InlineNode[] = [];
  for (const group of byMark(pieces)) {
    const nested = group.pieces.some((piece) => piece.outer !== undefined);
    const content = nested
      ? toInlines(
          group.pieces.map((piece) => ({ ...piece, outer: undefined, mark: piece.outer === undefined ? undefined : piece.mark })),
          options,
        )
      : options.callWords
        ? callWords(group.pieces, options)
        : formatted(group.pieces, options);
    if (group.mark === undefined) out.push(...content);
    else out.push({ type: group.mark, children: content });
  }
  return linked(out);
}

const SCHEMES = ['https://', 'http://'];

/**
 * Addresses in the text as links to themselves: our writer prints a link's text (an autolink's is its
 * address), and a Word hyperlink's text is read the same way.
 */
function linked(nodes: InlineNode[]): InlineNode[] {
  return nodes.flatMap((node): InlineNode[] => {
    if (node.type !== 'text' || node.dataRef !== undefined) {
      if ('children' in node && node.type !== 'link') node.children = linked(node.children);
      return [node];
    }
    const out: InlineNode[] = [];
    let rest = node.value;
    for (;;) {
      const starts = SCHEMES.map((scheme) => rest.indexOf(scheme)).filter((at) => at >= 0);
      if (!starts.length) break;
      const start = Math.min(...starts);
      let end = start;
      while (end < rest.length && !/\s/.test(rest[end]!) && !endsBareAddress(rest.codePointAt(end)!)) end++;
      while (end > start && ADDRESS_TRAILING_PUNCTUATION.includes(rest[end - 1]!)) end--;
      const url = rest.slice(start, end);
      if (start > 0) out.push({ type: 'text', value: rest.slice(0, start) });
      out.push({ type: 'link', url, children: [{ type: 'text', value: url }] });
      rest = rest.slice(end);
    }
    if (rest) out.push({ type: 'text', value: rest });
    return out;
  });
}

function byMark(pieces: readonly Piece[]): { mark: Mark; pieces: Piece[] }[] {
  const groups: { mark: Mark; pieces: Piece[] }[] = [];
  for (const piece of pieces) {
    const last = groups.at(-1);
    // An editor's comment stays inside the change it is in; a Word comment closes it unless its reference is tracked with it.
    const mark = piece.outer ?? piece.mark;
    if (last && last.mark === mark) last.pieces.push(piece);
    else groups.push({ mark, pieces: [piece] });
  }
  return groups;
}

/** Text with emphasis and strong, footnote calls, breaks and comments, in one change or none. */
function formatted(pieces: readonly Piece[], options: InlineOptions): InlineNode[] {
  const out: InlineNode[] = [];
  let run: { italic: boolean; bold: boolean; nodes: InlineNode[] } | undefined;
  const close = () => {
    if (!run) return;
    let nodes = run.nodes;
    if (run.bold) nodes = [{ type: 'strong', children: nodes }];
    if (run.italic) nodes = [{ type: 'emphasis', children: nodes }];
    out.push(...nodes);
    run = undefined;
  };
  for (const piece of pieces) {
    if (piece.kind === 'text' && (piece.italic || piece.bold)) {
      if (run && (run.italic !== piece.italic || run.bold !== piece.bold)) close();
      run ??= { italic: piece.italic, bold: piece.bold, nodes: [] };
      appendText(run.nodes, piece.value, piece.dataRef);
      continue;
    }
    close();
    if (piece.kind === 'text') appendText(out, piece.value, piece.dataRef);
    else if (piece.kind === 'tab') appendText(out, '\t');
    else if (piece.kind === 'break') out.push({ type: 'break' });
    else if (piece.kind === 'footnote') {
      const number = options.footnoteNumber(piece.id);
      out.push({ type: 'footnoteReference', id: String(number), number });
    } else if (piece.kind === 'anchor') out.push({ type: 'anchor', id: piece.name });
    else if (piece.kind === 'comment') out.push({ type: 'editorComment', children: [{ type: 'text', value: piece.text }] });
  }
  close();
  return out;
}

/** Text joined to the text before it; a figure of the document's data stays a node of its own. */
function appendText(nodes: InlineNode[], value: string, dataRef?: string): void {
  const last = nodes.at(-1);
  if (dataRef !== undefined) nodes.push({ type: 'text', value, dataRef });
  else if (last?.type === 'text' && last.dataRef === undefined) last.value += value;
  else nodes.push({ type: 'text', value });
}

/** A line of call words: each change's text, or the unmarked text, one call word when the locale has it. */
function callWords(pieces: readonly Piece[], options: InlineOptions): InlineNode[] {
  const text = pieces.map((p) => (p.kind === 'text' ? p.value : '')).join('');
  const key = options.callWords?.get(text.trim());
  if (key && pieces.every((p) => p.kind === 'text')) return [{ type: 'callWord', key, value: text.trim() }];
  return formatted(pieces, options);
}
