/**
 * Golden files per construct, as pandoc keeps them: each folder of
 * tests/fixtures/constructs holds one small source per language (`en.md`,
 * `ar.md`) and what every stage makes of it — the model (model.json), the
 * HTML writer's fragment (html.html), the tracked DOCX's body
 * (document.xml) and the marked PDF's pages as the paginator decided them
 * (pdf-layout.json: each page's lines with their place, size and text, the
 * rules drawn, the footnotes at its foot). `UPDATE=1 npx vitest run tests/golden.test.ts` writes them
 * again; a changed golden file is read by eye before it is committed.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { build, paths, repoRoot, shape } from './helpers/build.js';
import { completeModel } from '../scripts/passes/index.js';
import { wordsOf } from '../scripts/model/context.js';
import { isLang } from '../scripts/i18n/languages.js';
import { loadLocale } from '../scripts/i18n/locales.js';
import { blocks, createState, footnotesToHast } from '../scripts/render/html/to-hast.js';
import { loadWriter } from '../scripts/render/writers.js';
import { loadStyleSheet } from '../scripts/render/style-sheet.js';
import { loadFrameTemplates } from '../scripts/render/frame.js';
import type { RenderContext } from '../scripts/render/writer.js';
import { layoutPdf } from '../scripts/render/pdf/index.js';
import { loadFontSet } from '../scripts/render/pdf/fonts.js';
import type { FlowItem } from '../scripts/render/pdf/boxes.js';
import type { ModelDocument } from '../scripts/model/types.js';

const FIXTURES = path.join(repoRoot, 'tests/fixtures/constructs');
const UPDATE = process.env.UPDATE === '1';

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(path.join(FIXTURES, entry.name))
      .filter((name) => name.endsWith('.md') && isLang(name.slice(0, -3)))
      .map((name) => ({ construct: entry.name, lang: name.slice(0, -3) as 'en' })),
  );

function model(construct: string, lang: 'en'): ModelDocument {
  const result = build(readFileSync(path.join(FIXTURES, construct, `${lang}.md`), 'utf8'), lang);
  expect(result.messages, `${construct}/${lang}.md`).toEqual([]);
  const doc = completeModel(result.doc!, wordsOf(loadLocale(paths.locales, lang), result.file));
  expect(result.file.messages, `${construct}/${lang}.md`).toEqual([]);
  return doc;
}

function golden(construct: string, name: string, actual: string): void {
  const file = path.join(FIXTURES, construct, name);
  if (UPDATE || !existsSync(file)) writeFileSync(file, actual);
  expect(actual, `${path.relative(repoRoot, file)} (UPDATE=1 writes it again)`).toBe(readFileSync(file, 'utf8'));
}

/** One element a line: enough to read a golden file and see what changed in a diff. */
const lines = (xml: string) => xml.replaceAll('><', '>\n<') + '\n';

const frames = loadFrameTemplates(path.join(repoRoot, 'templates'));
const fonts = loadFontSet(repoRoot);

/** Points to a hundredth: enough to see a change, and no float noise in a diff. */
const pt = (value: number) => Math.round(value * 100) / 100;

/** An item on a page as a reader would check it: where it stands, how tall it is, what it says and what is ruled. */
function placed(item: FlowItem, y: number) {
  const ops = [...item.ops, ...(item.parts ?? []).flatMap((part) => part.ops)];
  const text = ops.flatMap((op) => (op.kind === 'text' ? [op.text] : [])).join(' ');
  const rules = ops.flatMap((op) => (op.kind === 'rule' ? [[pt(op.x1), pt(op.y1 + y), pt(op.x2), pt(op.y2 + y)]] : []));
  return { top: pt(y), height: pt(item.height), ...(text ? { text } : {}), ...(rules.length ? { rules } : {}) };
}
const context: RenderContext = {
  root: repoRoot,
  sheet: loadStyleSheet(path.join(repoRoot, 'templates')),
  locale: (lang) => loadLocale(paths.locales, lang),
  frame: (doc) => frames(doc.frame, doc.meta.type),
  fileOf: () => path.join(repoRoot, 'out', 'golden'),
  assets: new Map(),
};

describe('golden files per construct', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(5));

  it.each(cases)('$construct ($lang): model', ({ construct, lang }) => {
    const doc = model(construct, lang);
    golden(construct, `${lang}.model.json`, JSON.stringify(shape({ body: doc.body, footnotes: doc.footnotes }), null, 1) + '\n');
  });

  it.each(cases)('$construct ($lang): HTML', ({ construct, lang }) => {
    const doc = model(construct, lang);
    const state = createState(loadLocale(paths.locales, lang), context.sheet);
    const html = toHtml([...blocks(doc.body, state), ...footnotesToHast(doc.footnotes, state)]);
    golden(construct, `${lang}.html`, lines(html));
  });

  it.each(cases)('$construct ($lang): tracked DOCX body', async ({ construct, lang }) => {
    const doc = model(construct, lang);
    const writer = await loadWriter('docx');
    const tracked = writer.copies.find((copy) => copy.name === 'tracked')!;
    const docx = (await writer.create(context)(doc, tracked, '')) as Buffer;
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:body>') + '</w:body>'.length);
    const footnotes = notes.slice(notes.indexOf('<w:footnote '));
    golden(construct, `${lang}.document.xml`, lines(body + footnotes));
  });

  it.each(cases)('$construct ($lang): PDF page layout', ({ construct, lang }) => {
    const doc = model(construct, lang);
    const layout = layoutPdf(doc, { locale: context.locale(lang), sheet: context.sheet, layout: context.frame(doc), fonts });
    const pages = layout.pages.map((page) => ({
      body: page.body.map(({ item, y }) => placed(item, y)),
      footnotes: page.notes.map(({ item, y }) => placed(item, y)),
    }));
    golden(construct, `${lang}.pdf-layout.json`, JSON.stringify(pages, null, 1) + '\n');
  });

  it('the DOCX font table names every face the styles use, with the character set Word substitutes by', async () => {
    const writer = await loadWriter('docx');
    const docx = (await writer.create(context)(model('rtl-marks', 'ar' as 'en'), writer.copies[0]!, '')) as Buffer;
    const zip = await JSZip.loadAsync(docx);
    const table = await zip.file('word/fontTable.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    for (const [name, charset] of [
      ['Times New Roman', '00'],
      ['SimSun', '86'],
      ['Traditional Arabic', 'B2'],
    ]) {
      expect(styles).toContain(`"${name}"`);
      expect(table).toContain(`<w:font w:name="${name}">`);
      expect(table).toMatch(new RegExp(`w:name="${name}">(<w:altName[^>]*/>)?<w:charset w:val="${charset}"/>`));
    }
  });
});
