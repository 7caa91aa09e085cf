/**
 * The document model: the contract between the checked sources and every
 * renderer. Renderers read only these types; each dispatches on `type` from
 * a table typed over `BlockNode['type']` / `InlineNode['type']`, so a node
 * type added here and forgotten by a renderer is a compile error.
 */
import type { PictureSize } from './picture.js';
import type { Position } from 'unist';
import type { DocumentMeta, LanguageFrontMatter } from './metadata.js';
import type { Lang } from '../i18n/languages.js';

interface Node {
  position?: Position | undefined;
}

// ---------------------------------------------------------------- inline

export interface Text extends Node {
  type: 'text';
  value: string;
  /** A figure printed from the document's data (`:data{ref=…}`): the name it was read by. */
  dataRef?: string | undefined;
}
export interface Emphasis extends Node {
  type: 'emphasis';
  children: InlineNode[];
}
export interface Strong extends Node {
  type: 'strong';
  children: InlineNode[];
}
export interface Link extends Node {
  type: 'link';
  url: string;
  children: InlineNode[];
}
export interface LineBreak extends Node {
  type: 'break';
}
/** Text added by the proposal: underlined in ITU documents. */
export interface Insertion extends Node {
  type: 'insertion';
  children: InlineNode[];
}
/** Text removed by the proposal: struck through in ITU documents. */
export interface Deletion extends Node {
  type: 'deletion';
  children: InlineNode[];
}
/** An editor's note: kept in the model, never printed in official output. */
export interface EditorComment extends Node {
  type: 'editorComment';
  children: InlineNode[];
}
/** A call word (*considering*, *resolves*…) printed from the locale. */
export interface CallWord extends Node {
  type: 'callWord';
  key: string;
  value: string;
}
export interface FootnoteReference extends Node {
  type: 'footnoteReference';
  id: string;
  /** The mark the reader sees. */
  number: number;
}
/** A bookmark: a named place other text can refer to. */
export interface Anchor extends Node {
  type: 'anchor';
  id: string;
}

export type InlineNode =
  Text | Emphasis | Strong | Link | LineBreak | Insertion | Deletion | EditorComment | CallWord | FootnoteReference | Anchor;

// ---------------------------------------------------------------- blocks

/** Whether a whole block (its paragraph mark included) was added or removed. */
export type BlockChange = 'insertion' | 'deletion' | undefined;

export interface Heading extends Node {
  type: 'heading';
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * Headings generated from metadata and the locale: a resolution's or an annex's title, and the
   * resolution's name under its title when document.yaml gives it (`resolutionNames.<key>`).
   */
  role?: 'resolutionTitle' | 'annexTitle' | 'resolutionName' | undefined;
  /** A title in one reading of its revision (`::resolution-title{reading=rejected}`): the old or new place and year, unmarked. */
  reading?: 'accepted' | 'rejected' | undefined;
  id?: string | undefined;
  /** The resolution a title names (`::resolution-title{resolution=154}`), as written. */
  resolution?: string | undefined;
  /** The heading's number (`2.1`), kept apart so that renumbering can be marked and compared. */
  label?: InlineNode[] | undefined;
  change: BlockChange;
  children: InlineNode[];
}
export interface Paragraph extends Node {
  type: 'paragraph';
  change: BlockChange;
  children: InlineNode[];
}
/** `a)`, `1`, `ii)`… followed by a tab and a hanging indent. */
export interface LabelledParagraph extends Node {
  type: 'labelledParagraph';
  /** Inline so that a renumbered label can show `{--5--}{++6++}`. */
  label: InlineNode[];
  change: BlockChange;
  children: InlineNode[];
}
/** A line of call words, set apart (italic in Latin and Cyrillic scripts). */
export interface CallWordParagraph extends Node {
  type: 'callWordParagraph';
  change: BlockChange;
  children: InlineNode[];
}
export interface ListItem extends Node {
  type: 'listItem';
  change: BlockChange;
  children: BlockNode[];
}
/** ITU dash lists print `–`; ordered lists their number. */
export interface List extends Node {
  type: 'list';
  ordered: boolean;
  start: number;
  children: ListItem[];
}
export interface BlockQuote extends Node {
  type: 'blockquote';
  children: BlockNode[];
}
export interface TableCell extends Node {
  colSpan: number;
  /** The cell's first column on the table's grid, past cells spanning down from rows above. */
  column: number;
  rowSpan: number;
  align?: 'left' | 'center' | 'right' | 'justify' | undefined;
  children: BlockNode[];
}
export interface TableRow extends Node {
  cells: TableCell[];
}
export interface Table extends Node {
  type: 'table';
  id?: string | undefined;
  /** Sequential within the document (or annex); undefined for tables without caption. */
  number?: number | undefined;
  /** The printed number before the caption ("Table 3:", "表3:"), from the locale. */
  printedNumber?: string | undefined;
  caption: InlineNode[];
  columns: number;
  head: TableRow[];
  body: TableRow[];
  foot: TableRow[];
}
export interface Figure extends Node {
  type: 'figure';
  id?: string | undefined;
  number?: number | undefined;
  /** The printed number ("Figure 2", "图2"), from the locale. */
  printedNumber?: string | undefined;
  caption: InlineNode[];
  alt: string;
  /** The file as `src` names it (`framework.png`); undefined when the figure is a placeholder. */
  src?: string | undefined;
  /** The picture `src` names, found inside the document's folder; undefined when there is none. */
  picture?: FigurePicture | undefined;
}
export interface FigurePicture extends PictureSize {
  /** Where it is on this machine, for the writers to read. */
  file: string;
  /** Its path from the document's folder, '/'-separated (`figures/en/framework.png`): where the HTML finds its copy. */
  path: string;
}
export type ProposalAction = 'ADD' | 'ADD*' | 'MOD' | '(MOD)' | 'SUP' | 'SUP*' | 'NOC';
export const PROPOSAL_ACTIONS: readonly ProposalAction[] = ['ADD', 'ADD*', 'MOD', '(MOD)', 'SUP', 'SUP*', 'NOC'];

