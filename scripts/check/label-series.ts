/**
 * Each series of labels runs on in a reading: a) b) c)…, 1 2 3…, 1.1 1.2…, i) ii)…, no label twice
 * and none skipped. What counts as one series (docs/dialect.md, "Both readings"):
 *
 * - the labelled blocks of one body, proposal, footnote or summary part, in order; plain paragraphs
 *   and tables between them do not break it. A series of another kind opened inside it (`i)` `ii)`
 *   under `4`) ends when the outer series goes on (`5`);
 * - the items of one list, and the cells of one table column down the rows, read as one run with
 *   what each holds (outcomes `1)` `2)` in a column, `a)` `b)` under `1)` in its cell); a series
 *   opened inside one item or cell may start again in the next;
 * - the numbers of the headings of a container (1, 2, 2.1, 2.2…, then A, B for appendices).
 *
 * A heading or a line of call words lets a series start again at its first label, as does a row
 * where a cell in an earlier column begins (the next goal or theme of a results table); the series
 * may also go on across it (the paragraphs of an annex are numbered through it). A paragraph's
 * label is its `:n[…]`, or a dotted number before a colon that opens its text (`1.5：…`).
 */
import type { Point, Position } from 'unist';
import type { BlockNode, InlineNode, ModelDocument, TableCell } from '../model/types.js';
import { mapBlocks } from '../model/walk.js';
import { markedTexts, type MarkedText } from './mark-boundaries.js';
import type { Reading } from '../passes/readings.js';
import { readLabel, type Label } from '../model/labels.js';
import { SeriesState } from './label-series-state.js';
import type { Finding } from './finding.js';

type Place = Position | Point | undefined;

