/**
 * A part of a translation checked against the same lines of the original, so that a long document
 * can be translated in parts, by several people at once, each part checked as it lands
 * (`hexaglot check-part`). The original's lines outside the part are blanked rather than cut, so
 * every message keeps the original's real line numbers.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { readMarkdown } from '../parse/read-markdown.js';
import { readTextFile } from '../read/text.js';
import { formatCharactersOf } from '../i18n/format-characters.js';
import { buildVersion, readDocumentMeta, type ProjectPaths } from '../model/build.js';
import { loadDocumentData } from '../model/data.js';
import type { Lang } from '../i18n/languages.js';
import { checkParity } from './parity.js';
import { hasErrors } from '../diagnostics/report.js';
import { checkGlossary } from './glossary.js';
import { loadGlossary } from './glossary-data.js';

export interface LineRange {
  from: number;
  to: number;
}

export function checkPart(paths: ProjectPaths, docId: string, lang: Lang, lines: LineRange, partPath: string): VFile[] {
  const { metaFile, meta } = readDocumentMeta(paths, docId);
  if (!meta) return [metaFile];
  const docDir = path.join(paths.content, docId);
  const data = loadDocumentData(docDir, paths.root);

  const originalPath = path.join(docDir, `${meta.originalLanguage}.md`);
  const originalSource = readTextFile(originalPath, paths.root, formatCharactersOf(meta.originalLanguage as Lang));
  const originalTree =
    originalSource.text === undefined
      ? undefined
      : readMarkdown(originalSource.file, formatCharactersOf(meta.originalLanguage as Lang).allowed);
  const partSource = readTextFile(path.resolve(partPath), paths.root, formatCharactersOf(lang));
  const partTree = partSource.text === undefined ? undefined : readMarkdown(partSource.file, formatCharactersOf(lang).allowed);
  if (!originalTree || !partTree || originalSource.file.messages.length || partSource.file.messages.length) {
    return [metaFile, ...data.files, originalSource.file, partSource.file];
  }
  const originalText = originalSource.text!;
  const partText = partSource.text!;
  const originalFile = new VFile({
    path: path.relative(paths.root, originalPath),
    value: onlyLines(originalText, keptLines(originalTree, lines)),
  });

  // A footnote defined in the part but called from another part is left out; one called from the
  // part but defined in another part is borrowed from the original.
  const called = references(partTree);
  const definitions = partTree.children.filter((n) => n.type === 'footnoteDefinition');
  const elsewhere = definitions.filter((n) => !called.has(n.identifier));
  const defined = new Set(definitions.map((n) => n.identifier));
  const borrowed = [...called]
    .filter((id) => !defined.has(id))
    .flatMap((id) => originalTree.children.filter((n) => n.type === 'footnoteDefinition' && n.identifier === id))
    .map((n) => originalText.slice(n.position!.start.offset, n.position!.end.offset));
  const partLines = partText.split('\n').length;
  const own = onlyLines(partText, lineSet(1, partLines, elsewhere));
  const partFile = new VFile({
    path: path.relative(paths.root, path.resolve(partPath)),
    value: borrowed.length ? `${own.trimEnd()}\n\n${borrowed.join('\n\n')}\n` : own,
  });

  const original = buildVersion(originalFile, meta.originalLanguage as Lang, meta, docId, docDir, paths, data);
  const translation = buildVersion(partFile, lang, meta, docId, docDir, paths, data);
  const glossary = loadGlossary(paths);
  // As for whole files (document.ts): a part or original that fails its own checks is not compared.
  if (original && translation && !hasErrors(originalFile) && !hasErrors(partFile)) {
    checkParity(original, originalFile, translation, partFile);
    if (glossary) checkGlossary(original, originalFile, translation, partFile, glossary);
  }
  return [metaFile, ...data.files, ...(glossary ? [glossary.file] : []), originalFile, partFile];
}

/** The original's front matter, the part's lines, and the definitions of the footnotes the part calls. */
function keptLines(tree: Root, { from, to }: LineRange): Set<number> {
  const called = references(tree, (line) => line >= from && line <= to);
  const definitions = tree.children.filter((n) => n.type === 'footnoteDefinition');
  const kept = lineSet(
    from,
    to,
    definitions.filter((n) => !called.has(n.identifier)),
  );
  for (const node of [...tree.children.filter((n) => n.type === 'yaml'), ...definitions.filter((n) => called.has(n.identifier))]) {
    for (let line = node.position!.start.line; line <= node.position!.end.line; line++) kept.add(line);
  }
  return kept;
}

/** Lines from–to, without the lines of the given nodes. */
function lineSet(from: number, to: number, without: readonly Node[]): Set<number> {
  const lines = new Set<number>();
  for (let line = from; line <= to; line++) lines.add(line);
  for (const node of without) for (let line = node.position!.start.line; line <= node.position!.end.line; line++) lines.delete(line);
  return lines;
}

/** The text with every other line blanked, so that positions stay those of the whole file. */
function onlyLines(text: string, kept: ReadonlySet<number>): string {
  return text
    .split('\n')
    .map((line, index) => (kept.has(index + 1) ? line : ''))
    .join('\n');
}

function references(tree: Root, where: (line: number) => boolean = () => true): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'footnoteReference', (node) => {
    if (where(node.position?.start.line ?? 0)) ids.add(node.identifier);
  });
  return ids;
}
