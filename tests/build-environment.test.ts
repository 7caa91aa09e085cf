/**
 * `hexaglot build` when the machine fails it: each failure is one line naming the path, exit code 3,
 * and out/ exactly as the last good build left it (failure injection through the writer's file system).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../scripts/cli/main.js';
import { nodeFileSystem, type OutputFileSystem } from '../scripts/cli/output-transaction.js';
import { collector, hexaglotProcess } from './helpers/cli.js';
import { copyProject } from './helpers/project.js';
import { failingFileSystem } from './helpers/failing-file-system.js';
import { temporaryFiles, treeSnapshot } from './helpers/tree-snapshot.js';

let project: ReturnType<typeof copyProject>;
const selection = ['--doc', 'res71-proposal', '--lang', 'en', '--format', 'html,docx'];

async function build(fileSystem: OutputFileSystem = nodeFileSystem, ...extra: string[]) {
  const out = collector();
  const err = collector();
  const code = await main(['build', '--root', project.root, ...selection, ...extra], { out: out.stream, err: err.stream, fileSystem });
  return { code, stdout: out.text(), stderr: err.text() };
}

const outDir = () => path.join(project.root, 'out');

beforeAll(async () => {
  project = copyProject();
  expect((await build()).code).toBe(0);
  // The next build would change every output (a word of an insertion): a failed one must not let any of it through.
  const source = path.join(project.root, 'content/res71-proposal/en.md');
  writeFileSync(source, readFileSync(source, 'utf8').replace('resolves to strengthen', 'resolves to reinforce'));
});
afterAll(() => project.remove());

describe('a build the machine fails', () => {
  it.each([
    ['the disk is full on the first write', 'writeFile', 1, 'ENOSPC', /no space left on the device \(ENOSPC\)/],
    ['the disk is full on the fourth write', 'writeFile', 4, 'ENOSPC', /no space left on the device \(ENOSPC\)/],
    ['the disk is full while copying a web font', 'copyFile', 2, 'ENOSPC', /out\/fonts\/.*no space left on the device/],
    ['out/ refuses writes', 'writeFile', 2, 'EACCES', /no permission to write in .*out\/res71-proposal \(EACCES\)/],
  ] as const)('exits 3 with one line and leaves out/ byte-identical when %s', async (_name, operation, nth, code, message) => {
    const before = treeSnapshot(outDir());
    // The web fonts are copied only when they are not in out/ as the last build left them: --force copies them again.
    const result = await build(failingFileSystem(operation, nth, code), ...(operation === 'copyFile' ? ['--force'] : []));
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^hexaglot: cannot write [^\n]*; nothing was written\n$/);
    const after = treeSnapshot(outDir());
    expect(temporaryFiles(after)).toEqual([]);
    expect(after).toEqual(before);
  });

  it('exits 3 when an output name is taken by a folder, writing nothing', async () => {
    const taken = path.join(outDir(), 'res71-proposal/PP22-39-A4-E-marked.docx');
    rmSync(taken);
    mkdirSync(taken);
    const before = treeSnapshot(outDir());
    const result = await build();
    expect(result).toMatchObject({ code: 3, stdout: '' });
    expect(result.stderr).toMatch(
      /^hexaglot: cannot write .*PP22-39-A4-E-marked\.docx: a folder of that name is in the way \(EISDIR\); nothing was written\n$/,
    );
    expect(treeSnapshot(outDir())).toEqual(before);
    rmSync(taken, { recursive: true });
  });

  it('prints the stack trace only with --debug', async () => {
    const result = await build(failingFileSystem('writeFile', 1, 'ENOSPC'), '--debug');
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^hexaglot: cannot write .*\n(EnvironmentError|Error).*\n\s+at /);
    expect(result.stderr).toMatch(/Caused by: Error: ENOSPC/);
  });

  it('calls a fault of its own an internal error, in one line, exit 4', async () => {
    const broken: OutputFileSystem = {
      ...nodeFileSystem,
      isFolder: () => {
        throw new TypeError('a fault in the writer');
      },
    };
    const result = await build(broken);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('hexaglot: internal error: a fault in the writer (run again with --debug for the stack trace)\n');
  });
});

describe('the hexaglot process in a broken environment', () => {
  it('exits 3 with one line, no stack trace, when out is a file', () => {
    const root = copyProject();
    try {
      writeFileSync(path.join(root.root, 'out'), 'a file, not a folder');
      const result = hexaglotProcess(root.root, ['build', ...selection]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        /^hexaglot: cannot write out\/[^\n]*: out is a file where a folder is needed \(ENOTDIR\); nothing was written\n$/,
      );
      expect(readdirSync(root.root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      root.remove();
    }
  });
});
