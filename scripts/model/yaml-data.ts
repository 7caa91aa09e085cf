/**
 * Reads YAML (a metadata file or a front matter block) and validates it with a
 * zod schema, reporting each problem at the line and column of the value at fault.
 */
import { parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { reportError } from '../diagnostics/report.js';

/**
 * @param offset where the YAML text starts inside `file` (front matter sits after `---`).
 */
export function readYaml<S extends z.ZodType>(
  file: VFile,
  yamlText: string,
  offset: number,
  schema: S,
  what: string,
): z.infer<S> | undefined {
  const where = location(file);
  const point = (at: number) => where.toPoint(offset + at);
  const doc: Document = parseDocument(yamlText, { prettyErrors: false });
  for (const error of doc.errors) {
    reportError(
      file,
      point(error.pos[0]),
      `Invalid YAML in ${what}: ${error.message.split('\n')[0]}`,
      'Fix the YAML syntax (indentation, quotes, colons)',
      'invalid-yaml',
    );
  }
  if (doc.errors.length) return undefined;
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const keyPath = issue.path.map(String);
    const node =
      issue.code === 'invalid_key'
        ? keyNode(doc, issue.path)
        : keyPath.length
          ? doc.getIn(issue.path as (string | number)[], true)
          : doc.contents;
    // For an unknown or missing key, point at the map that should (not) hold it.
    const target = isNode(node) ? node : doc.getIn(issue.path.slice(0, -1) as (string | number)[], true);
    const range = isNode(target) ? target.range : isNode(doc.contents) ? doc.contents.range : undefined;
    const field = keyPath.join('.') || '(top level)';
    reportError(file, point(range?.[0] ?? 0), `Invalid ${what}: "${field}": ${messageOf(issue)}`, fixFor(issue), 'invalid-metadata');
  }
  return undefined;
}

/** The key itself of a map entry (a key that breaks a rule is reported there, not at its value). */
function keyNode(doc: Document, keyPath: readonly PropertyKey[]): unknown {
  const map = doc.getIn(keyPath.slice(0, -1) as (string | number)[], true);
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(keyPath.at(-1)))?.key;
}

/** A key that breaks a rule says which rule ("Invalid key in record" alone does not). */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_key') return issue.message;
  return [issue.message, ...issue.issues.map((inner) => inner.message)].join(': ');
}

function fixFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `Remove or rename ${issue.keys.map((k) => `"${k}"`).join(', ')}; see docs/dialect.md for the fields`;
  if (issue.code === 'invalid_value') return `Use one of: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type') return `Give a value of type ${issue.expected}`;
  return 'See docs/dialect.md for the expected form';
}
