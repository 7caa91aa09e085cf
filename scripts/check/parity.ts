/**
 * The parity check: every language version of a document has the form of the
 * original — the same blocks in the same order (headings and paragraphs with
 * their numbers, call words, lists, tables with their rows, columns and spans,
 * figures, proposals with their action and identifier), footnotes in the same
 * blocks, and revision marks in the same blocks. Only the words may differ.
 *
 * The two block sequences are aligned on their structural keys (a longest
 * common subsequence), so a dropped or extra block is reported once, at its
 * place in both files, instead of every later block being reported as moved.
 */
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { reportError } from '../diagnostics/report.js';
import type { BlockNode, Footnote, InlineNode, ListItem, ModelDocument, SummaryPart, Table, TableCell } from '../model/types.js';
import type { DocumentBuild } from '../model/build.js';
import type { Lang } from '../i18n/languages.js';

/** One block as the parity check sees it. */
export interface BlockShape {
  /** What must match for two blocks to be counterparts. */
  key: string;
  /** How a person would name the block: "paragraph 7", "heading 2.1", "table 3 (4 rows × 4 columns)". */
  name: string;
  position: Position | undefined;
  /** Details compared once two blocks are paired. */
  footnotes: number;
  insertions: boolean;
  deletions: boolean;
  change: string;
  /** Lists: the number of items; tables: rows × columns, spans, and each cell's footnotes and marks. */
  layout?: string | undefined;
  /** The block's own words (not those of the blocks it holds), for checks that compare counterparts' words. */
  words: BlockWords[];
  /** The node the shape was taken from, for readers that show it (the review page). */
  node: ShapedNode;
}

/** What a shape is taken from: a block, a list item, a summary part or a footnote. */
export type ShapedNode = BlockNode | ListItem | SummaryPart | Footnote;

/** A run of words and where it stands: a block's text, or a table's caption or one of its cells. */
export interface BlockWords {
  inline: readonly InlineNode[];
  position: Position | undefined;
}

/**
 * Spells a translation's labels in the original's letters, rank for rank (`أ)` → `a)`, `ب)` → `b)`),
 * so that each language may letter its sub-paragraphs its own way. Characters outside the
 * translation's letters (figures, roman numerals written in Latin letters) are left as they are.
 */
export type Relabel = (label: string) => string;

export function relabelling(original: ModelDocument, translation: ModelDocument): Relabel {
  const rank = new Map(translation.letters.map((letter, index) => [letter, index]));
  // Longest first: Arabic هـ is two characters.
  const letters = [...translation.letters].sort((a, b) => b.length - a.length);
  return (label) => {
    let out = '';
    for (let i = 0; i < label.length;) {
      const letter = letters.find((l) => label.startsWith(l, i));
      out += letter ? (original.letters[rank.get(letter)!] ?? letter) : label[i];
      i += letter ? letter.length : 1;
    }
    return out;
  };
}

export function shapes(doc: ModelDocument, relabel: Relabel = (label) => label): BlockShape[] {
  const out: BlockShape[] = [];
  let tables = 0;
  let figures = 0;
  const visit = (blocks: readonly BlockNode[], where: string) => {
    for (const block of blocks) {
      switch (block.type) {
        case 'proposal':
          out.push(shape(block, `proposal:${block.action}:${block.id}`, `proposal ${block.action} ${block.id}`, []));
          visit(block.children, where);
          visit(block.reasons, `${where}reasons `);
          break;
        case 'heading': {
          const number = plain(block.label ?? []);
          const title = block.role ? `${block.role}` : number ? `heading ${number}` : `heading "${excerpt(block.children)}"`;
          out.push(
            shape(
              block,
              `heading:${block.depth}:${block.role ?? ''}:${number}`,
              title,
              [...(block.label ?? []), ...block.children],
              block.children,
            ),
          );
          break;
        }
        case 'labelledParagraph': {
          const label = plain(block.label);
          out.push(
            shape(block, `labelled:${relabel(label)}`, `${where}paragraph ${label}`, [...block.label, ...block.children], block.children),
          );
          break;
        }
        case 'paragraph':
          out.push(shape(block, 'paragraph', `${where}paragraph "${excerpt(block.children)}"`, block.children));
          break;
        case 'callWordParagraph': {
          const keys: string[] = [];
          collectCallWords(block.children, keys);
          out.push(shape(block, `call:${keys.join('+')}`, `call word "${keys.join(', ')}"`, block.children));
          break;
        }
        case 'list':
          out.push({
            ...shape(block, `list:${block.ordered ? 'ordered' : 'dash'}`, `${where}list`, []),
            layout: `${block.children.length} items`,
          });
          block.children.forEach((item, index) => {
            out.push(shape(item, 'item', `${where}list item ${index + 1}`, []));
            visit(item.children, `${where}item ${index + 1}: `);
          });
          break;
        case 'blockquote':
          visit(block.children, where);
          break;
        case 'summary':
          out.push(shape(block, 'summary', 'summary', []));
          for (const part of block.parts) {
            out.push(shape(part, `summary-part:${part.key}`, `summary part "${part.key}"`, []));
            visit(part.children, `${where}summary part "${part.key}": `);
          }
          break;
        case 'table':
          tables++;
          out.push({ ...shape(block, 'table', `table ${tables}`, block.caption), layout: tableLayout(block), words: tableWords(block) });
          break;
        case 'figure':
          figures++;
          out.push(shape(block, 'figure', `figure ${figures}`, block.caption));
          break;
      }
    }
  };
  visit(doc.body, '');
  doc.footnotes.forEach((note) => {
    // By label, which every language keeps: a footnote missing in one language leaves the others paired.
    out.push(shape(note, `footnote:${note.id}`, `footnote ${note.number}`, []));
    visit(note.children, `footnote ${note.number}: `);
  });
  return out;
}

