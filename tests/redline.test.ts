import path from 'node:path';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, paths, repoRoot } from './helpers/build.js';
import { checkCorpus } from './helpers/corpus.js';
import { comparable } from './helpers/compare.js';
import { randomlyEdited } from './helpers/random-edits.js';
import { buildVersion, type DocumentBuild } from '../scripts/model/build.js';
import { loadDocumentData } from '../scripts/model/data.js';
import { toDialect } from '../scripts/render/dialect/index.js';
import { checkMarkBoundaries } from '../scripts/check/mark-boundaries.js';
import { loadLocale } from '../scripts/i18n/locales.js';
import { LANGS, type Lang } from '../scripts/i18n/languages.js';
import { wordsOf } from '../scripts/model/context.js';
import type { BlockNode, InlineNode, ModelDocument } from '../scripts/model/types.js';
import { mapInlineRuns } from '../scripts/model/walk.js';
import { completeModel, reading } from '../scripts/passes/index.js';
import { redline, RedlineError, RedlineInputError } from '../scripts/passes/redline/index.js';
import { marksInsideWords } from '../scripts/passes/redline/word-cuts.js';

/** The redline of `old` and `next`, after checking that its rejected reading is `old` and its accepted reading `next`. */
function redlined(old: ModelDocument, next: ModelDocument): ModelDocument {
  const result = redline(old, next);
  expect(comparable(reading(result, 'rejected')), `rejected reading of ${next.docId} ${next.lang}`).toBe(comparable(old));
  expect(comparable(reading(result, 'accepted')), `accepted reading of ${next.docId} ${next.lang}`).toBe(comparable(next));
  return result;
}

function model(markdown: string, lang: Lang = 'zh'): ModelDocument {
  const built = build(markdown, lang);
  expect(built.messages).toEqual([]);
  return completeModel(built.doc!, wordsOf(loadLocale(paths.locales, lang), built.file));
}

/** Inline nodes as CriticMarkup, atoms as their dialect. */
function critic(run: readonly InlineNode[]): string {
  return run
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'insertion':
          return `{++${critic(node.children)}++}`;
        case 'deletion':
          return `{--${critic(node.children)}--}`;
        case 'emphasis':
          return `*${critic(node.children)}*`;
        case 'strong':
          return `**${critic(node.children)}**`;
        case 'link':
          return `[${critic(node.children)}](${node.url})`;
        case 'callWord':
          return `:call{key=${node.key}}`;
        case 'footnoteReference':
          return `[^${node.id}]`;
        case 'anchor':
          return `:anchor{#${node.id}}`;
        case 'break':
          return '\\\n';
        case 'editorComment':
          return `{>>${critic(node.children)}<<}`;
      }
    })
    .join('');
}

/** Each text block as `[change] label | text` in CriticMarkup. */
function lines(blocks: readonly BlockNode[]): string[] {
  const out: string[] = [];
  mapInlineRuns(blocks, (run, block) => {
    const change = 'change' in block && block.change ? `${block.change} ` : '';
    if ('label' in block && block.label === run) out.push(`${change}${critic(run)} |`);
    else if (out.at(-1)?.endsWith('|') && 'label' in block && block.label) out[out.length - 1] += ` ${critic(run)}`;
    else out.push(`${change}${critic(run)}`);
    return run;
  });
  return out;
}

function hasMarks(run: readonly InlineNode[]): boolean {
  return run.some((node) => node.type === 'insertion' || node.type === 'deletion' || ('children' in node && hasMarks(node.children)));
}

function chineseMarksInsideWords(doc: ModelDocument): string[] {
  const found: string[] = [];
  for (const blocks of [doc.body, ...doc.footnotes.map((note) => note.children)])
    mapInlineRuns(blocks, (run) => {
      if (hasMarks(run)) found.push(...marksInsideWords(run, 'accepted', 'zh'), ...marksInsideWords(run, 'rejected', 'zh'));
      return run;
    });
  return found;
}

function markEdgeProblems(doc: ModelDocument): string[] {
  const file = new VFile({ path: doc.path });
  checkMarkBoundaries(doc, file);
  return file.messages.map((message) => message.reason);
}

let builds: DocumentBuild[] = [];
let corpus: ModelDocument[] = [];

beforeAll(() => {
  const result = checkCorpus({});
  expect(result.ok).toBe(true);
  builds = result.builds;
  corpus = builds.flatMap((b) => b.versions);
});

