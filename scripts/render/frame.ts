/**
 * The layout of the document frame: which lines of the frame (see
 * model/frame.ts) go in which region, in which order, from the Handlebars
 * template of the document type. Shared by every renderer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Frame } from '../model/types.js';

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
      const instance = Handlebars.create();
      template = instance.compile(readFileSync(path.join(templatesDir, 'frames', `${type}.hbs`), 'utf8'), { strict: false });
      compiled.set(type, template);
    }
    const layout: FrameLayout = { conference: [], document: [], heading: [] };
    let current: FrameRegion | undefined;
    template(frame, {
      helpers: {
        region(this: unknown, name: string, options: Handlebars.HelperOptions) {
          if (!REGIONS.includes(name as FrameRegion))
            throw new Error(`templates/frames/${type}.hbs: unknown region "${name}"; use ${REGIONS.join(', ')}`);
          current = name as FrameRegion;
          options.fn(this);
          current = undefined;
          return '';
        },
        line(text: unknown, options: Handlebars.HelperOptions) {
          if (!current) throw new Error(`templates/frames/${type}.hbs: {{line}} outside a {{#region}}`);
          if (typeof text === 'string' && text) layout[current].push({ text, style: options.hash.style as string | undefined });
          return '';
        },
      },
    });
    return layout;
  };
}
