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
import type { BlockNode, InlineNode, ModelDocument } from '../model/types.js';
import { placeOf } from './text-places.js';
import type { Finding } from './finding.js';

interface Bracket {
  place: Point | undefined;
  noted: boolean;
}

const FIX =
  'Close the bracket where the text not yet agreed ends, or take the lone bracket into the mark that removes its partner; ' +
  "if the source has no partner for it, say so in an editor's comment right after the bracket (`]{>>…<<}`)";

class BracketCheck {
  private open: Bracket[] = [];

  constructor(private readonly findings: Finding[]) {}

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
          this.stretch(() => this.run(block.caption));
          for (const row of [...block.head, ...block.body, ...block.foot]) for (const cell of row.cells) this.container(cell.children);
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

  private run(nodes: readonly InlineNode[]): void {
    nodes.forEach((node, index) => {
      if (node.type === 'text') {
        const noted = (at: number) =>
          (at === node.value.length - 1 && nodes[index + 1]?.type === 'editorComment') ||
          (at === 0 && nodes[index - 1]?.type === 'editorComment');
        for (let at = 0; at < node.value.length; at++) {
          const character = node.value[at];
          if (character !== '[' && character !== ']') continue;
          const bracket = { place: placeOf([{ value: node.value, position: node.position }], at), noted: noted(at) };
          if (character === '[') this.open.push(bracket);
          else this.close(bracket);
        }
      } else if (node.type !== 'editorComment' && 'children' in node) this.run(node.children);
    });
  }

  private close(bracket: Bracket): void {
    if (this.open.pop() || bracket.noted) return;
    this.findings.push({
      rule: 'square-brackets',
      place: bracket.place,
      problem: 'the square bracket "]" closes no bracket opened before it in its paragraph or run of paragraphs',
      fix: FIX,
    });
  }

  private closeStretch(): void {
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
  const findings: Finding[] = [];
  const check = new BracketCheck(findings);
  check.container(doc.body);
  for (const note of doc.footnotes) check.container(note.children);
  return findings;
}
