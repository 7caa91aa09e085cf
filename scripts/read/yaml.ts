/**
 * Reads YAML (a metadata file, a data table or a front matter block) and validates it with a zod
 * schema, reporting each problem at the line and column of the value at fault. Nesting past any
 * real file's and aliases that multiply (a "billion laughs") are reported before they can exhaust
 * memory.
 */
import { parseDocument, isMap, isNode, isScalar, visit, type Document } from 'yaml';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import type { z } from 'zod';
import { reportError } from '../diagnostics/report.js';
import { LIMITS } from './limits.js';
import { describeIssue, fixFor } from './schema-issues.js';

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
  const unplaced = { value: undefined, placeOf: () => ({ line: 1, column: 1 }) };
  const deep = tooDeep(yamlText);
  if (deep !== undefined) {
    reportError(
      file,
      point(deep),
      `The ${what} nests lists and maps deeper than any real file (more than ${LIMITS.dataNesting} levels)`,
      'Flatten it; see docs/dialect.md for its fields',
      'invalid-yaml',
    );
    return unplaced;
  }
  const doc: Document = parseDocument(yamlText, { prettyErrors: false });
  const placeOf = (path: YamlPath) => point(nodeStart(doc, path));
  // The first syntax error only: the parser's later ones follow from it (a flow list left open is
  // also "missing ]" at the end), and the writer fixes them in one go.
  for (const error of doc.errors.slice(0, 1)) {
    reportError(
      file,
      point(error.pos[0]),
      `Invalid YAML in ${what}: ${error.message.split('\n')[0]}`,
      'Fix the YAML syntax (indentation, quotes, colons)',
      'invalid-yaml',
    );
  }
  if (doc.errors.length) return { value: undefined, placeOf };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // The yaml package stops aliases that expand past maxAliasCount copies ("billion laughs").
    reportError(
      file,
      point(firstAlias(doc) ?? 0),
      `The ${what} uses aliases (*name) that expand to too many copies`,
      'Write the values out; metadata needs no aliases',
      'invalid-yaml',
    );
    return { value: undefined, placeOf };
  }
  const result = schema.safeParse(value);
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
    reportError(file, placeOf(issue.path as YamlPath), `Invalid ${what}: ${describeIssue(issue)}`, fixFor(issue), 'invalid-metadata');
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

function firstAlias(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = node.range?.[0];
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Where flow collections (`[`, `{`) or indentation first nest past the limit, outside quotes and
 * comments: the yaml package would exhaust memory on a few thousand levels.
 */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  // A quote opens a quoted scalar only where a value starts; inside a plain scalar (it's) it is text.
  let valueStart = true;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\n') {
      lineStart = true;
      valueStart = true;
      indent = 0;
      continue;
    }
    if (lineStart && char === ' ') {
      if (++indent > 2 * LIMITS.dataNesting) return index;
      continue;
    }
    lineStart = false;
    const startsValue = valueStart;
    valueStart = char === ' ' ? valueStart : ':-[{,?'.includes(char);
    if (quote) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = undefined;
    } else if ((char === '"' || char === "'") && startsValue) quote = char;
    else if (char === '#') {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end - 1;
    } else if (char === '[' || char === '{') {
      if (++depth > LIMITS.dataNesting) return index;
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}
