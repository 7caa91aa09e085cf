import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockHash } from '../scripts/check/block-hash.js';
import { shapes } from '../scripts/check/parity.js';
import { BuildKeys } from '../scripts/cli/build/keys.js';
import { FileHashes } from '../scripts/cli/build/file-hashes.js';
import { build } from './helpers/build.js';
import { hexaglot } from './helpers/cli.js';
import { copyProject, editContent } from './helpers/project.js';

const DOC = 'res71-proposal';
const TRANSLATIONS = ['ar', 'en', 'es', 'fr', 'ru'] as const;
type Translation = (typeof TRANSLATIONS)[number];
/** A word to add in each translation, as a translator would. */
const WORD: Record<Translation, string> = { ar: 'جديد', en: 'new', es: 'nuevo', fr: 'nouveau', ru: 'новый' };

/** The hash of each block of a small zh document, in order. */
const hashes = (body: string) => shapes(build(body).doc!).map(blockHash);

describe("a block's version (blockHash)", () => {
  it('is ten hex digits, and the same wherever the block stands, however its Markdown is wrapped and its footnotes labelled', () => {
    const [one] = hashes(':n[a)] 甲乙 丙[^1]\n\n[^1]: 注\n');
    expect(one).toMatch(/^[0-9a-f]{10}$/);
    expect(hashes('前\n\n:n[a)] 甲乙\n丙[^x]\n\n[^x]: 另注\n')[1]).toBe(one);
    expect(hashes('前[^0]\n\n:n[a)] 甲乙   丙[^1]\n\n[^0]: 注\n\n[^1]: 注\n')[1]).toBe(one);
  });

  it("changes with the block's words, label, marks and how they nest, footnote calls and call words", () => {
    const variants = [
      ':n[a)] 甲乙丙\n',
      ':n[a)] 甲乙丁\n',
      ':n[b)] 甲乙丙\n',
      ':n[a)] 甲{++乙++}丙\n',
      ':n[a)] 甲{--乙--}丙\n',
      ':n[a)] 甲{++乙{--丙--}++}\n',
      ':n[a)] 甲{++乙++}{--丙--}\n',
      ':n[a)] 甲乙丙[^1]\n\n[^1]: 注\n',
      ':n[a)] *甲乙丙*\n',
      '{++:n[a)] 甲乙丙++}\n',
    ];
    const first = variants.map((body) => hashes(body)[0]);
    expect(new Set(first).size).toBe(variants.length);
    expect(hashes(':call{key=considering}\n')).not.toEqual(hashes(':call{key=noting}\n'));
  });
});

/** A status line's counts: `res71-proposal  fr  54  1  0  0  yes` → [54, 1, 0, 0]. */
function counts(stdout: string, lang: string): number[] {
  const row = stdout.split('\n').find((line) => line.startsWith(`${DOC} `) && line.split(/\s+/)[1] === lang);
  return row!.split(/\s+/).slice(2, 6).map(Number);
}

/** `file:line` of each warning of the rule. */
function outdated(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.includes('[hexaglot:translation-outdated]'))
    .map((line) => /^content\/res71-proposal\/(\w+\.md:\d+):\d+: warning: /.exec(line)![1]!);
}

