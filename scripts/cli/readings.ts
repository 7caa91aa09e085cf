/** `hexaglot readings`: one language version with every change accepted (or rejected), printed as clean dialect. */
import path from 'node:path';
import type { Command } from 'commander';
import type { VFile } from 'vfile';
import { reading } from '../passes/index.js';
import { toDialect } from '../render/dialect/index.js';
import { isLang, LANGS } from '../i18n/languages.js';
import { UsageError, checkProject } from './pipeline.js';

export interface Reporter {
  out: NodeJS.WritableStream;
  /** Reports the problems of a failed check and sets the exit code. */
  fail(result: { files: VFile[] }, root: string): void;
}

export function addReadingsCommand(program: Command, reporter: Reporter): void {
  program
    .command('readings')
    .description(
      'Print one language version of a document with every change accepted (the default) or rejected, as clean dialect: the text the proposal makes, or the text it changes.',
    )
    .requiredOption('--doc <id>', 'the document')
    .requiredOption('--lang <code>', `the language: ${LANGS.join(', ')}`)
    .option('--accepted', 'every change accepted: the new text (the default)')
    .option('--rejected', 'every change rejected: the text as it stood before')
    .option('--root <dir>', 'project folder holding content/, locales/ and templates/', process.cwd())
    .action((options: { doc: string; lang: string; accepted?: boolean; rejected?: boolean; root: string }) => {
      if (options.accepted && options.rejected) throw new UsageError('give --accepted or --rejected, not both');
      if (!isLang(options.lang)) throw new UsageError(`unknown language "${options.lang}"; use one of ${LANGS.join(', ')}`);
      const root = path.resolve(options.root);
      const result = checkProject(root, { docs: [options.doc], langs: [options.lang] });
      if (!result.ok) return reporter.fail(result, root);
      const version = result.builds[0]!.versions.find((doc) => doc.lang === options.lang);
      if (!version) throw new UsageError(`document "${options.doc}" has no "${options.lang}" version`);
      reporter.out.write(toDialect(reading(version, options.rejected ? 'rejected' : 'accepted')));
    });
}
