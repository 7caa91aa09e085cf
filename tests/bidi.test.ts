/**
 * Right-to-left lines of the PDF layout, read the way a reader sees them: the
 * glyphs each text operation draws, left to right, as fontkit lays them out.
 */
import { describe, expect, it } from 'vitest';
import { isolatedLevels, visualOrder } from '../scripts/render/pdf/bidi.js';
import { loadFontSet } from '../scripts/render/pdf/fonts.js';
import { layoutParagraph, type TextContext } from '../scripts/render/pdf/lines.js';
import type { Span } from '../scripts/render/pdf/spans.js';
import { loadStyleSheet } from '../scripts/render/style-sheet.js';
import { repoRoot } from './helpers/build.js';
import path from 'node:path';

const context: TextContext = {
  fonts: loadFontSet(repoRoot),
  sheet: loadStyleSheet(path.join(repoRoot, 'templates')),
  lang: 'ar',
  dir: 'rtl',
};

/** The characters drawn on the first line, left to right (mirrored brackets as drawn). */
function drawn(spans: Span[], width = 1000): string {
  const [line] = layoutParagraph({ spans, size: 14, align: 'start', width, indent: 0, hanging: 0 }, context);
  return line!.ops
    .flatMap((op) => (op.kind === 'text' ? [op] : []))
    .sort((a, b) => a.x - b.x)
    .map((op) =>
      op.font.font
        .layout(op.text, [])
        .glyphs.map((glyph) => String.fromCodePoint(...glyph.codePoints))
        .join(''),
    )
    .join(' ');
}
const latin = (s: string) =>
  s
    .replace(/[^\u0020-\u007e]/g, '')
    .replace(/ +/g, ' ')
    .trim();

describe('PDF bidi', () => {
  it('keeps each revision mark whole: a deleted range and the inserted range do not interleave', () => {
    const parts: [string, string | undefined][] = [
      ['للفترة ', undefined],
      ['2027-2024', 'deletion'],
      ['2031-2028', 'insertion'],
    ];
    const text = parts.map(([t]) => t).join('');
    const marks = parts.flatMap(([t, mark]) => [...t].map(() => mark));
    const order = visualOrder(
      isolatedLevels(text, (i) => marks[i], 'rtl'),
      0,
      text.length,
    );
    // Read from the right: the words, the deleted range, then the inserted one, each left to right in itself.
    expect(order.map((i) => text[i]).join('')).toBe('2031-20282027-2024 ةرتفلل');
  });

  it('also when the marks are drawn: the deleted and inserted ranges come out whole', () => {
    const line = drawn([
      { text: 'للفترة ', style: {} },
      { text: '2027-2024', style: { mark: 'deletion' } },
      { text: '2031-2028', style: { mark: 'insertion' } },
    ]);
    expect(latin(line)).toBe('2031-2028 2027-2024');
  });

  it('sets punctuation after a closing bracket at the left end, as written: "(LLDC)." reads ".(LLDC)" left to right', () => {
    expect(latin(drawn([{ text: 'انتقالية (LLDC).', style: {} }]))).toBe('.( LLDC )');
  });

  it('closes a bracketed item with its parenthesis inside the bracket: "[… (%)]"', () => {
    // Left to right as drawn: `[` (the closing bracket mirrored), then `(%)` (mirrored pair), then, at the right, `]`.
    expect(latin(drawn([{ text: '[حصة موفرة للطاقة (%)]', style: {} }])).replace(/ /g, '')).toBe('[(%)]');
  });

  it('strikes Arabic through the middle of its short letters and underlines it near the line, from the face drawn', () => {
    const [line] = layoutParagraph(
      {
        spans: [
          { text: 'في ', style: {} },
          { text: 'بوخارست', style: { mark: 'deletion' } },
          { text: ' الدوحة', style: { mark: 'insertion' } },
        ],
        size: 14,
        align: 'start',
        width: 1000,
        indent: 0,
        hanging: 0,
      },
      context,
    );
    const text = line!.ops.find((op) => op.kind === 'text' && op.text.startsWith('بو'));
    if (text?.kind !== 'text') throw new Error('no run for بوخارست');
    const font = text.font.font;
    // The body of و: from the baseline to its top (its tail below the line is not body).
    const waw = (font.layout('و', []).glyphs[0]!.bbox.maxY / font.unitsPerEm) * 14;
    const [strike, underline] = ['deletion', 'insertion'].map((_, i) => {
      const rules = line!.ops.flatMap((op) => (op.kind === 'rule' ? [op] : []));
      return rules.sort((a, b) => a.y1 - b.y1)[i]!;
    });
    const above = text.y - strike!.y1;
    expect(above).toBeGreaterThan(waw * 0.3);
    expect(above).toBeLessThan(waw * 0.7);
    expect(underline!.y1 - text.y).toBeGreaterThan(0);
    expect(underline!.y1 - text.y).toBeLessThan(14 * 0.25);
  });
});
