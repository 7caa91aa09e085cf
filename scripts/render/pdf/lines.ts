/**
 * Paragraph layout: styled spans → lines of positioned glyph runs.
 *
 * Break opportunities come from the Unicode Line Breaking Algorithm (UAX #14,
 * the linebreak package), which already keeps closing CJK punctuation
 * (，。、；：？！）》」) off the start of a line and opening punctuation (（《「)
 * off its end. Lines are filled greedily; each line is then reordered with the
 * Unicode Bidirectional Algorithm (bidi-js), cut into runs of one font, one
 * style and one direction, shaped by fontkit, and justified: extra space goes
 * to the spaces, or between the characters of Chinese text.
 */
import LineBreaker from 'linebreak';
import { LANGUAGES, type Lang } from '../../i18n/languages.js';
import type { Align } from '../paragraph-styles.js';
import type { HyphenationRules, Justification, StyleSheet } from '../style-sheet.js';
import { isolatedLevels, mirrored as mirror, visualOrder, type Embedding } from './bidi.js';
import { translate, type DrawOp, type FlowItem } from './boxes.js';
import { decorationsOf, type Decorations, type FontSet, type FontStyle, type PdfFont } from './fonts.js';
import { advance, shapedRun } from './shaping.js';
import type { Span, SpanStyle } from './spans.js';
import { hyphenationFor, type Hyphenation } from './hyphenate.js';
import { keepsBreak } from '../line-breaks.js';
import { byClass, spread, type Piece } from './justify.js';
import { isHanCodePoint } from '../../i18n/characters.js';

export { advance };

/** Paragraphs laid out already (laid-paragraphs.ts): a paragraph's lines, laid out by `layOut` the first time. */
export interface ParagraphLines {
  lines(spec: ParagraphSpec, layOut: () => Line[]): Line[];
}

export interface ParagraphSpec {
  spans: readonly Span[];
  /** `a)`, `1.`, `–`: set in the hanging indent of the first line. */
  label?: readonly Span[] | undefined;
  size: number;
  align: Align;
  /** Width of the column the paragraph is set in. */
  width: number;
  /** Distance of every line from the start edge (left in LTR, right in RTL). */
  indent: number;
  /** How far the first line (and its label) starts before `indent`. */
  hanging: number;
}

export interface TextContext {
  fonts: FontSet;
  sheet: StyleSheet;
  lang: Lang;
  dir: 'ltr' | 'rtl';
  /** The paragraphs laid out already in this language version, when the writer keeps them. */
  paragraphs?: ParagraphLines | undefined;
}

export interface Line extends FlowItem {
  /** Baseline from the top of the line. */
  baseline: number;
}

const fontStyle = (style: SpanStyle): FontStyle =>
  style.bold && style.italic ? 'boldItalic' : style.bold ? 'bold' : style.italic ? 'italic' : 'regular';

const isSpace = (char: string) => char === ' ' || char === '\t';

// ------------------------------------------------------------------ characters

/** The paragraph as one string with, per UTF-16 unit, its span and font. */
interface Characters {
  text: string;
  span: Int32Array;
  font: PdfFont[];
  levels: Uint8Array;
  embedding: Embedding;
}

function characters(spans: readonly Span[], context: TextContext): Characters {
  const parts = spans.map((s) => s.text);
  const text = parts.join('');
  const span = new Int32Array(text.length);
  const font: PdfFont[] = new Array<PdfFont>(text.length);
  let index = 0;
  let previous: PdfFont | undefined;
  parts.forEach((part, spanIndex) => {
    const style = fontStyle(spans[spanIndex]!.style);
    for (const char of part) {
      const chosen = context.fonts.fontFor(char, style, context.lang, previous);
      for (let unit = 0; unit < char.length; unit++) {
        span[index] = spanIndex;
        font[index] = chosen;
        index++;
      }
      previous = chosen;
    }
  });
  const embedding = isolatedLevels(text, (i) => spans[span[i]!]!.style.mark, context.dir);
  return { text, span, font, levels: embedding.levels, embedding };
}

