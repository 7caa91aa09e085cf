/**
 * Every proposal document.yaml declares is made in the text: a declared identifier that the original
 * never uses is reported at its line in document.yaml (one used but not declared is reported where the
 * text uses it, while the model is built).
 */
import type { DocumentBuild } from '../model/build.js';
import { reportError } from '../diagnostics/report.js';
import type { BlockNode } from '../model/types.js';
import { mapBlocks } from '../model/walk.js';

export function checkDeclaredProposals(build: DocumentBuild): void {
  const { meta } = build;
  const original = build.versions.find((version) => version.lang === meta?.originalLanguage);
  const metaFile = build.files[0];
  if (!meta || !original || !metaFile) return;
  const made = new Set(proposalIds(original.body));
  meta.proposals.forEach(({ id }, index) => {
    if (made.has(id)) return;
    reportError(
      metaFile,
      build.placeInMeta(['proposals', index, 'id']),
      `Proposal "${id}" is declared but ${original.lang}.md makes no proposal ${id}`,
      `Add \`::::proposal{action=… id=${id}}\` to ${original.lang}.md, or remove the entry from "proposals"`,
      'unused-proposal',
    );
  });
}

function proposalIds(blocks: readonly BlockNode[]): string[] {
  const ids: string[] = [];
  mapBlocks(blocks, (block) => {
    if (block.type === 'proposal') ids.push(block.id);
    return block;
  });
  return ids;
}
