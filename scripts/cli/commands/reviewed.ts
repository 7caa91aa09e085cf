/**
 * `hexaglot reviewed`: records one block of a translation (the block at a line), or every block, as
 * translated from the original as it is now, in the language's translation status (written atomically).
 */
import path from 'node:path';
import {
  blockStates,
  formatStatusRecord,
  readStatusRecord,
  reviewedEntries,
  stateAtLine,
  statusFilePath,
} from '../../check/translation-status.js';
import type { Lang } from '../../i18n/languages.js';
import { writeAtomically } from '../output-transaction.js';
import { checkProject } from '../pipeline.js';
import { UsageError } from '../usage-error.js';
import type { CommandContext } from './context.js';
import { reporterOf } from './reporter.js';

export function runReviewed(options: { doc: string; lang: Lang; line?: number; root: string }, context: CommandContext): void {
  const reporter = reporterOf(context);
  const root = path.resolve(options.root);
  // Only a translation that passes its checks, against an original that passes its own, is recorded.
  const result = checkProject(root, { docs: [options.doc], langs: [options.lang] });
  if (!result.ok) return reporter.fail(result, root);
  const build = result.builds[0]!;
  const originalLang = build.meta!.originalLanguage as Lang;
  if (options.lang === originalLang) {
    throw new UsageError(`${options.lang} is the original of "${options.doc}"; give the language of one of its translations`);
  }
  const original = build.versions.find((version) => version.lang === originalLang)!;
  const version = build.versions.find((doc) => doc.lang === options.lang);
  if (!version) throw new UsageError(`document "${options.doc}" has no "${options.lang}" version`);
  const [o, t] = [originalLang, options.lang].map((lang) => path.basename(build.versionFiles.get(lang)!.path)) as [string, string];

  const old = readStatusRecord(result.paths, options.doc, options.lang).entries ?? [];
  const states = blockStates(original, version, old);
  const only = options.line === undefined ? undefined : stateAtLine(states, options.line);
  if (options.line !== undefined && !only) {
    throw new UsageError(`line ${options.line} of ${t} is in no block that translates a block of ${o}`);
  }
  const file = statusFilePath(result.paths, options.doc, options.lang);
  writeAtomically(file, formatStatusRecord(reviewedEntries(states, old, only), t, o), context.io.fileSystem);

  const name = path.relative(process.cwd(), file);
  if (only) {
    const at = (file: string, line: number | undefined) => `${file}:${line ?? 1}`;
    reporter.out.write(
      `${name}: ${only.translation!.name} (${at(t, only.translation!.position?.start.line)}) reviewed against ${at(o, only.original.position?.start.line)}\n`,
    );
    return;
  }
  const paired = states.filter((state) => state.translation).length;
  const missing = states.length - paired;
  reporter.out.write(
    `${name}: ${paired} block(s) of ${t} reviewed against ${o}${missing ? `; ${missing} block(s) of ${o} have no counterpart in ${t} yet` : ''}\n`,
  );
}
