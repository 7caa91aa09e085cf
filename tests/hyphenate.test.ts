/**
 * Hyphenation by language and the break rules, on paragraphs laid out
 * in-process by the PDF line breaker (where a word is cut, that a hyphen is
 * drawn there, that acronyms and bracketed acronyms stay whole, how a
 * justified Chinese line stretches) and in the HTML.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../scripts/i18n/languages.js';
import type { TextOp } from '../scripts/render/pdf/boxes.js';
import { loadFontSet } from '../scripts/render/pdf/fonts.js';
import { hyphenationFor } from '../scripts/render/pdf/hyphenate.js';
import { keepsBreak, wholeWords } from '../scripts/render/line-breaks.js';
import { layoutParagraph, type Line } from '../scripts/render/pdf/lines.js';
import type { Align } from '../scripts/render/paragraph-styles.js';
import { loadStyleSheet } from '../scripts/render/style-sheet.js';
import { build, paths, repoRoot } from './helpers/build.js';
import { toHtml } from 'hast-util-to-html';
import { blocks, createState } from '../scripts/render/html/to-hast.js';
import { loadLocale } from '../scripts/i18n/locales.js';

const sheet = loadStyleSheet(path.join(repoRoot, 'templates'));
const fonts = loadFontSet(repoRoot);

function lay(text: string, lang: Lang, width: number, align: Align = 'justify'): Line[] {
  return layoutParagraph(
    { spans: [{ text, style: {} }], size: 12, align, width, indent: 0, hanging: 0 },
    { fonts, sheet, lang, dir: 'ltr' },
  );
}
const texts = (line: Line) => line.ops.filter((op): op is TextOp => op.kind === 'text').sort((a, b) => a.x - b.x);
const words = (line: Line) =>
  texts(line)
    .map((op) => op.text)
    .join('');
/** Where the ink of a line ends: its last run with the spacing after each but its last character. */
const end = (line: Line) => {
  const last = texts(line).pop()!;
  return last.x + last.width + ([...last.text].length - 1) * last.characterSpacing;
};
const cut = (word: string, lang: Lang) => {
  const points = hyphenationFor(lang, sheet)!.points(word);
  return [0, ...points].map((p, i) => word.slice(p, points[i] ?? word.length)).join('-');
};

describe('hyphenation by language', () => {
  it('cuts words at the points of each language’s TeX patterns, keeping the style sheet’s least fragments', () => {
    expect(cut('telecommunication', 'en')).toBe('tele-com-mu-nic-a-tion');
    expect(cut('télécommunications', 'fr')).toBe('té-lé-com-mu-ni-ca-tions');
    expect(cut('telecomunicaciones', 'es')).toBe('te-le-co-mu-ni-ca-cio-nes');
    expect(cut('электросвязи', 'ru')).toBe('элек-тро-свя-зи');
    // Shorter than minWord, or an acronym: never cut.
    expect(cut('about', 'en')).toBe('about');
    expect(cut('CWGSFP', 'en')).toBe('CWGSFP');
  });

  it('does not hyphenate Chinese or Arabic', () => {
    expect(hyphenationFor('zh', sheet)).toBeUndefined();
    expect(hyphenationFor('ar', sheet)).toBeUndefined();
  });

  it('cuts a word at a pattern point and draws the hyphen when the line would otherwise be loose', () => {
    const lines = lay('Международный союз электросвязи содействует развитию', 'ru', 150);
    const first = texts(lines[0]!);
    expect(first[first.length - 1]!.text).toBe('-');
    const head = words(lines[0]!)
      .replace(/-$/, '')
      .split(/(?<=союз)/)
      .pop()!;
    expect(words(lines[1]!).startsWith('электросвязи'.slice(head.length))).toBe(true);
    expect(hyphenationFor('ru', sheet)!.points('электросвязи')).toContain(head.length);
    // Justified to the edge.
    expect(end(lines[0]!)).toBeCloseTo(150, 1);
  });

  it('hyphenates a word wider than its column (a narrow cell) instead of cutting it anywhere', () => {
    const word = 'информационно-коммуникационных';
    const lines = lay(word, 'ru', 50, 'start');
    expect(lines.length).toBeGreaterThan(3);
    const points = hyphenationFor('ru', sheet)!.points(word);
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      const text = words(line);
      expect(text.endsWith('-')).toBe(true);
      // The word's own hyphen, or one drawn at a pattern point.
      if (word[at + text.length - 1] === '-') at += text.length;
      else expect(points).toContain((at += text.length - 1));
    }
    expect(at + words(lines[lines.length - 1]!).length).toBe(word.length);
  });

  it('does not hyphenate a ragged paragraph whose words fit', () => {
    const lines = lay('Международный союз электросвязи содействует развитию', 'ru', 150, 'start');
    expect(lines.flatMap(texts).some((op) => op.text === '-')).toBe(false);
  });
});

