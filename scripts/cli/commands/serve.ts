/**
 * `hexaglot serve`: builds what changed, serves out/ on this machine only, and after each save builds
 * again (the saved page first) and reloads the pages open in the browser that show what was written.
 */
import path from 'node:path';
import { startPreviewServer } from '../serve/index.js';
import type { Selection } from '../pipeline.js';
import type { CommandContext } from './context.js';
import { runBuild } from './build.js';

export async function runServe(
  selection: Selection,
  options: { root: string; port: number; host: '127.0.0.1' | '::1' | 'localhost' },
  context: CommandContext,
): Promise<void> {
  const root = path.resolve(options.root);
  const server = await startPreviewServer({ outDir: path.join(root, 'out'), port: options.port, host: options.host });
  context.io.out.write(`Serving out/ at ${server.url} (this machine only); pages reload when a save changes them.\n`);
  await runBuild(selection, { root, watch: true }, context, (files) => server.reload(files));
}
