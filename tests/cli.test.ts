import { spawn } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { bin, hexaglot as run, hexaglotProcess } from './helpers/cli.js';
import { corpusRoot } from './helpers/corpus.js';
import { copyProject } from './helpers/project.js';
import { treeSnapshot } from './helpers/tree-snapshot.js';

let project: ReturnType<typeof copyProject>;

/** The command in this process, started in the project copy. */
const hexaglot = (...args: string[]) => run(project.root, args);

const snapshot = () => treeSnapshot(path.join(project.root, 'out'));

beforeEach(() => {
  project = copyProject();
});
afterEach(() => project.remove());

describe('hexaglot CLI', () => {
  it('builds Resolution 71 and its Annex 1 (2028-2031) in every language and format', () => {
    // The whole build is the corpus every test reads (tests/setup/corpus.ts): `hexaglot build` in a copy of the project.
    const root = corpusRoot();
    const { stdout } = inject('corpus');
    const copies = ['.html', '-tracked.docx', '-marked.docx', '-clean.docx', '-marked.pdf', '-clean.pdf'];
    for (const [doc, symbol] of [
      ['res71-proposal', 'PP22-39-A4'],
      ['res71-annex1-2028', 'PP26-40'],
    ] as const) {
      const expected = ['A', 'C', 'E', 'F', 'R', 'S'].flatMap((letter) => copies.map((copy) => `${symbol}-${letter}${copy}`));
      // And the review page, all six languages side by side.
      expect(readdirSync(path.join(root, 'out', doc)).sort()).toEqual([...expected, 'review.html'].sort());
    }
    for (const letter of ['A', 'C', 'E', 'F', 'R', 'S']) {
      const file = path.join(root, `out/res71-proposal/PP22-39-A4-${letter}.html`);
      expect(readFileSync(file, 'utf8')).toContain('<section class="proposal" data-action="MOD">');
    }
    expect(stdout).toMatch(/html +zh {2}out\/res71-proposal\/PP22-39-A4-C\.html/);
    expect(stdout).toMatch(/docx tracked +zh {2}out\/res71-proposal\/PP22-39-A4-C-tracked\.docx/);
    expect(readdirSync(path.join(root, 'out/fonts'))).toEqual(['fonts.css', 'noto-naskh-arabic', 'noto-serif-sc', 'tinos']);
  });

  it('builds the same bytes twice', async () => {
    // The first build is the corpus's; the second builds the languages of the files compared, in a copy of its own.
    const files = ['PP22-39-A4-A.html', 'PP22-39-A4-A-tracked.docx', 'PP22-39-A4-A-marked.pdf', 'PP22-39-A4-C-clean.pdf'];
    const read = (root: string) => files.map((name) => readFileSync(path.join(root, 'out/res71-proposal', name)));
    const first = read(corpusRoot());
    expect((await hexaglot('build', '--doc', 'res71-proposal', '--lang', 'ar,zh')).code).toBe(0);
    read(project.root).forEach((content, index) => expect(content.equals(first[index]!), files[index]).toBe(true));
  });

  it('builds a subset by document, language and format', async () => {
    const { code } = await hexaglot('build', '--doc', 'res71-proposal', '--lang', 'ar', '--format', 'html');
    expect(code).toBe(0);
    expect(readdirSync(path.join(project.root, 'out/res71-proposal'))).toEqual(['PP22-39-A4-A.html']);
    expect((await hexaglot('build', '--doc', 'res71-proposal', '--lang', 'en', '--format', 'docx')).code).toBe(0);
    expect(readdirSync(path.join(project.root, 'out/res71-proposal')).sort()).toEqual([
      'PP22-39-A4-A.html',
      'PP22-39-A4-E-clean.docx',
      'PP22-39-A4-E-marked.docx',
      'PP22-39-A4-E-tracked.docx',
    ]);
  });

  it('reports an unclosed insertion with file:line:column, exits 1 and leaves out/ as it was', async () => {
    // out/ as a whole build left it: the corpus's.
    cpSync(path.join(corpusRoot(), 'out'), path.join(project.root, 'out'), { recursive: true });
    const before = snapshot();
    const file = path.join(project.root, 'content/res71-proposal/zh.md');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.startsWith(':n[a)] 落实国际电联以往战略规划的经验'));
    lines[at] = ':n[a)] 落实{++国际电联以往战略规划的经验；';
    writeFileSync(file, lines.join('\n'));

    for (const command of ['check', 'build']) {
      const { code, stderr } = await hexaglot(command);
      expect(code).toBe(1);
      expect(stderr).toContain(`content/res71-proposal/zh.md:${at + 1}:10: error: Unclosed insertion \`{++\``);
      expect(stderr).toMatch(/problem\(s\)/);
    }
    expect(snapshot()).toEqual(before);
  });

  it('passes check on the corpus', async () => {
    const { code, stdout } = await hexaglot('check');
    expect(code).toBe(0);
    expect(stdout).toMatch(/no problems/);
  });

  it('prints a per-document, per-language summary', async () => {
    const { code, stdout } = await hexaglot('check', '--summary', '--doc', 'res71-proposal');
    expect(code).toBe(0);
    const rows = stdout.split('\n').filter((line) => line.startsWith('res71-proposal'));
    // Every language version has the original's blocks, marks, footnotes and brackets; the original is starred.
    const { languages } = parse(readFileSync(path.join(project.root, 'content/res71-proposal/document.yaml'), 'utf8')) as {
      languages: string[];
    };
    expect(languages.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((row) => row.split(/\s+/).slice(1))).toEqual(
      languages.map((lang) => [lang === 'zh' ? 'zh*' : lang, '60', '62', '42', '1', '9']),
    );
    // The proposal has no Reasons part, so no language prints "Reasons:".
    expect(stdout).toMatch(/Locale keys not used by these documents:\n {2}ar: [^\n]*proposal\.reasons/);
  });

  it('checks a part of a translation against the same lines of the original', async () => {
    const doc = path.join(project.root, 'content/res71-annex1-2028');
    const zh = readFileSync(path.join(doc, 'zh.md'), 'utf8').split('\n');
    const fr = readFileSync(path.join(doc, 'fr.md'), 'utf8').split('\n');
    // The French file's lines follow the original's, after a longer front matter.
    const shift = fr.indexOf('::annex-title') - zh.indexOf('::annex-title');
    const front = fr.slice(0, fr.indexOf('---', 1) + 1);
    const part = (from: number, to: number, edit = (lines: string[]) => lines) => {
      const file = path.join(project.root, `fr-${from}.md`);
      writeFileSync(file, [...front, '', ...edit(fr.slice(from - 1 + shift, to + shift))].join('\n'));
      return file;
    };
    // Section 2.7 up to Appendix A: its paragraphs call no footnote; the first part calls one defined at the end.
    const start = zh.findIndex((line) => line.startsWith('### :n[2.7]')) + 1;
    const end = zh.findIndex((line) => line.startsWith('## 附录A')) - 1;
    expect(
      (await hexaglot('check-part', part(start, end), '--doc', 'res71-annex1-2028', '--lang', 'fr', '--lines', `${start}-${end}`)).code,
    ).toBe(0);
    expect(
      (await hexaglot('check-part', part(6, start - 1), '--doc', 'res71-annex1-2028', '--lang', 'fr', '--lines', `6-${start - 1}`)).code,
    ).toBe(0);

    const dropped = part(start, end, (lines) => lines.filter((line) => !line.startsWith(':n[{--46--}{++43++}]')));
    const { code, stderr } = await hexaglot(
      'check-part',
      dropped,
      '--doc',
      'res71-annex1-2028',
      '--lang',
      'fr',
      '--lines',
      `${start}-${end}`,
    );
    expect(code).toBe(1);
    const zhLine = zh.findIndex((line) => line.startsWith(':n[{--46--}{++43++}]')) + 1;
    // In both files, each at its own place, and the count.
    const message = `zh.md:${zhLine} paragraph 46→43 has no counterpart in fr-${start}.md`;
    expect(stderr).toMatch(new RegExp(`^fr-${start}\\.md:\\d+:\\d+: error: ${message}`, 'm'));
    expect(stderr).toMatch(new RegExp(`zh\\.md:${zhLine}:1: error: ${message}`));
    expect(stderr.trim().split('\n')).toHaveLength(3);

    expect((await hexaglot('check-part', dropped, '--doc', 'res71-annex1-2028', '--lang', 'fr', '--lines', 'all')).code).toBe(2);
    expect((await hexaglot('check-part', dropped, '--doc', 'nope', '--lang', 'fr', '--lines', '1-2')).code).toBe(2);
  });

  it('exits 2 on wrong usage and 0 on --help', async () => {
    expect((await hexaglot('frobnicate')).code).toBe(2);
    expect((await hexaglot('build', '--lang', 'xx')).code).toBe(2);
    expect((await hexaglot('build', '--format', 'rtf')).code).toBe(2);
    expect((await hexaglot('build', '--doc', 'nope')).code).toBe(2);
    const help = await hexaglot('build', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--format <name>/);
  });
});

