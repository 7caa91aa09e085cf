/**
 * `hexaglot xliff export --doc <id> --lang <l>`: the original and its translation into <l> as XLIFF
 * 2.0 (render/xliff/), for CAT tools. `hexaglot xliff import <file.xlf> --doc <id> --lang <l>`: the
 * targets put back into their blocks of the current translation (import/xliff/), printed as the
 * dialect, written to --out, or compared with the current text (--diff). Units whose protected codes
 * were damaged are reported and left out; the exit code then says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Position } from 'unist';
import { placeCounterparts, type PlacePair } from '../../check/place-counterparts.js';
import { blockStates, readStatusRecord, type BlockStatus, type ReviewEntry } from '../../check/translation-status.js';
import type { Lang } from '../../i18n/languages.js';
import { decodeTarget, readXliff, sourceMatches, XliffError } from '../../import/xliff/index.js';
import { blockPlaces } from '../../model/block-places.js';
import type { ModelDocument } from '../../model/types.js';
import { toDialect } from '../../render/dialect/index.js';
import { toXliff, type XliffUnitInput } from '../../render/xliff/index.js';
import { EXIT_INPUT } from '../exit-codes.js';
import { writeAtomically } from '../output-transaction.js';
import { completedDocumentOf } from '../pipeline.js';
import { listDocuments, projectPaths } from '../../model/build.js';
import { UsageError } from '../usage-error.js';
import type { CommandContext } from './context.js';
import { blockDiff } from './import-diff.js';
import { reporterOf } from './reporter.js';

export interface XliffOptions {
  doc: string;
  lang: Lang;
  out?: string | undefined;
  diff?: boolean | undefined;
  root: string;
}

/**
 * The original and the translation, built but not compared (a translation being made need not pair
 * yet); the translation undefined when there is no file for it yet. Undefined, problems reported,
 * when either does not read.
 */
function versions(
  options: XliffOptions,
  context: CommandContext,
): { original: ModelDocument; translation: ModelDocument | undefined } | undefined {
  const root = path.resolve(options.root);
  const paths = projectPaths(root);
  const known = listDocuments(paths);
  if (!known.includes(options.doc)) throw new UsageError(`unknown document "${options.doc}"; known documents: ${known.join(', ')}`);
  const build = completedDocumentOf(paths, options.doc, [options.lang]);
  const originalLang = build.meta?.originalLanguage;
  if (options.lang === originalLang)
    throw new UsageError(`"${options.lang}" is the original language of ${options.doc}: give a translation's language`);
  const files = [build.files[0]!, ...build.versionFiles.values()].filter((file) =>
    file.messages.some((m) => m.fatal && m.ruleId !== 'missing-language-file'),
  );
  const original = build.versions.find((doc) => doc.lang === originalLang);
  if (files.length || !original) return void reporterOf(context).fail({ files: files.length ? files : build.files }, root);
  return { original, translation: build.versions.find((doc) => doc.lang === options.lang) };
}

export function runXliffExport(options: XliffOptions, context: CommandContext): void {
  const found = versions(options, context);
  if (!found) return;
  const { original, translation } = found;
  const record = readStatusRecord(projectPaths(path.resolve(options.root)), options.doc, options.lang);
  if (record.file && !record.entries) return reporterOf(context).fail({ files: [record.file] }, path.resolve(options.root));
  const text = toXliff({
    docId: options.doc,
    srcLang: original.lang,
    trgLang: options.lang,
    originalFile: `content/${options.doc}/${original.lang}.md`,
    translationFile: `content/${options.doc}/${options.lang}.md`,
    units: translation
      ? withStatus(placeCounterparts(original, translation), original, translation, record.entries)
      : blockPlaces(original.body, original.footnotes).map((place) => ({ original: place, translation: undefined })),
  });
  if (!options.out) return void context.io.out.write(text);
  writeAtomically(path.resolve(options.out), text);
  context.io.out.write(`${path.relative(process.cwd(), path.resolve(options.out))}: ${options.doc} ${original.lang} → ${options.lang}\n`);
}

