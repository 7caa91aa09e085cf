/**
 * The summary box of a Council document (`::::summary` with `:::part{key=…}`): parsed into the model
 * with its part titles from the locale, compared by the parity check, and boxed in every format.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { checkProject, type Output } from '../scripts/cli/pipeline.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import type { Summary } from '../scripts/model/types.js';
import { LANGUAGES } from '../scripts/i18n/languages.js';
import { loadLocale } from '../scripts/i18n/locales.js';
import { loadStyleSheet } from '../scripts/render/style-sheet.js';
import { paragraphStyles } from '../scripts/render/paragraph-styles.js';
import { loadFontSet } from '../scripts/render/pdf/fonts.js';
import { blocks } from '../scripts/render/pdf/blocks.js';
import type { LayoutContext } from '../scripts/render/pdf/paragraph.js';
import type { FlowItem, RuleOp, TextOp } from '../scripts/render/pdf/boxes.js';
import { paginate } from '../scripts/render/pdf/paginate.js';
import { build, paths, repoRoot } from './helpers/build.js';
import { corpusOutputs } from './helpers/corpus.js';
import { copyProject } from './helpers/project.js';

const BOX = [
  '::::summary',
  ':::part{key=purpose}',
  '本文件总结了工作。',
  ':::',
  '',
  ':::part{key=actionRequired}',
  '请理事会审议[^a]。',
  ':::',
  '::::',
  '',
  '[^a]: 注释。',
].join('\n');

const summaryOf = (body: string) => build(body).doc?.body.find((b): b is Summary => b.type === 'summary');

describe('summary in the model', () => {
  it('titles each part from the locale and keeps its text and footnotes', () => {
    const summary = summaryOf(BOX)!;
    expect(summary.parts.map((p) => [p.key, p.title])).toEqual([
      ['purpose', '目的'],
      ['actionRequired', '理事会需采取的行动'],
    ]);
    expect(summary.parts[1]!.children[0]).toMatchObject({ type: 'paragraph' });
    expect(build(BOX).messages).toEqual([]);
  });

  it('reports an unknown part, text outside the parts and a part outside a summary, at their lines', () => {
    const unknown = build('::::summary\n:::part{key=mood}\n文字\n:::\n::::').messages;
    expect(unknown).toEqual([expect.stringMatching(/^7:1 Unknown summary part "mood". Use one of: purpose, actionRequired,/)]);
    expect(build('::::summary\n文字\n::::').messages).toEqual([expect.stringMatching(/^7:1 A summary holds only its parts/)]);
    expect(build(':::part{key=purpose}\n文字\n:::').messages).toEqual([expect.stringMatching(/^6:1 `:::part` outside a summary/)]);
  });

  it('has every part title in every locale', () => {
    for (const lang of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
      expect(loadLocale(paths.locales, lang).keys('summary'), lang).toEqual(loadLocale(paths.locales, 'en').keys('summary'));
    }
  });
});

describe('summary in the parity check', () => {
  it('names a part the translation lacks', () => {
    const project = copyProject();
    try {
      const en = path.join(project.root, 'content/council-report-c26/en.md');
      const text = readFileSync(en, 'utf8');
      const start = text.indexOf(':::part{key=financialImplications}');
      const end = text.indexOf(':::part{key=references}');
      writeFileSync(en, text.slice(0, start) + text.slice(end));
      const result = checkProject(project.root, { docs: ['council-report-c26'] });
      expect(formatMessages(result.files)).toMatch(/summary part "financialImplications" has no counterpart in en\.md/);
    } finally {
      project.remove();
    }
  });
});

describe('summary in every format', () => {
  let outputs: Output[];
  beforeAll(async () => {
    expect(formatMessages(checkProject(repoRoot, { docs: ['council-report-c26'] }).files)).toBe('');
    outputs = await corpusOutputs({ docs: ['council-report-c26'] }, ['html', 'docx']);
  }, 60_000);
  const output = (lang: string, format: string, variant?: string) =>
    outputs.find((o) => o.doc.lang === lang && o.format === format && o.variant === variant)!;

  it('HTML: one boxed section, each part under its title, before the introduction', () => {
    const tree = fromHtml(String(output('en', 'html').content));
    const summary = select('main > section.summary', tree)!;
    expect(selectAll('.summary-title', summary).map((n) => toText(n))).toEqual([
      'Purpose',
      'Action required by the Council',
      'Relevant link with the Strategic Plan',
      'Financial implications',
      'References',
    ]);
    expect(select('.summary-part[data-key=actionRequired] .footnote-ref', summary)).toBeTruthy();
    expect(select('main > :first-child', tree)).toBe(summary);
    // The references are set apart by a rule across the box (styles.json box.ruleBefore).
    expect(String(output('en', 'html').content)).toMatch(/\.summary-part\[data-key="references"\] \{\s*border-top: 0\.75pt solid/);
  });

  it('DOCX: the parts in one bordered cell, the titles in the Summary title style', async () => {
    const zip = await JSZip.loadAsync(output('zh', 'docx', 'marked').content as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const box = /<w:tbl>(?:(?!<\/w:tbl>).)*目的(?:(?!<\/w:tbl>).)*<\/w:tbl>/s.exec(xml)?.[0];
    expect(box).toBeDefined();
    expect(box!.match(/<w:tc>/g)).toHaveLength(1);
    for (const side of ['top', 'bottom', 'left', 'right']) expect(box).toMatch(new RegExp(`<w:${side} w:val="single"`));
    expect(box!.match(/<w:pStyle w:val="SummaryTitle"\/>/g)).toHaveLength(5);
    // Only the references open with a rule across the box.
    const ruled = [...box!.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pBdr><w:top [^>]*\/>(?:(?!<\/w:p>).)*?<\/w:p>/gs)].map((m) => m[0]);
    expect(ruled).toHaveLength(1);
    expect(ruled[0]).toContain('参考文件');
    expect(box).toContain('参考文件');
  });

  const sheet = loadStyleSheet(path.join(repoRoot, 'templates'));
  const contextFor = (dir: 'ltr' | 'rtl'): LayoutContext => ({
    fonts: loadFontSet(repoRoot),
    sheet,
    lang: 'zh',
    dir,
    styles: paragraphStyles(sheet, 'zh'),
    spans: { callWord: { bold: true }, emphasis: { italic: false } },
    locale: loadLocale(paths.locales, 'zh'),
    ids: { next: 0 },
  });
  const summaryBlocks = () => {
    const result = checkProject(repoRoot, { docs: ['council-report-c26'], langs: ['zh'] });
    return result.builds[0]!.versions.find((v) => v.lang === 'zh')!.body.filter((b) => b.type === 'summary');
  };
  const textOf = (item: FlowItem) =>
    (item.parts ?? [])
      .flatMap((part) => part.ops)
      .filter((op): op is TextOp => op.kind === 'text')
      .map((op) => op.text)
      .join('');

  it('PDF: one item whose four rules enclose all the parts’ text, carrying the footnote', () => {
    const summary = summaryBlocks();
    for (const dir of ['ltr', 'rtl'] as const) {
      const context = contextFor(dir);
      const items = blocks(summary, context, { width: 400, indent: 0 }).filter((item) => !item.space);
      expect(items).toHaveLength(1);
      const [box] = items;
      const rules = box!.ops.filter((op): op is RuleOp => op.kind === 'rule');
      // The box's four sides and the rule across it before the references.
      expect(rules).toHaveLength(5);
      const xs = rules.flatMap((r) => [r.x1, r.x2]);
      const ys = rules.flatMap((r) => [r.y1, r.y2]);
      expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([0, 400, 0, box!.height]);
      const texts = box!.parts!.flatMap((part) => part.ops).filter((op): op is TextOp => op.kind === 'text');
      expect(texts.map((t) => t.text).join('')).toContain('参考文件');
      for (const text of texts) {
        expect(text.x, dir).toBeGreaterThan(0);
        expect(text.x + text.width, dir).toBeLessThan(400);
        expect(text.y).toBeGreaterThan(0);
        expect(text.y).toBeLessThan(box!.height);
      }
      expect(box!.footnotes).toEqual([1]);
      // A rule across the box, inside it, sets the references apart: above their title, below the text before.
      const across = rules.filter((r) => r.y1 === r.y2 && r.y1 > 0 && r.y1 < box!.height);
      expect(across).toHaveLength(1);
      const references = texts.find((t) => t.text.includes('参考文件'))!;
      expect(across[0]!.y1).toBeLessThan(references.y);
      expect(
        texts
          .filter((t) => t.y < across[0]!.y1)
          .map((t) => t.text)
          .join(''),
      ).toContain('财务影响');
      expect(new Set(box!.parts!.map((part) => part.path[0]!.type))).toEqual(new Set(['Div']));
    }
  });

  it('PDF: a box taller than the room left is cut between lines, the cut left open, its text all kept', () => {
    const [box] = blocks(summaryBlocks(), contextFor('ltr'), { width: 400, indent: 0 }).filter((item) => !item.space);
    const pages = paginate([box!], new Map([[1, []]]), { height: box!.height * 0.6, separator: 0 });
    expect(pages).toHaveLength(2);
    const pieces = pages.map((page) => page.body.map((placed) => placed.item).find((item) => item.tag?.type === 'Div')!);
    // The box's own top and bottom rules (a rule across the box inside a piece is neither).
    const horizontal = (item: FlowItem) =>
      item.ops
        .filter((op): op is RuleOp => op.kind === 'rule' && op.y1 === op.y2 && (op.y1 === 0 || op.y1 === item.height))
        .map((op) => (op.y1 === 0 ? 'top' : 'bottom'));
    expect(pieces.map(horizontal)).toEqual([['top'], ['bottom']]);
    expect(pieces.every((piece) => piece.height <= box!.height * 0.6)).toBe(true);
    expect(pieces.map(textOf).join('')).toBe(textOf(box!));
  });
});
