/** Every file and folder under a folder, each file with its bytes: for asserting that a failed build left out/ as it was. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function treeSnapshot(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(dir)) return found;
  if (!statSync(dir).isDirectory()) return new Map([['.', `file ${readFileSync(dir).toString('base64')}`]]);
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const file = path.join(at, entry.name);
      const name = path.relative(dir, file);
      if (entry.isDirectory()) {
        found.set(name, 'folder');
        walk(file);
      } else found.set(name, `file ${statSync(file).mtimeMs} ${readFileSync(file).toString('base64')}`);
    }
  };
  walk(dir);
  return found;
}

/** Temporary files the output transaction leaves when it does not clean up. */
export const temporaryFiles = (snapshot: Map<string, string>) => [...snapshot.keys()].filter((name) => name.endsWith('.tmp'));