/** The dialect read back as its document's language file would be. */
function readBack(text: string, doc: ModelDocument, build: DocumentBuild): ModelDocument {
  const file = new VFile({ path: doc.path, value: text });
  const docDir = path.join(paths.content, doc.docId);
  const built = buildVersion(file, doc.lang, build.meta!, doc.docId, docDir, paths, loadDocumentData(docDir, repoRoot));
  expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([]);
  return completeModel(built!, wordsOf(loadLocale(paths.locales, doc.lang), file));
}

describe('redline over the corpus: the rejected reading against the accepted, every document and language', () => {
  it('gives back both readings exactly, whole documents', () => {
    expect(new Set(corpus.map((doc) => doc.lang))).toEqual(new Set(LANGS));
    for (const doc of corpus) redlined(reading(doc, 'rejected'), reading(doc, 'accepted'));
  });

  it('gives back both readings exactly, block by block', () => {
    let blocks = 0;
    for (const doc of corpus) {
      for (const block of doc.body) {
        const alone = { ...doc, body: [block] };
        redlined(reading(alone, 'rejected'), reading(alone, 'accepted'));
        blocks++;
      }
    }
    expect(blocks).toBeGreaterThan(1000);
  });

  it('written as the dialect, reads back to both readings', () => {
    for (const build of builds)
      for (const doc of build.versions) {
        const [old, next] = [reading(doc, 'rejected'), reading(doc, 'accepted')];
        const back = readBack(toDialect(redline(old, next)), doc, build);
        expect(comparable(reading(back, 'rejected')), `${doc.docId} ${doc.lang}`).toBe(comparable(old));
        expect(comparable(reading(back, 'accepted')), `${doc.docId} ${doc.lang}`).toBe(comparable(next));
      }
  });

  it('keeps numbers apart at every mark edge in Arabic, as check asks', () => {
    for (const doc of corpus.filter((version) => version.lang === 'ar'))
      expect(markEdgeProblems(redline(reading(doc, 'rejected'), reading(doc, 'accepted')))).toEqual([]);
  });

  it('puts every Chinese mark on a word boundary of both readings', () => {
    for (const doc of corpus.filter((version) => version.lang === 'zh'))
      expect(chineseMarksInsideWords(redline(reading(doc, 'rejected'), reading(doc, 'accepted')))).toEqual([]);
  });

  it('marks the annex as its editors did: old and new years, a renumbered paragraph, a replaced word', () => {
    const zh = corpus.find((doc) => doc.docId === 'res71-annex1-2028' && doc.lang === 'zh')!;
    const marked = lines(redline(reading(zh, 'rejected'), reading(zh, 'accepted')).body);
    expect(marked).toContain('国际电联{--2024-2027--}{++2028-2031++}年战略规划');
    expect(marked.find((line) => line.startsWith('{--7--}{++8++} |'))).toContain('主题重点{--和成果--}{++工作++}、所提供的产品');
    const ar = corpus.find((doc) => doc.docId === 'res71-annex1-2028' && doc.lang === 'ar')!;
    expect(lines(redline(reading(ar, 'rejected'), reading(ar, 'accepted')).body)).toContain(
      'الخطة الاستراتيجية للاتحاد للفترة{-- 2027-2024--}{++ 2031-2028++}',
    );
  });
});

describe('redline of random edits (seeded): words, paragraphs inserted, removed and moved, labels renumbered', () => {
  const SEEDS = [1, 2, 3, 4, 5, 6];

  it.each(LANGS)('gives back both texts exactly, either way round, in %s', (lang) => {
    const docs = corpus.filter((doc) => doc.lang === lang);
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const base = reading(doc, 'accepted');
      for (const seed of SEEDS) {
        const edited = randomlyEdited(base, seed * 7919 + doc.docId.length);
        const forward = redlined(base, edited);
        const backward = redlined(edited, base);
        if (lang === 'zh') expect(chineseMarksInsideWords(forward)).toEqual([]);
        if (lang === 'zh') expect(chineseMarksInsideWords(backward)).toEqual([]);
        if (lang === 'ar') expect(markEdgeProblems(forward)).toEqual([]);
      }
    }
  });

  it('makes different edits for different seeds and the same for the same seed', () => {
    const base = reading(
      corpus.find((doc) => doc.lang === 'fr')!,
      'accepted',
    );
    expect(comparable(randomlyEdited(base, 11))).toBe(comparable(randomlyEdited(base, 11)));
    expect(comparable(randomlyEdited(base, 11))).not.toBe(comparable(randomlyEdited(base, 12)));
  });
});

