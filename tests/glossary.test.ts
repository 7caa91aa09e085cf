import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckResult } from '../scripts/cli/pipeline.js';
import { formatMessages, hasErrors } from '../scripts/diagnostics/report.js';
import { checkPart } from '../scripts/check/part.js';
import { loadGlossary, type GlossaryTerm } from '../scripts/check/glossary-data.js';
import { projectPaths } from '../scripts/model/build.js';
import type { Lang } from '../scripts/i18n/languages.js';
import { paths, repoRoot } from './helpers/build.js';
import { hexaglot } from './helpers/cli.js';
import { copyProject } from './helpers/project.js';

const glossary = loadGlossary(paths)!;
const term = (id: string): GlossaryTerm => glossary.terms!.find((t) => t.id === id)!;
const glossaryLine = (id: string) => readFileSync(path.join(repoRoot, 'content/glossary.yaml'), 'utf8').split('\n').indexOf(`  ${id}:`) + 1;

describe('the glossary of ITU terms', () => {
  it('is read without a problem, one entry per term with its forms in the six languages', () => {
    expect(glossary.file.messages).toEqual([]);
    expect(glossary.terms!.length).toBeGreaterThan(40);
    expect(term('sectorMembers').line).toBe(glossaryLine('sectorMembers'));
  });

  it.each<[string, Lang, string]>([
    ['strategicGoals', 'ru', 'через стратегические цели и целевые показатели'],
    ['strategicGoals', 'ru', 'в достижении стратегических целей МСЭ'],
    ['strategicGoals', 'ru', 'со стратегическими целями'],
    ['strategicGoals', 'ar', 'والغايات الاستراتيجية والمقاصد'],
    ['strategicGoals', 'ar', 'تحقيق غاياته الاستراتيجية'],
    ['strategicGoals', 'ar', 'غايات استراتيجية جديدة'],
    ['strategicGoals', 'ar', 'للغايات الاستراتيجية'],
    ['goals', 'ar', 'بلوغ غايتها'],
    ['memberStates', 'ar', 'يدعو الدول الأعضاء'],
    ['memberStates', 'ar', 'وللدول الأعضاء'],
    ['memberStates', 'fr', 'les Etats Membres et les États Membres'],
    ['sectorMembers', 'fr', 'aux Membres des Secteurs'],
    ['sectorMembers', 'fr', 'chaque Membre de Secteur'],
    ['thematicPriorities', 'fr', 'au titre de cette priorité thématique'],
    ['thematicPriorities', 'es', 'las Prioridades Temáticas'],
    ['strategicGoals', 'en', 'STRATEGIC GOALS'],
    ['busan', 'es', '(Rev. Busán, 2014)'],
    ['busan', 'ru', '(Пересм. Пусан, 2014 г.)'],
    ['wsis', 'fr', 'Sommet mondial sur la société de l’information'],
  ])('accepts %s in %s: %s', (id, lang, text) => {
    expect(term(id).appearsIn(lang, text)).toBe(true);
  });

  it.each<[string, Lang, string]>([
    ['sectorMembers', 'fr', 'aux Membres de Secteur'],
    ['busan', 'es', '(Rev. Busan, 2014)'],
    ['goals', 'en', 'goalkeepers'],
    ['welcoming', 'es', 'acogiendo con satisfacción'],
    ['accountabilityFramework', 'es', 'el nuevo modelo de rendición de cuentas'],
  ])('rejects %s in %s: %s', (id, lang, text) => {
    expect(term(id).appearsIn(lang, text)).toBe(false);
  });

  it('finds Chinese terms without spaces, and a term inside a longer one only as the longer one', () => {
    expect(term('strategicGoals').occurrences('zh', '通过主题重点工作以及总体和具体战略目标之后')).toEqual([
      { start: 15, end: 19, text: '战略目标' },
    ]);
    expect(term('outcomes').occurrences('zh', '输出成果')).toHaveLength(1);
    expect(term('outputs').occurrences('zh', '输出成果')).toHaveLength(1);
  });
});

