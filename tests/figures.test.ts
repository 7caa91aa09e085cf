/**
 * Figures with pictures: `src` resolves inside the document's folder only (no `..`, no absolute path,
 * no link leading out), the picture is a PNG or JPEG, copied beside the HTML and referenced relatively,
 * and embedded in the DOCX and the PDF. The pictures are tests/bad-input/outputs/chart.png (40 × 20)
 * and photo.jpg (30 × 60).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { main } from '../scripts/cli/main.js';
import { nodeFileSystem } from '../scripts/cli/output-transaction.js';
import { checkProject } from '../scripts/cli/pipeline.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import { build, repoRoot } from './helpers/build.js';
import { copyProject, fixtureMetadata } from './helpers/project.js';
import { hexaglot } from './helpers/cli.js';

const PICTURES = path.join(repoRoot, 'tests/bad-input/outputs');
const chart = readFileSync(path.join(PICTURES, 'chart.png'));
const photo = readFileSync(path.join(PICTURES, 'photo.jpg'));

/** A PNG whose header claims another size. */
function withSize(png: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(png);
  copy.writeUInt32BE(width, 16);
  copy.writeUInt32BE(height, 20);
  return copy;
}

let project: ReturnType<typeof copyProject>;
const docDir = () => path.join(project.root, 'content/figures-test');
const front = (lang: string) =>
  `---\nlang: ${lang}\ntitle: T\n${lang === 'zh' ? '' : 'translation:\n  status: working\n  from: zh\n'}---\n\n`;
/** A language file holding `figures` inside the proposal the metadata declares. */
const source = (lang: string, figures: string) => `${front(lang)}::::proposal{action=MOD id=CL/39A4/1}\n\n${figures}\n::::\n`;
const FIGURES = {
  zh: '::figure[图表]{#fig-chart src=chart.png alt="柱状图"}\n\n::figure[照片]{#fig-photo src=photo.jpg alt="照片"}\n',
  en: '::figure[Chart]{#fig-chart src=chart.png alt="A bar chart"}\n\n::figure[Photograph]{#fig-photo src=photo.jpg alt="A photograph"}\n',
};

function writeDocument(figures: Record<'zh' | 'en', string>): void {
  mkdirSync(path.join(docDir(), 'figures/en'), { recursive: true });
  const meta = fixtureMetadata(project.root, ['zh', 'en']).replace(/^base: .*\n/m, '');
  writeFileSync(path.join(docDir(), 'document.yaml'), meta);
  for (const lang of ['zh', 'en'] as const) writeFileSync(path.join(docDir(), `${lang}.md`), source(lang, figures[lang]));
}

beforeAll(() => {
  project = copyProject();
  writeDocument(FIGURES);
  // The chart is shared; English has a photograph of its own, Chinese the shared one.
  copyFileSync(path.join(PICTURES, 'chart.png'), path.join(docDir(), 'figures/chart.png'));
  copyFileSync(path.join(PICTURES, 'photo.jpg'), path.join(docDir(), 'figures/photo.jpg'));
  copyFileSync(path.join(PICTURES, 'photo.jpg'), path.join(docDir(), 'figures/en/photo.jpg'));
});
afterAll(() => project.remove());

describe('a figure with a picture, built', () => {
  const out = () => path.join(project.root, 'out/figures-test');
  beforeAll(async () => {
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    let errors = '';
    const err = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        errors += chunk.toString();
        done();
      },
    });
    const code = await main(['build', '--root', project.root, '--doc', 'figures-test'], { out: sink, err, fileSystem: nodeFileSystem });
    expect(code, errors).toBe(0);
  });

  it('copies the picture beside the HTML and points at the copy relatively', () => {
    for (const [letter, photoPath] of [
      ['C', 'figures/photo.jpg'],
      ['E', 'figures/en/photo.jpg'],
    ] as const) {
      const file = path.join(out(), `PP22-39-A4-${letter}.html`);
      const html = readFileSync(file, 'utf8');
      expect(html).not.toContain(project.root);
      const sources = selectAll('figure img', fromHtml(html)).map((img) => String(img.properties.src));
      expect(sources).toEqual(['figures/chart.png', photoPath]);
      for (const src of sources)
        expect(readFileSync(path.resolve(path.dirname(file), src)).equals(src.endsWith('.png') ? chart : photo)).toBe(true);
    }
  });

  it('embeds the pictures in every DOCX copy, with their alt text', async () => {
    for (const copy of ['tracked', 'marked', 'clean']) {
      const zip = await JSZip.loadAsync(readFileSync(path.join(out(), `PP22-39-A4-E-${copy}.docx`)));
      const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
      const bytes = await Promise.all(media.map((name) => zip.file(name)!.async('nodebuffer')));
      expect(bytes.some((b) => b.equals(chart)) && bytes.some((b) => b.equals(photo)), copy).toBe(true);
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toMatch(/<wp:docPr [^>]*descr="A bar chart"/);
      // 40 × 20 pixels at 96 to the inch, in EMU.
      expect(xml).toContain('<wp:extent cx="381000" cy="190500"/>');
    }
  });

  it('imports the tracked DOCX back with each figure’s src, in both languages', async () => {
    for (const [letter, lang] of [
      ['C', 'zh'],
      ['E', 'en'],
    ] as const) {
      const file = path.join(out(), `PP22-39-A4-${letter}-tracked.docx`);
      const run = await hexaglot(project.root, ['import', file, '--doc', 'figures-test', '--lang', lang]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.match(/^::figure.*$/gm)).toEqual([
        expect.stringMatching(/^::figure\[[^\]]+\]\{#fig-chart src=chart\.png alt=/),
        expect.stringMatching(/^::figure\[[^\]]+\]\{#fig-photo src=photo\.jpg alt=/),
      ]);
      const diff = await hexaglot(project.root, ['import', file, '--doc', 'figures-test', '--lang', lang, '--diff']);
      expect(diff.stdout).toBe('no change\n');
    }
  });

  it('draws the pictures in both PDF copies, tagged as figures', () => {
    for (const copy of ['marked', 'clean']) {
      const pdf = path.join(out(), `PP22-39-A4-E-${copy}.pdf`);
      const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
      const sizes = list
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'));
      // Each picture once; the PNG's transparency drawn as a soft mask of its own size.
      expect(
        sizes.filter((size) => size === '30x60'),
        copy,
      ).toHaveLength(1);
      expect(sizes.filter((size) => size === '40x20').length, copy).toBeGreaterThanOrEqual(1);
      expect(readFileSync(pdf, 'latin1')).toMatch(/\/S \/Figure[^]*?\/Alt/);
    }
  });
});

