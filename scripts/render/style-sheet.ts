/**
 * The looks of every printed copy, from `templates/styles.json`: page size and
 * margins, fonts per script, sizes, spacing, indents and mark colours. The
 * DOCX and PDF writers read the same sheet, so both print the same page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang, Script } from '../i18n/languages.js';

/** How words of one script are cut at a line end (letters counted as code points). */
export interface HyphenationRules {
  minWord: number;
  minLeft: number;
  minRight: number;
  /** Cut a word only when, uncut, the line's word gaps would be wider than this many natural spaces. */
  looserThan: number;
  /** How many lines in a row may end with a hyphen (unless the next would otherwise be left ragged). */
  consecutive: number;
}

/** What stretches in a justified line of one script, and how far before the line is set ragged instead. */
export type Justification =
  | { stretch: 'spaces'; /** In natural spaces. */ maxWordGap: number }
  | { stretch: 'ideographs'; /** In ems, per gap. */ maxLetterGap: number };

export interface StyleSheet {
  /** Twips (1/20 pt), as Word counts them. */
  page: {
    width: number;
    height: number;
    margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  };
  fonts: { latin: string; han: string; arabic: string };
  /** Word's font table entry of each face named under `fonts`. */
  fontTable: Record<string, { altName?: string; charset: string; family: string; pitch: string }>;
  languageTags: Record<Lang, string>;
  /** Points. */
  /** Points: running text, per script (Arabic is set larger). */
  textSize: Record<Script, number>;
  sizes: Record<'title' | 'heading' | 'footnote' | 'table' | 'conference' | 'proposal' | 'header', number>;
  /** Points. */
  spacing: { before: number; headingBefore: number; callWordBefore: number; cellPadding: number };
  /** Twips. */
  /** Twips. `tableLabel`: the hanging indent of dashes and labels inside table cells, narrower than the page's. */
  indent: { label: number; callWord: number; tableLabel: number };
  marks: { insertionColour: string; deletionColour: string };
  /** Scripts whose emphasis and notes are set in italic; the others are set upright. */
  italic: Script[];
  /** Points: the summary box of a Council document. */
  box: { ruleWidth: number; padding: number; ruleBefore: string[] };
  pdf: {
    lineHeight: number;
    ruleWidth: number;
    frameRuleWidth: number;
    footnoteSeparator: { length: number; spaceBefore: number; spaceAfter: number };
    superscript: { scale: number; rise: number };
    decorationWidth: number;
    shortLetters: Record<Script, string>;
  };
  hyphenation: {
    hardHyphenMinPart: number;
    scripts: Partial<Record<Script, HyphenationRules>>;
    /** The `hyphen` package's pattern module per language. */
    patterns: Partial<Record<Lang, string>>;
  };
  justification: Record<Script, Justification>;
  tableColumns: { hanPhrase: number; hanCell: number };
}

export function loadStyleSheet(templatesDir: string): StyleSheet {
  return JSON.parse(readFileSync(path.join(templatesDir, 'styles.json'), 'utf8')) as StyleSheet;
}

/** Whether a script is set in italic where the text asks for it (Arabic and Chinese never are). */
export const setsItalic = (sheet: StyleSheet, script: Script): boolean => sheet.italic.includes(script);

/** Twips to points. */
export const points = (twips: number) => twips / 20;
export const twips = (points: number) => Math.round(points * 20);
