/**
 * How large a figure's picture is printed, the same in the DOCX and the PDF: at 96 pixels to the inch
 * (as Word places a picture without a resolution of its own), shrunk to the width of the text and to
 * two thirds of the page's height (its caption goes under it), never enlarged.
 */
import type { PictureSize } from '../model/picture.js';
import { points, type StyleSheet } from './style-sheet.js';

/** Points per pixel at 96 pixels to the inch. */
export const POINTS_PER_PIXEL = 72 / 96;

/** The printed size in points, within `maxWidth` points (the column's width, less its indent). */
export function printedSize(picture: PictureSize, sheet: StyleSheet, maxWidth: number): { width: number; height: number } {
  const { page } = sheet;
  const maxHeight = (points(page.height - page.margin.top - page.margin.bottom) * 2) / 3;
  const natural = { width: picture.width * POINTS_PER_PIXEL, height: picture.height * POINTS_PER_PIXEL };
  const scale = Math.min(1, maxWidth / natural.width, maxHeight / natural.height);
  return { width: natural.width * scale, height: natural.height * scale };
}

/** The width of the text on the page, in points. */
export const textWidth = (sheet: StyleSheet) => points(sheet.page.width - sheet.page.margin.left - sheet.page.margin.right);