function shape(
  node: ShapedNode,
  key: string,
  name: string,
  inline: readonly InlineNode[],
  words: readonly InlineNode[] = inline,
): BlockShape {
  const marks = { footnotes: 0, insertions: false, deletions: false };
  countMarks(inline, marks);
  const change = 'change' in node ? (node.change ?? '') : '';
  return { key, name, position: node.position, change, ...marks, words: [{ inline: words, position: node.position }], node };
}

function countMarks(nodes: readonly InlineNode[], marks: { footnotes: number; insertions: boolean; deletions: boolean }): void {
  for (const node of nodes) {
    if (node.type === 'footnoteReference') marks.footnotes++;
    if (node.type === 'insertion') marks.insertions = true;
    if (node.type === 'deletion') marks.deletions = true;
    if ('children' in node) countMarks(node.children, marks);
  }
}

function collectCallWords(nodes: readonly InlineNode[], keys: string[]): void {
  for (const node of nodes) {
    if (node.type === 'callWord') keys.push(node.key);
    else if ('children' in node) collectCallWords(node.children, keys);
  }
}

/** A label's characters with its revision marks spelled out: `{--5--}{++6++}` → `5→6`. */
function plain(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value.trim();
      if (node.type === 'deletion') return `${plain(node.children)}→`;
      if ('children' in node) return plain(node.children);
      return '';
    })
    .join('');
}

function excerpt(nodes: readonly InlineNode[]): string {
  const text = nodes.map((n) => (n.type === 'text' ? n.value : 'children' in n ? excerpt(n.children) : '')).join('');
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/** "3 rows × 4 columns", then per row each cell's spans, footnotes and marks, e.g. `2x1 f1 +-`. */
function tableLayout(table: Table): string {
  const cell = (c: TableCell) => {
    const marks = { footnotes: 0, insertions: false, deletions: false };
    countMarks(cellInline(c), marks);
    const blocks = cellBlocks(c.children);
    return `${c.colSpan}x${c.rowSpan}${blocks ? ` ${blocks}` : ''}${marks.footnotes ? ` f${marks.footnotes}` : ''}${marks.insertions ? ' +' : ''}${marks.deletions ? ' -' : ''}`;
  };
  return `${tableRows(table).length} rows × ${table.columns} columns: ${tableRows(table)
    .map((row) => row.cells.map(cell).join(', '))
    .join(' / ')}`;
}

/** A table's caption, then each cell in reading order. */
function tableWords(table: Table): BlockWords[] {
  const cells = tableRows(table).flatMap((row) =>
    row.cells.map((c) => ({ inline: cellInline(c), position: c.position ?? c.children[0]?.position ?? table.position })),
  );
  return [{ inline: table.caption, position: table.position }, ...cells];
}

const tableRows = (table: Table) => [...table.head, ...table.body, ...table.foot];

/**
 * The inline nodes of a cell's paragraphs, headings and list items, labels included, in reading order,
 * a line break after each label and block so that the words of two blocks do not run together.
 */
function cellInline(cell: TableCell): InlineNode[] {
  const inline: InlineNode[] = [];
  const collect = (blocks: readonly BlockNode[]) => {
    for (const b of blocks) {
      if (b.type === 'list') b.children.forEach((item) => collect(item.children));
      if ('label' in b && b.label) inline.push(...b.label, { type: 'break' });
      if (b.type === 'heading' || b.type === 'paragraph' || b.type === 'labelledParagraph' || b.type === 'callWordParagraph') {
        inline.push(...b.children, { type: 'break' });
      }
    }
  };
  collect(cell.children);
  return inline;
}

/**
 * What a cell holds when it is more than one paragraph: `[p p]` for two paragraphs, `[p list(3)]` for a
 * paragraph and a list of three items; empty for a single paragraph or an empty cell.
 */
function cellBlocks(blocks: readonly BlockNode[]): string {
  if (blocks.length <= 1 && (blocks[0] === undefined || blocks[0].type === 'paragraph')) return '';
  const kind = (block: BlockNode): string =>
    block.type === 'list'
      ? `list(${block.children.length})`
      : block.type === 'paragraph' || block.type === 'labelledParagraph'
        ? 'p'
        : block.type;
  return `[${blocks.map(kind).join(' ')}]`;
}

/** Longest common subsequence of the keys: the pairs of indices that are counterparts. */
function align(a: readonly BlockShape[], b: readonly BlockShape[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] = a[i]!.key === b[j]!.key ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i]!.key === b[j]!.key) pairs.push([i++, j++]);
    else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

