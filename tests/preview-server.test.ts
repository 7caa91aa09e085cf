/**
 * The preview server (`hexaglot serve`): out/ on the loopback address, pages served with a live-reload
 * script their Content-Security-Policy admits (and nothing else more), reloading in Chromium when a
 * build writes them or a file they use; nothing outside out/ served, and no other host answered.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, PortInUseError, type PreviewServer } from '../scripts/cli/serve/index.js';
import { admitLiveReload, parsePolicy } from '../scripts/cli/serve/content-security-policy.js';
import { pageOf } from './helpers/render-page.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EVENTS = '/__hexaglot/events';

let root: string;
let outDir: string;
let server: PreviewServer;
let port: number;
const file = (relative: string) => path.join(outDir, relative);

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'hexaglot-preview-'));
  outDir = path.join(root, 'out');
  mkdirSync(path.join(outDir, 'doc', 'figures'), { recursive: true });
  mkdirSync(path.join(outDir, 'fonts'));
  // A page as the HTML writer makes it (its strict policy, style element by hash, ../fonts/fonts.css), with a figure.
  const page = (await pageOf('Text with “quotes” and ü.\n')).replace('</main>', '<p><img src="figures/f.svg" alt="f"></p></main>');
  writeFileSync(file('doc/E.html'), page);
  writeFileSync(file('doc/F.html'), page.replace('lang="en"', 'lang="fr"'));
  writeFileSync(file('fonts/fonts.css'), 'p { color: rgb(1, 2, 3); }\n');
  writeFileSync(
    file('doc/figures/f.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n',
  );
  writeFileSync(path.join(root, 'secret.txt'), 'secret\n');
  symlinkSync(path.join(root, 'secret.txt'), file('doc/leak.txt'));
  symlinkSync(root, file('up'));
  server = await startPreviewServer({ outDir });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with the path sent exactly as written (no URL normalisation) and any Host header. */
function get(rawPath: string, host = `127.0.0.1:${port}`): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path: rawPath, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

const policyOf = (tree: Root) => String((select('head > meta[http-equiv="Content-Security-Policy"]', tree) as Element).properties.content);
const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

describe('serving', () => {
  it('serves a page with the reload script before </body> and its policy admitting exactly that script and the event stream', async () => {
    const onDisk = readFileSync(file('doc/E.html'), 'utf8');
    const answer = await get('/doc/E.html');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');

    const served = fromHtml(answer.body);
    const scripts = selectAll('script', served);
    expect(scripts).toHaveLength(1);
    const script = scripts[0]!;
    expect(select('body > script:last-child', served)).toBe(script);
    expect(answer.body).toMatch(/<\/script>\n<\/body>/);
    const scriptText = (script.children[0] as Text).value;

    // The policy: still the first thing in the head after the charset, every directive as written, plus two.
    const written = parsePolicy(policyOf(fromHtml(onDisk)));
    const policy = parsePolicy(policyOf(served));
    expect(policy).toEqual([
      ...written,
      { name: 'script-src', sources: [`'${sha256(scriptText)}'`] },
      { name: 'connect-src', sources: ["'self'"] },
    ]);
    expect(written.find((directive) => directive.name === 'default-src')?.sources).toEqual(["'none'"]);
    expect((select('head > meta:nth-child(2)', served) as Element).properties.httpEquiv).toEqual(['Content-Security-Policy']);

    // Apart from the policy and the script, the served copy is the file's own text.
    const withoutScript = answer.body.replace(`<script>${scriptText}</script>\n`, '');
    const metaOf = (html: string) => {
      const meta = select('head > meta[http-equiv="Content-Security-Policy"]', fromHtml(html))!;
      return [meta.position!.start.offset!, meta.position!.end.offset!] as const;
    };
    const [servedStart, servedEnd] = metaOf(withoutScript);
    const [diskStart, diskEnd] = metaOf(onDisk);
    expect(withoutScript.slice(0, servedStart)).toBe(onDisk.slice(0, diskStart));
    expect(withoutScript.slice(servedEnd)).toBe(onDisk.slice(diskEnd));
    expect(readFileSync(file('doc/E.html'), 'utf8')).toBe(onDisk);
  });

  it('serves the other files as they are, uncached', async () => {
    const css = await get('/fonts/fonts.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css');
    expect(css.headers['cache-control']).toBe('no-store');
    expect(css.body).toBe(readFileSync(file('fonts/fonts.css'), 'utf8'));
    expect((await get('/doc/figures/f.svg')).headers['content-type']).toBe('image/svg+xml');
    expect((await get('/doc/figures/missing.svg')).status).toBe(404);
    expect((await get('/doc/E')).status).toBe(404);
  });

  it('lists the pages at /, one link each under its document, escaped and without script', async () => {
    writeFileSync(file('doc/<b>&amp.html'), '<!DOCTYPE html><title>x</title>\n');
    try {
      const answer = await get('/');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
      const tree = fromHtml(answer.body);
      expect(selectAll('script, b', tree)).toEqual([]);
      expect(toText(select('h2', tree)!)).toBe('doc');
      expect(selectAll('section li a', tree).map((link) => [link.properties.href, toText(link)])).toEqual([
        ['/doc/%3Cb%3E%26amp.html', '<b>&amp.html'],
        ['/doc/E.html', 'E.html'],
        ['/doc/F.html', 'F.html'],
      ]);
      expect((await get('/doc/%3Cb%3E%26amp.html')).status).toBe(200);
    } finally {
      rmSync(file('doc/<b>&amp.html'));
    }
  });

  it('serves nothing outside outDir', async () => {
    for (const rawPath of [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/doc/%2e%2e/%2e%2e/secret.txt',
      '/doc/..%2f..%2fsecret.txt',
      '/doc%2f..%2f..%2fsecret.txt',
      '/doc/..%5c..%5csecret.txt',
      '/doc/leak.txt',
      '/up/secret.txt',
      '/%00',
      '/%zz',
      '/doc/',
    ]) {
      const answer = await get(rawPath);
      expect(answer.status, rawPath).toBe(404);
      expect(answer.body, rawPath).not.toContain('secret');
    }
    expect(existsSync(path.join(root, 'secret.txt'))).toBe(true);
  });

  it('answers only requests addressed to a loopback name with its own port', async () => {
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await get('/doc/E.html', host)).status, host).toBe(200);
    }
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `localhost:${port + 1}`,
      'localhost',
      `127.0.0.2:${port}`,
      `localhost.:${port}`,
    ]) {
      const answer = await get('/doc/E.html', host);
      expect(answer.status, host).toBe(403);
      expect(answer.body, host).not.toContain('<html');
    }
    expect((await get(EVENTS, `evil.example:${port}`)).status).toBe(403);
  });

  it('listens on the loopback address only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
  });

  it('says which port is taken, and that --port picks another', async () => {
    const error: unknown = await startPreviewServer({ outDir, port }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toBe(
      `cannot serve the preview: port ${port} on 127.0.0.1 is in use by another program; --port picks another`,
    );
  });

  it('close() ends the open event streams', async () => {
    const other = await startPreviewServer({ outDir });
    const ended = new Promise<string>((resolve, reject) => {
      request({ host: '127.0.0.1', port: Number(new URL(other.url).port), path: EVENTS }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
          if (body.includes('event: hello')) void other.close();
        });
        response.on('end', () => resolve(body));
      })
        .on('error', reject)
        .end();
    });
    expect(await ended).toMatch(/^retry: \d+\nevent: hello\ndata: .+\n\n$/);
  });
});

