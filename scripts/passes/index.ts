/**
 * Passes over the model, run in order once a language version is built and
 * checked: the decisions every writer reads instead of making them itself.
 */
import type { ModelDocument } from '../model/types.js';
import { markFootnoteChanges } from './footnote-changes.js';
import { numberFiguresAndTables } from './numbering.js';

export { reading, type Reading } from './readings.js';

const PASSES: readonly ((doc: ModelDocument) => ModelDocument)[] = [numberFiguresAndTables, markFootnoteChanges];

export function completeModel(doc: ModelDocument): ModelDocument {
  return PASSES.reduce((model, pass) => pass(model), doc);
}
