/** The HTML page frame, `templates/html/page.hbs`, and the values the writer renders it with. */
import path from 'node:path';
import type { VFile } from 'vfile';
import { FRAME_SHAPE } from '../frame.js';
import { readTextFile } from '../../read/text.js';
import { readTemplate, type TemplateShape } from '../../read/template.js';

const LINE = { text: true, style: true } as const;

/** What renderHtml gives the page: the frame's words, its laid-out regions, the body and the page's own values. */
export const PAGE_SHAPE = {
  ...FRAME_SHAPE,
  layout: { conference: [LINE], document: [LINE], heading: [LINE] },
  conferenceBlock: true,
  upright: true,
  fontStylesheet: true,
  styles: true,
  contentSecurityPolicy: true,
  body: true,
  footnotes: true,
  versions: [{ lang: true, name: true, href: true, current: true }],
  versionsLabel: true,
} as const satisfies TemplateShape;

/** The values renderHtml gives the page: only names of PAGE_SHAPE, so a value the page gets is one the check knows. */
export type PageValues = { [name in keyof typeof PAGE_SHAPE]?: unknown };

export function readPageTemplate(
  templatesDir: string,
  root = path.dirname(templatesDir),
): { file: VFile; ast: hbs.AST.Program | undefined } {
  const { file, text } = readTextFile(path.join(templatesDir, 'html', 'page.hbs'), root);
  return { file, ast: text === undefined ? undefined : readTemplate(file, text, { shape: PAGE_SHAPE }) };
}

/** The page's own style sheet, `templates/html/style.css`, read as any source text. */
export const readPageCss = (templatesDir: string, root = path.dirname(templatesDir)) =>
  readTextFile(path.join(templatesDir, 'html', 'style.css'), root);