describe('the policy change', () => {
  const hash = 'sha256-abc=';
  it.each([
    ["default-src 'none'; img-src 'self'", "default-src 'none'; img-src 'self'; script-src 'sha256-abc='; connect-src 'self'"],
    ["default-src 'self'; script-src 'none'", "default-src 'self'; script-src 'sha256-abc='"],
    ["default-src https:; connect-src 'none'", "default-src https:; connect-src 'self'; script-src https: 'sha256-abc='"],
    [
      "script-src 'self'; script-src-elem 'none'; connect-src https:",
      "script-src 'self' 'sha256-abc='; script-src-elem 'sha256-abc='; connect-src https: 'self'",
    ],
    ["script-src 'unsafe-inline'", "script-src 'unsafe-inline'"],
    ["script-src 'unsafe-inline' 'nonce-x'", "script-src 'unsafe-inline' 'nonce-x' 'sha256-abc='"],
    ["img-src 'self'", "img-src 'self'"],
  ])('%s', (policy, expected) => {
    expect(admitLiveReload(policy, hash)).toBe(expected);
  });
});

describe('live reload in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let loads = 0;
  const problems: string[] = [];

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
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
    page = await browser.newPage();
    page.on('load', () => loads++);
    // A CSP violation is reported on the console as an error.
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Resolves once the page (reloaded or new) holds its event stream again. */
  const connected = () => page.waitForResponse((response) => response.url().endsWith(EVENTS), { timeout: 15_000 });

  it('opens the page with its style sheet, figure and event stream, and no CSP violation or console error', async () => {
    const streaming = connected();
    await page.goto(`${server.url}doc/E.html`);
    await streaming;
    expect(loads).toBe(1);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main p')!).color)).toBe('rgb(1, 2, 3)');
    expect(await page.evaluate(() => (document.querySelector('img') as HTMLImageElement).naturalWidth)).toBe(10);
    expect(problems).toEqual([]);
  });

  it('reloads when the page, its style sheet or its figure is written, and not for another page', async () => {
    for (const written of ['doc/E.html', 'fonts/fonts.css', 'doc/figures/f.svg']) {
      const before = loads;
      const streaming = connected();
      const loaded = page.waitForEvent('load', { timeout: 15_000 });
      server.reload([path.join(root, 'elsewhere.html'), file(written)]);
      await loaded;
      await streaming;
      expect(loads, written).toBe(before + 1);
    }

    const before = loads;
    server.reload([file('doc/F.html'), path.join(root, 'secret.txt')]);
    await page.waitForTimeout(1500);
    expect(loads).toBe(before);
    expect(problems).toEqual([]);
  });

  it('picks up a changed file on reload, the file on disk keeping its policy', async () => {
    writeFileSync(file('fonts/fonts.css'), 'p { color: rgb(4, 5, 6); }\n');
    const streaming = connected();
    const loaded = page.waitForEvent('load', { timeout: 15_000 });
    server.reload([file('fonts/fonts.css')]);
    await loaded;
    await streaming;
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main p')!).color)).toBe('rgb(4, 5, 6)');
    expect(readFileSync(file('doc/E.html'), 'utf8')).not.toContain('<script');
    expect(problems).toEqual([]);
  });

  it('reconnects to a restarted server, and reloads (it may have missed builds)', async () => {
    const loaded = page.waitForEvent('load', { timeout: 30_000 });
    await server.close();
    await page.waitForTimeout(1500);
    const streaming = connected();
    server = await startPreviewServer({ outDir, port });
    await loaded;
    await streaming;
    problems.length = 0; // the refused connections while the server was down

    const reloaded = page.waitForEvent('load', { timeout: 15_000 });
    const again = connected();
    server.reload([file('doc/E.html')]);
    await reloaded;
    await again;
    expect(problems).toEqual([]);
  });
});
