/**
 * Every HTML page is locked down: a strict Content-Security-Policy (no script, no inline style but the
 * page's own style element by its hash, nothing loaded from elsewhere), no `style` attribute, document
 * ids that cannot clobber the names scripts read, and links only to the web and e-mail.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { chromium, type Browser } from 'playwright-core';
import type { Output } from '../scripts/cli/pipeline.js';
import { build } from './helpers/build.js';
import { corpusOutputs } from './helpers/corpus.js';
import { pageOf } from './helpers/render-page.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let outputs: Output[];

beforeAll(async () => {
  outputs = await corpusOutputs({ docs: ['res71-proposal', 'cwg-sfp-inputs'] }, ['html']);
});

const policyOf = (tree: Root) => String(select('meta[http-equiv=Content-Security-Policy]', tree)?.properties.content ?? '');

describe('the Content-Security-Policy of every page', () => {
  it('comes first in the head, before anything it governs', () => {
    for (const output of outputs) {
      const head = select('head', fromHtml(output.content))!;
      const elements = head.children.filter((node): node is Element => node.type === 'element');
      expect(elements[0]!.properties.charSet, output.file).toBe('utf-8');
      expect(elements[1]!.properties.httpEquiv, output.file).toEqual(['Content-Security-Policy']);
    }
  });

  it('allows no script, nothing from elsewhere, and only the style element written with the page', () => {
    for (const output of outputs) {
      const tree = fromHtml(output.content);
      const style = select('style', tree)!;
      const text = style.children.map((node) => (node.type === 'text' ? node.value : '')).join('');
      const hash = createHash('sha256').update(text).digest('base64');
      expect(policyOf(tree)).toBe(
        `default-src 'none'; style-src 'self' 'sha256-${hash}'; font-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'`,
      );
      expect(selectAll('script, style', tree)).toHaveLength(1);
    }
  });

  it('needs no inline style: no element has a style attribute or an event handler', () => {
    for (const output of outputs) {
      visit(fromHtml(output.content), 'element', (element: Element) => {
        const names = Object.keys(element.properties);
        expect(
          names.filter((name) => name === 'style' || /^on[A-Z]/.test(name)),
          `${output.file}: <${element.tagName}>`,
        ).toEqual([]);
      });
    }
  });

  it('gives table columns their widths by class', () => {
    const page = outputs.find((output) => output.doc.docId === 'cwg-sfp-inputs')!;
    const tree = fromHtml(page.content);
    const cols = selectAll('col', tree);
    expect(cols.length).toBeGreaterThan(10);
    const css = String(page.content);
    for (const col of cols) {
      const [name] = col.properties.className as string[];
      expect(css).toContain(`col.${name} { width: ${Number(name!.slice(2)) / 100}%; }`);
    }
  });
});

describe('ids on the page', () => {
  it('prefixes every id of the document, so that none is a name of window or document', async () => {
    const html = await pageOf(
      [
        ':anchor{#location}',
        '',
        'See [the table](#name) and [the figure](#document).',
        '',
        ':::table[Caption]{#name}',
        '- - a',
        ':::',
        '',
        '::figure[Picture]{#document alt="A picture"}',
        '',
      ].join('\n'),
    );
    const tree = fromHtml(html);
    const ids = selectAll('main [id]', tree).map((element) => String(element.properties.id));
    expect(ids).toEqual(['doc-location', 'doc-name', 'doc-document']);
    expect(selectAll('main a[href]', tree).map((link) => link.properties.href)).toEqual(['#doc-name', '#doc-document']);
  });
});

describe('links', () => {
  it.each([
    ['[click](javascript:alert(1))', 'javascript:alert(1)'],
    ['[click](JavaScript:alert(1))', 'JavaScript:alert(1)'],
    ['[click](<java\tscript:alert(1)>)', 'java\tscript:alert(1)'],
    ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ['[click](data:text/html;base64,PHNjcmlwdD4=)', 'data:text/html;base64,PHNjcmlwdD4='],
    ['[click](vbscript:msgbox)', 'vbscript:msgbox'],
    ['[click](file:///etc/passwd)', 'file:///etc/passwd'],
  ])('reports %s at its place instead of dropping it', (markdown, url) => {
    const { messages, doc } = build(`Before ${markdown} after.\n`, 'en');
    expect(messages).toEqual([
      `9:8 A link to "${url}" is not allowed: a link leads to a web page or an e-mail address. Link to an address that starts with http:, https:, mailto:, or write the text without a link`,
    ]);
    // The words of the link are kept, as text.
    expect(JSON.stringify(doc?.body)).not.toContain('"type":"link"');
  });

  it.each(['https://www.itu.int/md/S22-CL-C-0039/en', 'mailto:sg@itu.int', '#tab-goals', 'annex.html'])('accepts a link to %s', (url) => {
    expect(build(`See [this](${url}).\n`, 'en').messages).toEqual([]);
  });
});

describe('a page in Chromium', () => {
  let browser: Browser | undefined;
  let folder: string;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
    folder = mkdtempSync(path.join(tmpdir(), 'hexaglot-csp-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('opened from disk, loads its styles and fonts with nothing refused, and keeps window.location', async () => {
    // The page and its fonts where the build put them (the corpus's out/).
    const [output] = await corpusOutputs({ docs: ['cwg-sfp-inputs'], langs: ['zh'] }, ['html']);
    const tab = await browser!.newPage();
    const refused: string[] = [];
    tab.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) refused.push(message.text());
    });
    await tab.goto(pathToFileURL(output!.file).href);
    const state = await tab.evaluate(async () => {
      await document.fonts.ready;
      return {
        loaded: [...document.fonts].filter((face) => face.status === 'loaded').length,
        location: typeof window.location.href,
        columns: [...document.querySelectorAll('col')].filter((col) => getComputedStyle(col).width !== 'auto').length,
      };
    });
    expect(refused).toEqual([]);
    expect(state.loaded).toBeGreaterThan(0);
    expect(state.location).toBe('string');
    expect(state.columns).toBeGreaterThan(10);
    await tab.close();
  });

  it('refuses a script and a style attribute that got into a page', async () => {
    const html = (await pageOf('Text.\n')).replace(
      '<main>',
      '<main><script>document.title = "ran"</script><p id="probe" style="color: red">x</p>',
    );
    const file = path.join(folder, 'probe.html');
    writeFileSync(file, html);
    const tab = await browser!.newPage();
    await tab.goto(pathToFileURL(file).href);
    const state = await tab.evaluate(() => ({ title: document.title, colour: getComputedStyle(document.getElementById('probe')!).color }));
    expect(state.title).not.toBe('ran');
    expect(state.colour).not.toBe('rgb(255, 0, 0)');
    await tab.close();
  });
});
