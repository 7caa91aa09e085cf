import { describe, expect, it } from 'vitest';
import { checkMarkBoundaries, numberAcross } from '../scripts/check/mark-boundaries.js';
import type { Lang } from '../scripts/i18n/languages.js';
import { build } from './helpers/build.js';

/** The messages of the mark-edge check on a Markdown body (translations have 9 front-matter lines). */
function edgeMessages(body: string, lang: Lang = 'ar'): string[] {
  const { file, doc } = build(body, lang);
  expect(doc).toBeDefined();
  file.messages.length = 0;
  checkMarkBoundaries(doc!, file);
  return file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`);
}

describe('numbers at the edge of a revision mark in right-to-left text', () => {
  it('reads digits as one number across an edge side by side or with one separator between', () => {
    expect(numberAcross('20302031', 4)).toBe(true);
    expect(numberAcross('2027-20242031-2028', 9)).toBe(true);
    expect(numberAcross('1.43', 2)).toBe(true); // "1." then a mark with "4"
    expect(numberAcross('1.43', 3)).toBe(true);
    expect(numberAcross('243/71233/75', 6)).toBe(true);
    expect(numberAcross('٢٠٢٠٢٠٢١', 4)).toBe(true); // Arabic-Indic digits too
    expect(numberAcross('2030 2031', 4)).toBe(false);
    expect(numberAcross('2030 2031', 5)).toBe(false);
    expect(numberAcross('1.4: 1.3: ', 5)).toBe(false);
    expect(numberAcross('عام2030', 3)).toBe(false);
    expect(numberAcross('2030--2031', 5)).toBe(false); // two separators do not join
  });

  it('flags each kind at the mark, in body text, headings, cells and footnotes', () => {
    const [year] = edgeMessages('بحلول عام {--2030--}{++2031++}.');
    expect(year).toMatch(/^9:21 Numbers meet at the edge of a revision mark in right-to-left text \("عام 20302031\."\).*one number/);
    expect(year).toMatch(/Take the space next to the number into both marks/);
    expect(edgeMessages('## الخطة للفترة {--2027-2024--}{++2031-2028++}')).toHaveLength(1);
    expect(edgeMessages('القرار 1.{--4--}{++3++}: النص')).toHaveLength(2);
    expect(edgeMessages('القرار {--243/71--}{++233/75++} بشأن')).toHaveLength(1);
    expect(edgeMessages('| أ |\n|---|\n| عام {--2030--}{++2031++} |')).toHaveLength(1);
    expect(edgeMessages('نص[^1]\n\n[^1]: عام {++2031++}{--2030--}')).toHaveLength(1);
    expect(edgeMessages('عام **{--2030--}**{++2031++}')).toHaveLength(1);
  });

  it('accepts the space taken into both marks, a letter at the edge, and a changed label', () => {
    expect(edgeMessages('للفترة{-- 2027-2024--}{++ 2031-2028++} والخطة')).toEqual([]);
    expect(edgeMessages('{--1.4: --}{++1.3: ++}النص')).toEqual([]);
    expect(edgeMessages('{--عام 2030--}{++عام 2031++}')).toEqual([]);
    expect(edgeMessages(':n[{--7--}{++8++}] النص')).toEqual([]);
    expect(edgeMessages('عام {--2030--}{>>ملاحظة<<} سنة')).toEqual([]);
  });

  it('leaves left-to-right text alone, where marks keep their order', () => {
    expect(edgeMessages('by {--2030--}{++2031++}.', 'en')).toEqual([]);
    expect(edgeMessages('到{--2030--}{++2031++}年', 'zh')).toEqual([]);
  });
});
