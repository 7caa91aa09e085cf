/**
 * `templates/fonts.json`: the web fonts of the HTML pages and the font files of the PDF, all from
 * npm packages. Read and checked once: a package or file that is missing, or a file that is no
 * font, is reported at its name in fonts.json rather than found halfway through a build.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { z } from 'zod';
import type { VFile } from 'vfile';
import { InvalidSourceError, hasErrors, reportError } from '../diagnostics/report.js';
import { parseJson, placeOfPath, validateJson, type JsonSource } from '../read/json.js';
import { readTextFile } from '../read/text.js';

const fontFiles = z.array(z.string().min(1)).min(1);
const styles = z.strictObject({
  regular: fontFiles,
  bold: fontFiles.optional(),
  italic: fontFiles.optional(),
  boldItalic: fontFiles.optional(),
});

const fontsConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Each package's @font-face style sheets, shipped with every HTML page. */
  html: z.array(z.strictObject({ package: z.string().min(1), css: z.array(z.string().regex(/\.css$/, 'a .css file')).min(1) })).min(1),
  /** Font files embedded in the PDF (as subsets), per script and style, tried in order for each character. */
  pdf: z.strictObject({ latin: styles, han: styles, arabic: styles }),
});
export type FontsConfig = z.infer<typeof fontsConfigSchema>;

const require = createRequire(import.meta.url);

/** Where a package of the HTML fonts lies (resolved as the build resolves it), or undefined. */
export function packageDir(name: string): string | undefined {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

/** A PDF font file named in fonts.json, under the project's node_modules. */
export const pdfFontFile = (root: string, file: string) => path.join(root, 'node_modules', file);

/** Reads and checks fonts.json and every file it names: the config, or undefined with each problem at its name. */
export function readFontsConfig(root: string): { file: VFile; config: FontsConfig | undefined } {
  const { file, text } = readTextFile(path.join(root, 'templates', 'fonts.json'), root);
  if (text === undefined) return { file, config: undefined };
  const json = parseJson(file, text, 'font list');
  const config = validateJson(json, fontsConfigSchema, 'font list');
  if (!config) return { file, config: undefined };
  config.html.forEach((face, index) => {
    const dir = packageDir(face.package);
    if (!dir) {
      problem(
        json,
        ['html', index, 'package'],
        `The package "${face.package}" is not installed`,
        `Add it to package.json and run npm install`,
      );
      return;
    }
    face.css.forEach((sheet, at) => {
      if (!existsSync(path.join(dir, sheet)))
        problem(
          json,
          ['html', index, 'css', at],
          `${face.package} has no style sheet "${sheet}"`,
          `Name one of the .css files in node_modules/${face.package}`,
        );
    });
  });
  for (const [script, byStyle] of Object.entries(config.pdf)) {
    for (const [style, files] of Object.entries(byStyle)) {
      (files ?? []).forEach((name, index) => {
        const why = fontProblem(pdfFontFile(root, name));
        if (why)
          problem(
            json,
            ['pdf', script, style, index],
            `The font file "${name}" ${why}`,
            'Name a .ttf, .otf or .woff file of an installed npm package (path under node_modules)',
            'font-file',
          );
      });
    }
  }
  return { file, config: hasErrors(file) ? undefined : config };
}

/** fonts.json of a project that passed `check`; throws its problems otherwise. */
export function loadFontsConfig(root: string): FontsConfig {
  const { file, config } = readFontsConfig(root);
  if (!config) throw new InvalidSourceError([file]);
  return config;
}

function problem(json: JsonSource, keyPath: (string | number)[], what: string, fix: string, ruleId = 'invalid-json-value'): void {
  reportError(json.file, placeOfPath(json, keyPath), what, fix, ruleId);
}

const checked = new Map<string, string | undefined>();

/** Why a file is no font the PDF can embed, or undefined; a file is opened once per process, whatever folder names it. */
function fontProblem(file: string): string | undefined {
  if (!existsSync(file)) return 'does not exist';
  const real = realpathSync(file);
  const stat = statSync(real);
  if (!stat.isFile()) return 'is not a file';
  const key = `${real}@${stat.mtimeMs}:${stat.size}`;
  if (!checked.has(key)) checked.set(key, openProblem(real));
  return checked.get(key);
}

function openProblem(file: string): string | undefined {
  try {
    const font = fontkit.create(readFileSync(file)) as fontkit.Font;
    if (!('unitsPerEm' in font) || !font.unitsPerEm) return 'is a font collection or has no outlines';
    return undefined;
  } catch (error) {
    return `is not a font (${error instanceof Error ? error.message : String(error)})`;
  }
}
