/**
 * The corpus built once per run (tests/setup/corpus.ts): where it is, and its outputs as the build
 * pipeline gives them, each with the model it prints, for tests that only read outputs.
 */
import { readFileSync } from 'node:fs';
import { expect, inject } from 'vitest';
import { checkProject, type CheckResult, type Format, type Output, type Selection } from '../../scripts/cli/pipeline.js';
import { reading, type Reading } from '../../scripts/passes/index.js';
import type { ModelDocument } from '../../scripts/model/types.js';
import { outputFiles } from '../../scripts/render/output-name.js';
import { loadWriter } from '../../scripts/render/writers.js';

/** The root of the built copy of the project; fails the test if the build did not succeed. */
export function corpusRoot(): string {
  const corpus = inject('corpus');
  expect(corpus.code, corpus.stderr).toBe(0);
  return corpus.root;
}

let checked: CheckResult | undefined;

/**
 * The corpus's documents checked, as `hexaglot build` checked them before writing: every document
 * once per test process (a document is built and checked alone, whatever else is selected), then
 * the selected documents, in their order, and languages.
 */
export function checkCorpus(selection: Selection): CheckResult {
  checked ??= checkProject(corpusRoot(), {});
  expect(checked.ok).toBe(true);
  const { builds } = checked;
  const chosen = selection.docs?.map((docId) => builds.find((build) => build.docId === docId)!) ?? builds;
  return { ...checked, builds: chosen, langs: selection.langs };
}

/**
 * The outputs the build wrote for these documents and formats, in `renderOutputs`'s order and shape:
 * each copy's file, its bytes read back from the corpus (text for HTML), and the reading it prints.
 */
async function builtOutputs(result: CheckResult, formats: readonly Format[]): Promise<Output[]> {
  const fileOf = outputFiles(result.paths.root);
  const writers = await Promise.all(formats.map(async (format) => ({ format, copies: (await loadWriter(format)).copies })));
  const outputs: Output[] = [];
  for (const build of result.builds) {
    for (const doc of build.versions) {
      if (result.langs && !result.langs.includes(doc.lang)) continue;
      // Each reading made once per version, as the build makes it.
      const readings = new Map<Reading | undefined, ModelDocument>([[undefined, doc]]);
      const readingOf = (which: Reading | undefined) => readings.get(which) ?? readings.set(which, reading(doc, which!)).get(which)!;
      for (const { format, copies } of writers) {
        for (const copy of copies) {
          const file = fileOf(doc, doc.lang, format, copy.name);
          const content = format === 'html' ? readFileSync(file, 'utf8') : readFileSync(file);
          outputs.push({ doc: readingOf(copy.reading), format, variant: copy.name, file, content });
        }
      }
    }
  }
  return outputs;
}

/** The corpus's outputs of the selected documents and languages in these formats. */
export async function corpusOutputs(selection: Selection, formats: readonly Format[]): Promise<Output[]> {
  return builtOutputs(checkCorpus(selection), formats);
}
