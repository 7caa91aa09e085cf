/**
 * Pages as the preview serves them (with the live-reload script, inject-live-reload.ts), kept while
 * their file is unchanged: a large page takes tens of milliseconds to parse, and is asked for again
 * by every reload that a style sheet or font it uses causes. A build renames a new file over the old,
 * so the inode, size and modification time together tell a new file from the one kept.
 */
import { open } from 'node:fs/promises';
import { injectLiveReload } from './inject-live-reload.js';

const KEPT_PAGES = 32;

export class ServedPages {
  private readonly kept = new Map<string, { version: string; html: string }>();

  async get(file: string): Promise<string> {
    // Stat and read through one handle, so that the version kept is the version read.
    const handle = await open(file, 'r');
    let version: string;
    let html: string;
    try {
      const stats = await handle.stat();
      version = `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
      const kept = this.kept.get(file);
      html = kept?.version === version ? kept.html : injectLiveReload(await handle.readFile('utf8'));
    } finally {
      await handle.close();
    }
    // A Map iterates in insertion order: kept last is asked for last, the first key longest ago.
    this.kept.delete(file);
    this.kept.set(file, { version, html });
    if (this.kept.size > KEPT_PAGES) this.kept.delete(this.kept.keys().next().value!);
    return html;
  }
}
