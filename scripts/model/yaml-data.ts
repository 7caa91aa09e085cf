/**
 * Reads YAML (a metadata file or a front matter block) and validates it with a
 * zod schema, reporting each problem at the line and column of the value at fault.
 */
import { parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import type { z } from 'zod';
import { reportError } from '../diagnostics/report.js';

export type YamlPath = readonly (string | number)[];

export interface PlacedYaml<T> {
  /** Undefined when the YAML or its values are invalid (each problem is reported in `file`). */
  value: T | undefined;
  /** Where a value stands in the file: the deepest node of `path` that exists. */
  placeOf(path: YamlPath): Point;
}

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
  return readPlacedYaml(file, yamlText, offset, schema, what).value;
}

export function readPlacedYaml<S extends z.ZodType>(
  file: VFile,
  yamlText: string,
  offset: number,
  schema: S,
  what: string,
): PlacedYaml<z.infer<S>> {
  const where = location(file);
  const point = (at: number): Point => where.toPoint(offset + at) ?? { line: 1, column: 1 };
  const doc: Document = parseDocument(yamlText, { prettyErrors: false });
  const placeOf = (path: YamlPath) => point(nodeStart(doc, path));
  for (const error of doc.errors) {
    reportError(
      file,
      point(error.pos[0]),
      `Invalid YAML in ${what}: ${error.message.split('\n')[0]}`,
      'Fix the YAML syntax (indentation, quotes, colons)',
      'invalid-yaml',
    );
  }
  if (doc.errors.length) return { value: undefined, placeOf };
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { value: result.data as z.infer<S>, placeOf };
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '(top level)';
    if (issue.code === 'unrecognized_keys') {
      // One line per unknown key, at the key itself.
      for (const key of issue.keys) {
        reportError(
          file,
          point(keyStart(doc, issue.path as YamlPath, key)),
          `Invalid ${what}: "${field}": Unrecognized key: "${key}"`,
          `Remove or rename "${key}"; see docs/dialect.md for the fields`,
          'invalid-metadata',
        );
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // At the key itself, with the rule it breaks ("Invalid key in record" alone does not say).
      const key = String(issue.path.at(-1));
      const rules = [issue.message, ...issue.issues.map((inner) => inner.message)].join(': ');
      reportError(
        file,
        point(keyStart(doc, issue.path.slice(0, -1) as YamlPath, key)),
        `Invalid ${what}: "${field}": ${rules}`,
        fixFor(issue),
        'invalid-metadata',
      );
      continue;
    }
    reportError(file, placeOf(issue.path as YamlPath), `Invalid ${what}: "${field}": ${issue.message}`, fixFor(issue), 'invalid-metadata');
  }
  return { value: undefined, placeOf };
}

/** The offset of the deepest node on `path` (a missing key is reported at the map that should hold it). */
function nodeStart(doc: Document, path: YamlPath): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0;
}

function keyStart(doc: Document, mapPath: YamlPath, key: string): number {
  const map = mapPath.length ? doc.getIn(mapPath, true) : doc.contents;
  const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
  return isScalar(pair?.key) && pair.key.range ? pair.key.range[0] : nodeStart(doc, mapPath);
}

function fixFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `Use one of: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type') return `Give a value of type ${issue.expected}`;
  // Checks of their own (a draft number, a proposal declared twice) say how to fix what they find.
  if (issue.code === 'custom' && typeof issue.params?.fix === 'string') return issue.params.fix;
  return 'See docs/dialect.md for the expected form';
}
