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
    try {
      return this.locale.t(key, values);
    } catch (error) {
      if (!(error instanceof MissingLocaleKeyError)) throw error;
      this.error(
        position,
        `Missing locale key "${key}" for language "${this.locale.lang}"`,
        `Add "${key}" to ${error.localeFile}`,
        'missing-locale-key',
      );
      return key;
    }
  }

  /** Registers an id; a second use of the same id is an error naming the first. */
  claimId(id: string, position: Position | undefined): void {
    if (this.ids.has(id)) {
      const first = this.ids.get(id);
      this.error(
        position,
        `Duplicate id "${id}" (first used at line ${first?.start.line ?? '?'}:${first?.start.column ?? '?'})`,
        'Give each heading, table, figure and anchor its own id',
        'duplicate-id',
      );
      return;
    }
    this.ids.set(id, this.place(position));
  }
}
