import { describe, expect, it } from 'vitest';
import { build, shape, testMeta } from './helpers/build.js';
import type { BlockNode } from '../scripts/model/types.js';

function body(markdown: string, lang: 'zh' | 'en' | 'ar' = 'zh'): BlockNode[] {
  const result = build(markdown, lang);
  expect(result.messages).toEqual([]);
  return shape(result.doc!.body);
}

const text = (value: string) => ({ type: 'text', value });

describe('document model', () => {
  it('turns a call-word line into a callWordParagraph with the locale word', () => {
    expect(body(':call{key=considering}')).toEqual([
      { type: 'callWordParagraph', children: [{ type: 'callWord', key: 'considering', value: '考虑到' }] },
    ]);
    expect(body(':call{key=considering}', 'en')[0]).toMatchObject({ children: [{ value: 'considering' }] });
    expect(body(':call{key=considering}', 'ar')[0]).toMatchObject({ children: [{ value: 'إذ يضع في اعتباره' }] });
  });

  it('keeps a replaced call word as a deletion and an insertion', () => {
    expect(body('{++:call{key=welcoming}++}{--:call{key=consideringFurther}--}', 'en')).toEqual([
      {
        type: 'callWordParagraph',
        children: [
          { type: 'insertion', children: [{ type: 'callWord', key: 'welcoming', value: 'welcoming' }] },
          { type: 'deletion', children: [{ type: 'callWord', key: 'consideringFurther', value: 'considering further' }] },
        ],
      },
    ]);
  });

  it('reads lettered and numbered paragraphs, renumbering included', () => {
    expect(body(':n[a)] 条款；\n\n:n[{--5--}{++6++}] 在理事会审议后')).toEqual([
      { type: 'labelledParagraph', label: [text('a)')], children: [text('条款；')] },
      {
        type: 'labelledParagraph',
        label: [
          { type: 'deletion', children: [text('5')] },
          { type: 'insertion', children: [text('6')] },
        ],
        children: [text('在理事会审议后')],
      },
    ]);
  });

  it('marks a wholly inserted or deleted paragraph, label included', () => {
    expect(body('{++:n[3] 加强作用；++}\n\n{--:n[b)] 旧的规定；--}\n\n{++全新段落++}')).toEqual([
      {
        type: 'labelledParagraph',
        label: [{ type: 'insertion', children: [text('3')] }],
        change: 'insertion',
        children: [{ type: 'insertion', children: [text('加强作用；')] }],
      },
      {
        type: 'labelledParagraph',
        label: [{ type: 'deletion', children: [text('b)')] }],
        change: 'deletion',
        children: [{ type: 'deletion', children: [text('旧的规定；')] }],
      },
      { type: 'paragraph', change: 'insertion', children: [{ type: 'insertion', children: [text('全新段落')] }] },
    ]);
  });

  it('reads a proposal with its action, identifier and reasons', () => {
    expect(body('::::proposal{action=MOD id=CL/39A4/1}\n\n正文\n\n:::reasons\n理由正文。\n:::\n\n::::')).toEqual([
      {
        type: 'proposal',
        action: 'MOD',
        id: 'CL/39A4/1',
        children: [{ type: 'paragraph', children: [text('正文')] }],
        reasons: [{ type: 'paragraph', children: [text('理由正文。')] }],
      },
    ]);
    for (const action of ['ADD', 'ADD*', '(MOD)', 'SUP', 'SUP*', 'NOC']) {
      expect(body(`:::proposal{action="${action}" id=CL/39A4/2}\n:::`)[0]).toMatchObject({ type: 'proposal', action, reasons: [] });
    }
  });

  it('generates the resolution title with the change of place and year, in each language', () => {
    expect(body('::resolution-title{#res71}')).toEqual([
      {
        type: 'heading',
        depth: 1,
        role: 'resolutionTitle',
        id: 'res71',
        children: [
          text('第71号决议（'),
          { type: 'deletion', children: [text('2018年，迪拜')] },
          { type: 'insertion', children: [text('2022年，布加勒斯特')] },
          text('，修订版）'),
        ],
      },
    ]);
    const en = body('::resolution-title', 'en')[0];
    expect(en).toMatchObject({
      children: [text('RESOLUTION 71 (REV. '), { children: [text('DUBAI, 2018')] }, { children: [text('BUCHAREST, 2022')] }, text(')')],
    });
    const ar = body('::resolution-title', 'ar')[0];
    expect(ar).toMatchObject({
      children: [text('القرار 71 (المراجَع في '), { children: [text('دبي، 2018')] }, { children: [text('بوخارست، 2022')] }, text(')')],
    });
  });

  it('generates the annex title and keeps heading numbers apart, renumbering included', () => {
    const meta = {
      ...testMeta,
      annex: { number: 1 },
      resolution: {
        number: 71,
        revisions: [
          { place: 'bucharest', year: 2022 },
          { place: 'doha', year: 2026 },
        ],
      },
    };
    const result = build('::annex-title\n\n## :n[{--2--}{++3++}] 国际电联战略框架', 'zh', { meta });
    expect(result.messages).toEqual([]);
    expect(shape(result.doc!.body)).toEqual([
      {
        type: 'heading',
        depth: 1,
        role: 'annexTitle',
        children: [
          text('第71号决议附件1（'),
          { type: 'deletion', children: [text('2022年，布加勒斯特')] },
          { type: 'insertion', children: [text('2026年，多哈')] },
          text('，修订版）'),
        ],
      },
      {
        type: 'heading',
        depth: 2,
        label: [
          { type: 'deletion', children: [text('2')] },
          { type: 'insertion', children: [text('3')] },
        ],
        children: [text('国际电联战略框架')],
      },
    ]);
    const en = build('::annex-title', 'en', { meta }).doc!.body[0];
    expect(en).toMatchObject({ children: [text('ANNEX 1 TO RESOLUTION 71 (REV. '), {}, {}, text(')')] });
  });

  it('numbers footnotes in order of reference, including inside table cells and with marks in the note', () => {
    const doc = build('甲[^b]乙[^a]\n\n| x | y |\n|---|---|\n| 丙[^c] | 丁 |\n\n[^a]: 注A {++新++}\n[^b]: 注B\n[^c]: 注C').doc!;
    expect(doc.footnotes.map((f) => [f.id, f.number])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
    expect(shape(doc.footnotes[1]!.children)).toEqual([
      { type: 'paragraph', children: [text('注A '), { type: 'insertion', children: [text('新')] }] },
    ]);
    expect(JSON.stringify(doc.body)).toContain('"type":"footnoteReference","id":"c","number":3');
  });

  it('reads grid tables with caption, id, header rows, spans, lists and paragraphs in cells', () => {
    const [table] = body(
      [
        ':::table[战略目标]{#tab-goals}',
        '+-------+-------+-------+',
        '| 目标    | 指标            |',
        '+=======+=======+=======+',
        '| 1     | - 甲   | 第一段   |',
        '|       | - 乙   |       |',
        '|       |       | 第二段   |',
        '|       +-------+-------+',
        '|       | 丙[^n] | 丁     |',
        '+-------+-------+-------+',
        ':::',
        '',
        '[^n]: 表注',
      ].join('\n'),
    );
    expect(table).toMatchObject({ type: 'table', id: 'tab-goals', caption: [text('战略目标')], columns: 3 });
    const t = table as Extract<BlockNode, { type: 'table' }>;
    expect(t.head[0]!.cells.map((c) => c.colSpan)).toEqual([1, 2]);
    expect(t.body[0]!.cells[0]).toMatchObject({ rowSpan: 2 });
    expect(t.body[0]!.cells[1]!.children[0]).toMatchObject({ type: 'list', children: [{}, {}] });
    expect(t.body[0]!.cells[2]!.children).toHaveLength(2);
    expect(JSON.stringify(t.body[1])).toContain('"type":"footnoteReference","id":"n"');
  });

  it('reads list tables: a row per item, a cell per nested item, spans, lists and paragraphs in cells', () => {
    const [table] = body(
      [
        ':::table[输入]{#tab-input header=1}',
        '- - 输入来源',
        '  - :cell{colspan=2} 输入',
        '- - :cell{rowspan=2} 在线磋商：',
        '  - - 若干文稿提出了简化。',
        '    - 还建议摆脱对众多活动的关注。',
        '  - CWG-SFP-1/11[^a]',
        '- - 第一段',
        '',
        '    第二段',
        '  -',
        ':::',
        '',
        '[^a]: 注',
      ].join('\n'),
    );
    const t = table as Extract<BlockNode, { type: 'table' }>;
    expect(t).toMatchObject({ type: 'table', id: 'tab-input', columns: 3, caption: [text('输入')] });
    expect(t.head[0]!.cells.map((c) => [c.colSpan, c.rowSpan])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(t.head[0]!.cells[1]!.children).toEqual([{ type: 'paragraph', children: [text('输入')] }]);
    expect(t.body[0]!.cells[0]).toMatchObject({ rowSpan: 2, children: [{ type: 'paragraph', children: [text('在线磋商：')] }] });
    expect(t.body[0]!.cells[1]!.children[0]).toMatchObject({ type: 'list', children: [{}, {}] });
    expect(t.body[1]!.cells[0]!.children).toHaveLength(2);
    expect(t.body[1]!.cells[1]!.children).toEqual([]);
  });

  it('reads figures with alt text as placeholders when no picture is given', () => {
    expect(body('::figure[结果框架]{#fig-1 alt="战略目标、成果和产出的关系图"}')).toEqual([
      { type: 'figure', id: 'fig-1', caption: [text('结果框架')], alt: '战略目标、成果和产出的关系图' },
    ]);
  });

  it('keeps square-bracketed text as literal text and reads anchors', () => {
    expect(body(':anchor{#OLE_LINK2}第5号决定[（2022年，布加勒斯特，修订版）]')).toEqual([
      { type: 'paragraph', children: [{ type: 'anchor', id: 'OLE_LINK2' }, text('第5号决定[（2022年，布加勒斯特，修订版）]')] },
    ]);
  });

  it('reads dash lists, with a wholly inserted item marked', () => {
    expect(body('- 第一项\n- {++第二项++}')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        children: [
          { type: 'listItem', children: [{ type: 'paragraph', children: [text('第一项')] }] },
          {
            type: 'listItem',
            change: 'insertion',
            children: [{ type: 'paragraph', change: 'insertion', children: [{ type: 'insertion', children: [text('第二项')] }] }],
          },
        ],
      },
    ]);
  });

  it('keeps editor comments in the model', () => {
    expect(body('正文{>>待核对<<}')).toEqual([
      { type: 'paragraph', children: [text('正文'), { type: 'editorComment', children: [text('待核对')] }] },
    ]);
  });
});
