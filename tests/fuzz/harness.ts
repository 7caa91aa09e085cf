/**
 * Runs a source through check, in process, as `hexaglot check` would with the document's other
 * language versions as they are, and through the HTML writer when it passes. A run fails the fuzz when
 * it throws anything but a diagnostic, takes longer than the limit, or passes check with a text of
 * the source missing from its page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile, type VFile as VFileType } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { fromHtml } from 'hast-util-from-html';
import { buildDocument, buildVersion, listDocuments, readDocumentMeta, type ProjectPaths } from '../../scripts/model/build.js';
import { loadDocumentData, type DocumentData } from '../../scripts/model/data.js';
import { wordsOf } from '../../scripts/model/context.js';
import { completeModel } from '../../scripts/passes/index.js';
import { checkQuotes } from '../../scripts/check/typography.js';
import { checkMarkBoundaries } from '../../scripts/check/mark-boundaries.js';
import { checkBaseText } from '../../scripts/check/base-text.js';
import { checkParity } from '../../scripts/check/parity.js';
import { checkReadings } from '../../scripts/check/readings.js';
import { checkGlossary } from '../../scripts/check/glossary.js';
import { loadGlossary, type Glossary } from '../../scripts/check/glossary-data.js';
import { hasErrors } from '../../scripts/diagnostics/report.js';
import { loadLocale } from '../../scripts/i18n/locales.js';
import type { Lang } from '../../scripts/i18n/languages.js';
import type { DocumentMeta } from '../../scripts/model/metadata.js';
import type { ModelDocument } from '../../scripts/model/types.js';
import type { Render } from '../../scripts/render/writer.js';
import { loadWriter } from '../../scripts/render/writers.js';
import { renderContext } from '../helpers/render-page.js';
import { missingSourceText } from '../helpers/source-text.js';

/** A language file of the corpus. */
export interface Source {
  docId: string;
  lang: Lang;
  text: string;
}

export interface RunResult {
  /** Whether the source passed check (and its page was rendered). */
  passed: boolean;
  milliseconds: number;
  /** What went wrong, if anything did: an exception, a text lost on the way to the page. */
  failure?: string | undefined;
}

interface LoadedDocument {
  meta: DocumentMeta;
  /** The document of the text in force, when the document revises one. */
  base: LoadedDocument | undefined;
  docDir: string;
  data: DocumentData;
  /** Every language version as the corpus has it, checked and completed. */
  versions: Map<Lang, { doc: ModelDocument; text: string }>;
}

export class FuzzHarness {
  private readonly documents = new Map<string, LoadedDocument>();
  private readonly glossary: Glossary | undefined;

  private constructor(
    private readonly paths: ProjectPaths,
    private readonly render: Render<{ name: undefined }>,
  ) {
    this.glossary = loadGlossary(paths);
  }

  static async create(paths: ProjectPaths): Promise<FuzzHarness> {
    const writer = await loadWriter('html');
    return new FuzzHarness(paths, writer.create(renderContext()) as Render<{ name: undefined }>);
  }

  /** The language files of the corpus no larger than `maxBytes`. */
  sources(maxBytes = Infinity): Source[] {
    return listDocuments(this.paths).flatMap((docId) => {
      const loaded = this.load(docId);
      return [...loaded.versions]
        .filter(([, version]) => Buffer.byteLength(version.text) <= maxBytes)
        .map(([lang, version]) => ({ docId, lang, text: version.text }));
    });
  }

  /** Checks `text` as the `source.lang` version of its document and, when it passes, renders its page. */
  async run(source: Source, text: string): Promise<RunResult> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    try {
      const { file, doc } = this.check(source, text);
      if (!doc || hasErrors(file)) return { passed: false, milliseconds: elapsed() };
      const page = fromHtml(String(await this.render(doc, { name: undefined }, `${source.lang}.html`)));
      const missing = missingSourceText(text, page);
      const failure = missing && `passes check, but "${missing.text.slice(0, 80)}" does not reach its HTML`;
      return { passed: true, milliseconds: elapsed(), failure };
    } catch (error) {
      if (error instanceof VFileMessage) return { passed: false, milliseconds: elapsed() };
      return {
        passed: false,
        milliseconds: elapsed(),
        failure: `throws ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      };
    }
  }

  /**
   * The checks of `hexaglot check` (check/document.ts) for one version, with the document's other
   * versions, the text in force and the glossary read once for the whole campaign rather than once a run.
   */
  private check(source: Source, text: string): { file: VFileType; doc: ModelDocument | undefined } {
    const loaded = this.load(source.docId);
    const fileOf = (docId: string, lang: Lang, value: string) => new VFile({ path: path.join('content', docId, `${lang}.md`), value });
    const file = fileOf(source.docId, source.lang, text);
    const locale = loadLocale(this.paths.locales, source.lang);
    const built = buildVersion(file, source.lang, loaded.meta, source.docId, loaded.docDir, this.paths, loaded.data);
    const doc = built && completeModel(built, wordsOf(locale, file));
    if (!doc) return { file, doc };
    checkQuotes(doc, file, locale);
    checkMarkBoundaries(doc, file);
    checkReadings(doc, file);
    if (hasErrors(file)) return { file, doc };
    const inForce = loaded.base?.versions.get(source.lang);
    if (inForce && loaded.meta.base) checkBaseText(doc, file, inForce.doc, fileOf(loaded.meta.base, source.lang, inForce.text));
    const original = loaded.meta.originalLanguage;
    for (const [lang, version] of loaded.versions) {
      // The original against each translation, or the translation against the original.
      if (lang === source.lang || (source.lang !== original && lang !== original)) continue;
      const [a, aFile, b, bFile] =
        source.lang === original
          ? [doc, file, version.doc, fileOf(source.docId, lang, version.text)]
          : [version.doc, fileOf(source.docId, lang, version.text), doc, file];
      checkParity(a, aFile, b, bFile);
      if (this.glossary) checkGlossary(a, aFile, b, bFile, this.glossary);
    }
    return { file, doc };
  }

  private load(docId: string): LoadedDocument {
    const known = this.documents.get(docId);
    if (known) return known;
    const { meta } = readDocumentMeta(this.paths, docId);
    if (!meta) throw new Error(`${docId}: document.yaml does not check`);
    const docDir = path.join(this.paths.content, docId);
    const build = buildDocument(this.paths, docId);
    const versions = new Map(
      build.versions.map((version) => [
        version.lang,
        {
          doc: completeModel(version, wordsOf(loadLocale(this.paths.locales, version.lang), build.versionFiles.get(version.lang)!)),
          text: readFileSync(path.join(docDir, `${version.lang}.md`), 'utf8'),
        },
      ]),
    );
    const base = meta.base ? this.load(meta.base) : undefined;
    const loaded = { meta, base, docDir, data: loadDocumentData(docDir, this.paths.root), versions };
    this.documents.set(docId, loaded);
    return loaded;
  }
}
