/**
 * The review page (out/<doc>/review.html) as an editorial committee opens it: from the disk, no server,
 * in Chromium. Every block at the same height in every language column, the bracketed passages listed
 * at the lines the sources have them, a language column hidden and shown again by its checkbox, and no
 * script error. `check --brackets` prints the same passages on the command line.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { checkCorpus, corpusRoot } from './helpers/corpus.js';
import { bracketReport } from '../scripts/cli/commands/check.js';
import { hexaglot } from './helpers/cli.js';
import { reviewOf } from '../scripts/check/review.js';
import { createRenderContext } from '../scripts/cli/pipeline.js';
import { createReviewRenderer } from '../scripts/render/html/review.js';
import { copyProject, editContent } from './helpers/project.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DOCS = ['res71-annex1-2028', 'res71-proposal'] as const;

let browser: Browser;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** The page opened from the file, with every console error and uncaught exception it gives. */
async function open(doc: string, hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${pathToFileURL(path.join(corpusRoot(), 'out', doc, 'review.html')).href}${hash}`);
  await page.evaluate(() => document.fonts.ready);
  return { page, errors };
}

/** Per row of the table, each visible cell's language, top and height. */
const cellBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('table.review > tbody > tr')].map((row) =>
      [...row.children]
        .filter((cell) => getComputedStyle(cell).display !== 'none')
        .map((cell) => {
          const box = cell.getBoundingClientRect();
          return { lang: cell.getAttribute('lang'), top: box.top, height: box.height };
        }),
    ),
  );

function expectAligned(rows: { lang: string | null; top: number; height: number }[][], langs: number): void {
  expect(rows.length).toBeGreaterThan(10);
  for (const [index, cells] of rows.entries()) {
    expect(cells, `row ${index + 1}`).toHaveLength(langs);
    for (const cell of cells) {
      expect(Math.abs(cell.top - cells[0]!.top), `row ${index + 1}, ${cell.lang}: top`).toBeLessThan(0.5);
      expect(Math.abs(cell.height - cells[0]!.height), `row ${index + 1}, ${cell.lang}: height`).toBeLessThan(0.5);
    }
  }
}

describe.each(DOCS)('the review page of %s in Chromium', (doc) => {
  it('has the six languages in columns, original first, every block at the same height in every column, no script error', async () => {
    const { page, errors } = await open(doc);
    const columns = await page.$$eval('table.review > thead th', (cells) => cells.map((cell) => cell.getAttribute('lang')));
    const original = checkCorpus({ docs: [doc] }).builds[0]!.meta!.originalLanguage;
    expect(columns[0]).toBe(original);
    expect([...columns].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expectAligned(await cellBoxes(page), 6);
    // Arabic right to left, the others left to right.
    const directions = await page.$$eval('table.review > tbody > tr:first-child > td', (cells) =>
      cells.map((cell) => [cell.getAttribute('lang'), getComputedStyle(cell).direction]),
    );
    for (const [lang, direction] of directions) expect(direction, lang!).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every bracketed passage at the line of its source file where its "[" stands, linked to its row', async () => {
    const { page, errors } = await open(doc);
    const entries = await page.$$eval('.bracket-language li', (items) =>
      items.map((item) => ({
        place: item.querySelector('a.place')!.textContent!,
        href: item.querySelector('a.place')!.getAttribute('href'),
        excerpt: item.querySelector('.excerpt')!.textContent!,
        lang: item.closest('.bracket-language')!.className.match(/col-(\w+)/)![1]!,
      })),
    );
    expect(entries.length).toBeGreaterThan(0);
    const sources = new Map<string, string[]>();
    for (const entry of entries) {
      const [file, line] = entry.place.split(':') as [string, string];
      expect(file).toBe(`${entry.lang}.md`);
      if (!sources.has(file)) sources.set(file, readFileSync(path.join(corpusRoot(), 'content', doc, file), 'utf8').split('\n'));
      // The line as it reads once its changes are accepted, editors' comments left out.
      const source = sources.get(file)![Number(line) - 1]!;
      const text = source.replace(/\{--.*?--\}|\{~~.*?~>|\{>>.*?<<\}/g, '').replace(/\{\+\+|\+\+\}|~~\}/g, '');
      expect(text, entry.place).toContain('[');
      // The passage's first words stand on that line (after the bracket; marks may cut in later).
      const words = [...entry.excerpt.slice(1)].slice(0, 2).join('');
      if (!words.startsWith(']')) expect(text, entry.place).toContain(words);
      // Its link leads to a row where the language's cell shades it.
      expect(entry.href, entry.place).toMatch(/^#row-\d+$/);
      const shaded = await page.$eval(`${entry.href} td.col-${entry.lang}`, (cell) => cell.querySelectorAll('mark.bracket').length);
      expect(shaded, entry.place).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hides a language column with its checkbox, from the keyboard, keeps it in the address, and shows it again', async () => {
    const { page, errors } = await open(doc);
    await page.focus('input[data-lang="ar"]');
    await page.keyboard.press('Space');
    const visible = (lang: string) =>
      page.$$eval(`.col-${lang}`, (cells) => cells.filter((cell) => getComputedStyle(cell).display !== 'none').length);
    expect(await visible('ar')).toBe(0);
    expect(await visible('en')).toBeGreaterThan(0);
    expect(new URL(page.url()).hash).toBe('#hide=ar');
    expectAligned(await cellBoxes(page), 5);
    // Opened at that address, the column is hidden from the start.
    const again = await open(doc, '#hide=ar,ru');
    expect(await again.page.$eval('input[data-lang="ru"]', (box) => (box as HTMLInputElement).checked)).toBe(false);
    expect(await again.page.$$eval('.col-ru', (cells) => cells.filter((cell) => getComputedStyle(cell).display !== 'none').length)).toBe(0);
    await again.page.close();
    await page.keyboard.press('Space');
    expect(await visible('ar')).toBeGreaterThan(0);
    expect(new URL(page.url()).hash).toBe('');
    expect([...errors, ...again.errors]).toEqual([]);
    await page.close();
  });
});

describe('check --brackets', () => {
  it('prints each bracketed passage at file:line:column, where its "[" stands, with the counts per language', () => {
    const result = checkCorpus({ docs: ['res71-proposal'] });
    const lines = bracketReport(result).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^res71-proposal: (\d+) bracketed passage\(s\) \(zh \d+, ar \d+, en \d+, fr \d+, ru \d+, es \d+\)$/);
    const passages = lines.slice(1);
    expect(passages).toHaveLength(Number(/: (\d+) bracketed/.exec(lines[0]!)![1]));
    for (const line of passages) {
      const [, file, row, column, excerpt] = /^(content\/res71-proposal\/\w\w\.md):(\d+):(\d+): (\[.*\])$/.exec(line) ?? [];
      expect(file, line).toBeDefined();
      const text = readFileSync(path.join(corpusRoot(), file!), 'utf8').split('\n')[Number(row) - 1]!;
      // An escaped bracket (`:n[\\[c)]`) is placed at its backslash, as every check places a character of an escape.
      expect(text.slice(Number(column) - 1), line).toMatch(/^\\?\[/);
      expect(excerpt!.endsWith(']'), line).toBe(true);
    }
    expect(passages).toContain('content/res71-proposal/en.md:27:25: [(Rev. Bucharest, 2022)]');
  });

  it('lists a lone "[" the source has (noted by an editor) as a passage not closed, before the passages inside it', () => {
    const lines = bracketReport(checkCorpus({ docs: ['res71-annex1-2028'] })).split('\n');
    const at = lines.findIndex((line) => line.startsWith('content/res71-annex1-2028/zh.md:193:30: [服务于电信/ICT[和数字公共基础设施的]'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toMatch(/ … \(not closed\)$/);
    expect(lines[at + 1]).toBe('content/res71-annex1-2028/zh.md:193:168: [和数字公共基础设施的]');
  });
});

describe('the review page in an incremental build', () => {
  it('is made by a build of every language, left alone by a build with nothing to do, and made again when any language changes', async () => {
    const project = copyProject();
    try {
      const build = (...extra: string[]) => hexaglot(project.root, ['build', '--doc', 'res71-proposal', '--format', 'html', ...extra]);
      const first = await build();
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/html +review {2}out\/res71-proposal\/review\.html/);
      const again = await build();
      expect(again.stdout).toContain('✓ 0 file(s) written; 7 up to date.');
      editContent(project.root, 'res71-proposal', 'ru.md', (text) => `${text}\n`);
      const after = await build();
      expect(after.code, after.stderr).toBe(0);
      expect(after.stdout).toMatch(/html +review {2}out\/res71-proposal\/review\.html/);
      expect(after.stdout).toMatch(/html +ru {2}out\/res71-proposal\/PP22-39-A4-R\.html/);
      expect(after.stdout).toContain('2 file(s) written');
      // A build of some languages leaves the page as it is (it shows them all).
      const some = await build('--lang', 'en');
      expect(some.stdout).not.toMatch(/review\.html/);
    } finally {
      project.remove();
    }
  });
});

describe('outdated translations on the review page', () => {
  it('a change to a paragraph of the original flags its counterpart in each language; marking one reviewed clears that one', async () => {
    const project = copyProject();
    try {
      const page = () => readFileSync(path.join(project.root, 'out/res71-proposal/review.html'), 'utf8');
      const flagged = () =>
        [...page().matchAll(/<td lang="(\w+)"[^>]*class="([^"]*)"[^>]*>/g)]
          .filter(([, , className]) => className!.split(' ').includes('outdated'))
          .map(([, lang]) => lang);
      const build = () => hexaglot(project.root, ['build', '--doc', 'res71-proposal', '--format', 'html']);
      expect((await build()).code).toBe(0);
      expect(flagged()).toEqual([]);
      editContent(project.root, 'res71-proposal', 'zh.md', (text) => text.replace('加强区域代表处的职能', '加强各区域代表处的职能'));
      const after = await build();
      expect(after.code, after.stderr).toBe(0);
      expect(flagged().sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru']);
      const status = await hexaglot(project.root, ['status', '--doc', 'res71-proposal', '--lang', 'fr']);
      const line = /fr\.md:(\d+): outdated/.exec(status.stdout)?.[1];
      expect(line, status.stdout).toBeDefined();
      const reviewed = await hexaglot(project.root, ['reviewed', '--doc', 'res71-proposal', '--lang', 'fr', '--line', line!]);
      expect(reviewed.code, reviewed.stderr).toBe(0);
      // The record is in the page's key: the page is made again, without the French flag.
      const again = await build();
      expect(again.stdout).toMatch(/review\.html/);
      expect(flagged().sort()).toEqual(['ar', 'en', 'es', 'ru']);
    } finally {
      project.remove();
    }
  });

  it('flags the cell of a block the status calls outdated, with a class and a visible badge, and no other', () => {
    const root = corpusRoot();
    const { versions } = checkCorpus({ docs: ['res71-proposal'] }).builds[0]!;
    const render = createReviewRenderer(createRenderContext(root));
    const file = path.join(root, 'out/res71-proposal/review.html');
    const none = render(reviewOf(versions), file);
    expect(none).not.toMatch(/class="[^"]*\boutdated\b/);
    // The French version of the original's first numbered paragraph outdated, every other block current.
    const flagged = render(
      reviewOf(versions, (lang, shape) => (lang === 'fr' && shape.key.startsWith('labelled:') ? 'outdated' : 'current')),
      file,
    );
    const cells = [...flagged.matchAll(/<td lang="(\w+)"[^>]*class="([^"]*)"[^>]*>(.*?)<\/td>/g)];
    const outdated = cells.filter(([, , className]) => className!.split(' ').includes('outdated'));
    expect(outdated.length).toBeGreaterThan(0);
    for (const [, lang, , content] of outdated) {
      expect(lang).toBe('fr');
      expect(content).toContain('<span class="badge">outdated</span>');
    }
  });
});
