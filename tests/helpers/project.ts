/** A throw-away copy of the project (content, locales, templates) for tests that build or break it. */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './build.js';

export function copyProject(): { root: string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'hexaglot-'));
  for (const folder of ['content', 'locales', 'templates']) {
    cpSync(path.join(repoRoot, folder), path.join(root, folder), { recursive: true });
  }
  // Web fonts are resolved from the repository's node_modules.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * The proposal's document.yaml for a fixture document of its own: no seed to compare with, and the
 * languages the fixture writes rather than whatever the proposal has been translated into.
 */
export function fixtureMetadata(root: string, languages: readonly string[]): string {
  return readFileSync(path.join(root, 'content/res71-proposal/document.yaml'), 'utf8')
    .replace(/seed: .*\n/, '')
    .replace(/^languages: .*$/m, `languages: [${languages.join(', ')}]`);
}

/** Changes `content/<doc>/<name>` of a project copy and gives its new text; an edit that changes nothing is a broken test. */
export function editContent(root: string, doc: string, name: string, change: (text: string) => string): string {
  const file = path.join(root, 'content', doc, name);
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`the edit of ${doc}/${name} changed nothing`);
  writeFileSync(file, changed);
  return changed;
}

/** The number of the first line holding `needle` (0 when none does). */
export const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
