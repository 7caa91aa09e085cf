/** Prints the errors and warnings of the files read, each at its place relative to the working folder. */
import path from 'node:path';
import { countMessages, formatMessages } from '../diagnostics/report.js';

/** Returns the number of errors, and the warnings as a clause to add to a summary line. */
export function reportProblems(
  out: NodeJS.WritableStream,
  files: Parameters<typeof formatMessages>[0],
  root: string,
): { count: number; warnings: string } {
  const relative = files.map((file) => {
    file.path = path.relative(process.cwd(), path.resolve(root, file.path)) || file.path;
    return file;
  });
  const text = formatMessages(relative);
  if (text) out.write(`${text}\n`);
  const { errors, warnings } = countMessages(files);
  return { count: errors, warnings: warnings ? ` and ${warnings} warning(s)` : '' };
}
