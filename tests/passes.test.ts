import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, paths, repoRoot, shape } from './helpers/build.js';
import { loadLocale, MissingLocaleKeyError, type Locale } from '../scripts/i18n/locales.js';
import { completeModel, reading } from '../scripts/passes/index.js';
import { wordsOf } from '../scripts/model/context.js';
import { visitInlines } from '../scripts/model/walk.js';
import { checkProject, type CheckResult } from '../scripts/cli/pipeline.js';
import { checkCorpus } from './helpers/corpus.js';
import { FORMATS, loadWriter } from '../scripts/render/writers.js';
import type { BlockNode, ModelDocument } from '../scripts/model/types.js';

function model(markdown: string): ModelDocument {
  const result = build(markdown, 'en');
  expect(result.messages).toEqual([]);
  return completeModel(result.doc!, wordsOf(loadLocale(paths.locales, 'en'), result.file));
}

/** The text of blocks as a reader sees it, marks shown as CriticMarkup. */
function text(blocks: readonly BlockNode[]): string {
  const out: string[] = [];
  visitInlines(blocks, (node) => {
    if (node.type === 'text' || node.type === 'callWord') out.push(node.value);
    if (node.type === 'footnoteReference') out.push(`[${node.number}]`);
  });
  return out.join('');
}

function marks(doc: ModelDocument): string[] {
  const found: string[] = [];
  for (const blocks of [doc.body, ...doc.footnotes.map((note) => note.children)])
    visitInlines(blocks, (node) => {
      if (node.type === 'insertion' || node.type === 'deletion') found.push(node.type);
    });
  return found;
}

const SOURCE = [
  ':n[1] kept{++ added++}{-- removed[^gone]--} text[^first].',
  '{--:n[2] a deleted paragraph[^alsoGone]--}',
  '{++:n[3] a new paragraph[^second]++}',
  '- one',
  '- {--two--}',
  ':::table[Caption]{#t}\n- - cell {--old--}{++new++}[^third]\n:::',
  '[^gone]: Goes with the deletion.',
  '[^first]: First.',
  '[^alsoGone]: Goes with its paragraph.',
  '[^second]: Second.',
  '[^third]: Third.',
].join('\n\n');

describe('the readings pass', () => {
  it('accepts every change: inserted text unmarked, deleted text, blocks and their footnote calls gone', () => {
    const accepted = reading(model(SOURCE), 'accepted');
    expect(marks(accepted)).toEqual([]);
    expect(text(accepted.body)).toBe('1kept added text[1].3a new paragraph[2]oneCaptioncell new[3]');
    expect(accepted.body.some((block) => 'change' in block && block.change !== undefined)).toBe(false);
  });

  it('numbers what is left of the footnotes 1, 2, 3 in the order of their calls', () => {
    const doc = model(SOURCE);
    expect(doc.footnotes.map((note) => note.number)).toEqual([1, 2, 3, 4, 5]);
    const accepted = reading(doc, 'accepted');
    expect(accepted.footnotes.map((note) => [note.number, text(note.children)])).toEqual([
      [1, 'First.'],
      [2, 'Second.'],
      [3, 'Third.'],
    ]);
  });

  it('rejects every change: the text as it stood, insertions and their footnotes gone', () => {
    const rejected = reading(model(SOURCE), 'rejected');
    expect(marks(rejected)).toEqual([]);
    expect(text(rejected.body)).toBe('1kept removed[1] text[2].2a deleted paragraph[3]onetwoCaptioncell old[4]');
    expect(rejected.footnotes.map((note) => text(note.children))).toEqual([
      'Goes with the deletion.',
      'First.',
      'Goes with its paragraph.',
      'Third.',
    ]);
  });

  it('leaves the marked model as it was', () => {
    const doc = model(SOURCE);
    const before = JSON.stringify(shape(doc));
    reading(doc, 'accepted');
    reading(doc, 'rejected');
    expect(JSON.stringify(shape(doc))).toBe(before);
  });
});

describe('the footnote changes pass', () => {
  it('shows a footnote called only from deleted text as deleted, and one called only from insertions as inserted', () => {
    const doc = model(SOURCE);
    const change = (id: string) => doc.footnotes.find((note) => note.id === id)!;
    expect(change('gone').change).toBe('deletion');
    expect(change('alsogone').change).toBe('deletion');
    expect(change('second').change).toBe('insertion');
    expect(change('first').change).toBeUndefined();
    // The text of a deleted footnote is itself a deletion, so every marked copy strikes it through.
    expect(shape(change('gone').children)).toEqual([
      {
        type: 'paragraph',
        change: 'deletion',
        children: [{ type: 'deletion', children: [{ type: 'text', value: 'Goes with the deletion.' }] }],
      },
    ]);
  });

  it('keeps a footnote called from both kept and deleted text', () => {
    const doc = model('a[^n] {--b[^n]--}\n\n[^n]: Note.');
    expect(doc.footnotes[0]!.change).toBeUndefined();
  });
});