describe('break rules', () => {
  it('never breaks after the hyphen of an acronym or of a one-letter part, but does between two words', () => {
    expect(keepsBreak('(ITU-D)', 5, 3)).toBe(false);
    expect(keepsBreak('CWG-SFP', 4, 3)).toBe(false);
    expect(keepsBreak('socio-economic', 6, 3)).toBe(true);
    expect(keepsBreak('e-health', 2, 3)).toBe(false);
  });

  it('finds the words to hold together, whole, however many hyphens they have', () => {
    const text = '(ITU-D), the CWG-SFP, socio-economic, ITU-R-SG and e-health';
    const found = wholeWords(text, 3).map(([start, end]) => text.slice(start, end));
    expect(found).toEqual(['ITU-D', 'CWG-SFP', 'ITU-R-SG', 'e-health']);
  });

  it('holds (ITU-D) together in HTML, and leaves socio-economic free to break', () => {
    const { doc } = build('The Sector (ITU-D) and socio-economic growth.\n', 'en');
    const html = toHtml(blocks(doc!.body, createState(loadLocale(paths.locales, 'en'), sheet)));
    expect(html).toContain('(<span class="nobr">ITU-D</span>)');
    expect(html).toContain('and socio-economic growth');
  });

  it('keeps (ITU-D) and （CWG-SFP） whole at the end of a line in any measure they fit in', () => {
    for (let width = 60; width <= 200; width += 4) {
      for (const line of lay('the Telecommunication Development Sector (ITU-D) and others', 'en', width)) {
        expect(words(line)).not.toMatch(/ITU-$|^D\)/);
      }
      for (const line of lay('理事会战略规划和财务规划工作组（CWG-SFP）的会议', 'zh', width)) {
        expect(words(line)).not.toMatch(/（$|^）|CWG-$|^SFP/);
      }
    }
  });
});

describe('justified Chinese', () => {
  const text = '推动信息社会世界峰会（WSIS）行动方面的进展和2030年议程的落实以及Bakhtjan Smanov先生的报告和相关的各项工作';

  it('stretches only next to Chinese characters, never inside a Latin word, acronym or figure', () => {
    const lines = lay(text, 'zh', 200);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) {
      const ops = texts(line);
      for (const op of ops) if (/[A-Za-z0-9]/.test(op.text)) expect(op.characterSpacing).toBe(0);
      expect(end(line)).toBeCloseTo(200, 1);
    }
    expect(lines.flatMap(texts).some((op) => op.characterSpacing > 0)).toBe(true);
  });

  it('starts a long address on the line it reaches, instead of leaving that line spread out', () => {
    const lines = lay('有关材料请参阅https://www.itu.int/md/S22-CL-C-0039/zh/documents/very/long/path/index.html查阅', 'zh', 200);
    expect(words(lines[0]!)).toMatch(/参阅https:/);
    for (const op of texts(lines[0]!)) expect(op.characterSpacing).toBeLessThanOrEqual(0.5 * 12);
  });

  it('leaves ragged a line that would need more than the bound per gap', () => {
    const lines = lay('见https://www.itu.int/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/a/b/c/d/e/f 查阅', 'zh', 200);
    for (const line of lines) for (const op of texts(line)) expect(op.characterSpacing).toBeLessThanOrEqual(0.5 * 12);
  });
});
