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

export { numberAcross };

/** A stretch of printed text and the revision mark that holds it, if any. */
export interface MarkedText {
  text: string;
  mark: (InlineNode & { type: 'insertion' | 'deletion' }) | undefined;
}

/** The printed text of a run, cut where the revision mark around it changes. Editors' comments are never printed. */
export function markedTexts(run: readonly InlineNode[], mark?: MarkedText['mark']): MarkedText[] {
  return run.flatMap((node): MarkedText[] => {
    switch (node.type) {
      case 'text':
        return [{ text: node.value, mark }];
      case 'callWord':
        return [{ text: node.value, mark }];
      case 'break':
        return [{ text: '\n', mark }];
      case 'footnoteReference':
        return [{ text: '\ufffc', mark }];
      case 'insertion':
      case 'deletion':
        return markedTexts(node.children, node);
      case 'emphasis':
      case 'strong':
      case 'link':
        return markedTexts(node.children, mark);
      case 'editorComment':
      case 'anchor':
        return [];
    }
  });
}

/** The printed text of the stretches and each place where the mark changes in it: its offset, and the mark that starts or ends there. */
export function markEdges(parts: readonly MarkedText[]): {
  text: string;
  edges: { offset: number; mark: NonNullable<MarkedText['mark']> }[];
} {
  const printed = parts.filter((part) => part.text.length > 0);
  const edges = [];
  let offset = printed[0]?.text.length ?? 0;
  for (let index = 1; index < printed.length; index++) {
    const left = printed[index - 1]!;
    const right = printed[index]!;
    const mark = right.mark ?? left.mark;
    if (left.mark !== right.mark && mark) edges.push({ offset, mark });
    offset += right.text.length;
  }
  return { text: printed.map((part) => part.text).join(''), edges };
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
