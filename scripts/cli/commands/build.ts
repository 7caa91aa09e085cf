/**
 * `hexaglot build`: check the selected documents, then write every output that changed in one
 * transaction (build/build-project.ts); `--watch` builds again after each save.
 */
import { existsSync, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import { buildProject } from '../build/build-project.js';
import { EXIT_INPUT, failureReport } from '../exit-codes.js';
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

export async function runBuild(selection: Selection, options: BuildOptions, context: CommandContext): Promise<void> {
  const root = path.resolve(options.root);
  const ok = await buildOnce(root, selection, options, context.io);
  if (!options.watch) {
    if (!ok) context.status.code = EXIT_INPUT;
    return;
  }
  await watchSources(root, () => buildOnce(root, selection, { ...options, force: false }, context.io), context.io, context.debug);
}

/**
 * Checks, then writes every output that changed; false (and nothing written) when a source has a problem.
 * The outputs are written as one transaction: a failure to write leaves out/ as it was (output-transaction.ts).
 */
async function buildOnce(root: string, selection: Selection, options: BuildOptions, io: Io): Promise<boolean> {
  const { out, err } = io;
  const outcome = await buildProject({ root, selection, force: options.force, threads: options.jobs, fileSystem: io.fileSystem });
  // Warnings are printed and the build goes on; errors stop it.
  const { count, warnings } = reportProblems(err, outcome.files, root);
  if (!outcome.ok) {
    err.write(`✗ ${count} problem(s)${warnings} found; nothing was written.\n`);
    return false;
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
    return true;
  }
  const kept = upToDate ? `; ${upToDate} up to date` : '';
  out.write(`✓ ${written.length} file(s) written${kept}${warnings}.\n`);
  return true;
}

function watchSources(root: string, rebuild: () => Promise<boolean>, io: Io, debug: boolean): Promise<never> {
  const { out, err } = io;
  const folders = ['content', 'locales', 'templates'].map((name) => path.join(root, name)).filter((dir) => existsSync(dir));
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const changed = (folder: string, name: string | null) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        out.write(`\n${path.relative(process.cwd(), path.join(folder, name ?? ''))} changed: building again…\n`);
        // A file removed or half-saved, or a full disk, must not end the watch: say what failed and wait for the next save.
        await rebuild().catch((error: unknown) => err.write(`✗ ${failureReport(error, debug).text}`));
        out.write(WATCHING);
      });
    }, 150);
  };
  // Each folder on its own: a watch on a folder sees a file replaced by rename (as many editors save),
  // where a recursive watch may keep following the replaced file.
  for (const folder of folders.flatMap(subfolders)) watch(folder, (_event, name) => changed(folder, name));
  out.write(WATCHING);
  return new Promise<never>(() => {});
}

function subfolders(dir: string): string[] {
  return [
    dir,
    ...readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => subfolders(path.join(dir, entry.name))),
  ];
}

const WATCHING = 'Watching content/, locales/ and templates/ for changes (Ctrl-C to stop).\n';
