/**
 * Column widths of a table, shared by the DOCX and PDF writers so that both print the same table.
 * A table is fitted to its contents as a word processor fits it: a column needs at least its
 * widest unbreakable word and would like its longest line unbroken; the text width is shared out
 * between those bounds. Text is measured by an estimate per character (in ems of the table's
 * size), not by the fonts, so the writers stay independent of each other and the result is the
 * same wherever it runs.
 */
import type { BlockNode, InlineNode, Table, TableRow } from '../model/types.js';
import { points, type StyleSheet } from './style-sheet.js';

export interface ColumnMeasure {
  /** The width the table is set in, in points. */
  width: number;
  /** The table's font size, in points. */
  size: number;
  /** Cell padding on each side, in points. */
  padding: number;
  /** How far a dash or label hangs inside a cell, in points. */
  labelIndent: number;
  /** Chinese words up to this many characters (输入来源, 在线磋商) are never broken to narrow a column. */
  hanPhrase: number;
  /** Nor is a whole line of a cell of up to this many characters with Chinese in it (建议/分析结果：). */
  hanCell: number;
}

/** The measure both writers use for a table set `width` points wide. */
export function tableMeasure(sheet: StyleSheet, width: number): ColumnMeasure {
  return {
    width,
    size: sheet.sizes.table,
    padding: sheet.spacing.cellPadding,
    labelIndent: points(sheet.indent.tableLabel),
    hanPhrase: sheet.tableColumns.hanPhrase,
    hanCell: sheet.tableColumns.hanCell,
  };
}

/** Each column's share of the table's width; the shares add up to 1. */
export function columnShares(table: Table, measure: ColumnMeasure): number[] {
  const count = Math.max(1, table.columns);
  const least = new Array<number>(count).fill(0);
  const most = new Array<number>(count).fill(0);
  allRows(table).forEach((row) => {
    row.cells.forEach((cell) => {
      const column = cell.column;
      // A spanning cell fits into the columns the single cells make.
      if (cell.colSpan === 1 && column < count) {
        const lines = blockLines(cell.children, 0);
        const edge = 2 * measure.padding;
        // An em to spare: the estimate must not cut a figure or a bold word that a font sets wider
        // (a reader without the named face draws the text in a wider stand-in).
        const slack = measure.size;
        const estimates = lines.map((l) => ({ indent: l.indent, ...lineEstimate(l.text, measure) }));
        least[column] = Math.max(least[column]!, edge + slack + Math.max(0, ...estimates.map((e) => e.indent + e.least * measure.size)));
        most[column] = Math.max(most[column]!, edge + Math.max(0, ...estimates.map((e) => e.indent + e.most * measure.size)));
      }
    });
  });
  for (let c = 0; c < count; c++) {
    // An empty column still gets room for a word.
    least[c] = Math.max(least[c]!, 2 * measure.padding + 2 * measure.size);
    most[c] = Math.max(most[c]!, least[c]!);
  }
  return share(least, most, measure.width);
}

/** The width of `span` columns from `column` on; with `column` 0 and `span` c, where column c starts. */
export const spanned = (widths: readonly number[], column: number, span: number): number =>
  widths.slice(column, column + span).reduce((a, b) => a + b, 0);

export const allRows = (table: Table): TableRow[] => [...table.head, ...table.body, ...table.foot];

/**
 * The CSS automatic table layout, for a table as wide as its column: when the longest lines fit,
 * each column gets its longest line and the rest of the width in proportion; otherwise each gets
 * its least and the rest in proportion to how much more it would like; when not even the least
 * widths fit, the width goes in proportion to them.
 */
function share(least: number[], most: number[], width: number): number[] {
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  if (sum(most) <= width) return most.map((w) => w / sum(most));
  if (sum(least) >= width) return least.map((w) => w / sum(least));
  const wanted = most.map((w, i) => w - least[i]!);
  const spare = width - sum(least);
  return least.map((w, i) => (w + (spare * wanted[i]!) / sum(wanted)) / width);
}

interface Line {
  text: string;
  indent: number;
}

function blockLines(blocks: readonly BlockNode[], indent: number, labelIndent = 0): Line[] {
  return blocks.flatMap((block): Line[] => {
    switch (block.type) {
      case 'paragraph':
      case 'callWordParagraph':
        return inlineLines(block.children, indent);
      case 'heading':
        return inlineLines([...(block.label ?? []), ...block.children], indent);
      case 'labelledParagraph':
        return inlineLines(block.children, indent + labelIndent);
      case 'list':
        return block.children.flatMap((item) => blockLines(item.children, indent + labelIndent, labelIndent));
      case 'blockquote':
      case 'proposal':
        return blockLines(block.children, indent, labelIndent);
      default:
        return [];
    }
  });
}

