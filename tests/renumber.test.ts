import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../scripts/cli/pipeline.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import { LANGS } from '../scripts/i18n/languages.js';
import { applyEdits, renumberEdits } from '../scripts/passes/renumber.js';
import { build, repoRoot } from './helpers/build.js';
import { hexaglot } from './helpers/cli.js';
import { copyProject } from './helpers/project.js';

/** The body after renumbering (translations have 9 front-matter lines, zh 6). */
function renumber(body: string, lang: 'zh' | 'en' | 'ar' = 'zh'): string {
  const { file, doc } = build(body, lang);
  return applyEdits(String(file.value), renumberEdits(doc!)).split('---\n\n')[1]!;
}

describe('renumbering as marks', () => {
  it('counts on after an inserted paragraph, marking each changed label and leaving the new one whole', () => {
    expect(renumber(':n[1] 甲\n\n{++:n[2] 新++}\n\n:n[2] 乙\n\n:n[3] 丙\n')).toBe(
      ':n[1] 甲\n\n{++:n[2] 新++}\n\n:n[{--2--}{++3++}] 乙\n\n:n[{--3--}{++4++}] 丙\n',
    );
  });

  it('counts back after a deleted paragraph, and undoes a renumbering that is no longer needed', () => {
    expect(renumber('a\n\n:n[a)] 甲\n\n{--:n[b)] 乙--}\n\n:n[c)] 丙\n\n:n[{--c--}{++d)++}] 丁\n')).toBe(
      'a\n\n:n[a)] 甲\n\n{--:n[b)] 乙--}\n\n:n[{--c)--}{++b)++}] 丙\n\n:n[{--c--}{++c)++}] 丁\n',
    );
    expect(renumber(':n[1] 甲\n\n:n[{--2--}{++3++}] 乙\n')).toBe(':n[1] 甲\n\n:n[2] 乙\n');
  });

  it('numbers an inserted paragraph before the old first one, and each language in its own letters', () => {
    expect(renumber(':call{key=considering}\n\n{++:n[a)] new++}\n\n:n[a)] one;\n\n:n[b)] two\n', 'en')).toBe(
      ':call{key=considering}\n\n{++:n[a)] new++}\n\n:n[{--a)--}{++b)++}] one;\n\n:n[{--b)--}{++c)++}] two\n',
    );
    expect(renumber(':call{key=considering}\n\n:n[أ)] واحد\n\n{++:n[ب)] جديد++}\n\n:n[ب)] اثنان\n', 'ar')).toBe(
      ':call{key=considering}\n\n:n[أ)] واحد\n\n{++:n[ب)] جديد++}\n\n:n[{--ب)--}{++ج)++}] اثنان\n',
    );
  });

  it('starts a series again after call words or a heading, and keeps i) ii) apart from a) b)', () => {
    const body = ':call{key=considering}\n\n:n[a)] x\n\n:n[b)] y\n\n:call{key=noting}\n\n:n[a)] z\n\n:n[i)] r\n\n:n[ii)] s\n';
    expect(renumber(body, 'en')).toBe(body);
    expect(renumber('## :n[1] 一\n\n## :n[1.1] 甲\n\n## :n[1.3] 乙\n\n## :n[3] 三\n')).toBe(
      '## :n[1] 一\n\n## :n[1.1] 甲\n\n## :n[{--1.3--}{++1.2++}] 乙\n\n## :n[{--3--}{++2++}] 三\n',
    );
  });
});

describe('hexaglot renumber', () => {
  let project: ReturnType<typeof copyProject>;
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => project.remove());

  it('renumbers every language of a document after a paragraph inserted in each, and check passes', async () => {
    const file = (lang: string) => path.join(project.root, `content/res71-proposal/${lang}.md`);
    for (const lang of LANGS) {
      const text = readFileSync(file(lang), 'utf8');
      const at = text.indexOf('\n:n[2] ');
      expect(at, lang).toBeGreaterThan(0);
      writeFileSync(file(lang), `${text.slice(0, at)}\n{++:n[2] ${lang === 'zh' ? '新段落；' : 'a new paragraph;'}++}\n${text.slice(at)}`);
    }
    const run = await hexaglot(repoRoot, ['renumber', '--doc', 'res71-proposal', '--root', project.root]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const lang of LANGS) {
      expect(run.stdout).toContain(`res71-proposal/${lang}.md: 6 label(s) renumbered`);
      const text = readFileSync(file(lang), 'utf8');
      expect(text, lang).toContain('\n:n[{--2--}{++3++}] ');
      expect(text, lang).toMatch(/\n\{--:n\[3\] [^\n]*--\}\n\n\{\+\+:n\[4\] /);
      expect(text, lang).toContain('\n:n[{--4--}{++5++}] ');
      // The series goes on: the inserted 5 becomes 6, the renumbered 5→6 and 6→7 become 5→7 and 6→8.
      expect(text, lang).toContain('\n{++:n[6] ');
      expect(text, lang).toContain('\n:n[{--5--}{++7++}] ');
      expect(text, lang).toContain('\n:n[{--6--}{++8++}] ');
    }
    expect(formatMessages(checkProject(project.root, { docs: ['res71-proposal'] }).files)).toBe('');
  });
});
