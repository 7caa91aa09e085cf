/**
 * DOCX read back by readers nobody here wrote: pandoc for the tracked changes
 * and footnotes, LibreOffice for the layout, JSZip for the package itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, renderOutputs, type Output } from '../scripts/cli/pipeline.js';
import type { BlockNode, InlineNode } from '../scripts/model/types.js';
import { LANGS } from '../scripts/i18n/languages.js';
import { loadStyleSheet, twips } from '../scripts/render/style-sheet.js';
import { repoRoot } from './helpers/build.js';
import { corpusOutputs } from './helpers/corpus.js';
import { memoized } from './helpers/memo.js';

let outputs: Output[];
/** Annex 1 (2028-2031) in every language. */
let annex: Output[];
let dir: string;

beforeAll(async () => {
  outputs = await corpusOutputs({ docs: ['res71-proposal'] }, ['docx']);
  annex = await corpusOutputs({ docs: ['res71-annex1-2028'] }, ['docx']);
  dir = mkdtempSync(path.join(tmpdir(), 'hexaglot-docx-'));
  for (const output of outputs) writeFileSync(path.join(dir, path.basename(output.file)), output.content);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (lang: string, variant: string) => {
  const output = outputs.find((o) => o.doc.lang === lang && o.variant === variant)!;
  return { output, path: path.join(dir, path.basename(output.file)) };
};
const squash = (s: string) => s.replace(/[\s\u00a0]+/g, '');

/** The model's text with its changes accepted or rejected; with `cells`, table cells' too. */
function modelText(blocks: readonly BlockNode[], keep: 'insertion' | 'deletion', cells = false): string[] {
  const inline = (nodes: readonly InlineNode[]): string =>
    nodes
      .map((n) => {
        if (n.type === 'text' || n.type === 'callWord') return n.type === 'text' ? n.value : n.value;
        if (n.type === 'insertion' || n.type === 'deletion') return n.type === keep ? inline(n.children) : '';
        if (n.type === 'editorComment') return '';
        return 'children' in n ? inline(n.children) : '';
      })
      .join('');
  return blocks.flatMap((b): string[] => {
    if ('change' in b && b.change && b.change !== keep) return [];
    if (b.type === 'proposal') return modelText(b.children, keep, cells);
    if (b.type === 'list') return b.children.flatMap((item) => modelText(item.children, keep, cells));
    if (b.type === 'table' && cells)
      return [...b.head, ...b.body, ...b.foot].flatMap((row) => row.cells.flatMap((cell) => modelText(cell.children, keep, cells)));
    if (b.type === 'labelledParagraph') return [inline(b.label) + inline(b.children)];
    if (b.type === 'heading' || b.type === 'paragraph' || b.type === 'callWordParagraph') return [inline(b.children)];
    return [];
  });
}

/** The text of every deletion inside an insertion. */
function nestedDeletions(value: unknown, inInsertion = false): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => nestedDeletions(item, inInsertion));
  if (!value || typeof value !== 'object') return [];
  const node = value as { type?: string; children?: InlineNode[] };
  if (node.type === 'deletion' && inInsertion) return [plainText(node.children ?? [])];
  return Object.values(value).flatMap((child) => nestedDeletions(child, inInsertion || node.type === 'insertion'));
}

/** The figures printed from the document's data, in document order. */
function dataFigures(value: unknown): { ref: string; value: string }[] {
  if (Array.isArray(value)) return value.flatMap(dataFigures);
  if (!value || typeof value !== 'object') return [];
  const node = value as { type?: string; dataRef?: string; value?: string };
  if (node.type === 'text' && node.dataRef !== undefined) return [{ ref: node.dataRef, value: node.value ?? '' }];
  return Object.values(value).flatMap(dataFigures);
}

/** The words of pandoc's JSON in reading order, footnotes left out (pandoc puts them where they are called). */
function pandocText(node: unknown): string {
  if (Array.isArray(node)) return node.map(pandocText).join('');
  if (!node || typeof node !== 'object') return '';
  const { t, c } = node as { t?: string; c?: unknown };
  if (t === 'Str') return c as string;
  if (t === 'Space' || t === 'SoftBreak' || t === 'LineBreak') return ' ';
  if (t === 'Note') return '';
  if (t === undefined) return pandocText((node as { blocks?: unknown }).blocks);
  return pandocText(c);
}

