/**
 * Words glued or spaced twice where a revision mark stood, in one reading, for scripts that put
 * spaces between words. Where a reading leaves a mark out, the text on either side of it now meets:
 * `(21 December {--2016--}{++2020++}){++,++}{--and--} UNGA` reads "2016)and UNGA" once the comma is
 * taken out, because the space before "and" was lost; `the {--old --} text` would read "the  text"
 * had the space after "old" been left outside the mark.
 *
 * A letter that meets a letter where the other reading also glued a letter to the same text is a
 * word changed inside itself or at its edge (`organi{--s--}{++z++}ation`, Arabic `ل{--هذا--}{++ذلك++}`,
 * where the preposition clings to either word): text outside every mark that was glued to the
 * removed text on the same side is glued by design.
 */
import type { ModelDocument, InlineNode } from '../model/types.js';
import { mapInlineRuns } from '../model/walk.js';
import { LANGUAGES, usesSpaces } from '../i18n/languages.js';
import type { Reading } from '../passes/readings.js';
import { markedTexts, readingEdges, type MarkEdge } from './mark-boundaries.js';
import type { Finding } from './finding.js';

const SPACE = /^[ \u00a0\u202f\t]$/u;
const LETTER = /^[\p{L}\p{M}]$/u;
const WORD_CHARACTER = /^[\p{L}\p{M}\p{Nd}]$/u;
/** What a word may not be glued to on its left: the end of a word, a figure or a bracket. */
const WORD_END = /^[\p{L}\p{M}\p{Nd})\]»”]$/u;

/** What is wrong with the text where it meets at `edge`, if anything. */
export function spacingAt(text: string, edge: MarkEdge): 'glued' | 'doubled' | undefined {
  const before = text[edge.offset - 1] ?? '';
  const after = text[edge.offset] ?? '';
  if (SPACE.test(before) && SPACE.test(after)) return 'doubled';
  if (edge.removed === undefined || !WORD_END.test(before) || !LETTER.test(after)) return undefined;
  const inBoth = (part: MarkEdge['before']) => part.marks.length === 0;
  const gluedBefore = inBoth(edge.before) && WORD_CHARACTER.test(edge.removed.at(0) ?? '');
  const gluedAfter = inBoth(edge.after) && WORD_CHARACTER.test(edge.removed.at(-1) ?? '');
  return gluedBefore || gluedAfter ? undefined : 'glued';
}

const shown = (text: string) => text.replace(/[ \u00a0\u202f\t]/gu, '·');

export function spacingFaults(doc: ModelDocument, which: Reading): Finding[] {
  if (!usesSpaces(LANGUAGES[doc.lang].script)) return [];
  const findings: Finding[] = [];
  const check = (run: readonly InlineNode[]) => {
    const { text, edges } = readingEdges(markedTexts(run), which);
    for (const edge of edges) {
      const fault = spacingAt(text, edge);
      if (!fault) continue;
      const around = shown(text.slice(Math.max(0, edge.offset - 12), edge.offset + 12).replace(/\n/g, ' '));
      const where = edge.removed === undefined ? 'at the edge of a revision mark' : `where "${edge.removed.trim()}" was taken out`;
      findings.push({
        rule: 'spacing-at-mark',
        place: edge.mark.position,
        problem:
          fault === 'glued' ? `two words run together ${where} ("${around}")` : `two spaces meet ${where} ("${around}", · is a space)`,
        fix:
          fault === 'glued'
            ? 'Take the space between the words into the mark, or leave it outside, so that each reading keeps one (`2016){++,++}{-- and--} UNGA`)'
            : 'Take one of the two spaces into the mark, so that each reading keeps one (`the {--old --}text`)',
      });
    }
  };
  const visit = (blocks: ModelDocument['body']) =>
    mapInlineRuns(blocks, (run, block) => {
      // A label is a number or a letter, never words.
      if (!('label' in block && block.label === run)) check(run);
      return run;
    });
  visit(doc.body);
  for (const note of doc.footnotes) visit(note.children);
  return findings;
}
