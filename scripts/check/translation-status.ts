/**
 * Translation status per block: which version of the original block each translated block was
 * translated from, so that a change to the original shows exactly the blocks to translate again.
 *
 * The record is a sidecar per language, `content/<document>/translation-status/<lang>.yaml`, kept out
 * of the translation so that it never disturbs an editor. It is content-addressed: each entry pairs the
 * hash of a translated block (block-hash.ts) with the hash of the original block it was last
 * translated from or reviewed against, so that it holds however blocks are added or moved. A block of
 * the translation is then
 * - current: an entry for its hash names the hash its original has now;
 * - outdated: entries for its hash exist, none with the original's hash now: the original changed since;
 * - unrecorded: no entry for its hash: never marked reviewed, or changed by the translator since;
 * and a block of the original with no counterpart in the translation is missing.
 * `check` warns of each outdated block in both files, for the languages that keep a record.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { reportWarning } from '../diagnostics/report.js';
import type { Lang } from '../i18n/languages.js';
import type { DocumentBuild, ProjectPaths } from '../model/build.js';
import type { ModelDocument } from '../model/types.js';
import { readTextFile } from '../read/text.js';
import { readYaml } from '../read/yaml.js';
import { BLOCK_HASH_LENGTH, blockHash, canonicalInline } from './block-hash.js';
import { alignment, type BlockShape } from './parity.js';

export const STATUS_FOLDER = 'translation-status';

const hash = z.string().regex(new RegExp(`^[0-9a-f]{${BLOCK_HASH_LENGTH}}$`), `a block hash: ${BLOCK_HASH_LENGTH} hex digits`);
const statusRecordSchema = z.strictObject({
  reviewed: z.array(
    z.strictObject({
      /** The translated block. */
      translation: hash,
      /** The version of the original block it was translated from. */
      source: hash,
      /** For people reading the file: the block's name when it was recorded. */
      block: z.string().optional(),
    }),
  ),
});

export type ReviewEntry = z.infer<typeof statusRecordSchema>['reviewed'][number];

export interface StatusRecord {
  /** The sidecar read, carrying its problems; undefined when the language keeps no record. */
  file: VFile | undefined;
  /** Undefined when there is no record or it is invalid (each problem reported in `file`). */
  entries: ReviewEntry[] | undefined;
}

export const statusFilePath = (paths: ProjectPaths, docId: string, lang: Lang) =>
  path.join(paths.content, docId, STATUS_FOLDER, `${lang}.yaml`);

export function readStatusRecord(paths: ProjectPaths, docId: string, lang: Lang): StatusRecord {
  const full = statusFilePath(paths, docId, lang);
  if (!existsSync(full)) return { file: undefined, entries: undefined };
  const { file, text } = readTextFile(full, paths.root);
  const record = text === undefined ? undefined : readYaml(file, text, 0, statusRecordSchema, 'translation status');
  return { file, entries: record?.reviewed };
}

export type BlockStatus = 'current' | 'outdated' | 'unrecorded' | 'missing';
export const BLOCK_STATUSES: readonly BlockStatus[] = ['current', 'outdated', 'unrecorded', 'missing'];

/** One block of the original, and its counterpart in the translation with its status. */
export interface BlockState {
  status: BlockStatus;
  original: BlockShape;
  /** The original block's version now. */
  source: string;
  /** Undefined when the block is missing from the translation. */
  translation?: BlockShape | undefined;
  hash?: string | undefined;
}

/**
 * The status of every block of the original that has words to translate (a list, a proposal or a
 * footnote is the blocks it holds), in the original's order. A block of the translation with no
 * counterpart in the original is left to the parity check.
 */
export function blockStates(original: ModelDocument, translation: ModelDocument, entries: readonly ReviewEntry[]): BlockState[] {
  const sources = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!sources.has(entry.translation)) sources.set(entry.translation, new Set());
    sources.get(entry.translation)!.add(entry.source);
  }
  const { a, b, pairs } = alignment(original, translation);
  const counterpart = new Map(pairs.map(([i, j]) => [i, b[j]!]));
  return a.flatMap((shape, index): BlockState[] => {
    if (!hasWords(shape)) return [];
    const source = blockHash(shape);
    const other = counterpart.get(index);
    if (!other) return [{ status: 'missing', original: shape, source }];
    const hash = blockHash(other);
    const recorded = sources.get(hash);
    const status = !recorded ? 'unrecorded' : recorded.has(source) ? 'current' : 'outdated';
    return [{ status, original: shape, source, translation: other, hash }];
  });
}

const hasWords = (shape: BlockShape) => shape.words.some((run) => canonicalInline(run.inline) !== '');

export function countStates(states: readonly BlockState[]): Record<BlockStatus, number> {
  const counts = { current: 0, outdated: 0, unrecorded: 0, missing: 0 };
  for (const state of states) counts[state.status]++;
  return counts;
}

/** The block of the translation that holds `line`: the innermost, where blocks nest (a list item's paragraph). */
export function stateAtLine(states: readonly BlockState[], line: number): BlockState | undefined {
  let found: BlockState | undefined;
  for (const state of states) {
    const place = state.translation?.position;
    if (!place || place.start.line > line || place.end.line < line) continue;
    if (!found || place.start.line >= found.translation!.position!.start.line) found = state;
  }
  return found;
}

/**
 * The record after review: of every block of the translation (`only` undefined), or of one block,
 * the others' entries kept. An entry of a block no longer in the translation is dropped, and so is an
 * old version of the block reviewed, unless another block with the same words still has it as its original.
 */
