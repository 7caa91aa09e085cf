import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReadings } from '../scripts/check/readings.js';
import { readLabel, runsOn } from '../scripts/model/labels.js';
import type { Lang } from '../scripts/i18n/languages.js';
import { build, frontMatter, repoRoot } from './helpers/build.js';

/** The messages of the checks on both readings (of one rule), `line:column reason` (a body starts on line 6 in zh, 9 in a translation). */
function readingMessages(body: string, lang: Lang = 'en', rule?: string): string[] {
  const { file, doc } = build(body, lang);
  expect(doc).toBeDefined();
  file.messages.length = 0;
  checkReadings(doc!, file);
  return file.messages.filter((m) => !rule || m.ruleId === rule).map((m) => `${m.line}:${m.column} ${m.reason}`);
}

/** The line of the body's first line holding `needle`, as messages count it. */
function lineOf(body: string, needle: string, lang: Lang = 'en'): number {
  return (frontMatter(lang) + body).split('\n').findIndex((line) => line.includes(needle)) + 1;
}

const LATIN = 'a b c d e f g h i j k l m n o p q r s t u v w x y z'.split(' ');

describe('labels', () => {
  it('reads letters, numbers, dotted numbers and roman numerals, leaving out brackets and the colon', () => {
    expect(readLabel('b)', LATIN)).toMatchObject([{ family: 'letter', value: [2], suffix: ')' }]);
    expect(readLabel('[c)', LATIN)).toMatchObject([{ family: 'letter', value: [3] }]);
    expect(readLabel('1.5：', LATIN)).toMatchObject([{ family: 'number', value: [1, 5], suffix: '' }]);
    expect(readLabel('ii)', LATIN)).toMatchObject([{ family: 'roman', value: [2] }]);
    expect(readLabel('i)', LATIN).map((label) => label.family)).toEqual(['letter', 'roman']);
    expect(readLabel('هـ)', 'أ ب ج د هـ'.split(' '))).toMatchObject([{ family: 'letter', value: [5] }]);
    expect(readLabel('B', LATIN)).toMatchObject([{ family: 'capital', value: [2] }]);
    expect(readLabel('words', LATIN)).toEqual([]);
  });

  it('runs dotted numbers on at their level, one level down, or up and down again', () => {
    const n = (text: string) => readLabel(text, LATIN)[0]!;
    expect(runsOn(n('1.7'), n('1.8'))).toBe(true);
    expect(runsOn(n('2'), n('2.1'))).toBe(true);
    expect(runsOn(n('1.7'), n('2.1'))).toBe(true);
    expect(runsOn(n('1.2.2'), n('1.3'))).toBe(true);
    expect(runsOn(n('2.1'), n('2.3'))).toBe(false);
    expect(runsOn(n('1.7'), n('1.5'))).toBe(false);
    expect(runsOn(n('2'), n('2.2'))).toBe(false);
  });
});

