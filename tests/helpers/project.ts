/** A throw-away copy of the project (content, locales, templates) for tests that build or break it. */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
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

/** Every file under `root`/out with its modification time and bytes, to tell that a build left out/ as it was. */
export function snapshotOut(root: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else found.set(path.relative(root, file), `${statSync(file).mtimeMs}:${readFileSync(file).toString('base64')}`);
    }
  };
  walk(path.join(root, 'out'));
  return found;
}
