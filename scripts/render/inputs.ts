/**
 * Everything a build reads besides the sources, checked by `check` with positions: the style sheet,
 * the font list and its fonts, the page and frame templates, the output-name template. A build
 * that passes check finds nothing here to trip on.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { readStyleSheet } from './style-sheet.js';
import { readFontsConfig } from './fonts-config.js';
import { readFrameTemplate } from './frame.js';
import { readPageCss, readPageTemplate } from './html/page-template.js';
import { readOutputNameTemplate } from './output-name.js';

/** `documentTypes`: the types of the documents checked, whose frame templates must exist. */
export function checkRenderInputs(root: string, documentTypes: readonly string[]): VFile[] {
  const templatesDir = path.join(root, 'templates');
  const framesDir = path.join(templatesDir, 'frames');
  const present = existsSync(framesDir)
    ? readdirSync(framesDir)
        .filter((name) => name.endsWith('.hbs'))
        .map((name) => name.slice(0, -'.hbs'.length))
    : [];
  const frames = [...new Set([...present, ...documentTypes])].sort();
  return [
    readStyleSheet(templatesDir, root).file,
    readFontsConfig(root).file,
    ...frames.map((type) => readFrameTemplate(templatesDir, type, root).file),
    readPageTemplate(templatesDir, root).file,
    readPageCss(templatesDir, root).file,
    readOutputNameTemplate(root).file,
  ];
}
