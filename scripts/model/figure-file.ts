/**
 * The file a figure's `src` names: under the document's `figures/<lang>/` (a language's own picture)
 * or `figures/`, and inside the document's folder only — no absolute path, no `..`, no link that
 * leads elsewhere (its real path is checked) — and a PNG or JPEG picture.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Position } from 'unist';
import type { BuildContext } from './context.js';
import { readPicture } from './picture.js';
import type { FigurePicture } from './types.js';

export function findFigure(src: string, ctx: BuildContext, position: Position | undefined): FigurePicture | undefined {
  const named = src.split(/[\\/]/);
  if (path.isAbsolute(src) || /^[a-z]:/i.test(src) || named.includes('..')) {
    ctx.error(
      position,
      `Figure file "${src}" is outside the document's figures folder`,
      'Put the picture in the figures/ folder of the document (or figures/<lang>/) and name it from there, e.g. `src=framework.png`',
      'figure-outside',
    );
    return undefined;
  }
  const relative = [['figures', ctx.locale.lang, ...named].join('/'), ['figures', ...named].join('/')];
  const found = relative.find((name) => existsSync(path.join(ctx.docDir, name)));
  if (!found) {
    ctx.error(position, `Figure file "${src}" not found`, `Put it in ${relative.join(' or ')} of the document's folder`, 'figure-missing');
    return undefined;
  }
  const file = realpathSync(path.join(ctx.docDir, found));
  if (!file.startsWith(realpathSync(ctx.docDir) + path.sep)) {
    ctx.error(
      position,
      `Figure file "${src}" is a link to a file outside the document's folder`,
      `Copy the picture itself into ${found}`,
      'figure-outside',
    );
    return undefined;
  }
  const picture = statSync(file).isFile() ? readPicture(readFileSync(file)) : { problem: 'is not a PNG or JPEG picture' };
  if ('problem' in picture) {
    ctx.error(
      position,
      `Figure file "${src}" ${picture.problem}`,
      'Save it as PNG (drawings, charts) or JPEG (photographs): the HTML, DOCX and PDF print those alike',
      'figure-format',
    );
    return undefined;
  }
  return { ...picture, file, path: found };
}
