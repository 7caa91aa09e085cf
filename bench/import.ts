/**
 * `hexaglot import` as a user runs it, beside pandoc reading the same Word file: the tracked DOCX of
 * Annex 1 (2028-2031), every language, each a whole process timed from outside, median of several
 * runs, ratio in the same run. pandoc is asked for the same reading (`--track-changes=all`, every
 * insertion and deletion kept) into its Markdown. hexaglot does more in that time: it also reads the
 * current source (to keep its front matter and footnote labels) and the document's data.
 *
 * Run with `npm run compile && npm run build && npx tsx bench/import.ts [--quick]` on a quiet machine.
 * bench/README.md keeps the figures of the last run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = path.join(repo, 'bin/hexaglot.js');
const RUNS = process.argv.includes('--quick') ? 3 : 7;
const DOC = 'res71-annex1-2028';
const LETTERS: Record<string, string> = { A: 'ar', C: 'zh', E: 'en', F: 'fr', R: 'ru', S: 'es' };

interface Run {
  seconds: number;
}

function timed(command: string, args: readonly string[]): Run {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return { seconds };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function repeat(command: string, args: readonly string[]): Run {
  const runs = Array.from({ length: RUNS }, () => timed(command, args));
  return { seconds: median(runs.map((r) => r.seconds)) };
}

const folder = path.join(repo, 'out', DOC);
if (!existsSync(folder)) throw new Error(`no ${folder}: run \`npm run build\` first`);
const files = readdirSync(folder)
  .filter((name) => name.endsWith('-tracked.docx'))
  .sort();

console.log(`${RUNS} runs each, median; ${new Date().toISOString()}`);
console.log('| language | hexaglot import | pandoc -f docx --track-changes=all -t markdown | ratio |');
console.log('| --- | --- | --- | --- |');
for (const name of files) {
  const lang =
    LETTERS[
      name
        .replace(/-tracked\.docx$/, '')
        .split('-')
        .at(-1)!
    ]!;
  const file = path.join(folder, name);
  const ours = repeat('node', [bin, 'import', file, '--doc', DOC, '--lang', lang]);
  const theirs = repeat('pandoc', ['-f', 'docx', '--track-changes=all', '-t', 'markdown', '--wrap=none', file]);
  console.log(
    `| ${lang} | ${ours.seconds.toFixed(2)} s | ${theirs.seconds.toFixed(2)} s | ${(ours.seconds / theirs.seconds).toFixed(2)}× |`,
  );
}
