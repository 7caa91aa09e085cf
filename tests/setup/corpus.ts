/**
 * Before any test, once per run: every document, language and format built into a copy of the
 * project (`hexaglot build`, in this process), for the tests that only read outputs. Tests that
 * change sources build their own copies, and only what they need.
 */
import type { TestProject } from 'vitest/node';
import { nodeFileSystem } from '../../scripts/cli/output-transaction.js';
import { copyProject } from '../helpers/project.js';
import { compiledMain, hexaglot, type CliRun } from '../helpers/cli.js';

/** The shared build: its project copy (outputs under `out/`) and what `hexaglot build` said. */
export interface Corpus extends CliRun {
  root: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    corpus: Corpus;
  }
}

export default async function buildCorpus(project: TestProject): Promise<() => void> {
  const copy = copyProject();
  // The compiled command (tests/setup/compile.ts ran first): its build runs on every core.
  const run = await hexaglot(copy.root, ['build'], nodeFileSystem, await compiledMain());
  project.provide('corpus', { root: copy.root, ...run });
  return () => copy.remove();
}
