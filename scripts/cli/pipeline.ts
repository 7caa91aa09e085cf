/**
 * The pipeline behind `hexaglot build` and `hexaglot check`: select documents
 * and languages, build and check their models, and (for build) render every
 * requested format in memory before writing anything.
 */
import { copyFileSync, mkdirSync, renameSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { VFile } from 'vfile';
import { buildDocument, listDocuments, projectPaths, type DocumentBuild, type ProjectPaths } from '../model/build.js';
import { hasErrors } from '../check/diagnostics.js';
import { checkLocales } from '../check/locales.js';
import { loadLocale } from '../i18n/locales.js';
import { LANGS, LANGUAGES, type Lang } from '../i18n/languages.js';
import { loadHtmlTemplates, renderHtml } from '../render/html/index.js';
import { DOCX_VARIANTS, renderDocx, type DocxVariant } from '../render/docx/index.js';
import { loadStyleSheet } from '../render/style-sheet.js';
import { PDF_VARIANTS, renderPdf, type PdfVariant } from '../render/pdf/index.js';
import { loadFontSet } from '../render/pdf/fonts.js';
import type { ModelDocument } from '../model/types.js';

export const FORMATS = ['html', 'docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export class UsageError extends Error {}

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
  const builds = (selection.docs ?? known).map((doc) => buildDocument(paths, doc, selection.langs));
  const files = [...checkLocales(paths.locales, root), ...builds.flatMap((b) => b.files)];
  return { paths, builds, files, langs: selection.langs, ok: !files.some(hasErrors) };
}

export interface Output {
  doc: ModelDocument;
  format: Format;
  /** The DOCX copies: tracked changes, marked (formatting only) and clean. */
  variant?: string | undefined;
  file: string;
  content: string | Buffer;
}

/** A format's variants (none for HTML), each rendered to the file the output-name template gives. */
interface Renderer {
  variants: readonly (string | undefined)[];
  render(doc: ModelDocument, file: string, variant: string | undefined): string | Promise<Buffer>;
}

/** A language's own name as a menu shows it: "Español", not the "español" of running text. */
const capitalised = (name: string, lang: Lang) => name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);

/** Files written beside the outputs (web fonts and their style sheet): absolute target → content. */
export type Assets = Map<string, string | { copyOf: string }>;

/** Renderers are created once per build, so templates, fonts and locales are read once. */
function createRenderers(root: string, assets: Assets, fileOf: OutputFiles): Record<Format, Renderer> {
  const paths = projectPaths(root);
  const html = loadHtmlTemplates(path.join(root, 'templates'));
  const fontsDir = path.join(root, 'out', 'fonts');
  const sheet = loadStyleSheet(path.join(root, 'templates'));
  const fonts = loadFontSet(root);
  return {
    html: {
      variants: [undefined],
      render(doc, file) {
        for (const [from, to] of html.fonts.files) assets.set(path.join(fontsDir, to), { copyOf: from });
        assets.set(path.join(fontsDir, 'fonts.css'), html.fonts.css);
        const fontBase = path.relative(path.dirname(file), fontsDir).split(path.sep).join('/');
        // The page links to the document in its other languages, each named in its own language.
        const versions = LANGS.filter((lang) => doc.meta.languages.includes(lang)).map((lang) => ({
          lang,
          name: capitalised(loadLocale(paths.locales, lang).t(`languageName.${lang}`), lang),
          href: path
            .relative(path.dirname(file), fileOf(doc, lang, 'html', undefined))
            .split(path.sep)
            .join('/'),
          current: lang === doc.lang,
        }));
        return renderHtml(doc, loadLocale(paths.locales, doc.lang), html, { fontBase, versions });
      },
    },
    docx: {
      variants: DOCX_VARIANTS,
      render(doc, _file, variant) {
        const layout = html.frame(doc.frame, doc.meta.type);
        return renderDocx(doc, { locale: loadLocale(paths.locales, doc.lang), sheet, layout, variant: variant as DocxVariant });
      },
    },
    pdf: {
      variants: PDF_VARIANTS,
      render(doc, _file, variant) {
        const layout = html.frame(doc.frame, doc.meta.type);
        return renderPdf(doc, { locale: loadLocale(paths.locales, doc.lang), sheet, layout, variant: variant as PdfVariant, fonts });
      },
    },
  };
}

export async function renderOutputs(result: CheckResult, formats: readonly Format[], assets: Assets = new Map()): Promise<Output[]> {
  const root = result.paths.root;
  const fileOf = outputFiles(root);
  const renderers = createRenderers(root, assets, fileOf);
  const outputs: Output[] = [];
  for (const build of result.builds) {
    for (const doc of build.versions) {
      if (result.langs && !result.langs.includes(doc.lang)) continue;
      for (const format of formats) {
        for (const variant of renderers[format].variants) {
          const file = fileOf(doc, doc.lang, format, variant);
          outputs.push({ doc, format, variant, file, content: await renderers[format].render(doc, file, variant) });
        }
      }
    }
  }
  return outputs;
}

/** Where a document's output in a language, format and variant goes: `templates/output-name.hbs` under out/. */
export type OutputFiles = (doc: ModelDocument, lang: Lang, format: Format, variant: string | undefined) => string;

function outputFiles(root: string): OutputFiles {
  const outputName = Handlebars.compile(readFileSync(path.join(root, 'templates', 'output-name.hbs'), 'utf8').trim(), { strict: true });
  return (doc, lang, format, variant) =>
    path.join(
      root,
      'out',
      outputName({
        docId: doc.docId,
        lang,
        letter: LANGUAGES[lang].letter,
        // A symbol as a file name: `C26/30` → `C26-30`.
        symbol: doc.meta.symbol.replace(/[^A-Za-z0-9.-]+/g, '-'),
        addendum: doc.meta.document.addendum,
        variant,
        ext: format,
        format,
      }),
    );
}

/** Writes to a temporary file beside the target and renames it: a reader never sees half a file. */
export function writeAtomically(file: string, content: string | Buffer | { copyOf: string }): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  if (typeof content === 'string' || Buffer.isBuffer(content)) writeFileSync(temporary, content);
  else copyFileSync(content.copyOf, temporary);
  renameSync(temporary, file);
}