const at = (file: VFile, shape: BlockShape | undefined) =>
  shape?.position ? `${base(file)}:${shape.position.start.line}` : `${base(file)} (start)`;
const base = (file: VFile) => file.basename ?? file.path;

type Place = Parameters<typeof reportError>[1];

/** The blocks of `translation` paired with their counterparts in `original`, in reading order. */
export function counterparts(original: ModelDocument, translation: ModelDocument): [original: BlockShape, translation: BlockShape][] {
  const { a, b, pairs } = alignment(original, translation);
  return pairs.map(([i, j]) => [a[i]!, b[j]!]);
}

/**
 * Both documents' blocks and the pairs of indices that are counterparts, for the checks that also
 * need the blocks left unpaired (a block of the original with no translation yet).
 */
export function alignment(
  original: ModelDocument,
  translation: ModelDocument,
): { a: BlockShape[]; b: BlockShape[]; pairs: [original: number, translation: number][] } {
  const a = shapes(original);
  const b = shapes(translation, relabelling(original, translation));
  return { a, b, pairs: align(a, b) };
}

/**
 * Compares `translation` with `original` and reports each difference in both files, each message at
 * its own file's place and naming the place in the other.
 */
export function checkParity(original: ModelDocument, originalFile: VFile, translation: ModelDocument, translationFile: VFile): void {
  const a = shapes(original);
  const b = shapes(translation, relabelling(original, translation));
  const pairs = align(a, b);
  const o = base(originalFile);
  const t = base(translationFile);
  const inBoth = (inTranslation: Place, inOriginal: Place, problem: string, fix: string, rule: string) => {
    reportError(translationFile, inTranslation, problem, fix, rule);
    reportError(originalFile, inOriginal, problem, fix, rule);
  };
  const start = { line: 1, column: 1 };

  let previous: [number, number] = [-1, -1];
  for (const pair of [...pairs, [a.length, b.length] as [number, number]]) {
    const [i, j] = pair;
    // Blocks of the original skipped between two pairs are missing from the translation…
    for (let k = previous[0] + 1; k < i; k++) {
      const before = previous[1] >= 0 ? b[previous[1]] : undefined;
      inBoth(
        before?.position?.end ?? start,
        a[k]!.position?.start,
        `${at(originalFile, a[k])} ${a[k]!.name} has no counterpart in ${t} (${t} goes on ${before ? `after ${before.name} at line ${before.position?.start.line ?? '?'}` : 'from its start'})`,
        `Add the ${a[k]!.name} to ${t}, or remove it from ${o} if it should not be there`,
        'parity-missing-block',
      );
    }
    // …and blocks of the translation skipped are extra.
    for (let k = previous[1] + 1; k < j; k++) {
      const before = previous[0] >= 0 ? a[previous[0]] : undefined;
      inBoth(
        b[k]!.position?.start,
        before?.position?.end ?? a[previous[0] + 1]?.position?.start ?? start,
        `${at(translationFile, b[k])} ${b[k]!.name} has no counterpart in ${o} (${o} ${before ? `has ${before.name} at line ${before.position?.start.line ?? '?'} and then` : 'starts with'} ${a[previous[0] + 1]?.name ?? 'nothing more'})`,
        `Remove it from ${t}, or merge it into the block it belongs to`,
        'parity-extra-block',
      );
    }
    if (i < a.length && j < b.length) {
      const [x, y] = [a[i]!, b[j]!];
      const named = `${y.name} (${at(translationFile, y)}, ${at(originalFile, x)})`;
      compareDetails(x, y, o, (problem, fix, rule) => inBoth(y.position?.start, x.position?.start, `${named}: ${problem}`, fix, rule));
    }
    previous = pair;
  }
}

