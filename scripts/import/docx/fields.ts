/**
 * Word's fields, read from their parts (begin, instruction, separate, result, end; a simple field is
 * read as the same parts). A DOCPROPERTY field naming a figure of the document's data, with the
 * value the package's custom property gives it, is that figure (`:data{ref=…}`, as our writer
 * prints it). Any other field is reported and its result kept as text; a figure whose result was
 * typed over in Word is reported and kept as the text typed, never silently put back.
 */
import { report } from './messages.js';
import { readPieces, unsupported, type Piece, type RunContext } from './runs.js';
import type { XmlNode } from './xml.js';

/** A paragraph's pieces, its fields read. */
export function readParagraphPieces(nodes: readonly XmlNode[], context: RunContext): Piece[] {
  return readFields(readPieces(nodes, undefined, context), context);
}

interface OpenField {
  instruction: string;
  /** Where its result begins in `out`, once its separate character is read. */
  result?: number;
  mark: Piece['mark'];
}

function readFields(pieces: readonly Piece[], context: RunContext): Piece[] {
  const out: Piece[] = [];
  const open: OpenField[] = [];
  for (const piece of pieces) {
    const field = open.at(-1);
    if (piece.kind === 'instruction') {
      if (field && field.result === undefined) field.instruction += piece.text;
    } else if (piece.kind !== 'field') {
      // A nested field's instruction (in the outer one's) is not text; its result is.
      if (!field || field.result !== undefined) out.push(piece);
    } else if (piece.at === 'begin') {
      open.push({ instruction: '', mark: piece.mark });
    } else if (field && piece.at === 'separate') {
      field.result ??= out.length;
    } else if (field && piece.at === 'end') {
      open.pop();
      const result = out.splice(field.result ?? out.length);
      out.push(...fieldResult(field, result, context));
    }
  }
  // A field left open at the paragraph's end keeps what it has read.
  return out;
}

/** The name a `DOCPROPERTY "name"` (or `DOCPROPERTY name \* MERGEFORMAT`) instruction gives. */
function propertyName(instruction: string): string | undefined {
  const words = instruction.trim();
  const keyword = 'DOCPROPERTY';
  if (words.slice(0, keyword.length).toUpperCase() !== keyword) return undefined;
  const rest = words.slice(keyword.length).trimStart();
  if (rest.startsWith('"')) {
    const end = rest.indexOf('"', 1);
    return end > 0 ? rest.slice(1, end) : undefined;
  }
  return rest.split(/\s/)[0] || undefined;
}

function fieldResult(field: OpenField, result: Piece[], context: RunContext): Piece[] {
  const name = propertyName(field.instruction);
  const text = result.map((p) => (p.kind === 'text' ? p.value : '')).join('');
  if (name !== undefined && context.isDataRef(name)) {
    const first = result.find((p) => p.kind === 'text');
    if (first && result.every((p) => p.kind === 'text') && context.properties.get(name) === text) {
      return [{ ...first, value: text, dataRef: name }];
    }
    report(
      context,
      'warning',
      `the figure ${name} reads "${text}" in Word, not "${context.properties.get(name) ?? ''}" as the document’s data gives it; it is kept as the text Word shows`,
      `change the figure in the document’s data/ file, or put :data{ref=${name}} back in the Markdown`,
    );
    return result;
  }
  const kept: Piece[] = [];
  unsupported(kept, `a field (${field.instruction.trim() || 'no instruction'})`, field.mark, context, 'its result is kept');
  // The note says which field printed the text, so it goes before it; the result is what the reader saw.
  return [...kept, ...result];
}
