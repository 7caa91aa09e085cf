/** What to do about a zod issue, in the words of someone editing the file. */
import type { z } from 'zod';

export function fixFor(issue: z.core.$ZodIssue): string {
  if (isMissing(issue)) return `Add "${String(issue.path.at(-1))}"; see docs/dialect.md for the fields`;
  if (issue.code === 'unrecognized_keys')
    return `Remove or rename ${issue.keys.map((k) => `"${k}"`).join(', ')}; see docs/dialect.md for the fields`;
  if (issue.code === 'invalid_value') return `Use one of: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type') return `Give a value of type ${issue.expected}`;
  if (issue.code === 'custom' && typeof issue.params?.fix === 'string') return issue.params.fix;
  return 'See docs/dialect.md for the expected form';
}

/** The key path of an issue as written in the file: `fonts.latin`, or `(top level)`. */
const fieldOf = (issue: z.core.$ZodIssue): string => issue.path.map(String).join('.') || '(top level)';

/** A required key left out: zod says the value is of the wrong type, undefined. */
const isMissing = (issue: z.core.$ZodIssue) => issue.code === 'invalid_type' && / received undefined$/.test(issue.message);

/** `"fonts.han": the face … has no entry`, or `"pdf.han.regular" is missing`. */
export const describeIssue = (issue: z.core.$ZodIssue): string =>
  isMissing(issue) ? `"${fieldOf(issue)}" is missing` : `"${fieldOf(issue)}": ${issue.message}`;