/** The command as a process of its own: its start-up, the exit code it ends with, and a watch that runs until it is stopped. */
describe('the hexaglot process', () => {
  it('starts and exits with the code of the command: 2 on wrong usage, 0 on --help', () => {
    expect(hexaglotProcess(project.root, ['frobnicate']).code).toBe(2);
    const help = hexaglotProcess(project.root, ['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--format <name>/);
  });

  it('stops quietly when its reader stops early (`| head`): no stack trace', async () => {
    const child = spawn(process.execPath, [bin, 'check', '--brackets'], { cwd: corpusRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    // The reader gone before the first line is written, as `| head -0` (or a `head` that has had its lines) leaves it.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(errors).toBe('');
    expect(code).toBe(0);
  });

  it('builds again on every change with --watch, until stopped', async () => {
    const child = spawn(process.execPath, [bin, 'build', '--watch', '--doc', 'res71-proposal', '--lang', 'en', '--format', 'html'], {
      cwd: project.root,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const seen = async (pattern: RegExp, times: number) => {
      for (let waited = 0; (output.match(new RegExp(pattern, 'g')) ?? []).length < times; waited += 100) {
        if (waited > 30_000) throw new Error(`waited for ${String(pattern)} ${times} time(s):\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await seen(/Watching/, 1);
      expect(output).toMatch(/1 file\(s\) written/);
      const file = path.join(project.root, 'content/res71-proposal/en.md');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('{++developing++}', '{++developing'));
      await seen(/Watching/, 2);
      expect(output).toMatch(/en\.md:\d+:\d+: error: Unclosed insertion/);
      // A locale changed under a running watch is read again.
      const locale = path.join(project.root, 'locales/en/common.json');
      writeFileSync(locale, readFileSync(locale, 'utf8').replace('"considering": "considering"', '"considering": "considering well"'));
      writeFileSync(file, text);
      await seen(/file\(s\) written/, 2);
      expect(readFileSync(path.join(project.root, 'out/res71-proposal/PP22-39-A4-E.html'), 'utf8')).toContain('considering well');
    } finally {
      child.kill();
    }
  }, 60_000);
});
