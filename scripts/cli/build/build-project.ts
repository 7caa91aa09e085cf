/**
 * An incremental build: each document is checked again only when one of its sources (or what its
 * check reads) changed, and each output rendered again only when one of its inputs changed, by the
 * content hashes kept in out/.hexaglot/manifest.json (keys.ts says what each depends on). The documents
 * that have work go to the pool (run-jobs.ts); what they make is written as one transaction, then the
 * manifest. `force` forgets the manifest's decisions and makes everything.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { hasErrors } from '../../diagnostics/report.js';
import { LANGS, type Lang } from '../../i18n/languages.js';
import { listDocuments, projectPaths } from '../../model/project.js';
import { FORMATS, type Format } from '../../render/writers.js';
import { writeOutputs, type OutputContent, type OutputFileSystem } from '../output-transaction.js';
import type { Selection } from '../pipeline.js';
import { UsageError } from '../usage-error.js';
import type { DocumentJob, DocumentResult } from './document-job.js';
import { outputId } from './output-id.js';
import { digest, FileHashes } from './file-hashes.js';
import { BuildKeys } from './keys.js';
import { emptyManifest, isCurrent, manifestFile, readManifest, recordOf, type CheckRecord, type Manifest } from './manifest.js';
import { filesOf, messagesOf, type FileMessages } from './messages.js';
import { runJobs } from './run-jobs.js';

export interface BuildRequest {
  root: string;
  selection: Selection;
  /** Make everything, whatever the manifest says. */
  force?: boolean;
  /** Worker threads at most (default: one per core). */
  threads?: number | undefined;
  fileSystem: OutputFileSystem;
}

export interface WrittenOutput {
  /** `lang/format/copy`. */
  id: string;
  file: string;
  size: number;
}

export interface BuildOutcome {
  ok: boolean;
  /** Every file with a problem or warning, from this build's checks or kept from the last. */
  files: VFile[];
  written: WrittenOutput[];
  /** Files written beside the outputs (fonts, figures). */
  assets: string[];
  /** Outputs left as they were: made from the same inputs. */
  upToDate: number;
}

export async function buildProject(request: BuildRequest): Promise<BuildOutcome> {
  const { root, selection } = request;
  const paths = projectPaths(root);
  const documents = listDocuments(paths);
  for (const doc of selection.docs ?? []) {
    if (!documents.includes(doc)) throw new UsageError(`unknown document "${doc}"; known documents: ${documents.join(', ') || '(none)'}`);
  }
  const kept = readManifest(root);
  const previous: Manifest = request.force ? { ...emptyManifest(), stamps: kept.stamps } : kept;
  const hashes = new FileHashes(kept.stamps);
  const keys = new BuildKeys(root, hashes, documents, FORMATS);
  const formats = selection.formats ?? FORMATS;

  const project = await checkProject(root, keys, previous, documents);
  if (!project.ok) return { ok: false, files: filesOf(project.files), written: [], assets: [], upToDate: 0 };

  const plan = (selection.docs ?? documents).map((docId) => planDocument(root, docId, selection.langs, formats, keys, previous));
  const jobs = plan.flatMap((step) => (step.job ? [step.job] : []));
  const results = new Map((await runJobs(byCost(root, jobs), request.threads)).map((result) => [result.docId, result]));
  const files = [...filesOf(project.files), ...plan.flatMap((step) => filesOf(results.get(step.docId)?.files ?? step.kept))];
  const upToDate = plan.reduce((n, step) => n + (step.job ? step.job.skip.length : step.upToDate), 0);
  if (files.some(hasErrors)) return { ok: false, files, written: [], assets: [], upToDate };

  const ordered = plan.flatMap((step) => (results.has(step.docId) ? [results.get(step.docId)!] : []));
  const next = nextManifest(kept, keys, hashes, project.files);
  const { written, assets } = write(root, ordered, plan, keys, hashes, previous, next, request.fileSystem);
  return { ok: true, files, written, assets, upToDate };
}

/** The project's own inputs, checked again only when one changed since the last successful build. */
async function checkProject(
  root: string,
  keys: BuildKeys,
  previous: Manifest,
  documents: readonly string[],
): Promise<{ ok: boolean; files: FileMessages[] }> {
  if (previous.project?.key === keys.project) return { ok: true, files: previous.project.files };
  const { checkProjectInputs } = await import('../pipeline.js');
  const types = documents.flatMap((doc) => keys.metadata(doc, 'type') ?? []);
  const checked = checkProjectInputs(root, types);
  return { ok: checked.ok, files: messagesOf(checked.files) };
}

interface DocumentPlan {
  docId: string;
  /** The work to do; undefined when every output asked for is up to date and the check stands. */
  job: DocumentJob | undefined;
  /** The warnings of the check that stands. */
  kept: FileMessages[];
  upToDate: number;
}

