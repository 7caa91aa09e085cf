/**
 * The live-reload channel: every open page holds a Server-Sent Events stream, and each build's
 * written files are sent to all of them as paths under outDir ('/res71-proposal/PP22-39-A4-E.html').
 * Each page decides for itself whether they concern it.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

// Comments keep an idle stream from being dropped by anything in between.
const KEEP_ALIVE_MS = 20_000;

export class ReloadEvents {
  private readonly streams = new Set<ServerResponse>();
  /** Tells a page that reconnects whether it reached the same server or a new one. */
  private readonly serverId = randomUUID();
  private readonly keepAlive = setInterval(() => this.send(': keep-alive\n\n'), KEEP_ALIVE_MS).unref();

  open(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.write(`retry: 500\nevent: hello\ndata: ${this.serverId}\n\n`);
    this.streams.add(response);
    response.on('close', () => this.streams.delete(response));
  }

  /** `paths`: the written files, each as its path under outDir, starting with '/'. */
  reload(paths: readonly string[]): void {
    if (paths.length > 0) this.send(`event: reload\ndata: ${JSON.stringify(paths)}\n\n`);
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }

  private send(message: string): void {
    for (const stream of this.streams) stream.write(message);
  }
}
