/** What every pass of the model builder shares: the file, its locale and metadata. */
import type { VFile } from 'vfile';
import type { Position, Point } from 'unist';
import { reportError } from '../diagnostics/report.js';
import { MissingLocaleKeyError, type Locale } from '../i18n/locales.js';
import type { DocumentMeta } from './metadata.js';
import type { DocumentData } from './data.js';

export interface GridCellPlace {
  table: Position | undefined;
  row: number;
  column: number;
}

/** A word of the locale; a missing key is handed to `report` with how to fix it, and yields the key itself. */
export function lookUp(
  locale: Locale,
  key: string,
  values: Record<string, string | number> | undefined,
  report: (problem: string, fix: string) => void,
): string {
  try {
    return locale.t(key, values);
  } catch (error) {
    if (!(error instanceof MissingLocaleKeyError)) throw error;
    report(`Missing locale key "${key}" for language "${locale.lang}"`, `Add "${key}" to ${error.localeFile}`);
    return key;
  }
}

/** The words a pass prints (figure and table numbers), a missing one reported at its place in the language file. */
export type Words = (key: string, position: Position | undefined, values?: Record<string, string | number>) => string;

export function wordsOf(locale: Locale, file: VFile): Words {
  return (key, position, values) =>
    lookUp(locale, key, values, (problem, fix) => reportError(file, position, problem, fix, 'missing-locale-key'));
}

/** An id names a place in every format: an HTML id, a Word bookmark (which starts with a letter or _). */
const ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

export class BuildContext {
  /** Set while building the content of a grid-table cell, whose inner positions are cell-relative. */
  gridCell: GridCellPlace | undefined;
  readonly ids = new Map<string, Position | undefined>();

  constructor(
    readonly file: VFile,
    readonly locale: Locale,
    readonly meta: DocumentMeta,
    readonly docDir: string,
    readonly data: DocumentData = { files: [], values: new Map() },
  ) {}

  /** A node's position as the reader should see it in the source file. */
  place(position: Position | undefined): Position | undefined {
    return this.gridCell ? this.gridCell.table : position;
  }

  error(position: Position | Point | undefined, problem: string, fix: string, ruleId: string): void {
    if (this.gridCell && (!position || 'start' in position)) {
      const { table, row, column } = this.gridCell;
      reportError(this.file, table, `${problem} (in the table cell at row ${row}, column ${column})`, fix, ruleId);
      return;
    }
    reportError(this.file, position, problem, fix, ruleId);
  }

  /** Looks a word up in the locale; a missing key is reported at `position` and yields the key itself. */
  t(key: string, position: Position | undefined, values?: Record<string, string | number>): string {
    return lookUp(this.locale, key, values, (problem, fix) => this.error(position, problem, fix, 'missing-locale-key'));
  }

  /** Registers an id; an id that is no name, or a second use of one, is an error (naming the first). */
  claimId(id: string, position: Position | undefined): boolean {
    if (!ID.test(id)) {
      this.error(
        position,
        `The id "${id}" is not a name`,
        'An id is a letter or _ and then letters, digits, _ or -, at most 64 in all: `{#tab-goals}`',
        'invalid-id',
      );
      return false;
    }
    if (this.ids.has(id)) {
      const first = this.ids.get(id);
      this.error(
        position,
        `Duplicate id "${id}" (first used at line ${first?.start.line ?? '?'}:${first?.start.column ?? '?'})`,
        'Give each heading, table, figure and anchor its own id',
        'duplicate-id',
      );
      return false;
    }
    this.ids.set(id, this.place(position));
    return true;
  }
}
