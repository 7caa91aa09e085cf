/**
 * `hexaglot`: build and check ITU documents.
 * Exit codes: 0 ok, 1 errors in the sources, 2 wrong usage.
 */
import { existsSync, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { InvalidSourceError, formatMessages, hasErrors } from '../diagnostics/report.js';
import { checkPart } from '../check/part.js';
import { listDocuments, projectPaths } from '../model/build.js';
import { summarize } from '../check/parity.js';
import { unusedKeys } from '../check/locales.js';
import { loadLocale } from '../i18n/locales.js';
import { LANGS, isLang, type Lang } from '../i18n/languages.js';
import { addReadingsCommand } from './readings.js';
import { FORMATS, UsageError, checkProject, renderOutputs, writeAtomically, type Assets, type Format, type Selection } from './pipeline.js';

const EXIT_OK = 0;
const EXIT_INPUT = 1;
const EXIT_USAGE = 2;

interface CommonOptions {
  root: string;
  doc?: string[];
  lang?: string[];
}

function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

function selection(options: CommonOptions & { format?: string[] }): Selection {
  const langs = options.lang?.map((lang) => {
    if (!isLang(lang)) throw new UsageError(`unknown language "${lang}"; use one of ${LANGS.join(', ')}`);
    return lang as Lang;
  });
  const formats = options.format?.map((format) => {
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`unknown format "${format}"; use one of ${FORMATS.join(', ')}`);
    return format as Format;
  });
  return { docs: options.doc, langs, formats };
}

function reportProblems(out: NodeJS.WritableStream, files: Parameters<typeof formatMessages>[0], root: string): number {
  const relative = files.map((file) => {
    file.path = path.relative(process.cwd(), path.resolve(root, file.path)) || file.path;
    return file;
  });
  const text = formatMessages(relative);
  const count = files.reduce((n, f) => n + f.messages.length, 0);
  if (text) out.write(`${text}\n`);
  return count;
}

function addCommon(command: Command): Command {
  return command
    .option('--root <dir>', 'project folder holding content/, locales/ and templates/', process.cwd())
    .option('--doc <id>', 'only this document (repeatable, or comma-separated)', list)
    .option('--lang <code>', `only this language: ${LANGS.join(', ')} (repeatable)`, list);
}

export function createProgram(out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Command {
  const program = new Command('hexaglot')
    .description('Builds ITU conference documents from Markdown in six languages into HTML (and, as they land, DOCX and PDF).')
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) })
    .exitOverride();

  addCommon(
    program
      .command('build')
      .description(
        'Check every selected document, then write each language and format into out/. Nothing is written if any source has an error.',
      ),
  )
    .addOption(new Option('--format <name>', `only this format: ${FORMATS.join(', ')} (repeatable)`).argParser(list))
    .option(
      '--watch',
      'after building, build again whenever a file under content/, locales/ or templates/ changes (for previews while editing)',
    )
    .action(async (options: CommonOptions & { format?: string[]; watch?: boolean }) => {
      const chosen = selection(options);
      const root = path.resolve(options.root);
      const ok = await buildOnce(root, chosen, out, err);
      if (!options.watch) {
        if (!ok) process.exitCode = EXIT_INPUT;
        return;
      }
      await watchSources(root, () => buildOnce(root, chosen, out, err), out, err);
    });

  addCommon(
    program
      .command('check')
      .description(
        'Check every selected document without writing anything: syntax, revision marks, footnotes, ids, metadata, locale keys, and the parity of every language version with the original.',
      ),
  )
    .option('--summary', 'also print, per document and language: blocks, insertions, deletions, footnotes, bracketed passages')
    .action(async (options: CommonOptions & { summary?: boolean }) => {
      const root = path.resolve(options.root);
      const result = checkProject(root, selection(options));
      if (options.summary && result.ok) {
        out.write(summaryTable(result));
        // Rendering looks up the words of the page; without it only the model's words count as used.
        await renderOutputs(result, FORMATS);
        out.write(unusedReport(result));
      }
      const count = reportProblems(err, result.files, root);
      const versions = result.builds.reduce((n, b) => n + b.versions.length, 0);
      if (!result.ok) {
        err.write(`✗ ${count} problem(s) in ${result.builds.length} document(s).\n`);
        process.exitCode = EXIT_INPUT;
        return;
      }
      out.write(`✓ ${result.builds.length} document(s), ${versions} language version(s): no problems.\n`);
    });

  program
    .command('check-part')
    .description(
      'Check a part of a translation (a file with front matter, holding the translation of some lines of the original) against those lines of the original, so a long document can be translated in parts and each part checked as it lands.',
    )
    .argument('<file>', 'the translated part')
    .requiredOption('--doc <id>', 'the document the part belongs to')
    .requiredOption('--lang <code>', `the part's language: ${LANGS.join(', ')}`)
    .requiredOption('--lines <from-to>', 'the lines of the original the part translates, e.g. 227-433')
    .option('--root <dir>', 'project folder holding content/, locales/ and templates/', process.cwd())
    .action((file: string, options: { doc: string; lang: string; lines: string; root: string }) => {
      const root = path.resolve(options.root);
      const paths = projectPaths(root);
      if (!listDocuments(paths).includes(options.doc)) throw new UsageError(`unknown document "${options.doc}"`);
      if (!isLang(options.lang)) throw new UsageError(`unknown language "${options.lang}"; one of ${LANGS.join(', ')}`);
      const range = /^(\d+)-(\d+)$/.exec(options.lines);
      if (!range || Number(range[1]) > Number(range[2]))
        throw new UsageError(`--lines takes two line numbers, e.g. 227-433, not "${options.lines}"`);
      if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
      const files = checkPart(paths, options.doc, options.lang, { from: Number(range[1]), to: Number(range[2]) }, file);
      const count = reportProblems(err, files, root);
      if (files.some(hasErrors)) {
        err.write(`✗ ${count} problem(s) in the part.\n`);
        process.exitCode = EXIT_INPUT;
        return;
      }
      out.write(`✓ ${file} matches lines ${options.lines} of the original: no problems.\n`);
    });

  addReadingsCommand(program, {
    out,
    fail(result, root) {
      const count = reportProblems(err, result.files, root);
      err.write(`✗ ${count} problem(s) found.\n`);
      process.exitCode = EXIT_INPUT;
    },
  });

  return program;
}

