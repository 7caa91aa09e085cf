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
import { alignment, shapes, type BlockShape, type ShapedNode } from '../../check/parity.js';
import { scanBrackets, type BracketedPassage } from '../../check/square-brackets.js';
import { LANGS, LANGUAGES, type Lang } from '../../i18n/languages.js';
import type { Locale } from '../../i18n/locales.js';
import type { ModelDocument } from '../../model/types.js';
import type { StyleSheet } from '../style-sheet.js';
import { contentSecurityPolicy } from './content-security.js';
import { indentCss } from './paragraph-css.js';
import { blocks, columnWidthCss, createState, type State } from './to-hast.js';
import { sanitized } from './index.js';
import type { RenderContext } from '../writer.js';
import { readTextFile } from '../../read/text.js';
import { InvalidSourceError } from '../../diagnostics/report.js';

/** Whether a translation's block is the translation of the original's block as it stands (recorded per block elsewhere). */
export type BlockStatus = 'current' | 'outdated' | 'unrecorded' | undefined;
export type TranslationStatus = (lang: Lang, translation: BlockShape) => BlockStatus;

export interface ReviewInput {
  /** Every language version of the document. */
  versions: readonly ModelDocument[];
  /** A language's source file as a reader names it (`content/<doc>/zh.md`). */
  sourceOf: (lang: Lang) => string;
  /** The page's own words (toolbar, headings). */
  locale: Locale;
  /** Each language's own words (its name, a proposal's "Reasons"). */
  localeOf: (lang: Lang) => Locale;
  /** The review page's style sheet (templates/html/review.css) and the printed copies' style sheet. */
  css: string;
  sheet: StyleSheet;
  /** The URL of out/fonts/fonts.css seen from the page. */
  fontStylesheet: string;
  /** Flags an outdated translation's cell; none flagged when undefined. */
  status?: TranslationStatus | undefined;
}

/** One row of the table: each language's block in it. */
interface Row {
  cells: Map<Lang, BlockShape>;
  /** A block only this translation has. */
  only?: Lang;
}

/** The bracketed passages of one language, each with the row it opens in. */
export interface LanguageBrackets {
  lang: Lang;
  source: string;
  passages: (BracketedPassage & { row: string | undefined })[];
}

/** The original first, then the other languages in the Union's order. */
export function reviewLanguages(versions: readonly ModelDocument[]): ModelDocument[] {
  const original = versions.find((doc) => doc.lang === doc.meta.originalLanguage) ?? versions[0];
  if (!original) return [];
  return [original, ...LANGS.flatMap((lang) => versions.filter((doc) => doc.lang === lang && doc !== original))];
}

/** The rows: the original's blocks in order, each translation's unpaired blocks after the row they follow. */
function alignRows(ordered: readonly ModelDocument[]): Row[] {
  const [original, ...translations] = ordered;
  if (!original) return [];
  const rows: Row[] = shapes(original).map((shape) => ({ cells: new Map([[original.lang, shape]]) }));
  const after = new Map<number, Row[]>();
  for (const translation of translations) {
    const { b, pairs } = alignment(original, translation);
    const paired = new Map(pairs.map(([i, j]) => [j, i]));
    let previous = -1;
    b.forEach((shape, j) => {
      const i = paired.get(j);
      if (i !== undefined) {
        rows[i]!.cells.set(translation.lang, shape);
        previous = i;
      } else {
        after.set(previous, [...(after.get(previous) ?? []), { cells: new Map([[translation.lang, shape]]), only: translation.lang }]);
      }
    });
  }
  const all = [...(after.get(-1) ?? []), ...rows.flatMap((row, i) => [row, ...(after.get(i) ?? [])])];
  // Lists, their items and a summary hold blocks that have rows of their own, and no words of their own.
  return all.filter((row) => !isContainer([...row.cells.values()][0]!.node));
}

const isContainer = (node: ShapedNode) => 'type' in node && (node.type === 'list' || node.type === 'listItem' || node.type === 'summary');

