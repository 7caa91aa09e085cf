/**
 * The review page, `out/<document>/review.html`: a document's languages side by side for an editorial
 * committee. One table row per block as the parity check pairs them (the original's order; a block a
 * language lacks is an empty flagged cell, a block only a translation has a row of its own), one column
 * per language, original first; each cell drawn by the HTML writer's own functions, so marks, labels
 * and footnote calls look as on the language pages. Text in square brackets (not yet agreed) is shaded,
 * and listed at the top per language with its file:line. A checkbox per language hides or shows its
 * column (kept in the address, `#hide=ar,ru`). One file, no server: its style and its one small script
 * are inline, admitted by their hashes in the Content-Security-Policy.
 */
import path from 'node:path';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent, Root, RootContent } from 'hast';
import { LANGS, LANGUAGES, type Lang } from '../../i18n/languages.js';
import type { Locale } from '../../i18n/locales.js';
import type { BlockNode, Footnote, ListItem, ModelDocument, SummaryPart, Text } from '../../model/types.js';
import type { StyleSheet } from '../style-sheet.js';
import { contentSecurityPolicy } from './content-security.js';
import { indentCss } from './paragraph-css.js';
import { blocks, columnWidthCss, createState, type State } from './to-hast.js';
import { sanitized } from './index.js';
import type { RenderContext } from '../writer.js';
import { readTextFile } from '../../read/text.js';
import { InvalidSourceError } from '../../diagnostics/report.js';

/** What a cell shows: a block, a list item, a summary part or a footnote. */
type CellNode = BlockNode | ListItem | SummaryPart | Footnote;

/**
 * What the page shows, as the checks read it (check/review.ts gives it: rows as the parity check pairs
 * the blocks, the bracketed passages): the writer only draws it.
 */
export interface ReviewData {
  /** The original first. */
  languages: readonly {
    doc: ModelDocument;
    /** `content/<doc>/<lang>.md`. */
    source: string;
    passages: readonly { line: number | undefined; depth: number; excerpt: string; closed: boolean; row: string | undefined }[];
    /** Per text node, its characters inside brackets. */
    bracketed: ReadonlyMap<Text, readonly { start: number; end: number; depth: number }[]>;
  }[];
  rows: readonly {
    id: string;
    /** A block only this translation has. */
    only?: Lang | undefined;
    cells: ReadonlyMap<Lang, { node: CellNode; line: number | undefined; status?: string | undefined }>;
  }[];
}

export interface ReviewInput {
  review: ReviewData;
  /** The page's own words (toolbar, headings). */
  locale: Locale;
  /** Each language's own words (its name, a figure's placeholder). */
  localeOf: (lang: Lang) => Locale;
  /** The review page's style sheet (templates/html/review.css) and the printed copies' style sheet. */
  css: string;
  sheet: StyleSheet;
  /** The URL of out/fonts/fonts.css seen from the page. */
  fontStylesheet: string;
}

/** A block's own words, drawn as the language page draws them (the blocks it holds have rows of their own). */
function ownContent(node: CellNode, state: State, locale: Locale): ElementContent[] {
  if (!('type' in node)) {
    // A summary part's title, or a footnote's number.
    return 'title' in node
      ? [h('p.summary-title', node.title)]
      : [h('p.footnote-head', locale.t('review.footnote', { number: String(node.number) }))];
  }
  switch (node.type) {
    case 'proposal':
      return [h('p.proposal-line', [h('span.proposal-action', node.action), ' ', h('span.proposal-id', node.id)])];
    case 'list':
    case 'listItem':
    case 'summary':
      return [];
    default:
      return blocks([node], state);
  }
}

/** Ids and in-page links taken out of a cell: six copies of one id would clash, and the notes they lead to are not on the page. */
function detached(nodes: ElementContent[]): ElementContent[] {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    delete node.properties.id;
    if (typeof node.properties.href === 'string' && node.properties.href.startsWith('#')) delete node.properties.href;
    detached(node.children);
  }
  return nodes;
}

/** The page's script: the column toggles, the hidden columns kept in the address. Written as it runs; its hash admits it. */
const SCRIPT = `(() => {
  const boxes = [...document.querySelectorAll('input[data-lang]')];
  const apply = () => {
    for (const box of boxes) document.body.classList.toggle('hide-' + box.dataset.lang, !box.checked);
  };
  const saved = /^#hide=([a-z,]*)$/.exec(location.hash);
  if (saved) for (const box of boxes) box.checked = !saved[1].split(',').includes(box.dataset.lang);
  for (const box of boxes)
    box.addEventListener('change', () => {
      apply();
      const hidden = boxes.filter((b) => !b.checked).map((b) => b.dataset.lang);
      history.replaceState(null, '', hidden.length ? '#hide=' + hidden.join(',') : location.pathname + location.search);
    });
  apply();
})();`;

