/**
 * Passes over the model, run in order once a language version is built and
 * checked: the decisions every writer reads instead of making them itself.
 */
import type { ModelDocument } from '../model/types.js';
import type { Locale } from '../i18n/locales.js';
import { markFootnoteChanges } from './footnote-changes.js';
import { numberFiguresAndTables } from './numbering.js';

export { reading, type Reading } from './readings.js';

const PASSES: readonly ((doc: ModelDocument, locale: Locale) => ModelDocument)[] = [numberFiguresAndTables, markFootnoteChanges];

/** `locale`: the document's language, for the words a pass prints (figure and table numbers). */
export function completeModel(doc: ModelDocument, locale: Locale): ModelDocument {
  return PASSES.reduce((model, pass) => pass(model, locale), doc);
}
