/** `hexaglot renumber`: each series of labels counts on again in the accepted reading, the renumbering written as marks. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDocument, listDocuments, projectPaths } from '../../model/build.js';
import { hasErrors } from '../../diagnostics/report.js';
import { applyEdits, renumberEdits } from '../../passes/renumber.js';
import { isLang, LANGS, type Lang } from '../../i18n/languages.js';
import { writeAtomically } from '../output-transaction.js';
import { UsageError } from '../usage-error.js';
import type { CommandContext } from './context.js';
import { reporterOf } from './reporter.js';

export function runRenumber(options: { doc: string; lang?: Lang[]; dryRun?: boolean; root: string }, context: CommandContext): void {
  const reporter = reporterOf(context);
  const root = path.resolve(options.root);
  const paths = projectPaths(root);
  if (!listDocuments(paths).includes(options.doc)) throw new UsageError(`unknown document "${options.doc}"`);
  for (const lang of options.lang ?? [])
    if (!isLang(lang)) throw new UsageError(`unknown language "${lang}"; use one of ${LANGS.join(', ')}`);
  // Renumbering reads labels by their place in the source: a file must parse cleanly first.
  const build = buildDocument(paths, options.doc, options.lang as Lang[] | undefined);
  if (build.files.some(hasErrors)) return reporter.fail({ files: build.files }, root);
  for (const version of build.versions) {
    if (options.lang && !options.lang.includes(version.lang)) continue;
    const file = path.join(root, build.versionFiles.get(version.lang)!.path!);
    const edits = renumberEdits(version);
    const name = path.relative(process.cwd(), file);
    for (const edit of edits) reporter.out.write(`${name}:${edit.line}: ${edit.text}\n`);
    if (edits.length && !options.dryRun) writeAtomically(file, applyEdits(readFileSync(file, 'utf8'), edits));
    reporter.out.write(`${name}: ${edits.length} label(s) ${options.dryRun ? 'to renumber' : 'renumbered'}\n`);
  }
}
