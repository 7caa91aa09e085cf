/**
 * The checks of a document once every language version is built: typography, mark edges and both
 * readings per language; then, for the versions that pass their own checks, the text in force and
 * parity with the original and each translated block's status (translation-status.ts); the proposals
 * declared, and the original's glossary terms in each translation.
 */
import { buildDocument, listDocuments, type DocumentBuild, type ProjectPaths } from '../model/build.js';
import { hasErrors, reportError } from '../diagnostics/report.js';
import type { Lang } from '../i18n/languages.js';
import { loadLocale } from '../i18n/locales.js';
import { checkBaseText } from './base-text.js';
import { checkMarkBoundaries } from './mark-boundaries.js';
import { checkDocumentParity } from './parity.js';
import { checkTranslationStatus } from './translation-status.js';
import { checkQuotes } from './typography.js';
import { checkDeclaredProposals } from './declared-proposals.js';
import { checkReadings } from './readings.js';
import { checkDocumentGlossary } from './glossary.js';
import type { Glossary } from './glossary-data.js';
import type { VFile } from 'vfile';
import type { ModelDocument } from '../model/types.js';

/** `glossary`: read once for every document checked (`loadGlossary`); undefined when the project has none. */
export function checkDocument(build: DocumentBuild, paths: ProjectPaths, glossary?: Glossary): void {
  for (const version of build.versions) checkVersion(version, build.versionFiles.get(version.lang)!, paths);
  // A fault in a file is reported once, in that file: the checks that compare it with another are left out.
  const failed = new Set([...build.versionFiles].filter(([, file]) => hasErrors(file)).map(([lang]) => lang));
  checkAgainstBase(build, paths, failed);
  checkDocumentParity(build, failed);
  checkTranslationStatus(build, paths, failed);
  checkDeclaredProposals(build);
  checkDocumentGlossary({ ...build, versions: build.versions.filter((version) => !failed.has(version.lang)) }, glossary);
}

/** The checks of one language version on its own: typography, mark edges and both readings. */
export function checkVersion(version: ModelDocument, file: VFile, paths: ProjectPaths): void {
  checkQuotes(version, file, loadLocale(paths.locales, version.lang));
  checkMarkBoundaries(version, file);
  // The readings of a text that failed its own checks (a label left open, say) would only repeat its fault.
  if (!hasErrors(file)) checkReadings(version, file);
}

/** Each language version's rejected reading against the same language of the document it revises. */
function checkAgainstBase(build: DocumentBuild, paths: ProjectPaths, failed: ReadonlySet<Lang>): void {
  const baseId = build.meta?.base;
  if (!baseId) return;
  const metaFile = build.files[0]!;
  const line =
    String(metaFile.value)
      .split('\n')
      .findIndex((text) => text.startsWith('base:')) + 1;
  const place = { line: Math.max(line, 1), column: 1 };
  if (baseId === build.docId || !listDocuments(paths).includes(baseId)) {
    const known = listDocuments(paths).filter((id) => id !== build.docId);
    reportError(
      metaFile,
      place,
      `The base "${baseId}" is not another document under content/`,
      `Name one of ${known.join(', ')}`,
      'base-text',
    );
    return;
  }
  const base = buildDocument(paths, baseId);
  for (const version of build.versions) {
    if (failed.has(version.lang)) continue;
    const inForce = base.versions.find((doc) => doc.lang === version.lang);
    if (!inForce) {
      reportError(
        metaFile,
        place,
        `The base "${baseId}" has no ${version.lang} version to check ${version.lang}.md against`,
        `Add content/${baseId}/${version.lang}.md`,
        'base-text',
      );
      continue;
    }
    checkBaseText(version, build.versionFiles.get(version.lang)!, inForce, base.versionFiles.get(version.lang)!);
  }
}
