/**
 * What happens to text where a revision mark begins or ends. In right-to-left text, digits on
 * both sides of a mark's edge ("للفترة {--2027-2024--}{++2031-2028++}") become one number in the
 * bidirectional algorithm: the HTML and PDF isolate each mark, but a Word run cannot be isolated,
 * so the tracked DOCX shows the two ranges run together digit group by digit group. The editor
 * takes the space next to the number into both marks, which keeps the two apart in every format.
 *
 * Labels are left out: a changed paragraph number (`:n[{--7--}{++8++}]`) is one number struck and
 * one underlined, read as a number in every script.
 */
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { reportError } from '../diagnostics/report.js';
import { LANGUAGES } from '../i18n/languages.js';
import { numberAcross } from '../i18n/bidi-numbers.js';
import type { InlineNode, ModelDocument } from '../model/types.js';
import { mapInlineRuns } from '../model/walk.js';
import type { Reading } from '../passes/readings.js';

type RevisionMark = InlineNode & { type: 'insertion' | 'deletion' };

export { numberAcross };

/** A stretch of printed text and the revision mark that holds it, if any. */
export interface MarkedText {
  text: string;
  /** The innermost revision mark around the text. */
  mark: RevisionMark | undefined;
  /** Every revision mark around the text, outermost first. */
  marks: readonly RevisionMark[];
}

/** The printed text of a run, cut where the revision mark around it changes. Editors' comments are never printed. */
export function markedTexts(run: readonly InlineNode[], marks: readonly RevisionMark[] = []): MarkedText[] {
  const stretch = (text: string): MarkedText => ({ text, mark: marks.at(-1), marks });
  return run.flatMap((node): MarkedText[] => {
    switch (node.type) {
      case 'text':
        return [stretch(node.value)];
      case 'callWord':
        return [stretch(node.value)];
      case 'break':
        return [stretch('\n')];
      case 'footnoteReference':
        return [stretch('\ufffc')];
      case 'insertion':
      case 'deletion':
        return markedTexts(node.children, [...marks, node]);
      case 'emphasis':
      case 'strong':
      case 'link':
        return markedTexts(node.children, marks);
      case 'editorComment':
      case 'anchor':
        return [];
    }
  });
}

/** A place in printed text where a revision mark begins or ends, or where a mark left out of a reading stood. */
export interface MarkEdge {
  offset: number;
  mark: RevisionMark;
  /** The text of the marks left out at this place; undefined where a mark printed in the reading begins or ends. */
  removed?: string | undefined;
  /** The stretches printed on either side. */
  before: MarkedText;
  after: MarkedText;
}

/** The printed text of the stretches and each place where the mark changes in it: its offset, and the mark that starts or ends there. */
export function markEdges(parts: readonly MarkedText[]): { text: string; edges: MarkEdge[] } {
  return readingEdges(parts);
}

/**
 * The printed text of the stretches in one reading (all of them when `which` is undefined), and each
 * place where a mark begins or ends in it: the edge of a mark the reading prints, or the place where
 * the text of a mark the reading leaves out stood, so that the text on either side now meets there.
 */
export function readingEdges(parts: readonly MarkedText[], which?: Reading): { text: string; edges: MarkEdge[] } {
  const gone = which === 'accepted' ? 'deletion' : which === 'rejected' ? 'insertion' : undefined;
  let text = '';
  const edges: MarkEdge[] = [];
  let previous: MarkedText | undefined;
  let removed: { mark: RevisionMark; text: string } | undefined;
  for (const part of parts) {
    const goneMark = part.marks.find((mark) => mark.type === gone);
    if (goneMark) {
      removed = { mark: removed?.mark ?? goneMark, text: (removed?.text ?? '') + part.text };
      continue;
    }
    if (part.text.length === 0) continue;
    const around = previous && { before: previous, after: part };
    if (around && removed) edges.push({ offset: text.length, mark: removed.mark, removed: removed.text, ...around });
    else if (around && part.mark !== around.before.mark) {
      const mark = part.mark ?? around.before.mark;
      if (mark) edges.push({ offset: text.length, mark, ...around });
    }
    removed = undefined;
    previous = part;
    text += part.text;
  }
  return { text, edges };
}

export function checkMarkBoundaries(doc: ModelDocument, file: VFile): void {
  if (LANGUAGES[doc.lang].dir !== 'rtl') return;
  const check = (run: readonly InlineNode[], label: boolean, place: Position | undefined) => {
    if (label) return;
    const { text, edges } = markEdges(markedTexts(run));
    for (const edge of edges) {
      if (!numberAcross(text, edge.offset)) continue;
      const around = text.slice(Math.max(0, edge.offset - 8), edge.offset + 8).trim();
      reportError(
        file,
        edge.mark.position ?? place,
        `Numbers meet at the edge of a revision mark in right-to-left text ("${around}"), and Word, which cannot isolate a run, shows them as one number`,
        'Take the space next to the number into both marks (للفترة{-- 2027-2024--}{++ 2031-2028++}), so that a space stands at every edge',
        'rtl-digits-at-mark',
      );
    }
  };
  const visit = (blocks: ModelDocument['body']) =>
    mapInlineRuns(blocks, (run, block) => {
      check(run, 'label' in block && block.label === run, block.position);
      return run;
    });
  visit(doc.body);
  for (const note of doc.footnotes) visit(note.children);
}
