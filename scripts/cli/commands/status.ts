/**
 * `hexaglot status`: per document and language, how many blocks are current, outdated, unrecorded,
 * missing; and which. Printed even when a source has problems (a block missing from a translation is
 * one), which are then reported as `check` reports them, and make the exit code 1.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { BLOCK_STATUSES, blockStates, countStates, readStatusRecord, type BlockState } from '../../check/translation-status.js';
import { checkProject, type Selection } from '../pipeline.js';
import type { CommandContext } from './context.js';
import { reporterOf } from './reporter.js';

export function runStatus(selection: Selection, options: { root: string; blocks?: boolean }, context: CommandContext): void {
  const reporter = reporterOf(context);
  const root = path.resolve(options.root);
  const result = checkProject(root, selection);
  const here = (file: VFile) => path.relative(process.cwd(), path.resolve(root, file.path)) || file.path;
  const rows: string[][] = [];
  const lists: string[] = [];
  for (const build of result.builds) {
    const original = build.versions.find((version) => version.lang === build.meta?.originalLanguage);
    if (!original) continue;
    const originalFile = build.versionFiles.get(original.lang)!;
    for (const version of build.versions) {
      if (version === original || (selection.langs && !selection.langs.includes(version.lang))) continue;
      const record = readStatusRecord(result.paths, build.docId, version.lang);
      const states = blockStates(original, version, record.entries ?? []);
      const counts = countStates(states);
      const kept = !record.file ? 'none' : record.entries ? 'yes' : 'invalid';
      rows.push([build.docId, version.lang, ...BLOCK_STATUSES.map((status) => String(counts[status])), kept]);
      if (!options.blocks && !selection.langs) continue;
      const files = { original: here(originalFile), translation: here(build.versionFiles.get(version.lang)!) };
      lists.push(...states.filter((state) => state.status !== 'current').map((state) => workLine(state, files)));
    }
  }
  const header = ['document', 'lang', ...BLOCK_STATUSES, 'record'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 || i === header.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  reporter.out.write(`${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
  if (rows.some((row) => row.at(-1) === 'none')) {
    reporter.out.write('(record none: the language keeps no translation status yet; `hexaglot reviewed` starts one)\n');
  }
  if (rows.some((row) => row.at(-1) === 'invalid')) {
    reporter.out.write('(record invalid: counted as if nothing were recorded; its problems are below)\n');
  }
  if (lists.length) reporter.out.write(`\n${lists.join('\n')}\n`);
  // The status of a translation with problems is still worth reading (a missing block is one); the problems follow.
  if (!result.ok) reporter.fail(result, root);
}

/** A block that needs work, at its place: the translation's, or the original's for a missing block. */
function workLine(state: BlockState, files: { original: string; translation: string }): string {
  const originalAt = `${path.basename(files.original)}:${state.original.position?.start.line ?? 1}`;
  const at = (file: string, shape = state.translation) => `${file}:${shape?.position?.start.line ?? 1}`;
  switch (state.status) {
    case 'outdated':
      return `${at(files.translation)}: outdated: ${state.translation!.name}: its original, ${originalAt}, changed since it was translated`;
    case 'unrecorded':
      return `${at(files.translation)}: unrecorded: ${state.translation!.name}: not reviewed against ${originalAt} since it was last changed`;
    case 'missing':
      return `${at(files.original, state.original)}: missing: ${state.original.name}: no counterpart in ${path.basename(files.translation)}`;
    case 'current':
      return `${at(files.translation)}: current: ${state.translation!.name}`;
  }
}
