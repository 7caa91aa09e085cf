/**
 * `build --watch` and `serve`: after each save, a moment after the last of a burst of changes (an editor's
 * save can touch a file several times), the saved language file's HTML page first (preview.ts), then the
 * incremental build of what the save touched. One round at a time; runs until interrupted. Each round
 * says how long after the save its files were on disk.
 */
import { existsSync, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import { LANGS, type Lang } from '../../i18n/languages.js';
import { failureReport } from '../exit-codes.js';
import { writeOutputs } from '../output-transaction.js';
import type { Selection } from '../pipeline.js';
import type { Io } from '../commands/context.js';

export interface WatchOptions {
  root: string;
  selection: Selection;
  io: Io;
  debug: boolean;
  /** The full build after a save: true when it passed. */
  build: () => Promise<{ ok: boolean; written: string[] }>;
  /** Told of every file written, preview or build (the preview server reloads the pages showing them). */
  onWritten?: (files: readonly string[]) => void;
}

const SETTLE_MS = 20;
const WATCHING = 'Watching content/, locales/ and templates/ for changes (Ctrl-C to stop).\n';

export async function watchProject(options: WatchOptions): Promise<never> {
  const { root, io } = options;
  const { out, err } = io;
  const folders = ['content', 'locales', 'templates'].map((name) => path.join(root, name)).filter((dir) => existsSync(dir));
  const preview = await import('./preview.js');
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let changed = new Set<string>();
  let savedAt = 0;
  const round = async (files: ReadonlySet<string>, since: number) => {
    const after = () => `${Math.round(performance.now() - since)} ms after the save`;
    const shown = [...files].map((file) => path.relative(process.cwd(), file)).join(', ');
    out.write(`\n${shown} changed: building again…\n`);
    if ([...files].some((file) => !file.startsWith(path.join(root, 'content') + path.sep))) preview.forget();
    for (const page of pagesToPreview(root, files, options.selection)) {
      const result = await preview.previewPage(root, page.docId, page.lang);
      if (!result.ok) continue; // the build that follows reports the problems
      writeOutputs(new Map([[result.file, result.content]]), io.fileSystem);
      options.onWritten?.([result.file]);
      out.write(`preview: ${path.relative(process.cwd(), result.file)} written ${after()}\n`);
    }
    const built = await options.build();
    options.onWritten?.(built.written);
    if (built.ok) out.write(`build done ${after()}\n`);
  };
  const onChange = (folder: string, name: string | null) => {
    if (changed.size === 0) savedAt = performance.now();
    changed.add(path.join(folder, name ?? ''));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const [files, since] = [changed, savedAt];
      changed = new Set();
      running = running.then(async () => {
        // A file removed or half-saved, or a full disk, must not end the watch: say what failed and wait for the next save.
        await round(files, since).catch((error: unknown) => err.write(`✗ ${failureReport(error, options.debug).text}`));
        out.write(WATCHING);
      });
    }, SETTLE_MS);
  };
  // Each folder on its own: a watch on a folder sees a file replaced by rename (as many editors save),
  // where a recursive watch may keep following the replaced file.
  for (const folder of folders.flatMap(subfolders)) watch(folder, (_event, name) => onChange(folder, name));
  out.write(WATCHING);
  // The first preview would load and compile the parser and the HTML writer: done now, on a page not written.
  const first = pagesToPreview(root, new Set(languageFiles(root)), options.selection)[0];
  if (first)
    running = running.then(() =>
      preview.previewPage(root, first.docId, first.lang).then(
        () => undefined,
        () => undefined,
      ),
    );
  return new Promise<never>(() => {});
}

/** The language files saved, of the documents and languages selected, when HTML is among the formats built. */
function pagesToPreview(root: string, files: ReadonlySet<string>, selection: Selection): { docId: string; lang: Lang }[] {
  if (selection.formats && !selection.formats.includes('html')) return [];
  return [...files].flatMap((file) => {
    const relative = path.relative(path.join(root, 'content'), file).split(path.sep);
    const [docId, name] = relative as [string, string | undefined];
    const lang = name?.endsWith('.md') ? (name.slice(0, -3) as Lang) : undefined;
    const selected =
      relative.length === 2 &&
      lang &&
      LANGS.includes(lang) &&
      (!selection.docs || selection.docs.includes(docId)) &&
      (!selection.langs || selection.langs.includes(lang));
    return selected && existsSync(file) ? [{ docId, lang }] : [];
  });
}

function languageFiles(root: string): string[] {
  const content = path.join(root, 'content');
  return existsSync(content) ? readdirSync(content).flatMap((doc) => LANGS.map((lang) => path.join(content, doc, `${lang}.md`))) : [];
}

function subfolders(dir: string): string[] {
  return [
    dir,
    ...readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => subfolders(path.join(dir, entry.name))),
  ];
}
