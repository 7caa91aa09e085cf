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
import { OutputTransaction, writeOutputs, type OutputContent, type OutputFileSystem } from '../output-transaction.js';
import type { Selection } from '../pipeline.js';
import { UsageError } from '../usage-error.js';
import type { DocumentJob, DocumentResult } from './document-job.js';
import { outputId, REVIEW_OUTPUT, reviewed } from './output-id.js';
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

  const failed = new Int32Array(new SharedArrayBuffer(4));
  const plan = (selection.docs ?? documents).map((docId) => planDocument(root, docId, selection.langs, formats, keys, previous, failed));
  const jobs = plan.flatMap((step) => (step.job ? [step.job] : []));
  const staging = new Staging(root, keys, hashes, previous, new OutputTransaction(request.fileSystem));
  const results = new Map<string, DocumentResult>();
  try {
    await runJobs(byCost(root, jobs), request.threads, (result) => {
      results.set(result.docId, result);
      staging.stage(result);
    });
  } catch (error) {
    staging.abort();
    throw error;
  }
  const files = [...filesOf(project.files), ...plan.flatMap((step) => filesOf(results.get(step.docId)?.files ?? step.kept))];
  const upToDate = plan.reduce((n, step) => n + (step.job ? step.job.skip.length : step.upToDate), 0);
  if (files.some(hasErrors)) {
    staging.abort();
    return { ok: false, files, written: [], assets: [], upToDate };
  }
  const next = nextManifest(kept, keys, hashes, project.files);
  const { written, assets } = staging.commit(plan, next, request.fileSystem);
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
  failed: Int32Array,
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
      .flatMap((lang) => formats.flatMap((format) => (previous.copies[format] ?? [undefined]).map((copy) => outputId(lang, format, copy))))
      // The review page, made when every language is (and the HTML).
      .concat(reviewed(langs, formats) ? [REVIEW_OUTPUT] : []);
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
    failed,
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

/**
 * The outputs and the assets that changed, written to their temporary files document by document as
 * each is made (so that only one document's outputs is held in memory at a time), then put in place
 * together, and the manifest that records them written after.
 */
class Staging {
  private readonly staged: { result: DocumentResult; outputs: (WrittenOutput & { key: string })[] }[] = [];
  private readonly assetKeys = new Map<string, string>();
  private failed = false;

  constructor(
    private readonly root: string,
    private readonly keys: BuildKeys,
    private readonly hashes: FileHashes,
    private readonly previous: Manifest,
    private readonly transaction: OutputTransaction,
  ) {}

  stage(result: DocumentResult): void {
    // Once a document has failed nothing will be written: what comes after is not staged.
    this.failed ||= !result.ok;
    if (this.failed) return;
    const files = new Map<string, OutputContent>();
    const outputs = result.outputs.map((output) => {
      const [lang, format, copy] = output.id.split('/') as [string, string, string];
      const content = typeof output.content === 'string' ? output.content : Buffer.from(output.content);
      files.set(output.file, content);
      const key = this.keys.output(result.docId, lang, format, copy || undefined);
      return { id: output.id, file: output.file, size: Buffer.byteLength(content), key };
    });
    for (const [file, content] of result.assets) {
      const key = typeof content === 'string' ? digest(content) : this.hashes.hash(content.copyOf);
      if (this.assetKeys.has(file) || isCurrent(this.root, this.previous.assets[path.relative(this.root, file)], key)) continue;
      this.assetKeys.set(file, key);
      files.set(file, content);
    }
    this.transaction.stage(files);
    this.staged.push({ result: { ...result, outputs: [], assets: [] }, outputs });
  }

  abort(): void {
    this.transaction.abort();
  }

  /** Puts everything staged in place, then records it in the manifest, in the order of the plan. */
  commit(plan: readonly DocumentPlan[], next: Manifest, fileSystem: OutputFileSystem): { written: WrittenOutput[]; assets: string[] } {
    this.transaction.commit();
    const { root, keys } = this;
    const written: WrittenOutput[] = [];
    for (const step of plan) {
      const staged = this.staged.find((entry) => entry.result.docId === step.docId);
      if (!staged) continue;
      const { result, outputs } = staged;
      const record = next.documents[result.docId];
      const same = record?.key === keys.check(result.docId);
      next.documents[result.docId] = {
        key: keys.check(result.docId),
        langs: [...new Set([...(same ? record.langs : []), ...result.langs])].sort(),
        complete: step.job!.langs === undefined || (same && record.complete),
        files: same ? mergeMessages(record.files, result.files) : result.files,
      };
      Object.assign(next.copies, result.copies);
      for (const output of outputs) {
        const recorded = recordOf(root, output.file, output.key);
        if (recorded) next.outputs[`${result.docId}/${output.id}`] = recorded;
        written.push({ id: output.id, file: output.file, size: output.size });
      }
    }
    for (const [file, key] of this.assetKeys) {
      const recorded = recordOf(root, file, key);
      if (recorded) next.assets[recorded.file] = recorded;
    }
    writeOutputs(new Map([[manifestFile(root), `${JSON.stringify(next)}\n`]]), fileSystem);
    return { written, assets: [...this.assetKeys.keys()] };
  }
}

/** The messages of a check of some languages laid over those of an earlier check under the same key. */
function mergeMessages(before: readonly FileMessages[], now: readonly FileMessages[]): FileMessages[] {
  const paths = new Set(now.map((file) => file.path));
  return [...before.filter((file) => !paths.has(file.path)), ...now];
}
