/**
 * A failure in a worker thread crosses to the CLI's thread as plain data (an error's class does not
 * survive the crossing), and is thrown again there as the error it was, so that it is reported the same
 * way wherever the job ran: a source problem with its place, the machine's failure in one line.
 */
import { InvalidSourceError } from '../../diagnostics/report.js';
import { EnvironmentError } from '../environment-error.js';
import type { DocumentJob, DocumentResult } from './document-job.js';
import { filesOf, messagesOf, type FileMessages } from './messages.js';

export type JobOutcome =
  | { result: DocumentResult }
  | { invalidSource: FileMessages[] }
  | { environment: { message: string; code: string | undefined } }
  | { system: { message: string; code: string; syscall: string; path: string | undefined } }
  | { internal: { message: string; stack: string | undefined } };

export async function settle(run: (job: DocumentJob) => Promise<DocumentResult>, job: DocumentJob): Promise<JobOutcome> {
  try {
    return { result: await run(job) };
  } catch (error) {
    if (error instanceof InvalidSourceError) return { invalidSource: messagesOf(error.files) };
    if (error instanceof EnvironmentError) return { environment: { message: error.message, code: error.code } };
    const system = error as NodeJS.ErrnoException;
    if (error instanceof Error && typeof system.code === 'string' && typeof system.syscall === 'string')
      return { system: { message: error.message, code: system.code, syscall: system.syscall, path: system.path } };
    return { internal: { message: error instanceof Error ? error.message : String(error), stack: (error as Error | undefined)?.stack } };
  }
}

export function rethrown(outcome: JobOutcome): DocumentResult {
  if ('result' in outcome) return outcome.result;
  if ('invalidSource' in outcome) throw new InvalidSourceError(filesOf(outcome.invalidSource));
  if ('environment' in outcome) throw new EnvironmentError(outcome.environment.message, outcome.environment.code);
  if ('system' in outcome) throw Object.assign(new Error(outcome.system.message), outcome.system);
  const error = new Error(`${outcome.internal.message} (in a worker thread)`);
  error.stack = outcome.internal.stack;
  throw error;
}
