/**
 * Seeded random edits of an unmarked document, as an author makes them between two editions:
 * words deleted, inserted and replaced (anywhere: paragraphs, headings, cells, captions,
 * footnotes), paragraphs inserted, removed and moved, labels renumbered. The same seed gives the
 * same edits.
 */
import type { BlockNode, InlineNode, ModelDocument } from '../../scripts/model/types.js';
import { mapBlocks, mapInlineRuns } from '../../scripts/model/walk.js';
import { reading } from '../../scripts/passes/index.js';

/** mulberry32: a small PRNG with a 32-bit state. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type TextBlock = Extract<BlockNode, { type: 'paragraph' | 'labelledParagraph' | 'heading' }>;

export function randomlyEdited(doc: ModelDocument, seed: number, edits = 8): ModelDocument {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const words = vocabulary(doc);
  let body = doc.body;
  let footnotes = doc.footnotes;
  for (let edit = 0; edit < edits; edit++) {
    const kind = pick(['word', 'word', 'word', 'insertParagraph', 'removeParagraph', 'moveParagraph', 'renumber'] as const);
    if (kind === 'word') {
      // One text node somewhere in the body or a footnote, chosen by its rank among all of them.
      const inFootnote = footnotes.length > 0 && random() < 0.2;
      const edited = editOneText(inFootnote ? pick(footnotes).children : body, random, () => pick(words), doc.lang);
      if (inFootnote) {
        const note = footnotes.findIndex((candidate) => candidate.children === edited.source);
        footnotes = footnotes.map((n, index) => (index === note ? { ...n, children: edited.blocks } : n));
      } else body = edited.blocks;
      continue;
    }
    const textBlocks = body.flatMap((block, index) => (isTextBlock(block) ? [index] : []));
    if (textBlocks.length < 2) continue;
    const at = pick(textBlocks);
    const block = body[at] as TextBlock;
    if (kind === 'removeParagraph') body = body.filter((_, index) => index !== at);
    if (kind === 'insertParagraph') {
      const copy = editOneText([block], random, () => pick(words), doc.lang).blocks[0]!;
      body = [...body.slice(0, at), copy, ...body.slice(at)];
    }
    if (kind === 'moveParagraph') {
      const rest = body.filter((_, index) => index !== at);
      const to = Math.floor(random() * rest.length);
      body = [...rest.slice(0, to), block, ...rest.slice(to)];
    }
    if (kind === 'renumber') body = renumbered(body);
  }
  // Footnotes no longer called go, and the rest are numbered as a reader meets them.
  return reading({ ...doc, body, footnotes }, 'accepted');
}

function isTextBlock(block: BlockNode): block is TextBlock {
  return block.type === 'paragraph' || block.type === 'labelledParagraph' || block.type === 'heading';
}

/** Every labelled paragraph's number one higher (`7` → `8`, `2.1` → `2.2`): what an inserted paragraph does to those after it. */
function renumbered(body: readonly BlockNode[]): BlockNode[] {
  const bump = (run: InlineNode[]) =>
    run.map((node) => (node.type === 'text' ? { ...node, value: node.value.replace(/\d+(?!.*\d)/u, (n) => String(Number(n) + 1)) } : node));
  return mapBlocks(body, (block) => (block.type === 'labelledParagraph' ? { ...block, label: bump(block.label) } : block));
}

const vocabularies = new WeakMap<ModelDocument, string[]>();

/** Words of the document to insert: some of its own, so that an insertion reads as the language. */
function vocabulary(doc: ModelDocument): string[] {
  const known = vocabularies.get(doc);
  if (known) return known;
  const found = new Set<string>();
  const segmenter = new Intl.Segmenter(doc.lang, { granularity: 'word' });
  mapInlineRuns(doc.body, (run) => {
    for (const node of run) {
      if (node.type !== 'text') continue;
      for (const segment of segmenter.segment(node.value)) if (segment.isWordLike) found.add(segment.segment);
    }
    return run;
  });
  const words = [...found].sort().slice(0, 400);
  vocabularies.set(doc, words);
  return words;
}

/** One word of one text node deleted, replaced, or given a new word beside it. */
function editOneText(
  blocks: BlockNode[],
  random: () => number,
  word: () => string,
  lang: string,
): { source: BlockNode[]; blocks: BlockNode[] } {
  let count = 0;
  mapInlineRuns(blocks, (run) => {
    count += textNodes(run).length;
    return run;
  });
  const target = Math.floor(random() * count);
  let seen = 0;
  const space = lang === 'zh' ? '' : ' ';
  const edit = (value: string): string => {
    const segments = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(value)];
    const words = segments.filter((segment) => segment.isWordLike);
    if (words.length === 0) return value + space + word();
    const chosen = words[Math.floor(random() * words.length)]!;
    const [before, after] = [value.slice(0, chosen.index), value.slice(chosen.index + chosen.segment.length)];
    const choice = random();
    if (choice < 0.3 && words.length > 1) return before + after;
    if (choice < 0.65) return before + word() + after;
    return before + chosen.segment + space + word() + after;
  };
  const edited = mapInlineRuns(blocks, (run) => rewriteTexts(run, (value) => (seen++ === target ? edit(value) : value)));
  return { source: blocks, blocks: edited };
}

function textNodes(run: readonly InlineNode[]): InlineNode[] {
  return run.flatMap((node) => (isWords(node) ? [node] : 'children' in node ? textNodes(node.children) : []));
}

function rewriteTexts(run: readonly InlineNode[], rewrite: (value: string) => string): InlineNode[] {
  return run.map((node) => {
    if (isWords(node)) return { ...node, value: rewrite(node.value) };
    return 'children' in node ? { ...node, children: rewriteTexts(node.children, rewrite) } : node;
  });
}

/** Words an author types: not a figure printed from the document's data. */
function isWords(node: InlineNode): node is InlineNode & { type: 'text' } {
  return node.type === 'text' && !node.dataRef;
}
