/**
 * The DOCX reader: a Word package → the model's body and footnotes (pandoc's shape: readers, one
 * model, writers; the dialect writer prints what this reads). Everything it cannot map is reported
 * with its place and kept as an editor's comment.
 */
import type { BlockNode, Footnote } from '../../model/types.js';
import type { DocumentMeta } from '../../model/metadata.js';
import type { Locale } from '../../i18n/locales.js';
import { readBlocks, type BlockOptions } from './blocks.js';
import { FootnoteNumbers, readComments, readFootnotes } from './footnotes.js';
import type { ImportMessage, Place } from './messages.js';
import { readPackage } from './package.js';
import { styleResolver } from './styles.js';

export { PackageError } from './package.js';
export { formatMessage, type ImportMessage } from './messages.js';

export interface DocxImport {
  body: BlockNode[];
  footnotes: Footnote[];
  messages: ImportMessage[];
}

/** The words the locale prints, by their text: what a call-word line or a summary title says. */
function wordsOf(locale: Locale, prefix: string): Map<string, string> {
  return new Map(locale.keys(prefix).map((key) => [locale.t(`${prefix}.${key}`), key]));
}

/** What the locale prints around a table's number: "Table {{number}}:" → ["Table ", ":"]. */
function numberOf(locale: Locale, key: string): [string, string] {
  const marker = '\u0000';
  const [before = '', after = ''] = locale.t(key, { number: marker }).split(marker);
  return [before, after];
}

/**
 * `dataRefs`: the figures of the document's data (`table.row.column`); a field of ours printing one
 * comes back as `:data{ref=…}`.
 */
export async function importDocx(
  data: Uint8Array,
  meta: DocumentMeta,
  locale: Locale,
  dataRefs: Iterable<string> = [],
): Promise<DocxImport> {
  const known = new Set(dataRefs);
  const docx = await readPackage(data);
  const place: Place = { part: 'word/document.xml', paragraph: 0, words: '' };
  const messages: ImportMessage[] = [];
  const numbers = new FootnoteNumbers();
  const resolutionOf = (proposal: string | undefined) =>
    proposal === undefined ? meta.resolution : (meta.proposals.find((p) => p.id === proposal)?.resolution ?? meta.resolution);
  const options: BlockOptions = {
    context: {
      messages,
      place,
      comments: readComments(docx.comments),
      style: styleResolver(docx.styleNames),
      properties: docx.properties,
      isDataRef: (name) => known.has(name),
    },
    words: wordsOf(locale, 'callWords'),
    summaryKeys: wordsOf(locale, 'summary'),
    footnoteNumber: numbers.numberOf,
    tableNumber: numberOf(locale, 'labels.table'),
    figureNumber: numberOf(locale, 'labels.figure'),
    figurePlaceholder: locale.t('labels.figurePlaceholder'),
    lang: locale.lang,
    titleIsNamed: (proposal) => resolutionOf(proposal)?.title !== undefined,
    proposalResolution: (proposal) => {
      const number = meta.proposals.find((p) => p.id === proposal)?.resolution?.number;
      return number === undefined ? undefined : String(number);
    },
  };
  const body = readBlocks(docx.body, options, true);
  const footnotes = readFootnotes(docx.footnotes, numbers, place, (nodes) => readBlocks(nodes, options));
  return { body, footnotes, messages };
}
