/** A whole HTML page of a model, as the build writes it, for tests that look at the page rather than a fragment. */
import path from 'node:path';
import { completeModel } from '../../scripts/passes/index.js';
import { wordsOf } from '../../scripts/model/context.js';
import { loadLocale } from '../../scripts/i18n/locales.js';
import { loadWriter } from '../../scripts/render/writers.js';
import { loadStyleSheet } from '../../scripts/render/style-sheet.js';
import { loadFrameTemplates } from '../../scripts/render/frame.js';
import type { RenderContext } from '../../scripts/render/writer.js';
import type { Lang } from '../../scripts/i18n/languages.js';
import { build, paths, repoRoot } from './build.js';

const frames = loadFrameTemplates(path.join(repoRoot, 'templates'));

export function renderContext(assets: RenderContext['assets'] = new Map()): RenderContext {
  return {
    root: repoRoot,
    sheet: loadStyleSheet(path.join(repoRoot, 'templates')),
    locale: (lang) => loadLocale(paths.locales, lang),
    frame: (doc) => frames(doc.frame, doc.meta.type),
    fileOf: (doc, lang, format) => path.join(repoRoot, 'out', doc.docId, `${lang}.${format}`),
    assets,
  };
}

/** The page of a Markdown body (after the front matter); throws with the messages when it does not check. */
export async function pageOf(body: string, lang: Lang = 'en'): Promise<string> {
  const built = build(body, lang);
  if (!built.doc || built.messages.length) throw new Error(`the source has problems: ${built.messages.join('; ')}`);
  const doc = completeModel(built.doc, wordsOf(loadLocale(paths.locales, lang), built.file));
  const context = renderContext();
  const writer = await loadWriter('html');
  return String(await writer.create(context)(doc, writer.copies[0]!, context.fileOf(doc, lang, 'html', undefined)));
}
