import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import { isWoff, unpackWoff } from '../scripts/render/pdf/woff.js';
import { repoRoot } from './helpers/build.js';

describe('WOFF unpacking', () => {
  it('gives the OpenType font the WOFF wraps: same tables, glyphs, metrics and shaping', () => {
    const woff = readFileSync(path.join(repoRoot, 'node_modules/@fontsource/tinos/files/tinos-cyrillic-400-normal.woff'));
    expect(isWoff(woff)).toBe(true);
    const sfnt = unpackWoff(woff);
    expect(isWoff(sfnt)).toBe(false);
    const packed = fontkit.create(woff) as fontkit.Font;
    const unpacked = fontkit.create(sfnt) as fontkit.Font;
    expect(unpacked.postscriptName).toBe(packed.postscriptName);
    expect(unpacked.numGlyphs).toBe(packed.numGlyphs);
    expect(unpacked.unitsPerEm).toBe(packed.unitsPerEm);
    const text = 'Резолюция 71 (Пересм. Бухарест, 2022 г.)';
    const [a, b] = [packed, unpacked].map((font) => font.layout(text));
    expect(b!.glyphs.map((g) => g.id)).toEqual(a!.glyphs.map((g) => g.id));
    expect(b!.advanceWidth).toBe(a!.advanceWidth);
    expect(unpacked.getGlyph(b!.glyphs[0]!.id).path.toSVG()).toBe(packed.getGlyph(a!.glyphs[0]!.id).path.toSVG());
  });
});
