/**
 * The layout of the document frame: which lines of the frame (see
 * model/frame.ts) go in which region, in which order, from the Handlebars
 * template of the document type. Shared by every renderer.
 */
import path from 'node:path';
import Handlebars from 'handlebars';
import type { VFile } from 'vfile';
import type { Frame } from '../model/types.js';
import { InvalidSourceError } from '../diagnostics/report.js';
import { readTextFile } from '../read/text.js';
import { readTemplate, type TemplateHelper, type TemplateShape } from '../read/template.js';

export type { Frame };

export type FrameRegion = 'conference' | 'document' | 'heading';
const REGIONS: readonly FrameRegion[] = ['conference', 'document', 'heading'];

export interface FrameLine {
  text: string;
  /** A style name of the style sheets: conferenceName, conferencePlace, meeting, strong, source, title, note, or none. */
  style: string | undefined;
}

export type FrameLayout = Record<FrameRegion, FrameLine[]>;

/** The paragraph style of a centred line under the conference block: the source, the document's title, or a note. */
export function headingLineStyle(line: FrameLine): 'source' | 'documentTitle' | 'note' {
  if (line.style === 'note') return 'note';
  return line.style === 'title' ? 'documentTitle' : 'source';
}

/** Conference lines, the meeting and `strong` lines are set in bold by every printed copy. */
export const isBoldFrameLine = (line: FrameLine): boolean =>
  line.style === 'strong' || line.style === 'meeting' || (line.style?.startsWith('conference') ?? false);

/** Every value of the frame a template may print. */
export const FRAME_SHAPE: Record<keyof Frame, true> = {
  lang: true,
  dir: true,
  script: true,
  letter: true,
  title: true,
  conference: true,
  placeAndYear: true,
  addendum: true,
  documentNumber: true,
  documentSymbol: true,
  date: true,
  meeting: true,
  original: true,
  source: true,
  workingTranslation: true,
  footnotesLabel: true,
  runningHeader: true,
  pageNumber: true,
} satisfies TemplateShape;

const FRAME_HELPERS: Record<string, TemplateHelper> = {
  region: {
    block: true,
    check(call, within) {
      const [name] = call.params;
      const value = name?.type === 'StringLiteral' ? (name as hbs.AST.StringLiteral).value : undefined;
      if (!REGIONS.includes(value as FrameRegion)) return `A region is one of ${REGIONS.map((r) => `"${r}"`).join(', ')}`;
      return within.includes('region') ? 'A region inside another region' : undefined;
    },
  },
  line: {
    block: false,
    check: (_call, within) => (within.includes('region') ? undefined : '{{line}} outside a {{#region "…"}}'),
  },
};

/** Reads and checks the frame template of a document type (`templates/frames/<type>.hbs`). */
export function readFrameTemplate(
  templatesDir: string,
  type: string,
  root = path.dirname(templatesDir),
): { file: VFile; ast: hbs.AST.Program | undefined } {
  const { file, text } = readTextFile(path.join(templatesDir, 'frames', `${type}.hbs`), root, {
    missing: `Write the frame of a ${type} document there (copy templates/frames/proposal.hbs)`,
  });
  return { file, ast: text === undefined ? undefined : readTemplate(file, text, { shape: FRAME_SHAPE, helpers: FRAME_HELPERS }) };
}

/**
 * Reads the frame template of a document type (`templates/frames/<type>.hbs`).
 * The template only calls `{{#region}}` and `{{line}}`; what it prints is
 * ignored, so it orders the frame without knowing any output format.
 */
export function loadFrameTemplates(templatesDir: string): (frame: Frame, type: string) => FrameLayout {
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  return (frame, type) => {
    let template = compiled.get(type);
    if (!template) {
      const { file, ast } = readFrameTemplate(templatesDir, type);
      if (!ast) throw new InvalidSourceError([file]);
      template = Handlebars.create().compile(ast, { strict: false });
      compiled.set(type, template);
    }
    const layout: FrameLayout = { conference: [], document: [], heading: [] };
    let current: FrameRegion | undefined;
    template(frame, {
      helpers: {
        region(this: unknown, name: string, options: Handlebars.HelperOptions) {
          current = name as FrameRegion;
          options.fn(this);
          current = undefined;
          return '';
        },
        line(text: unknown, options: Handlebars.HelperOptions) {
          if (typeof text === 'string' && text && current) layout[current].push({ text, style: options.hash.style as string | undefined });
          return '';
        },
      },
    });
    return layout;
  };
}
