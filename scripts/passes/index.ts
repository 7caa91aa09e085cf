/**
 * Passes over the model, run in order once a language version is built and
 * checked: the decisions every writer reads instead of making them itself.
 */
import type { ModelDocument } from '../model/types.js';
import type { Words } from '../model/context.js';
import { markFootnoteChanges } from './footnote-changes.js';
import { numberFiguresAndTables } from './numbering.js';

export { reading, type Reading } from './readings.js';

const PASSES: readonly ((doc: ModelDocument, words: Words) => ModelDocument)[] = [numberFiguresAndTables, markFootnoteChanges];

/** `words`: the document's language, for the words a pass prints (figure and table numbers), each missing one reported. */
export function completeModel(doc: ModelDocument, words: Words): ModelDocument {
  return PASSES.reduce((model, pass) => pass(model, words), doc);
}
