/**
 * `hexaglot check`: every selected document checked, nothing written; with `--summary`, what each version
 * holds; with `--brackets`, every bracketed passage (text not yet agreed) at its file:line:column.
 */
import path from 'node:path';
import { summarize } from '../../check/parity.js';
import { unusedKeys } from '../../check/locales.js';
import { loadLocale } from '../../i18n/locales.js';
import { LANGS } from '../../i18n/languages.js';
import { FORMATS } from '../../render/writers.js';
import { EXIT_INPUT } from '../exit-codes.js';
import { checkProject, renderOutputs, type CheckResult, type Selection } from '../pipeline.js';
import { reportProblems } from '../report-problems.js';
import type { CommandContext } from './context.js';
import { reviewOf } from '../../check/review.js';

export async function runCheck(
  selection: Selection,
  options: { root: string; summary?: boolean; brackets?: boolean },
  { io, status }: CommandContext,
): Promise<void> {
  const { out, err } = io;
  const root = path.resolve(options.root);
  const result = checkProject(root, selection);
  if (options.summary && result.ok) {
    out.write(summaryTable(result));
    // Rendering looks up the words of the page; without it only the model's words count as used.
    await renderOutputs(result, FORMATS);
    out.write(unusedReport(result));
  }
  if (options.brackets) out.write(bracketReport(result));
  const { count, warnings } = reportProblems(err, result.files, root);
  const versions = result.builds.reduce((n, b) => n + b.versions.length, 0);
  if (!result.ok) {
    err.write(`✗ ${count} problem(s)${warnings} in ${result.builds.length} document(s).\n`);
    status.code = EXIT_INPUT;
    return;
  }
  out.write(`✓ ${result.builds.length} document(s), ${versions} language version(s): no problems${warnings}.\n`);
}

function unusedReport(result: CheckResult): string {
  const lines = LANGS.map((lang) => {
    const locale = loadLocale(result.paths.locales, lang);
    const unused = unusedKeys(locale.resources, locale.used);
    return `  ${lang}: ${unused.length ? unused.join(', ') : '(none)'}`;
  });
  return `Locale keys not used by these documents:\n${lines.join('\n')}\n\n`;
}

function summaryTable(result: CheckResult): string {
  const header = ['document', 'lang', 'blocks', 'insertions', 'deletions', 'footnotes', 'bracketed'];
  const rows = result.builds.flatMap((build) =>
    build.versions.map((doc) => {
      const s = summarize(doc);
      const lang = doc.lang === doc.meta.originalLanguage ? `${doc.lang}*` : doc.lang;
      return [build.docId, lang, s.blocks, s.insertions, s.deletions, s.footnotes, s.bracketed].map(String);
    }),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n(* the original)\n\n`;
}

/**
 * The bracketed passages of every document, as the review page lists them (the original first, then
 * the other languages): a line per passage, `content/<doc>/<lang>.md:line:column: [words…]`, under a
 * line per document with the count in each language.
 */
export function bracketReport(result: Pick<CheckResult, 'builds'>): string {
  return result.builds
    .map((build) => {
      const { languages } = reviewOf(build.versions);
      const total = languages.reduce((n, language) => n + language.passages.length, 0);
      const counts = languages.map((language) => `${language.doc.lang} ${language.passages.length}`).join(', ');
      const lines = languages.flatMap((language) =>
        language.passages.map(
          (passage) =>
            `${language.source}:${passage.line ?? 1}:${passage.column ?? 1}: ${passage.excerpt}${passage.closed ? '' : ' … (not closed)'}`,
        ),
      );
      return `${build.docId}: ${total} bracketed passage(s)${counts ? ` (${counts})` : ''}\n${lines.map((line) => `${line}\n`).join('')}\n`;
    })
    .join('');
}
