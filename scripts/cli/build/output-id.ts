/** An output of a document: `lang/format/copy`, the copy empty for a format's only copy. */
export const outputId = (lang: string, format: string, copy: string | undefined) => `${lang}/${format}/${copy ?? ''}`;

/** The document's review page (all its languages in one page): an output of the pseudo-language `review`. */
export const REVIEW = 'review';
export const REVIEW_OUTPUT = outputId(REVIEW, 'html', undefined);

/** A document's review page is made by a build of all its languages that makes the HTML. */
export const reviewed = (langs: readonly string[] | undefined, formats: readonly string[]) =>
  langs === undefined && formats.includes('html');
