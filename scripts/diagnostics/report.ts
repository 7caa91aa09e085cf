/**
 * Diagnostics are vfile messages: each has the file, a position, what is wrong
 * and how to fix it. A problem is an error (fatal): a document with one is not
 * written in any format. A warning (not fatal) names a place a person should
 * read again, such as a term that may not be ITU's; it is printed, and the
 * document is still checked as good and written.
 */
import type { VFile } from 'vfile';
import type { Position, Point } from 'unist';

export interface Place {
  position?: Position | undefined;
}

export function reportError(file: VFile, place: Position | Point | undefined, problem: string, fix: string, ruleId: string) {
  return report(file, place, `${problem}. ${fix}`, ruleId, true);
}

export function reportWarning(file: VFile, place: Position | Point | undefined, problem: string, fix: string, ruleId: string) {
  return report(file, place, `${problem}. ${fix}`, ruleId, false);
}

function report(file: VFile, place: Position | Point | undefined, reason: string, ruleId: string, fatal: boolean) {
  // A problem with no better place (a word of the frame, a whole file) is reported at the file's start.
  // Every message is one line, whatever words it quotes.
  const line = reason.replace(/\s*[\r\n]+\s*/g, ' ');
  const message = file.message(line, { place: place ?? { line: 1, column: 1 }, ruleId, source: 'hexaglot' });
  message.fatal = fatal;
  return message;
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((m) => m.fatal === true);
}

export function countMessages(files: readonly VFile[]): { errors: number; warnings: number } {
  const messages = files.flatMap((file) => file.messages);
  const errors = messages.filter((m) => m.fatal === true).length;
  return { errors, warnings: messages.length - errors };
}

/** `path:line:column: error: reason [rule]`, one line per message, sorted by place. */
export function formatMessages(files: readonly VFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const m of sorted) {
      const where = `${file.path}:${m.line ?? 1}:${m.column ?? 1}`;
      lines.push(`${where}: ${m.fatal ? 'error' : 'warning'}: ${m.reason} [${m.source}:${m.ruleId}]`);
    }
  }
  return lines.join('\n');
}

/**
 * Thrown by a loader handed a file that `check` rejects (a template, the style sheet, a locale), so
 * that the CLI prints the file's messages as `check` does, never a stack trace.
 */
export class InvalidSourceError extends Error {
  constructor(readonly files: readonly VFile[]) {
    super(formatMessages(files));
    this.name = 'InvalidSourceError';
  }
}