export function runXliffImport(file: string, options: XliffOptions, context: CommandContext): void {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const err = (line: string) => context.io.err.write(`${line}\n`);
  let document;
  try {
    document = readXliff(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof XliffError)) throw error;
    err(`${file}:${error.at.line}:${error.at.column}: ${error.message}`);
    context.status.code = EXIT_INPUT;
    return;
  }
  const found = versions(options, context);
  if (!found) return;
  const { original } = found;
  const translation = found.translation ?? firstTranslation(original, options.lang);
  const others = document.fileIds.filter((id) => id !== options.doc);
  if (others.length) {
    err(`${file}:1:1: this file was exported from ${others.join(', ')}, not ${options.doc}: give the --doc it was exported from`);
    context.status.code = EXIT_INPUT;
    return;
  }
  if (document.trgLang !== options.lang || document.srcLang !== original.lang) {
    err(
      `${file}:1:1: this file translates ${document.srcLang || '?'} into ${document.trgLang || '?'}, not ${original.lang} into ${options.lang}: give the --lang it was exported for`,
    );
    context.status.code = EXIT_INPUT;
    return;
  }
  const before = found.translation ? toDialect(translation) : '';
  const places = new Map(placeCounterparts(original, translation).map((pair) => [pair.original.id, pair]));
  const refused = new Set<string>();
  for (const unit of document.units) {
    const refuse = (at: { line: number; column: number }, message: string) => {
      err(`${file}:${at.line}:${at.column}: unit ${unit.id}: ${message}; the unit is not imported`);
      refused.add(unit.id);
    };
    const pair = places.get(unit.id);
    if (!pair) {
      refuse(unit.at, `no block of ${options.doc} is at "${unit.id}" (the original changed since the export?): export the document again`);
      continue;
    }
    // An empty target is a unit the translator has not translated.
    if (!unit.target?.length) continue;
    if (!sourceMatches(unit, pair.original)) {
      refuse(
        unit.at,
        `its source is not the ${pair.original.kind} now at this place of the original (${original.lang}.md changed since the export): export again, and let the CAT tool's translation memory carry the translation over`,
      );
      continue;
    }
    if (!pair.translation) {
      refuse(
        unit.at,
        `the ${options.lang} text has no counterpart of this ${pair.original.kind}: add the block to ${options.lang}.md, then export again`,
      );
      continue;
    }
    const decoded = decodeTarget(unit, pair.translation, pair.original);
    if ('problems' in decoded) {
      for (const problem of decoded.problems) refuse(problem, problem.message);
      continue;
    }
    pair.translation.run.splice(0, pair.translation.run.length, ...decoded.nodes);
  }
  if (refused.size) {
    err(`✗ ${refused.size} unit(s) of ${document.units.length} not imported; the others are.`);
    context.status.code = EXIT_INPUT;
  }
  const text = toDialect(translation);
  if (options.diff) return void context.io.out.write(blockDiff(before, text, `content/${options.doc}/${options.lang}.md`));
  if (!options.out) return void context.io.out.write(text);
  writeAtomically(path.resolve(options.out), text);
  context.io.out.write(`${path.relative(process.cwd(), path.resolve(options.out))}: written from ${file}\n`);
}

/**
 * A language with no file yet starts as a copy of the original, as a translator starts one by hand
 * (README, "Add a language file"): each imported target replaces the original's words in its block.
 */
function firstTranslation(original: ModelDocument, lang: Lang): ModelDocument {
  const copy = structuredClone(original);
  return { ...copy, lang, front: { lang, title: original.front.title, translation: { status: 'working', from: original.lang } } };
}

/** Each unit with its block's translation status, where the language keeps a record of it. */
function withStatus(
  pairs: PlacePair[],
  original: ModelDocument,
  translation: ModelDocument,
  entries: readonly ReviewEntry[] | undefined,
): XliffUnitInput[] {
  if (!entries) return pairs;
  const status = new Map<Position, BlockStatus>();
  for (const state of blockStates(original, translation, entries))
    if (state.original.position) status.set(state.original.position, state.status);
  return pairs.map((pair) => {
    const found = pair.original.pairedBy && status.get(pair.original.pairedBy);
    return { ...pair, status: found && found !== 'missing' ? found : undefined };
  });
}
