/**
 * The typography check: quotation marks as each language writes them. The locale gives the pair
 * around an ellipsis, spacing included (`typography.quotes`, French "«\u00a0…\u00a0»"), and the pair
 * for a quotation inside a quotation (`typography.nestedQuotes`). A straight `"`, another language's
 * marks, or French marks without their no-break spaces are errors at their place in the source.
 */
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { reportError } from '../diagnostics/report.js';
import type { Locale } from '../i18n/locales.js';
import type { BlockNode, InlineNode, ModelDocument } from '../model/types.js';
import { mapInlineRuns } from '../model/walk.js';
import { placeOf, printedTexts } from './text-places.js';

/** Every character some language uses as a double quotation mark (single ones double as apostrophes). */
const QUOTATION_MARKS = new Set(['"', '“', '”', '„', '‟', '«', '»', '「', '」', '『', '』', '〝', '〞', '＂']);

interface QuotePair {
  open: string;
  close: string;
}

/** "«\u00a0…\u00a0»" → open "«\u00a0", close "\u00a0»". */
export function quotePair(pattern: string): QuotePair {
  const [open = '', close = ''] = pattern.split('…');
  return { open, close };
}

/** Marks of the language, outermost first. */
export function languageQuotes(locale: Locale): QuotePair[] {
  return [quotePair(locale.t('typography.quotes')), quotePair(locale.t('typography.nestedQuotes'))];
}

export interface QuoteProblem {
  /** Index of the quotation mark in the text. */
  index: number;
  mark: string;
}

/**
 * The quotation marks of one run of text that are not the language's at their depth. A mark is
 * read with its spacing: `pair.open` must start at the mark (a French « with its no-break space),
 * `pair.close` must end at it.
 */
export function misplacedQuotes(text: string, quotes: readonly QuotePair[]): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  const at = (mark: string, index: number, part: string) => {
    const offset = part.indexOf(mark);
    return offset >= 0 && text.startsWith(part, index - offset);
  };
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const mark = text[index]!;
    if (!QUOTATION_MARKS.has(mark)) continue;
    const inner = quotes[depth - 1];
    const next = quotes[depth];
    // A closing mark at depth 0 closes a quotation opened in an earlier paragraph of the same quotation.
    const closing = inner ? at(mark, index, inner.close) : at(mark, index, quotes[0]!.close);
    if (closing && depth > 0) depth--;
    else if (!closing && next && at(mark, index, next.open)) depth++;
    else if (!closing) problems.push({ index, mark });
  }
  return problems;
}

/** Each run of inline nodes of the blocks, in reading order, with the place of the block that holds it; a figure's alt text too. */
function eachRun(blocks: readonly BlockNode[], visit: (run: readonly InlineNode[], place: Position | undefined) => void): void {
  mapInlineRuns(blocks, (run, block) => {
    visit(run, block.position);
    if (block.type === 'figure') visit([{ type: 'text', value: block.alt }], block.position);
    return run;
  });
}

const visible = (mark: string) => (mark === '\u00a0' ? '⍽' : mark);
const shown = (pair: QuotePair) => `${[...pair.open].map(visible).join('')}…${[...pair.close].map(visible).join('')}`;

export function checkQuotes(doc: ModelDocument, file: VFile, locale: Locale): void {
  const quotes = languageQuotes(locale);
  const language = locale.t(`languageName.${locale.lang}`);
  const spaced = quotes.some((q) => `${q.open}${q.close}`.includes('\u00a0'));
  const fix =
    `Write ${language} quotation marks: ${shown(quotes[0]!)}, and ${shown(quotes[1]!)} inside a quotation` +
    (spaced ? ' (⍽ is a no-break space, U+00A0)' : '') +
    ` (typography.quotes in ${locale.file})`;
  const check = (run: readonly InlineNode[], place: Position | undefined) => {
    // The run is read as one text, so a mark's depth and spacing carry across revision marks.
    const parts = printedTexts(run);
    const text = parts.map((p) => p.value).join('');
    for (const problem of misplacedQuotes(text, quotes)) {
      reportError(
        file,
        placeOf(parts, problem.index) ?? place?.start,
        `Quotation mark "${problem.mark}" is not how ${language} quotes`,
        fix,
        'quotation-marks',
      );
    }
  };
  eachRun(doc.body, check);
  for (const note of doc.footnotes) eachRun(note.children, check);
}
