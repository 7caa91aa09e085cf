/**
 * Web fonts for the HTML pages, taken from the npm packages named in
 * `templates/fonts.json`: their @font-face rules, pointed at copies of the
 * WOFF2 files under `out/fonts/`, which the build writes once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadFontsConfig, packageDir } from '../fonts-config.js';

export interface WebFonts {
  /** The @font-face rules, written to out/fonts/fonts.css beside the font files. */
  css: string;
  /** Font files to copy: absolute source → path relative to out/fonts. */
  files: Map<string, string>;
}

export function loadWebFonts(templatesDir: string): WebFonts {
  const config = loadFontsConfig(path.dirname(templatesDir));
  const files = new Map<string, string>();
  const rules: string[] = [];
  for (const face of config.html) {
    const dir = packageDir(face.package)!;
    const folder = face.package.replace(/^@fontsource\//, '');
    for (const sheet of face.css) {
      const css = readFileSync(path.join(dir, sheet), 'utf8');
      // Keep the WOFF2 source only: every browser we target reads it.
      rules.push(
        css.replace(/url\(\.\/files\/([^)]+?\.woff2)\) format\('woff2'\)(, url\([^)]+\) format\('woff'\))?/g, (_match, name: string) => {
          files.set(path.join(dir, 'files', name), path.join(folder, name));
          return `url(${folder}/${name}) format('woff2')`;
        }),
      );
    }
  }
  return { css: rules.join('\n'), files };
}
