/**
 * One document's share of a build: its versions built and checked, then the outputs asked for
 * rendered in memory. Runs on a worker thread of the build's pool (worker.ts) or in the CLI's own
 * thread; either way each thread makes its writers (and parses their fonts) once.
 */
import path from 'node:path';
import { loadGlossary, type Glossary } from '../../check/glossary-data.js';
import { hasErrors } from '../../diagnostics/report.js';
import type { Lang } from '../../i18n/languages.js';
import { projectPaths, type ProjectPaths } from '../../model/build.js';
import type { Format } from '../../render/writers.js';
import type { Assets, RenderContext } from '../../render/writer.js';
import { checkDocumentOf, createRenderContext, createWriter, renderBuilds, type Renderers } from '../pipeline.js';
import { messagesOf, type FileMessages } from './messages.js';
import { outputId, REVIEW_OUTPUT, reviewed } from './output-id.js';
import { createReviewRenderer, type ReviewRenderer } from '../../render/html/review.js';
import { reviewOf } from '../../check/review.js';
import { translationStatusOf } from '../../check/translation-status.js';

export interface DocumentJob {
  root: string;
  docId: string;
  /** The languages selected; undefined for every language of the document. */
  langs: Lang[] | undefined;
  /** The formats to render, every copy of each in every language built… */
  formats: Format[];
  /** …but these outputs (`lang/format/copy`, copy empty for a format's only copy), which are up to date. */
  skip: string[];
  /** A hash of what the writers read (templates, style sheet, fonts, hexaglot): writers made for another are made again. */
  renderKey: string;
  /**
   * Set (to 1) by the first job whose document fails its check, and read by every job before it
   * renders: once one document has failed nothing will be written, so no other is rendered.
   */
  failed: Int32Array;
  /** A hash of the project's own sources (glossary, locales, templates): the glossary is read again when it changes. */
  projectKey: string;
}

export interface RenderedOutput {
  id: string;
  file: string;
  content: string | Uint8Array;
}

export interface DocumentResult {
  docId: string;
  files: FileMessages[];
  ok: boolean;
  /** The languages built and checked. */
  langs: Lang[];
  outputs: RenderedOutput[];
  /** The copies each format rendered makes (`''` for a format's only copy). */
  copies: Record<string, string[]>;
  assets: [string, string | { copyOf: string }][];
}

/** This thread's render context and writers, kept from job to job while what they read is unchanged. */
let cache: { key: string; context: RenderContext; writers: Map<Format, Promise<Renderers['writers'][number]>> } | undefined;
let glossary: { key: string; value: Glossary | undefined } | undefined;

async function renderersFor(job: DocumentJob, formats: readonly Format[]): Promise<Renderers> {
  const key = `${job.root}\n${job.renderKey}`;
  if (cache?.key !== key) cache = { key, context: createRenderContext(job.root), writers: new Map() };
  const { context, writers } = cache;
  for (const format of formats) if (!writers.has(format)) writers.set(format, createWriter(context, format));
  return { context, writers: await Promise.all(formats.map((format) => writers.get(format)!)) };
}

function glossaryFor(job: DocumentJob, paths: ProjectPaths): Glossary | undefined {
  const key = `${job.root}\n${job.projectKey}`;
  if (glossary?.key !== key) glossary = { key, value: loadGlossary(paths) };
  return glossary.value;
}

export async function runDocumentJob(job: DocumentJob): Promise<DocumentResult> {
  const paths = projectPaths(job.root);
  const build = checkDocumentOf(paths, job.docId, job.langs, glossaryFor(job, paths));
  const result: DocumentResult = {
    docId: job.docId,
    files: messagesOf(build.files),
    ok: !build.files.some(hasErrors),
    langs: build.versions.map((version) => version.lang),
    outputs: [],
    copies: {},
    assets: [],
  };
  if (!result.ok) Atomics.store(job.failed, 0, 1);
  if (!result.ok || job.formats.length === 0 || Atomics.load(job.failed, 0) === 1) return result;
  const skip = new Set(job.skip);
  const made = await renderersFor(job, job.formats);
  const assets: Assets = new Map();
  made.context.assets = assets;
  const rendered = await renderBuilds([build], job.langs, made, (lang, format, copy) => !skip.has(outputId(lang, format, copy)));
  for (const { format, copies } of made.writers) result.copies[format] = copies.map((copy) => copy.name ?? '');
  result.outputs = rendered.map((output) => ({
    id: outputId(output.doc.lang, output.format, output.variant),
    file: output.file,
    content: output.content,
  }));
  if (reviewed(job.langs, job.formats) && !skip.has(REVIEW_OUTPUT)) {
    const file = path.join(
      path.dirname(made.context.fileOf(build.versions[0]!, build.versions[0]!.lang, 'html', undefined)),
      'review.html',
    );
    result.outputs.push({
      id: REVIEW_OUTPUT,
      file,
      content: reviewPageFor(job, made.context)(reviewOf(build.versions, translationStatusOf(build, paths)), file),
    });
  }
  result.assets = [...assets];
  return result;
}

let review: { key: string; render: ReviewRenderer } | undefined;

function reviewPageFor(job: DocumentJob, context: RenderContext): ReviewRenderer {
  const key = `${job.root}\n${job.renderKey}`;
  if (review?.key !== key) review = { key, render: createReviewRenderer(context) };
  return review.render;
}
