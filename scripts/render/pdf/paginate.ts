/**
 * Pagination: flow items → pages. Footnotes go to the foot of the page on
 * which they are referenced (continued on the next page when too long);
 * headings stay with what follows; a paragraph leaves neither its first line
 * alone at the foot of a page nor its last line alone at the top of the next;
 * a table's header rows are repeated on each page it goes on to.
 */
import type { FlowItem } from './boxes.js';

export interface Placed {
  item: FlowItem;
  /** From the top of the body area. */
  y: number;
}

export interface Page {
  body: Placed[];
  /** Footnote lines, from the top of the footnote area (below the separator). */
  notes: Placed[];
  notesHeight: number;
}

export interface PageGeometry {
  /** Height of the body area: between the top and bottom margins. */
  height: number;
  /** Room the footnote separator takes. */
  separator: number;
}

/** How many lines of a cuttable item (a table row group) a heading or caption is kept with. */
const KEPT_LINES = 3;

export function paginate(items: readonly FlowItem[], footnotes: ReadonlyMap<number, FlowItem[]>, geometry: PageGeometry): Page[] {
  const pages: Page[] = [];
  const queue = [...items];
  const placedNotes = new Set<number>();
  let carried: FlowItem[] = [];
  let page: Page = { body: [], notes: [], notesHeight: 0 };
  let used = 0;

  const footHeight = () => (page.notes.length ? geometry.separator + page.notesHeight : 0);
  const addNote = (line: FlowItem) => {
    page.notes.push({ item: line, y: page.notesHeight });
    page.notesHeight += line.height;
  };
  const newPage = (noteRoom = geometry.height / 2) => {
    page = { body: [], notes: [], notesHeight: 0 };
    pages.push(page);
    used = 0;
    // Footnote text carried over from the previous page comes first, leaving room for some body text.
    const rest = carried;
    carried = [];
    for (let i = 0; i < rest.length; i++) {
      if (footHeight() + geometry.separator + rest[i]!.height > noteRoom && page.notes.length) {
        carried = rest.slice(i);
        break;
      }
      addNote(rest[i]!);
    }
  };
  const place = (item: FlowItem) => {
    page.body.push({ item, y: used });
    used += item.height;
  };
  newPage();

  while (queue.length) {
    const item = queue.shift()!;
    if (item.space && page.body.length === 0) continue;
    const available = geometry.height - used - footHeight();

    // A table going on from the previous page starts with its header rows.
    if (item.repeat && page.body.length === 0 && pages.length > 1) {
      const previous = pages[pages.length - 2]!.body.at(-1)?.item;
      if (previous?.repeat === item.repeat) {
        place({ ...item.repeat, artifact: true });
        queue.unshift(item);
        continue;
      }
    }

    // Headings and captions go to the next page with the first line of what follows.
    if (item.keepWithNext && page.body.length > 0) {
      let chain = item.height;
      for (const next of queue) {
        // Of a table row group, which can be cut, a few lines' worth is enough to keep with.
        chain += next.split ? Math.min(next.height, KEPT_LINES * item.height) : next.height;
        if (!next.keepWithNext && !next.space) break;
      }
      if (chain > available && chain <= geometry.height) {
        newPage();
        queue.unshift(item);
        continue;
      }
    }

    const notes = item.footnotes.filter((n) => !placedNotes.has(n)).flatMap((n) => footnotes.get(n) ?? []);
    const notesHeight = notes.reduce((sum, line) => sum + line.height, 0) + (notes.length && !page.notes.length ? geometry.separator : 0);
    if (item.height + notesHeight <= available || (page.body.length === 0 && !item.split && notes.length === 0)) {
      place(item);
      placeNotes(item, notes, Infinity);
      continue;
    }
    // The reference fits with the start of its footnote: the rest goes on at the foot of the next page.
    const firstNote = notes[0];
    if (firstNote && item.height + firstNote.height + (page.notes.length ? 0 : geometry.separator) <= available) {
      place(item);
      placeNotes(item, notes, geometry.height - used - footHeight() - (page.notes.length ? 0 : geometry.separator));
      continue;
    }
    const parts = item.split?.(available);
    if (parts && parts[0].height > 0 && parts[0].height <= available) {
      queue.unshift(...parts);
      continue;
    }
    if (page.body.length === 0) {
      // Taller than a page and cannot be cut: it overflows rather than loops.
      place(item);
      placeNotes(item, notes, Infinity);
      continue;
    }
    const held = heldLines(item);
    newPage();
    queue.unshift(...held, item);
  }
  // Footnote text still to print after the last line of the body gets pages of its own.
  while (carried.length) newPage(geometry.height);
  return pages.filter((p) => p.body.length || p.notes.length);

  function placeNotes(item: FlowItem, notes: FlowItem[], room: number) {
    for (const n of item.footnotes) placedNotes.add(n);
    // Footnotes keep their order: while an earlier one goes on to the next page, later ones follow it there.
    let left = carried.length ? 0 : room;
    for (let i = 0; i < notes.length; i++) {
      if (notes[i]!.height > left) {
        carried.push(...notes.slice(i));
        return;
      }
      left -= notes[i]!.height;
      addNote(notes[i]!);
    }
  }

  /**
   * Widows and orphans: before a page break in front of a paragraph's last
   * line, or after its first, the line before goes to the next page too.
   */
  function heldLines(item: FlowItem): FlowItem[] {
    const line = item.paragraph;
    const last = page.body.at(-1)?.item;
    if (!line || !last?.paragraph || last.paragraph.id !== line.id || last.footnotes.length) return [];
    const widow = line.line === line.lines - 1 && line.lines >= 2;
    const orphan = line.line === 1 && line.lines >= 2;
    if ((!widow && !orphan) || page.body.length <= 1) return [];
    page.body.pop();
    used -= last.height;
    const held = [last];
    // A heading kept with the paragraph goes along.
    while (page.body.length > 1) {
      const previous = page.body.at(-1)!.item;
      if (!previous.keepWithNext && !previous.space) break;
      page.body.pop();
      used -= previous.height;
      held.unshift(previous);
    }
    return held;
  }
}
