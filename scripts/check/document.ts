/** The checks of a document once every language version is built: typography per language, then parity with the original. */
import type { DocumentBuild } from '../model/build.js';
import { loadLocale } from '../i18n/locales.js';
import { checkDocumentParity } from './parity.js';
import { checkMarkBoundaries } from './mark-boundaries.js';
import { checkQuotes } from './typography.js';
import { checkDeclaredProposals } from './declared-proposals.js';

export function checkDocument(build: DocumentBuild, localesDir: string): void {
  for (const version of build.versions) {
    const file = build.versionFiles.get(version.lang)!;
    checkQuotes(version, file, loadLocale(localesDir, version.lang));
    checkMarkBoundaries(version, file);
  }
  checkDocumentParity(build);
  checkDeclaredProposals(build);
}
