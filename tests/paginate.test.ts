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

  /** A table row of `lines` lines of 10 that can be cut between them (or only between rows when `rows` gives its row ends). */
  const tableRow = (name: string, lines: number, options: Partial<FlowItem> & { rows?: number[] } = {}): FlowItem & { name: string } => {
    const height = lines * 10;
    const { rows = [height], ...rest } = options;
    return line(name, {
      height,
      ...rest,
      split: (room, mode) => {
        const boundary = rows.filter((r) => r <= room && r < height).pop();
        const cut = boundary ?? (mode === 'rows' ? undefined : Math.floor(room / 10) * 10);
        if (!cut) return undefined;
        return [
          tableRow(`${name}-top`, cut / 10, { ...rest, rows: rows.filter((r) => r <= cut) }),
          tableRow(`${name}-rest`, (height - cut) / 10, { ...rest, footnotes: [], rows: rows.filter((r) => r > cut).map((r) => r - cut) }),
        ];
      },
    });
  };

  it('keeps a caption and the header rows with the first piece of a row that brings a footnote, and repeats the header', () => {
    const header = line('header', { height: 20, keepWithNext: true });
    const row = tableRow('row', 12, { repeat: header, footnotes: [1] });
    const body = [...paragraph(1, 3, 'a'), line('caption', { keepWithNext: true }), header, row];
    const pages = paginate(body, new Map([[1, [line('n1'), line('n2')]]]), geometry);
    // 30 + caption 10 + header 20 = 60; 40 left: the row's first piece leaves room for the separator and its note's first line.
    expect(names(pages[0]!)).toEqual(['a0', 'a1', 'a2', 'caption', 'header', 'row-top']);
    expect(pages[0]!.body.at(-1)!.item.height).toBe(20);
    expect(notes(pages[0]!)).toEqual(['n1']);
    expect(notes(pages[1]!)).toEqual(['n2']);
    expect(names(pages[1]!)[0]).toBe('header');
    expect(names(pages[1]!)[1]).toMatch(/^row-rest/);
  });

  it('moves the caption and header rows with the row when not a line of it can start on the page', () => {
    const header = line('header', { height: 20, keepWithNext: true });
    const body = [...paragraph(1, 7, 'a'), line('caption', { keepWithNext: true }), header, tableRow('row', 3, { repeat: header })];
    const pages = paginate(body, new Map(), geometry);
    expect(names(pages[0]!)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(names(pages[1]!)).toEqual(['caption', 'header', 'row']);
  });

  it('moves a row that does not fit to the next page when the page is half full and it fits on a page, and cuts it otherwise', () => {
    const header = line('header', { keepWithNext: true });
    const moved = paginate(
      [...paragraph(1, 6, 'a'), header, tableRow('r1', 1, { repeat: header }), tableRow('r2', 5, { repeat: header })],
      new Map(),
      geometry,
    );
    expect(names(moved[0]!)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'header', 'r1']);
    expect(names(moved[1]!)).toEqual(['header', 'r2']);
    const cut = paginate(
      [...paragraph(1, 2, 'a'), header, tableRow('r1', 1, { repeat: header }), tableRow('r2', 9, { repeat: header })],
      new Map(),
      geometry,
    );
    expect(names(cut[0]!)).toEqual(['a0', 'a1', 'header', 'r1', 'r2-top']);
    expect(names(cut[1]!)).toEqual(['header', 'r2-rest']);
    // A row taller than a page would be cut on the next page anyway: it is cut on this one.
    const tall = paginate(
      [...paragraph(1, 6, 'a'), header, tableRow('r1', 1, { repeat: header }), tableRow('r2', 12, { repeat: header })],
      new Map(),
      geometry,
    );
    expect(names(tall[0]!)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'header', 'r1', 'r2-top']);
  });

  it('cuts a group of rows at the lowest row end that fits before cutting inside a row', () => {
    const header = line('header', { keepWithNext: true });
    const group = tableRow('g', 12, { repeat: header, rows: [30, 60, 120] });
    const pages = paginate([...paragraph(1, 2, 'a'), header, group], new Map(), geometry);
    expect(names(pages[0]!)).toEqual(['a0', 'a1', 'header', 'g-top']);
    expect(pages[0]!.body.at(-1)!.item.height).toBe(60);
  });

  it('cuts a row group at its first row end, overrunning the foot by a hair, when that row cannot start even under its header on a page of its own', () => {
    // The first row's lines all fit but its padding does not: no cut between lines, no row end within the room.
    const header = line('header');
    const ends = [92, 150];
    const group = line('g', {
      height: 150,
      repeat: header,
      split: (room) => {
        const cut = ends.filter((end) => end <= room && end < 150).pop();
        return cut ? [line('g-top', { height: cut, repeat: header }), line('g-rest', { height: 150 - cut, repeat: header })] : undefined;
      },
    });
    const pages = paginate([group], new Map(), geometry);
    expect(pages.map(names)).toEqual([
      ['header', 'g-top'],
      ['header', 'g-rest'],
    ]);
  });

  it('puts footnotes at the page foot in the order of their numbers, whatever the order of the references in the line', () => {
    const pages = paginate([line('ref', { footnotes: [2, 1, 3] })], new Map([1, 2, 3].map((n) => [n, [line(`n${n}`)]])), geometry);
    expect(notes(pages[0]!)).toEqual(['n1', 'n2', 'n3']);
  });

  it('keeps a figure with its caption', () => {
    const body = [...paragraph(1, 9, 'a'), line('figure', { keepWithNext: true }), line('caption')];
    const pages = paginate(body, new Map(), geometry);
    expect(names(pages[1]!)).toEqual(['figure', 'caption']);
  });
});