/** The details of two paired blocks: footnotes, marks, whole-block changes and layout; `o` names the original's file. */
function compareDetails(x: BlockShape, y: BlockShape, o: string, report: (problem: string, fix: string, rule: string) => void): void {
  if (x.footnotes !== y.footnotes) {
    report(
      `${y.footnotes} footnote reference(s) where ${o} has ${x.footnotes}`,
      'Put each footnote reference in the block that has it in the original',
      'parity-footnote',
    );
  }
  if (x.insertions !== y.insertions || x.deletions !== y.deletions) {
    const describe = (s: BlockShape) =>
      [s.insertions && 'insertions', s.deletions && 'deletions'].filter(Boolean).join(' and ') || 'no revision marks';
    report(
      `has ${describe(y)} where ${o} has ${describe(x)}`,
      "Mark the words that correspond to the original's insertions and deletions",
      'parity-revision-marks',
    );
  }
  if (x.change !== y.change) {
    report(
      `is ${y.change ? `wholly an ${y.change}` : 'not wholly inserted or deleted'} where ${o} ${x.change ? `is wholly an ${x.change}` : 'is not'}`,
      'Put the revision mark around the whole block, label included, as in the original',
      'parity-revision-marks',
    );
  }
  if (x.layout !== y.layout) {
    report(
      `is laid out as ${y.layout} where ${o} has ${x.layout}`,
      "Give the translation the rows, columns, spans, cells' paragraphs and lists, footnotes and revision marks of the original, cell by cell",
      'parity-layout',
    );
  }
}

export interface VersionSummary {
  lang: string;
  blocks: number;
  insertions: number;
  deletions: number;
  footnotes: number;
  bracketed: number;
}

export function summarize(doc: ModelDocument): VersionSummary {
  const counts = { insertions: 0, deletions: 0, bracketed: 0 };
  const inline = (nodes: readonly InlineNode[]) => {
    for (const node of nodes) {
      if (node.type === 'insertion') counts.insertions++;
      if (node.type === 'deletion') counts.deletions++;
      if (node.type === 'text') counts.bracketed += [...node.value].filter((ch) => ch === '[').length;
      if ('children' in node) inline(node.children);
    }
  };
  const blocks = (list: readonly BlockNode[]) => {
    for (const block of list) {
      if ('label' in block && block.label) inline(block.label);
      if (block.type === 'table') {
        inline(block.caption);
        for (const row of [...block.head, ...block.body, ...block.foot]) for (const cell of row.cells) blocks(cell.children);
      } else if (block.type === 'figure') inline(block.caption);
      else if (block.type === 'list') for (const item of block.children) blocks(item.children);
      else if (block.type === 'proposal') {
        blocks(block.children);
        blocks(block.reasons);
      } else if (block.type === 'blockquote') blocks(block.children);
      else if (block.type === 'summary') for (const part of block.parts) blocks(part.children);
      else inline(block.children);
    }
  };
  blocks(doc.body);
  for (const note of doc.footnotes) blocks(note.children);
  return { lang: doc.lang, blocks: shapes(doc).length, footnotes: doc.footnotes.length, ...counts };
}

/**
 * Checks every language version of a document against its original. A version that failed its own
 * checks is left out (its fault is reported once, in its file), and none is compared with an original
 * that failed its own, which would blame every correct translation.
 */
export function checkDocumentParity(build: DocumentBuild, failed: ReadonlySet<Lang>): void {
  const original = build.versions.find((version) => version.lang === build.meta?.originalLanguage);
  if (!original || failed.has(original.lang)) return;
  for (const version of build.versions) {
    if (version === original || failed.has(version.lang)) continue;
    checkParity(original, build.versionFiles.get(original.lang)!, version, build.versionFiles.get(version.lang)!);
  }
}