describe('translation status in a copy of the project', () => {
  let project: ReturnType<typeof copyProject>;
  beforeEach(() => {
    project = copyProject();
  });
  afterEach(() => project.remove());
  const run = (...args: string[]) => hexaglot(project.root, args);
  const zh = () => readFileSync(path.join(project.root, 'content', DOC, 'zh.md'), 'utf8');

  it('starts current: every translation of every document recorded, every block current', async () => {
    const status = await run('status');
    expect(status.code).toBe(0);
    const rows = status.stdout.split('\n').slice(2, -1);
    expect(rows.length).toBeGreaterThanOrEqual(23);
    for (const row of rows) expect(row).toMatch(/^\S+\s+\w\w\s+[1-9]\d*\s+0\s+0\s+0\s+yes$/);
  });

  it('a change to one paragraph of zh.md makes exactly its counterparts outdated in each language, at both places', async () => {
    const original = zh();
    // Every paragraph that the proposal inserts: words changed inside the mark leave the text in force as it is.
    const lines = original.split('\n').flatMap((line, index) => (/^\{\+\+:n\[[^\]]*\] /.test(line) ? [index + 1] : []));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      writeFileSync(
        path.join(project.root, 'content', DOC, 'zh.md'),
        original
          .split('\n')
          .map((text, index) => (index + 1 === line ? text.replace('] ', '] 新') : text))
          .join('\n'),
      );
      const check = await run('check', '--doc', DOC);
      expect(check.code, check.stderr).toBe(0);
      const places = outdated(check.stderr);
      // Once in zh.md for each language, once in each language at its counterpart, which names zh.md's line.
      expect(places.filter((place) => place === `zh.md:${line}`)).toHaveLength(TRANSLATIONS.length);
      expect(places).toHaveLength(2 * TRANSLATIONS.length);
      for (const lang of TRANSLATIONS) {
        const at = places.find((place) => place.startsWith(`${lang}.md:`));
        expect(at, lang).toBeDefined();
        expect(check.stderr).toContain(`zh.md:${line}) changed since ${at} was translated`);
        expect(check.stderr).toContain(`${at}): its original, `);
        expect(check.stderr).toContain(`at zh.md:${line}, changed since ${at} was translated`);
      }
    }
  });

  it('reviewed --line clears exactly that block in that language; reviewed clears the whole file', async () => {
    editContent(project.root, DOC, 'zh.md', (text) => text.replace('加强区域代表处的职能', '加强各区域代表处的职能'));
    const before = await run('status');
    const total = counts(before.stdout, 'fr').reduce((a, b) => a + b, 0);
    for (const lang of TRANSLATIONS) expect(counts(before.stdout, lang)).toEqual([total - 1, 1, 0, 0]);
    const fr = outdated((await run('check', '--doc', DOC)).stderr).find((place) => place.startsWith('fr.md:'))!;
    const line = fr.split(':')[1]!;

    const marked = await run('reviewed', '--doc', DOC, '--lang', 'fr', '--line', line);
    expect(marked.code, marked.stderr).toBe(0);
    expect(marked.stdout).toMatch(
      new RegExp(`translation-status/fr\\.yaml: paragraph b\\) \\(fr\\.md:${line}\\) reviewed against zh\\.md:\\d+`),
    );
    const whole = await run('reviewed', '--doc', DOC, '--lang', 'es');
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout).toContain(`translation-status/es.yaml: ${total} block(s) of es.md reviewed against zh.md`);

    const after = await run('status');
    for (const lang of TRANSLATIONS) {
      expect(counts(after.stdout, lang), lang).toEqual(lang === 'fr' || lang === 'es' ? [total, 0, 0, 0] : [total - 1, 1, 0, 0]);
    }
    const check = await run('check', '--doc', DOC);
    expect(outdated(check.stderr).filter((place) => /^(fr|es)\.md/.test(place))).toEqual([]);
    expect(outdated(check.stderr)).toHaveLength(6);
    // The record is written as the whole-file review writes it: the same bytes whichever way it came about.
    const record = readFileSync(path.join(project.root, 'content', DOC, 'translation-status/fr.yaml'), 'utf8');
    await run('reviewed', '--doc', DOC, '--lang', 'fr');
    expect(readFileSync(path.join(project.root, 'content', DOC, 'translation-status/fr.yaml'), 'utf8')).toBe(record);
  });

  it('status lists the blocks that need work at their places, and a missing block in the original', async () => {
    editContent(project.root, DOC, 'zh.md', (text) => text.replace('加强区域代表处的职能', '加强各区域代表处的职能'));
    const line =
      zh()
        .split('\n')
        .findIndex((text) => text.includes('加强各区域代表处的职能')) + 1;
    const fr = await run('status', '--doc', DOC, '--lang', 'fr');
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(
      new RegExp(
        `^content/res71-proposal/fr\\.md:\\d+: outdated: paragraph b\\): its original, zh\\.md:${line}, changed since it was translated$`,
        'm',
      ),
    );
    expect(fr.stdout).not.toMatch(/^\S+: (unrecorded|missing): /m);
    // A block taken out of a translation is missing there (and parity says so: status gives its problems too).
    editContent(project.root, DOC, 'en.md', (text) => text.replace(/\n:n\[b\)\] the glossary of terms[^\n]*\n/, '\n'));
    const en = await run('status', '--doc', DOC, '--blocks');
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('[hexaglot:parity-missing-block]');
    expect(counts(en.stdout, 'en')[3]).toBe(1);
    expect(en.stdout).toMatch(/^content\/res71-proposal\/zh\.md:\d+: missing: paragraph b\): no counterpart in en\.md$/m);
  });

  it('a translated block changed after review is unrecorded (to review), not outdated, in every language', async () => {
    for (const lang of TRANSLATIONS) {
      editContent(project.root, DOC, `${lang}.md`, (text) => text.replace(/^(\{\+\+:n\[[^\]]*\] )/m, `$1${WORD[lang]} `));
    }
    const status = await run('status', '--doc', DOC, '--blocks');
    expect(status.code, status.stderr).toBe(0);
    for (const lang of TRANSLATIONS) {
      const [current, ...rest] = counts(status.stdout, lang);
      expect(rest, lang).toEqual([0, 1, 0]);
      expect(current).toBeGreaterThan(10);
      expect(status.stdout).toMatch(
        new RegExp(`^content/res71-proposal/${lang}\\.md:\\d+: unrecorded: .* not reviewed against zh\\.md:\\d+`, 'm'),
      );
    }
    const check = await run('check', '--doc', DOC);
    expect(check.code).toBe(0);
    expect(outdated(check.stderr)).toEqual([]);
  });

  it.each([
    [
      'a hash that is not one',
      (t: string) => t.replace(/translation: '[0-9a-f]+'/, "translation: 'not-a-hash'"),
      /:5:\d+: error: Invalid translation status: "reviewed\.0\.translation"/,
    ],
    [
      'an entry without its source',
      (t: string) => t.replace(/, source: '[0-9a-f]+'/, ''),
      /:5:\d+: error: Invalid translation status: "reviewed\.0\.source"/,
    ],
    [
      'a key it does not know',
      (t: string) => t.replace(/, block: /, ', blok: '),
      /:5:\d+: error: Invalid translation status: "reviewed\.0": Unrecognized key: "blok"/,
    ],
    ['entries that are no list', () => 'reviewed: nothing\n', /:1:\d+: error: Invalid translation status: /],
    [
      'a quote left open',
      (t: string) => t.replace(/source: '([0-9a-f]+)'/, "source: '$1"),
      /:\d+:\d+: error: Invalid YAML in translation status/,
    ],
  ])(
    'a damaged record (%s) is an error at its line and column, with no stack trace, and fails check and status',
    async (_name, damage, expected) => {
      const file = path.join(project.root, 'content', DOC, 'translation-status/fr.yaml');
      writeFileSync(file, damage(readFileSync(file, 'utf8')));
      for (const args of [
        ['check', '--doc', DOC],
        ['status', '--doc', DOC],
        ['reviewed', '--doc', DOC, '--lang', 'fr'],
      ]) {
        const result = await run(...args);
        expect(result.code, args[0]).toBe(1);
        const errors = result.stderr.split('\n').filter((line) => line.includes(': error: '));
        expect(errors.every((line) => line.startsWith('content/res71-proposal/translation-status/fr.yaml:'))).toBe(true);
        expect(errors[0]).toMatch(expected);
        if (!expected.source.includes('YAML')) expect(errors).toHaveLength(1);
        expect(result.stderr).not.toMatch(/^\s+at /m);
      }
    },
  );

  it('a language with no record is not tracked: no warning when the original changes, and status says so', async () => {
    rmSync(path.join(project.root, 'content', DOC, 'translation-status/ru.yaml'));
    editContent(project.root, DOC, 'zh.md', (text) => text.replace('加强区域代表处的职能', '加强各区域代表处的职能'));
    const check = await run('check', '--doc', DOC);
    expect(check.code).toBe(0);
    expect(outdated(check.stderr).filter((place) => place.startsWith('ru.md'))).toEqual([]);
    expect(outdated(check.stderr)).toHaveLength(8);
    const status = await run('status', '--doc', DOC);
    const total = counts(status.stdout, 'fr').reduce((a, b) => a + b, 0);
    expect(counts(status.stdout, 'ru')).toEqual([0, 0, total, 0]);
    expect(status.stdout).toMatch(/^res71-proposal +ru .* none$/m);
    expect(status.stdout).toContain('(record none: the language keeps no translation status yet; `hexaglot reviewed` starts one)');
  });

  it('an incremental build checks a document again when its record changes, and makes none of its outputs again', async () => {
    // Each key as it stands now (a key is computed when first asked for).
    const keys = () => {
      const of = new BuildKeys(project.root, new FileHashes(), [DOC], ['html']);
      return { check: of.check(DOC), outputs: ['fr', 'en'].map((lang) => of.output(DOC, lang, 'html', undefined)) };
    };
    const before = keys();
    editContent(project.root, DOC, 'zh.md', (text) => text.replace('加强区域代表处的职能', '加强各区域代表处的职能'));
    const edited = keys();
    expect((await run('reviewed', '--doc', DOC, '--lang', 'fr')).code).toBe(0);
    const reviewed = keys();
    expect(edited.check).not.toBe(before.check);
    expect(reviewed.check).not.toBe(edited.check);
    expect(reviewed.outputs).toEqual(edited.outputs);
  });

  it('reviewed refuses the original language and a line in no block, as wrong usage', async () => {
    expect((await run('reviewed', '--doc', DOC, '--lang', 'zh')).stderr).toMatch(/^hexaglot: zh is the original of "res71-proposal"/);
    const blank = await run('reviewed', '--doc', DOC, '--lang', 'fr', '--line', '2');
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/^hexaglot: line 2 of fr\.md is in no block that translates a block of zh\.md/);
    expect((await run('reviewed', '--doc', DOC, '--lang', 'fr', '--line', '0')).code).toBe(2);
  });
});
