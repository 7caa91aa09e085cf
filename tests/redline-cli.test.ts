import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../scripts/cli/pipeline.js';
import type { ModelDocument } from '../scripts/model/types.js';
import { reading } from '../scripts/passes/index.js';
import { comparable, unwrapped } from './helpers/compare.js';
import { hexaglot as run } from './helpers/cli.js';
import { copyProject } from './helpers/project.js';

let project: ReturnType<typeof copyProject>;

/** `hexaglot <args> --root <copy>` in this process, started in the copy. */
const hexaglot = (...args: string[]) => run(project.root, [...args, '--root', project.root]);

function version(docId: string, lang: 'en' | 'zh' | 'ar'): ModelDocument {
  const result = checkProject(project.root, { docs: [docId], langs: [lang] });
  return result.builds[0]!.versions.find((doc) => doc.lang === lang)!;
}

beforeEach(() => {
  project = copyProject();
});
afterEach(() => project.remove());

describe('hexaglot redline', () => {
  it('prints the proposal marked against the resolution in force, and the text read back gives both', async () => {
    for (const lang of ['en', 'zh', 'ar'] as const) {
      const { code, stdout, stderr } = await hexaglot(
        'redline',
        'content/res71-2018/' + lang + '.md',
        'content/res71-proposal/' + lang + '.md',
      );
      expect([code, stderr]).toEqual([0, '']);
      if (lang === 'en') {
        expect(stdout).toMatch(/^---\nlang: en\n/);
        expect(stdout).toContain(
          'The Plenipotentiary Conference of the International Telecommunication Union ({--Dubai, 2018--}{++Bucharest, 2022++}),',
        );
        expect(stdout).toContain(':n[{--c)--}{++d)++}] Resolution 70');
      }
      const [base, proposal] = [reading(version('res71-2018', lang), 'accepted'), reading(version('res71-proposal', lang), 'accepted')];
      writeFileSync(path.join(project.root, `content/res71-proposal/${lang}.md`), stdout);
      const written = version('res71-proposal', lang);
      expect(comparable(reading(written, 'accepted')), lang).toBe(comparable(proposal));
      expect(comparable(unwrapped(reading(written, 'rejected'))), lang).toBe(comparable(unwrapped(base)));
    }
  });

  it('writes the result in place of the new file with --write, and reads a marked file as its accepted reading', async () => {
    const printed = (await hexaglot('redline', 'content/res71-2018/zh.md', 'content/res71-proposal/zh.md')).stdout;
    const written = await hexaglot('redline', 'content/res71-2018/zh.md', 'content/res71-proposal/zh.md', '--write');
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^content\/res71-proposal\/zh\.md: \d+ mark\(s\) written\n$/);
    expect(readFileSync(path.join(project.root, 'content/res71-proposal/zh.md'), 'utf8')).toBe(printed);
    expect(readdirSync(path.join(project.root, 'content/res71-proposal')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Against itself, a marked file is its accepted reading: nothing left to mark.
    const same = await hexaglot('redline', 'content/res71-annex1-2028/ar.md', 'content/res71-annex1-2028/ar.md');
    expect(same.code).toBe(0);
    expect(same.stdout).not.toMatch(/\{\+\+|\{--/);
  });

  it('reports a change the model has no mark for at its place in the new file, and exits 1', async () => {
    const copy = path.join(project.root, 'content/annex-new');
    cpSync(path.join(project.root, 'content/res71-annex1-2028'), copy, { recursive: true });
    const text = readFileSync(path.join(copy, 'en.md'), 'utf8');
    const table = ':::table{#tab-framework header=1}\n';
    writeFileSync(path.join(copy, 'en.md'), text.replace(table, `${table}- - A new row\n  - and its cell\n`));
    const line = text.slice(0, text.indexOf(table)).split('\n').length;
    const { code, stdout, stderr } = await hexaglot('redline', 'content/res71-annex1-2028/en.md', 'content/annex-new/en.md');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      new RegExp(`^content/annex-new/en\\.md:${line}:1: error: A table was changed in a way the model has no mark for`),
    );
  });

  it('reports a problem in a source with file:line:column and exits 1; wrong usage exits 2', async () => {
    const file = path.join(project.root, 'content/res71-proposal/en.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nan {++unclosed insertion\n`);
    const broken = await hexaglot('redline', 'content/res71-2018/en.md', 'content/res71-proposal/en.md');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/content\/res71-proposal\/en\.md:\d+:4: error: .*insertion/);
    const languages = await hexaglot('redline', 'content/res71-2018/en.md', 'content/res71-2018/fr.md');
    expect(languages.code).toBe(2);
    expect(languages.stderr).toContain('redline compares two texts in one language');
    expect((await hexaglot('redline', 'content/res71-2018/en.md', 'content/res71-2018/xx.md')).code).toBe(2);
    expect((await hexaglot('redline', 'content/res71-2018/document.yaml', 'content/res71-2018/en.md')).code).toBe(2);
  });
});
