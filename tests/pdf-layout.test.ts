/**
 * The PDF's pages as the paginator decided them (layoutPdf → layoutData), for
 * every document, language and copy: pages are filled, header rows and
 * captions are never last on a page, a table goes on under its repeated
 * header, no rule crosses a cell, footnotes go in the order of their numbers.
 * Models are built once and laid out in-process; nothing is drawn.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from '../scripts/i18n/locales.js';
import { reading } from '../scripts/passes/index.js';
import { loadFrameTemplates } from '../scripts/render/frame.js';
import { loadFontSet } from '../scripts/render/pdf/fonts.js';
import { layoutPdf, writer } from '../scripts/render/pdf/index.js';
import { layoutData, type ItemData, type LayoutData } from '../scripts/render/pdf/layout-data.js';
import { loadStyleSheet } from '../scripts/render/style-sheet.js';
import { paths, repoRoot } from './helpers/build.js';
import { checkCorpus } from './helpers/corpus.js';

interface Laid {
  name: string;
  layout: LayoutData;
}

let laid: Laid[] = [];

beforeAll(() => {
  const result = checkCorpus({});
  expect(result.ok).toBe(true);
  const frames = loadFrameTemplates(path.join(repoRoot, 'templates'));
  const sheet = loadStyleSheet(path.join(repoRoot, 'templates'));
  const fonts = loadFontSet(repoRoot);
  laid = result.builds.flatMap((build) =>
    build.versions.flatMap((doc) =>
      writer.copies.map((copy) => {
        const printed = copy.reading ? reading(doc, copy.reading) : doc;
        return {
          name: `${doc.docId} ${doc.lang} ${copy.name}`,
          layout: layoutData(
            layoutPdf(printed, {
              locale: loadLocale(paths.locales, doc.lang),
              sheet,
              layout: frames(printed.frame, printed.meta.type),
              fonts,
            }),
          ),
        };
      }),
    ),
  );
}, 240_000);

/** What is printed on a page, without the spacing that ends it. */
const printed = (items: readonly ItemData[]) => {
  const list = [...items];
  while (list.at(-1)?.kind === 'space') list.pop();
  return list;
};

/**
 * The height of the run of items kept together across the foot of a page:
 * its kept lines at the foot, those at the head of the next page and the
 * first line they are kept with. A run taller than a page cannot be kept.
 */
function keptRun(layout: LayoutData, index: number): number {
  const kept = (item: ItemData) => item.keepWithNext || item.kind === 'space';
  let height = 0;
  for (const item of [...layout.pages[index]!.items].reverse()) {
    if (!kept(item)) break;
    height += item.height;
  }
  for (const item of layout.pages[index + 1]?.items ?? []) {
    height += item.height;
    if (!kept(item)) break;
  }
  return height;
}

/** The height of the items kept together at the head of a page, with the first they are kept with unless it is a table row group. */
function leadingRun(items: readonly ItemData[]): number {
  let height = 0;
  for (const item of items) {
    if (item.repeated) continue;
    if (item.keepWithNext || item.kind === 'space') height += item.height;
    else return height + (item.kind === 'rows' ? 0 : item.height);
  }
  return height;
}

/** Faults found over every layout, each as "document lang copy p.N: what". */
function faults(check: (layout: LayoutData, page: number) => string | undefined): string[] {
  return laid.flatMap(({ name, layout }) =>
    layout.pages.flatMap((_, index) => {
      const fault = check(layout, index);
      return fault ? [`${name} p.${index + 1}: ${fault}`] : [];
    }),
  );
}