function sizeOf(span: Span, size: number, sheet: StyleSheet): number {
  return span.footnote === undefined ? size : size * sheet.pdf.superscript.scale;
}

/** Width of text[start, end), shaped per run of one span and one font. */
function measure(chars: Characters, spans: readonly Span[], start: number, end: number, size: number, sheet: StyleSheet): number {
  let width = 0;
  let runStart = start;
  for (let i = start + 1; i <= end; i++) {
    if (i === end || chars.span[i] !== chars.span[runStart] || chars.font[i] !== chars.font[runStart]) {
      const span = spans[chars.span[runStart]!]!;
      width += advance(chars.font[runStart]!, chars.text.slice(runStart, i).replace(/\n/g, '')) * sizeOf(span, size, sheet);
      runStart = i;
    }
  }
  return width;
}

// ------------------------------------------------------------------ breaking

interface Segment {
  start: number;
  end: number;
  /** Without trailing spaces, which may hang past the margin. */
  width: number;
  trailing: number;
  required: boolean;
  /** Ends inside a word, at a hyphenation point: the line ending here draws a hyphen. */
  hyphen?: boolean;
}

function segments(chars: Characters, spans: readonly Span[], size: number, sheet: StyleSheet): Segment[] {
  const breaks = new Map<number, boolean>();
  const breaker = new LineBreaker(chars.text);
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    const end = next.position;
    if (!next.required && end < chars.text.length && !keepsBreak(chars.text, end, sheet.hyphenation.hardHyphenMinPart)) continue;
    breaks.set(end, next.required);
  }
  for (const end of changeEdges(chars, spans)) if (!breaks.has(end)) breaks.set(end, false);
  const list: Segment[] = [];
  let start = 0;
  for (const [end, required] of [...breaks].sort(([a], [b]) => a - b)) {
    list.push(makeSegment(chars, spans, start, end, required, size, sheet));
    start = end;
  }
  return list;
}

/**
 * Where a deletion meets an insertion (old words struck, new words right after them), a line may
 * break though no space stands between: the two are different texts, and without the break a
 * long replacement ("Dubai, 2018Bucharest, 2022") would stretch or overrun its line.
 */
function changeEdges(chars: Characters, spans: readonly Span[]): number[] {
  const { text } = chars;
  const mark = (i: number) => spans[chars.span[i]!]!.style.mark;
  const inWord = (i: number) => WORD.test(text[i] ?? '');
  const edges: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const [before, after] = [mark(i - 1), mark(i)];
    if (!before || !after || before === after || isSpace(text[i - 1]!) || isSpace(text[i]!)) continue;
    // Only between whole words: a change inside a word (organi{--s--}{++z++}ation) stays one word.
    let start = i - 1;
    while (start > 0 && mark(start - 1) === before) start--;
    let end = i;
    while (end < text.length && mark(end) === after) end++;
    if (!inWord(start - 1) && !inWord(end)) edges.push(i);
  }
  return edges;
}

const WORD = /^[\p{L}\p{M}\p{N}]$/u;

function makeSegment(
  chars: Characters,
  spans: readonly Span[],
  start: number,
  end: number,
  required: boolean,
  size: number,
  sheet: StyleSheet,
): Segment {
  let contentEnd = end;
  while (contentEnd > start && (isSpace(chars.text[contentEnd - 1]!) || chars.text[contentEnd - 1] === '\n')) contentEnd--;
  const width = measure(chars, spans, start, contentEnd, size, sheet);
  return { start, end, width, trailing: measure(chars, spans, contentEnd, end, size, sheet), required };
}

const CLOSING = new Set([...'）》」』】〕〉”’，。、；：？！)]},.;:?!']);
const OPENING = new Set([...'（《「『【〔〈“‘([{']);

