/** A figure's picture as a flow item: centred in its column, as large as the DOCX prints it (../figure-size.ts). */
import { readFileSync } from 'node:fs';
import type { FigurePicture } from '../../model/types.js';
import { printedSize } from '../figure-size.js';
import type { FlowItem } from './boxes.js';
import type { Column, LayoutContext } from './paragraph.js';

export function pictureItems(picture: FigurePicture, alt: string, context: LayoutContext, column: Column): FlowItem[] {
  const style = context.styles.figure;
  const room = column.width - column.indent;
  const { width, height } = printedSize(picture, context.sheet, room);
  // The indent is at the start edge: the right one in a right-to-left column.
  const start = context.dir === 'rtl' ? 0 : column.indent;
  const space = (height: number): FlowItem[] => (height ? [{ height, ops: [], footnotes: [], space: true }] : []);
  return [
    ...space(style.spaceBefore),
    {
      height,
      ops: [{ kind: 'image', x: start + (room - width) / 2, y: 0, width, height, data: readFileSync(picture.file) }],
      footnotes: [],
      tag: { type: 'Figure', id: context.ids.next++, alt },
    },
    ...space(style.spaceAfter),
  ];
}
