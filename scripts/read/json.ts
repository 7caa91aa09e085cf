/**
 * JSON files (locales, style sheet, font list) read with jsonc-parser, which gives every value
 * its place: a syntax error, a key given twice, a value of the wrong kind is reported at its line
 * and column. Comments and trailing commas are errors, as in JSON.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import type { z } from 'zod';
import { reportError } from '../diagnostics/report.js';
import { LIMITS } from './limits.js';
import { describeIssue, fixFor } from './schema-issues.js';

export interface JsonSource {
  file: VFile;
  /** The parsed tree, undefined when the text is not JSON. */
  tree: Node | undefined;
  value: unknown;
}

const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'a character that cannot stand here',
  InvalidNumberFormat: 'a number written wrongly',
  PropertyNameExpected: 'a key in double quotes expected',
  ValueExpected: 'a value expected',
  ColonExpected: 'a colon expected after the key',
  CommaExpected: 'a comma expected between two entries',
  CloseBraceExpected: 'a closing } expected',
  CloseBracketExpected: 'a closing ] expected',
  EndOfFileExpected: 'text after the end of the JSON value',
  InvalidCommentToken: 'a comment (JSON has none)',
  UnexpectedEndOfComment: 'a comment not closed',
  UnexpectedEndOfString: 'a string not closed',
  UnexpectedEndOfNumber: 'a number cut short',
  InvalidUnicode: 'a \\u escape that is no character',
  InvalidEscapeCharacter: 'a backslash escape JSON does not know',
  InvalidCharacter: 'a control character inside a string',
};

/** Parses `file`'s text; the first syntax error (others follow from it) is reported at its place. */
export function parseJson(file: VFile, text: string, what: string): JsonSource {
  const failed = { file, tree: undefined, value: undefined };
  const deep = tooDeep(text);
  if (deep !== undefined) {
    reportError(
      file,
      pointAt(file, deep),
      `The ${what} nests objects and arrays more than ${LIMITS.dataNesting} deep`,
      'Flatten it: no real file nests so deep',
      'invalid-json',
    );
    return failed;
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (first || !tree) {
    const name = first ? printParseErrorCode(first.error) : 'ValueExpected';
    const offset = first?.offset ?? 0;
    const afterComma = /,\s*$/.test(text.slice(0, offset)) && /^[}\]]/.test(text.slice(offset));
    reportError(
      file,
      pointAt(file, offset),
      `Invalid JSON in the ${what}: ${afterComma ? 'a comma after the last entry' : (SYNTAX[name] ?? name)}`,
      name === 'CommaExpected' || name === 'ValueExpected'
        ? 'Separate entries with commas, with none after the last one'
        : 'Fix the JSON syntax: keys and strings in double quotes, no comments',
      'invalid-json',
    );
    return failed;
  }
  if (reportDuplicateKeys(file, tree, what)) return failed;
  return { file, tree, value: getNodeValue(tree) as unknown };
}

/**
 * Validates a parsed file with a zod schema, each problem at the value (or key) at fault.
 * `prepare`: what the schema sees of the value (notes for people taken out).
 */
export function validateJson<S extends z.ZodType>(
  source: JsonSource,
  schema: S,
  what: string,
  prepare: (value: unknown) => unknown = (value) => value,
): z.infer<S> | undefined {
  if (!source.tree) return undefined;
  const result = schema.safeParse(prepare(source.value));
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const keyPath = issue.path as (string | number)[];
    reportError(
      source.file,
      issue.code === 'unrecognized_keys' ? placeOfKey(source, [...keyPath, issue.keys[0]!]) : placeOfPath(source, keyPath),
      `Invalid ${what}: ${describeIssue(issue)}`,
      fixFor(issue),
      'invalid-json-value',
    );
  }
  return undefined;
}

/** The place of the value at `keyPath`, or of the nearest enclosing value that exists. */
export function placeOfPath(source: JsonSource, keyPath: readonly (string | number)[]): Point {
  if (!source.tree) return { line: 1, column: 1 };
  for (let length = keyPath.length; length >= 0; length--) {
    const node = findNodeAtLocation(source.tree, keyPath.slice(0, length) as (string | number)[]);
    if (node) return pointAt(source.file, node.offset);
  }
  return pointAt(source.file, source.tree.offset);
}

/** The place of the key that names the value at `keyPath` (an unknown key), else of the value. */
export function placeOfKey(source: JsonSource, keyPath: readonly (string | number)[]): Point {
  const node = source.tree && findNodeAtLocation(source.tree, keyPath as (string | number)[]);
  return node?.parent?.type === 'property' ? pointAt(source.file, node.parent.offset) : placeOfPath(source, keyPath);
}

function pointAt(file: VFile, offset: number): Point {
  return location(file).toPoint(offset) ?? { line: 1, column: 1 };
}

/** The offset where objects and arrays first nest past the limit, scanning outside strings. */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (++depth > LIMITS.dataNesting) return index;
    } else if (char === '}' || char === ']') depth--;
  }
  return undefined;
}

/** JSON.parse keeps the last of two equal keys and loses the first without a word: both are reported. */
function reportDuplicateKeys(file: VFile, root: Node, what: string): boolean {
  let found = false;
  const pending: Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'object') {
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key) continue;
        const first = seen.get(String(key.value));
        if (first) {
          const at = pointAt(file, first.offset);
          reportError(
            file,
            pointAt(file, key.offset),
            `The ${what} gives the key "${String(key.value)}" twice (first at line ${at.line}:${at.column}); only the last would count`,
            'Keep one of the two',
            'duplicate-key',
          );
          found = true;
        } else seen.set(String(key.value), key);
      }
    }
    pending.push(...(node.children ?? []));
  }
  return found;
}
