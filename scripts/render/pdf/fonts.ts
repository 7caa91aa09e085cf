/**
 * The PDF's fonts: files from npm packages listed in `templates/fonts.json`,
 * opened once per process with fontkit and shared by every document, and the
 * choice of a face for each character (font fallback per run of characters).
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { LANGUAGES, type Lang } from '../../i18n/languages.js';
import { FULL_WIDTH_IN_CHINESE, isHanCodePoint } from '../../i18n/characters.js';
import { isWoff, unpackWoff } from './woff.js';
import { loadFontsConfig, pdfFontFile } from '../fonts-config.js';

export type Script = 'latin' | 'han' | 'arabic';
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
const SCRIPTS: readonly Script[] = ['latin', 'han', 'arabic'];

type FontConfig = Record<Script, Partial<Record<FontStyle, string[]>>>;

export interface PdfFont {
  /** The name the font is registered under in every PDF document. */
  key: string;
  font: fontkit.Font;
  /** Ascent and descent as fractions of the font size. */
  ascent: number;
  descent: number;
}

/** Styles a face may stand in with when it lacks the one asked for (Chinese and Arabic have no italics). */
const STAND_INS: Record<FontStyle, FontStyle[]> = {
  regular: ['regular'],
  bold: ['bold', 'regular'],
  italic: ['italic', 'regular'],
  boldItalic: ['boldItalic', 'bold', 'italic', 'regular'],
};

export class FontSet {
  private readonly byFile = new Map<string, PdfFont>();
  /** The font chosen for a code point, by language and style: asked for every character of every paragraph. */
  private readonly choice = new Map<Lang, Map<FontStyle, Map<number, PdfFont>>>();

  constructor(
    private readonly config: FontConfig,
    private readonly resolve: (file: string) => string,
  ) {}

  /** The files of a script in a style, opened on first use. */
  private faces(script: Script, style: FontStyle): PdfFont[] {
    for (const candidate of STAND_INS[style]) {
      const files = this.config[script][candidate];
      if (files?.length) return files.map((file) => this.open(file));
    }
    throw new Error(`templates/fonts.json: pdf.${script} has no regular face`);
  }

  private open(file: string): PdfFont {
    let entry = this.byFile.get(file);
    if (!entry) {
      const data = readFileSync(this.resolve(file));
      const font = fontkit.create(isWoff(data) ? unpackWoff(data) : data) as fontkit.Font;
      glyphsOfTheirOwnCharacters(font);
      entry = {
        key: `hx${this.byFile.size}`,
        font,
        ascent: font.ascent / font.unitsPerEm,
        descent: -font.descent / font.unitsPerEm,
      };
      this.byFile.set(file, entry);
    }
    return entry;
  }

  /**
   * The font that draws a character: the first face of its script that has
   * it, then the other scripts' faces. Characters common to all scripts
   * (spaces, digits, punctuation) keep the font of the text around them.
   */
  fontFor(char: string, style: FontStyle, lang: Lang, previous: PdfFont | undefined): PdfFont {
    const codePoint = char.codePointAt(0) ?? 0;
    if (previous && isCommon(codePoint, lang) && previous.font.hasGlyphForCodePoint(codePoint)) return previous;
    const chosen = this.choicesFor(lang, style);
    let font = chosen.get(codePoint);
    if (!font) {
      const own = scriptOf(codePoint, lang);
      const order = [own, ...SCRIPTS.filter((s) => s !== own)];
      const candidates = order.flatMap((script) => this.faces(script, style));
      font = candidates.find((c) => c.font.hasGlyphForCodePoint(codePoint)) ?? candidates[0]!;
      chosen.set(codePoint, font);
    }
    return font;
  }

  private choicesFor(lang: Lang, style: FontStyle): Map<number, PdfFont> {
    let byStyle = this.choice.get(lang);
    if (!byStyle) this.choice.set(lang, (byStyle = new Map()));
    let chosen = byStyle.get(style);
    if (!chosen) byStyle.set(style, (chosen = new Map()));
    return chosen;
  }
}

/**
 * fontkit keeps one glyph object per glyph id, carrying the characters of the first text that produced
 * it in the process: Amiri's joining stroke (لكي) is the glyph of the tatweel, Tinos's no-break space
 * the glyph of the space, a compatibility ideograph the glyph of its unified twin. Its Arabic shaper
 * reads those characters (joining classes) and pdfkit writes them as the glyph's ToUnicode entry, so
 * both would depend on what the process shaped before (another document, on the same thread). Every
 * request gets the characters it asks for instead: the kept glyph when they agree, else a view of it
 * that differs in its characters only. The glyphs of a shaped run then stand for the characters of
 * their cluster in that run, whatever was shaped before it.
 */