describe('label series in each reading', () => {
  it('flags a label twice and a label skipped, at the label, with the fix', () => {
    const [twice] = readingMessages(':n[a)] one\n\n:n[b)] two\n\n:n[b)] three');
    expect(twice).toBe(
      '13:1 In both readings, label "b)" after "b)" comes a second time in its series (next would be "c)"). ' +
        'Mark the old label (or its whole paragraph or row) as a deletion and the new one as an insertion, or mark the renumbering ' +
        '(`:n[{--5--}{++6++}]`), so that each reading counts on without a gap or a repeat; where the source itself numbers so ' +
        "(a report quoted in part), say so in an editor's comment opening the text: `:n[1.4.3] {>>…<<}…`",
    );
    expect(readingMessages(':n[1] one\n\n:n[3] three')).toEqual([
      expect.stringMatching(/^11:1 In both readings, label "3" after "1" skips a label in its series \(next would be "2"\)/),
    ]);
    expect(readingMessages(':n[1] one\n\n:n[2] two\n\n:n[1] again')[0]).toMatch(/^13:1 .*"1" after "2" comes a second time/);
  });

  it('reads each reading apart and names the mark responsible', () => {
    // Old paragraph 2 deleted and a new one inserted: each reading counts 1, 2, 3.
    expect(readingMessages(':n[1] a\n\n{--:n[2] old--}\n\n{++:n[2] new++}\n\n:n[3] c')).toEqual([]);
    // Renumbered as if a paragraph had been inserted before it, with none inserted: at the insertion `{++3++}`.
    expect(readingMessages(':n[1] a\n\n:n[{--2--}{++3++}] b\n\n:n[{--3--}{++4++}] c')).toEqual([
      expect.stringMatching(/^11:11 In the accepted reading, label "3" after "1" skips a label in its series \(next would be "2"\)/),
    ]);
    // A new paragraph inserted unmarked in the middle: the rejected reading is the old text, so it is the only one at fault.
    const body = ':n[1] a\n\n{++:n[2] new++}\n\n:n[2] b';
    expect(readingMessages(body)).toEqual([
      expect.stringMatching(new RegExp(`^${lineOf(body, ':n[2] b')}:1 In the accepted reading, label "2" after "2" comes a second time`)),
    ]);
  });

  it('lets a series of another kind open inside it and end when it goes on', () => {
    expect(readingMessages(':n[1] a\n\n:n[2] b\n\n:n[i)] c\n\n:n[ii)] d\n\n:n[3] e\n\n:n[i)] f')).toEqual([]);
    // After h), i) is the ninth letter, not the first roman numeral.
    expect(readingMessages([...'abcdefghij'].map((letter) => `:n[${letter})] text`).join('\n\n'))).toEqual([]);
    expect(readingMessages(':n[1] a\n\n:n[ii)] b')[0]).toMatch(
      /^11:1 In both readings, label "ii\)" opens a series, which should start at "i\)"/,
    );
  });

  it('lets a series start again after a heading or a line of call words, or go on across it', () => {
    expect(readingMessages(':n[a)] x\n\n:call{key=noting}\n\n:n[a)] y\n\n## Part\n\n:n[a)] z')).toEqual([]);
    expect(readingMessages(':n[1] x\n\n## Part\n\n:n[2] y')).toEqual([]);
    expect(readingMessages(':n[1] x\n\n## Part\n\n:n[3] y')[0]).toMatch(/^13:1 .*"3" after "1" skips a label/);
    expect(readingMessages('## :n[1] A\n\n## :n[2] B\n\n### :n[2.1] C\n\n### :n[2.3] D')[0]).toMatch(
      /^15:1 In both readings, label "2.3" after "2.1" skips a label in its series \(next would be "2.2"\)/,
    );
  });

  it('counts in each language its own letters', () => {
    expect(readingMessages(':n[أ)] س\n\n:n[ب)] ص\n\n:n[ج)] ع', 'ar')).toEqual([]);
    expect(readingMessages(':n[أ)] س\n\n:n[ج)] ع', 'ar')[0]).toMatch(
      /^11:1 In both readings, label "ج\)" after "أ\)" skips a label in its series \(next would be "ب\)"\)/,
    );
  });

  it('reads the numbers opening the cells of a column, down the rows, starting again with each group of rows', () => {
    const table = [
      ':::table{#t header=1}',
      '- - Goal',
      '  - Target',
      '- - :cell{rowspan=3} One',
      '  - 1.1: first',
      '- - 1.2: second',
      '- - 1.2: second again',
      '- - :cell{rowspan=2} Two',
      '  - :n[2.1] first',
      '- - 2.2: second',
      ':::',
    ].join('\n');
    expect(readingMessages(table)).toEqual([
      expect.stringMatching(
        new RegExp(`^${lineOf(table, 'second again')}:5 In both readings, label "1.2" after "1.2" comes a second time`),
      ),
    ]);
  });

  it('lets the labels inside a cell nest and start again in the next cell, and numbers in list items count too', () => {
    const table = [
      ':::table{#t header=0}',
      '- - :n[1)] outcome',
      '',
      '    :n[a)] space',
      '',
      '    :n[b)] ground',
      '- - :n[2)] outcome',
      '',
      '    :n[a)] space',
      '- - :n[4)] outcome',
      ':::',
    ].join('\n');
    expect(readingMessages(table)).toEqual([
      expect.stringMatching(new RegExp(`^${lineOf(table, ':n[4)]')}:5 .*"4\\)" after "2\\)" skips`)),
    ]);
    expect(readingMessages('- 1.1: a\n- 1.1: b')[0]).toMatch(/^10:3 In both readings, label "1.1" after "1.1" comes a second time/);
  });

  it('lets stand a series the source breaks, noted by an editor’s comment opening the text', () => {
    expect(readingMessages(':n[1.2] {>>numbers of a report quoted in part<<}a\n\n:n[1.4] {>>the quotation skips 1.3<<}b')).toEqual([]);
  });
});

