import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLocales } from '../scripts/check/locales.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import { loadLocale } from '../scripts/i18n/locales.js';
import { copyProject } from './helpers/project.js';
import { paths } from './helpers/build.js';

let project: ReturnType<typeof copyProject>;
beforeEach(() => {
  project = copyProject();
});
afterEach(() => project.remove());

const localeFile = (lang: string) => path.join(project.root, 'locales', lang, 'common.json');
function editLocale(lang: string, change: (data: Record<string, Record<string, string>>) => void) {
  const data = JSON.parse(readFileSync(localeFile(lang), 'utf8')) as Record<string, Record<string, string>>;
  change(data);
  writeFileSync(localeFile(lang), `${JSON.stringify(data, null, 2)}\n`);
}
const report = () => formatMessages(checkLocales(path.join(project.root, 'locales'), project.root));

describe('locale check', () => {
  it('passes on the six locales', () => {
    expect(report()).toBe('');
  });

  it('reports a key missing in one language at its group, naming who has it', () => {
    editLocale('ru', (d) => delete d.callWords!.noting);
    const text = readFileSync(localeFile('ru'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('"callWords"')) + 1;
    expect(report()).toBe(
      `locales/ru/common.json:${line}:16: error: Missing locale key "callWords.noting" (present in ar, zh, en, fr, es). Add "noting" with the ru wording [hexaglot:missing-locale-key]`,
    );
  });

  it('asks each language for the plural forms its rules use', () => {
    editLocale('ru', (d) => delete d.labels!.footnoteCount_few);
    expect(report()).toMatch(/Missing locale key "labels.footnoteCount_few" .*ru needs the plural forms few, many, one, other/);
  });

  it('reports a translation that lost a placeholder', () => {
    editLocale('fr', (d) => (d.resolution!.title = 'Résolution {{number}}'));
    expect(report()).toMatch(
      /locales\/fr\/common.json:\d+:\d+: error: "resolution.title" has the placeholders \{\{number\}\} where ar, zh, en, ru, es have the placeholders \{\{number\}\}, \{\{revision\}\}/,
    );
  });

  it('blames a placeholder added in English on English, not on the five languages without it', () => {
    editLocale('en', (d) => (d.proposal!.reasons = 'Reasons ({{number}}):'));
    const lines = report().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^locales\/en\/common.json:\d+:\d+: error: "proposal.reasons" has the placeholders \{\{number\}\} where ar, zh, fr, ru, es have no placeholder/,
      ),
    ]);
  });

  it('asks every language for the words the writers print, even when no language has one', () => {
    for (const lang of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) editLocale(lang, (d) => delete d.proposal!.reasons);
    const lines = report().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^locales\/ar\/common.json:\d+:\d+: error: Missing locale key "proposal.reasons" \(the writers print it\)/);
  });

  it('chooses Arabic and Russian plural forms through i18next', () => {
    const ar = loadLocale(paths.locales, 'ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => ar.t('labels.footnoteCount', { count }))).toEqual([
      'لا حواشي',
      'حاشية واحدة',
      'حاشيتان',
      '3 حواشٍ',
      '11 حاشية',
      '100 حاشية',
    ]);
    const ru = loadLocale(paths.locales, 'ru');
    expect([1, 2, 5, 21].map((count) => ru.t('labels.footnoteCount', { count }))).toEqual([
      '1 сноска',
      '2 сноски',
      '5 сносок',
      '21 сноска',
    ]);
  });
});
