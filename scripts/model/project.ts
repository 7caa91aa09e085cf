/** Where a project keeps its sources, and the documents it holds. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface ProjectPaths {
  root: string;
  content: string;
  locales: string;
}

export function projectPaths(root: string): ProjectPaths {
  return { root, content: path.join(root, 'content'), locales: path.join(root, 'locales') };
}

export function listDocuments(paths: ProjectPaths): string[] {
  if (!existsSync(paths.content)) return [];
  return readdirSync(paths.content, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(paths.content, entry.name, 'document.yaml')))
    .map((entry) => entry.name)
    .sort();
}
