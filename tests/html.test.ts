import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root as HastRoot } from 'hast';
import type { Output } from '../scripts/cli/pipeline.js';
import { missingSourceText } from './helpers/source-text.js';
import { LANGS } from '../scripts/i18n/languages.js';
import { repoRoot } from './helpers/build.js';
import { corpusOutputs, corpusRoot } from './helpers/corpus.js';
import { loadStyleSheet, points } from '../scripts/render/style-sheet.js';
import { columnShares, tableMeasure } from '../scripts/render/table-columns.js';

let pages: Map<string, { output: Output; tree: HastRoot }>;

beforeAll(async () => {
  pages = new Map(
    (await corpusOutputs({ docs: ['res71-proposal'] }, ['html'])).map((output) => [
      output.doc.lang,
      { output, tree: fromHtml(output.content) },
    ]),
  );
});

function page(lang: string) {
  const found = pages.get(lang);
  if (!found) throw new Error(`no HTML for ${lang}`);
  return found.tree;
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('HTML of the Resolution 71 proposal', () => {
  it.each(LANGS)('%s: sets lang and direction on the page', (lang) => {
    const html = select('html', page(lang))!;
    expect(html.properties.lang).toBe(lang);
    expect(html.properties.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  });

  it.each(LANGS)('%s: shows the proposal action and identifier, then the title with the change of place and year', (lang) => {
    const tree = page(lang);
    expect(toText(select('.proposal-action', tree)!)).toBe('MOD');
    expect(toText(select('.proposal-id', tree)!)).toBe('CL/39A4/1');
    const title = select('h1.resolutionTitle', tree)!;
    expect(selectAll('del', title).map((n) => toText(n))).toHaveLength(1);
    expect(selectAll('ins', title).map((n) => toText(n))).toHaveLength(1);
    expect(toText(select('del', title)!)).toContain('2018');
    expect(toText(select('ins', title)!)).toContain('2022');
  });

  it('writes the title in the case of each language: capitals in Latin and Cyrillic, Russian "г." kept in lower case', () => {
    const title = (lang: string) => normalize(toText(select('h1.resolutionTitle', page(lang))!));
    expect(title('en')).toBe('RESOLUTION 71 (REV. DUBAI, 2018BUCHAREST, 2022)');
    expect(title('fr')).toBe('RÉSOLUTION 71 (RÉV. DUBAÏ, 2018BUCAREST, 2022)');
    expect(title('ru')).toBe('РЕЗОЛЮЦИЯ 71 (ПЕРЕСМ. ДУБАЙ, 2018 г.БУХАРЕСТ, 2022 г.)');
    expect(title('zh')).toBe('第71号决议（2018年，迪拜2022年，布加勒斯特，修订版）');
  });

  it.each(LANGS)('%s: has the insertions, deletions and renumbered paragraphs of the seed', (lang) => {
    const tree = page(lang);
    const zh = page('zh');
    // The same number of marks as the Chinese original, in every language.
    expect(selectAll('main ins', tree)).toHaveLength(selectAll('main ins', zh).length);
    expect(selectAll('main del', tree)).toHaveLength(selectAll('main del', zh).length);
    // Paragraph 5 becomes 6: the old number struck through, the new one underlined.
    const renumbered = selectAll('p.labelled .label', tree).filter((label) => select('del', label) && select('ins', label));
    expect(renumbered.map((label) => `${toText(select('del', label)!)}→${toText(select('ins', label)!)}`)).toEqual([
      '5→6',
      '6→7',
      '2→1',
      '3→2',
      '4→3',
      '5→4',
    ]);
    expect(selectAll('p.labelled.block-deletion', tree).length).toBeGreaterThanOrEqual(5);
    expect(selectAll('p.labelled.block-insertion', tree).length).toBeGreaterThanOrEqual(10);
  });

  it.each(LANGS)('%s: links the footnote reference to the footnote at the foot', (lang) => {
    const tree = page(lang);
    const reference = select('sup.footnote-ref a', tree)!;
    expect(toText(reference)).toBe('1');
    expect(reference.properties.href).toBe('#fn-1');
    const note = select('aside.footnotes #fn-1', tree)!;
    expect(toText(note).length).toBeGreaterThan(20);
  });

  it.each(LANGS)('%s: prints the call words from the locale', (lang) => {
    const words = selectAll('p.call .call-word', page(lang)).map((n) => toText(n));
    const locale = JSON.parse(readFileSync(path.join(repoRoot, 'locales', lang, 'common.json'), 'utf8')) as {
      callWords: Record<string, string>;
    };
    expect(words[0]).toBe(locale.callWords.considering);
    expect(words).toContain(locale.callWords.invitesSectorMembers);
  });

  it.each(LANGS)('%s: every character of the source text reaches the HTML, in order', (lang) => {
    expectSourceText(path.join(repoRoot, 'content/res71-proposal', `${lang}.md`), page(lang));
  });

  it.each(LANGS)('%s: prints the dash list as an ITU dash list', (lang) => {
    expect(selectAll('ul.dash > li', page(lang))).toHaveLength(2);
  });

  it('keeps editor comments out of the official HTML', () => {
    for (const { output } of pages.values()) expect(output.content).not.toContain('{>>');
  });
});

/** Every text node of a Markdown source, in order, in the page's text. */
function expectSourceText(file: string, tree: HastRoot): void {
  const missing = missingSourceText(readFileSync(file, 'utf8'), tree);
  expect(missing, missing && `"${missing.text}" missing from the HTML of ${file} after offset ${missing.after}`).toBeUndefined();
}

describe('HTML of the other documents', () => {
  it('every document in every language: every character of the source text reaches the HTML, in order', async () => {
    const outputs = await corpusOutputs({}, ['html']);
    expect(outputs.length).toBe(30);
    for (const output of outputs) expectSourceText(path.join(corpusRoot(), output.doc.path), fromHtml(output.content));
  });

  it('links every page to the same document in its other languages, each named in its own language', async () => {
    const outputs = await corpusOutputs({ docs: ['res71-annex1-2028', 'council-report-c26'] }, ['html']);
    const files = new Set(outputs.map((o) => o.file));
    for (const output of outputs) {
      const nav = select('nav.languages', fromHtml(output.content))!;
      const links = selectAll('a', nav);
      expect(links.length, output.file).toBe(output.doc.meta.languages.length - 1);
      for (const link of links) expect(files.has(path.resolve(path.dirname(output.file), String(link.properties.href)))).toBe(true);
      expect(toText(select('[aria-current=page]', nav)!)).toBe(
        { ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español' }[output.doc.lang],
      );
    }
  });

  it('prints numbered headings with their number and list tables with their header rows', async () => {
    const [output] = await corpusOutputs({ docs: ['cwg-sfp-inputs'] }, ['html']);
    const tree = fromHtml(output!.content);
    expect(toText(select('h2 .heading-number', tree)!)).toBe('1');
    expect(selectAll('main table', tree)).toHaveLength(10);
    expect(selectAll('main table:first-of-type thead th', tree).map((th) => toText(th))).toEqual([
      '输入来源',
      '输入',
      'CWG-SFP\n文件号',
      'CWG-SFP指导意见',
    ]);
  });

  it('gives head cells their scope and tables their caption inside the table', async () => {
    const [output] = await corpusOutputs({ docs: ['res71-annex1-2020'], langs: ['en'] }, ['html']);
    const tree = fromHtml(output!.content);
    const heads = selectAll('main thead th', tree);
    expect(heads.length).toBeGreaterThan(0);
    for (const th of heads) expect(th.properties.scope).toBe(Number(th.properties.colSpan ?? 1) > 1 ? 'colgroup' : 'col');
    expect(selectAll('main td[scope]', tree)).toHaveLength(0);
    expect(toText(select('main table#doc-tab-2 > caption', tree)!)).toBe('Table 1: Targets');
    const captioned = output!.doc.body.filter((block) => block.type === 'table' && block.caption.length > 0);
    expect(captioned.length).toBeGreaterThan(5);
    expect(selectAll('main table > caption', tree)).toHaveLength(captioned.length);
  });

  it('gives each table the columns the DOCX and PDF fit to its contents', async () => {
    const [output] = await corpusOutputs({ docs: ['cwg-sfp-inputs'], langs: ['zh'] }, ['html']);
    const tree = fromHtml(output!.content);
    const sheet = loadStyleSheet(path.join(repoRoot, 'templates'));
    const measure = tableMeasure(sheet, points(sheet.page.width - sheet.page.margin.left - sheet.page.margin.right));
    const tables = output!.doc.body.filter((block) => block.type === 'table');
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      if (table.type !== 'table') continue;
      // Each column's class names its width in hundredths of a percent (`w-3333`: 33.33%).
      const widths = selectAll(`main table#doc-${table.id} > colgroup > col`, tree).map(
        (col) => Number(String((col.properties.className as string[])[0]).slice(2)) / 100,
      );
      expect(widths).toHaveLength(table.columns);
      columnShares(table, measure).forEach((share, index) => expect(widths[index]).toBeCloseTo(share * 100, 1));
    }
  });
});