function planDocument(
  root: string,
  docId: string,
  langs: readonly Lang[] | undefined,
  formats: readonly Format[],
  keys: BuildKeys,
  previous: Manifest,
): DocumentPlan {
  const record = previous.documents[docId];
  const checked = record?.key === keys.check(docId) && (record.complete || (langs?.every((lang) => record.langs.includes(lang)) ?? false));
  // The outputs of the last build that are still what their inputs make.
  const skip = Object.entries(previous.outputs).flatMap(([id, output]) => {
    const [doc, lang, format, copy] = id.split('/') as [string, Lang, Format, string];
    const selected = doc === docId && formats.includes(format) && (!langs || langs.includes(lang));
    return selected && isCurrent(root, output, keys.output(docId, lang, format, copy || undefined)) ? [outputId(lang, format, copy)] : [];
  });
  if (checked) {
    const expected = record.langs
      .filter((lang) => !langs || langs.includes(lang as Lang))
      .flatMap((lang) => formats.flatMap((format) => (previous.copies[format] ?? [undefined]).map((copy) => outputId(lang, format, copy))));
    if (expected.every((id) => skip.includes(id)))
      return { docId, job: undefined, kept: keptMessages(record, langs), upToDate: expected.length };
  }
  const job = {
    root,
    docId,
    langs: langs ? [...langs] : undefined,
    formats: [...formats],
    skip,
    renderKey: keys.render,
    projectKey: keys.project,
  };
  return { docId, job, kept: [], upToDate: 0 };
}

/** The warnings kept from a document's last check, for the languages selected. */
function keptMessages(record: CheckRecord, langs: readonly Lang[] | undefined): FileMessages[] {
  const languageOf = (file: string) => /(?:^|\/)([a-z]{2})\.md$/.exec(file)?.[1];
  return record.files.filter((file) => {
    const lang = languageOf(file.path);
    return !langs || !lang || langs.includes(lang as Lang);
  });
}

/** The biggest documents first, so that no thread is left with a long one at the end. */
function byCost(root: string, jobs: readonly DocumentJob[]): DocumentJob[] {
  const cost = (job: DocumentJob) =>
    listDocumentSources(root, job.docId).reduce((sum, file) => sum + (statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0) *
    job.formats.length;
  const costs = new Map(jobs.map((job) => [job, cost(job)]));
  return [...jobs].sort((a, b) => costs.get(b)! - costs.get(a)!);
}

function listDocumentSources(root: string, docId: string): string[] {
  return LANGS.map((lang) => path.join(root, 'content', docId, `${lang}.md`));
}

function nextManifest(kept: Manifest, keys: BuildKeys, hashes: FileHashes, projectFiles: FileMessages[]): Manifest {
  return {
    ...kept,
    stamps: { ...kept.stamps, ...hashes.stamps() },
    project: { key: keys.project, files: projectFiles },
    documents: { ...kept.documents },
    copies: { ...kept.copies },
    outputs: { ...kept.outputs },
    assets: { ...kept.assets },
  };
}

/** Writes the outputs and the assets that changed as one transaction, then the manifest that records them. */
function write(
  root: string,
  results: readonly DocumentResult[],
  plan: readonly DocumentPlan[],
  keys: BuildKeys,
  hashes: FileHashes,
  previous: Manifest,
  next: Manifest,
  fileSystem: OutputFileSystem,
): { written: WrittenOutput[]; assets: string[] } {
  const files = new Map<string, OutputContent>();
  const outputKeys = new Map<string, string>();
  const written: WrittenOutput[] = [];
  for (const result of results) {
    for (const output of result.outputs) {
      const [lang, format, copy] = output.id.split('/') as [string, string, string];
      const content = typeof output.content === 'string' ? output.content : Buffer.from(output.content);
      files.set(output.file, content);
      outputKeys.set(output.file, keys.output(result.docId, lang, format, copy || undefined));
      written.push({ id: output.id, file: output.file, size: Buffer.byteLength(content) });
    }
  }
  const assetKeys = new Map<string, string>();
  for (const [file, content] of results.flatMap((result) => result.assets)) {
    const key = typeof content === 'string' ? digest(content) : hashes.hash(content.copyOf);
    if (assetKeys.has(file) || isCurrent(root, previous.assets[path.relative(root, file)], key)) continue;
    assetKeys.set(file, key);
    files.set(file, content);
  }
  writeOutputs(files, fileSystem);

  for (const result of results) {
    const job = plan.find((step) => step.docId === result.docId)!.job!;
    const record = next.documents[result.docId];
    const same = record?.key === keys.check(result.docId);
    next.documents[result.docId] = {
      key: keys.check(result.docId),
      langs: [...new Set([...(same ? record.langs : []), ...result.langs])].sort(),
      complete: job.langs === undefined || (same && record.complete),
      files: same ? mergeMessages(record.files, result.files) : result.files,
    };
    Object.assign(next.copies, result.copies);
    for (const output of result.outputs) {
      const recorded = recordOf(root, output.file, outputKeys.get(output.file)!);
      if (recorded) next.outputs[`${result.docId}/${output.id}`] = recorded;
    }
  }
  for (const [file, key] of assetKeys) {
    const recorded = recordOf(root, file, key);
    if (recorded) next.assets[recorded.file] = recorded;
  }
  writeOutputs(new Map([[manifestFile(root), `${JSON.stringify(next)}\n`]]), fileSystem);
  return { written, assets: [...assetKeys.keys()] };
}

/** The messages of a check of some languages laid over those of an earlier check under the same key. */
function mergeMessages(before: readonly FileMessages[], now: readonly FileMessages[]): FileMessages[] {
  const paths = new Set(now.map((file) => file.path));
  return [...before.filter((file) => !paths.has(file.path)), ...now];
}
