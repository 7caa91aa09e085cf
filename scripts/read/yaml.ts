/**
 * Reads YAML (a metadata file, a data table or a front matter block) and validates it with a zod
 * schema, reporting each problem at the line and column of the value at fault. Nesting past any
 * real file's and aliases that multiply (a "billion laughs") are reported before they can exhaust
 * memory.
 */
import { parseDocument, isNode, isPair, visit, type Document } from 'yaml';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import type { z } from 'zod';
import { reportError } from '../diagnostics/report.js';
import { LIMITS } from './limits.js';
import { describeIssue, fixFor } from './schema-issues.js';

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
  const point = (at: number): Point => where.toPoint(offset + at) ?? { line: 1, column: 1 };
  const deep = tooDeep(yamlText);
  if (deep !== undefined) {
    reportError(
      file,
      point(deep),
      `The ${what} nests lists and maps deeper than any real file (more than ${LIMITS.dataNesting} levels)`,
      'Flatten it; see docs/dialect.md for its fields',
      'invalid-yaml',
    );
    return undefined;
  }
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
    return undefined;
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const keyPath = issue.path as (string | number)[];
    reportError(file, point(placeOf(doc, keyPath, issue)), `Invalid ${what}: ${describeIssue(issue)}`, fixFor(issue), 'invalid-metadata');
  }
  return undefined;
}

/** The offset of the value at fault: an unknown key itself, or the map that lacks a key. */
function placeOf(doc: Document, keyPath: (string | number)[], issue: z.core.$ZodIssue): number {
  if (issue.code === 'unrecognized_keys') {
    const map = keyPath.length ? doc.getIn(keyPath, true) : doc.contents;
    const pair =
      isNode(map) && 'items' in map
        ? (map.items as unknown[]).find((item) => isPair(item) && isNode(item.key) && String(item.key.toJSON()) === issue.keys[0])
        : undefined;
    if (isPair(pair) && isNode(pair.key) && pair.key.range) return pair.key.range[0];
  }
  const node = keyPath.length ? doc.getIn(keyPath, true) : doc.contents;
  const target = isNode(node) ? node : doc.getIn(keyPath.slice(0, -1), true);
  const range = isNode(target) ? target.range : isNode(doc.contents) ? doc.contents.range : undefined;
  return range?.[0] ?? 0;
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
