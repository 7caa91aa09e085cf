/**
 * What a writer is: a format, the copies it makes of every document and
 * language, and a renderer made once per build. Writers never know of each
 * other; the registry (writers.ts) lists them.
 */
import type { ModelDocument } from '../model/types.js';
import type { Reading } from '../passes/index.js';
import type { Locale } from '../i18n/locales.js';
import type { Lang } from '../i18n/languages.js';
import type { StyleSheet } from './style-sheet.js';
import type { FrameLayout } from './frame.js';

/** One copy a writer makes of every document and language. */
export interface Copy {
  /** Part of the file name (`tracked`, `clean`); undefined for a format's only copy. */
  name: string | undefined;
  /** The reading the copy prints: the marked text when undefined, or every change accepted. */
  reading?: Reading | undefined;
}

/** Where a document's output in a language, format and copy goes. */
export type OutputFiles = (doc: ModelDocument, lang: Lang, format: string, copy: string | undefined) => string;

/** Files written beside the outputs (web fonts and their style sheet): absolute target → content. */
export type Assets = Map<string, string | { copyOf: string }>;

/** What every writer is given, read once per build. */
export interface RenderContext {
  root: string;
  sheet: StyleSheet;
  locale(lang: Lang): Locale;
  /** The first-page frame of a document, laid out by its type's template. */
  frame(doc: ModelDocument): FrameLayout;
  fileOf: OutputFiles;
  assets: Assets;
}

export type Render<C extends Copy> = (doc: ModelDocument, copy: C, file: string) => string | Buffer | Promise<string | Buffer>;

export interface Writer<C extends Copy = Copy> {
  copies: readonly C[];
  /** Reads the writer's own templates and fonts once and gives the function that renders one copy. */
  create(context: RenderContext): Render<C>;
}

/** A writer with copies of its own kind, as the registry holds it: it is only ever given back its own copies. */
export const defineWriter = <C extends Copy>(writer: Writer<C>): Writer => writer as unknown as Writer;
