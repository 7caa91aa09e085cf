import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOutputs, type OutputContent } from '../scripts/cli/output-transaction.js';
import { EnvironmentError } from '../scripts/cli/environment-error.js';
import { failingFileSystem } from './helpers/failing-file-system.js';
import { temporaryFiles, treeSnapshot } from './helpers/tree-snapshot.js';

let root: string;
let out: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hexaglot-transaction-'));
  out = path.join(root, 'out');
  mkdirSync(path.join(out, 'doc'), { recursive: true });
  writeFileSync(path.join(out, 'doc/a.html'), 'old a');
  writeFileSync(path.join(out, 'doc/b.docx'), 'old b');
  writeFileSync(path.join(root, 'font.woff2'), 'font bytes');
});
afterEach(() => {
  chmodSync(out, 0o755);
  rmSync(root, { recursive: true, force: true });
});

/** A build's outputs: two that replace old files, one in a folder not made yet, and a copied asset. */
function outputs(): Map<string, OutputContent> {
  return new Map<string, OutputContent>([
    [path.join(out, 'doc/a.html'), 'new a'],
    [path.join(out, 'doc/b.docx'), Buffer.from('new b')],
    [path.join(out, 'other/deep/c.pdf'), 'new c'],
    [path.join(out, 'fonts/font.woff2'), { copyOf: path.join(root, 'font.woff2') }],
  ]);
}

/** Runs the transaction, expecting it to fail, and gives its error. */
function failure(run: () => void): EnvironmentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return error as EnvironmentError;
  }
  throw new Error('expected the transaction to fail');
}

describe('the output transaction', () => {
  it('writes every file, making the folders it needs, and leaves no temporary file', () => {
    writeOutputs(outputs());
    expect(readFileSync(path.join(out, 'doc/a.html'), 'utf8')).toBe('new a');
    expect(readFileSync(path.join(out, 'other/deep/c.pdf'), 'utf8')).toBe('new c');
    expect(readFileSync(path.join(out, 'fonts/font.woff2'), 'utf8')).toBe('font bytes');
    expect(temporaryFiles(treeSnapshot(out))).toEqual([]);
  });

  it.each([
    [
      'a full disk on the first write',
      'writeFile',
      1,
      'ENOSPC',
      /cannot write out\/doc\/a\.html: no space left on the device \(ENOSPC\); nothing was written/,
    ],
    [
      'a full disk on a later write',
      'writeFile',
      3,
      'ENOSPC',
      /cannot write out\/other\/deep\/c\.pdf: no space left on the device \(ENOSPC\)/,
    ],
    ['a full disk while copying an asset', 'copyFile', 1, 'ENOSPC', /cannot write out\/fonts\/font\.woff2: no space left/],
    [
      'no permission to make a folder',
      'makeFolder',
      3,
      'EACCES',
      /cannot write out\/other\/deep\/c\.pdf: no permission to write in out\/other \(EACCES\)/,
    ],
    ['a read-only file system', 'writeFile', 2, 'EROFS', /cannot write out\/doc\/b\.docx: the file system is read-only \(EROFS\)/],
  ] as const)('leaves out/ exactly as it was after %s', (_name, operation, nth, code, message) => {
    const before = treeSnapshot(out);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const error = failure(() => writeOutputs(outputs(), failingFileSystem(operation, nth, code)));
      expect(error.message).toMatch(message);
      expect(error.code).toBe(code);
    } finally {
      process.chdir(cwd);
    }
    const after = treeSnapshot(out);
    expect(temporaryFiles(after)).toEqual([]);
    expect(after).toEqual(before);
  });

  it('writes nothing when a folder stands where an output goes', () => {
    mkdirSync(path.join(out, 'other/deep/c.pdf'), { recursive: true });
    const before = treeSnapshot(out);
    expect(failure(() => writeOutputs(outputs())).message).toMatch(
      /c\.pdf: a folder of that name is in the way \(EISDIR\); nothing was written/,
    );
    expect(treeSnapshot(out)).toEqual(before);
  });

  it('writes nothing when out is a file, and names it', () => {
    rmSync(out, { recursive: true });
    writeFileSync(out, 'not a folder');
    const error = failure(() => writeOutputs(outputs()));
    expect(error.message).toMatch(
      new RegExp(`${out.replaceAll('/', '\\/')} is a file where a folder is needed \\(ENOTDIR\\)|out is a file`),
    );
    expect(readFileSync(out, 'utf8')).toBe('not a folder');
    rmSync(out);
    mkdirSync(out);
  });

  it('writes nothing into a read-only out/', (context) => {
    chmodSync(out, 0o555);
    try {
      writeFileSync(path.join(out, 'probe'), '');
      rmSync(path.join(out, 'probe'));
      // Running as root (as in CI containers): permissions do not stop writes; the injected EACCES above covers it.
      context.skip();
    } catch {
      // Writes are refused, as for any other user.
    }
    const before = treeSnapshot(out);
    expect(failure(() => writeOutputs(outputs())).message).toMatch(/no permission to write in .*out/);
    expect(treeSnapshot(out)).toEqual(before);
  });

  it('says how many outputs were already replaced when a rename fails, and leaves no temporary file', () => {
    const error = failure(() => writeOutputs(outputs(), failingFileSystem('rename', 2, 'EIO')));
    expect(error.message).toMatch(/b\.docx: .*; 1 of 4 outputs were already replaced/);
    expect(temporaryFiles(treeSnapshot(out))).toEqual([]);
    expect(readFileSync(path.join(out, 'doc/b.docx'), 'utf8')).toBe('old b');
  });
});
