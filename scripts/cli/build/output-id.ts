/** An output of a document: `lang/format/copy`, the copy empty for a format's only copy. */
export const outputId = (lang: string, format: string, copy: string | undefined) => `${lang}/${format}/${copy ?? ''}`;
