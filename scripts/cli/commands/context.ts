/** What every command's run is given: where to print and write, and the exit code it decides on. */
import type { VFile } from 'vfile';
import type { OutputFileSystem } from '../output-transaction.js';

/** Where the CLI prints and writes: the process's streams and Node's file system, or a test's. */
export interface Io {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  fileSystem: OutputFileSystem;
}

/** The exit code the command's action decided on, read by `main` once the action is done. */
export interface Status {
  code: number;
}

export interface CommandContext {
  io: Io;
  status: Status;
  debug: boolean;
}

export interface Reporter {
  out: NodeJS.WritableStream;
  /** Reports the problems of a failed check and sets the exit code. */
  fail(result: { files: VFile[] }, root: string): void;
}
