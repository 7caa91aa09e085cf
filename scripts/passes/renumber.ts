/**
 * Renumbering as a pass: after a paragraph is inserted or removed, each series of labels in the
 * accepted reading counts on again (a) b) c)…, 1 2 3…, 2.1 2.2…, each language in its own letters),
 * and each label that changes is marked `{--old--}{++new++}`, the old being what the rejected
 * reading prints. The pass returns the edits as replacements of the labels' text in the source, so
 * that the rest of the file stays exactly as the editor wrote it.
 *
 * A series is the labelled paragraphs (or the numbered headings) of one container, in order. A
 * label that opens a series (a), 1, 2.1) starts a new one after a heading or a line of call words;
 * right after a label of its kind it goes on counting, as a paragraph inserted before the old first
 * one makes the old first the second.
 */
import type { Position } from 'unist';
import type { BlockChange, BlockNode, InlineNode, ModelDocument } from '../model/types.js';
import { readLabel, spell, type Label } from '../model/labels.js';
import { printedText } from '../model/text.js';
import { readingInlines, type Reading } from './readings.js';

export interface LabelEdit {
  /** Start and end offsets, in the source, of the text to replace. */
  start: number;
  end: number;
  /** The dialect written in its place. */
  text: string;
  /** The label as the accepted reading will print it. */
  label: string;
  line: number;
}

/** The label as one reading prints it. */
const labelIn = (run: readonly InlineNode[], which: Reading) => printedText(readingInlines(run, which)).trim();

/** `[` `]` and `\` are syntax inside `:n[…]`. */
const escapeLabel = (text: string) => text.replace(/[\\[\]]/gu, (c) => `\\${c}`);

interface Series {
  last: Label;
  /** A heading or call words since the last label: a first label starts a new series. */
  broken: boolean;
}

/** The value that counts on from `last` at the level of `label` (2.2 → 3, 2 → 2.1, b) → c)). */
function expectedValue(last: Label, label: Label): number[] {
  const [previous, depth] = [last.value, label.value.length];
  if (depth > previous.length) return [...previous, ...Array<number>(depth - previous.length).fill(1)];
  return [...previous.slice(0, depth - 1), previous[depth - 1]! + 1];
}

export function renumberEdits(doc: ModelDocument): LabelEdit[] {
  const edits: LabelEdit[] = [];
  const container = (blocks: readonly BlockNode[]) => {
    // Paragraph labels and heading numbers count apart; each kind of label (a), 1, (i)) is its own series.
    const open = new Map<string, Series>();
    const breakAll = () => open.forEach((series) => (series.broken = true));
    for (const block of blocks) {
      if (block.type === 'heading' || block.type === 'callWordParagraph') breakAll();
      if ((block.type === 'labelledParagraph' || block.type === 'heading') && block.label && block.change !== 'deletion') {
        const edit = renumbered(block.type, block.label, block.change, open);
        if (edit) edits.push(edit);
      }
      inner(block);
    }
  };
  const inner = (block: BlockNode) => {
    switch (block.type) {
      case 'list':
        block.children.forEach((item) => container(item.children));
        break;
      case 'blockquote':
        container(block.children);
        break;
      case 'proposal':
        container(block.children);
        container(block.reasons);
        break;
      case 'table':
        [...block.head, ...block.body, ...block.foot].forEach((row) => row.cells.forEach((cell) => container(cell.children)));
        break;
      case 'summary':
        block.parts.forEach((part) => container(part.children));
        break;
      default:
        break;
    }
  };

  const renumbered = (type: string, run: readonly InlineNode[], change: BlockChange, open: Map<string, Series>): LabelEdit | undefined => {
    const accepted = labelIn(run, 'accepted');
    const readings = readLabel(accepted, doc.letters);
    if (!readings.length) return undefined;
    const key = (label: Label) => `${type} ${label.family} ${label.prefix}…${label.suffix}`;
    const expected = (label: Label) => {
      const series = open.get(key(label));
      return series && expectedValue(series.last, label);
    };
    const opens = (label: Label) => {
      const series = open.get(key(label));
      return !series || (series.broken && label.value.at(-1) === 1 && label.value.length <= series.last.value.length);
    };
    // A letter that is also a roman numeral (i, v) is read as the series it runs on, else as the one it opens.
    const label =
      readings.find((candidate) => expected(candidate)?.join('.') === candidate.value.join('.')) ??
      readings.find(opens) ??
      readings.find((candidate) => open.has(key(candidate))) ??
      readings[0]!;
    const series = open.get(key(label));
    if (!series || opens(label)) {
      open.set(key(label), { last: label, broken: false });
      return undefined;
    }
    const value = expectedValue(series.last, label);
    const spelled = spell(label, value, doc.letters);
    const wanted = accepted.startsWith('[') ? `[${spelled}` : spelled;
    open.set(key(label), { last: { ...label, value, text: wanted }, broken: false });
    if (wanted === accepted) return undefined;
    return labelEdit(run, change, wanted);
  };

  container(doc.body);
  for (const note of doc.footnotes) container(note.children);
  return edits;
}

/** The replacement of a label's run in the source by one that prints `wanted` in the accepted reading. */
function labelEdit(run: readonly InlineNode[], change: BlockChange, wanted: string): LabelEdit | undefined {
  // A wholly inserted paragraph carries its mark around label and text alike: only the number changes.
  const [only] = run;
  const inside = change === 'insertion' && run.length === 1 && only?.type === 'insertion' ? only.children : run;
  const range = spanOf(inside);
  if (!range) return undefined;
  const rejected = labelIn(run, 'rejected');
  const text =
    change === 'insertion' || rejected === wanted ? escapeLabel(wanted) : `{--${escapeLabel(rejected)}--}{++${escapeLabel(wanted)}++}`;
  return { ...range, text, label: wanted };
}

function spanOf(nodes: readonly InlineNode[]): { start: number; end: number; line: number } | undefined {
  const first: Position | undefined = nodes[0]?.position;
  const last: Position | undefined = nodes.at(-1)?.position;
  if (first?.start.offset === undefined || last?.end.offset === undefined) return undefined;
  return { start: first.start.offset, end: last.end.offset, line: first.start.line };
}

/** The source with the edits made (from the end, so that earlier offsets hold). */
export function applyEdits(source: string, edits: readonly LabelEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((text, edit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end), source);
}