/** Cuts a segment too wide for any line (a long address, say) between characters; the first piece fills what is left of the current line. */
function cutSegment(
  segment: Segment,
  chars: Characters,
  spans: readonly Span[],
  size: number,
  sheet: StyleSheet,
  room: number,
  firstRoom = room,
): Segment[] {
  const pieces: Segment[] = [];
  let start = segment.start;
  while (start < segment.end) {
    const limit = pieces.length ? room : firstRoom;
    let end = start + 1;
    while (end < segment.end && measure(chars, spans, start, end + 1, size, sheet) <= limit) end++;
    // Even a forced cut keeps closing punctuation off the start of a line and opening punctuation off its end.
    while (end - 1 > start && end < segment.end && (CLOSING.has(chars.text[end]!) || OPENING.has(chars.text[end - 1]!))) end--;
    const last = end >= segment.end;
    pieces.push({
      start,
      end,
      width: measure(chars, spans, start, end, size, sheet),
      trailing: last ? segment.trailing : 0,
      required: last && segment.required,
    });
    start = end;
  }
  return pieces;
}

/**
 * Cuts the word of `segment` at its last hyphenation point that leaves the
 * head, with its hyphen, within `room`: [head, tail], or undefined.
 */
function hyphenate(
  segment: Segment,
  chars: Characters,
  spec: ParagraphSpec,
  context: TextContext,
  hyphenation: Hyphenation,
  room: number,
): [Segment, Segment] | undefined {
  const { spans, size } = spec;
  const { sheet } = context;
  const points = hyphenation.points(chars.text.slice(segment.start, segment.end)).reverse();
  for (const point of points) {
    const cut = segment.start + point;
    const head = makeSegment(chars, spans, segment.start, cut, false, size, sheet);
    if (head.width + hyphenRun(chars, spec, cut - 1, context).width <= room) {
      return [{ ...head, hyphen: true }, makeSegment(chars, spans, cut, segment.end, segment.required, size, sheet)];
    }
  }
  return undefined;
}

interface LineRange {
  start: number;
  end: number;
  /** Ends at a forced break or the paragraph's end: never justified. */
  forced: boolean;
  hyphen: boolean;
}

/** The open line while the paragraph is filled: its width so far and its spaces. */
interface OpenLine {
  start: number;
  width: number;
  /** Width of the spaces between its segments (not the last segment's trailing ones). */
  spaces: number;
  gaps: number;
  lastTrailing: number;
  /** Its last segment is the head of a hyphenated word. */
  hyphen: boolean;
}

/** How many natural spaces wide each gap of the open line would be if it were justified now. */
function gapIfClosed(line: OpenLine, room: number): number {
  const gaps = line.gaps;
  const spaces = line.spaces;
  if (!gaps || !spaces) return Infinity;
  const slack = room - (line.width - line.lastTrailing);
  return (spaces + slack) / spaces;
}

/** How many lines just before the next one end with a hyphen. */
function hyphenated(ranges: readonly LineRange[]): number {
  let count = 0;
  while (count < ranges.length && ranges[ranges.length - 1 - count]!.hyphen) count++;
  return count;
}

/**
 * Whether to cut the word that does not fit: when the line would be loose without it, unless as
 * many lines before already end with a hyphen as the style sheet allows; and always when the line
 * would otherwise be looser than justification allows, and be left ragged.
 */
function wantsHyphen(gap: number, before: number, rules: HyphenationRules, justification: Justification): boolean {
  const tooLoose = justification.stretch === 'spaces' && gap > justification.maxWordGap;
  return tooLoose || (gap > rules.looserThan && before < rules.consecutive);
}

