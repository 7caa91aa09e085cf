/**
 * Square brackets balanced in a reading. ITU brackets text not yet agreed, from a few words
 * (`[赋能的信息社会]`) to a run of paragraphs or list items, and brackets nest
 * (`[服务于电信/ICT[和数字公共基础设施的]数字战略]`). A bracket is closed within its stretch: the
 * paragraphs and lists between two headings of one container (the body, a proposal, a footnote, a
 * summary part), a table cell, a caption. A heading stands alone.
 *
 * A lone bracket that the source itself has (the text as tabled, with no partner anywhere) is
 * noted by an editor's comment right after it (`参与度。]{>>…<<}`, or right before it) and is not reported.
 */
import type { Point } from 'unist';
import type { BlockNode, InlineNode, ModelDocument, Text } from '../model/types.js';
import { placeOf } from './text-places.js';
import type { Finding } from './finding.js';

interface Bracket {
  place: Point | undefined;
  noted: boolean;
  /** Where the bracket stands in the text read so far (BracketScan.text). */
  at: number;
  /** The block it stands in, as the parity check pairs blocks (a cell's bracket stands in its table). */
  block: BlockNode | undefined;
}

/**
 * A bracketed passage: from its "[" to the "]" that closes it, both included; or, for a "[" its stretch
 * does not close (a lone bracket the source has, noted by an editor), to the end of the stretch.
 */
export interface BracketedPassage {
  open: Point | undefined;
  /** Undefined when the stretch ends before a "]" closes it. */
  close: Point | undefined;
  /** 1 for an outermost passage, 2 for one inside it… */
  depth: number;
  /** Its words, the blocks it runs across joined by a space. */
  text: string;
  /** The block its "[" stands in. */
  block: BlockNode | undefined;
}

/** A stretch of one text node inside brackets: characters [start, end) at `depth`. */
export interface BracketedRange {
  start: number;
  end: number;
  depth: number;
}

export interface BracketScan {
  /** Every passage closed in its stretch, in the order its "[" is read. */
  passages: BracketedPassage[];
  /** Per text node, its characters inside brackets, brackets included. */
  ranges: Map<Text, BracketedRange[]>;
  findings: Finding[];
}

const FIX =
  'Close the bracket where the text not yet agreed ends, or take the lone bracket into the mark that removes its partner; ' +
  "if the source has no partner for it, say so in an editor's comment right after the bracket (`]{>>…<<}`)";

class BracketCheck {
  private open: Bracket[] = [];
  /** Every character read so far, blocks apart by a space: passages' words are cut from it. */
  private text = '';
  /** The block being read; within a table, the table. */
  private block: BlockNode | undefined;
  private inTable = 0;
  readonly passages: (BracketedPassage & { start: number })[] = [];
  readonly ranges = new Map<Text, BracketedRange[]>();

  constructor(
    private readonly findings: Finding[],
    /** Whether a deletion's brackets count (a reading has none; the marked text read as accepted skips them). */
    private readonly deletions: 'count' | 'skip' = 'count',
  ) {}

  /** Blocks read in a stretch of their own. */
  stretch(read: () => void): void {
    const outer = this.open;
    this.open = [];
    read();
    this.closeStretch();
    this.open = outer;
  }

  container(blocks: readonly BlockNode[]): void {
    this.stretch(() => this.blocks(blocks));
  }

  private blocks(blocks: readonly BlockNode[]): void {
    for (const block of blocks) {
      if (!this.inTable) this.block = block;
      this.text += ' ';
      switch (block.type) {
        case 'heading':
          this.closeStretch();
          this.stretch(() => this.run([...(block.label ?? []), ...block.children]));
          break;
        case 'paragraph':
        case 'callWordParagraph':
          this.run(block.children);
          break;
        case 'labelledParagraph':
          this.run([...block.label, ...block.children]);
          break;
        case 'list':
          for (const item of block.children) this.blocks(item.children);
          break;
        case 'blockquote':
          this.blocks(block.children);
          break;
        case 'table':
          this.inTable++;
          this.stretch(() => this.run(block.caption));
          for (const row of [...block.head, ...block.body, ...block.foot]) for (const cell of row.cells) this.container(cell.children);
          this.inTable--;
          break;
        case 'figure':
          this.stretch(() => this.run(block.caption));
          break;
        case 'proposal':
          this.container(block.children);
          this.container(block.reasons);
          break;
        case 'summary':
          for (const part of block.parts) this.container(part.children);
          break;
      }
    }
  }

