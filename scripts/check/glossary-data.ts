/**
 * The glossary of ITU terms (`content/glossary.yaml`): each term a concept with its forms in the six
 * languages, read and validated once per check. A malformed entry or a language missing is an error
 * at its line in the glossary; without the file, no term is checked.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { z } from 'zod';
import { parseDocument, isMap, isScalar } from 'yaml';
import { location } from 'vfile-location';
import { LANGS, type Lang } from '../i18n/languages.js';
import type { ProjectPaths } from '../model/build.js';
import { readYaml } from '../read/yaml.js';
import { readTextFile } from '../read/text.js';
import { termPattern, NO_WRITING_RULES, type WritingRules } from './term-forms.js';

const GLOSSARY_FILE = 'glossary.yaml';

const forms = z.array(z.string().trim().min(1)).min(1);
const lang = z.enum(LANGS as [Lang, ...Lang[]]);

const termSchema = z.strictObject({
  /** What the term means, and where ITU's usage of each form was verified. */
  note: z.string().min(1),
  /** `callWords`: looked for only in the call words (考虑到 is *considering* there, "taking into account" in a sentence). */
  scope: z.enum(['text', 'callWords']).default('text'),
  ...(Object.fromEntries(LANGS.map((code) => [code, forms])) as Record<Lang, typeof forms>),
});

const affixes = z.array(z.string().min(1)).default([]);

const glossarySchema = z.strictObject({
  writing: z
    .partialRecord(
      lang,
      z.strictObject({
        prefixes: affixes,
        article: affixes,
        suffixes: affixes,
        endVariants: z.record(z.string().min(1), affixes).default({}),
      }),
    )
    .default({}),
  terms: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'a name such as "strategicGoals"'), termSchema),
});

export interface GlossaryTerm {
  id: string;
  /** The entry's line in the glossary file. */
  line: number;
  forms: Readonly<Record<Lang, readonly string[]>>;
  scope: 'text' | 'callWords';
  /** Where the term's forms in `lang` stand in `text`. */
  occurrences(lang: Lang, text: string): TermOccurrence[];
  appearsIn(lang: Lang, text: string): boolean;
}

export interface TermOccurrence {
  start: number;
  end: number;
  text: string;
}

export interface Glossary {
  file: VFile;
  /** Undefined when the file is malformed (its errors are on `file`). */
  terms: GlossaryTerm[] | undefined;
}

export function loadGlossary(paths: ProjectPaths): Glossary | undefined {
  const filePath = path.join(paths.content, GLOSSARY_FILE);
  if (!existsSync(filePath)) return undefined;
  const { file, text } = readTextFile(filePath, paths.root);
  // Reading the terms (YAML, then a pattern per term and language) is most of the cost: once per text.
  if (text !== undefined && file.messages.length === 0 && read?.text === text) return { file, terms: read.terms };
  const data = text === undefined ? undefined : readYaml(file, text, 0, glossarySchema, 'glossary');
  if (!data) return { file, terms: undefined };
  const lines = entryLines(file);
  const terms = Object.entries(data.terms).map(([id, entry]): GlossaryTerm => {
    const patterns = new Map(LANGS.map((code) => [code, termPattern(entry[code], code, rulesOf(data.writing[code]))]));
    return {
      id,
      line: lines.get(id) ?? 1,
      forms: entry,
      scope: entry.scope,
      occurrences: (code, text) =>
        [...text.matchAll(patterns.get(code)!)].map((match) => ({
          start: match.index,
          end: match.index + match[0].length,
          text: match[0],
        })),
      appearsIn: (code, text) => text.search(patterns.get(code)!) >= 0,
    };
  });
  if (text !== undefined && file.messages.length === 0) read = { text, terms };
  return { file, terms };
}

/** The terms of the last glossary read without a problem, by its text. */
let read: { text: string; terms: GlossaryTerm[] } | undefined;

const rulesOf = (rules: WritingRules | undefined): WritingRules => rules ?? NO_WRITING_RULES;

/** The line of each entry under `terms`, for messages that send the reader to it. */
function entryLines(file: VFile): Map<string, number> {
  const where = location(file);
  const terms = parseDocument(String(file.value)).get('terms', true);
  const lines = new Map<string, number>();
  if (!isMap(terms)) return lines;
  for (const pair of terms.items) {
    if (isScalar(pair.key) && pair.key.range) lines.set(String(pair.key.value), where.toPoint(pair.key.range[0])?.line ?? 1);
  }
  return lines;
}
