/**
 * What each decision of an incremental build depends on, as one hash per decision:
 * - the project's own checks (locales, templates, style sheet, fonts, glossary): hexaglot itself, and those files;
 * - a document's check: the project, the document's folder (its languages, data, figures and translation
 *   status) and the folder of the text in force it revises;
 * - one output (a document in one language, format and copy): hexaglot, locales and templates (but the
 *   folder of another format, templates/html/ for a Word copy), the document's folder without its
 *   other languages and its translation status, and the language file itself; the review page (lang
 *   `review`), the whole folder, translation status included (it flags outdated translations).
 * hexaglot itself is its code, the packages installed (their lock files) and the Node.js that runs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { STATUS_FOLDER } from '../../check/translation-status.js';
import { digest, filesUnder, type FileHashes } from './file-hashes.js';
import { REVIEW } from './output-id.js';

/** dist/ when compiled, scripts/ when run from the sources. */
const codeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const packageDir = path.resolve(codeDir, '..');

export class BuildKeys {
  readonly code: string;
  readonly project: string;
  readonly render: string;
  private readonly versions = new Map<string, string>();
  private readonly renders = new Map<string, string>();

  private readonly formatFolders: string[];

  constructor(
    private readonly root: string,
    private readonly hashes: FileHashes,
    documents: readonly string[],
    private readonly formats: readonly string[],
  ) {
    const code = filesUnder(codeDir).filter((file) => /\.(js|ts)$/.test(file));
    const lockFiles = [path.join(packageDir, 'package-lock.json'), path.join(packageDir, 'node_modules/.package-lock.json')];
    this.code = digest(`${process.version}\n${hashes.hashAll(packageDir, [...code, ...lockFiles])}`);
    this.render = this.combine([this.code, hashes.hashAll(root, [this.at('locales'), this.at('templates')])]);
    this.formatFolders = formats.map((format) => this.at('templates', format));
    const metadata = documents.map((doc) => this.at('content', doc, 'document.yaml'));
    this.project = this.combine([
      this.render,
      `${documents.join(',')}`,
      hashes.hashAll(root, [this.at('content/glossary.yaml'), ...metadata]),
    ]);
  }

  /** A document's check: the project, its folder and its base's folder. */
  check(docId: string): string {
    const base = this.metadata(docId, 'base');
    const folders = [this.at('content', docId), ...(base ? [this.at('content', base)] : [])];
    return this.combine([this.project, this.hashes.hashAll(this.root, folders)]);
  }

  /** One output: what it prints is its language file, read with the document's metadata, data and figures. */
  output(docId: string, lang: string, format: string, copy: string | undefined): string {
    const id = `${docId}/${lang}`;
    if (!this.versions.has(id)) {
      const folder = this.at('content', docId);
      const isOtherLanguage = (file: string) =>
        lang !== REVIEW && path.dirname(file) === folder && file.endsWith('.md') && path.basename(file) !== `${lang}.md`;
      // The translation status is read by the check (its folder is in `check`) and the review page, never printed on a language's page.
      const status = path.join(folder, STATUS_FOLDER) + path.sep;
      const isStatus = (file: string) => lang !== REVIEW && file.startsWith(status);
      this.versions.set(
        id,
        this.hashes.hashAll(
          this.root,
          filesUnder(folder).filter((file) => !isOtherLanguage(file) && !isStatus(file)),
        ),
      );
    }
    return this.combine([this.renderOf(format), this.versions.get(id)!, format, copy ?? '']);
  }

  /** What a format's writer reads: hexaglot, the locales and the templates, but another format's own folder (templates/html/…). */
  renderOf(format: string): string {
    if (!this.renders.has(format)) {
      const others = this.formatFolders.filter((folder) => folder !== this.at('templates', format));
      const templates = filesUnder(this.at('templates')).filter((file) => !others.some((folder) => file.startsWith(folder + path.sep)));
      this.renders.set(format, this.combine([this.code, this.hashes.hashAll(this.root, [this.at('locales'), ...templates])]));
    }
    return this.renders.get(format)!;
  }

  /** A value of a document's metadata, when document.yaml can be read (a file that cannot is reported by the check). */
  metadata(docId: string, field: 'base' | 'type'): string | undefined {
    try {
      const value: unknown = parse(readFileSync(this.at('content', docId, 'document.yaml'), 'utf8'));
      const found = (value as Record<string, unknown> | null)?.[field];
      return typeof found === 'string' && /^[\w.-]+$/.test(found) ? found : undefined;
    } catch {
      return undefined;
    }
  }

  private at(...parts: string[]): string {
    return path.join(this.root, ...parts);
  }

  private combine(parts: readonly string[]): string {
    return digest(parts.join('\n'));
  }
}