export function renderReview(input: ReviewInput): string {
  const { locale } = input;
  const { languages, rows } = input.review;
  const original = languages[0]?.doc;
  if (!original) return '';
  const ordered = languages.map((language) => language.doc);
  const states = new Map(
    languages.map((language) => {
      const state = createState(input.localeOf(language.doc.lang), input.sheet);
      state.brackets = language.bracketed;
      return [language.doc.lang, state] as const;
    }),
  );
  const sourceOf = (lang: Lang) => languages.find((language) => language.doc.lang === lang)!.source;
  const name = (lang: Lang) => input.localeOf(lang).t(`languageName.${lang}`);
  const cellAttributes = (lang: Lang) => ({
    lang,
    dir: LANGUAGES[lang].dir,
    className: [`col-${lang}`, `script-${LANGUAGES[lang].script}`],
  });
  const badge = (key: string) => h('span.badge', locale.t(key));

  const head = h(
    'tr',
    ordered.map((doc) =>
      h('th', { scope: 'col', ...cellAttributes(doc.lang) }, [
        h('span.language', name(doc.lang)),
        ' ',
        h('span.source', { dir: 'ltr' }, sourceOf(doc.lang)),
        ...(doc === original ? [' ', badge('review.original')] : []),
      ]),
    ),
  );
  const body = rows.map((row) =>
    h(
      'tr',
      { id: row.id },
      ordered.map((doc) => {
        const cell = row.cells.get(doc.lang);
        const attributes = cellAttributes(doc.lang);
        if (!cell) {
          // A row of a block only another translation has is empty elsewhere, not missing.
          const missing = row.only === undefined;
          return h(
            'td',
            { ...attributes, className: [...attributes.className, missing ? 'missing' : 'absent'] },
            missing ? [badge('review.missing')] : [],
          );
        }
        const flag = cell.status;
        const content = sanitized(detached(ownContent(cell.node, states.get(doc.lang)!, input.localeOf(doc.lang)))) as ElementContent[];
        const line = cell.line === undefined ? undefined : h('span.line', { dir: 'ltr' }, `${doc.lang}.md:${cell.line}`);
        return h(
          'td',
          {
            ...attributes,
            className: [...attributes.className, ...(flag === 'outdated' ? ['outdated'] : []), ...(row.only ? ['only'] : [])],
          },
          [
            ...(line ? [line] : []),
            ...(flag === 'outdated' ? [badge('review.outdated')] : []),
            ...(row.only ? [badge('review.noCounterpart')] : []),
            ...content,
          ],
        );
      }),
    ),
  );

  const toolbar = h('fieldset.toolbar', [
    h('legend', locale.t('review.languagesShown')),
    ...ordered.map((doc) =>
      h('label', [h('input', { type: 'checkbox', checked: true, dataLang: doc.lang }), ' ', h('span', { lang: doc.lang }, name(doc.lang))]),
    ),
  ]);
  // Open at first; folded away, the table comes up under the title.
  const bracketList = h('details.brackets', { open: true }, [
    h('summary', [h('h2', locale.t('review.bracketedText'))]),
    h(
      'div.bracket-languages',
      languages.map(({ doc: { lang }, source, passages }) =>
        h('div', { className: [`col-${lang}`, 'bracket-language'] }, [
          h('h3', [
            h('span', { lang: lang }, name(lang)),
            ' ',
            h('span.source', source),
            ': ',
            locale.t('review.passages', { number: String(passages.length) }),
          ]),
          passages.length
            ? h(
                'ol',
                passages.map((passage) =>
                  h('li', { className: [`depth-${Math.min(passage.depth, 3)}`] }, [
                    h('a.place', { href: passage.row ? `#${passage.row}` : undefined, dir: 'ltr' }, `${lang}.md:${passage.line ?? '?'}`),
                    ' ',
                    h('span.excerpt', { lang: lang, dir: LANGUAGES[lang].dir }, passage.excerpt),
                    // A lone "[" the source has (an editor's comment says so): its passage runs to the end of its text.
                    ...(passage.closed ? [] : [' ', h('span.badge.unclosed', locale.t('review.unclosed'))]),
                  ]),
                ),
              )
            : h('p.none', locale.t('review.noBrackets')),
        ]),
      ),
    ),
  ]);
  const table = h('table.review#review', [h('thead', [head]), h('tbody', body)]);

  const styles = [
    '',
    input.css,
    indentCss(input.sheet.indent),
    [...states.values()].map(columnWidthCss).join('\n'),
    // A column hidden by its checkbox, and its bracket list with it.
    LANGS.map((lang) => `body.hide-${lang} .col-${lang} { display: none; }`).join('\n'),
    '',
  ].join('\n');
  const title = `${locale.t('review.title')}: ${original.meta.symbol ?? original.docId}`;
  const page: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: locale.lang }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy(styles, SCRIPT) }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          h('link', { rel: 'stylesheet', href: input.fontStylesheet }),
          h('style', styles),
        ]),
        h('body', [
          h('header', [h('h1', title)]),
          bracketList,
          // The toggles stay at the top of the window, the table's head just under them.
          h('div.toolbar-bar', [toolbar]),
          h('main', [table]),
          h('script', SCRIPT),
        ]),
      ]),
    ] as RootContent[],
  };
  return `${toHtml(page, { allowDangerousCharacters: true })}\n`;
}

/** The review page of a document, written to `file`. */
export type ReviewRenderer = (review: ReviewData, file: string) => string;

/** Reads the review page's style sheet once; its words are the English locale's (`review.*`). */
export function createReviewRenderer(context: RenderContext): ReviewRenderer {
  const css = readTextFile(path.join(context.root, 'templates', 'html', 'review.css'), context.root);
  if (css.text === undefined) throw new InvalidSourceError([css.file]);
  const text = css.text;
  const fonts = path.join(context.root, 'out', 'fonts', 'fonts.css');
  return (review, file) =>
    renderReview({
      review,
      locale: context.locale('en'),
      localeOf: (lang) => context.locale(lang),
      css: text,
      sheet: context.sheet,
      fontStylesheet: path.relative(path.dirname(file), fonts).split(path.sep).join('/'),
    });
}
