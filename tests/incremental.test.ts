/**
 * Incremental builds: an output is made again exactly when one of its inputs changed (its language file,
 * the document's metadata or data, locales, templates, hexaglot), by the content hashes the last build
 * kept in out/.hexaglot/manifest.json; a no-op build renders nothing and still prints the warnings of the
 * checks it did not run again; a manifest that cannot be read means a build from scratch.
 */
import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../scripts/cli/main.js';
import { nodeFileSystem } from '../scripts/cli/output-transaction.js';
import { collector } from './helpers/cli.js';
import { copyProject, editContent } from './helpers/project.js';

let project: ReturnType<typeof copyProject>;
const selection = ['--doc', 'res71-proposal', '--lang', 'en,zh', '--format', 'html,docx'];

async function build(...extra: string[]) {
  const out = collector();
  const err = collector();
  const code = await main(['build', '--root', project.root, ...selection, ...extra], {
    out: out.stream,
    err: err.stream,
    fileSystem: nodeFileSystem,
  });
  const written = [...out.text().matchAll(/^\[\d+\/\d+\] (\S+(?: \S+)?)\s+(\w\w) {2}\S*?([^/\s]+)\s/gm)].map(
    ([, kind, lang, file]) => `${lang} ${kind!.trim()} ${file}`,
  );
  return { code, stdout: out.text(), stderr: err.text(), written };
}

const output = (name: string) => path.join(project.root, 'out/res71-proposal', name);
const manifest = () => path.join(project.root, 'out/.hexaglot/manifest.json');

beforeAll(async () => {
  project = copyProject();
  const first = await build();
  expect(first.code).toBe(0);
  // Two languages, one page and three Word copies each.
  expect(first.written).toHaveLength(8);
});
afterAll(() => project.remove());

describe('an incremental build', () => {
  it('renders nothing when nothing changed, and says everything is up to date', async () => {
    const before = statSync(output('PP22-39-A4-E.html')).mtimeMs;
    const again = await build();
    expect(again.code).toBe(0);
    expect(again.written).toEqual([]);
    expect(again.stdout).toContain('✓ 0 file(s) written; 8 up to date.');
    expect(statSync(output('PP22-39-A4-E.html')).mtimeMs).toBe(before);
  });

  it('makes again only the outputs of the language file that changed', async () => {
    editContent(project.root, 'res71-proposal', 'zh.md', (text) => text.replace('国际电联', '国际电信联盟'));
    const after = await build();
    expect(after.code).toBe(0);
    expect(after.written.sort()).toEqual([
      'zh docx clean PP22-39-A4-C-clean.docx',
      'zh docx marked PP22-39-A4-C-marked.docx',
      'zh docx tracked PP22-39-A4-C-tracked.docx',
      'zh html PP22-39-A4-C.html',
    ]);
    expect(readFileSync(output('PP22-39-A4-C.html'), 'utf8')).toContain('国际电信联盟');
  });

  it('makes every output of the document again when its metadata changes', async () => {
    editContent(project.root, 'res71-proposal', 'document.yaml', (text) => `${text}# a comment changes the file\n`);
    expect((await build()).written).toHaveLength(8);
  });

  it('makes every page again when a template changes, and no Word copy', async () => {
    appendFileSync(path.join(project.root, 'templates/html/page.css'), '\n/* changed */\n');
    const after = await build();
    expect(after.written.sort()).toEqual(['en html PP22-39-A4-E.html', 'zh html PP22-39-A4-C.html']);
  });

  it('makes again an output removed or changed by hand since the last build', async () => {
    rmSync(output('PP22-39-A4-E-clean.docx'));
    writeFileSync(output('PP22-39-A4-C.html'), 'edited by hand');
    const after = await build();
    expect(after.written.sort()).toEqual(['en docx clean PP22-39-A4-E-clean.docx', 'zh html PP22-39-A4-C.html']);
    expect(readFileSync(output('PP22-39-A4-C.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('makes everything with --force', async () => {
    expect((await build('--force')).written).toHaveLength(8);
  });

  it('builds from scratch, without a word of complaint, when the manifest is damaged', async () => {
    writeFileSync(manifest(), '{"format": 1, "outputs": ');
    const after = await build();
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
    expect(after.written).toHaveLength(8);
    expect(JSON.parse(readFileSync(manifest(), 'utf8'))).toMatchObject({ format: 1 });
  });

  it('writes nothing and keeps the manifest when a source has an error, then builds once it is fixed', async () => {
    const kept = readFileSync(manifest(), 'utf8');
    const good = editContent(project.root, 'res71-proposal', 'en.md', (text) => text.replace('{++', '{++{++'));
    const failed = await build();
    expect(failed.code).toBe(1);
    expect(failed.written).toEqual([]);
    expect(readFileSync(manifest(), 'utf8')).toBe(kept);
    writeFileSync(path.join(project.root, 'content/res71-proposal/en.md'), good.replace('{++{++', '{++'));
    const fixed = await build();
    expect(fixed.code).toBe(0);
    // The text is the one last built: the pages are what they were, but made again to be sure of it.
    expect(fixed.written.every((line) => line.startsWith('en '))).toBe(true);
  });

  it('prints the warnings of a check it does not run again', async () => {
    editContent(project.root, 'res71-proposal', 'en.md', (text) =>
      text.replace('Resolution 25 [(Rev. Bucharest, 2022)]', 'Resolution 25 [(Rev. Bucureşti, 2022)]'),
    );
    const checked = await build();
    expect(checked.code).toBe(0);
    const warning = checked.stderr.split('\n').find((line) => line.includes('[hexaglot:glossary-term]'));
    expect(warning).toMatch(/res71-proposal\/en\.md:\d+:1: warning: Glossary term "bucharest"/);
    const again = await build();
    expect(again.written).toEqual([]);
    expect(again.stderr.split('\n')).toContain(warning);
    expect(again.stdout).toContain('8 up to date and 1 warning(s).');
  });
});
