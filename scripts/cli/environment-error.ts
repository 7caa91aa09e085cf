/**
 * Failures of the machine rather than of the sources or the command line: out/ not writable, a disk
 * full, a folder where a file should go. The CLI prints them in one line and exits with their own code.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';

export class EnvironmentError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An error the operating system raised (it has an errno code and the call that failed). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}

/** "cannot write out/x.html: no space left on the device (ENOSPC)", for a failure while writing `file`. */
export function describeFileSystemError(error: unknown, file: string): string {
  const code = isSystemError(error) ? error.code : undefined;
  const failedPath = isSystemError(error) && error.path ? error.path : file;
  const why = (() => {
    switch (code) {
      case 'ENOSPC':
        return 'no space left on the device';
      case 'EDQUOT':
        return 'the disk quota is used up';
      case 'EISDIR':
        return 'a folder of that name is in the way';
      case 'ENOTDIR':
      case 'EEXIST':
        return `${shown(fileInTheWay(failedPath) ?? failedPath)} is a file where a folder is needed`;
      case 'EACCES':
      case 'EPERM':
        return `no permission to write in ${shown(writableFolderOf(failedPath))}`;
      case 'EROFS':
        return 'the file system is read-only';
      default:
        return error instanceof Error ? error.message : String(error);
    }
  })();
  return `cannot write ${shown(file)}: ${why}${code ? ` (${code})` : ''}`;
}

/** The nearest of `file`'s folders that exists but is not a folder. */
function fileInTheWay(file: string): string | undefined {
  let found: string | undefined;
  // From the root down: the first that is not a folder is the one in the way.
  for (let at = file; at !== path.dirname(at); at = path.dirname(at)) {
    if (kindOf(at) === 'other') found = at;
  }
  return found;
}

function kindOf(file: string): 'folder' | 'other' | undefined {
  try {
    const stat = lstatSync(file, { throwIfNoEntry: false });
    return stat ? (stat.isDirectory() ? 'folder' : 'other') : undefined;
  } catch {
    return undefined;
  }
}

/** The folder a file is written into: the file's own when the path names a file. */
const writableFolderOf = (file: string) => (kindOf(file) === 'folder' ? file : path.dirname(file));

export const shown = (file: string) => path.relative(process.cwd(), file) || file;
