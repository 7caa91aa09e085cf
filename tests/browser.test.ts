/**
 * Chromium renders the built HTML: right-to-left layout for Arabic, the
 * project's own web fonts loaded, revision marks drawn as ITU draws them.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { repoRoot } from './helpers/build.js';
import { corpusRoot } from './helpers/corpus.js';
import { loadStyleSheet } from '../scripts/render/style-sheet.js';
import { paragraphStyles } from '../scripts/render/paragraph-styles.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.woff2': 'font/woff2' };

/** Where the printed PDF goes. */
let folder: string;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
  folder = mkdtempSync(path.join(tmpdir(), 'hexaglot-browser-'));
  // The HTML as the build writes it, with its style sheets and web fonts: the corpus's out/.
  const out = path.join(corpusRoot(), 'out');
  server = createServer((request, response) => {
    const file = path.join(out, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function open(letter: string, file = `res71-proposal/PP22-39-A4-${letter}.html`) {
  const page = await browser.newPage({ viewport: { width: 900, height: 1300 } });
  await page.goto(`${base}/${file}`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

describe('HTML in Chromium', () => {
  it('lays out Arabic right to left, labels on the right, with the Arabic web font', async () => {
    const page = await open('A');
    const layout = await page.evaluate(() => {
      const paragraph = document.querySelector('p.labelled')!;
      const label = paragraph.querySelector('.label')!.getBoundingClientRect();
      const text = paragraph.querySelector('.label-text')!.getBoundingClientRect();
      return {
        direction: getComputedStyle(document.body).direction,
        labelRight: label.right,
        actionRight: document.querySelector('.proposal-action')!.getBoundingClientRect().right,
        idRight: document.querySelector('.proposal-id')!.getBoundingClientRect().right,
        textRight: text.right,
        arabicFont: document.fonts.check('16px "Noto Naskh Arabic"', 'القرار'),
        loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
      };
    });
    expect(layout.direction).toBe('rtl');
    expect(layout.actionRight).toBeGreaterThan(layout.idRight);
    expect(layout.labelRight).toBeGreaterThan(layout.textRight);
    expect(layout.loaded).toContain('Noto Naskh Arabic');
    await page.close();
  });

  it("hangs labelled paragraphs by the page's indent (the table's inside cells), as the DOCX and PDF do, and keeps a gap after a label wider than that", async () => {
    const sheet = loadStyleSheet(path.join(repoRoot, 'templates'));
    const page = await open('F', 'res71-annex1-2028/PP26-40-F.html');
    const gaps = await page.evaluate(() =>
      [...document.querySelectorAll('p.labelled')].map((paragraph) => {
        const label = paragraph.querySelector('.label')!;
        const range = document.createRange();
        range.selectNodeContents(label);
        const text = paragraph.querySelector('.label-text')!.getClientRects()[0]!;
        // From the label's last character (not its box) to the text.
        const gap = text.left - range.getBoundingClientRect().right;
        return {
          width: label.getBoundingClientRect().width,
          gap,
          renumbered: label.querySelector('del') !== null,
          inCell: paragraph.closest('td, th') !== null,
        };
      }),
    );
    // Twips to CSS pixels (96 per inch, 1440 twips per inch).
    const px = (twips: number) => (twips / 1440) * 96;
    expect(gaps.length).toBeGreaterThan(60);
    expect(gaps.some((g) => g.inCell)).toBe(true);
    for (const { width, gap, inCell } of gaps) {
      expect(width).toBeGreaterThanOrEqual(px(inCell ? sheet.indent.tableLabel : sheet.indent.label) - 0.5);
      expect(gap).toBeGreaterThan(3);
    }
    expect(gaps.some((g) => g.renumbered)).toBe(true);
    await page.close();
  });

  it('keeps each revision mark whole in Arabic: the deleted range right of the inserted one, not interleaved', async () => {
    const page = await open('A', 'res71-annex1-2028/PP26-40-A.html');
    const boxes = await page.evaluate(() => {
      const title = [...document.querySelectorAll('h2')].find((h) => h.querySelector('del') && h.querySelector('ins'))!;
      // One rectangle per mark: a mark split into pieces by the other's digits would give several.
      const rects = (selector: string) =>
        [...title.querySelector(selector)!.getClientRects()].map((r) => ({ left: r.left, right: r.right }));
      return { del: rects('del'), ins: rects('ins'), text: title.querySelector('del')!.textContent };
    });
    expect(boxes.text!.trim()).toBe('2027-2024');
    expect(boxes.del).toHaveLength(1);
    expect(boxes.ins).toHaveLength(1);
    expect(boxes.ins[0]!.right).toBeLessThanOrEqual(boxes.del[0]!.left + 0.5);
    await page.close();
  });

  it('never breaks (ITU-D) after its hyphen, at any width', async () => {
    const page = await open('E', 'res71-annex1-2028/PP26-40-E.html');
    const split = await page.evaluate(() => {
      const spans = [...document.querySelectorAll('main .nobr')].filter((s) => s.textContent === 'ITU-D');
      const found: string[] = [];
      for (const span of spans) {
        const paragraph = span.closest('p')!;
        for (let width = 120; width <= 700; width += 3) {
          paragraph.style.width = `${width}px`;
          if (span.getClientRects().length > 1) found.push(`${width}px`);
        }
      }
      return { spans: spans.length, found };
    });
    expect(split.spans).toBeGreaterThan(0);
    expect(split.found).toEqual([]);
    await page.close();
  });

  it('justifies Chinese without spreading the letters of a Latin word (WSIS)', async () => {
    const page = await open('C', 'res71-annex1-2028/PP26-40-C.html');
    const widths = await page.evaluate(() => {
      const width = (node: Text, at: number) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 4);
        return range.getBoundingClientRect().width;
      };
      const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
      const pairs: [number, number][] = [];
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf('WSIS');
        const paragraph = node.parentElement!.closest('p');
        if (at < 0 || !paragraph || getComputedStyle(paragraph).textAlign !== 'justify') continue;
        const justified = width(node, at);
        paragraph.style.textAlign = 'left';
        pairs.push([justified, width(node, at)]);
        paragraph.style.textAlign = '';
      }
      return pairs;
    });
    expect(widths.length).toBeGreaterThan(2);
    for (const [justified, natural] of widths) expect(justified).toBeCloseTo(natural, 0);
    await page.close();
  });

  it('draws insertions underlined and deletions struck through, with the Chinese web font', async () => {
    const page = await open('C');
    const styles = await page.evaluate(() => ({
      ins: getComputedStyle(document.querySelector('main ins')!).textDecorationLine,
      del: getComputedStyle(document.querySelector('main del')!).textDecorationLine,
      dash: getComputedStyle(document.querySelector('ul.dash > li')!, '::before').content,
      bullet: getComputedStyle(document.querySelector('ul.dash')!).listStyleType,
      loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
    }));
    expect(styles.ins).toBe('underline');
    expect(styles.del).toBe('line-through');
    expect(styles.dash).toBe('"–"');
    expect(styles.bullet).toBe('none');
    expect(styles.loaded).toContain('Noto Serif SC');
    await page.close();
  });

  it('prints with the running header and page number from the locale on the pages after the first', async () => {
    const page = await open('E');
    const pdf = path.join(folder, 'print.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    await page.close();
    const text = (first: number) =>
      spawnSync('pdftotext', ['-f', String(first), '-l', String(first), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text(1)).not.toContain('PP22/39(Add.4)-E');
    expect(text(1)).toContain('Addendum 4 to');
    expect(text(2)).toContain('PP22/39(Add.4)-E');
    expect(text(2)).toMatch(/-\s*2\s*-/);
  });

  it('prints call words in italic in English only', async () => {
    const en = await open('E');
    expect(await en.evaluate(() => getComputedStyle(document.querySelector('.call-word')!).fontStyle)).toBe('italic');
    await en.close();
    const zh = await open('C');
    expect(await zh.evaluate(() => getComputedStyle(document.querySelector('.call-word')!).fontStyle)).toBe('normal');
    await zh.close();
  });

  it('sets the working-translation note in italic in English and upright in Arabic', async () => {
    const style = async (letter: string) => {
      const page = await open(letter);
      const found = await page.evaluate(() => getComputedStyle(document.querySelector('.note')!).fontStyle);
      await page.close();
      return found;
    };
    expect(await style('E')).toBe('italic');
    expect(await style('A')).toBe('normal');
  });

  it('centres and bolds headings and table heads as the DOCX and PDF do, from the same paragraph styles', async () => {
    const sheet = loadStyleSheet(path.join(repoRoot, 'templates'));
    for (const [letter, lang] of [
      ['E', 'en'],
      ['A', 'ar'],
      ['C', 'zh'],
    ] as const) {
      const styles = paragraphStyles(sheet, lang);
      const page = await open(letter, `res71-annex1-2028/PP26-40-${letter}.html`);
      const look = (selector: string) =>
        page.evaluate((s) => {
          const style = getComputedStyle(document.querySelector(s)!);
          return {
            align: style.textAlign,
            bold: Number(style.fontWeight) >= 700,
            italic: style.fontStyle === 'italic',
            background: style.backgroundColor,
          };
        }, selector);
      const expected = (name: 'heading2' | 'heading3' | 'tableHead' | 'note') => ({
        align: styles[name].align,
        bold: styles[name].run.bold === true,
        italic: styles[name].run.italic === true,
      });
      expect(await look('main h2')).toMatchObject(expected('heading2'));
      expect((await look('main h2')).align).toBe('center');
      expect(await look('main h3')).toMatchObject(expected('heading3'));
      expect(await look('main th p')).toMatchObject({ ...expected('tableHead'), align: 'center', bold: true });
      expect((await look('main th')).background).toBe('rgba(0, 0, 0, 0)');
      // The working-translation note: italic in Latin script, upright in Arabic and Chinese.
      if (lang !== 'zh') expect(await look('header.frame .note')).toMatchObject({ ...expected('note'), italic: lang === 'en' });
      await page.close();
    }
  });
});
