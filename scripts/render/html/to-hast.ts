/**
 * Model → hast. One small function per node type, dispatched from two tables
 * typed over the model's node types: a node type the HTML writer does not
 * handle is a compile error.
 */
import { h } from 'hastscript';
import type { ElementContent, Element } from 'hast';
import type { BlockNode, Footnote, InlineNode, TableRow, Table, Text } from '../../model/types.js';
import type { Locale } from '../../i18n/locales.js';
import { points, type StyleSheet } from '../style-sheet.js';
import { columnShares, tableMeasure } from '../table-columns.js';
import { wholeWords } from '../line-breaks.js';

type Handlers<N extends { type: string }> = { [T in N['type']]: (node: Extract<N, { type: T }>, state: State) => ElementContent[] };

export interface State {
  locale: Locale;
  /** The share of the table width each `col` is given, as its class `w-<hundredths of a percent>` (see columnWidthCss). */
  columnWidths: Set<number>;
  /** Each column's share of a table's width, as the DOCX and PDF set it (../table-columns.ts). */
  columnShares: (table: Table) => number[];
  /** Hyphenated words shorter than this on a side, or acronyms (ITU-D), are held together: ../line-breaks.ts. */
  hardHyphenMinPart: number;
  /** Text inside square brackets, shaded (the review page): per text node, its bracketed characters and their depth. */
  brackets?: ReadonlyMap<Text, readonly { start: number; end: number; depth: number }[]> | undefined;
}

/** Class names, or undefined so that no empty `class` attribute is written. */
const classes = (...names: (string | false | undefined)[]) => {
  const list = names.filter((n): n is string => Boolean(n));
  return list.length ? list : undefined;
};
const changeClass = (change: 'insertion' | 'deletion' | undefined) => classes(change && `block-${change}`);

/**
 * A document's id on the page. Prefixed so that no id can clobber a name scripts read from `window` or
 * `document` (an element with id "location" or "name" would shadow them): a prefixed id is never a name.
 */
export const pageId = (id: string | undefined) => (id === undefined ? undefined : `doc-${id}`);
/** A link to a place in the page, to the id it has there. */
const pageHref = (url: string) => (url.startsWith('#') ? `#${pageId(url.slice(1))}` : url);

const inlineHandlers: Handlers<InlineNode> = {
  text: (node, state) => {
    const ranges = state.brackets?.get(node);
    if (!ranges) return heldTogether(node.value, state.hardHyphenMinPart);
    // Each bracketed stretch in a mark of its depth, the text around it as it is.
    const parts: ElementContent[] = [];
    let at = 0;
    for (const { start, end, depth } of ranges) {
      if (start > at) parts.push(...heldTogether(node.value.slice(at, start), state.hardHyphenMinPart));
      parts.push(
        h(
          'mark',
          { className: ['bracket', `depth-${Math.min(depth, 3)}`] },
          heldTogether(node.value.slice(start, end), state.hardHyphenMinPart),
        ),
      );
      at = end;
    }
    if (at < node.value.length) parts.push(...heldTogether(node.value.slice(at), state.hardHyphenMinPart));
    return parts;
  },
  emphasis: (node, state) => [h('em', inlines(node.children, state))],
  strong: (node, state) => [h('strong', inlines(node.children, state))],
  link: (node, state) => [h('a', { href: pageHref(node.url) }, inlines(node.children, state))],
  break: () => [h('br')],
  insertion: (node, state) => [h('ins', inlines(node.children, state))],
  deletion: (node, state) => [h('del', inlines(node.children, state))],
  // Editors' comments never reach official output.
  editorComment: () => [],
  callWord: (node) => [h('em.call-word', { dataKey: node.key }, node.value)],
  footnoteReference: (node) => [
    h('sup.footnote-ref', [h('a', { href: `#fn-${node.number}`, id: `fnref-${node.number}`, role: 'doc-noteref' }, String(node.number))]),
  ],
  anchor: (node) => [h('a.anchor', { id: pageId(node.id) })],
};

