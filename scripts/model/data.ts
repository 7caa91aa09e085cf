/**
 * Numbers as data: `content/<document>/data/<name>.yaml` holds figures shared
 * by every language version (a table of CHF thousands per priority and
 * period). The text cites them as `:data{ref=name.row.column}` and each
 * language prints them in its own format. Stated totals are checked against
 * the sums of their parts.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { parseDocument, isNode } from 'yaml';
import { location } from 'vfile-location';
import { reportError } from '../diagnostics/report.js';
import { readYaml } from '../read/yaml.js';
import { readTextFile } from '../read/text.js';

const row = z.record(z.string(), z.number());
const dataTableSchema = z.strictObject({
  /**
   * How the figures were rounded: each part is off by at most half this unit,
   * so a stated total may differ from the sum of n parts by (n + 1) / 2 units.
   */
  rounding: z.number().positive().default(1),
  /** The columns summed into the `total` column, in order. */
  columns: z.array(z.string()).min(1),
  /** Row name → column → figure; a `total` column and a `total` row are checked. */
  rows: z.record(z.string(), row),
});
export type DataTable = z.infer<typeof dataTableSchema>;

export interface DocumentData {
  files: VFile[];
  /** `name.row.column` → figure. */
  values: Map<string, number>;
}

export function loadDocumentData(docDir: string, root: string): DocumentData {
  const data: DocumentData = { files: [], values: new Map() };
  const dir = path.join(docDir, 'data');
  if (!existsSync(dir)) return data;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const { file, text } = readTextFile(path.join(dir, name), root);
    data.files.push(file);
    const table = text === undefined ? undefined : readYaml(file, text, 0, dataTableSchema, 'data table');
    if (!table) continue;
    const tableName = name.slice(0, -'.yaml'.length);
    checkTotals(file, table);
    for (const [rowName, values] of Object.entries(table.rows)) {
      for (const [column, value] of Object.entries(values)) data.values.set(`${tableName}.${rowName}.${column}`, value);
    }
  }
  return data;
}

function checkTotals(file: VFile, table: DataTable): void {
  const doc = parseDocument(String(file.value));
  const where = location(file);
  const place = (keyPath: string[]) => {
    const node = doc.getIn(keyPath, true);
    return isNode(node) && node.range ? where.toPoint(node.range[0]) : undefined;
  };
  const check = (stated: number | undefined, parts: (number | undefined)[], keyPath: string[], what: string) => {
    if (stated === undefined) return;
    if (parts.some((p) => p === undefined)) {
      reportError(
        file,
        place(keyPath),
        `${what}: a figure it adds up is missing`,
        'Give every column a figure, or remove the stated total',
        'data-total',
      );
      return;
    }
    const sum = (parts as number[]).reduce((a, b) => a + b, 0);
    const tolerance = ((parts.length + 1) / 2) * table.rounding;
    if (Math.abs(sum - stated) > tolerance) {
      reportError(
        file,
        place(keyPath),
        `${what} is stated as ${stated} but its parts add up to ${sum} (more than the rounding allows: ±${tolerance})`,
        'Correct the total or the figure that is wrong',
        'data-total',
      );
    }
  };
  const rows = Object.entries(table.rows).filter(([name]) => name !== 'total');
  for (const [name, values] of rows) {
    check(
      values.total,
      table.columns.map((c) => values[c]),
      ['rows', name, 'total'],
      `The total of row "${name}"`,
    );
  }
  const totals = table.rows.total;
  if (totals) {
    for (const column of [...table.columns, 'total']) {
      check(
        totals[column],
        rows.map(([, values]) => values[column]),
        ['rows', 'total', column],
        `The total of column "${column}"`,
      );
    }
  }
}

/** Making a number format costs far more than formatting with it: one per locale. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormatOf(intlLocale: string): Intl.NumberFormat {
  let format = numberFormats.get(intlLocale);
  if (!format) numberFormats.set(intlLocale, (format = new Intl.NumberFormat(intlLocale, { useGrouping: true, maximumFractionDigits: 3 })));
  return format;
}

/** A figure in the language's own digits and grouping (`numbers` in the locale). */
export function formatFigure(value: number, intlLocale: string, groupSeparator: string): string {
  return numberFormatOf(intlLocale)
    .formatToParts(value)
    .map((part) => (part.type === 'group' ? groupSeparator : part.value))
    .join('');
}
