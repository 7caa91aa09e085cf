/**
 * `hexaglot`: build and check ITU documents.
 * Exit codes (exit-codes.ts): 0 ok, 1 errors in the sources, 2 wrong usage, 3 the environment, 4 a fault in hexaglot.
 *
 * This module defines the commands and nothing heavier: each command's work (the parser, the checks,
 * the writers and their fonts) is loaded when that command runs, so `--help` starts at once.
 */
import { Command, CommanderError, Option } from 'commander';
import { InvalidSourceError } from '../diagnostics/report.js';
import { LANGS, isLang, type Lang } from '../i18n/languages.js';
import { FORMATS, type Format } from '../render/writers.js';
import { nodeFileSystem } from './output-transaction.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, failureReport } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import type { CommandContext, Io, Status } from './commands/context.js';
import type { Selection } from './pipeline.js';

export type { Io, Status };

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

function language(value: string): Lang {
  if (!isLang(value)) throw new UsageError(`unknown language "${value}"; use one of ${LANGS.join(', ')}`);
  return value;
}

function threads(value: string): number {
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new UsageError(`--jobs takes a number of threads, 1 or more, not "${value}"`);
  return Number(value);
}

function lineNumber(value: string): number {
  if (!/^[1-9]\d{0,6}$/.test(value)) throw new UsageError(`--line takes a line number, 1 or more, not "${value}"`);
  return Number(value);
}

function port(value: string): number {
  const number = Number(value);
  if (!/^\d{1,5}$/.test(value) || number > 65535)
    throw new UsageError(`--port takes a port number, 0 (any free port) to 65535, not "${value}"`);
  return number;
}

function selection(options: CommonOptions & { format?: string[] }): Selection {
  const formats = options.format?.map((format) => {
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`unknown format "${format}"; use one of ${FORMATS.join(', ')}`);
    return format as Format;
  });
  return { docs: options.doc, langs: options.lang?.map(language), formats };
}

const ROOT_HELP = 'project folder holding content/, locales/ and templates/';

function addCommon(command: Command): Command {
  return command
    .option('--root <dir>', ROOT_HELP, process.cwd())
    .option('--doc <id>', 'only this document (repeatable, or comma-separated)', list)
    .option('--lang <code>', `only this language: ${LANGS.join(', ')} (repeatable)`, list);
}

