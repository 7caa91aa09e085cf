/**
 * What the last successful build made, kept in out/.hexaglot/manifest.json: the stamps of the files it
 * read, the project's and each document's check (with the warnings to print again), and every output
 * with the hash of its inputs. It is hexaglot's own cache, not a source: one that cannot be read is
 * a build from scratch, never an error.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileStamp } from './file-hashes.js';
import type { FileMessages } from './messages.js';

export interface CheckRecord {
  key: string;
  /** The languages checked under this key; all of them when `complete`. */
  langs: string[];
  complete: boolean;
  files: FileMessages[];
}

export interface OutputRecord {
  key: string;
  /** Relative to the project folder. */
  file: string;
  size: number;
  mtimeMs: number;
}

export interface Manifest {
  format: 1;
  stamps: Record<string, FileStamp>;
  project: { key: string; files: FileMessages[] } | undefined;
  documents: Record<string, CheckRecord>;
  /** The copies each format makes (`''` for a format's only copy), as the writers said at the last build. */
  copies: Record<string, string[]>;
  /** By `document/lang/format/copy`. */
  outputs: Record<string, OutputRecord>;
  /** Files written beside the outputs (fonts, figures), by path relative to the project folder. */
  assets: Record<string, OutputRecord>;
}

export const manifestFile = (root: string) => path.join(root, 'out', '.hexaglot', 'manifest.json');

export const emptyManifest = (): Manifest => ({
  format: 1,
  stamps: {},
  project: undefined,
  documents: {},
  copies: {},
  outputs: {},
  assets: {},
});

export function readManifest(root: string): Manifest {
  try {
    const value = JSON.parse(readFileSync(manifestFile(root), 'utf8')) as Partial<Manifest> | null;
    if (value?.format !== 1 || typeof value.outputs !== 'object' || typeof value.documents !== 'object') return emptyManifest();
    return { ...emptyManifest(), ...value } as Manifest;
  } catch {
    return emptyManifest();
  }
}

/** The record of a file as it is now on disk. */
export function recordOf(root: string, file: string, key: string): OutputRecord | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? { key, file: path.relative(root, file), size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
}

/** Whether a recorded output is still on disk as the build left it, and made from the same inputs. */
export function isCurrent(root: string, record: OutputRecord | undefined, key: string): boolean {
  if (!record || record.key !== key) return false;
  const now = recordOf(root, path.join(root, record.file), key);
  return now !== undefined && now.size === record.size && now.mtimeMs === record.mtimeMs;
}