describe('a figure that is not a picture inside the document', () => {
  /** The messages of checking the document with `zh` as the original's figures (English mirrors them). */
  function problems(zh: string): string[] {
    writeDocument({ zh, en: zh });
    const result = checkProject(project.root, { docs: ['figures-test'], langs: ['zh'] });
    return formatMessages(result.files)
      .split('\n')
      .filter((line) => line.includes('zh.md'))
      .map((line) => line.replace(/^.*?zh\.md:/, ''));
  }
  afterAll(() => writeDocument(FIGURES));

  it.each([
    ['../../res71-proposal/zh.md', 'figure-outside', "is outside the document's figures folder"],
    ['/etc/passwd', 'figure-outside', "is outside the document's figures folder"],
    ['sub/../../zh.md', 'figure-outside', "is outside the document's figures folder"],
    ['nowhere.png', 'figure-missing', 'not found. Put it in figures/zh/nowhere.png or figures/nowhere.png'],
  ])('src=%s is an error at the figure (%s)', (src, rule, message) => {
    expect(problems(`::figure[图]{src="${src}" alt="图"}\n`)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^8:1: error: Figure file "${src.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" ${message.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.* \\[hexaglot:${rule}\\]$`,
        ),
      ),
    ]);
  });

  it("a link that leads out of the document's folder is an error; one that stays inside is followed", () => {
    const outside = path.join(project.root, 'outside.png');
    copyFileSync(path.join(PICTURES, 'chart.png'), outside);
    symlinkSync(outside, path.join(docDir(), 'figures/leak.png'));
    symlinkSync('chart.png', path.join(docDir(), 'figures/alias.png'));
    expect(problems('::figure[图]{src=leak.png alt="图"}\n')).toEqual([
      '8:1: error: Figure file "leak.png" is a link to a file outside the document\'s folder. Copy the picture itself into figures/leak.png [hexaglot:figure-outside]',
    ]);
    expect(problems('::figure[图]{src=alias.png alt="图"}\n')).toEqual([]);
  });

  it.each([
    ['notes.png', 'not a picture at all', 'is not a PNG or JPEG picture'],
    ['drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 'is not a PNG or JPEG picture'],
    ['header-only.png', chart.subarray(0, 20), 'is not a PNG or JPEG picture'],
    ['cut.png', chart.subarray(0, chart.length - 40), 'is a damaged PNG: its image data does not unpack'],
    [
      'damaged.png',
      Buffer.concat([chart.subarray(0, 45), Buffer.alloc(30, 0x55), chart.subarray(75)]),
      'is a damaged PNG: its image data does not unpack',
    ],
    ['huge.png', withSize(chart, 20_000, 20), 'is 20000 × 20 pixels, more than the 10000 a side a figure may have'],
  ])('%s is an error: only whole PNG and JPEG pictures are printed, alike in every format', (name, content, problem) => {
    writeFileSync(path.join(docDir(), 'figures', name), content);
    expect(problems(`::figure[图]{src=${name} alt="图"}\n`)).toEqual([
      `8:1: error: Figure file "${name}" ${problem}. Save it as PNG (drawings, charts) or JPEG (photographs): the HTML, DOCX and PDF print those alike [hexaglot:figure-format]`,
    ]);
  });

  it('keeps src as written in the model, and the picture found for it', () => {
    const { doc } = build('::figure[图]{src=chart.png alt="图"}\n', 'zh');
    const figure = doc?.body[0];
    expect(figure?.type === 'figure' && figure.src).toBe('chart.png');
  });
});