/** Checks, then writes every output; false (and nothing written) when a source has a problem. */
async function buildOnce(root: string, chosen: Selection, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<boolean> {
  const result = checkProject(root, chosen);
  if (!result.ok) {
    const count = reportProblems(err, result.files, root);
    err.write(`✗ ${count} problem(s) found; nothing was written.\n`);
    return false;
  }
  const assets: Assets = new Map();
  const outputs = await renderOutputs(result, chosen.formats ?? FORMATS, assets);
  for (const [file, content] of assets) writeAtomically(file, content);
  outputs.forEach((output, index) => {
    writeAtomically(output.file, output.content);
    const size = Buffer.byteLength(output.content);
    const kind = `${output.format}${output.variant ? ` ${output.variant}` : ''}`;
    out.write(
      `[${index + 1}/${outputs.length}] ${kind.padEnd(12)} ${output.doc.lang}  ${path.relative(process.cwd(), output.file)}  ${(size / 1024).toFixed(1)} KB\n`,
    );
  });
  if (outputs.length === 0) {
    err.write('Nothing to build: no selected document has a version in the selected languages.\n');
    return true;
  }
  out.write(`✓ ${outputs.length} file(s) written.\n`);
  return true;
}

/**
 * Builds again after every change to the sources, a moment after the last of a burst of changes
 * (an editor's save can touch a file several times), one build at a time. Runs until interrupted.
 */
function watchSources(
  root: string,
  rebuild: () => Promise<boolean>,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<never> {
  const folders = ['content', 'locales', 'templates'].map((name) => path.join(root, name)).filter((dir) => existsSync(dir));
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const changed = (folder: string, name: string | null) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        out.write(`\n${path.relative(process.cwd(), path.join(folder, name ?? ''))} changed: building again…\n`);
        // A file removed or half-saved must not end the watch: say what failed and wait for the next save.
        await rebuild().catch((error: unknown) => err.write(`✗ ${error instanceof Error ? error.message : String(error)}\n`));
        out.write(WATCHING);
      });
    }, 150);
  };
  // Each folder on its own: a watch on a folder sees a file replaced by rename (as many editors save),
  // where a recursive watch may keep following the replaced file.
  for (const folder of folders.flatMap(subfolders)) watch(folder, (_event, name) => changed(folder, name));
  out.write(WATCHING);
  return new Promise<never>(() => {});
}

function subfolders(dir: string): string[] {
  return [
    dir,
    ...readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => subfolders(path.join(dir, entry.name))),
  ];
}

const WATCHING = 'Watching content/, locales/ and templates/ for changes (Ctrl-C to stop).\n';

function unusedReport(result: ReturnType<typeof checkProject>): string {
  const lines = LANGS.map((lang) => {
    const locale = loadLocale(result.paths.locales, lang);
    const unused = unusedKeys(locale.resources, locale.used);
    return `  ${lang}: ${unused.length ? unused.join(', ') : '(none)'}`;
  });
  return `Locale keys not used by these documents:\n${lines.join('\n')}\n\n`;
}

function summaryTable(result: ReturnType<typeof checkProject>): string {
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

export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`hexaglot: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InvalidSourceError) {
      // A source check would have rejected, met by a command that reads it without checking first.
      process.stderr.write(`${error.message}\n`);
      return EXIT_INPUT;
    }
    throw error;
  }
}
