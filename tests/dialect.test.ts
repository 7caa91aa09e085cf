import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { buildDocument, buildVersion, listDocuments } from '../scripts/model/build.js';
import { loadDocumentData } from '../scripts/model/data.js';
import { reading } from '../scripts/passes/readings.js';
import { toDialect } from '../scripts/render/dialect/index.js';
import type { ModelDocument } from '../scripts/model/types.js';
import { build, paths, shape } from './helpers/build.js';

/** The model of a dialect text as a language file of the document `doc` belongs to. */
function reread(doc: ModelDocument, text: string): { model: ModelDocument | undefined; messages: string[] } {
  const docDir = path.join(paths.content, doc.docId);
  const file = new VFile({ path: `${doc.lang}.md`, value: text });
  const model = buildVersion(file, doc.lang, doc.meta, doc.docId, docDir, paths, loadDocumentData(docDir, paths.root));
  return { model, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`) };
}

/** Adjacent plain texts as one (a reading leaves the texts on either side of a removed mark apart). */
function mergeTexts(value: unknown): unknown {
  if (Array.isArray(value)) {
    const merged: unknown[] = [];
    for (const item of value.map(mergeTexts)) {
      const last = merged.at(-1) as { type?: string; value?: string; dataRef?: string } | undefined;
      const next = item as { type?: string; value?: string; dataRef?: string };
      if (last?.type === 'text' && next?.type === 'text' && !last.dataRef && !next.dataRef) last.value += next.value!;
      else merged.push(item);
    }
    return merged;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mergeTexts(v)]));
  return value;
}

const written = (doc: ModelDocument) => mergeTexts(shape({ front: doc.front, body: doc.body, footnotes: doc.footnotes }));

describe('the model written back as the dialect', () => {
  const versions = listDocuments(paths).flatMap((docId) => buildDocument(paths, docId).versions);

  it('reads back to the same model, for every document and language', () => {
    expect(versions.length).toBeGreaterThanOrEqual(18);
    for (const doc of versions) {
      const { model, messages } = reread(doc, toDialect(doc));
      expect(messages, `${doc.docId}/${doc.lang}`).toEqual([]);
      expect(written(model!), `${doc.docId}/${doc.lang}`).toEqual(written(doc));
    }
  });

  it('writes each reading as clean dialect: no mark left, and it reads back to the reading', () => {
    for (const doc of versions) {
      for (const which of ['accepted', 'rejected'] as const) {
        const text = toDialect(reading(doc, which));
        expect(text).not.toMatch(/\{\+\+|\{--/);
        expect(written(reread(doc, text).model!), `${doc.docId}/${doc.lang} ${which}`).toEqual(written(reading(doc, which)));
      }
    }
  });

  it('writes each construct as an editor would', () => {
    const write = (body: string) => toDialect(build(body).doc!).split('---\n\n')[1]!.trim();
    expect(write('{++:n[b)] 全文++}')).toBe('{++:n[b)] 全文++}');
    expect(write(':n[{--5--}{++6++}] 文本')).toBe(':n[{--5--}{++6++}] 文本');
    expect(write('{++:call{key=welcoming}++}{--:call{key=consideringFurther}--}')).toBe(
      '{++:call{key=welcoming}++}{--:call{key=consideringFurther}--}',
    );
    expect(write('## :n[2.1] 总体框架')).toBe('## :n[2.1] 总体框架');
    expect(write('文本[^a]\n\n[^a]: 脚注')).toBe('文本[^a]\n\n[^a]: 脚注');
    expect(write('字面的 \\{++ 不是标记')).toBe('字面的 \\{++ 不是标记');
    expect(write(':::table[标题]{#t}\n- - 甲\n  - 乙\n- - :cell{colspan=2} 丙\n:::')).toBe(
      ':::table[标题]{#t}\n- - 甲\n  - 乙\n- - :cell{colspan=2} 丙\n:::',
    );
  });
});