const blockHandlers: Handlers<BlockNode> = {
  heading: (node, state) => [
    h(`h${node.depth}`, { id: pageId(node.id), className: classes(node.role, node.change && `block-${node.change}`) }, [
      ...(node.label ? [h('span.heading-number', { dir: 'auto' }, inlines(node.label, state)), { type: 'text' as const, value: ' ' }] : []),
      ...inlines(node.children, state),
    ]),
  ],
  paragraph: (node, state) => [h('p', { className: changeClass(node.change) }, inlines(node.children, state))],
  labelledParagraph: (node, state) => [
    h('p.labelled', { className: changeClass(node.change) }, [
      h('span.label', { dir: 'auto' }, inlines(node.label, state)),
      h('span.label-text', inlines(node.children, state)),
    ]),
  ],
  callWordParagraph: (node, state) => [h('p.call', { className: changeClass(node.change) }, inlines(node.children, state))],
  list: (node, state) => [
    h(
      node.ordered ? 'ol' : 'ul.dash',
      { start: node.ordered && node.start !== 1 ? node.start : undefined },
      node.children.map((item) => h('li', { className: changeClass(item.change) }, blocks(item.children, state))),
    ),
  ],
  blockquote: (node, state) => [h('blockquote', blocks(node.children, state))],
  table: (node, state) => [table(node, state)],
  figure: (node, state) => {
    // The picture is copied beside the page under the path it has in the document's folder (index.ts).
    const picture = node.picture
      ? h('img', { src: node.picture.path, alt: node.alt })
      : h('div.figure-placeholder', { role: 'img', ariaLabel: node.alt }, [
          h('p', state.locale.t('labels.figurePlaceholder')),
          h('p.alt', node.alt),
        ]);
    return [
      h('figure.figure', { id: pageId(node.id) }, [
        picture,
        h('figcaption', [
          h('span.caption-label', node.printedNumber ?? ''),
          ...(node.caption.length ? [{ type: 'text' as const, value: ' – ' }, ...inlines(node.caption, state)] : []),
        ]),
      ]),
    ];
  },
  proposal: (node, state) => [
    h('section.proposal', { dataAction: node.action }, [
      h('p.proposal-line', [h('span.proposal-action', node.action), h('span.proposal-id', node.id)]),
      ...blocks(node.children, state),
      ...(node.reasons.length
        ? [h('div.reasons', [h('p.reasons-label', state.locale.t('proposal.reasons')), ...blocks(node.reasons, state)])]
        : []),
    ]),
  ],
  summary: (node, state) => [
    h(
      'section.summary',
      node.parts.map((part) =>
        h('div.summary-part', { dataKey: part.key }, [h('p.summary-title', part.title), ...blocks(part.children, state)]),
      ),
    ),
  ],
};

function table(node: Table, state: State): Element {
  // The table's number, from the numbering pass, then the document's own words.
  const label = node.printedNumber ? [h('span.caption-label', node.printedNumber), { type: 'text' as const, value: ' ' }] : [];
  const caption = node.caption.length ? [h('caption', [...label, ...inlines(node.caption, state)])] : [];
  const rows = (list: TableRow[], cellTag: 'th' | 'td') =>
    list.map((row) =>
      h(
        'tr',
        row.cells.map((cell) =>
          h(
            cellTag,
            {
              // A head cell heads its column, or the columns it spans.
              scope: cellTag === 'th' ? (cell.colSpan > 1 ? 'colgroup' : 'col') : undefined,
              colSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
              rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
              className: classes(cell.align && `align-${cell.align}`),
            },
            blocks(cell.children, state),
          ),
        ),
      ),
    );
  // The columns the printed copies fit to the contents, so that the page and the paper agree.
  const columns = h(
    'colgroup',
    state.columnShares(node).map((share) => {
      const width = Math.round(share * 10000);
      state.columnWidths.add(width);
      return h('col', { className: [`w-${width}`] });
    }),
  );
  return h('table', { id: pageId(node.id) }, [
    ...caption,
    columns,
    ...(node.head.length ? [h('thead', rows(node.head, 'th'))] : []),
    h('tbody', rows(node.body, 'td')),
    ...(node.foot.length ? [h('tfoot', rows(node.foot, 'td'))] : []),
  ]);
}

export function inlines(nodes: readonly InlineNode[], state: State): ElementContent[] {
  return nodes.flatMap((node) => (inlineHandlers[node.type] as (n: InlineNode, s: State) => ElementContent[])(node, state));
}

export function blocks(nodes: readonly BlockNode[], state: State): ElementContent[] {
  return nodes.flatMap((node) => (blockHandlers[node.type] as (n: BlockNode, s: State) => ElementContent[])(node, state));
}

export function footnotesToHast(footnotes: readonly Footnote[], state: State): ElementContent[] {
  return footnotes.map((note) =>
    h('div.footnote', { id: `fn-${note.number}`, role: 'doc-footnote' }, [
      h('a.footnote-number', { href: `#fnref-${note.number}` }, String(note.number)),
      h('div.footnote-text', blocks(note.children, state)),
    ]),
  );
}

export function createState(locale: Locale, sheet: StyleSheet): State {
  const { page } = sheet;
  const measure = tableMeasure(sheet, points(page.width - page.margin.left - page.margin.right));
  return {
    locale,
    columnWidths: new Set(),
    hardHyphenMinPart: sheet.hyphenation.hardHyphenMinPart,
    columnShares: (table) => columnShares(table, measure),
  };
}

/** The rules for the column classes a page used: classes rather than `style` attributes, which a strict policy refuses. */
export function columnWidthCss(state: State): string {
  return [...state.columnWidths]
    .sort((a, b) => a - b)
    .map((width) => `col.w-${width} { width: ${width / 100}%; }`)
    .join('\n');
}

/** Text with each word that must not break at its hyphen ((ITU-D), CWG-SFP) in a span that does not wrap. */
function heldTogether(text: string, minPart: number): ElementContent[] {
  const parts: ElementContent[] = [];
  let at = 0;
  for (const [start, end] of wholeWords(text, minPart)) {
    if (start > at) parts.push({ type: 'text', value: text.slice(at, start) });
    parts.push(h('span.nobr', text.slice(start, end)));
    at = end;
  }
  if (at < text.length || !parts.length) parts.push({ type: 'text', value: text.slice(at) });
  return parts;
}