  /** `counting` false: text inside a skipped deletion, shaded by the brackets around it but opening and closing none. */
  private run(nodes: readonly InlineNode[], counting = true): void {
    nodes.forEach((node, index) => {
      if (node.type === 'text') {
        const noted = (at: number) =>
          (at === node.value.length - 1 && nodes[index + 1]?.type === 'editorComment') ||
          (at === 0 && nodes[index - 1]?.type === 'editorComment');
        const ranges: BracketedRange[] = [];
        const shade = (at: number, depth: number) => {
          const last = ranges[ranges.length - 1];
          if (depth === 0) return;
          if (last && last.end === at && last.depth === depth) last.end = at + 1;
          else ranges.push({ start: at, end: at + 1, depth });
        };
        for (let at = 0; at < node.value.length; at++) {
          const character = node.value[at]!;
          const bracket = counting && (character === '[' || character === ']');
          if (bracket) {
            const found = {
              place: placeOf([{ value: node.value, position: node.position }], at),
              noted: noted(at),
              at: this.text.length,
              block: this.block,
            };
            if (character === '[') {
              this.open.push(found);
              shade(at, this.open.length);
            } else {
              shade(at, this.open.length);
              this.close(found);
            }
          } else shade(at, this.open.length);
          // A passage's words are those of the reading: a skipped deletion's are left out.
          if (counting) this.text += character;
        }
        if (ranges.length) this.ranges.set(node, ranges);
      } else if (node.type !== 'editorComment' && 'children' in node)
        this.run(node.children, counting && !(node.type === 'deletion' && this.deletions === 'skip'));
    });
  }

  private close(bracket: Bracket): void {
    const depth = this.open.length;
    const opened = this.open.pop();
    if (opened) {
      this.passages.push({
        open: opened.place,
        close: bracket.place,
        depth,
        start: opened.at,
        text: this.text.slice(opened.at, bracket.at) + ']',
        block: opened.block,
      });
      return;
    }
    if (bracket.noted) return;
    this.findings.push({
      rule: 'square-brackets',
      place: bracket.place,
      problem: 'the square bracket "]" closes no bracket opened before it in its paragraph or run of paragraphs',
      fix: FIX,
    });
  }

  private closeStretch(): void {
    this.open.forEach((bracket, index) => {
      this.passages.push({
        open: bracket.place,
        close: undefined,
        depth: index + 1,
        start: bracket.at,
        text: this.text.slice(bracket.at),
        block: bracket.block,
      });
    });
    for (const bracket of this.open.filter((b) => !b.noted)) {
      this.findings.push({
        rule: 'square-brackets',
        place: bracket.place,
        problem: 'the square bracket "[" is not closed before the next heading, cell or the end of its text',
        fix: FIX,
      });
    }
    this.open = [];
  }
}

export function squareBracketFaults(doc: ModelDocument): Finding[] {
  return scanBrackets(doc).findings;
}

/**
 * The square brackets of a text: its bracketed passages, the characters each text node has inside
 * brackets, and the faults. `deletions: 'skip'` reads marked text as its accepted reading: a bracket
 * inside a deletion neither opens nor closes (the review page and `check --brackets` read it so).
 */
export function scanBrackets(doc: ModelDocument, options: { deletions?: 'count' | 'skip' } = {}): BracketScan {
  const findings: Finding[] = [];
  const check = new BracketCheck(findings, options.deletions);
  check.container(doc.body);
  for (const note of doc.footnotes) check.container(note.children);
  // In reading order of their "[": a passage is recorded when it closes, inner ones first.
  const passages = [...check.passages].sort((a, b) => a.start - b.start).map(({ start: _start, ...passage }) => passage);
  return { passages, ranges: check.ranges, findings };
}