/** A paragraph's text cut at its line breaks. */
function inlineLines(nodes: readonly InlineNode[], indent: number): Line[] {
  const lines: string[] = [''];
  const walk = (list: readonly InlineNode[]) => {
    for (const node of list) {
      if (node.type === 'break') lines.push('');
      else if (node.type === 'text' || node.type === 'callWord') lines[lines.length - 1] += node.value;
      else if (node.type === 'footnoteReference') lines[lines.length - 1] += String(node.number);
      else if (node.type !== 'editorComment' && node.type !== 'anchor') walk(node.children);
    }
  };
  walk(nodes);
  return lines.map((text) => ({ text, indent }));
}

/** How many lines' estimates are remembered before they are all forgotten (a whole build has fewer). */
const REMEMBERED_LINES = 20_000;
const rememberedEstimates = new Map<string, { least: number; most: number }>();

/**
 * A cell line's least and longest width, in ems, remembered: every writer and copy (six per language
 * version) fits the same tables, and the estimate goes character by character.
 */
function lineEstimate(text: string, measure: ColumnMeasure): { least: number; most: number } {
  const key = `${measure.hanCell}\u0000${measure.hanPhrase}\u0000${text}`;
  let estimate = rememberedEstimates.get(key);
  if (!estimate) {
    if (rememberedEstimates.size >= REMEMBERED_LINES) rememberedEstimates.clear();
    rememberedEstimates.set(key, (estimate = { least: leastWidth(text, measure), most: ems(text) }));
  }
  return estimate;
}

/** The estimated width of a text, in ems. */
function ems(text: string): number {
  let width = 0;
  for (const char of text) width += charEms(char);
  return width;
}

/** The least width of a cell's line, in ems: a short Chinese line whole, otherwise its widest unbreakable run. */
function leastWidth(text: string, measure: ColumnMeasure): number {
  const chars = [...text.trim()];
  if (chars.length <= measure.hanCell && chars.some(isIdeograph)) return ems(text.trim());
  return longestWord(text, measure.hanPhrase);
}

/**
 * The widest run a line cannot be broken inside, as a reader would accept the breaks: at spaces
 * and after slashes; between Chinese characters, but not inside a run of at most `hanPhrase` of
 * them (a short cell or heading word such as 输入来源 is read whole), nor before closing or after
 * opening full-width punctuation.
 */
function longestWord(text: string, hanPhrase: number): number {
  const chars = [...text];
  const phrase = hanRunLengths(chars);
  let longest = 0;
  let run = 0;
  chars.forEach((char, i) => {
    // No-break spaces (the thousands separator among them) hold a word together.
    if (BREAKING_SPACE.test(char)) {
      run = 0;
      return;
    }
    if (i > 0 && breaksBefore(chars, i, phrase, hanPhrase)) run = 0;
    run += charEms(char);
    longest = Math.max(longest, run);
  });
  return longest;
}

function breaksBefore(chars: readonly string[], i: number, phrase: readonly number[], hanPhrase: number): boolean {
  const before = chars[i - 1]!;
  const char = chars[i]!;
  if (BREAKING_SPACE.test(before) || before === '/') return true;
  if (CLOSING.test(char) || OPENING.test(before)) return false;
  if (isIdeograph(before) && isIdeograph(char)) return phrase[i]! > hanPhrase;
  return isIdeograph(before) || isIdeograph(char) || CLOSING.test(before);
}

/** For each character, the length of the run of Chinese characters it is part of (0 outside one). */
function hanRunLengths(chars: readonly string[]): number[] {
  const lengths = new Array<number>(chars.length).fill(0);
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && isIdeograph(chars[i]!)) continue;
    lengths.fill(i - start, start, i);
    start = i + 1;
  }
  return lengths;
}

const isIdeograph = (char: string) => /\p{Script=Han}/u.test(char);
const CLOSING = /[，。、；：？！）》」』】〕〉”’]/u;
const OPENING = /[（《「『【〔〈“‘]/u;

const BREAKING_SPACE = /[ \t\n\u2000-\u2006\u2008-\u200b\u3000]/;
const isHan = (char: string) => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char);

const charWidths = new Map<string, number>();

function charEms(char: string): number {
  let width = charWidths.get(char);
  if (width === undefined) charWidths.set(char, (width = estimate(char)));
  return width;
}

function estimate(char: string): number {
  if (isHan(char)) return 1;
  if (/\s/.test(char)) return 0.25;
  if (/\p{Script=Arabic}/u.test(char)) return 0.45;
  if (/\p{Lu}/u.test(char)) return 0.67;
  return 0.5;
}