/** The plain text of inline nodes, as a Word comment holds an editor's comment. */
const plainText = (nodes: readonly InlineNode[]): string =>
  nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plainText(n.children) : '')).join('');

/** pandoc's reading of a DOCX, once per file and way of reading it (the files do not change once written). */
const pandoc = memoized((docx: string, changes: 'accept' | 'reject' | 'all', to: 'plain' | 'json'): string => {
  const text = execFileSync('pandoc', ['-f', 'docx', `--track-changes=${changes}`, '-t', to, '--wrap=none', docx], { encoding: 'utf8' });
  // Plain text marks a footnote reference as [1]; the model's text has no mark there.
  return to === 'plain' ? text.replace(/\[\d+\]/g, '') : text;
});

describe('DOCX', () => {
  it.each(LANGS)('%s: pandoc reads back every insertion and deletion with its author, and every footnote', (lang) => {
    const { path: docx, output } = file(lang, 'tracked');
    const json = JSON.parse(pandoc(docx, 'all', 'json')) as unknown;
    const found: Record<string, number> = {};
    const authors = new Set<string>();
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const node = x as { t?: string; c?: unknown };
        if (node.t === 'Span') {
          const [, classes, attributes] = (node.c as [[string, string[], [string, string][]]])[0];
          // A comment's reference run on changed text is tracked with the change: pandoc reads it as a change holding nothing.
          const empty = (node.c as [unknown, unknown[]])[1].length === 0;
          if (!empty) for (const c of classes) found[c] = (found[c] ?? 0) + 1;
          for (const [k, v] of attributes) if (k === 'author') authors.add(v);
        }
        if (node.t === 'Note') found.note = (found.note ?? 0) + 1;
        Object.values(node).forEach(walk);
      }
    };
    walk(json);
    const count = (kind: 'insertion' | 'deletion') => {
      let n = 0;
      const visit = (nodes: readonly InlineNode[]) =>
        nodes.forEach((node) => (node.type === kind ? n++ : 'children' in node && visit(node.children)));
      const blocks = (list: readonly BlockNode[]): void =>
        list.forEach((b) => {
          if ('label' in b && b.label) visit(b.label);
          if (b.type === 'proposal') blocks(b.children);
          else if (b.type === 'list') b.children.forEach((i) => blocks(i.children));
          else if (b.type === 'heading' || b.type === 'paragraph' || b.type === 'labelledParagraph' || b.type === 'callWordParagraph')
            visit(b.children);
        });
      blocks(output.doc.body);
      return n;
    };
    expect(found.insertion).toBe(count('insertion'));
    expect(found.deletion).toBe(count('deletion'));
    expect(found.note).toBe(output.doc.footnotes.length);
    expect([...authors]).toEqual(['ITU Council']);
  });

  it.each(LANGS)('%s: accepting the changes gives the new text, rejecting them the old', (lang) => {
    const { path: docx, output } = file(lang, 'tracked');
    for (const [changes, keep] of [
      ['accept', 'insertion'],
      ['reject', 'deletion'],
    ] as const) {
      const text = squash(pandoc(docx, changes, 'plain'));
      let from = 0;
      for (const paragraph of modelText(output.doc.body, keep).map(squash).filter(Boolean)) {
        const at = text.indexOf(paragraph, from);
        expect(at, `${lang} ${changes}: «${paragraph}» missing after ${from}`).toBeGreaterThanOrEqual(0);
        from = at + paragraph.length;
      }
    }
    // A wholly deleted paragraph is gone once the changes are accepted, and back when they are rejected.
    const deleted = squash(modelText(output.doc.body, 'deletion').find((p) => !modelText(output.doc.body, 'insertion').includes(p))!);
    expect(squash(pandoc(docx, 'accept', 'plain'))).not.toContain(deleted);
    const inserted = squash(modelText(output.doc.body, 'insertion').find((p) => !modelText(output.doc.body, 'deletion').includes(p))!);
    expect(squash(pandoc(docx, 'reject', 'plain'))).not.toContain(inserted);
  });

  it('tracks the paragraph mark of a wholly inserted or deleted paragraph, so that Word removes the paragraph itself', async () => {
    const xml = await (await JSZip.loadAsync(readFileSync(file('en', 'tracked').path))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(
      /<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:ins w:id="\d+" w:author="ITU Council" w:date="2022-01-01T00:00:00Z"\/><\/w:rPr><\/w:pPr>/s,
    );
    expect(xml).toMatch(
      /<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del w:id="\d+" w:author="ITU Council" w:date="2022-01-01T00:00:00Z"\/><\/w:rPr><\/w:pPr>/s,
    );
  });

  it('writes the clean copy as the tracked copy with every change accepted, and the marked copy without revisions', async () => {
    for (const lang of LANGS) {
      expect(squash(pandoc(file(lang, 'clean').path, 'all', 'plain'))).toBe(squash(pandoc(file(lang, 'tracked').path, 'accept', 'plain')));
      const marked = await (await JSZip.loadAsync(readFileSync(file(lang, 'marked').path))).file('word/document.xml')!.async('string');
      expect(marked).not.toMatch(/<w:(ins|del) /);
      expect(marked).toMatch(/<w:strike\/>/);
      expect(marked).toMatch(/<w:u w:val="single"\/>/);
    }
  });

  it('sets Arabic upright: no run or style it uses is italic, while the English note is', async () => {
    const italic = async (lang: 'ar' | 'en') => {
      const zip = await JSZip.loadAsync(readFileSync(file(lang, 'tracked').path));
      const xml = await zip.file('word/document.xml')!.async('string');
      const styles = await zip.file('word/styles.xml')!.async('string');
      const used = new Set([...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]));
      const italicStyles = [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)".*?<\/w:style>/gs)]
        .filter((m) => /<w:iCs?\/>/.test(m[0]) && used.has(m[1]))
        .map((m) => m[1]);
      return { runs: /<w:iCs?\/>/.test(xml), styles: italicStyles };
    };
    expect(await italic('ar')).toEqual({ runs: false, styles: [] });
    expect((await italic('en')).styles).toContain('Note');
  });

  it('lays Arabic out right to left, the proposal line too (its action at the right margin, as in the HTML and PDF)', async () => {
    const xml = await (await JSZip.loadAsync(readFileSync(file('ar', 'tracked').path))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pStyle w:val="ProposalLine"\/><w:bidi\/>/);
    expect(xml).toMatch(/<w:bidi\/>/);
    expect(xml).toMatch(/<w:rtl\/>/);
    expect(xml).toMatch(/<w:bidiVisual\/>/);
  });

  it.each(LANGS)("%s: asks Word to hyphenate exactly where the PDF does (Latin and Cyrillic), by each run's language", async (lang) => {
    const settings = await (await JSZip.loadAsync(readFileSync(file(lang, 'marked').path))).file('word/settings.xml')!.async('string');
    const hyphenated = lang === 'en' || lang === 'fr' || lang === 'es' || lang === 'ru';
    expect(settings.includes('<w:autoHyphenation/>')).toBe(hyphenated);
    expect(settings.includes('<w:consecutiveHyphenLimit w:val="2"/>')).toBe(hyphenated);
    expect(settings).not.toMatch(/autoHyphenation w:val="false"/);
  });

  it('hangs dashes and labels in table cells by the narrower table indent, aligns cells as they say, fits columns to their contents', async () => {
    const tracked = annex.find((o) => o.doc.lang === 'en' && o.variant === 'tracked');
    const zip = await JSZip.loadAsync(tracked!.content);
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const { indent } = loadStyleSheet(path.join(repoRoot, 'templates'));
    expect(styles).toMatch(
      new RegExp(`w:styleId="TableEnumeration".*?<w:ind w:start="${indent.tableLabel}" w:hanging="${indent.tableLabel}"/>`, 's'),
    );
    const cells = xml.match(/<w:tc>.*?<\/w:tc>/gs) ?? [];
    const dashes = cells.flatMap((cell) => cell.match(/<w:p>(?:(?!<\/w:p>).)*?<w:t xml:space="preserve">–\t/gs) ?? []);
    expect(dashes.length).toBeGreaterThan(50);
    for (const paragraph of dashes) expect(paragraph).toContain('<w:pStyle w:val="TableEnumeration"/>');
    // The allocation table's figures are aligned to the right, as their cells say; the text is not.
    for (const figure of ['99\u00a0892', '646\u00a0956']) {
      const at = xml.indexOf(figure);
      expect(at).toBeGreaterThan(0);
      expect(xml.slice(xml.lastIndexOf('<w:p>', at), at)).toContain('<w:jc w:val="end"/>');
    }
    const text = xml.indexOf('Digital applications</w:t>', xml.indexOf('99\u00a0892'));
    expect(xml.slice(xml.lastIndexOf('<w:p>', text), text)).not.toContain('<w:jc ');
    // Columns fitted to their contents: the thematic priorities' column is wider than a column of figures.
    const grid = [...xml.slice(xml.lastIndexOf('<w:tblGrid>', xml.indexOf('99\u00a0892'))).matchAll(/<w:gridCol w:w="(\d+)"\/>/g)]
      .slice(0, 4)
      .map((m) => Number(m[1]));
    expect(grid[0]).toBeGreaterThan(3 * grid[1]!);
    // With the PDF's cell padding, so the fitted columns have the same room.
    const padding = String(twips(loadStyleSheet(path.join(repoRoot, 'templates')).spacing.cellPadding));
    expect(xml).toContain(`<w:tblCellMar><w:top w:type="dxa" w:w="${padding}"/><w:left w:type="dxa" w:w="${padding}"/>`);
  });

  it.each(LANGS)('%s Annex 1: the clean copy holds every heading, paragraph and table cell, as pandoc reads it', async (lang) => {
    const clean = annex.find((o) => o.doc.lang === lang && o.variant === 'clean')!;
    const docx = path.join(dir, `annex-${lang}.docx`);
    writeFileSync(docx, clean.content);
    const text = squash(pandocText(JSON.parse(pandoc(docx, 'all', 'json')) as unknown));
    const wanted = modelText(clean.doc.body, 'insertion', true).map(squash).filter(Boolean);
    // Table cells included: far more than the paragraphs outside tables.
    expect(wanted.length).toBeGreaterThan(modelText(clean.doc.body, 'insertion').length + 200);
    for (const paragraph of wanted) expect(text.includes(paragraph), paragraph).toBe(true);
  });

  it.each(LANGS)(
    '%s Annex 1: accepting the tracked changes gives the accepted reading and rejecting them the rejected one, as pandoc reads them',
    async (lang) => {
      const tracked = annex.find((o) => o.doc.lang === lang && o.variant === 'tracked')!;
      const docx = path.join(dir, `annex-${lang}-tracked.docx`);
      writeFileSync(docx, tracked.content);
      // The annex nests a deletion in an insertion (`{++Appendix {--A--}B…++}`): Word's w:ins around w:del.
      const xml = await (await JSZip.loadAsync(tracked.content)).file('word/document.xml')!.async('string');
      expect(xml).toMatch(
        /<w:ins w:id="\d+" w:author="[^"]+" w:date="[^"]+"><w:del w:id="\d+"[^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText/,
      );
      for (const [changes, keep] of [
        ['accept', 'insertion'],
        ['reject', 'deletion'],
      ] as const) {
        const text = squash(pandocText(JSON.parse(pandoc(docx, changes, 'json')) as unknown));
        const wanted = modelText(tracked.doc.body, keep, true).map(squash).filter(Boolean);
        const missing = wanted.filter((paragraph) => !text.includes(paragraph));
        expect(missing, `${lang} ${changes}`).toEqual([]);
      }
      // A deletion kept inside its insertion would join the words around it: the accepted paragraph would be missing.
      expect(nestedDeletions(tracked.doc.body).length).toBeGreaterThan(0);
    },
  );

  it.each(LANGS)(
    '%s Annex 1: prints every figure of the document’s data as a field Word updates from the package’s properties',
    async (lang) => {
      const tracked = annex.find((o) => o.doc.lang === lang && o.variant === 'tracked')!;
      const zip = await JSZip.loadAsync(tracked.content);
      const xml = await zip.file('word/document.xml')!.async('string');
      const custom = (await zip.file('docProps/custom.xml')?.async('string')) ?? '';
      const figures = dataFigures(tracked.doc.body);
      expect(figures.length).toBeGreaterThanOrEqual(18);
      for (const { ref, value } of figures) {
        expect(xml).toContain(`<w:instrText> DOCPROPERTY &quot;${ref}&quot; </w:instrText>`);
        expect(custom).toMatch(new RegExp(`name="${ref.replaceAll('.', '\\.')}"><vt:lpwstr>${value}</vt:lpwstr>`));
      }
      // pandoc reads each figure: the field's result.
      const docx = path.join(dir, `annex-${lang}-figures.docx`);
      writeFileSync(docx, tracked.content);
      const text = pandoc(docx, 'accept', 'plain');
      for (const { value } of figures) expect(text).toContain(value);
    },
  );

  it.each(LANGS)(
    "%s: writes editors' comments as Word comments at their place in the tracked copy only, as pandoc reads them",
    async (lang) => {
      const { output, path: tracked } = file(lang, 'tracked');
      // The comments' text in document order (the proposal has them in its body only).
      const comments: string[] = [];
      const collect = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(collect);
        else if (value && typeof value === 'object') {
          const node = value as { type?: string; children?: InlineNode[] };
          if (node.type === 'editorComment') comments.push(plainText(node.children ?? []));
          else Object.values(value).forEach(collect);
        }
      };
      collect(output.doc.body);
      expect(comments.length).toBeGreaterThan(0);
      // pandoc reads a Word comment as a span of class comment-start holding its text, where the comment is anchored.
      const starts: [string, string, string, string][] = [];
      const walk = (x: unknown) => {
        if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object') {
          const node = x as { t?: string; c?: unknown };
          if (node.t === 'Span') {
            const [[, classes, attributes], content] = node.c as [[string, string[], [string, string][]], unknown];
            const attribute = (key: string) => attributes.find(([k]) => k === key)?.[1] ?? '';
            if (classes.includes('comment-start'))
              starts.push([attribute('id'), pandocText(content), attribute('author'), new Date(attribute('date')).toISOString()]);
          }
          Object.values(node).forEach(walk);
        }
      };
      walk(JSON.parse(pandoc(tracked, 'all', 'json')));
      const date = new Date(output.doc.meta.revisionDate).toISOString();
      expect(starts).toEqual(comments.map((text, id) => [String(id), text, output.doc.meta.revisionAuthor, date]));
      for (const variant of ['marked', 'clean']) {
        const zip = await JSZip.loadAsync(readFileSync(file(lang, variant).path));
        expect(zip.file('word/comments.xml')).toBeNull();
        expect(await zip.file('word/document.xml')!.async('string')).not.toContain('w:comment');
      }
    },
  );

  it('gives the same bytes for the same sources', async () => {
    const again = await renderOutputs(checkProject(repoRoot, { docs: ['res71-proposal'] }), ['docx']);
    for (const [index, output] of again.entries())
      expect(Buffer.compare(output.content as Buffer, outputs[index]!.content as Buffer)).toBe(0);
  });

  it('opens in LibreOffice, which converts every copy to a PDF with the text', () => {
    const result = spawnSync(
      'soffice',
      ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...outputs.map((o) => path.join(dir, path.basename(o.file)))],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    for (const output of outputs) {
      const pdf = path.join(dir, path.basename(output.file).replace(/\.docx$/, '.pdf'));
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('CL/39A4/1');
      // The running header of the second page (Latin in every language, so bidi cannot reorder it).
      expect(text).toContain(output.doc.frame.runningHeader);
    }
  }, 180_000);
});
