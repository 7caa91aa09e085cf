/** What to do about a zod issue, in the words of someone editing the file. */
import type { z } from 'zod';

export function fixFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `Remove or rename ${issue.keys.map((k) => `"${k}"`).join(', ')}; see docs/dialect.md for the fields`;
  if (issue.code === 'invalid_value') return `Use one of: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type') return `Give a value of type ${issue.expected}`;
  if (issue.code === 'custom' && typeof issue.params?.fix === 'string') return issue.params.fix;
  return 'See docs/dialect.md for the expected form';
}

/** The key path of an issue as written in the file: `fonts.latin`, or `(top level)`. */
export const fieldOf = (issue: z.core.$ZodIssue): string => issue.path.map(String).join('.') || '(top level)';
