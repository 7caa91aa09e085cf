/**
 * Builds the model of a document: its metadata, then each language file
 * parsed, checked and turned into model blocks. Reading and checking happen
 * here once; renderers only ever see the result.
 */
import { readdirSync, existsSync } from 'node:fs';
import { listDocuments, type ProjectPaths } from './project.js';
import path from 'node:path';
import { VFile } from 'vfile';
import type { Point } from 'unist';
import type { FootnoteDefinition, RootContent, Yaml } from 'mdast';
import { readMarkdown } from '../parse/read-markdown.js';
import { reportError } from '../diagnostics/report.js';
import { readTextFile } from '../read/text.js';
import { formatCharactersOf } from '../i18n/format-characters.js';
import { loadLocale } from '../i18n/locales.js';
import { isLang, LANGUAGES, type Lang } from '../i18n/languages.js';
import { BuildContext } from './context.js';
import { BlockBuilder } from './build-blocks.js';
import { FootnoteNumbering } from './footnotes.js';
import { documentMetaSchema, languageFrontMatterSchema, type DocumentMeta } from './metadata.js';
import { readPlacedYaml, readYaml, type YamlPath } from '../read/yaml.js';
import { checkBaseEditions } from './base-editions.js';
import { buildFrame } from './frame.js';
import { loadDocumentData, type DocumentData } from './data.js';
import type { Footnote, ModelDocument } from './types.js';

export { listDocuments, projectPaths, type ProjectPaths } from './project.js';

export interface DocumentBuild {
  docId: string;
  /** Every file read for this document, each carrying its messages. */
  files: VFile[];
  meta: DocumentMeta | undefined;
  /** Where a value of document.yaml stands, for problems found once the text is read. */
  placeInMeta: (path: YamlPath) => Point;
  versions: ModelDocument[];
  /** The file each version was read from, by language. */
  versionFiles: Map<Lang, VFile>;
}

/** A document's `document.yaml`, read and checked; `meta` is undefined when it is invalid. */
export function readDocumentMeta(
  paths: ProjectPaths,
  docId: string,
): { metaFile: VFile; meta: DocumentMeta | undefined; placeOf: (path: YamlPath) => Point } {
  const { file: metaFile, text } = readTextFile(path.join(paths.content, docId, 'document.yaml'), paths.root);
  if (text === undefined) return { metaFile, meta: undefined, placeOf: () => ({ line: 1, column: 1 }) };
  const { value: meta, placeOf } = readPlacedYaml(metaFile, text, 0, documentMetaSchema, 'document metadata');
  if (meta) checkBaseEditions(meta, docId, listDocuments(paths), metaFile, placeOf);
  return { metaFile, meta, placeOf };
}

export function buildDocument(paths: ProjectPaths, docId: string, only?: readonly Lang[]): DocumentBuild {
  const docDir = path.join(paths.content, docId);
  const { metaFile, meta, placeOf } = readDocumentMeta(paths, docId);
  const build: DocumentBuild = { docId, files: [metaFile], meta, placeInMeta: placeOf, versions: [], versionFiles: new Map() };
  if (!meta) return build;

  if (!meta.languages.includes(meta.originalLanguage)) {
    reportError(
      metaFile,
      { line: 1, column: 1 },
      `The original language "${meta.originalLanguage}" is not among "languages"`,
      'Add it to "languages"',
      'invalid-metadata',
    );
  }
  for (const lang of meta.languages) {
    const file = path.join(docDir, `${lang}.md`);
    if (!existsSync(file)) {
      reportError(
        metaFile,
        { line: 1, column: 1 },
        `document.yaml lists "${lang}" but ${path.relative(paths.root, file)} does not exist`,
        `Create it, or remove "${lang}" from "languages"`,
        'missing-language-file',
      );
    }
  }
  for (const name of readdirSync(docDir)
    .filter((n) => n.endsWith('.md'))
    .sort()) {
    const lang = name.slice(0, -3);
    if (!isLang(lang) || !meta.languages.includes(lang)) {
      reportError(
        metaFile,
        { line: 1, column: 1 },
        `${name} is not one of the document's languages (${meta.languages.join(', ')})`,
        'Name language files after their language code and list them under "languages"',
        'unknown-language-file',
      );
    }
  }

  const data = loadDocumentData(docDir, paths.root);
  build.files.push(...data.files);

  for (const lang of meta.languages) {
    // The original is always read: the translations are checked against it.
    if (only && !only.includes(lang as Lang) && lang !== meta.originalLanguage) continue;
    const filePath = path.join(docDir, `${lang}.md`);
    if (!existsSync(filePath)) continue;
    const { file, text } = readTextFile(filePath, paths.root, formatCharactersOf(lang as Lang));
    build.files.push(file);
    if (text === undefined) continue;
    build.versionFiles.set(lang as Lang, file);
    const version = buildVersion(file, lang as Lang, meta, docId, docDir, paths, data);
    if (version) build.versions.push(version);
  }

  return build;
}

