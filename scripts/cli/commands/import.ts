/**
 * `hexaglot import <file.docx> --doc <id> --lang <l>`: a Word file read into the model (the DOCX
 * reader, scripts/import/docx/) and printed as the dialect; with `--diff`, what it changes against
 * the current source, block by block, and nothing written.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hasErrors } from '../../diagnostics/report.js';
import { formatCharactersOf } from '../../i18n/format-characters.js';
import { loadLocale } from '../../i18n/locales.js';
import type { Lang } from '../../i18n/languages.js';
import { importDocx, formatMessage, PackageError } from '../../import/docx/index.js';
import { keepFootnoteLabels } from '../../import/footnote-labels.js';
import { buildVersion, projectPaths, readDocumentMeta } from '../../model/build.js';
import { loadDocumentData } from '../../model/data.js';
import type { ModelDocument } from '../../model/types.js';
import { readTextFile } from '../../read/text.js';
import { toDialect } from '../../render/dialect/index.js';
import { EXIT_INPUT } from '../exit-codes.js';
import { writeAtomically } from '../output-transaction.js';
import { UsageError } from '../usage-error.js';
import type { CommandContext } from './context.js';
import { reporterOf } from './reporter.js';
import { blockDiff } from './import-diff.js';

export interface ImportOptions {
  doc: string;
  lang: Lang;
  out?: string | undefined;
  diff?: boolean | undefined;
  root: string;
}

export async function runImport(file: string, options: ImportOptions, context: CommandContext): Promise<void> {
  const reporter = reporterOf(context);
  const root = path.resolve(options.root);
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const paths = projectPaths(root);
  const docDir = path.join(paths.content, options.doc);
  if (!existsSync(path.join(docDir, 'document.yaml'))) throw new UsageError(`no document "${options.doc}": ${docDir} has no document.yaml`);
  const { metaFile, meta } = readDocumentMeta(paths, options.doc);
  if (!meta) return reporter.fail({ files: [metaFile] }, root);
  const current = readCurrent(root, docDir, options, meta);
  let imported;
  try {
    const data = loadDocumentData(docDir, root);
    imported = await importDocx(readFileSync(file), meta, loadLocale(paths.locales, options.lang), data.values.keys());
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    context.io.err.write(`${file}: ${error.part}: ${error.message}; save it again from Word as a .docx document\n`);
    context.status.code = EXIT_INPUT;
    return;
  }
  for (const message of imported.messages) context.io.err.write(`${file}: ${formatMessage(message)}\n`);
  keepFootnoteLabels(imported.body, imported.footnotes, current?.footnotes ?? []);
  const front = current?.front ?? { lang: options.lang, title: '' };
  const model = { ...(current ?? {}), front, body: imported.body, footnotes: imported.footnotes } as ModelDocument;
  const text = toDialect(model);
  if (options.diff) {
    const before = current ? toDialect(current) : '';
    return void reporter.out.write(blockDiff(before, text, `content/${options.doc}/${options.lang}.md`));
  }
  if (!options.out) return void reporter.out.write(text);
  writeAtomically(path.resolve(options.out), text);
  reporter.out.write(`${path.relative(process.cwd(), path.resolve(options.out))}: written from ${file}\n`);
}

/** The current source of this language, when there is one and it reads: its front matter is kept, and `--diff` compares with it. */
function readCurrent(root: string, docDir: string, options: ImportOptions, meta: ModelDocument['meta']): ModelDocument | undefined {
  const source = path.join(docDir, `${options.lang}.md`);
  if (!existsSync(source)) return undefined;
  const paths = projectPaths(root);
  const data = loadDocumentData(docDir, root);
  const { file, text } = readTextFile(source, root, formatCharactersOf(options.lang));
  if (text === undefined) return undefined;
  const built = buildVersion(file, options.lang, meta, options.doc, docDir, paths, data);
  return built && !hasErrors(file) ? built : undefined;
}
