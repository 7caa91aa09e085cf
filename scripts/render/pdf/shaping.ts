/**
 * Shaping a run of text in one font (fontkit), once: the line layout measures
 * with the shaped run and the painter draws the same run, instead of each
 * shaping it again (Amiri's contextual lookups made shaping most of the time
 * spent on a PDF).
 */
import type * as fontkit from 'fontkit';
import { perFont, type PdfFont } from './fonts.js';

/** A run as fontkit shaped it (with no features asked for), in font units; read, never changed. */
export interface ShapedRun {
  glyphs: readonly fontkit.Glyph[];
  positions: readonly fontkit.GlyphPosition[];
  /** The sum of the advances, as fontkit's `GlyphRun.advanceWidth` adds them up, in ems. */
  advance: number;
  direction: string;
}

/** Only what layout and drawing read of fontkit's run is kept: its feature table and script are left behind. */
export const shapedRun = perFont((font, text): ShapedRun => {
  const { glyphs, positions, advanceWidth, direction } = font.font.layout(text, []);
  return { glyphs, positions, advance: advanceWidth / font.font.unitsPerEm, direction };
});

/** Advance width of a run in one font, in ems (shaped, so Arabic contextual forms count). */
export const advance = (font: PdfFont, text: string): number => shapedRun(font, text).advance;

/** The run as pdfkit's `EmbeddedFont.layoutRun` gives it: positions scaled to 1000 units per em, each with its glyph's advance. */
export interface PdfkitRun {
  glyphs: readonly fontkit.Glyph[];
  positions: PdfkitPosition[];
  advanceWidth: number;
}

/** fontkit's position (its four fields, every one scaled) and the glyph's own advance. */
interface PdfkitPosition extends fontkit.GlyphPosition {
  advanceWidth: number;
}

/** What pdfkit would make of the run had it shaped the text itself: a scaled copy, so the shaped run stays as it was. */
export function pdfkitRun(run: ShapedRun, scale: number): PdfkitRun {
  let advanceWidth = 0;
  const positions = run.positions.map((position, index) => {
    const scaled: PdfkitPosition = {
      xAdvance: position.xAdvance * scale,
      yAdvance: position.yAdvance * scale,
      xOffset: position.xOffset * scale,
      yOffset: position.yOffset * scale,
      advanceWidth: run.glyphs[index]!.advanceWidth * scale,
    };
    advanceWidth += scaled.xAdvance;
    return scaled;
  });
  return { glyphs: run.glyphs, positions, advanceWidth };
}
