/** `hexaglot build`: check the selected documents, then write every output in one transaction; `--watch` builds again after each save. */
import { existsSync, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import { FORMATS } from '../../render/writers.js';
import { EXIT_INPUT, failureReport } from '../exit-codes.js';
import { writeOutputs, type OutputContent } from '../output-transaction.js';
import { checkProject, renderOutputs, type Assets, type Selection } from '../pipeline.js';
import { reportProblems } from '../report-problems.js';
import type { CommandContext, Io } from './context.js';

export async function runBuild(selection: Selection, options: { root: string; watch?: boolean }, context: CommandContext): Promise<void> {
  const root = path.resolve(options.root);
  const ok = await buildOnce(root, selection, context.io);
  if (!options.watch) {
    if (!ok) context.status.code = EXIT_INPUT;
    return;
  }
  await watchSources(root, () => buildOnce(root, selection, context.io), context.io, context.debug);
}

/**
 * Checks, then writes every output; false (and nothing written) when a source has a problem. The
 * outputs are written as one transaction: a failure to write leaves out/ as it was (output-transaction.ts).
 */
async function buildOnce(root: string, chosen: Selection, io: Io): Promise<boolean> {
  const { out, err } = io;
  const result = checkProject(root, chosen);
  // Warnings are printed and the build goes on; errors stop it.
  const { count, warnings } = reportProblems(err, result.files, root);
  if (!result.ok) {
    err.write(`✗ ${count} problem(s)${warnings} found; nothing was written.\n`);
    return false;
  }
  const assets: Assets = new Map();
  const outputs = await renderOutputs(result, chosen.formats ?? FORMATS, assets);
  const files = new Map<string, OutputContent>(assets);
  for (const output of outputs) files.set(output.file, output.content);
  writeOutputs(files, io.fileSystem);
  outputs.forEach((output, index) => {
    const size = Buffer.byteLength(output.content);
    const kind = `${output.format}${output.variant ? ` ${output.variant}` : ''}`;
    out.write(
      `[${index + 1}/${outputs.length}] ${kind.padEnd(12)} ${output.doc.lang}  ${path.relative(process.cwd(), output.file)}  ${(size / 1024).toFixed(1)} KB\n`,
    );
  });
  if (outputs.length === 0) {
    err.write('Nothing to build: no selected document has a version in the selected languages.\n');
    return true;
  }
  out.write(`✓ ${outputs.length} file(s) written${warnings}.\n`);
  return true;
}

/**
 * Builds again after every change to the sources, a moment after the last of a burst of changes
 * (an editor's save can touch a file several times), one build at a time. Runs until interrupted.
 */
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