function glyphsOfTheirOwnCharacters(font: fontkit.Font): void {
  const kept = font.getGlyph.bind(font);
  // One view per glyph and characters, so that what a glyph works out once (its metrics, its outline) stays worked out.
  const views = new Map<string, fontkit.Glyph>();
  font.getGlyph = (id, codePoints = []) => {
    const glyph = kept(id, codePoints);
    if (!glyph || sameCharacters(glyph.codePoints, codePoints)) return glyph;
    const key = `${id} ${codePoints.join(' ')}`;
    let view = views.get(key);
    if (!view) views.set(key, (view = Object.create(glyph, { codePoints: { value: [...codePoints], enumerable: true } }) as fontkit.Glyph));
    return view;
  };
}

const sameCharacters = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((c, i) => c === b[i]);

function scriptOf(codePoint: number, lang: Lang): Script {
  if (
    (codePoint >= 0x0600 && codePoint <= 0x06ff) ||
    (codePoint >= 0x0750 && codePoint <= 0x077f) ||
    (codePoint >= 0x08a0 && codePoint <= 0x08ff) ||
    (codePoint >= 0xfb50 && codePoint <= 0xfdff) ||
    (codePoint >= 0xfe70 && codePoint <= 0xfeff)
  )
    return 'arabic';
  if (isHanCodePoint(codePoint)) return 'han';
  const script = LANGUAGES[lang].script;
  if (script === 'han' && FULL_WIDTH_IN_CHINESE.has(codePoint)) return 'han';
  return script === 'arabic' && isCommon(codePoint, lang) ? 'arabic' : 'latin';
}

function isCommon(codePoint: number, lang: Lang): boolean {
  if (LANGUAGES[lang].script === 'han' && FULL_WIDTH_IN_CHINESE.has(codePoint)) return false;
  return (
    (codePoint >= 0x20 && codePoint <= 0x40) ||
    (codePoint >= 0x5b && codePoint <= 0x60) ||
    (codePoint >= 0x7b && codePoint <= 0xbf) ||
    (codePoint >= 0x2000 && codePoint <= 0x206f)
  );
}

/** Where a face sets its decorations, in ems from the baseline (up is positive). */
export interface Decorations {
  /** The middle of the script's short letters. */
  strike: number;
  /** The font's own underline position, kept near the line. */
  underline: number;
}

/** How many texts a font remembers a measure of before it forgets them all (a whole build holds fewer). */
const REMEMBERED_PER_FONT = 20_000;

/**
 * `measure(font, text)` remembered per font and text: shaping is the costly part of laying out a
 * paragraph, and the same words come back in every language version and copy. The fonts live as long
 * as the process (a `--watch` session too), so what they remember is bounded.
 */
export function perFont<T>(measure: (font: PdfFont, text: string) => T): (font: PdfFont, text: string) => T {
  const caches = new WeakMap<PdfFont, Map<string, T>>();
  return (font, text) => {
    let cache = caches.get(font);
    if (!cache) caches.set(font, (cache = new Map()));
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= REMEMBERED_PER_FONT) cache.clear();
      cache.set(text, (value = measure(font, text)));
    }
    return value;
  };
}

/** Decorations of a face for a script whose short letters are `letters` (templates/styles.json pdf.shortLetters). */
export const decorationsOf = perFont((font, letters): Decorations => {
  const { glyphs } = font.font.layout(letters, []);
  // From the baseline to the top of each letter: the tail of Arabic و below the line is not body.
  const middles = glyphs.map((glyph) => (Math.max(0, glyph.bbox.minY) + glyph.bbox.maxY) / 2);
  const middle = middles.reduce((sum, m) => sum + m, 0) / Math.max(1, middles.length);
  const unitsPerEm = font.font.unitsPerEm;
  const strike = middle / unitsPerEm;
  // Amiri's own underline lies under its deepest descenders, half a line down, where it reads as a rule between
  // lines: an underline goes no further below the baseline than the strike-through is above it.
  return { strike, underline: Math.max(font.font.underlinePosition / unitsPerEm, -strike) };
});

const sets = new Map<string, FontSet>();

/** The project's font set, created once per process (fonts are parsed once per build, not per document). */
export function loadFontSet(root: string): FontSet {
  let set = sets.get(root);
  if (!set) {
    set = new FontSet(loadFontsConfig(root).pdf, (file) => pdfFontFile(root, file));
    sets.set(root, set);
  }
  return set;
}
