/**
 * The preview of one saved language file: only that file read, built and checked on its own, and its
 * HTML page written as soon as it passes, before the document's full build (which checks it against
 * the other languages and makes the other formats) has started. The render context and the HTML
 * writer stay made from save to save; `forget` drops them when a template or locale changes.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { checkVersion } from '../../check/document.js';
import { hasErrors } from '../../diagnostics/report.js';
import { formatCharactersOf } from '../../i18n/format-characters.js';
import { loadLocale } from '../../i18n/locales.js';
import type { Lang } from '../../i18n/languages.js';
import { buildVersion, readDocumentMeta } from '../../model/build.js';
import { wordsOf } from '../../model/context.js';
import { loadDocumentData } from '../../model/data.js';
import { projectPaths } from '../../model/project.js';
import { completeModel } from '../../passes/index.js';
import { readTextFile } from '../../read/text.js';
import { createRenderContext, createWriter, renderBuilds, type Renderers } from '../pipeline.js';

export type Preview = { ok: true; file: string; content: string } | { ok: false; files: VFile[] };

let renderers: Promise<Renderers> | undefined;

export function forget(): void {
  renderers = undefined;
}

export async function previewPage(root: string, docId: string, lang: Lang): Promise<Preview> {
  const paths = projectPaths(root);
  const docDir = path.join(paths.content, docId);
  const { metaFile, meta } = readDocumentMeta(paths, docId);
  const data = loadDocumentData(docDir, root);
  const { file, text } = readTextFile(path.join(docDir, `${lang}.md`), root, formatCharactersOf(lang));
  const files = [metaFile, ...data.files, file];
  const built =
    meta && text !== undefined && !files.some(hasErrors) ? buildVersion(file, lang, meta, docId, docDir, paths, data) : undefined;
  if (!built || files.some(hasErrors)) return { ok: false, files };
  const version = completeModel(built, wordsOf(loadLocale(paths.locales, lang), file));
  checkVersion(version, file, paths);
  if (hasErrors(file)) return { ok: false, files };
  renderers ??= (async () => {
    const context = createRenderContext(root);
    return { context, writers: [await createWriter(context, 'html')] };
  })();
  const made = await renderers;
  made.context.assets = new Map();
  const [page] = await renderBuilds([{ versions: [version] }], [lang], made);
  return { ok: true, file: page!.file, content: String(page!.content) };
}
