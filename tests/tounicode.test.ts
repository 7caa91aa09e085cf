/**
 * What a PDF's glyphs stand for (their ToUnicode entries) comes from the document's own text, not from
 * what the process shaped before it: fontkit keeps one glyph object per glyph, with the characters of
 * the first text that produced it, and a glyph may be reached from several (Amiri's joining stroke and
 * the tatweel, a space and a no-break space). Each test takes font sets of its own, opened fresh.
 */
import { inflateSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../scripts/model/context.js';
import { loadLocale } from '../scripts/i18n/locales.js';
import { completeModel } from '../scripts/passes/index.js';
import { loadFrameTemplates } from '../scripts/render/frame.js';
import { loadFontsConfig, pdfFontFile } from '../scripts/render/fonts-config.js';
import { FontSet } from '../scripts/render/pdf/fonts.js';
import { renderPdf } from '../scripts/render/pdf/index.js';
import { shapedRun } from '../scripts/render/pdf/shaping.js';
import { loadStyleSheet } from '../scripts/render/style-sheet.js';
import { build, paths, repoRoot } from './helpers/build.js';

const freshFonts = () => new FontSet(loadFontsConfig(repoRoot).pdf, (file) => pdfFontFile(repoRoot, file));
const sheet = loadStyleSheet(path.join(repoRoot, 'templates'));
const frames = loadFrameTemplates(path.join(repoRoot, 'templates'));

/** The characters each glyph of a shaped run stands for, as hexadecimal code points. */
const characters = (fonts: FontSet, text: string) => {
  const font = fonts.fontFor(text[0]!, 'regular', 'ar', undefined);
  return shapedRun(font, text).glyphs.map((glyph) => glyph.codePoints.map((c) => c.toString(16)).join(' '));
};

async function pdf(fonts: FontSet, body: string): Promise<Buffer> {
  const built = build(body, 'ar');
  expect(built.messages).toEqual([]);
  const doc = completeModel(built.doc!, wordsOf(loadLocale(paths.locales, 'ar'), built.file));
  return renderPdf(doc, { locale: loadLocale(paths.locales, 'ar'), sheet, layout: frames(doc.frame, doc.meta.type), fonts });
}

/** Every ToUnicode entry of a PDF (pdfkit writes them as ranges of arrays), as hexadecimal UTF-16. */
function toUnicode(data: Buffer): string[] {
  const entries: string[] = [];
  const text = data.toString('latin1');
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const stream = data.subarray(start, text.indexOf('endstream', start));
    let cmap: string;
    try {
      cmap = inflateSync(stream).toString('latin1');
    } catch {
      continue;
    }
    if (!cmap.includes('begincmap')) continue;
    for (const [, array] of cmap.matchAll(/<[0-9a-f]+> <[0-9a-f]+> \[([^\]]*)\]/g)) entries.push(...array!.match(/<[^>]*>/g)!);
  }
  return entries;
}

const JOINING = 'لكي يتمكن من أداء دوره';
const TATWEEL_LABEL = 'هـ) في المنطقة';

describe('glyph characters', () => {
  it('are those of the run shaped, whatever was shaped before', () => {
    const [first, second] = [freshFonts(), freshFonts()];
    const strokeFirst = [characters(first, JOINING), characters(first, TATWEEL_LABEL)];
    const tatweelFirst = [characters(second, TATWEEL_LABEL), characters(second, JOINING)].reverse();
    expect(strokeFirst).toEqual(tatweelFirst);
    // The joining stroke of لكي stands for no character; the tatweel of the label for itself.
    expect(strokeFirst[0]).toContain('');
    expect(strokeFirst[1]).toContain('640');
  });

  it('of a space glyph drawn for a no-break space are the no-break space', () => {
    const fonts = freshFonts();
    const latin = fonts.fontFor('a', 'regular', 'en', undefined);
    const glyphs = (text: string) => shapedRun(latin, text).glyphs;
    expect(glyphs('a b')[1]!.id).toBe(glyphs('a\u00a0c')[1]!.id);
    expect(glyphs('a\u00a0c')[1]!.codePoints).toEqual([0xa0]);
  });
});

describe('a PDF’s ToUnicode map', () => {
  it('is the same whatever the process drew before', async () => {
    const alone = await pdf(freshFonts(), JOINING);
    const after = freshFonts();
    await pdf(after, `${TATWEEL_LABEL}\n\n${JOINING}`);
    expect((await pdf(after, JOINING)).equals(alone)).toBe(true);
  });

  it('gives a joining stroke a ZERO WIDTH JOINER and a tatweel written in the text a tatweel', async () => {
    expect(toUnicode(await pdf(freshFonts(), JOINING))).toContain('<200d>');
    const both = toUnicode(await pdf(freshFonts(), `${TATWEEL_LABEL}\n\n${JOINING}`));
    // Two copies of Amiri: the runs without a tatweel, whose stroke is a joiner, and those with one.
    expect(both).toContain('<200d>');
    expect(both).toContain('<0640>');
  });
});
