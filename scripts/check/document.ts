/**
 * The checks of a document once every language version is built: typography, mark edges and both
 * readings per language, the text in force, parity with the original, the proposals declared, then
 * the original's glossary terms in each translation.
 */
import { buildDocument, listDocuments, type DocumentBuild, type ProjectPaths } from '../model/build.js';
import { reportError } from '../diagnostics/report.js';
import { loadLocale } from '../i18n/locales.js';
import { checkBaseText } from './base-text.js';
import { checkMarkBoundaries } from './mark-boundaries.js';
import { checkDocumentParity } from './parity.js';
import { checkQuotes } from './typography.js';
import { checkDeclaredProposals } from './declared-proposals.js';
import { checkReadings } from './readings.js';
import { checkDocumentGlossary } from './glossary.js';
import type { Glossary } from './glossary-data.js';

/** `glossary`: read once for every document checked (`loadGlossary`); undefined when the project has none. */
export function checkDocument(build: DocumentBuild, paths: ProjectPaths, glossary?: Glossary): void {
  for (const version of build.versions) {
    const file = build.versionFiles.get(version.lang)!;
    checkQuotes(version, file, loadLocale(paths.locales, version.lang));
    checkMarkBoundaries(version, file);
    checkReadings(version, file);
  }
  checkAgainstBase(build, paths);
  checkDocumentParity(build);
  checkDeclaredProposals(build);
  checkDocumentGlossary(build, glossary);
}

/** Each language version's rejected reading against the same language of the document it revises. */
function checkAgainstBase(build: DocumentBuild, paths: ProjectPaths): void {
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