/** A dotted number and its colon opening a paragraph's text: `1.5：`, `2.1:`, `[1.7：`. */
const TEXT_LABEL = /^\s*(\[?\d+(?:\.\d+)+)\s*[:：]/u;

const FIX =
  'Mark the old label (or its whole paragraph or row) as a deletion and the new one as an insertion, or mark the ' +
  'renumbering (`:n[{--5--}{++6++}]`), so that each reading counts on without a gap or a repeat; where the source ' +
  "itself numbers so (a report quoted in part), say so in an editor's comment opening the text: `:n[1.4.3] {>>…<<}…`";

const printed = (run: readonly InlineNode[]) =>
  markedTexts(run)
    .map((part) => part.text)
    .join('');

/** An item of a list or a cell of a column: the label that opens it counts in the series of its list or column. */
interface Entry {
  blocks: readonly BlockNode[];
  /** A new group of rows begins here (a cell in an earlier column starts on this row). */
  newGroup: boolean;
}

class LabelSeriesCheck {
  constructor(
    private readonly letters: readonly string[],
    private readonly report: (problem: string, block: BlockNode) => void,
  ) {}

  container(blocks: readonly BlockNode[]): void {
    this.read(blocks, this.state(), this.state());
  }

  /** The blocks' labels into the series open at their place: paragraphs' and headings' apart. */
  private read(blocks: readonly BlockNode[], paragraphs: SeriesState<BlockNode>, headings: SeriesState<BlockNode>): void {
    for (const block of blocks) {
      const label = this.labelOf(block);
      if (block.type === 'heading') {
        paragraphs.boundary(0);
        if (label.length) headings.add(label, block);
      } else if (block.type === 'callWordParagraph') paragraphs.boundary(0);
      else if (label.length) paragraphs.add(label, block);
      else this.inside(block);
    }
  }

  private inside(block: BlockNode): void {
    switch (block.type) {
      case 'list':
        return this.entries(block.children.map((item) => ({ blocks: item.children, newGroup: false })));
      case 'table': {
        const rows = [...block.head, ...block.body, ...block.foot];
        for (let column = 0; column < block.columns; column++) {
          const entries = rows.flatMap((row): Entry[] => {
            const cell = row.cells.find((c: TableCell) => c.column === column);
            const newGroup = row.cells.some((c) => c.column < column);
            return cell ? [{ blocks: cell.children, newGroup }] : [];
          });
          this.entries(entries);
        }
        return;
      }
      case 'proposal':
        this.container(block.children);
        return this.container(block.reasons);
      case 'blockquote':
        return this.container(block.children);
      case 'summary':
        for (const part of block.parts) this.container(part.children);
        return;
      default:
        return;
    }
  }

  /**
   * The items of a list or the cells of a column, read as one run of blocks: at each new item or
   * cell a series opened inside an earlier one may start again; the outermost series (the column's
   * outcomes) only where a new group of rows begins.
   */
  private entries(entries: readonly Entry[]): void {
    const paragraphs = this.state();
    const headings = this.state();
    entries.forEach((entry, index) => {
      if (index > 0) paragraphs.boundary(entry.newGroup ? 0 : 1);
      this.read(entry.blocks, paragraphs, headings);
    });
  }

  private labelOf(block: BlockNode): Label[] {
    if (block.type === 'labelledParagraph' || (block.type === 'heading' && block.label)) {
      return readLabel(printed(block.label ?? []), this.letters);
    }
    if (block.type !== 'paragraph') return [];
    const text = TEXT_LABEL.exec(printed(block.children))?.[1];
    return text ? readLabel(text, this.letters) : [];
  }

  private state(): SeriesState<BlockNode> {
    return new SeriesState<BlockNode>(this.letters, (problem, block) => {
      if (!noted(block)) this.report(problem, block);
    });
  }
}

/**
 * Whether an editor's comment opens the block's label or its text (`:n[1.4.3] {>>…<<}…`): a series
 * the source itself breaks (the numbers of a report quoted in part) is noted there and let stand.
 */
function noted(block: BlockNode): boolean {
  const opening = (run: readonly InlineNode[]) => run.find((node) => node.type !== 'text' || node.value.trim() !== '');
  const label = 'label' in block && block.label ? block.label : [];
  const text =
    block.type === 'heading' || block.type === 'labelledParagraph' || block.type === 'paragraph' ? opening(block.children) : undefined;
  return label.some((node) => node.type === 'editorComment') || text?.type === 'editorComment';
}

/**
 * What made a block's label what it is in a reading: the mark around the whole block, or the first
 * mark in its label that the reading prints (`{++3++}` of `1.{--4--}{++3++}` in the accepted
 * reading), or failing that the first one it leaves out.
 */
function labelMark(block: BlockNode, which: Reading): Place {
  if ('change' in block && block.change) return block.position;
  const label = 'label' in block && block.label ? block.label : block.type === 'paragraph' ? block.children : [];
  const kept = which === 'accepted' ? 'insertion' : 'deletion';
  const marks: NonNullable<MarkedText['mark']>[] = [];
  let text = '';
  for (const part of markedTexts(label)) {
    if (block.type === 'paragraph' && /[:：]/u.test(text)) break;
    if (part.marks[0]) marks.push(part.marks[0]);
    text += part.text;
  }
  return (marks.find((mark) => mark.type === kept) ?? marks[0])?.position;
}

/** Every block of the marked document by where it starts in the source. */
function blocksByOffset(doc: ModelDocument): Map<number, BlockNode> {
  const index = new Map<number, BlockNode>();
  const add = (block: BlockNode) => {
    const offset = block.position?.start.offset;
    if (offset !== undefined && !index.has(offset)) index.set(offset, block);
    return block;
  };
  mapBlocks(doc.body, add);
  for (const note of doc.footnotes) mapBlocks(note.children, add);
  return index;
}

/** The label series of one reading that do not run on, each at the mark responsible (found in the marked document). */
export function labelSeriesFaults(readingDoc: ModelDocument, marked: ModelDocument, which: Reading): Finding[] {
  const findings: Finding[] = [];
  const markedBlocks = blocksByOffset(marked);
  const placeOf = (block: BlockNode): Place => {
    const source = block.position?.start.offset === undefined ? undefined : markedBlocks.get(block.position.start.offset);
    return (source && labelMark(source, which)) ?? block.position;
  };
  const report = (problem: string, block: BlockNode) => findings.push({ rule: 'label-series', place: placeOf(block), problem, fix: FIX });
  const check = new LabelSeriesCheck(readingDoc.letters, report);
  check.container(readingDoc.body);
  for (const note of readingDoc.footnotes) check.container(note.children);
  return findings;
}
