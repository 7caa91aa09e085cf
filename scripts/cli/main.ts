/**
 * `hexaglot`: build and check ITU documents.
 * Exit codes (exit-codes.ts): 0 ok, 1 errors in the sources, 2 wrong usage, 3 the environment, 4 a fault in hexaglot.
 */
import { existsSync, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { InvalidSourceError, countMessages, formatMessages, hasErrors } from '../diagnostics/report.js';
import { checkPart } from '../check/part.js';
import { listDocuments, projectPaths } from '../model/build.js';
import { summarize } from '../check/parity.js';
import { unusedKeys } from '../check/locales.js';
import { loadLocale } from '../i18n/locales.js';
import { LANGS, isLang, type Lang } from '../i18n/languages.js';
import { addReadingsCommand } from './readings.js';
import { addRedlineCommand } from './redline.js';
import { addRenumberCommand } from './renumber.js';
import { FORMATS, UsageError, checkProject, renderOutputs, type Assets, type Format, type Selection } from './pipeline.js';
import { nodeFileSystem, writeOutputs, type OutputContent, type OutputFileSystem } from './output-transaction.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, failureReport } from './exit-codes.js';

/** Where the CLI prints and writes: the process's streams and Node's file system, or a test's. */
export interface Io {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  fileSystem: OutputFileSystem;
}

const processIo: Io = { out: process.stdout, err: process.stderr, fileSystem: nodeFileSystem };

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

/** Prints every error and warning; returns the number of errors, and the warnings as a clause to add to a summary line. */
function reportProblems(
  out: NodeJS.WritableStream,
  files: Parameters<typeof formatMessages>[0],
  root: string,
): { count: number; warnings: string } {
  const relative = files.map((file) => {
    file.path = path.relative(process.cwd(), path.resolve(root, file.path)) || file.path;
    return file;
  });
  const text = formatMessages(relative);
  if (text) out.write(`${text}\n`);
  const { errors, warnings } = countMessages(files);
  return { count: errors, warnings: warnings ? ` and ${warnings} warning(s)` : '' };
}

function addCommon(command: Command): Command {
  return command
    .option('--root <dir>', 'project folder holding content/, locales/ and templates/', process.cwd())
    .option('--doc <id>', 'only this document (repeatable, or comma-separated)', list)
    .option('--lang <code>', `only this language: ${LANGS.join(', ')} (repeatable)`, list);
}

/** The exit code the command's action decided on, read by `main` once the action is done. */
export interface Status {
  code: number;
}

export function createProgram(io: Io = processIo, status: Status = { code: EXIT_OK }): Command {
  const { out, err } = io;
  const program = new Command('hexaglot')
    .description('Builds ITU conference documents from Markdown in six languages into HTML, DOCX and PDF.')
    .option('--debug', 'print the stack trace of a failure that is not a problem in the sources')
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
      const ok = await buildOnce(root, chosen, io);
      if (!options.watch) {
        if (!ok) status.code = EXIT_INPUT;
        return;
      }
      const debug = Boolean(program.opts<{ debug?: boolean }>().debug);
      await watchSources(root, () => buildOnce(root, chosen, io), io, debug);
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
      const { count, warnings } = reportProblems(err, result.files, root);
      const versions = result.builds.reduce((n, b) => n + b.versions.length, 0);
      if (!result.ok) {
        err.write(`✗ ${count} problem(s)${warnings} in ${result.builds.length} document(s).\n`);
        status.code = EXIT_INPUT;
        return;
      }
      out.write(`✓ ${result.builds.length} document(s), ${versions} language version(s): no problems${warnings}.\n`);
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
      const { count, warnings } = reportProblems(err, files, root);
      if (files.some(hasErrors)) {
        err.write(`✗ ${count} problem(s)${warnings} in the part.\n`);
        status.code = EXIT_INPUT;
        return;
      }
      out.write(`✓ ${file} matches lines ${options.lines} of the original: no problems${warnings}.\n`);
    });

  const reporter = {
    out,
    fail(result: { files: Parameters<typeof formatMessages>[0] }, root: string) {
      const { count, warnings } = reportProblems(err, result.files, root);
      err.write(`✗ ${count} problem(s)${warnings} found.\n`);
      status.code = EXIT_INPUT;
    },
  };
  addReadingsCommand(program, reporter);
  addRenumberCommand(program, reporter);
  addRedlineCommand(program, reporter);

  return program;
}

/**
 * Checks, then writes every output; false (and nothing written) when a source has a problem. The
 * outputs are written as one transaction: a failure to write leaves out/ as it was (output-transaction.ts).
 */
async function buildOnce(root: string, chosen: Selection, io: Io): Promise<boolean> {
  const { out, err } = io;
  const result = checkProject(root, chosen);
  // Warnings are printed and the build goes on; errors stop it.
  const { count, warnings } = reportProblems(err, result.files, root);
  if (!result.ok) {
    err.write(`✗ ${count} problem(s)${warnings} found; nothing was written.\n`);
    return false;
  }
  const assets: Assets = new Map();
  const outputs = await renderOutputs(result, chosen.formats ?? FORMATS, assets);
  const files = new Map<string, OutputContent>(assets);
  for (const output of outputs) files.set(output.file, output.content);
  writeOutputs(files, io.fileSystem);
  outputs.forEach((output, index) => {
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
  out.write(`✓ ${outputs.length} file(s) written${warnings}.\n`);
  return true;
}

/**
 * Builds again after every change to the sources, a moment after the last of a burst of changes
 * (an editor's save can touch a file several times), one build at a time. Runs until interrupted.
 */
function watchSources(root: string, rebuild: () => Promise<boolean>, io: Io, debug: boolean): Promise<never> {
  const { out, err } = io;
  const folders = ['content', 'locales', 'templates'].map((name) => path.join(root, name)).filter((dir) => existsSync(dir));
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const changed = (folder: string, name: string | null) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        out.write(`\n${path.relative(process.cwd(), path.join(folder, name ?? ''))} changed: building again…\n`);
        // A file removed or half-saved, or a full disk, must not end the watch: say what failed and wait for the next save.
        await rebuild().catch((error: unknown) => err.write(`✗ ${failureReport(error, debug).text}`));
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

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const status = { code: EXIT_OK };
  const program = createProgram(io, status);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return status.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.err.write(`hexaglot: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InvalidSourceError) {
      // A source check would have rejected, met by a command that reads it without checking first.
      io.err.write(`${error.message}\n`);
      return EXIT_INPUT;
    }
    // Read from argv: the failure may come before the options are parsed.
    const report = failureReport(error, argv.includes('--debug'));
    io.err.write(report.text);
    return report.code;
  }
}