export function reviewedEntries(states: readonly BlockState[], old: readonly ReviewEntry[], only?: BlockState): ReviewEntry[] {
  const paired = states.filter((state) => state.hash !== undefined);
  const nowFrom = new Map<string, Set<string>>();
  for (const state of paired) {
    if (!nowFrom.has(state.hash!)) nowFrom.set(state.hash!, new Set());
    nowFrom.get(state.hash!)!.add(state.source);
  }
  const kept = only
    ? old.filter(
        (entry) => nowFrom.has(entry.translation) && (entry.translation !== only.hash || nowFrom.get(entry.translation)!.has(entry.source)),
      )
    : [];
  const added = (only ? [only] : paired).map((state) => ({ translation: state.hash!, source: state.source }));
  // In the translation's order, so that the file reads as the document does and changes where it does.
  const order = new Map<string, { rank: number; name: string }>();
  paired.forEach((state, rank) => {
    if (!order.has(state.hash!)) order.set(state.hash!, { rank, name: state.translation!.name });
  });
  const unique = new Map<string, ReviewEntry>();
  for (const { translation, source } of [...kept, ...added]) {
    unique.set(`${translation} ${source}`, { translation, source, block: order.get(translation)!.name });
  }
  return [...unique.values()].sort(
    (x, y) => order.get(x.translation)!.rank - order.get(y.translation)!.rank || x.source.localeCompare(y.source),
  );
}

/** The sidecar's text: one entry a line, each value quoted (a hash of digits alone would read as a number). */
export function formatStatusRecord(entries: readonly ReviewEntry[], translationFile: string, originalFile: string): string {
  const quote = (text: string) =>
    JSON.stringify(text).replace(/[\p{Cc}\p{Cf}]/gu, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const lines = entries.map(
    (entry) =>
      `  - { translation: '${entry.translation}', source: '${entry.source}'${entry.block === undefined ? '' : `, block: ${quote(entry.block)}`} }`,
  );
  return [
    `# Translation status of ${translationFile}: each block of ${translationFile} (its hash) with the version of its`,
    `# original in ${originalFile} (that block's hash) it was last translated from or reviewed against.`,
    '# Written by `hexaglot reviewed`; `hexaglot status` reads it. See README.md, "For translators".',
    lines.length ? 'reviewed:' : 'reviewed: []',
    ...lines,
    '',
  ].join('\n');
}

/**
 * Reads the record of every translation of the document (a record's problems are errors in its file)
 * and warns of each outdated block in both files: the translation's, and the original's.
 */
export function checkTranslationStatus(build: DocumentBuild, paths: ProjectPaths, failed: ReadonlySet<Lang>): void {
  const originalLang = build.meta?.originalLanguage;
  const original = build.versions.find((version) => version.lang === originalLang);
  for (const version of build.versions) {
    if (version.lang === originalLang) continue;
    const record = readStatusRecord(paths, build.docId, version.lang);
    if (record.file) build.files.push(record.file);
    if (!original || !record.entries || failed.has(original.lang) || failed.has(version.lang)) continue;
    const originalFile = build.versionFiles.get(original.lang)!;
    const translationFile = build.versionFiles.get(version.lang)!;
    const o = originalFile.basename ?? originalFile.path;
    const t = translationFile.basename ?? translationFile.path;
    for (const state of blockStates(original, version, record.entries)) {
      if (state.status !== 'outdated') continue;
      const x = state.original.position?.start;
      const y = state.translation!.position?.start;
      const [oAt, tAt] = [`${o}:${x?.line ?? 1}`, `${t}:${y?.line ?? 1}`];
      const mark = `then mark it reviewed: hexaglot reviewed --doc ${build.docId} --lang ${version.lang} --line ${y?.line ?? 1}`;
      reportWarning(
        translationFile,
        y,
        `${state.translation!.name} (${tAt}): its original, ${state.original.name} at ${oAt}, changed since ${tAt} was translated`,
        `Bring the translation in line with ${oAt}, ${mark}`,
        'translation-outdated',
      );
      reportWarning(
        originalFile,
        x,
        `${state.original.name} (${oAt}) changed since ${tAt} was translated`,
        `Bring ${tAt} in line with it, ${mark}`,
        'translation-outdated',
      );
    }
  }
}

/**
 * How each translation's blocks stand, for a reader that flags them (the review page): a block of a
 * language that keeps a record is current, outdated or unrecorded; of one that keeps none, nothing.
 */
export function translationStatusOf(
  build: DocumentBuild,
  paths: ProjectPaths,
): (lang: Lang, translation: BlockShape) => Exclude<BlockStatus, 'missing'> | undefined {
  const at = (shape: BlockShape) => `${shape.position?.start.line}:${shape.position?.start.column}`;
  const byLang = new Map<Lang, Map<string, Exclude<BlockStatus, 'missing'>>>();
  const original = build.versions.find((version) => version.lang === build.meta?.originalLanguage);
  for (const version of build.versions) {
    if (!original || version === original) continue;
    const { entries } = readStatusRecord(paths, build.docId, version.lang);
    if (!entries) continue;
    const states = new Map<string, Exclude<BlockStatus, 'missing'>>();
    for (const state of blockStates(original, version, entries))
      if (state.translation && state.status !== 'missing') states.set(at(state.translation), state.status);
    byLang.set(version.lang, states);
  }
  return (lang, translation) => byLang.get(lang)?.get(at(translation));
}
