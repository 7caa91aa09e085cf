/**
 * A paragraph's runs as pieces of text, each with the tracked change it is in (w:ins / w:moveTo an
 * insertion, w:del / w:moveFrom a deletion) and its formatting: the flat reading that
 * inlines.ts turns into the model's nested nodes.
 */
import { report, type Report } from './messages.js';
import { reportFormattingChange, tracked, trackedAt, type Mark } from './tracked-changes.js';
import { attribute, child, childrenOf, descendant, isOn, tagOf, textOf, type XmlNode } from './xml.js';

export type { Mark };

export type Piece = (
  | {
      kind: 'text';
      value: string;
      mark: Mark;
      italic: boolean;
      bold: boolean;
      /** A figure printed from the document's data (a DOCPROPERTY field of ours): its reference. */
      dataRef?: string | undefined;
    }
  | { kind: 'tab'; mark: Mark }
  | { kind: 'break'; mark: Mark }
  | { kind: 'footnote'; id: string; mark: Mark }
  /** A Word comment (its text) at its anchor, or what the reader could not map, kept as an editor's comment. */
  | { kind: 'comment'; text: string; mark: Mark }
  /** A field's begin, separate or end character (`w:fldChar`), and its instruction: fields.ts reads them together. */
  | { kind: 'field'; at: 'begin' | 'separate' | 'end'; mark: Mark }
  | { kind: 'instruction'; text: string; mark: Mark }
  /** A bookmark's start or end (`w:id` pairs them); the start has its name. */
  | { kind: 'bookmark'; at: 'start' | 'end'; id: string; name?: string | undefined; mark: Mark }
  /** A bookmark read as an anchor: a named place in the text. */
  | { kind: 'anchor'; name: string; mark: Mark }
  /** A picture (`w:drawing` holding `pic:pic`): its name and description (`wp:docPr`). */
  | { kind: 'picture'; name: string | undefined; alt: string | undefined; mark: Mark }
) & {
  /** The change around the piece's own change, when one change is inside another. */
  outer?: Mark;
};

export interface RunContext extends Report {
  /** Word comments by id: their text. */
  comments: ReadonlyMap<string, string>;
  /** Our style id of a paragraph style id of the package (styles.ts). */
  style: (id: string) => string;
  /** The package's custom document properties: name → value. */
  properties: ReadonlyMap<string, string>;
  /** Whether a name is a figure of the document's data (`table.row.column`). */
  isDataRef: (name: string) => boolean;
}

/** Elements that hold no text and change nothing the model keeps. */
const IGNORED = new Set([
  'w:pPr',
  'w:rPr',
  'w:proofErr',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:permStart',
  'w:permEnd',
  'w:lastRenderedPageBreak',
  'w:softHyphen',
  'w:noBreakHyphen',
  'w:footnoteRef',
  'w:separator',
  'w:continuationSeparator',
  'w:moveFromRangeStart',
  'w:moveFromRangeEnd',
  'w:moveToRangeStart',
  'w:moveToRangeEnd',
  'w:customXmlInsRangeStart',
  'w:customXmlInsRangeEnd',
  'w:customXmlDelRangeStart',
  'w:customXmlDelRangeEnd',
]);

/** Containers whose children are read as if they stood in their place. */
const TRANSPARENT = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:sdtContent', 'w:dir', 'w:bdo']);

