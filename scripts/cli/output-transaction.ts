/**
 * Writes every output of a build as one transaction: each file to a temporary file beside its target
 * first, and only when all are written are they renamed over their targets. A failure while writing
 * (disk full, no permission, a folder in the way) removes every temporary file and every folder the
 * build made, so out/ is left exactly as it was.
 *
 * What remains possible: a failure during the renames themselves (another process taking a name at that
 * moment, the machine stopping) leaves the outputs renamed so far new and the others old, since a rename
 * cannot be undone; every file on its own is still whole, either the old one or the new one.
 */
import { copyFileSync, lstatSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError, describeFileSystemError, shown } from './environment-error.js';

export type OutputContent = string | Buffer | { copyOf: string };

/** The file-system calls the transaction makes: Node's, or a test's that fail on purpose. */
export interface OutputFileSystem {
  /** Makes a folder and its parents; gives the first folder it had to make, if any. */
  makeFolder(dir: string): string | undefined;
  writeFile(file: string, content: string | Buffer): void;
  copyFile(from: string, to: string): void;
  rename(from: string, to: string): void;
  removeFile(file: string): void;
  /** Removes a folder if it is empty. */
  removeEmptyFolder(dir: string): void;
  isFolder(file: string): boolean;
}

export const nodeFileSystem: OutputFileSystem = {
  makeFolder: (dir) => mkdirSync(dir, { recursive: true }),
  writeFile: (file, content) => writeFileSync(file, content),
  copyFile: (from, to) => copyFileSync(from, to),
  rename: (from, to) => renameSync(from, to),
  removeFile: (file) => rmSync(file, { force: true }),
  removeEmptyFolder: (dir) => rmdirSync(dir),
  isFolder: (file) => {
    try {
      return lstatSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      // ENOTDIR: a file stands where one of its folders should be, which the write reports.
      return false;
    }
  },
};

export const temporaryName = (file: string) => `${file}.${process.pid}.tmp`;

/** Writes every file or none: throws an EnvironmentError naming the path, with out/ as it was. */
export function writeOutputs(files: ReadonlyMap<string, OutputContent>, fs: OutputFileSystem = nodeFileSystem): void {
  const transaction = new OutputTransaction(fs);
  transaction.stage(files);
  transaction.commit();
}

/**
 * The same transaction in steps, for a build that renders document after document: each document's
 * outputs are staged (written to their temporary files) as soon as they are made, so that no more than
 * one document's outputs is ever held in memory; `commit` renames them all, `abort` removes them all.
 */
export class OutputTransaction {
  private readonly staged: string[] = [];
  private readonly written: string[] = [];
  private readonly madeFolders: string[] = [];

  constructor(private readonly fs: OutputFileSystem = nodeFileSystem) {}

  /** Writes each file to its temporary file; on a failure, removes everything staged and throws. */
  stage(files: ReadonlyMap<string, OutputContent>): void {
    const { fs } = this;
    for (const file of files.keys()) {
      if (fs.isFolder(file)) {
        this.abort();
        throw new EnvironmentError(
          `cannot write ${shown(file)}: a folder of that name is in the way (EISDIR); nothing was written`,
          'EISDIR',
        );
      }
    }
    let current = '';
    try {
      for (const [file, content] of files) {
        current = file;
        const made = fs.makeFolder(path.dirname(file));
        if (made) this.madeFolders.push(...foldersBetween(made, path.dirname(file)));
        const temporary = temporaryName(file);
        // Listed before it is written: a write that fails halfway leaves a part of a file to remove.
        this.written.push(temporary);
        if (typeof content === 'string' || Buffer.isBuffer(content)) fs.writeFile(temporary, content);
        else fs.copyFile(content.copyOf, temporary);
        this.staged.push(file);
      }
    } catch (error) {
      this.abort();
      throw new EnvironmentError(`${describeFileSystemError(error, current)}; nothing was written`, codeOf(error), { cause: error });
    }
  }

  /** Puts every staged file in place of its target. */
  commit(): void {
    const { fs } = this;
    let renamed = 0;
    let current = '';
    try {
      for (const file of this.staged) {
        current = file;
        fs.rename(temporaryName(file), file);
        renamed++;
      }
    } catch (error) {
      removeQuietly(this.written.slice(renamed), [], fs);
      throw new EnvironmentError(
        `${describeFileSystemError(error, current)}; ${renamed} of ${this.staged.length} outputs were already replaced by their new versions`,
        codeOf(error),
        { cause: error },
      );
    }
  }

  /** Removes every temporary file and every folder made: out/ as it was. */
  abort(): void {
    removeQuietly(this.written, this.madeFolders, this.fs);
    this.written.length = 0;
    this.staged.length = 0;
    this.madeFolders.length = 0;
  }
}

/** Clean-up after a failure: each removal is tried, whatever the others do. */
function removeQuietly(temporaries: readonly string[], folders: readonly string[], fs: OutputFileSystem): void {
  for (const file of temporaries) {
    try {
      fs.removeFile(file);
    } catch {
      // Nothing more can be done for this one; the error that started the clean-up is what is reported.
    }
  }
  // Deepest first: out/a is empty only once out/a/b is gone.
  for (const dir of [...folders].reverse()) {
    try {
      fs.removeEmptyFolder(dir);
    } catch {
      // Not empty (another output's folder nested in it was made first) or gone: left as it is.
    }
  }
}

/** `first` (the first folder made) and each folder under it down to `dir`, outermost first. */
function foldersBetween(first: string, dir: string): string[] {
  const folders = [dir];
  for (let at = dir; at !== first && at !== path.dirname(at);) {
    at = path.dirname(at);
    folders.unshift(at);
  }
  return folders;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** One file written whole or not at all (a source rewritten in place by `redline --write`, `renumber`). */
export const writeAtomically = (file: string, content: OutputContent, fs: OutputFileSystem = nodeFileSystem) =>
  writeOutputs(new Map([[file, content]]), fs);