describe('the numbering pass', () => {
  it('numbers figures, and tables that have a caption, in reading order, nested ones included', () => {
    const doc = model(
      [
        '::figure[One]{#f1 alt="a"}',
        ':::table{#t0}\n- - no caption\n:::',
        ':::table[First]{#t1}\n- - cell\n:::',
        '- ::figure[Two]{#f2 alt="b"}',
        ':::table[Second]{#t2}\n- - cell\n:::',
      ].join('\n\n'),
    );
    const numbers: [string, number | undefined, string | undefined][] = [];
    const walk = (blocks: readonly BlockNode[]) =>
      blocks.forEach((block) => {
        if (block.type === 'figure' || block.type === 'table') numbers.push([block.id!, block.number, block.printedNumber]);
        if (block.type === 'list') block.children.forEach((item) => walk(item.children));
      });
    walk(doc.body);
    expect(numbers).toEqual([
      ['f1', 1, 'Figure 1'],
      ['t0', undefined, undefined],
      ['t1', 1, 'Table 1:'],
      ['f2', 2, 'Figure 2'],
      ['t2', 2, 'Table 2:'],
    ]);
  });
});

describe('words a pass prints', () => {
  it('reports a missing locale word at the place of the table that needs it, instead of failing', () => {
    const result = build(':::table[Caption]{#t}\n- - cell\n:::', 'en');
    const en = loadLocale(paths.locales, 'en');
    const lacking: Locale = {
      ...en,
      t: (key, values) => {
        if (key === 'labels.table') throw new MissingLocaleKeyError('en', key, en.file);
        return en.t(key, values);
      },
    };
    completeModel(result.doc!, wordsOf(lacking, result.file));
    expect(result.file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      expect.stringMatching(/^9:1 Missing locale key "labels.table" for language "en"/),
    ]);
  });
});

describe('the corpus', () => {
  it('Annex 1 (2020-2023): tables 1 to 11 numbered by the pass, none typed in the source, table 10 with its caption', () => {
    const zh = checkProject(repoRoot, { docs: ['res71-annex1-2020'], langs: ['zh'] }).builds[0]!.versions.find((v) => v.lang === 'zh')!;
    const tables = zh.body.filter((block) => block.type === 'table' && block.caption.length > 0);
    expect(tables.map((table) => (table.type === 'table' ? table.printedNumber : ''))).toEqual(
      Array.from({ length: 11 }, (_, index) => `表${index + 1}:`),
    );
    expect(readFileSync(path.join(repoRoot, 'content/res71-annex1-2020/zh.md'), 'utf8')).not.toMatch(/表\d+:/);
  });

  let result: CheckResult;
  beforeAll(() => {
    result = checkCorpus({});
  });

  it('every accepted reading, every document and language, has no marks and its footnotes numbered 1…n', () => {
    expect(result.ok).toBe(true);
    for (const build of result.builds)
      for (const doc of build.versions) {
        const accepted = reading(doc, 'accepted');
        expect(marks(accepted), `${doc.docId} ${doc.lang}`).toEqual([]);
        expect(
          accepted.footnotes.map((note) => note.number),
          `${doc.docId} ${doc.lang}`,
        ).toEqual(accepted.footnotes.map((_, index) => index + 1));
      }
  });

  it('Annex 1 (2028-2031): the footnote of the deleted paragraph goes, and the clean copy numbers 1, 2, 3', () => {
    const zh = result.builds.find((b) => b.docId === 'res71-annex1-2028')!.versions.find((v) => v.lang === 'zh')!;
    expect(zh.footnotes.find((note) => note.id === 'fn2')!.change).toBe('deletion');
    expect(reading(zh, 'accepted').footnotes.map((note) => [note.id, note.number])).toEqual([
      ['fn1', 1],
      ['fn3', 2],
      ['fn4', 3],
    ]);
  });
});

describe('the writers', () => {
  it('come from the registry, each with its copies; every clean copy prints the accepted reading', async () => {
    expect(FORMATS).toEqual(['html', 'docx', 'pdf']);
    const copies = Object.fromEntries(
      await Promise.all(FORMATS.map(async (format) => [format, (await loadWriter(format)).copies] as const)),
    );
    expect(copies.html!.map((copy) => copy.name)).toEqual([undefined]);
    expect(copies.docx!.map((copy) => [copy.name, copy.reading])).toEqual([
      ['tracked', undefined],
      ['marked', undefined],
      ['clean', 'accepted'],
    ]);
    expect(copies.pdf!.map((copy) => [copy.name, copy.reading])).toEqual([
      ['marked', undefined],
      ['clean', 'accepted'],
    ]);
  });
});
