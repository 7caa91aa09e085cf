/** `hexaglot renumber`: each series of labels counts on again in the accepted reading, the renumbering written as marks. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { buildDocument, listDocuments, projectPaths } from '../model/build.js';
import { hasErrors } from '../diagnostics/report.js';
import { applyEdits, renumberEdits } from '../passes/renumber.js';
import { isLang, LANGS, type Lang } from '../i18n/languages.js';
import { UsageError, writeAtomically } from './pipeline.js';
import type { Reporter } from './readings.js';

export function addRenumberCommand(program: Command, reporter: Reporter): void {
  program
    .command('renumber')
    .description(
      'After a paragraph is inserted or removed, number each series of labels again (a) b) c)…, 1 2 3…, 2.1 2.2…) in every language of the document, each changed label marked {--old--}{++new++}, and write the files in place.',
    )
    .requiredOption('--doc <id>', 'the document')
    .option(
      '--lang <code>',
      `only these languages: ${LANGS.join(', ')} (repeatable, or comma-separated; default: every language)`,
      (v, p: string[] = []) => [...p, ...v.split(',')],
    )
    .option('--dry-run', 'print what would change, write nothing')
    .option('--root <dir>', 'project folder holding content/, locales/ and templates/', process.cwd())
    .action((options: { doc: string; lang?: string[]; dryRun?: boolean; root: string }) => {
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
    });
}
