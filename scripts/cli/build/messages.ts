/**
 * The problems found in a file, as plain data: what a worker thread sends back and what the build's
 * manifest keeps to print again when a document's check is not run again.
 */
import { VFile } from 'vfile';

export interface FileMessages {
  path: string;
  messages: { reason: string; line: number; column: number; ruleId: string | undefined; source: string | undefined; fatal: boolean }[];
}

export function messagesOf(files: readonly VFile[]): FileMessages[] {
  return files.map((file) => ({
    path: file.path,
    messages: file.messages.map((m) => ({
      reason: m.reason,
      line: m.line ?? 1,
      column: m.column ?? 1,
      ruleId: m.ruleId,
      source: m.source,
      fatal: m.fatal === true,
    })),
  }));
}

export function filesOf(messages: readonly FileMessages[]): VFile[] {
  return messages.map(({ path, messages }) => {
    const file = new VFile({ path });
    for (const m of messages) {
      const message = file.message(m.reason, { place: { line: m.line, column: m.column }, ruleId: m.ruleId, source: m.source });
      message.fatal = m.fatal;
    }
    return file;
  });
}