export function createProgram(io: Io = processIo, status: Status = { code: EXIT_OK }): Command {
  const { out, err } = io;
  const program = new Command('hexaglot')
    .description('Builds ITU conference documents from Markdown in six languages into HTML, DOCX and PDF.')
    .option('--debug', 'print the stack trace of a failure that is not a problem in the sources')
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) })
    .exitOverride();
  const context = (): CommandContext => ({ io, status, debug: Boolean(program.opts<{ debug?: boolean }>().debug) });

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
    .option('--force', 'make every output again, even those whose sources have not changed since the last build')
    .option('--jobs <n>', 'build on at most this many threads (default: one per core)', threads)
    .action(async (options: CommonOptions & { format?: string[]; watch?: boolean; force?: boolean; jobs?: number }) => {
      const chosen = selection(options);
      const { runBuild } = await import('./commands/build.js');
      await runBuild(chosen, options, context());
    });

  addCommon(
    program
      .command('serve')
      .description(
        'Build what changed, serve out/ to a browser on this machine, and after each save build again and reload the open pages it changed (the saved page first).',
      ),
  )
    .addOption(new Option('--format <name>', `only this format: ${FORMATS.join(', ')} (repeatable)`).argParser(list))
    .option('--port <n>', 'the port to serve on', port, 4173)
    .addOption(
      new Option('--host <address>', 'the loopback address to serve on').choices(['127.0.0.1', '::1', 'localhost']).default('127.0.0.1'),
    )
    .action(async (options: CommonOptions & { format?: string[]; port: number; host: '127.0.0.1' | '::1' | 'localhost' }) => {
      const chosen = selection(options);
      const { runServe } = await import('./commands/serve.js');
      await runServe(chosen, options, context());
    });

  addCommon(
    program
      .command('check')
      .description(
        'Check every selected document without writing anything: syntax, revision marks, footnotes, ids, metadata, locale keys, and the parity of every language version with the original.',
      ),
  )
    .option('--summary', 'also print, per document and language: blocks, insertions, deletions, footnotes, bracketed passages')
    .option('--brackets', 'also print every bracketed passage (text not yet agreed), one line each: file:line:column: [words]')
    .action(async (options: CommonOptions & { summary?: boolean; brackets?: boolean }) => {
      const chosen = selection(options);
      const { runCheck } = await import('./commands/check.js');
      await runCheck(chosen, options, context());
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
    .option('--root <dir>', ROOT_HELP, process.cwd())
    .action(async (file: string, options: { doc: string; lang: string; lines: string; root: string }) => {
      if (!isLang(options.lang)) throw new UsageError(`unknown language "${options.lang}"; one of ${LANGS.join(', ')}`);
      const range = /^(\d+)-(\d+)$/.exec(options.lines);
      if (!range || Number(range[1]) > Number(range[2]))
        throw new UsageError(`--lines takes two line numbers, e.g. 227-433, not "${options.lines}"`);
      const { runCheckPart } = await import('./commands/check-part.js');
      const lines = { from: Number(range[1]), to: Number(range[2]) };
      runCheckPart(file, { ...options, lang: options.lang, lines }, context());
    });

  addCommon(
    program
      .command('status')
      .description(
        'Print, per document and language, how many blocks of each translation are current, outdated (the original block changed since it was translated), unrecorded (not reviewed since it was last changed) or missing; with --lang or --blocks, which, at their lines.',
      ),
  )
    .option('--blocks', 'also list every block that needs work, at its place in the translation (or the original, for a missing block)')
    .action(async (options: CommonOptions & { blocks?: boolean }) => {
      const chosen = selection(options);
      const { runStatus } = await import('./commands/status.js');
      runStatus(chosen, options, context());
    });

  program
    .command('reviewed')
    .description(
      "Record one block of a translation (the block at --line), or the whole file, as translated from the original as it is now, in the language's translation status (content/<document>/translation-status/<lang>.yaml).",
    )
    .requiredOption('--doc <id>', 'the document')
    .requiredOption('--lang <code>', `the translation's language: ${LANGS.join(', ')}`)
    .option('--line <n>', 'only the block at this line of the translation (default: every block)', lineNumber)
    .option('--root <dir>', ROOT_HELP, process.cwd())
    .action(async (options: { doc: string; lang: string; line?: number; root: string }) => {
      const lang = language(options.lang);
      const { runReviewed } = await import('./commands/reviewed.js');
      runReviewed({ ...options, lang }, context());
    });

  program
    .command('readings')
    .description(
      'Print one language version of a document with every change accepted (the default) or rejected, as clean dialect: the text the proposal makes, or the text it changes.',
    )
    .requiredOption('--doc <id>', 'the document')
    .requiredOption('--lang <code>', `the language: ${LANGS.join(', ')}`)
    .option('--accepted', 'every change accepted: the new text (the default)')
    .option('--rejected', 'every change rejected: the text as it stood before')
    .option('--root <dir>', ROOT_HELP, process.cwd())
    .action(async (options: { doc: string; lang: string; accepted?: boolean; rejected?: boolean; root: string }) => {
      if (options.accepted && options.rejected) throw new UsageError('give --accepted or --rejected, not both');
      const lang = language(options.lang);
      const { runReadings } = await import('./commands/readings.js');
      runReadings({ ...options, lang }, context());
    });

  program
    .command('renumber')
    .description(
      'After a paragraph is inserted or removed, number each series of labels again (a) b) c)…, 1 2 3…, 2.1 2.2…) in every language of the document, each changed label marked {--old--}{++new++}, and write the files in place.',
    )
    .requiredOption('--doc <id>', 'the document')
    .option('--lang <code>', `only these languages: ${LANGS.join(', ')} (repeatable, or comma-separated; default: every language)`, list)
    .option('--dry-run', 'print what would change, write nothing')
    .option('--root <dir>', ROOT_HELP, process.cwd())
    .action(async (options: { doc: string; lang?: string[]; dryRun?: boolean; root: string }) => {
      const langs = options.lang?.map(language);
      const { runRenumber } = await import('./commands/renumber.js');
      runRenumber({ ...options, lang: langs }, context());
    });

  program
    .command('redline')
    .description(
      'Mark the new text against the old: prints the new text with every change from the old marked {--deleted--}{++inserted++} (paragraphs, labels, list items, table cells and footnotes aligned first, then words as each language cuts them). A file that already has marks is taken as its accepted reading.',
    )
    .argument('<old>', 'the text before: a <lang>.md in a document folder (content/<document>/<lang>.md)')
    .argument('<new>', 'the text after, in the same language; its document.yaml, front matter and data make the result')
    .option('--write', 'write the result in place of <new> (atomically) instead of printing it')
    .option('--root <dir>', 'project folder holding locales/ (and content/)', process.cwd())
    .action(async (oldFile: string, newFile: string, options: { write?: boolean; root: string }) => {
      const { runRedline } = await import('./commands/redline.js');
      runRedline(oldFile, newFile, options, context());
    });

  program
    .command('import')
    .description(
      "Read a Word file (tracked changes, comments, footnotes, tables with merged cells) into the dialect: prints it, or writes it to --out; with --diff, shows what it changes against the document's current text, block by block, and writes nothing.",
    )
    .argument('<file>', 'the .docx file')
    .requiredOption('--doc <id>', 'the document it is a language version of (its document.yaml gives the metadata)')
    .requiredOption('--lang <code>', `its language: ${LANGS.join(', ')}`)
    .option('--out <file>', 'write the dialect to this file (atomically) instead of printing it')
    .option('--diff', 'show what it changes against content/<doc>/<lang>.md, block by block; write nothing')
    .option('--root <dir>', ROOT_HELP, process.cwd())
    .action(async (file: string, options: { doc: string; lang: string; out?: string; diff?: boolean; root: string }) => {
      const lang = language(options.lang);
      const { runImport } = await import('./commands/import.js');
      await runImport(file, { ...options, lang }, context());
    });

  const xliff = program
    .command('xliff')
    .description(
      'Exchange a translation with CAT tools (Trados, memoQ, eLUNa) as XLIFF 2.0: one unit per block of the original, footnote calls, call words, figures, labels and revision marks as codes the tool keeps.',
    );
  xliff
    .command('export')
    .description(
      "Write the original and its translation into --lang as XLIFF 2.0: each block's words as a source, the translation's as its target.",
    )
    .requiredOption('--doc <id>', 'the document')
    .requiredOption('--lang <code>', `the translation's language: ${LANGS.join(', ')}`)
    .option('--out <file>', 'write the XLIFF to this file (atomically) instead of printing it')
    .option('--root <dir>', ROOT_HELP, process.cwd())
    .action(async (options: { doc: string; lang: string; out?: string; root: string }) => {
      const lang = language(options.lang);
      const { runXliffExport } = await import('./commands/xliff.js');
      runXliffExport({ ...options, lang }, context());
    });
  xliff
    .command('import')
    .description(
      'Put the targets of an XLIFF file back into their blocks of the translation: prints the dialect, or writes it to --out; with --diff, shows what it changes, block by block. A unit whose protected codes were damaged is reported and left out.',
    )
    .argument('<file>', 'the .xlf file, as the CAT tool saved it')
    .requiredOption('--doc <id>', 'the document it was exported from')
    .requiredOption('--lang <code>', `its target language: ${LANGS.join(', ')}`)
    .option('--out <file>', 'write the dialect to this file (atomically) instead of printing it')
    .option('--diff', 'show what it changes against content/<doc>/<lang>.md, block by block; write nothing')
    .option('--root <dir>', ROOT_HELP, process.cwd())
    .action(async (file: string, options: { doc: string; lang: string; out?: string; diff?: boolean; root: string }) => {
      const lang = language(options.lang);
      const { runXliffImport } = await import('./commands/xliff.js');
      runXliffImport(file, { ...options, lang }, context());
    });

  return program;
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