describe('the glossary check', () => {
  let project: ReturnType<typeof copyProject>;
  let result: CheckResult;
  const file = (lang: string) => path.join(project.root, 'content/res71-proposal', `${lang}.md`);
  const deviate = (lang: string, from: string, to: string) => {
    const text = readFileSync(file(lang), 'utf8');
    expect(text).toContain(from);
    writeFileSync(file(lang), text.replace(from, to));
  };

  beforeAll(() => {
    project = copyProject();
    // One made-up deviation per language, each in words the proposal inserts (so the text in force is not touched).
    deviate('en', 'Resolution 25 [(Rev. Bucharest, 2022)]', 'Resolution 25 [(Rev. Bucureşti, 2022)]');
    deviate('fr', "d'élaborer un cadre de résultats global", "d'élaborer un système de mesure global");
    deviate('es', 'la Agenda Conectar 2030', 'la Agenda Connect 2030');
    deviate('ru', 'новую рамочную основу подотчетности МСЭ', 'новую модель подотчетности МСЭ');
    deviate('ar', 'إطار المساءلة الجديد للاتحاد', 'نموذج المساءلة الجديد للاتحاد');
    result = checkProject(project.root, { docs: ['res71-proposal'] });
  });
  afterAll(() => project.remove());

  const warnings = () =>
    formatMessages(result.files)
      .split('\n')
      .filter((line) => line.endsWith('[hexaglot:glossary-term]'));
  const fix = "Use the term's %s form, or, if the translation rightly says it in other words, add that wording to the entry";
  const warning = (lang: string, line: number, id: string, used: string, at: number, block: string, forms: string) =>
    `content/res71-proposal/${lang}.md:${line}:1: warning: Glossary term "${id}" (content/glossary.yaml:${glossaryLine(id)}): ` +
    `the original uses "${used}" here (zh.md:${at}), but this ${block} has none of its ${lang} forms ${forms}. ` +
    `${fix.replace('%s', lang)} [hexaglot:glossary-term]`;

  it('warns and still passes: a warning is not an error', () => {
    expect(result.ok).toBe(true);
    expect(warnings()).toHaveLength(5);
  });

  it('catches a place name that is not ITU’s (en)', () => {
    expect(warnings()).toContain(warning('en', 27, 'bucharest', '布加勒斯特', 24, 'paragraph b)', '"Bucharest"'));
  });

  it('catches a planning term that is not ITU’s (fr)', () => {
    expect(warnings()).toContain(warning('fr', 35, 'resultsFramework', '结果框架', 32, 'paragraph f)', '"cadre de résultats"'));
  });

  it('catches a programme’s name that is not ITU’s (es)', () => {
    expect(warnings()).toContain(warning('es', 39, 'connect2030', '连通2030年议程', 36, 'paragraph h)', '"Agenda Conectar 2030"'));
  });

  it('catches the accountability framework called a model (ru, ar)', () => {
    expect(warnings()).toContain(
      warning('ru', 67, 'accountabilityFramework', '问责制模型', 64, 'paragraph e)', '"рамочн* основ* подотчетности"'),
    );
    expect(warnings()).toContain(warning('ar', 67, 'accountabilityFramework', '问责制模型', 64, 'paragraph هـ)', '"إطار المساءلة"'));
  });

  it('checks the terms of a part of a translation too (check-part)', () => {
    const files = checkPart(projectPaths(project.root), 'res71-proposal', 'fr', { from: 1, to: 117 }, file('fr'));
    expect(files.some(hasErrors)).toBe(false);
    expect(formatMessages(files)).toContain('warning: Glossary term "resultsFramework"');
  });

  it('prints the warnings and exits 0 from the command line', async () => {
    const run = await hexaglot(project.root, ['check', '--doc', 'res71-proposal', '--lang', 'zh,es']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(warning('es', 39, 'connect2030', '连通2030年议程', 36, 'paragraph h)', '"Agenda Conectar 2030"'));
    expect(run.stdout).toMatch(/no problems and 1 warning\(s\)\.$/m);
  });
});

describe('a malformed glossary', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'hexaglot-glossary-'));
    mkdirSync(path.join(root, 'content'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const problems = (yaml: string) => {
    writeFileSync(path.join(root, 'content/glossary.yaml'), yaml);
    const loaded = loadGlossary(projectPaths(root))!;
    expect(loaded.terms).toBeUndefined();
    return formatMessages([loaded.file]).split('\n');
  };
  const forms = (langs: readonly string[]) => langs.map((lang) => `    ${lang}: [x]`).join('\n');

  it('reports a language missing from an entry at the entry', () => {
    expect(problems(`terms:\n  council:\n    note: The Council.\n${forms(['zh', 'en', 'fr', 'es', 'ru'])}\n`)).toEqual([
      'content/glossary.yaml:3:5: error: Invalid glossary: "terms.council.ar" is missing. Add "ar"; see docs/dialect.md for the fields [hexaglot:invalid-metadata]',
    ]);
  });

  it('reports a malformed entry at the value at fault', () => {
    const yaml = `terms:\n  council:\n    note: The Council.\n    zh: 理事会\n${forms(['en', 'fr', 'es', 'ru', 'ar'])}\n  Bad-Name:\n    note: x\n${forms(['zh', 'en', 'fr', 'es', 'ru', 'ar'])}\n`;
    expect(problems(yaml)).toEqual([
      'content/glossary.yaml:4:9: error: Invalid glossary: "terms.council.zh": Invalid input: expected array, received string. Give a value of type array [hexaglot:invalid-metadata]',
      'content/glossary.yaml:10:3: error: Invalid glossary: "terms.Bad-Name": Invalid key in record: a name such as "strategicGoals". See docs/dialect.md for the expected form [hexaglot:invalid-metadata]',
    ]);
  });

  it('reports YAML that does not parse at its place', () => {
    expect(problems('terms:\n  council: [zh\n')).toEqual([
      expect.stringMatching(/^content\/glossary\.yaml:\d+:\d+: error: Invalid YAML in glossary/),
    ]);
  });

  it('fails the check of a project', () => {
    const project = copyProject();
    try {
      writeFileSync(path.join(project.root, 'content/glossary.yaml'), `terms:\n  council:\n    note: The Council.\n`);
      const checked = checkProject(project.root, { docs: ['res71-2018'] });
      expect(checked.ok).toBe(false);
      expect(formatMessages(checked.files)).toMatch(/^content\/glossary\.yaml:3:5: error: Invalid glossary: "terms\.council\.zh"/m);
    } finally {
      project.remove();
    }
  });
});
