/** Which characters belong to the Chinese script as every stage of the pipeline sees it. */

/** Han characters, CJK symbols and punctuation, full-width forms (U+2E80–9FFF, F900–FAFF, FE30–FE4F, FF00–FFEF, the supplementary ideographs). */
export function isHanCodePoint(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x20000 && code <= 0x3ffff)
  );
}

/** Quotation marks, dashes, ellipsis and middle dot: shared with Latin text, but set full-width (by the Chinese face) in Chinese. */
export const FULL_WIDTH_IN_CHINESE: ReadonlySet<number> = new Set([0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x2014, 0x00b7]);

/**
 * Where a bare address (`https://…`) ends when no space ends it: where Chinese text or full-width
 * punctuation begins. The Markdown reader's autolinks and the DOCX reader's links end alike.
 */
export function endsBareAddress(code: number): boolean {
  return isHanCodePoint(code) || FULL_WIDTH_IN_CHINESE.has(code);
}

/** Punctuation that ends an address when only more of it follows (`see https://itu.int.`), as GFM takes it. */
export const ADDRESS_TRAILING_PUNCTUATION = '!"\')*,.:;?_~';
