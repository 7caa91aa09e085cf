/**
 * `hexaglot serve`'s server: out/ over HTTP on the loopback address, each page reloading itself in
 * the browser when a build writes it or a file it uses.
 *
 * - files come from sirv (no caching); HTML pages are served with the live-reload script and their
 *   Content-Security-Policy admitting it (served-page.ts), the files on disk untouched;
 * - `/` lists the documents' pages (index-page.ts); `/__hexaglot/events` is the reload channel
 *   (reload-events.ts);
 * - nothing outside outDir is served (resolve-file.ts), and only requests addressed to a loopback
 *   name are answered (host-check.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { isLoopbackHost } from './host-check.js';
import { INDEX_PAGE_POLICY, indexPage } from './index-page.js';
import { EVENTS_PATH } from './live-reload-script.js';
import { PortInUseError } from './port-in-use-error.js';
import { ReloadEvents } from './reload-events.js';
import { fileForRequest, isInside } from './resolve-file.js';
import { ServedPages } from './served-page.js';

export { PortInUseError } from './port-in-use-error.js';

export interface PreviewServer {
  /** 'http://127.0.0.1:4173/': the index page. */
  url: string;
  /**
   * Tells every open page that these files (absolute paths under outDir) were written; a page whose
   * own file, or a file it uses (style sheet, font, figure), is among them reloads.
   */
  reload(files: readonly string[]): void;
  /** Ends the open event streams and connections, and stops listening. */
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  outDir: string;
  /** 0 (the default): any free port. */
  port?: number;
  /** A loopback address only. */
  host?: '127.0.0.1' | '::1' | 'localhost';
}

const HTML_FILE = /\.html?$/i;

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const outDir = path.resolve(options.outDir);
  const host = options.host ?? '127.0.0.1';
  const events = new ReloadEvents();
  const pages = new ServedPages();
  // dev: every request reads the file as it is now, with Cache-Control: no-store; no guessed extensions.
  const files = sirv(outDir, { dev: true, extensions: [] });
  let port = 0;

  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (!isLoopbackHost(request.headers.host, port)) return plain(response, 403, 'Forbidden: the preview answers only to localhost.');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return plain(response, 405, 'Method not allowed.');
    }
    const pathname = (request.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (pathname === EVENTS_PATH) return events.open(response);
    if (pathname === '/') return html(response, await indexPage(outDir), INDEX_PAGE_POLICY);

    const requested = fileForRequest(outDir, pathname);
    if (!requested) {
      // Browsers ask for a favicon by themselves: no content rather than an error in the console.
      if (pathname === '/favicon.ico') return void response.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return plain(response, 404, 'Not found.');
    }
    if (HTML_FILE.test(requested.file)) return html(response, await pages.get(requested.file));
    // sirv finds the file again from the URL: give it the one checked above.
    request.url = requested.sirvPathname;
    files(request, response, () => plain(response, 404, 'Not found.'));
  };

  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (response.headersSent) response.destroy();
      else plain(response, missing ? 404 : 500, missing ? 'Not found.' : `Internal error: ${String(error)}`);
    });
  });

  port = await listen(server, options.port ?? 0, host);
  return {
    url: `http://${host === '::1' ? '[::1]' : host}:${port}/`,
    reload(written) {
      const paths = written
        .map((file) => path.resolve(file))
        .filter((file) => isInside(outDir, file) && file !== outDir)
        .map((file) => `/${path.relative(outDir, file).split(path.sep).join('/')}`);
      events.reload(paths);
    },
    async close() {
      events.close();
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeAllConnections();
      await closed;
    },
  };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host, { cause: error }) : error),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function html(response: ServerResponse, text: string, policy?: string): void {
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(policy ? { 'Content-Security-Policy': policy } : {}),
  });
  response.end(text);
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${text}\n`);
}
