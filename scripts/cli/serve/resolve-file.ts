/**
 * The file under outDir a request path names, or nothing. Nothing outside outDir is ever named: not by
 * `..` (plain or percent-encoded), not by an encoded slash, and not through a symbolic link that
 * leads out of it (the real path must be inside outDir's real path).
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export interface RequestedFile {
  /** The file, under outDir as given (not its real path). */
  file: string;
  /** The same file as a path sirv reads back to exactly it (sirv decodes with decodeURI, not decodeURIComponent). */
  sirvPathname: string;
}

export function fileForRequest(outDir: string, pathname: string): RequestedFile | undefined {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment === '.') continue;
    // '?' and '#' would end sirv's path; no output is named with them.
    if (segment === '..' || /[/\\\0?#]/.test(segment)) return undefined;
    segments.push(segment);
  }
  if (segments.length === 0) return undefined;
  const file = path.join(outDir, ...segments);
  try {
    const real = realpathSync(file);
    if (!isInside(realpathSync(outDir), real) || !statSync(real).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return { file, sirvPathname: `/${segments.map((segment) => segment.replaceAll('%', '%25')).join('/')}` };
}

/** `file` is `folder` itself or below it. */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
