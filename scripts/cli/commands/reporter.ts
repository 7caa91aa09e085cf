import { EXIT_INPUT } from '../exit-codes.js';
import { reportProblems } from '../report-problems.js';
import type { CommandContext, Reporter } from './context.js';

/** The commands that print a text (readings, redline, renumber): their output, and their problems when a check fails. */
export function reporterOf({ io, status }: CommandContext): Reporter {
  return {
    out: io.out,
    fail(result, root) {
      const { count, warnings } = reportProblems(io.err, result.files, root);
      io.err.write(`✗ ${count} problem(s)${warnings} found.\n`);
      status.code = EXIT_INPUT;
    },
  };
}
