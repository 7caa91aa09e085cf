/**
 * What the review page shows and `check --brackets` prints, read from a document's versions: the
 * blocks of every language in rows as the parity check pairs them, and each language's bracketed
 * passages (square-brackets.ts, the marked text read as its accepted reading) tied to their rows.
 * The page itself is drawn by the HTML writer (render/html/review.ts) from this.
 */
import { alignment, shapes, type BlockShape, type ShapedNode } from './parity.js';
import { scanBrackets, type BracketedRange } from './square-brackets.js';
import path from 'node:path';
import { LANGS, type Lang } from '../i18n/languages.js';
import type { ModelDocument, Text } from '../model/types.js';

/** Whether a translation's block is the translation of the original's block as it stands (recorded per block elsewhere). */
export type BlockStatus = 'current' | 'outdated' | 'unrecorded' | undefined;
export type TranslationStatus = (lang: Lang, translation: BlockShape) => BlockStatus;

export interface ReviewCell {
  node: ShapedNode;
  /** The line of the source file the block starts on. */
  line: number | undefined;
  status: BlockStatus;
}

export interface ReviewRow {
  /** `row-1`, `row-2`…: the row's id on the page. */
  id: string;
  cells: ReadonlyMap<Lang, ReviewCell>;
  /** A block only this translation has: the other languages' cells are empty, not missing. */
  only?: Lang | undefined;
}

export interface ReviewPassage {
  line: number | undefined;
  column: number | undefined;
  depth: number;
  /** Its words on one line, a long passage cut in the middle. */
  excerpt: string;
  /** False for a "[" that its paragraph or run of paragraphs does not close (a lone bracket the source has). */
  closed: boolean;
  /** The row its "[" stands in. */
  row: string | undefined;
}

export interface ReviewLanguage {
  doc: ModelDocument;
  /** Its source file from the project's root: `content/<doc>/<lang>.md`. */
  source: string;
  passages: ReviewPassage[];
  /** Per text node, its characters inside brackets: what the page shades. */
  bracketed: ReadonlyMap<Text, readonly BracketedRange[]>;
}

export interface Review {
  /** The original first, then the other languages in the Union's order. */
  languages: ReviewLanguage[];
  rows: ReviewRow[];
}

/** A document's review: `status` flags each translation's blocks (none when undefined). */
export function reviewOf(versions: readonly ModelDocument[], status?: TranslationStatus): Review {
  const ordered = reviewLanguages(versions);
  const rows = alignRows(ordered, status);
  const rowOf = new Map<ShapedNode, string>();
  for (const row of rows) for (const cell of row.cells.values()) rowOf.set(cell.node, row.id);
  const languages = ordered.map((doc) => {
    const scan = scanBrackets(doc, { deletions: 'skip' });
    return {
      doc,
      // A version's path is its file's from the project's root.
      source: doc.path.split(path.sep).join('/'),
      passages: scan.passages.map((passage) => ({
        line: passage.open?.line,
        column: passage.open?.column,
        depth: passage.depth,
        excerpt: excerpt(passage.text),
        closed: passage.close !== undefined,
        row: passage.block && rowOf.get(passage.block),
      })),
      bracketed: scan.ranges,
    };
  });
  return { languages, rows };
}

/** The original first, then the other languages in the Union's order. */
function reviewLanguages(versions: readonly ModelDocument[]): ModelDocument[] {
  const original = versions.find((doc) => doc.lang === doc.meta.originalLanguage) ?? versions[0];
  if (!original) return [];
  return [original, ...LANGS.flatMap((lang) => versions.filter((doc) => doc.lang === lang && doc !== original))];
}

interface Row {
  cells: Map<Lang, BlockShape>;
  only?: Lang;
}

/** The rows: the original's blocks in order, each translation's unpaired blocks after the row they follow. */
function alignRows(ordered: readonly ModelDocument[], status: TranslationStatus | undefined): ReviewRow[] {
  const [original, ...translations] = ordered;
  if (!original) return [];
  const rows: Row[] = shapes(original).map((shape) => ({ cells: new Map([[original.lang, shape]]) }));
  const after = new Map<number, Row[]>();
  for (const translation of translations) {
    const { b, pairs } = alignment(original, translation);
    const paired = new Map(pairs.map(([i, j]) => [j, i]));
    let previous = -1;
    b.forEach((shape, j) => {
      const i = paired.get(j);
      if (i !== undefined) {
        rows[i]!.cells.set(translation.lang, shape);
        previous = i;
      } else {
        after.set(previous, [...(after.get(previous) ?? []), { cells: new Map([[translation.lang, shape]]), only: translation.lang }]);
      }
    });
  }
  return (
    [...(after.get(-1) ?? []), ...rows.flatMap((row, i) => [row, ...(after.get(i) ?? [])])]
      // Lists, their items and a summary hold blocks that have rows of their own, and no words of their own.
      .filter((row) => !isContainer([...row.cells.values()][0]!.node))
      .map((row, index) => ({
        id: `row-${index + 1}`,
        only: row.only,
        cells: new Map(
          [...row.cells].map(([lang, shape]) => [
            lang,
            { node: shape.node, line: shape.position?.start.line, status: lang === original.lang ? undefined : status?.(lang, shape) },
          ]),
        ),
      }))
  );
}

const isContainer = (node: ShapedNode) => 'type' in node && (node.type === 'list' || node.type === 'listItem' || node.type === 'summary');

/** A passage's words on one line, a long one cut in the middle. */
export function excerpt(text: string, max = 90): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  if (chars.length <= max) return line;
  return `${chars.slice(0, max - 20).join('')} … ${chars.slice(-15).join('')}`;
}
