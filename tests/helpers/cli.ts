/**
 * The `hexaglot` command for tests: in this process through `main(argv, io)` (most tests: what the
 * command does), or as a real `node bin/hexaglot.js` process (the few tests whose subject is the
 * process itself: its exit code, what reaches its stderr, its start-up, a signal).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { main } from '../../scripts/cli/main.js';
import { nodeFileSystem, type OutputFileSystem } from '../../scripts/cli/output-transaction.js';
import { repoRoot } from './build.js';

export const bin = path.join(repoRoot, 'bin/hexaglot.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it. */
export function collector(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * `hexaglot <args>` run in this process as if started in `cwd`: the working folder is `cwd` while it
 * runs (the command prints paths relative to it and takes it as the default --root). `entry` is the
 * command's `main`: the sources', or the compiled one in dist/.
 */
export async function hexaglot(
  cwd: string,
  args: readonly string[],
  fileSystem: OutputFileSystem = nodeFileSystem,
  entry: typeof main = main,
): Promise<CliRun> {
  const out = collector();
  const err = collector();
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await entry([...args], { out: out.stream, err: err.stream, fileSystem });
    return { code, stdout: out.text(), stderr: err.text() };
  } finally {
    process.chdir(before);
  }
}

/**
 * The compiled command's `main` (dist/, compiled before any test by tests/setup/compile.ts), as
 * bin/hexaglot.js runs it: compiled, a build shares its documents out among threads, one per core,
 * where the sources run them one by one; and its outputs' keys (out/.hexaglot) name the compiled code.
 */
export async function compiledMain(): Promise<typeof main> {
  const compiled = pathToFileURL(path.join(repoRoot, 'dist/cli/main.js')).href;
  return ((await import(compiled)) as { main: typeof main }).main;
}

/** `node bin/hexaglot.js <args>` as a process of its own, started in `cwd`. */
export function hexaglotProcess(cwd: string, args: readonly string[], options: SpawnSyncOptions = {}): CliRun {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', ...options });
  return { code: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}
