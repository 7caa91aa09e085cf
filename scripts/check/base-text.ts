/**
 * Marks checked against the text in force. A document that names its `base` in document.yaml must
 * give back that text, language by language, when every change is rejected: each paragraph, heading,
 * cell and footnote the same, in the same order. A difference is reported in the marked file at the
 * block responsible, with the place and words of the text in force, so that the editor can see
 * which mark is missing or wrong.
 */
import { diffArrays } from 'diff';
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { reportError } from '../diagnostics/report.js';
import type { BlockNode, InlineNode, ModelDocument } from '../model/types.js';
import { mapBlocks } from '../model/walk.js';
import { printedText } from '../model/text.js';
import { reading } from '../passes/readings.js';

/** One block's words as a reader compares them, with where it stands. */
interface Passage {
  text: string;
  position: Position | undefined;
}

/** Spaces as layout: runs of white space as one, none at either end. */
const words = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The resolution's text: what proposals hold (their Reasons are not part of it), block by block. */
function passages(blocks: readonly BlockNode[]): Passage[] {
  const found: Passage[] = [];
  const unwrapped = blocks.flatMap((block) => (block.type === 'proposal' ? block.children : [block]));
  mapBlocks(unwrapped, (block) => {
    const add = (...runs: (readonly InlineNode[] | undefined)[]) =>
      found.push({ text: words(runs.map((run) => printedText(run ?? [])).join(' ')), position: block.position });
    switch (block.type) {
      case 'heading':
        add(block.label, block.children);
        break;
      case 'labelledParagraph':
        add(block.label, block.children);
        break;
      case 'paragraph':
      case 'callWordParagraph':
        add(block.children);
        break;
      case 'table':
      case 'figure':
        if (block.caption.length) add(block.caption);
        break;
      default:
        break;
    }
    return block;
  });
  return found;
}

const quoted = (text: string) => `«${text.length > 80 ? `${text.slice(0, 77)}…` : text}»`;
const at = (file: VFile, place: Position | undefined) => `${file.path}:${place?.start.line ?? 1}:${place?.start.column ?? 1}`;

/** Reports in `file` (the marked version) every passage where its rejected reading is not `base`. */
export function checkBaseText(marked: ModelDocument, file: VFile, base: ModelDocument, baseFile: VFile): void {
  const rejected = reading(marked, 'rejected');
  const footnotes = (doc: ModelDocument) =>
    doc.footnotes.map((note) => ({
      text: words(
        passages(note.children)
          .map((p) => p.text)
          .join(' '),
      ),
      position: note.position,
    }));
  compare(passages(rejected.body), passages(base.body), 'passage');
  compare(footnotes(rejected), footnotes(base), 'footnote');

  function compare(ours: Passage[], theirs: Passage[], what: string): void {
    const changes = diffArrays(
      theirs.map((p) => p.text),
      ours.map((p) => p.text),
    );
    let [inOurs, inTheirs] = [0, 0];
    for (let index = 0; index < changes.length; index++) {
      const change = changes[index]!;
      const removed = change.removed ? theirs.slice(inTheirs, (inTheirs += change.count)) : [];
      // A removal followed by an addition is a passage changed in place: the two are compared.
      const added = change.added ? change : changes[index + 1]?.added && change.removed ? changes[++index]! : undefined;
      const inserted = added ? ours.slice(inOurs, (inOurs += added.count)) : [];
      if (!change.added && !change.removed) {
        inOurs += change.count;
        inTheirs += change.count;
      }
      removed.forEach((inForce, k) => {
        const mine = inserted[k];
        if (mine) differs(mine, inForce);
        else lacking(inForce, ours[inOurs] ?? ours.at(-1));
      });
      inserted.slice(removed.length).forEach(extra);
    }

    function differs(mine: Passage, inForce: Passage): void {
      reportError(
        file,
        mine.position,
        `With every change rejected, this ${what} reads ${quoted(differenceOf(mine.text, inForce.text))} where the text in force (${at(baseFile, inForce.position)}) reads ${quoted(differenceOf(inForce.text, mine.text))}`,
        'Mark what the proposal changes: the old words as a deletion, the new as an insertion',
        'base-text',
      );
    }

    function lacking(inForce: Passage, near: Passage | undefined): void {
      reportError(
        file,
        near?.position,
        `The text in force has a ${what} (${at(baseFile, inForce.position)}) that the rejected reading lacks here: ${quoted(inForce.text)}`,
        'Put it back as a deletion, {--…--} around the whole block, where it stood',
        'base-text',
      );
    }

    function extra(mine: Passage): void {
      reportError(
        file,
        mine.position,
        `With every change rejected, this ${what} is still here, but the text in force (${baseFile.path}) has no such ${what}: ${quoted(mine.text)}`,
        'Mark it as inserted, wholly: {++…++} around the whole block',
        'base-text',
      );
    }
  }
}

/** The words of `text` that differ from `other`, with the word before for context. */
function differenceOf(text: string, other: string): string {
  let start = 0;
  while (start < text.length && text[start] === other[start]) start++;
  let end = 0;
  while (end < text.length - start && end < other.length - start && text.at(-1 - end) === other.at(-1 - end)) end++;
  const wordStart = text.lastIndexOf(' ', start - 1);
  const from = Math.max(0, text.lastIndexOf(' ', wordStart - 1) + 1);
  const after = text.indexOf(' ', text.length - end);
  const to = after < 0 ? text.length : after;
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
