/**
 * Limits no real document reaches, checked before the input is parsed or walked, so that no input
 * makes the pipeline hang or overflow its stack (docs/dialect.md lists them). The largest
 * source today: a 137 KB language file, lists and tables nested 5 deep, 7 table columns, 36 rows, a
 * 85-character locale string.
 */
export const LIMITS = {
  /**
   * Bytes of any source text file: Markdown, YAML, JSON, templates, style sheets. Over twice the
   * largest source, and small enough that the densest markup (micromark reads `{++a++}` repeated at
   * about 40 KB/s) is read in under ten seconds.
   */
  fileBytes: 320 * 1024,
  /** Lists, block quotes and directives opened inside one another on one line, or by indentation. */
  blockNesting: 16,
  /** Revision marks, emphasis, links and labels inside one another in one paragraph. */
  inlineNesting: 16,
  /** `*` and `_` in one paragraph (the Markdown reader slows down with many). */
  emphasisMarkers: 1000,
  /** Levels of the parsed document, every construct inside another counting one. */
  treeDepth: 48,
  /** Columns of a table, counting merged cells. */
  tableColumns: 64,
  /** Rows of a table. */
  tableRows: 2000,
  /** Characters of one word of a locale file. */
  localeString: 2000,
  /** Objects and arrays inside one another in a JSON or YAML file. */
  dataNesting: 32,
  /** Blocks (`{{#if}}`, `{{#each}}`…) inside one another in a template. */
  templateNesting: 32,
} as const;

/** A size in bytes as people read it: 1 MiB, 300 KiB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}
