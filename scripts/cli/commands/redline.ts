/** `hexaglot redline <old> <new>`: the new text with the revision marks that take it from the old, written as the dialect. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { hasErrors, reportError } from '../../diagnostics/report.js';
import { isLang, LANGS } from '../../i18n/languages.js';
import { formatCharactersOf } from '../../i18n/format-characters.js';
import { readTextFile } from '../../read/text.js';
import { loadLocale } from '../../i18n/locales.js';
import { buildVersion, projectPaths, readDocumentMeta } from '../../model/build.js';
import { wordsOf } from '../../model/context.js';
import { loadDocumentData } from '../../model/data.js';
import type { ModelDocument } from '../../model/types.js';
import { completeModel, reading } from '../../passes/index.js';
import { redline, RedlineError } from '../../passes/redline/index.js';
import { toDialect } from '../../render/dialect/index.js';
import { writeAtomically } from '../output-transaction.js';
import { UsageError } from '../usage-error.js';
import type { CommandContext } from './context.js';
import { reporterOf } from './reporter.js';

export function runRedline(oldFile: string, newFile: string, options: { write?: boolean; root: string }, context: CommandContext): void {
  const reporter = reporterOf(context);
  const root = path.resolve(options.root);
  const [old, next] = [readVersion(root, oldFile), readVersion(root, newFile)];
  if (old.doc.lang !== next.doc.lang)
    throw new UsageError(`${oldFile} is in ${old.doc.lang} and ${newFile} in ${next.doc.lang}: redline compares two texts in one language`);
  const failed = [...old.files, ...next.files].filter(hasErrors);
  if (failed.length > 0) return reporter.fail({ files: failed }, root);
  let result: ModelDocument;
  try {
    result = redline(old.doc, next.doc);
  } catch (error) {
    if (!(error instanceof RedlineError)) throw error;
    const file = error.side === 'old' ? old.file : next.file;
    reportError(file, error.position, error.message, error.hint, 'redline-unmarkable');
    return reporter.fail({ files: [file] }, root);
  }
  const text = toDialect(result);
  if (!options.write) return void reporter.out.write(text);
  writeAtomically(path.resolve(newFile), text);
  reporter.out.write(`${path.relative(process.cwd(), path.resolve(newFile))}: ${countMarks(text)} mark(s) written\n`);
}

interface Version {
  /** The text as the redline takes it: a file with marks as its accepted reading. */
  doc: ModelDocument;
  file: VFile;
  /** Every file read for it (document.yaml, data, the text), each carrying its messages. */
  files: VFile[];
}

/** A language file of a document folder read as a model, with its document's metadata and data; `doc` is its accepted reading. */
function readVersion(root: string, file: string): Version {
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) throw new UsageError(`no such file: ${file}`);
  const lang = path.basename(absolute, '.md');
  if (!absolute.endsWith('.md') || !isLang(lang))
    throw new UsageError(`${file} is not a language file: name it <lang>.md, one of ${LANGS.join(', ')}`);
  const docDir = path.dirname(absolute);
  const docId = path.basename(docDir);
  if (!existsSync(path.join(docDir, 'document.yaml')))
    throw new UsageError(`${file} is not in a document folder: ${docDir} has no document.yaml`);
  // The document's folder may lie outside the project's content/: its metadata is read where it is.
  const paths = { ...projectPaths(root), content: path.dirname(docDir) };
  const { metaFile, meta } = readDocumentMeta(paths, docId);
  const data = loadDocumentData(docDir, root);
  const { file: text, text: source } = readTextFile(absolute, root, formatCharactersOf(lang));
  const files = [metaFile, ...data.files, text];
  const built = meta && source !== undefined && buildVersion(text, lang, meta, docId, docDir, paths, data);
  if (!built || files.some(hasErrors)) return { doc: built as ModelDocument, file: text, files };
  const complete = completeModel(built, wordsOf(loadLocale(paths.locales, lang), text));
  return { doc: reading(complete, 'accepted'), file: text, files };
}

/** The marks as the dialect writes them: each `{++` and `{--`. */
function countMarks(text: string): number {
  return (text.match(/\{\+\+|\{--/g) ?? []).length;
}
