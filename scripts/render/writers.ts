/**
 * The output formats: one line per writer, each a folder whose index exports
 * `writer`. A writer's module (and its fonts and libraries) is loaded only
 * when a build asks for its format.
 */
import type { Writer } from './writer.js';

const WRITERS = {
  html: () => import('./html/index.js'),
  docx: () => import('./docx/index.js'),
  pdf: () => import('./pdf/index.js'),
} satisfies Record<string, () => Promise<{ writer: Writer }>>;

export type Format = keyof typeof WRITERS;
export const FORMATS = Object.keys(WRITERS) as Format[];

export async function loadWriter(format: Format): Promise<Writer> {
  return (await WRITERS[format]()).writer;
}
