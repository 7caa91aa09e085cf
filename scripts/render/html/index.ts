/**
 * HTML writer: model → hast → rehype-sanitize → rehype-stringify, placed in
 * the Handlebars page frame of `templates/html/page.hbs`.
 */
import path from 'node:path';
import Handlebars from 'handlebars';
import { unified } from 'unified';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'hast';
import type { BlockNode, FigurePicture, ModelDocument } from '../../model/types.js';
import { mapBlocks } from '../../model/walk.js';
import type { Locale } from '../../i18n/locales.js';
import type { FrameLayout } from '../frame.js';
import { defineWriter } from '../writer.js';
import { LANGS, type Lang } from '../../i18n/languages.js';
import { blocks, columnWidthCss, createState, footnotesToHast } from './to-hast.js';
import { contentSecurityPolicy } from './content-security.js';
import { LINK_SCHEMES } from '../../model/link-schemes.js';
import { loadWebFonts, type WebFonts } from './fonts.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { boxCss, indentCss, paragraphCss } from './paragraph-css.js';
import { paragraphStyles } from '../paragraph-styles.js';
import { setsItalic, type StyleSheet } from '../style-sheet.js';
import { InvalidSourceError } from '../../diagnostics/report.js';
import { readPageCss, readPageTemplate, type PageValues } from './page-template.js';

/**
 * The default GitHub-like schema, opened for what our own writer emits: any
 * class (the default allows only GitHub's few class values on some tags),
 * ids without the `user-` prefix (to-hast.ts prefixes the document's ids itself), ARIA roles,
 * `data-*` and table spans; links only to the schemes the model builder accepts.
 */
const withoutRestrictedClasses = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [
    tag,
    list.filter((attribute) => !(Array.isArray(attribute) && attribute[0] === 'className')),
  ]),
);
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'section',
    'figure',
    'figcaption',
    'caption',
    'ins',
    'del',
    'aside',
    'colgroup',
    'col',
    'mark',
  ],
  attributes: {
    ...withoutRestrictedClasses,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'id', 'role', 'ariaLabel', 'dataAction', 'dataKey', 'lang', 'dir'],
    td: [...(withoutRestrictedClasses.td ?? []), 'colSpan', 'rowSpan'],
    th: [...(withoutRestrictedClasses.th ?? []), 'colSpan', 'rowSpan', 'scope'],
  },
  protocols: { ...defaultSchema.protocols, href: [...LINK_SCHEMES] },
};

const serializer = unified().use(rehypeSanitize, schema).use(rehypeStringify);

export interface HtmlTemplates {
  page: Handlebars.TemplateDelegate;
  css: string;
  fonts: WebFonts;
  /** The printed copies' style sheet, whose paragraph decisions the page takes. */
  sheet: StyleSheet;
}

/** `sheet`: the style sheet the printed copies read, already loaded. */
export function loadHtmlTemplates(templatesDir: string, sheet: StyleSheet): HtmlTemplates {
  const page = readPageTemplate(templatesDir);
  const css = readPageCss(templatesDir);
  if (!page.ast || css.text === undefined) throw new InvalidSourceError([page.file, css.file]);
  return {
    page: Handlebars.compile(page.ast, { strict: true }),
    css: css.text,
    fonts: loadWebFonts(templatesDir),
    sheet,
  };
}

/** One page per document and language, its web fonts written once beside the outputs. */
export const writer = defineWriter({
  copies: [{ name: undefined }],
  create(context) {
    const templates = loadHtmlTemplates(path.join(context.root, 'templates'), context.sheet);
    const fontsDir = path.join(context.root, 'out', 'fonts');
    const relative = (from: string, to: string) => path.relative(path.dirname(from), to).split(path.sep).join('/');
    return (doc, _copy, file) => {
      for (const [from, to] of templates.fonts.files) context.assets.set(path.join(fontsDir, to), { copyOf: from });
      for (const picture of pictures(doc))
        context.assets.set(path.join(path.dirname(file), ...picture.path.split('/')), { copyOf: picture.file });
      context.assets.set(path.join(fontsDir, 'fonts.css'), templates.fonts.css);
      // The page links to the document in its other languages, each named in its own language.
      const versions = LANGS.filter((lang) => doc.meta.languages.includes(lang)).map((lang) => ({
        lang,
        name: capitalised(context.locale(lang).t(`languageName.${lang}`), lang),
        href: relative(file, context.fileOf(doc, lang, 'html', undefined)),
        current: lang === doc.lang,
      }));
      return renderHtml(doc, context.locale(doc.lang), templates, context.frame(doc), { fontBase: relative(file, fontsDir), versions });
    };
  },
});

/** The pictures of a document's figures, wherever they stand (in a table, a proposal, a footnote). */
function pictures(doc: ModelDocument): FigurePicture[] {
  const found: FigurePicture[] = [];
  const collect = (block: BlockNode) => {
    if (block.type === 'figure' && block.picture) found.push(block.picture);
    return block;
  };
  mapBlocks(doc.body, collect);
  for (const note of doc.footnotes) mapBlocks(note.children, collect);
  return found;
}

/** A language's own name as a menu shows it: "Español", not the "español" of running text. */
const capitalised = (name: string, lang: Lang) => name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);

/** Hast made by the writer, cleaned by the sanitizer: what the review page puts in its cells. */
export function sanitized(children: Root['children']): Root['children'] {
  return (serializer.runSync({ type: 'root', children } as Root) as Root).children;
}

function serialize(children: Root['children']): string {
  const tree = serializer.runSync({ type: 'root', children } as Root) as Root;
  return serializer.stringify(tree);
}

/** A CSS string literal that cannot close the style element it is written in. */
function cssString(text: string): string {
  return JSON.stringify(text).replaceAll('<', '\\3c ');
}

export interface PageLinks {
  /** The URL of out/fonts seen from the page. */
  fontBase: string;
  /** The document in each of its languages, this one among them. */
  versions: { lang: string; name: string; href: string; current: boolean }[];
}

export function renderHtml(doc: ModelDocument, locale: Locale, templates: HtmlTemplates, layout: FrameLayout, links: PageLinks): string {
  const { fontBase, versions } = links;
  const state = createState(locale, templates.sheet);
  const body = serialize(blocks(doc.body, state));
  const footnotes = doc.footnotes.length ? serialize(footnotesToHast(doc.footnotes, state)) : '';
  const frame = doc.frame;
  const styles = [
    '',
    templates.css,
    paragraphCss(paragraphStyles(templates.sheet, doc.lang)),
    indentCss(templates.sheet.indent),
    boxCss(templates.sheet.box),
    columnWidthCss(state),
    // The printed page's running header and page number, as CSS string literals.
    `@page { @top-center { content: ${cssString(frame.runningHeader)}; font-size: 10pt; } ` +
      `@bottom-center { content: ${cssString(frame.pageNumber[0])} counter(page) ${cssString(frame.pageNumber[1])}; font-size: 10pt; } }`,
    '@page :first { @top-center { content: none; } }',
    '',
  ].join('\n');
  return templates.page({
    ...frame,
    layout,
    conferenceBlock: layout.conference.length + layout.document.length > 0,
    upright: !setsItalic(templates.sheet, LANGUAGES[doc.lang].script),
    fontStylesheet: `${fontBase}/fonts.css`,
    // The style element's text exactly as written, which the policy admits by its hash.
    styles,
    contentSecurityPolicy: contentSecurityPolicy(styles),
    body,
    footnotes,
    versions: versions.length > 1 ? versions : [],
    versionsLabel: locale.t('labels.languages'),
  } satisfies PageValues);
}
