/**
 * Content hashes of the files a build reads. A file whose size, modification time and inode are what
 * they were at the last build keeps its recorded hash (as git's index does); any other is read and
 * hashed again, so a no-op build reads no file while an edit of any kind is seen.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A file's size, modification time, inode and content hash. */
export type FileStamp = [size: number, mtimeMs: number, ino: number, hash: string];

export class FileHashes {
  private readonly seen = new Map<string, FileStamp>();

  constructor(private readonly previous: Readonly<Record<string, FileStamp>> = {}) {}

  /** The file's content hash, or `missing` when there is no such file. */
  hash(file: string): string {
    const known = this.seen.get(file);
    if (known) return known[3];
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return 'missing';
    const before = this.previous[file];
    const stamp: FileStamp =
      before && before[0] === stat.size && before[1] === stat.mtimeMs && before[2] === stat.ino
        ? before
        : [stat.size, stat.mtimeMs, stat.ino, digest(readFileSync(file))];
    this.seen.set(file, stamp);
    return stamp[3];
  }

  /** One hash of every file under the folders and of the files named (sorted, each with its path relative to `root`). */
  hashAll(root: string, entries: readonly string[]): string {
    const files = entries.flatMap((entry) => filesUnder(entry)).sort();
    return digest(files.map((file) => `${path.relative(root, file)}\0${this.hash(file)}`).join('\n'));
  }

  /** The stamps of the files hashed in this build, to be kept for the next. */
  stamps(): Record<string, FileStamp> {
    return Object.fromEntries([...this.seen].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}

export function digest(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A folder's files, all levels down, or the path itself when it is not a folder (a file, or nothing). */
export function filesUnder(entry: string): string[] {
  let names: string[];
  try {
    names = readdirSync(entry, { recursive: true, encoding: 'utf8' });
  } catch {
    return [entry];
  }
  return names.map((name) => path.join(entry, name)).filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
}
