/**
 * The pipeline behind `hexaglot build` and `hexaglot check`: select documents
 * and languages, build and check their models, and (for build) render every
 * requested format in memory before writing anything.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { buildDocument, listDocuments, projectPaths, type DocumentBuild, type ProjectPaths } from '../model/build.js';
import { hasErrors } from '../diagnostics/report.js';
import { checkLocales } from '../check/locales.js';
import { checkDocument } from '../check/document.js';
import { loadGlossary, type Glossary } from '../check/glossary-data.js';
import { completeModel, reading } from '../passes/index.js';
import { wordsOf } from '../model/context.js';
import { loadLocale } from '../i18n/locales.js';
import type { Lang } from '../i18n/languages.js';
import { loadStyleSheet } from '../render/style-sheet.js';
import { loadFrameTemplates } from '../render/frame.js';
import { FORMATS, loadWriter, type Format } from '../render/writers.js';
import type { Assets, Copy, Render, RenderContext } from '../render/writer.js';
import { outputFiles } from '../render/output-name.js';
import { checkRenderInputs } from '../render/inputs.js';
import type { Reading } from '../passes/index.js';
import type { ModelDocument } from '../model/types.js';
import { UsageError } from './usage-error.js';

export { FORMATS, type Format };
export type { Assets };

export interface Selection {
  docs?: string[] | undefined;
  langs?: Lang[] | undefined;
  formats?: Format[] | undefined;
}

export interface CheckResult {
  paths: ProjectPaths;
  /** The languages asked for; undefined for all. */
  langs: Lang[] | undefined;
  builds: DocumentBuild[];
  files: VFile[];
  ok: boolean;
}

export function checkProject(root: string, selection: Selection): CheckResult {
  const paths = projectPaths(root);
  const known = listDocuments(paths);
  for (const doc of selection.docs ?? []) {
    if (!known.includes(doc)) throw new UsageError(`unknown document "${doc}"; known documents: ${known.join(', ') || '(none)'}`);
  }
  // The words of every document come from the locales: with one unreadable, no document is built.
  const localeFiles = checkLocales(paths.locales, root);
  const glossary = loadGlossary(paths);
  const docs = selection.docs ?? known;
  const builds = localeFiles.some(hasErrors) ? [] : docs.map((doc) => checkDocumentOf(paths, doc, selection.langs, glossary));
  // What build reads besides the sources: templates, style sheet, fonts (for the document types checked).
  const types = builds.flatMap((build) => (build.meta ? [build.meta.type] : []));
  const files = [
    ...localeFiles,
    ...checkRenderInputs(root, types),
    ...(glossary ? [glossary.file] : []),
    ...builds.flatMap((b) => b.files),
  ];
  return { paths, builds, files, langs: selection.langs, ok: !files.some(hasErrors) };
}

/**
 * What every document's build reads besides its own sources, checked: the locales, the glossary, the
 * templates, style sheet and fonts (with the frame of each document type given).
 */
export function checkProjectInputs(root: string, documentTypes: readonly string[]): { files: VFile[]; ok: boolean } {
  const paths = projectPaths(root);
  const glossary = loadGlossary(paths);
  const files = [...checkLocales(paths.locales, root), ...checkRenderInputs(root, documentTypes), ...(glossary ? [glossary.file] : [])];
  return { files, ok: !files.some(hasErrors) };
}

/** One document built in the languages asked for (and its original), completed by the passes and checked. */
export function checkDocumentOf(paths: ProjectPaths, docId: string, langs: readonly Lang[] | undefined, glossary: Glossary | undefined) {
  const build = completedDocumentOf(paths, docId, langs);
  checkDocument(build, paths, glossary);
  return build;
}

/**
 * One document built and completed by the passes, not checked against its original: for commands
 * that read a translation still being made (an XLIFF export), whose blocks need not yet pair.
 */
export function completedDocumentOf(paths: ProjectPaths, docId: string, langs: readonly Lang[] | undefined): DocumentBuild {
  const build = buildDocument(paths, docId, langs);
  build.versions = build.versions.map((version) =>
    completeModel(version, wordsOf(loadLocale(paths.locales, version.lang), build.versionFiles.get(version.lang)!)),
  );
  return build;
}

export interface Output {
  /** The reading the copy prints: the marked model, or its accepted reading for a clean copy. */
  doc: ModelDocument;
  format: Format;
  /** The copy's name (`tracked`, `marked`, `clean`); undefined for a format's only copy. */
  variant?: string | undefined;
  file: string;
  content: string | Buffer;
}

/** The writers of the formats asked for, each made once with what it reads (templates, style sheet, fonts). */
export interface Renderers {
  context: RenderContext;
  writers: { format: Format; copies: readonly Copy[]; render: Render<Copy> }[];
}

export async function createRenderers(root: string, formats: readonly Format[], assets: Assets = new Map()): Promise<Renderers> {
  const context = createRenderContext(root, assets);
  return { context, writers: await Promise.all(formats.map((format) => createWriter(context, format))) };
}

/** What every writer is given: templates, style sheet, locales and output names, read once. */
export function createRenderContext(root: string, assets: Assets = new Map()): RenderContext {
  const paths = projectPaths(root);
  const frames = loadFrameTemplates(path.join(root, 'templates'));
  return {
    root,
    sheet: loadStyleSheet(path.join(root, 'templates')),
    locale: (lang) => loadLocale(paths.locales, lang),
    frame: (doc) => frames(doc.frame, doc.meta.type),
    fileOf: outputFiles(root),
    assets,
  };
}

/** A format's writer, loaded and made (its own templates and fonts read) for the context. */
export async function createWriter(context: RenderContext, format: Format): Promise<Renderers['writers'][number]> {
  const writer = await loadWriter(format);
  return { format, copies: writer.copies, render: writer.create(context) };
}

/** Which outputs to make: every one when undefined. */
export type Wanted = (lang: Lang, format: Format, copy: string | undefined) => boolean;

export async function renderBuilds(
  builds: readonly Pick<DocumentBuild, 'versions'>[],
  langs: readonly Lang[] | undefined,
  { context, writers }: Renderers,
  wanted: Wanted = () => true,
): Promise<Output[]> {
  const outputs: Output[] = [];
  for (const build of builds) {
    for (const doc of build.versions) {
      if (langs && !langs.includes(doc.lang)) continue;
      // Each reading is made once per version, for every copy that prints it.
      const readings = new Map<Reading | undefined, ModelDocument>([[undefined, doc]]);
      const readingOf = (which: Reading | undefined) => {
        if (!readings.has(which)) readings.set(which, reading(doc, which!));
        return readings.get(which)!;
      };
      for (const { format, copies, render } of writers) {
        for (const copy of copies) {
          if (!wanted(doc.lang, format, copy.name)) continue;
          const file = context.fileOf(doc, doc.lang, format, copy.name);
          const printed = readingOf(copy.reading);
          outputs.push({ doc: printed, format, variant: copy.name, file, content: await render(printed, copy, file) });
        }
      }
    }
  }
  return outputs;
}

export async function renderOutputs(result: CheckResult, formats: readonly Format[], assets: Assets = new Map()): Promise<Output[]> {
  return renderBuilds(result.builds, result.langs, await createRenderers(result.paths.root, formats, assets));
}