/** Fills lines greedily; a word that does not fit is hyphenated when the line would otherwise be loose, and a word wider than a whole line is cut from where the line stands. */
function breakLines(chars: Characters, spec: ParagraphSpec, context: TextContext, room: (line: number) => number): LineRange[] {
  const { sheet } = context;
  const hyphenation = hyphenationFor(context.lang, sheet);
  const justification = sheet.justification[LANGUAGES[context.lang].script];
  const ranges: LineRange[] = [];
  const fresh = (start: number): OpenLine => ({ start, width: 0, spaces: 0, gaps: 0, lastTrailing: 0, hyphen: false });
  let line = fresh(0);
  const close = (end: number, forced: boolean, hyphen = false) => {
    ranges.push({ start: line.start, end, forced, hyphen });
    line = fresh(end);
  };
  // A word wider than a whole line (in a narrow cell, say) is hyphenated where it can be, and cut between characters only where it cannot.
  // Undefined when it cannot be cut at all (one character wider than the line): it is set as it is, overflowing.
  const cutWide = (segment: Segment, room: number, firstRoom: number): Segment[] | undefined => {
    const cut = hyphenation && hyphenate(segment, chars, spec, context, hyphenation, firstRoom);
    const pieces = cut ?? cutSegment(segment, chars, spec.spans, spec.size, sheet, room, firstRoom);
    return pieces.length > 1 ? pieces : undefined;
  };
  const queue = segments(chars, spec.spans, spec.size, sheet);
  for (let i = 0; i < queue.length; i++) {
    const segment = queue[i]!;
    const available = room(ranges.length);
    if (line.width > 0 && line.width + segment.width > available) {
      const slack = available - line.width;
      const pieces =
        segment.width > room(ranges.length + 1) && slack > spec.size * 2 ? cutWide(segment, room(ranges.length + 1), slack) : undefined;
      if (pieces) {
        queue.splice(i, 1, ...pieces);
        i--;
        continue;
      }
      const cut =
        hyphenation &&
        spec.align === 'justify' &&
        wantsHyphen(gapIfClosed(line, available), hyphenated(ranges), hyphenation.rules, justification)
          ? hyphenate(segment, chars, spec, context, hyphenation, slack)
          : undefined;
      if (cut) {
        close(cut[0].end, false, true);
        queue.splice(i, 1, cut[1]);
        i--;
        continue;
      }
      close(segment.start, false, line.hyphen);
    }
    const pieces =
      line.width === 0 && segment.width > room(ranges.length) ? cutWide(segment, room(ranges.length), room(ranges.length)) : undefined;
    if (pieces) {
      queue.splice(i, 1, ...pieces);
      i--;
      continue;
    }
    if (line.width > 0) {
      line.spaces += line.lastTrailing;
      if (line.lastTrailing > 0) line.gaps++;
    }
    line.width += segment.width + segment.trailing;
    line.lastTrailing = segment.trailing;
    line.hyphen = segment.hyphen ?? false;
    if (segment.required) close(segment.end, true);
  }
  if (line.start < chars.text.length || ranges.length === 0) close(chars.text.length, true);
  keepLastLineCompany(ranges, queue, chars, spec, context, room);
  return ranges;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A Chinese paragraph does not end on a line of one character (with its punctuation): the line
 * before gives the last line its last segment, as a Chinese typesetter avoids a lone character.
 */
function keepLastLineCompany(
  ranges: LineRange[],
  queue: readonly Segment[],
  chars: Characters,
  spec: ParagraphSpec,
  context: TextContext,
  room: (line: number) => number,
): void {
  const [before, last] = ranges.slice(-2);
  if (!before || !last || before.forced || before.hyphen) return;
  const letters = [...chars.text.slice(last.start, last.end)].filter((char) => LETTER_OR_DIGIT.test(char));
  if (letters.length !== 1 || !isHanCodePoint(letters[0]!.codePointAt(0)!)) return;
  const given = queue.filter((segment) => segment.start >= before.start && segment.end <= before.end);
  const moved = given.at(-1);
  if (!moved || given.length < 3) return;
  const width = measure(chars, spec.spans, moved.start, last.end, spec.size, context.sheet);
  if (width > room(ranges.length - 1)) return;
  before.end = moved.start;
  last.start = moved.start;
}

// ------------------------------------------------------------------ paragraph

export function layoutParagraph(spec: ParagraphSpec, context: TextContext): Line[] {
  return context.paragraphs ? context.paragraphs.lines(spec, () => layoutAnew(spec, context)) : layoutAnew(spec, context);
}

function layoutAnew(spec: ParagraphSpec, context: TextContext): Line[] {
  const chars = characters(spec.spans, context);
  const label = spec.label?.length ? labelRun(spec.label, spec.size, context) : undefined;
  const labelStart = spec.indent - spec.hanging;
  const firstStart = label ? Math.max(spec.indent, labelStart + label.width + spec.size * 0.3) : labelStart;
  const room = (line: number) => spec.width - (line === 0 ? firstStart : spec.indent);

  const ranges = breakLines(chars, spec, context, room);

  return ranges.map((range, index) => {
    const last = index === ranges.length - 1;
    const start = index === 0 ? firstStart : spec.indent;
    const line = setLine(chars, spec, context, range, start, spec.align === 'justify' && !last && !range.forced);
    if (index === 0 && label) addLabel(line, label, labelStart, spec, context);
    return line;
  });
}

interface Run {
  text: string;
  font: PdfFont;
  size: number;
  rise: number;
  width: number;
  span: Span;
  space: boolean;
  mirrored: Record<string, string> | undefined;
  rightToLeft: boolean;
}

/** Cuts text[start, end) into runs in visual order, each of one span, font and direction. */
function visualRuns(chars: Characters, spans: readonly Span[], start: number, end: number, size: number, sheet: StyleSheet): Run[] {
  const order = visualOrder(chars.embedding, start, end);
  const runs: Run[] = [];
  let i = 0;
  while (i < order.length) {
    const first = order[i]!;
    const rtl = (chars.levels[first]! & 1) === 1;
    const step = rtl ? -1 : 1;
    let j = i + 1;
    const space = isSpace(chars.text[first]!);
    if (!space) {
      while (
        j < order.length &&
        order[j] === order[j - 1]! + step &&
        !isSpace(chars.text[order[j]!]!) &&
        chars.span[order[j]!] === chars.span[first] &&
        chars.font[order[j]!] === chars.font[first] &&
        chars.levels[order[j]!] === chars.levels[first]
      )
        j++;
    }
    const low = Math.min(first, order[j - 1]!);
    const high = Math.max(first, order[j - 1]!);
    const logical = chars.text.slice(low, high + 1).replace(/\n/g, '');
    let mirrored: Record<string, string> | undefined;
    const font = chars.font[first]!;
    const text = rtl
      ? inDrawingOrder(
          font,
          [...logical]
            .map((c) => {
              const drawn = mirror(c);
              if (!drawn) return c;
              (mirrored ??= {})[drawn] = c;
              return drawn;
            })
            .join(''),
        )
      : logical;
    const span = spans[chars.span[first]!]!;
    const runSize = sizeOf(span, size, sheet);
    if (text) {
      runs.push({
        text,
        font,
        size: runSize,
        rise: span.footnote === undefined ? 0 : size * sheet.pdf.superscript.rise,
        width: advance(font, text) * runSize,
        span,
        space,
        mirrored,
        rightToLeft: rtl,
      });
    }
    i = j;
  }
  return runs;
}

/**
 * A right-to-left run as the painter must be given it. fontkit lays out a run right to left only when its
 * script is (Arabic letters); a right-to-left run of punctuation alone (`).` after "(LLDC", `)]` closing
 * a bracketed item) it would set left to right, so that run is handed over reversed.
 */
function inDrawingOrder(font: PdfFont, text: string): string {
  return shapedRun(font, text).direction === 'rtl' ? text : [...text].reverse().join('');
}

/** Decorations from the face of the paragraph's script, so that a line struck through Arabic and Latin words alike stays one line. */
function decorationMetrics(context: TextContext): Decorations {
  const letters = context.sheet.pdf.shortLetters[LANGUAGES[context.lang].script];
  return decorationsOf(context.fonts.fontFor(letters, 'regular', context.lang, undefined), letters);
}

function colourOf(span: Span, sheet: StyleSheet): string {
  return markColour(span.style.mark, sheet);
}

function markColour(mark: 'insertion' | 'deletion' | undefined, sheet: StyleSheet): string {
  if (mark === 'insertion') return `#${sheet.marks.insertionColour}`;
  if (mark === 'deletion') return `#${sheet.marks.deletionColour}`;
  return '#000000';
}

function lineMetrics(runs: readonly Run[], size: number, context: TextContext): { ascent: number; descent: number } {
  let ascent = 0;
  let descent = 0;
  for (const run of runs) {
    ascent = Math.max(ascent, run.font.ascent * run.size + run.rise);
    descent = Math.max(descent, run.font.descent * run.size);
  }
  if (!runs.length) {
    const font = context.fonts.fontFor(
      [...context.sheet.pdf.shortLetters[LANGUAGES[context.lang].script]][0]!,
      'regular',
      context.lang,
      undefined,
    );
    ascent = font.ascent * size;
    descent = font.descent * size;
  }
  return { ascent, descent };
}

/** The hyphen drawn at the end of a line that cuts a word, in the font and style of the letter before it. */
function hyphenRun(chars: Characters, spec: ParagraphSpec, last: number, context: TextContext): Run {
  const { sheet } = context;
  const span = spec.spans[chars.span[last]!]!;
  // The per-alphabet subsets of a face (Tinos Cyrillic) may lack the hyphen: the font fallback finds the face that has it.
  const font = context.fonts.fontFor('-', fontStyle(span.style), context.lang, chars.font[last]);
  const size = sizeOf(span, spec.size, sheet);
  const rise = span.footnote === undefined ? 0 : spec.size * sheet.pdf.superscript.rise;
  return { text: '-', font, size, rise, width: advance(font, '-') * size, span, space: false, mirrored: undefined, rightToLeft: false };
}

/** A run cut where Chinese characters meet other text, so that only the gaps next to Chinese characters stretch. */
function splitByClass(run: Run): Run[] {
  if (run.space) return [run];
  const parts = byClass(run.text);
  if (parts.length === 1) return [run];
  return parts.map((part) => ({ ...run, text: part.text, width: advance(run.font, part.text) * run.size }));
}

const asPiece = (run: Run): Piece => ({
  kind: run.space ? 'space' : byClass(run.text).every((part) => part.kind === 'ideographic') ? 'ideographic' : 'other',
  text: run.text,
  width: run.width,
});

function setLine(
  chars: Characters,
  spec: ParagraphSpec,
  context: TextContext,
  range: { start: number; end: number; hyphen?: boolean },
  lineStart: number,
  justify: boolean,
): Line {
  const { sheet } = context;
  const { start, end } = range;
  let contentEnd = end;
  while (contentEnd > start && (isSpace(chars.text[contentEnd - 1]!) || chars.text[contentEnd - 1] === '\n')) contentEnd--;
  const runs = visualRuns(chars, spec.spans, start, contentEnd, spec.size, sheet);
  if (range.hyphen && contentEnd > start) runs.push(hyphenRun(chars, spec, contentEnd - 1, context));
  const natural = runs.reduce((sum, run) => sum + run.width, 0);
  const room = spec.width - lineStart;
  const rule = sheet.justification[LANGUAGES[context.lang].script];
  const pieces = justify && rule.stretch === 'ideographs' ? runs.flatMap(splitByClass) : runs;
  const stretch = justify ? spread(pieces.map(asPiece), room - natural, rule, spec.size) : undefined;
  const used = stretch ? room : natural;
  // The line's box: from the start indent to the end edge, mirrored in right-to-left text.
  const boxLeft = context.dir === 'rtl' ? 0 : lineStart;
  const atStart = spec.align !== 'end' && spec.align !== 'center';
  const atLeft = atStart === (context.dir === 'ltr');
  let x = spec.align === 'center' ? boxLeft + (room - natural) / 2 : atLeft ? boxLeft : boxLeft + room - used;

  const { ascent, descent } = lineMetrics(runs, spec.size, context);
  const height = (ascent + descent) * sheet.pdf.lineHeight;
  const baseline = (height - ascent - descent) / 2 + ascent;
  const ops: DrawOp[] = [];
  const footnotes: number[] = [];
  const decorations: { mark: 'insertion' | 'deletion'; x1: number; x2: number; colour: string }[] = [];
  pieces.forEach((run, index) => {
    const width = run.width + (stretch?.[index]?.extra ?? 0);
    if (!run.space) {
      ops.push({
        kind: 'text',
        x,
        y: baseline - run.rise,
        text: run.text,
        font: run.font,
        size: run.size,
        color: colourOf(run.span, sheet),
        characterSpacing: stretch?.[index]?.characterSpacing ?? 0,
        width: run.width,
        mirrored: run.mirrored,
        rightToLeft: run.rightToLeft,
      });
      if (run.span.footnote !== undefined && !footnotes.includes(run.span.footnote)) footnotes.push(run.span.footnote);
    }
    // Text in a change inside another is underlined and struck through, each rule in its change's colour.
    for (const mark of [run.span.style.mark, run.span.style.outer]) {
      if (!mark) continue;
      const previous = [...decorations].reverse().find((d) => d.mark === mark);
      if (previous && Math.abs(previous.x2 - x) < 0.01) previous.x2 = x + width;
      else decorations.push({ mark, x1: x, x2: x + width, colour: markColour(mark, sheet) });
    }
    x += width;
  });
  // Runs are positioned left to right but drawn in reading order, so that a reader following the content stream reads right-to-left lines from their start.
  if (context.dir === 'rtl') ops.reverse();
  const metrics = decorationMetrics(context);
  for (const decoration of decorations) {
    const y = baseline - spec.size * (decoration.mark === 'insertion' ? metrics.underline : metrics.strike);
    ops.push({
      kind: 'rule',
      x1: decoration.x1,
      x2: decoration.x2,
      y1: y,
      y2: y,
      width: sheet.pdf.decorationWidth,
      color: decoration.colour,
    });
  }
  return { height, baseline, ops, footnotes };
}

// ------------------------------------------------------------------ labels

interface LabelRun {
  line: Line;
  width: number;
}

function labelRun(label: readonly Span[], size: number, context: TextContext): LabelRun {
  const chars = characters(label, context);
  const width = measure(chars, label, 0, chars.text.length, size, context.sheet);
  // Set in its own width and in the paragraph's direction, as Word and browsers do: `a)` reads `(a` in Arabic text.
  const spec: ParagraphSpec = { spans: label, size, align: 'start', width, indent: 0, hanging: 0 };
  return { line: setLine(chars, spec, context, { start: 0, end: chars.text.length }, 0, false), width };
}

/** Puts the label at the start edge of the hanging indent, on the first line's baseline. */
function addLabel(line: Line, label: LabelRun, labelStart: number, spec: ParagraphSpec, context: TextContext): void {
  const x = context.dir === 'rtl' ? spec.width - labelStart - label.width : labelStart;
  const baseline = Math.max(line.baseline, label.line.baseline);
  const shiftLine = baseline - line.baseline;
  const shiftLabel = baseline - label.line.baseline;
  line.ops = [...translate(label.line.ops, x, shiftLabel), ...translate(line.ops, 0, shiftLine)];
  line.height = Math.max(line.height + shiftLine, label.line.height + shiftLabel);
  line.baseline = baseline;
  line.footnotes = [...label.line.footnotes, ...line.footnotes];
}
