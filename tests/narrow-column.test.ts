/** A character wider than its whole column (huge type in a narrow cell) overflows it: the line breaker never loops on it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../scripts/render/pdf/fonts.js';
import { layoutParagraph } from '../scripts/render/pdf/lines.js';
import { loadStyleSheet } from '../scripts/render/style-sheet.js';
import { repoRoot } from './helpers/build.js';

const context = { fonts: loadFontSet(repoRoot), sheet: loadStyleSheet(path.join(repoRoot, 'templates')), dir: 'ltr' as const };

describe('a column narrower than one character', () => {
  it('sets each character on a line of its own, overflowing, in Chinese and in a justified Latin word', () => {
    const chinese = layoutParagraph(
      { spans: [{ text: '全权代表', style: {} }], size: 72, align: 'start', width: 40, indent: 0, hanging: 0 },
      { ...context, lang: 'zh' },
    );
    expect(chinese).toHaveLength(4);
    const latin = layoutParagraph(
      { spans: [{ text: 'Plenipotentiary conference', style: {} }], size: 72, align: 'justify', width: 30, indent: 0, hanging: 0 },
      { ...context, lang: 'en' },
    );
    expect(latin.length).toBeGreaterThan(10);
  });
});