/** A block's own words, drawn as the language page draws them (the blocks it holds have rows of their own). */
function ownContent(node: ShapedNode, state: State, locale: Locale): ElementContent[] {
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

/** The bracketed passages of every language, each tied to the row its "[" stands in. */
export function reviewBrackets(
  ordered: readonly ModelDocument[],
  sourceOf: (lang: Lang) => string,
  rowOf: (node: ShapedNode) => string | undefined = () => undefined,
): { brackets: LanguageBrackets[]; scans: Map<Lang, ReturnType<typeof scanBrackets>> } {
  const scans = new Map(ordered.map((doc) => [doc.lang, scanBrackets(doc, { deletions: 'skip' })]));
  const brackets = ordered.map((doc) => ({
    lang: doc.lang,
    source: sourceOf(doc.lang),
    passages: scans.get(doc.lang)!.passages.map((passage) => ({ ...passage, row: passage.block && rowOf(passage.block) })),
  }));
  return { brackets, scans };
}

/** A passage's words on one line, long ones cut in the middle. */
export function excerpt(text: string, max = 90): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  if (chars.length <= max) return line;
  return `${chars.slice(0, max - 20).join('')} … ${chars.slice(-15).join('')}`;
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
  const { locale, status } = input;
  const ordered = reviewLanguages(input.versions);
  const original = ordered[0];
  if (!original) return '';
  const rows = alignRows(ordered);
  const rowIds = new Map<ShapedNode, string>();
  rows.forEach((row, index) => {
    for (const shape of row.cells.values()) rowIds.set(shape.node, `row-${index + 1}`);
  });
  const { brackets, scans } = reviewBrackets(ordered, input.sourceOf, (node) => rowIds.get(node));
  const states = new Map(
    ordered.map((doc) => {
      const state = createState(input.localeOf(doc.lang), input.sheet);
      state.brackets = scans.get(doc.lang)!.ranges;
      return [doc.lang, state] as const;
    }),
  );
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
        h('span.source', { dir: 'ltr' }, input.sourceOf(doc.lang)),
        ...(doc === original ? [' ', badge('review.original')] : []),
      ]),
    ),
  );
  const body = rows.map((row, index) =>
    h(
      'tr',
      { id: `row-${index + 1}` },
      ordered.map((doc) => {
        const shape = row.cells.get(doc.lang);
        const attributes = cellAttributes(doc.lang);
        if (!shape) {
          // A row of a block only another translation has is empty elsewhere, not missing.
          const missing = row.only === undefined;
          return h(
            'td',
            { ...attributes, className: [...attributes.className, missing ? 'missing' : 'absent'] },
            missing ? [badge('review.missing')] : [],
          );
        }
        const flag = doc === original ? undefined : status?.(doc.lang, shape);
        const content = sanitized(detached(ownContent(shape.node, states.get(doc.lang)!, input.localeOf(doc.lang)))) as ElementContent[];
        const line = shape.position ? h('span.line', { dir: 'ltr' }, `${doc.lang}.md:${shape.position.start.line}`) : undefined;
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
      brackets.map((language) =>
        h('div', { className: [`col-${language.lang}`, 'bracket-language'] }, [
          h('h3', [
            h('span', { lang: language.lang }, name(language.lang)),
            ' ',
            h('span.source', language.source),
            ': ',
            locale.t('review.passages', { number: String(language.passages.length) }),
          ]),
          language.passages.length
            ? h(
                'ol',
                language.passages.map((passage) =>
                  h('li', { className: [`depth-${Math.min(passage.depth, 3)}`] }, [
                    h(
                      'a.place',
                      { href: passage.row ? `#${passage.row}` : undefined, dir: 'ltr' },
                      `${language.lang}.md:${passage.open?.line ?? '?'}`,
                    ),
                    ' ',
                    h('span.excerpt', { lang: language.lang, dir: LANGUAGES[language.lang].dir }, excerpt(passage.text)),
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

/** The review page of a document's versions, written to `file`. */
export type ReviewRenderer = (versions: readonly ModelDocument[], file: string) => string;

/** Reads the review page's style sheet once; its words are the English locale's (`review.*`). */
export function createReviewRenderer(context: RenderContext): ReviewRenderer {
  const css = readTextFile(path.join(context.root, 'templates', 'html', 'review.css'), context.root);
  if (css.text === undefined) throw new InvalidSourceError([css.file]);
  const text = css.text;
  const fonts = path.join(context.root, 'out', 'fonts', 'fonts.css');
  return (versions, file) =>
    renderReview({
      versions,
      sourceOf: (lang) =>
        path
          .relative(context.root, versions.find((doc) => doc.lang === lang)!.path)
          .split(path.sep)
          .join('/'),
      locale: context.locale('en'),
      localeOf: (lang) => context.locale(lang),
      css: text,
      sheet: context.sheet,
      fontStylesheet: path.relative(path.dirname(file), fonts).split(path.sep).join('/'),
    });
}
