/** `hexaglot check-part`: a part of a translation checked against the lines of the original it translates. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPart } from '../../check/part.js';
import { hasErrors } from '../../diagnostics/report.js';
import { listDocuments, projectPaths } from '../../model/build.js';
import type { Lang } from '../../i18n/languages.js';
import { EXIT_INPUT } from '../exit-codes.js';
import { reportProblems } from '../report-problems.js';
import { UsageError } from '../usage-error.js';
import type { CommandContext } from './context.js';

export function runCheckPart(
  file: string,
  options: { doc: string; lang: Lang; lines: { from: number; to: number }; root: string },
  { io, status }: CommandContext,
): void {
  const root = path.resolve(options.root);
  const paths = projectPaths(root);
  if (!listDocuments(paths).includes(options.doc)) throw new UsageError(`unknown document "${options.doc}"`);
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const files = checkPart(paths, options.doc, options.lang, options.lines, file);
  const { count, warnings } = reportProblems(io.err, files, root);
  if (files.some(hasErrors)) {
    io.err.write(`✗ ${count} problem(s)${warnings} in the part.\n`);
    status.code = EXIT_INPUT;
    return;
  }
  io.out.write(`✓ ${file} matches lines ${options.lines.from}-${options.lines.to} of the original: no problems${warnings}.\n`);
}
