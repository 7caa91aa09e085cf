/**
 * The looks of every printed copy, from `templates/styles.json`: page size and
 * margins, fonts per script, sizes, spacing, indents and mark colours. The
 * DOCX and PDF writers read the same sheet, so both print the same page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang, Script } from '../i18n/languages.js';

export interface StyleSheet {
  /** Twips (1/20 pt), as Word counts them. */
  page: {
    width: number;
    height: number;
    margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  };
  fonts: { latin: string; han: string; arabic: string };
  languageTags: Record<Lang, string>;
  /** Points. */
  sizes: Record<'normal' | 'arabicNormal' | 'title' | 'heading' | 'footnote' | 'table' | 'conference' | 'proposal' | 'header', number>;
  /** Points. */
  spacing: { before: number; headingBefore: number; callWordBefore: number; cellPadding: number };
  /** Twips. */
  /** Twips. `tableLabel`: the hanging indent of dashes and labels inside table cells, narrower than the page's. */
  indent: { label: number; callWord: number; tableLabel: number };
  marks: { insertionColour: string; deletionColour: string };
  italicCallWords: string[];
  /** Scripts whose emphasis and notes are set in italic; the others are set upright. */
  italic: Script[];
  /** Points: the summary box of a Council document. */
  box: { ruleWidth: number; padding: number };
  pdf: {
    lineHeight: number;
    ruleWidth: number;
    frameRuleWidth: number;
    footnoteSeparator: { length: number; spaceBefore: number; spaceAfter: number };
    superscript: { scale: number; rise: number };
    decorationWidth: number;
    shortLetters: Record<Script, string>;
  };
}

export function loadStyleSheet(templatesDir: string): StyleSheet {
  return JSON.parse(readFileSync(path.join(templatesDir, 'styles.json'), 'utf8')) as StyleSheet;
}

/** Whether a script is set in italic where the text asks for it (Arabic and Chinese never are). */
export const setsItalic = (sheet: StyleSheet, script: Script): boolean => sheet.italic.includes(script);

/** Twips to points. */
export const points = (twips: number) => twips / 20;
export const twips = (points: number) => Math.round(points * 20);