export interface Proposal extends Node {
  type: 'proposal';
  action: ProposalAction;
  id: string;
  children: BlockNode[];
  /** The `Reasons:` part; empty when the proposal gives none. */
  reasons: BlockNode[];
}

/** One part of a summary: its heading is the locale's (`summary.<key>`), its text the page's. */
export interface SummaryPart extends Node {
  key: string;
  title: string;
  children: BlockNode[];
}
/** The box on the first page of a Council document: purpose, action required, references… */
export interface Summary extends Node {
  type: 'summary';
  parts: SummaryPart[];
}

export type BlockNode =
  Heading | Paragraph | LabelledParagraph | CallWordParagraph | List | BlockQuote | Table | Figure | Proposal | Summary;

export interface Footnote extends Node {
  id: string;
  number: number;
  /** A footnote called only from deleted (or only from inserted) text is deleted (inserted) with it. */
  change?: BlockChange;
  children: BlockNode[];
}

/**
 * The words of the document frame (conference block, document number,
 * "Original:", source), resolved from the metadata and the locale while the
 * model is built (model/frame.ts), so that a missing word is reported by
 * `check` like any other problem. Every renderer prints the same frame.
 */
export interface Frame {
  lang: string;
  dir: 'ltr' | 'rtl';
  script: string;
  letter: string;
  title: string;
  conference: string;
  placeAndYear: string;
  addendum?: string | undefined;
  /** "Document 39-E": the number within the conference. */
  documentNumber: string;
  /** "Document C26/30-E": the full symbol, as Council documents print it. */
  documentSymbol: string;
  date?: string | undefined;
  /** The meeting of a conference document ("PLENARY MEETING"), from `meeting` in document.yaml. */
  meeting?: string | undefined;
  original: string;
  source: string;
  workingTranslation?: string | undefined;
  footnotesLabel: string;
  /** The running header of the pages after the first: "PP22/39(Add.4)-E". */
  runningHeader: string;
  /** The page number around its number: "- ", " -". */
  pageNumber: [before: string, after: string];
}

/** One language version of one document, parsed and checked. */
export interface ModelDocument {
  docId: string;
  lang: Lang;
  dir: 'ltr' | 'rtl';
  path: string;
  meta: DocumentMeta;
  front: LanguageFrontMatter;
  /** The words of the first-page frame, in this language. */
  frame: Frame;
  /**
   * The letters this language labels sub-paragraphs with, in order (locales labels.letters): `a)` in
   * English is `أ)` in Arabic, the same paragraph.
   */
  letters: string[];
  body: BlockNode[];
  footnotes: Footnote[];
}
