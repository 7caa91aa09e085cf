/** What `hexaglot` exits with, and the one line it prints for a failure that is not a problem in the sources. */
import { EnvironmentError, isSystemError } from './environment-error.js';

export const EXIT_OK = 0;
/** Problems in the sources, each printed at its file:line:column. */
export const EXIT_INPUT = 1;
/** Wrong usage: an unknown option, document, language or format. */
export const EXIT_USAGE = 2;
/** The machine: out/ not writable, a disk full, a folder where an output goes. */
export const EXIT_ENVIRONMENT = 3;
/** A fault in hexaglot itself. */
export const EXIT_INTERNAL = 4;

/** The message and exit code of a failure; its stack trace only with `--debug`. */
export function failureReport(error: unknown, debug: boolean): { text: string; code: number } {
  const environment = error instanceof EnvironmentError || isSystemError(error);
  const message = error instanceof Error ? error.message : String(error);
  const line = environment ? `hexaglot: ${message}` : `hexaglot: internal error: ${message}`;
  const hint = debug ? `\n${stackOf(error)}` : environment ? '' : ' (run again with --debug for the stack trace)';
  return { text: `${line}${hint}\n`, code: environment ? EXIT_ENVIRONMENT : EXIT_INTERNAL };
}

function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause ? `${error.stack ?? error.message}\nCaused by: ${stackOf(error.cause)}` : (error.stack ?? error.message);
}
