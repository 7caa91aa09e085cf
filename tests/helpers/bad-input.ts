/**
 * The bad-input cases of `tests/bad-input/<group>/<case>/`: each a `case.json` saying what to break
 * and the one message it must give, and the files it puts over a copy of the project (a file at
 * `<case>/content/tiny/zh.md` replaces `content/tiny/zh.md`). Every copy also gets the small valid
 * document of `tests/bad-input/tiny/` as `content/tiny`, which the cases break by default.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { checkProject } from '../../scripts/cli/pipeline.js';
import { formatMessages } from '../../scripts/diagnostics/report.js';
import { repoRoot } from './build.js';
import { hexaglot, hexaglotProcess, type CliRun } from './cli.js';
import { copyProject } from './project.js';
import { treeSnapshot } from './tree-snapshot.js';

/** Every file and folder under out/, each file with its bytes and time. */
export const snapshotOut = (root: string) => treeSnapshot(path.join(root, 'out'));

export const casesDir = path.join(repoRoot, 'tests/bad-input');
const tinyDir = path.join(casesDir, 'tiny');

const caseSchema = z.strictObject({
  /** What the case tries, in a few words. */
  about: z.string().min(1),
  /**
   * How the command runs: `api`, the check alone in-process (the default for `check`); `main`, the whole
   * command in-process (the default for `build`); `cli`, the real `hexaglot` process, for what only a process
   * shows (a stack trace on its stderr, its exit code).
   */
  command: z.enum(['check', 'build']).default('check'),
  via: z.enum(['api', 'main', 'cli']).optional(),
  /** The documents checked or built (`--doc`). */
  docs: z.array(z.string()).default(['tiny']),
  /** Extra CLI arguments (`--format html`). */
  args: z.array(z.string()).default([]),
  /** Changes to files of the copy: the first occurrence of `replace` becomes `with`. */
  edits: z.array(z.strictObject({ file: z.string(), replace: z.string(), with: z.string() })).default([]),
  /** Files or folders of the copy to delete. */
  remove: z.array(z.string()).default([]),
  /** The one message: its `file:line:column`, its rule, and words it must contain. */
  expect: z.strictObject({ where: z.string(), rule: z.string(), says: z.string().optional() }),
  exit: z.number().int().default(1),
});
export type BadInputCase = z.infer<typeof caseSchema> & { name: string; dir: string };

const CASE_FILES = new Set(['case.json', 'make.ts']);

export function loadCases(): BadInputCase[] {
  const cases: BadInputCase[] = [];
  for (const group of readdirSync(casesDir, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const entry of readdirSync(path.join(casesDir, group.name), { withFileTypes: true })) {
      const dir = path.join(casesDir, group.name, entry.name);
      if (!entry.isDirectory() || !existsSync(path.join(dir, 'case.json'))) continue;
      const spec = caseSchema.parse(JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')));
      cases.push({ ...spec, name: `${group.name}/${entry.name}`, dir });
    }
  }
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

export interface Project {
  root: string;
  remove(): void;
}

/** A copy of the project with `content/tiny` and the case applied (its files, edits, removals, and `make.ts`). */
export async function projectFor(testCase: BadInputCase | undefined): Promise<Project> {
  const project = copyProject();
  cpSync(tinyDir, path.join(project.root, 'content/tiny'), { recursive: true });
  if (!testCase) return project;
  for (const file of filesUnder(testCase.dir)) {
    const target = path.join(project.root, path.relative(testCase.dir, file));
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(file, target);
  }
  for (const edit of testCase.edits) {
    const file = path.join(project.root, edit.file);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(edit.replace)) throw new Error(`${testCase.name}: "${edit.replace}" is not in ${edit.file}`);
    writeFileSync(
      file,
      text.replace(edit.replace, () => edit.with),
    );
  }
  for (const gone of testCase.remove) rmSync(path.join(project.root, gone), { recursive: true, force: true });
  const make = path.join(testCase.dir, 'make.ts');
  if (existsSync(make)) {
    const module = (await import(pathToFileURL(make).href)) as { default: (root: string) => void };
    module.default(project.root);
  }
  return project;
}

/** The case's files to lay over the copy: everything in its folder but its own `case.json` and `make.ts`. */
function filesUnder(dir: string, caseRoot = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, caseRoot);
    return dir === caseRoot && CASE_FILES.has(entry.name) ? [] : [full];
  });
}

export interface Outcome {
  /** Every message line printed (no summary lines). */
  messages: string[];
  exit: number | undefined;
  /** Whatever the CLI printed to stderr besides messages and its summary line. */
  stray: string[];
}

/** `check` in-process, as `hexaglot check --doc …` runs it. */
export function checkInProcess(root: string, docs: string[]): Outcome {
  const result = checkProject(root, { docs });
  const text = formatMessages(result.files);
  return { messages: text ? text.split('\n') : [], exit: result.ok ? 0 : 1, stray: [] };
}

const argv = (command: string, docs: string[], args: string[]) => [command, ...docs.flatMap((doc) => ['--doc', doc]), ...args];

/** The whole command, `hexaglot <command> --doc …`, in-process in the copy. */
export async function runMain(root: string, command: string, docs: string[], args: string[]): Promise<Outcome> {
  return outcomeOf(await hexaglot(root, argv(command, docs, args)));
}

/** The real command, `node bin/hexaglot.js <command> --doc …`, in the copy. */
export function runCli(root: string, command: string, docs: string[], args: string[]): Outcome {
  return outcomeOf(hexaglotProcess(root, argv(command, docs, args), { timeout: 60_000 }));
}

/** What the command printed on stderr, sorted: its messages, and anything else besides its summary line. */
function outcomeOf(run: CliRun): Outcome {
  const lines = run.stderr.split('\n').filter(Boolean);
  const isMessage = (line: string) => / error: | warning: /.test(line) && /\[hexaglot:[\w-]+\]$/.test(line);
  const isSummary = (line: string) => line.startsWith('✗ ');
  return {
    messages: lines.filter(isMessage),
    exit: run.code ?? undefined,
    stray: lines.filter((line) => !isMessage(line) && !isSummary(line)),
  };
}

/** An earlier build's outputs, which a failed build must leave as they were. */
export function seedOut(root: string): void {
  mkdirSync(path.join(root, 'out/tiny'), { recursive: true });
  writeFileSync(path.join(root, 'out/tiny/PP22-39-A4-C.html'), '<!DOCTYPE html><title>an earlier build</title>\n');
  writeFileSync(path.join(root, 'out/tiny/PP22-39-A4-E-clean.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}
