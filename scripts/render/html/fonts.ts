/**
 * Web fonts for the HTML pages, taken from the npm packages named in
 * `templates/fonts.json`: their @font-face rules, pointed at copies of the
 * WOFF2 files under `out/fonts/`, which the build writes once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface FontConfig {
  html: { package: string; css: string[] }[];
}

export interface WebFonts {
  /** The @font-face rules, written to out/fonts/fonts.css beside the font files. */
  css: string;
  /** Font files to copy: absolute source → path relative to out/fonts. */
  files: Map<string, string>;
}

const require = createRequire(import.meta.url);

export function loadWebFonts(templatesDir: string): WebFonts {
  const config = JSON.parse(readFileSync(path.join(templatesDir, 'fonts.json'), 'utf8')) as FontConfig;
  const files = new Map<string, string>();
  const rules: string[] = [];
  for (const face of config.html) {
    const packageDir = path.dirname(require.resolve(`${face.package}/package.json`));
    const folder = face.package.replace(/^@fontsource\//, '');
    for (const sheet of face.css) {
      const css = readFileSync(path.join(packageDir, sheet), 'utf8');
      // Keep the WOFF2 source only: every browser we target reads it.
      rules.push(
        css.replace(/url\(\.\/files\/([^)]+?\.woff2)\) format\('woff2'\)(, url\([^)]+\) format\('woff'\))?/g, (_match, name: string) => {
          files.set(path.join(packageDir, 'files', name), path.join(folder, name));
          return `url(${folder}/${name}) format('woff2')`;
        }),
      );
    }
  }
  return { css: rules.join('\n'), files };
}