/** The pieces of a paragraph's (or a change's) children, a field's parts each a piece (fields.ts reads them together). */
export function readPieces(nodes: readonly XmlNode[], mark: Mark, context: RunContext): Piece[] {
  const pieces: Piece[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    const change = tracked(tag);
    if (change) {
      // A change inside another (an insertion deleted by a second reviewer, w:ins around w:del) is kept inside it.
      const inner = readPieces(childrenOf(node), change, context);
      pieces.push(...(mark && mark !== change ? inner.map((piece) => ({ ...piece, outer: mark })) : inner));
    } else if (tag === 'w:r') {
      pieces.push(...readRun(node, mark, context));
    } else if (tag === 'w:bookmarkStart' || tag === 'w:bookmarkEnd') {
      const at = tag === 'w:bookmarkStart' ? 'start' : 'end';
      pieces.push({ kind: 'bookmark', at, id: attribute(node, 'w:id') ?? '', name: attribute(node, 'w:name'), mark });
    } else if (tag === 'w:sdt') {
      const content = child(node, 'w:sdtContent');
      if (content) pieces.push(...readPieces(childrenOf(content), mark, context));
    } else if (tag === 'w:fldSimple') {
      // A simple field is a field's parts in one element: read as the runs Word writes for it.
      pieces.push(
        { kind: 'field', at: 'begin', mark },
        { kind: 'instruction', text: attribute(node, 'w:instr') ?? '', mark },
        { kind: 'field', at: 'separate', mark },
        ...readPieces(childrenOf(node), mark, context),
        { kind: 'field', at: 'end', mark },
      );
    } else if (TRANSPARENT.has(tag)) {
      pieces.push(...readPieces(childrenOf(node), mark, context));
    } else if (!IGNORED.has(tag) && tag !== '#text') {
      unsupported(pieces, `an element the dialect has no place for (${tag})`, mark, context);
    }
  }
  return pieces;
}

function readRun(run: XmlNode, mark: Mark, context: RunContext): Piece[] {
  const properties = child(run, 'w:rPr');
  reportFormattingChange(properties, 'w:rPrChange', context);
  const italic = isOn(properties, 'w:i');
  const bold = isOn(properties, 'w:b');
  const runMark = trackedAt(properties) ?? mark;
  const pieces: Piece[] = [];
  for (const node of childrenOf(run)) {
    const tag = tagOf(node);
    if (tag === 'w:t' || tag === 'w:delText') {
      // A tab character in the text is a tab, as Word shows it.
      textOf(node)
        .split('\t')
        .forEach((value, index) => {
          if (index > 0) pieces.push({ kind: 'tab', mark: runMark });
          if (value) pieces.push({ kind: 'text', value, mark: runMark, italic, bold });
        });
    } else if (tag === 'w:tab' || tag === 'w:ptab') {
      pieces.push({ kind: 'tab', mark: runMark });
    } else if (tag === 'w:br' || tag === 'w:cr') {
      pieces.push({ kind: 'break', mark: runMark });
    } else if (tag === 'w:footnoteReference') {
      pieces.push({ kind: 'footnote', id: attribute(node, 'w:id') ?? '', mark: runMark });
    } else if (tag === 'w:commentReference') {
      const id = attribute(node, 'w:id') ?? '';
      // A comment whose reference run is tracked (on changed text) stays inside the change.
      pieces.push({ kind: 'comment', text: context.comments.get(id) ?? '', mark: runMark });
    } else if (tag === 'w:fldChar') {
      const at = attribute(node, 'w:fldCharType');
      if (at === 'begin' || at === 'separate' || at === 'end') pieces.push({ kind: 'field', at, mark: runMark });
    } else if (tag === 'w:instrText' || tag === 'w:delInstrText') {
      pieces.push({ kind: 'instruction', text: textOf(node), mark: runMark });
    } else if (tag === 'w:drawing' && descendant([node], 'pic:pic')) {
      const properties = descendant([node], 'wp:docPr');
      pieces.push({
        kind: 'picture',
        name: properties && attribute(properties, 'name'),
        alt: properties && attribute(properties, 'descr'),
        mark: runMark,
      });
    } else if (!IGNORED.has(tag) && tag !== 'w:rPr') {
      const what = tag === 'w:drawing' || tag === 'w:pict' ? 'a picture or text box' : tag === 'w:object' ? 'an embedded object' : tag;
      unsupported(pieces, what, runMark, context, undefined, tag);
    }
  }
  return pieces;
}

/** Reports what cannot be mapped and keeps a note of it in its place, as an editor's comment. */
export function unsupported(
  pieces: Piece[],
  what: string,
  mark: Mark,
  context: RunContext,
  kept = 'it is kept as an editor’s comment',
  element?: string,
): void {
  const named = element ? `${what} (${element})` : what;
  report(context, 'warning', `${named} cannot be written in the dialect; ${kept}`, 'rewrite it as text, or as a ::figure, in the Markdown');
  pieces.push({ kind: 'comment', text: `import: ${what} was here`, mark });
}

/** The plain text of pieces, as a place's first words. */
export function piecesText(pieces: readonly Piece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.value : p.kind === 'tab' ? ' ' : '')).join('');
}