describe('redline, construct by construct', () => {
  const redlineOf = (old: string, next: string, lang: Lang = 'zh') => redlined(model(old, lang), model(next, lang));

  it('marks words as the brief shows them, not character soup', () => {
    const result = redlineOf('国际电信联盟全权代表大会（2018年，迪拜），', '国际电信联盟全权代表大会（2022年，布加勒斯特），');
    expect(lines(result.body)).toEqual(['国际电信联盟全权代表大会（{--2018年，迪拜--}{++2022年，布加勒斯特++}），']);
    expect(lines(redlineOf('the strategic plan of the Union for 2024-2027.', 'the strategic plan for 2028-2031.', 'en').body)).toEqual([
      // " for " is one short word between two changes: taken into them.
      'the strategic plan{-- of the Union for 2024-2027--}{++ for 2028-2031++}.',
    ]);
  });

  it('pairs a long paragraph with its own old text, not with another that shares its vocabulary', () => {
    const old =
      ':n[d)] 强调将战略规划、财务规划和运作规划联系起来，作为衡量实现国际电联部门目标和总体目标进展依据的重要性的全权代表大会第72号决议（2014年，釜山，修订版），';
    const next =
      ':n[d)] 全权代表大会第151号决议做出决议，继续制定全面的国际电联结果框架，以支持战略规划、财务规划和运作规划及预算的实施，并提高国际电联成员评定实现国际电联总体目标进展的能力；';
    expect(lines(redlineOf(old, next).body).map((line) => line.split(' ')[0])).toEqual(['deletion', 'insertion']);
    const edited = next.replace('继续制定', '继续完善');
    expect(lines(redlineOf(next, edited).body)).toHaveLength(1);
  });

  it('keeps one space on each side in both readings, and a deletion before an insertion', () => {
    expect(lines(redlineOf('a b c d', 'a c d e', 'en').body)).toEqual(['a{-- b--} c d{++ e++}']);
    expect(lines(redlineOf('social, economic and sustainable growth', 'social and economic prosperity', 'en').body)).toEqual([
      'social{--, economic and sustainable growth--}{++ and economic prosperity++}',
    ]);
  });

  it('replaces a changed label whole', () => {
    const result = redlineOf(':n[5] 在理事会审议后；\n\n:n[a)] 甲', ':n[6] 在理事会审议后；\n\n:n[b)] 甲');
    expect(lines(result.body)).toEqual(['{--5--}{++6++} | 在理事会审议后；', '{--a)--}{++b)++} | 甲']);
  });

  it('inserts a wholly new paragraph and deletes a removed one as blocks, and a moved one as both', () => {
    const old = ':n[1] 第一段。\n\n:n[2] 第二段讲别的事情。\n\n:n[3] 第三段。';
    expect(lines(redlineOf(old, ':n[1] 第一段。\n\n:n[2] 全新的一段文字。\n\n:n[3] 第二段讲别的事情。\n\n:n[4] 第三段。').body)).toEqual([
      '1 | 第一段。',
      'insertion {++2++} | {++全新的一段文字。++}',
      '{--2--}{++3++} | 第二段讲别的事情。',
      '{--3--}{++4++} | 第三段。',
    ]);
    expect(lines(redlineOf(old, ':n[1] 第一段。\n\n:n[3] 第三段。').body)).toEqual([
      '1 | 第一段。',
      'deletion {--2--} | {--第二段讲别的事情。--}',
      '3 | 第三段。',
    ]);
    expect(lines(redlineOf('甲乙丙丁。\n\n戊己庚辛。\n\n壬癸子丑。', '戊己庚辛。\n\n壬癸子丑。\n\n甲乙丙丁。').body)).toEqual([
      'deletion {--甲乙丙丁。--}',
      '戊己庚辛。',
      '壬癸子丑。',
      'insertion {++甲乙丙丁。++}',
    ]);
  });

  it('inserts and deletes list items as blocks', () => {
    const result = redlineOf('- 第一项\n- 第二项\n- 第三项', '- 第一项\n- 第三项\n- 新的一项内容');
    const list = result.body[0]!;
    expect(list.type === 'list' && list.children.map((item) => item.change)).toEqual([undefined, 'deletion', undefined, 'insertion']);
  });

  it('marks the edit inside a table cell and leaves the other cells alone', () => {
    const table = (cell: string) => `:::table[目标]{#t}\n- - 目标\n  - 指标\n- - 1\n  - ${cell}\n:::`;
    const result = redlineOf(table('到2030年实现普遍连接'), table('到2031年实现普遍连接'));
    const [block] = result.body;
    expect(block!.type).toBe('table');
    if (block!.type !== 'table') return;
    expect(block.body.map((row) => row.cells.map((cell) => lines(cell.children).join('')))).toEqual([
      ['1', '到{--2030--}{++2031++}年实现普遍连接'],
    ]);
    expect(lines(block.head[0]!.cells[0]!.children)).toEqual(['目标']);
  });

  it('redlines a footnote, and deletes a footnote with the text that called it', () => {
    const result = redlineOf(
      '正文[^a]，旧的说法[^b]。\n\n[^a]: 2018年的脚注。\n\n[^b]: 将被删除的脚注。',
      '正文[^a]。\n\n[^a]: 2022年的脚注。',
    );
    expect(lines(result.body)).toEqual(['正文[^a]{--，旧的说法[^b]--}。']);
    expect(result.footnotes.map((note) => [note.id, note.number, note.change, lines(note.children).join('')])).toEqual([
      ['a', 1, undefined, '{--2018--}{++2022++}年的脚注。'],
      ['b', 2, 'deletion', 'deletion {--将被删除的脚注。--}'],
    ]);
  });

  it('inserts a footnote with the text that calls it', () => {
    const result = redlineOf('正文。', '正文，新的说法[^n]。\n\n[^n]: 新的脚注。');
    expect(lines(result.body)).toEqual(['正文{++，新的说法[^n]++}。']);
    expect(result.footnotes.map((note) => note.change)).toEqual(['insertion']);
  });

  it('keeps call words, footnote calls and anchors whole, as atoms', () => {
    const words = redlineOf(':call{key=considering}', ':call{key=welcoming}', 'en');
    expect(lines(words.body)).toEqual(['deletion {--:call{key=considering}--}', 'insertion {++:call{key=welcoming}++}']);
    const calls = redlineOf(':anchor{#x}the plan[^n] for 2024\n\n[^n]: Note.', ':anchor{#x}the plan[^n] for 2028\n\n[^n]: Note.', 'en');
    expect(lines(calls.body)).toEqual([':anchor{#x}the plan[^n] for {--2024--}{++2028++}']);
  });

  it('keeps a change inside emphasis inside it, and marks the emphasis whole when it is new', () => {
    expect(lines(redlineOf('a *strategic plan* b', 'a *financial plan* b', 'en').body)).toEqual([
      'a *{--strategic--}{++financial++} plan* b',
    ]);
    expect(lines(redlineOf('the plan of the Union', 'the *plan* of the Union', 'en').body)).toEqual([
      'the {--plan--}{++*plan*++} of the Union',
    ]);
  });

  it('takes the space next to a number into both marks in Arabic, and passes check', () => {
    const result = redlineOf('الخطة للفترة 2027-2024 والخطة المالية', 'الخطة للفترة 2031-2028 والخطة المالية', 'ar');
    expect(lines(result.body)).toEqual(['الخطة للفترة{-- 2027-2024--}{++ 2031-2028++} والخطة المالية']);
    expect(markEdgeProblems(result)).toEqual([]);
    const list = redlineOf('- 1.4: الاستعمال الرشيد', '- 1.3: الاستعمال الرشيد', 'ar');
    expect(lines(list.body)).toEqual(['{--1.4: --}{++1.3: ++}الاستعمال الرشيد']);
    expect(markEdgeProblems(list)).toEqual([]);
  });

  it('deletes and inserts a whole Arabic paragraph that is one number, since no space can part the two', () => {
    const result = redlineOf('2027', '2031', 'ar');
    expect(lines(result.body)).toEqual(['deletion {--2027--}', 'insertion {++2031++}']);
    expect(markEdgeProblems(result)).toEqual([]);
  });

  it('refuses a change the model has no mark for (a table row added), saying where, and a marked text', () => {
    const table = (rows: string) => `:::table[目标]{#t}\n- - 目标\n${rows}:::`;
    const grown = () => redline(model(table('- - 甲\n')), model(table('- - 甲\n- - 乙\n')));
    expect(grown).toThrow(RedlineError);
    expect(grown).toThrow(/^A table was changed in a way the model has no mark for: the model can mark words and paragraphs/);
    try {
      grown();
    } catch (error) {
      expect((error as RedlineError).side).toBe('new');
      expect((error as RedlineError).position?.start.line).toBe(6);
    }
    const marked = model('正文{++新增++}');
    expect(() => redline(marked, marked)).toThrow(RedlineInputError);
  });
});
