/**
 * Where a document is built does not change a byte: on the worker pool beside other documents, on one
 * thread after other documents, or alone in a process of its own. (A writer that kept something of one
 * document for the next, such as the characters a shared font's glyph was first shaped from, would
 * make a document's output depend on what was built before it.)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/build.js';
import { copyProject } from './helpers/project.js';
import { treeSnapshot } from './helpers/tree-snapshot.js';

const bin = path.join(repoRoot, 'bin/hexaglot.js');
// Arabic, where Amiri draws a joining stroke with the glyph of the tatweel, which the annex also writes.
const docs = ['res71-2018', 'res71-annex1-2028', 'res71-proposal'];
const langs = ['ar'];
const projects: ReturnType<typeof copyProject>[] = [];

function build(root: string, ...args: string[]): void {
  const result = spawnSync(process.execPath, [bin, 'build', '--root', root, '--lang', langs.join(','), ...args], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

/** Every output's bytes, by its path under out/ (the manifest, which records times, left out). */
function outputs(root: string): Map<string, string> {
  const out = path.join(root, 'out');
  const files = [...treeSnapshot(out)].filter(([name, entry]) => entry !== 'folder' && !name.startsWith('.hexaglot'));
  return new Map(
    files.map(([name]) => [
      name,
      createHash('sha256')
        .update(readFileSync(path.join(out, name)))
        .digest('hex'),
    ]),
  );
}

let pool: Map<string, string>;
let oneThread: Map<string, string>;
let alone: Map<string, string>;

beforeAll(() => {
  const [a, b, c] = [copyProject(), copyProject(), copyProject()];
  projects.push(a, b, c);
  build(a.root, '--doc', docs.join(','), '--jobs', '2');
  build(b.root, '--doc', docs.join(','), '--jobs', '1');
  for (const doc of docs) build(c.root, '--doc', doc);
  [pool, oneThread, alone] = [outputs(a.root), outputs(b.root), outputs(c.root)];
});
afterAll(() => projects.forEach((project) => project.remove()));

describe('a build on several threads', () => {
  it('makes every output of each document and language', () => {
    // Per document and language: a page, three Word copies and two PDF copies.
    expect([...pool.keys()].filter((name) => /\.(html|docx|pdf)$/.test(name))).toHaveLength(docs.length * langs.length * 6);
  });

  it('gives the bytes of a build on one thread', () => {
    expect(pool).toEqual(oneThread);
  });

  it('gives each document the bytes it has when built alone', () => {
    expect(pool).toEqual(alone);
  });
});
