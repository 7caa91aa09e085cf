/** Builds the model of a Markdown string as if it were a language file of a small test document. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { buildVersion, projectPaths } from '../../scripts/model/build.js';
import { documentMetaSchema, type DocumentMeta } from '../../scripts/model/metadata.js';
import type { Lang } from '../../scripts/i18n/languages.js';
import type { ModelDocument } from '../../scripts/model/types.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const paths = projectPaths(repoRoot);

export const testMeta: DocumentMeta = documentMetaSchema.parse({
  type: 'proposal',
  symbol: 'PP22/39',
  conference: { key: 'pp22', place: 'bucharest', year: 2022 },
  document: { number: 39, addendum: 4 },
  originalLanguage: 'zh',
  languages: ['zh', 'en', 'ar'],
  source: 'council',
  resolution: {
    number: 71,
    revisions: [
      { place: 'dubai', year: 2018 },
      { place: 'bucharest', year: 2022 },
    ],
  },
  proposals: ['CL/39A4/1', 'CL/39A4/2'],
  revisionAuthor: 'ITU Council',
  revisionDate: '2022-01-01T00:00:00Z',
});

export function frontMatter(lang: Lang): string {
  const translation = lang === 'zh' ? '' : 'translation:\n  status: working\n  from: zh\n';
  return `---\nlang: ${lang}\ntitle: Test\n${translation}---\n\n`;
}

export interface Built {
  file: VFile;
  doc: ModelDocument | undefined;
  /** `line:column reason` of every message. */
  messages: string[];
}

/** `body` is the Markdown after the front matter; line numbers in messages count the 6 (zh) or 9 front-matter lines. */
export function build(body: string, lang: Lang = 'zh', options: { raw?: boolean; meta?: DocumentMeta } = {}): Built {
  const value = options.raw ? body : frontMatter(lang) + body;
  const file = new VFile({ path: `${lang}.md`, value });
  const doc = buildVersion(file, lang, options.meta ?? testMeta, 'test-doc', path.join(repoRoot, 'tests/fixtures/test-doc'), paths);
  return { file, doc, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`) };
}

/** The model's body without positions, for comparing shapes. */
export function shape<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'position' ? undefined : v))) as T;
}
