/** A file system for the output transaction that fails on purpose: failure injection for tests. */
import { writeFileSync } from 'node:fs';
import { nodeFileSystem, type OutputFileSystem } from '../../scripts/cli/output-transaction.js';

export type Operation = 'makeFolder' | 'writeFile' | 'copyFile' | 'rename';

/** An error as Node raises it for `syscall` on `file`. */
export function systemError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall} '${file}'`), { code, syscall, path: file, errno: -1 });
}

/**
 * Node's file system, except that the `nth` call (counting from 1) of `operation` fails with `code`.
 * A failing write first writes half of its bytes, as a full disk does.
 */
export function failingFileSystem(
  operation: Operation,
  nth: number,
  code: string,
): OutputFileSystem & { calls: Record<Operation, number> } {
  const calls: Record<Operation, number> = { makeFolder: 0, writeFile: 0, copyFile: 0, rename: 0 };
  const fails = (op: Operation) => ++calls[op] === nth && op === operation;
  return {
    ...nodeFileSystem,
    calls,
    makeFolder(dir) {
      if (fails('makeFolder')) throw systemError(code, 'mkdir', dir);
      return nodeFileSystem.makeFolder(dir);
    },
    writeFile(file, content) {
      if (fails('writeFile')) {
        writeFileSync(file, content.slice(0, Math.floor(content.length / 2)));
        throw systemError(code, 'write', file);
      }
      nodeFileSystem.writeFile(file, content);
    },
    copyFile(from, to) {
      if (fails('copyFile')) {
        writeFileSync(to, '');
        throw systemError(code, 'copyfile', to);
      }
      nodeFileSystem.copyFile(from, to);
    },
    rename(from, to) {
      if (fails('rename')) throw systemError(code, 'rename', to);
      nodeFileSystem.rename(from, to);
    },
  };
}
