import { describe, expect, it } from 'vitest';
import type { Table } from '../scripts/model/types.js';
import { allRows, columnShares, type ColumnMeasure } from '../scripts/render/table-columns.js';
import { build } from './helpers/build.js';

const MEASURE: ColumnMeasure = { width: 450, size: 10, padding: 3, labelIndent: 17, hanPhrase: 4, hanCell: 8 };

function table(markdown: string): Table {
  const { doc, messages } = build(markdown, 'en');
  expect(messages).toEqual([]);
  return doc!.body.find((b): b is Table => b.type === 'table')!;
}

const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

describe('table column widths', () => {
  it('gives columns of the same text the same share', () => {
    const shares = columnShares(table(':::table{header=0}\n- - one two\n  - one two\n  - one two\n:::\n'), MEASURE);
    expect(shares.map((s) => s.toFixed(6))).toEqual(Array(3).fill((1 / 3).toFixed(6)));
  });

  it('keeps a column of figures wide enough for its longest figure, and gives the rest to the text', () => {
    const long = 'Thematic priority B – Global telecommunication/ICT interoperability and innovation, at some length';
    const rows = ['99\u00a0892', '323\u00a0978'].map((n) => `- - ${long}\n  - ${n}\n  - ${n}\n`).join('');
    const shares = columnShares(table(`:::table{header=0}\n${rows}:::\n`), MEASURE);
    expect(sum(shares)).toBeCloseTo(1, 9);
    // "323 978" does not break at its no-break space: 7 characters of about half an em, plus padding.
    for (const share of shares.slice(1)) expect(share * MEASURE.width).toBeGreaterThan(7 * 0.5 * MEASURE.size + 2 * MEASURE.padding);
    expect(shares[0]).toBeGreaterThan(shares[1]! * 3);
  });

  it('shares the width by the longest lines when everything fits', () => {
    const shares = columnShares(table(':::table{header=0}\n- - a\n  - a much longer cell\n:::\n'), MEASURE);
    expect(shares[1]).toBeGreaterThan(shares[0]!);
    expect(sum(shares)).toBeCloseTo(1, 9);
  });

  it('the model places cells past the slots that spans from above take, once for every writer', () => {
    const t = table(':::table{header=0}\n- - :cell{rowspan=2} a\n  - b\n  - c\n- - d\n  - e\n- - :cell{colspan=2} f\n  - g\n:::\n');
    expect(allRows(t).map((row) => row.cells.map((cell) => cell.column))).toEqual([
      [0, 1, 2],
      [1, 2],
      [0, 2],
    ]);
  });

  it('gives a Chinese column the width of its short words, which are read whole (输入来源, not 输入来/源)', () => {
    const long = '若干文稿提出了更清晰（在框架要素之间的联系以及与财务规划的联系方面）和不同要素的简化。'.repeat(3);
    const markdown = (first: string) =>
      `:::table{header=1}\n- - ${first}\n  - 输入\n  - ${long}\n  - ${long}\n- - 在线磋商：\n  - 文稿\n  - ${long}\n  - ${long}\n:::\n`;
    const zh = (md: string) => {
      const { doc, messages } = build(md, 'zh');
      expect(messages).toEqual([]);
      return doc!.body.find((b): b is Table => b.type === 'table')!;
    };
    const first = columnShares(zh(markdown('输入来源')), MEASURE)[0]! * MEASURE.width;
    // Four characters of an em and the colon after them, with the padding: "在线磋商：" on one line.
    expect(first).toBeGreaterThanOrEqual(5 * MEASURE.size + 2 * MEASURE.padding);
    // A short cell is read whole: "建议/分析结果：" is not cut into 建议/分析结|果：.
    const short = columnShares(zh(markdown('建议/分析结果：')), MEASURE)[0]! * MEASURE.width;
    expect(short).toBeGreaterThanOrEqual(7.5 * MEASURE.size + 2 * MEASURE.padding);
    // A longer run is a phrase a reader accepts broken: it does not widen the column to its length.
    const phrase = columnShares(zh(markdown('输入来源和相关文件编号以及其他说明')), MEASURE)[0]! * MEASURE.width;
    expect(phrase).toBeLessThan(8 * MEASURE.size);
  });
});
