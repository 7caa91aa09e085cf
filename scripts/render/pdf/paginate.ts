/**
 * Pagination: flow items → pages. Footnotes go to the foot of the page on
 * which they are referenced (continued on the next page when too long);
 * headings stay with what follows; a paragraph leaves neither its first line
 * alone at the foot of a page nor its last line alone at the top of the next;
 * a table's header rows are repeated on each page it goes on to.
 */
import type { CutMode, FlowItem } from './boxes.js';

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

/** How far an item may reach past the room left, in points: what sums of measured heights lose to rounding. */
const SLACK = 0.5;

export function paginate(items: readonly FlowItem[], footnotes: ReadonlyMap<number, FlowItem[]>, geometry: PageGeometry): Page[] {
  const pages: Page[] = [];
  const queue = [...items];
  const placedNotes = new Set<number>();
  /** The second parts of items cut at a page foot: each goes on at the top of the next page. */
  const continuations = new WeakSet<FlowItem>();
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
  /** The lines of the footnotes an item references that are not yet on a page, in the order of their numbers. */
  const notesOf = (item: FlowItem) =>
    item.footnotes
      .filter((n) => !placedNotes.has(n))
      .sort((a, b) => a - b)
      .flatMap((n) => footnotes.get(n) ?? []);
  /** Whether an item starts in `room` with the first line of its footnotes (the rest may go on to the next page). */
  const startsIn = (item: FlowItem, room: number) => {
    const first = notesOf(item)[0];
    const foot = first ? first.height + (page.notes.length ? 0 : geometry.separator) : 0;
    return item.height + foot <= room + SLACK;
  };
  /** What stays on the page if the item at hand does not start on it: all but the run of kept items at its foot. */
  const settled = () => {
    let index = page.body.length;
    while (index > 0 && (page.body[index - 1]!.item.keepWithNext || page.body[index - 1]!.item.space)) index--;
    return (index === page.body.length ? used : page.body[index]!.y) + footHeight();
  };
  newPage();

  while (queue.length) {
    const item = queue.shift()!;
    if (item.space && page.body.length === 0) continue;
    if (continuations.has(item) && page.body.some((p) => !p.item.artifact)) {
      newPage();
      queue.unshift(item);
      continue;
    }
    const available = geometry.height - used - footHeight();

    // A table going on from the previous page starts with its header rows (its first page got them with its first row).
    if (item.repeat && page.body.length === 0) {
      place({ ...item.repeat, artifact: true });
      queue.unshift(item);
      continue;
    }

    // Headings, captions and header rows go to the next page unless what they are kept with can start on this one.
    // The check is made at the head of a run of them; a run taller than a page is set as it comes.
    const previous = page.body.filter((p) => !p.item.space).at(-1)?.item;
    if (item.keepWithNext && previous && !previous.keepWithNext) {
      const chain = keptChain(item);
      if (!chain.follows && chain.height <= geometry.height) {
        newPage();
        queue.unshift(item);
        continue;
      }
    }

    const start = startOn(item, available, settled());
    if (start === 'whole' || (!start && page.body.length === 0 && !item.split)) {
      // Taller than a page and cannot be cut: it overflows rather than loops.
      place(item);
      placeNotes(
        item,
        notesOf(item),
        start === 'whole' ? geometry.height - used - footHeight() - (page.notes.length ? 0 : geometry.separator) : Infinity,
      );
      continue;
    }
    if (start) {
      continuations.add(start[1]);
      queue.unshift(...start);
      continue;
    }
    if (page.body.length === 0) {
      // Not even a line of it fits on an empty page (its footnote is too long): it overflows rather than loops.
      place(item);
      placeNotes(item, notesOf(item), Infinity);
      continue;
    }
    if (page.body.every((p) => p.item.artifact)) {
      // Under its repeated header, on a page of its own, a table's rows can neither start whole nor be cut
      // (a first row whose lines all fit but whose padding overruns the foot by a hair): the next page would
      // be the same, so cut at the first row boundary, overrunning by at most a few points, rather than loop.
      const forced = [2, 4, 8, 16].map((extra) => item.split?.(available + SLACK + extra, 'rows')).find(Boolean);
      if (forced) {
        continuations.add(forced[1]);
        queue.unshift(...forced);
        continue;
      }
      place(item);
      placeNotes(item, notesOf(item), Infinity);
      continue;
    }
    const held = heldLines(item);
    newPage();
    queue.unshift(...held, item);
  }
  // Footnote text still to print after the last line of the body gets pages of its own.
  while (carried.length) newPage(geometry.height);
  return pages.filter((p) => p.body.length || p.notes.length);

  /**
   * How an item starts in the room left on the page: whole, or cut in two
   * (a table row group), or not at all. A group is cut at the lowest row
   * boundary that fits; the row that does not fit goes whole to the next page
   * when this page is at least half full without it (`settled`: what stays
   * on the page if the item does not start on it) and the rows fit on a page
   * under the header; otherwise it is cut between its lines, so that no page
   * is left less than half full and no page is left part empty for rows that
   * would be cut on the next page anyway. A cut between lines leaves no
   * paragraph's first or last line alone, unless the page would otherwise be
   * left less than half full.
   */
  function startOn(item: FlowItem, room: number, settled = geometry.height - room): 'whole' | [FlowItem, FlowItem] | undefined {
    if (startsIn(item, room)) return 'whole';
    if (!item.split) return undefined;
    const rows = cutToFit(item, room, 'rows');
    const filled = settled + (rows?.[0].height ?? 0) >= geometry.height / 2;
    const rest = rows?.[1] ?? item;
    if (filled && rest.height <= geometry.height - (item.repeat?.height ?? 0)) return rows;
    return cutToFit(item, room, 'lines') ?? (filled ? rows : cutToFit(item, room, 'any'));
  }

  /** Cuts an item so that its first part starts in `room` with its footnotes; the room shrinks by what the notes need. */
  function cutToFit(item: FlowItem, room: number, mode: CutMode): [FlowItem, FlowItem] | undefined {
    let height = room;
    for (let attempt = 0; attempt < 4 && height > 0; attempt++) {
      const parts = item.split!(height + SLACK, mode);
      if (!parts || parts[0].height <= 0) return undefined;
      if (startsIn(parts[0], room)) return parts;
      const first = notesOf(parts[0])[0];
      height = Math.min(height - 1, room - (first ? first.height + (page.notes.length ? 0 : geometry.separator) : 0));
    }
    return undefined;
  }

  /** The items kept together from `item` on (headings, captions, header rows, spacing), and whether what follows them can start on this page. */
  function keptChain(item: FlowItem): { height: number; follows: boolean } {
    let height = item.height;
    for (const next of queue) {
      if (next.keepWithNext || next.space) {
        height += next.height;
        continue;
      }
      const room = geometry.height - used - footHeight();
      return { height, follows: height <= room && Boolean(startOn(next, room - height, settled())) };
    }
    return { height, follows: height <= geometry.height - used - footHeight() };
  }

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
