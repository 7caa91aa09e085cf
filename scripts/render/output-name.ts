/**
 * Where each output goes: `templates/output-name.hbs` after ITU's published file names
 * (`res71-proposal/PP22-39-A4-E-tracked.docx`).
 */
import path from 'node:path';
import Handlebars from 'handlebars';
import type { VFile } from 'vfile';
import { InvalidSourceError } from '../diagnostics/report.js';
import { LANGUAGES } from '../i18n/languages.js';
import { readTextFile } from '../read/text.js';
import { readTemplate } from '../read/template.js';
import type { OutputFiles } from './writer.js';

/** The values an output name is made of. */
const OUTPUT_NAME_SHAPE = {
  docId: true,
  lang: true,
  letter: true,
  symbol: true,
  addendum: true,
  variant: true,
  ext: true,
  format: true,
} as const;

export function readOutputNameTemplate(root: string): { file: VFile; ast: hbs.AST.Program | undefined } {
  const { file, text } = readTextFile(path.join(root, 'templates', 'output-name.hbs'), root);
  return { file, ast: text === undefined ? undefined : readTemplate(file, text.trim(), { shape: OUTPUT_NAME_SHAPE }) };
}

export function outputFiles(root: string): OutputFiles {
  const { file, ast } = readOutputNameTemplate(root);
  if (!ast) throw new InvalidSourceError([file]);
  const outputName = Handlebars.compile(ast, { strict: true });
  return (doc, lang, format, variant) =>
    path.join(
      root,
      'out',
      outputName({
        docId: doc.docId,
        lang,
        letter: LANGUAGES[lang].letter,
        // A symbol as a file name: `C26/30` → `C26-30`.
        symbol: doc.meta.symbol.replace(/[^A-Za-z0-9.-]+/g, '-'),
        addendum: doc.meta.document.addendum,
        variant,
        ext: format,
        format,
      }),
    );
}