describe('PDF page layout over every document, language and copy', () => {
  it('lays out every document', () => {
    expect(laid.length).toBeGreaterThanOrEqual(30);
    expect(laid.every(({ layout }) => layout.pages.length > 0)).toBe(true);
  });

  it('fills every page but the last at least half', () => {
    // No document has a forced page break, so the only page allowed to be less than half full is the last.
    expect(
      faults((layout, index) => {
        const page = layout.pages[index]!;
        if (index === layout.pages.length - 1 || page.filled >= layout.bodyHeight / 2) return undefined;
        // Unless what follows cannot start there: headings or a caption with the line they are kept with (a table row can be cut).
        if (leadingRun(layout.pages[index + 1]!.items) > layout.bodyHeight - page.filled) return undefined;
        return `${Math.round((100 * page.filled) / layout.bodyHeight)}% full`;
      }),
    ).toEqual([]);
  });

  it('never ends a page with a header row, a caption, a figure or a heading', () => {
    expect(
      faults((layout, index) => {
        if (index === layout.pages.length - 1) return undefined;
        const last = printed(layout.pages[index]!.items).at(-1);
        if (!last) return undefined;
        // A figure's caption is under it; a table's caption is above it, and kept with it.
        if (last.kind === 'header' || last.kind === 'figure' || (last.kind === 'caption' && last.keepWithNext))
          return `ends with a ${last.kind}`;
        if (!last.keepWithNext || keptRun(layout, index) > layout.bodyHeight) return undefined;
        return 'ends with a line kept with the next';
      }),
    ).toEqual([]);
  });

  it('starts a page that goes on with a table with its header rows', () => {
    expect(
      faults((layout, index) => {
        const first = layout.pages[index]!.items.find((item) => item.kind !== 'space');
        // A table with header rows never starts a page with its body: its header comes first, drawn again if need be.
        return first?.kind === 'rows' && first.headed ? 'a table goes on without its header rows' : undefined;
      }),
    ).toEqual([]);
  });

  it('draws no rule across the text of a cell or through a cell, merged ones included', () => {
    expect(
      faults((layout, index) => {
        const tables = layout.pages[index]!.items.filter((item) => item.cells);
        const cells = tables.flatMap((item) => item.cells!);
        for (const rule of tables.flatMap((item) => item.rules!)) {
          for (const cell of cells) {
            if (rule.y1 === rule.y2) {
              const across = Math.min(rule.x2, cell.x + cell.width) - Math.max(rule.x1, cell.x) > 0.5;
              const inside = (top: number, bottom: number) => rule.y1 > top + 0.01 && rule.y1 < bottom - 0.01;
              if (across && cell.text && inside(cell.text.top, cell.text.bottom))
                return `a rule at ${rule.y1.toFixed(1)} crosses a cell's text (${cell.text.top.toFixed(1)}-${cell.text.bottom.toFixed(1)})`;
              if (across && inside(cell.top, cell.bottom))
                return `a rule at ${rule.y1.toFixed(1)} crosses a ${cell.merged ? 'merged ' : ''}cell (${cell.top.toFixed(1)}-${cell.bottom.toFixed(1)})`;
            } else {
              const down = Math.min(rule.y2, cell.bottom) - Math.max(rule.y1, cell.top) > 0.5;
              if (down && rule.x1 > cell.x + 0.01 && rule.x1 < cell.x + cell.width - 0.01) return 'a vertical rule runs through a cell';
            }
          }
        }
        return undefined;
      }),
    ).toEqual([]);
  });

  it('closes a cell cut at a page foot only where its row ends', () => {
    expect(
      faults((layout, index) => {
        for (const item of layout.pages[index]!.items.filter((i) => i.kind === 'rows')) {
          for (const cell of item.cells!) {
            const closing = item.rules!.some(
              (rule) =>
                rule.y1 === rule.y2 &&
                Math.abs(rule.y1 - cell.bottom) < 0.01 &&
                rule.x1 <= cell.x + 0.01 &&
                rule.x2 >= cell.x + cell.width - 0.01,
            );
            if (cell.cutBelow && closing) return 'a cut cell is closed by a rule as if its row ended';
            if (!cell.cutBelow && !closing) return 'a cell is left open where its row ends';
          }
        }
        return undefined;
      }),
    ).toEqual([]);
  });

  it('prints a cut cell only at a page foot, going on at the top of the next page', () => {
    expect(
      faults((layout, index) => {
        const items = printed(layout.pages[index]!.items);
        const cut = items.findIndex((item) => item.cells?.some((cell) => cell.cutBelow));
        if (cut >= 0 && cut !== items.length - 1) return 'a row is cut with the rest of the page below the cut';
        const rows = items.filter((item) => item.kind === 'rows');
        if (rows.slice(1).some((item) => item.cells!.some((cell) => cell.cutAbove)))
          return 'a cut row goes on below its cut on the same page';
        const next = layout.pages[index + 1]?.items.find((item) => item.kind === 'rows');
        if (cut >= 0 && !next?.cells?.some((cell) => cell.cutAbove)) return 'a cut row does not go on at the top of the next page';
        return undefined;
      }),
    ).toEqual([]);
  });

  it("leaves no paragraph's first line alone at the foot of a cut cell, nor its last line alone at the top of the next piece", () => {
    expect(
      faults((layout, index) => {
        for (const cell of layout.pages[index]!.items.flatMap((item) => (item.kind === 'rows' ? item.cells! : []))) {
          const last = cell.lines.at(-1);
          const first = cell.lines[0];
          // Where nothing else of a row would fit, its first line may stand alone rather than leave the page half empty.
          if (cell.cutBelow && cell.lines.length > 1 && last && last.line === 0 && last.of > 1) return 'a first line alone at a cut';
          if (cell.cutAbove && first && first.line === first.of - 1 && first.of > 1) return 'a last line alone after a cut';
        }
        return undefined;
      }),
    ).toEqual([]);
  });

  it('puts the footnotes at a page foot in the order of their numbers', () => {
    expect(
      faults((layout, index) => {
        const numbers = layout.pages[index]!.footnotes;
        return numbers.some((n, i) => i > 0 && n < numbers[i - 1]!) ? `footnotes in the order ${numbers.join(', ')}` : undefined;
      }),
    ).toEqual([]);
  });
});
