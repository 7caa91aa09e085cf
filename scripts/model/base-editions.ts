/**
 * The base edition a proposal's resolution names in document.yaml (`base: res154-dubai-2018`): the
 * document of the text in force that a MOD's marks are to be checked against. It must be another
 * document of the project. (The document-wide `base` is checked with the text, in check/document.ts.)
 */
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import { reportError } from '../diagnostics/report.js';
import type { DocumentMeta, ResolutionMeta } from './metadata.js';
import type { YamlPath } from '../read/yaml.js';

/** The resolutions of the proposals, with the path of each in document.yaml. */
function proposalResolutions(meta: DocumentMeta): { resolution: ResolutionMeta; path: YamlPath }[] {
  return meta.proposals.flatMap(({ resolution }, index) => (resolution ? [{ resolution, path: ['proposals', index, 'resolution'] }] : []));
}

export function checkBaseEditions(
  meta: DocumentMeta,
  docId: string,
  documents: readonly string[],
  metaFile: VFile,
  placeOf: (path: YamlPath) => Point,
): void {
  for (const { resolution, path } of proposalResolutions(meta)) {
    const base = resolution.base;
    if (base === undefined) continue;
    const place = placeOf([...path, 'base']);
    if (base === docId) {
      reportError(
        metaFile,
        place,
        `The base edition of Resolution ${resolution.number} is this document itself`,
        'Name the document that holds the text in force',
        'unknown-base',
      );
    } else if (!documents.includes(base)) {
      reportError(
        metaFile,
        place,
        `The base edition "${base}" of Resolution ${resolution.number} is not a document (no content/${base}/document.yaml)`,
        `Name one of: ${documents.filter((d) => d !== docId).join(', ')}; or add the text in force as content/${base}/`,
        'unknown-base',
      );
    }
  }
}