describe('words at the place of a mark in each reading', () => {
  it('finds “2016)and”: a space lost around {--and--}, at the mark taken out', () => {
    const body = 'Resolution 75/233 (21 December {--2016--}{++2020++}){++,++}{--and--} UNGA Resolution 72/279';
    const column = body.indexOf('{++,++}') + 1;
    expect(readingMessages(body)).toEqual([
      `9:${column} In the rejected reading, two words run together where "," was taken out ("cember·2016)and·UNGA·Res"). ` +
        'Take the space between the words into the mark, or leave it outside, so that each reading keeps one (`2016){++,++}{-- and--} UNGA`)',
    ]);
    expect(readingMessages(body.replace('{--and--}', '{-- and--}'))).toEqual([]);
  });

  it('finds two spaces meeting where a mark stood, or at the edge of one', () => {
    expect(readingMessages('the {--old--} text')).toEqual([
      expect.stringMatching(/^9:5 In the accepted reading, two spaces meet where "old" was taken out \("the··text", · is a space\)/),
    ]);
    expect(readingMessages('the {++new ++} text')).toEqual([
      expect.stringMatching(/^9:5 In the accepted reading, two spaces meet at the edge of a revision mark/),
      expect.stringMatching(/^9:5 In the rejected reading, two spaces meet where "new" was taken out/),
    ]);
    expect(readingMessages('the {--old --}text and {--a--}{++b++} words')).toEqual([]);
  });

  it('finds words glued across a mark in Cyrillic and Arabic, in footnotes and cells too', () => {
    expect(readingMessages('слово{-- старое--}{++новое++} дальше', 'ru')[0]).toMatch(
      /^9:6 In the accepted reading, two words run together where "старое"/,
    );
    expect(readingMessages('(2016){++،++}{--و--} وقرار', 'ar')[0]).toMatch(/^9:7 In the rejected reading, two words run together/);
    expect(readingMessages('text[^1]\n\n[^1]: the{-- old--}{++new++} note')).toHaveLength(1);
    expect(readingMessages('| a |\n|---|\n| the{-- old--}{++new++} cell |')).toHaveLength(1);
  });

  it('leaves a word changed inside itself or at its edge, Chinese, and labels alone', () => {
    expect(readingMessages('organi{--s--}{++z++}ation')).toEqual([]);
    expect(readingMessages('ل{--هذا المؤتمر--}{++مؤتمر المندوبين++}، والعالمية{-- و--}{++، و++}الحياد', 'ar')).toEqual([]);
    expect(readingMessages('2016年{++、++}{--和--}有关', 'zh')).toEqual([]);
    expect(readingMessages(':n[{--5--}{++6++}] text', 'en', 'spacing-at-mark')).toEqual([]);
  });
});

describe('square brackets in each reading', () => {
  it('flags a bracket left open or closing nothing, at the bracket', () => {
    expect(readingMessages('text [not agreed')).toEqual([
      expect.stringMatching(
        /^9:6 In both readings, the square bracket "\[" is not closed before the next heading, cell or the end of its text/,
      ),
    ]);
    expect(readingMessages('text] more')[0]).toMatch(/^9:5 In both readings, the square bracket "\]" closes no bracket/);
    const heading = '[a\n\n## H\n\nb]';
    expect(readingMessages(heading)).toHaveLength(2);
  });

  it('accepts brackets that nest, run over paragraphs and list items, or open a label', () => {
    expect(readingMessages('[a [b] c]\n\n[d\n\n- e\n- f]')).toEqual([]);
    expect(readingMessages(':n[\\[c)] text]，', 'en', 'square-brackets')).toEqual([]);
    expect(readingMessages('| a |\n|---|\n| [b] |')).toEqual([]);
  });

  it('reads each reading apart', () => {
    expect(readingMessages('[a{--]--} b{++]++}')).toEqual([]);
    expect(readingMessages('[a{--]--} b')).toEqual([expect.stringMatching(/^9:1 In the accepted reading, the square bracket "\["/)]);
  });

  it('lets stand a lone bracket of the source, noted by an editor’s comment beside it', () => {
    expect(readingMessages('text]{>>the source opens none<<} more')).toEqual([]);
    expect(readingMessages('text [{>>the source closes none<<}more')).toEqual([]);
  });
});

describe('the corpus as it was', () => {
  it('finds the old and new rows of Appendix A standing unmarked side by side (2028-2031 annex, zh)', () => {
    const body = readFileSync(path.join(repoRoot, 'tests/fixtures/reading-checks/appendix-a-as-it-was.zh.md'), 'utf8');
    const messages = readingMessages(body, 'zh');
    const at = (needle: string, column: number, reading: string, label: string, after: string) =>
      expect(messages).toContainEqual(
        expect.stringContaining(`${lineOf(body, needle, 'zh')}:${column} In ${reading}, label "${label}" after "${after}"`),
      );
    at('- - 1.5：具有韧性的网络', 5, 'both readings', '1.5', '1.7');
    at('- - 1.6：避免有害干扰', 5, 'the rejected reading', '1.6', '1.5');
    at('- - 1.7：互操作性标准的影响', 5, 'both readings', '1.7', '1.6');
    at('- - :n[2.1] 普遍使用互联网', 5, 'both readings', '2.1', '2.1');
    at('- - :n[2)] 改善电信/ICT基础设施', 5, 'both readings', '2)', '8)');
    at('- - :n[1)] 通过使用新的和新兴电信', 5, 'both readings', '1)', '4)');
    at('- - :n[3)] 加强成员国在商定标准', 5, 'both readings', '3)', '5)');
  });
});