/** Parses and checks one language file from a string (also used by tests and `check` on a single file). */
export function buildVersion(
  file: VFile,
  lang: Lang,
  meta: DocumentMeta,
  docId: string,
  docDir: string,
  paths: ProjectPaths,
  data?: DocumentData,
): ModelDocument | undefined {
  const tree = readMarkdown(file, formatCharactersOf(lang).allowed);
  if (!tree) return undefined;
  const locale = loadLocale(paths.locales, lang);
  const ctx = new BuildContext(file, locale, meta, docDir, data);

  const yaml = tree.children.find((n): n is Yaml => n.type === 'yaml');
  const frontOffset = yaml?.position?.start.offset;
  const front = yaml
    ? readYaml(
        file,
        yaml.value,
        (frontOffset ?? 0) +
          String(file.value)
            .slice(frontOffset ?? 0)
            .indexOf('\n') +
          1,
        languageFrontMatterSchema,
        'front matter',
      )
    : undefined;
  if (!yaml) {
    reportError(
      file,
      { line: 1, column: 1 },
      'Missing front matter',
      `Start the file with the lines "---", "lang: ${lang}", "title: …" and "---"`,
      'invalid-front-matter',
    );
  } else if (front && front.lang !== lang) {
    reportError(
      file,
      yaml.position?.start,
      `Front matter says lang "${front.lang}" but the file is ${lang}.md`,
      `Set "lang: ${lang}"`,
      'invalid-front-matter',
    );
  }
  if (front) {
    if (lang === meta.originalLanguage && front.translation) {
      reportError(
        file,
        yaml?.position?.start,
        `${lang}.md is the original but its front matter marks it as a translation`,
        'Remove "translation" from the original',
        'invalid-front-matter',
      );
    }
    if (lang !== meta.originalLanguage && !front.translation) {
      reportError(
        file,
        yaml?.position?.start,
        `${lang}.md is a translation but does not say so`,
        `Add "translation: {status: working, from: ${meta.originalLanguage}}" to its front matter`,
        'invalid-front-matter',
      );
    }
  }

  const definitions = collectFootnoteDefinitions(tree.children, ctx);
  const numbering = new FootnoteNumbering();
  const builder = new BlockBuilder(ctx, numbering);
  const body = builder.blocks(tree.children);

  // Footnote bodies are built in the order of their marks; building them may
  // number further footnotes referenced from inside footnotes.
  const footnotes: Footnote[] = [];
  const built = new Set<string>();
  for (let progress = true; progress;) {
    progress = false;
    for (const [id, number] of numbering.numbers) {
      if (built.has(id)) continue;
      built.add(id);
      progress = true;
      const definition = definitions.get(id);
      if (!definition) {
        ctx.error(
          numbering.firstReference.get(id),
          `Footnote [^${id}] has no definition`,
          `Add a line "[^${id}]: text of the footnote" after the paragraph`,
          'missing-footnote',
        );
        continue;
      }
      footnotes.push({ id, number, children: builder.blocks(definition.children), position: definition.position });
    }
  }
  for (const [id, definition] of definitions) {
    if (!numbering.numbers.has(id)) {
      ctx.error(
        definition.position,
        `Footnote [^${id}] is defined but never referenced`,
        `Reference it with [^${id}] where it belongs, or delete the definition`,
        'unused-footnote',
      );
    }
  }
  footnotes.sort((a, b) => a.number - b.number);

  if (!front) return undefined;
  const frame = buildFrame(ctx, lang, front, footnotes);
  const letters = ctx.t('labels.letters', undefined).split(' ');
  return { docId, lang, dir: LANGUAGES[lang].dir, path: file.path, meta, front, frame, letters, body, footnotes };
}

function collectFootnoteDefinitions(nodes: readonly RootContent[], ctx: BuildContext): Map<string, FootnoteDefinition> {
  const found = new Map<string, FootnoteDefinition>();
  const visit = (list: readonly RootContent[]) => {
    for (const node of list) {
      if (node.type === 'footnoteDefinition') {
        const first = found.get(node.identifier);
        if (first) {
          ctx.error(
            node.position,
            `Footnote [^${node.identifier}] is defined twice (first at line ${first.position?.start.line ?? '?'})`,
            'Keep one definition, or give the second footnote its own label',
            'duplicate-footnote',
          );
        } else {
          found.set(node.identifier, node);
        }
      } else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') {
        visit(node.children as RootContent[]);
      }
    }
  };
  visit(nodes);
  return found;
}
