/**
 * `hexaglot build`: check the selected documents, then write every output that changed in one
 * transaction (build/build-project.ts); `--watch` builds again after each save (build/watch.ts).
 */
import path from 'node:path';
import { buildProject } from '../build/build-project.js';
import { EXIT_INPUT } from '../exit-codes.js';
import type { Selection } from '../pipeline.js';
import { reportProblems } from '../report-problems.js';
import type { CommandContext, Io } from './context.js';

export interface BuildOptions {
  root: string;
  watch?: boolean;
  force?: boolean;
  /** Worker threads at most. */
  jobs?: number | undefined;
}

export async function runBuild(
  selection: Selection,
  options: BuildOptions,
  context: CommandContext,
  onWritten?: (files: readonly string[]) => void,
): Promise<void> {
  const root = path.resolve(options.root);
  const { ok } = await buildOnce(root, selection, options, context.io);
  if (!options.watch) {
    if (!ok) context.status.code = EXIT_INPUT;
    return;
  }
  const { watchProject } = await import('../build/watch.js');
  await watchProject({
    root,
    selection,
    io: context.io,
    debug: context.debug,
    build: () => buildOnce(root, selection, { ...options, force: false }, context.io),
    onWritten,
  });
}

/**
 * Checks, then writes every output that changed; nothing written when a source has a problem. The
 * outputs are written as one transaction: a failure to write leaves out/ as it was (output-transaction.ts).
 */
async function buildOnce(root: string, selection: Selection, options: BuildOptions, io: Io): Promise<{ ok: boolean; written: string[] }> {
  const { out, err } = io;
  const outcome = await buildProject({ root, selection, force: options.force, threads: options.jobs, fileSystem: io.fileSystem });
  // Warnings are printed and the build goes on; errors stop it.
  const { count, warnings } = reportProblems(err, outcome.files, root);
  if (!outcome.ok) {
    err.write(`✗ ${count} problem(s)${warnings} found; nothing was written.\n`);
    return { ok: false, written: [] };
  }
  const { written, upToDate } = outcome;
  written.forEach((output, index) => {
    const [lang, format, copy] = output.id.split('/') as [string, string, string];
    const kind = `${format}${copy ? ` ${copy}` : ''}`;
    out.write(
      `[${index + 1}/${written.length}] ${kind.padEnd(12)} ${lang}  ${path.relative(process.cwd(), output.file)}  ${(output.size / 1024).toFixed(1)} KB\n`,
    );
  });
  if (written.length === 0 && upToDate === 0) {
    err.write('Nothing to build: no selected document has a version in the selected languages.\n');
    return { ok: true, written: [] };
  }
  const kept = upToDate ? `; ${upToDate} up to date` : '';
  out.write(`✓ ${written.length} file(s) written${kept}${warnings}.\n`);
  return { ok: true, written: [...written.map((output) => output.file), ...outcome.assets] };
}
