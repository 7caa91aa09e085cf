/**
 * The PDF paginator on made-up items of known heights: where footnotes,
 * headings, widows and cut table rows end up.
 */
import { describe, expect, it } from 'vitest';
import type { FlowItem } from '../scripts/render/pdf/boxes.js';
import { paginate, type Page } from '../scripts/render/pdf/paginate.js';

const line = (name: string, options: Partial<FlowItem> = {}): FlowItem & { name: string } => ({
  name,
  height: 10,
  ops: [],
  footnotes: [],
  ...options,
});
const paragraph = (id: number, count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => line(`${prefix}${i}`, { paragraph: { id, line: i, lines: count } }));
const names = (page: Page) => page.body.map((p) => (p.item as FlowItem & { name: string }).name);
const notes = (page: Page) => page.notes.map((p) => (p.item as FlowItem & { name: string }).name);
const geometry = { height: 100, separator: 5 };

describe('PDF pagination', () => {
  it('puts a footnote on the page of its reference, moving the line when the note does not fit', () => {
    const body = [...paragraph(1, 8, 'a'), line('ref', { footnotes: [1] }), line('after')];
    const footnote = new Map([[1, [line('n1'), line('n2')]]]);
    const pages = paginate(body, footnote, geometry);
    // 8 lines + the reference + separator + 2 note lines = 115 > 100: the reference goes to page 2 with its note.
    expect(names(pages[0]!)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(names(pages[1]!)).toEqual(['ref', 'after']);
    expect(notes(pages[1]!)).toEqual(['n1', 'n2']);
  });

  it('continues a long footnote at the foot of the next page', () => {
    const body = [line('ref', { footnotes: [1] }), ...paragraph(1, 12, 'b')];
    const footnote = new Map([[1, Array.from({ length: 12 }, (_, i) => line(`n${i}`))]]);
    const pages = paginate(body, footnote, geometry);
    expect(names(pages[0]!)[0]).toBe('ref');
    expect(notes(pages[0]!)[0]).toBe('n0');
    const rest = pages.slice(1).flatMap(notes);
    expect([...notes(pages[0]!), ...rest]).toEqual(Array.from({ length: 12 }, (_, i) => `n${i}`));
    expect(rest.length).toBeGreaterThan(0);
  });

  it('prints the whole of a long footnote referenced from the last line, on pages of its own if need be', () => {
    const body = [...paragraph(1, 8, 'a'), line('ref', { footnotes: [1] })];
    const footnote = new Map([[1, Array.from({ length: 25 }, (_, i) => line(`n${i}`))]]);
    const pages = paginate(body, footnote, geometry);
    expect(pages.flatMap(notes)).toEqual(Array.from({ length: 25 }, (_, i) => `n${i}`));
  });

  it('keeps footnotes in order when an earlier one goes on to the next page', () => {
    const body = [line('ref1', { footnotes: [1] }), ...paragraph(1, 3, 'a'), line('ref2', { footnotes: [2] }), ...paragraph(2, 12, 'b')];
    const footnote = new Map([
      [1, Array.from({ length: 20 }, (_, i) => line(`x${i}`))],
      [2, [line('y0')]],
    ]);
    const order = paginate(body, footnote, geometry).flatMap(notes);
    expect(order).toEqual([...Array.from({ length: 20 }, (_, i) => `x${i}`), 'y0']);
  });

  it('keeps a heading with the first line after it', () => {
    const body = [...paragraph(1, 9, 'a'), line('heading', { keepWithNext: true }), ...paragraph(2, 3, 'b')];
    const pages = paginate(body, new Map(), geometry);
    expect(names(pages[1]!)[0]).toBe('heading');
  });

  it('leaves no last line alone at the top of a page', () => {
    const body = [...paragraph(1, 7, 'a'), ...paragraph(2, 4, 'b')];
    const pages = paginate(body, new Map(), geometry);
    // Ten lines fit; b3 alone would be a widow, so b2 goes with it.
    expect(names(pages[1]!)).toEqual(['b2', 'b3']);
  });

  it('cuts an item that can be cut and repeats the header rows on the next page', () => {
    const header = line('header');
    const row: FlowItem & { name: string } = line('row', {
      height: 150,
      repeat: header,
      split: (height) => [line('row-top', { height, repeat: header }), line('row-rest', { height: 150 - height, repeat: header })],
    });
    const pages = paginate([line('intro'), header, row], new Map(), geometry);
    expect(names(pages[0]!)).toEqual(['intro', 'header', 'row-top']);
    expect(names(pages[1]!)).toEqual(['header', 'row-rest']);
  });
});
