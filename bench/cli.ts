/**
 * hexaglot as a user runs it: every figure is a whole process (`node bin/hexaglot.js …`, the compiled
 * CLI), timed from outside, beside pandoc on the same text where pandoc does the same kind of work,
 * median of several runs, ratios taken in the same run. Peak memory is the process's peak resident set
 * (all its threads), read by /usr/bin/time.
 *
 * Run with `npm run compile && npx tsx bench/cli.ts [--quick]` on a quiet machine; the goals of issue 15
 * are printed beside each figure. bench/README.md keeps the figures of the last run and what they mean.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = path.join(repo, 'bin/hexaglot.js');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 5;

interface Timing {
  seconds: number;
  peakMiB: number;
}

/** One process timed from outside, with its peak memory. */
function run(command: string, args: readonly string[], cwd: string): Timing {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const [seconds, kib] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
  return { seconds, peakMiB: kib / 1024 };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function medianTiming(timings: readonly Timing[]): Timing {
  return { seconds: median(timings.map((t) => t.seconds)), peakMiB: median(timings.map((t) => t.peakMiB)) };
}

/** The median of RUNS runs. */
const repeat = (once: () => Timing) => medianTiming(Array.from({ length: RUNS }, once));

/** A copy of the project (content, locales, templates) with no out/. */
function project(): { root: string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'hexaglot-bench-'));
  for (const folder of ['content', 'locales', 'templates']) cpSync(path.join(repo, folder), path.join(root, folder), { recursive: true });
  symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

const hexaglot = (root: string, ...args: string[]) => run('node', [bin, ...args, '--root', root], root);

const rows: string[][] = [];
function row(what: string, figure: string, yardstick: string, goal: string, met: boolean | undefined) {
  rows.push([what, figure, yardstick, goal, met === undefined ? '' : met ? 'met' : 'missed']);
  console.log(rows.at(-1)!.join(' | '));
}
const s = (t: Timing) => `${t.seconds.toFixed(2)} s`;
const mib = (t: Timing) => `${Math.round(t.peakMiB)} MiB`;

// 1. Start-up.
const scratch = project();
const help = repeat(() => hexaglot(scratch.root, '--help'));
const pandocVersion = repeat(() => run('pandoc', ['--version'], scratch.root));
row('`hexaglot --help`', s(help), `pandoc --version ${s(pandocVersion)}`, '≤ 0.15 s', help.seconds <= 0.15);

// 2. One document, one language, one format, as a process, beside pandoc on the same text (accepted reading).
const doc = 'res71-annex1-2028';
const accepted = path.join(scratch.root, 'accepted.md');
writeFileSync(
  accepted,
  execFileSync('node', [bin, 'readings', '--doc', doc, '--lang', 'zh', '--root', scratch.root], { encoding: 'utf8' }),
);
for (const [format, pandocArgs] of [
  ['docx', ['-f', 'markdown', '-o', path.join(scratch.root, 'pandoc.docx'), accepted]],
  ['html', ['-f', 'markdown', '-s', '--metadata', 'title=bench', '-o', path.join(scratch.root, 'pandoc.html'), accepted]],
] as const) {
  const ours = repeat(() => hexaglot(scratch.root, 'build', '--doc', doc, '--lang', 'zh', '--format', format, '--force'));
  const theirs = repeat(() => run('pandoc', pandocArgs, scratch.root));
  row(
    `\`build --doc ${doc} --lang zh --format ${format} --force\``,
    `${s(ours)} (${(ours.seconds / theirs.seconds).toFixed(2)}× pandoc)`,
    `pandoc ${s(theirs)}`,
    'faster than pandoc',
    ours.seconds < theirs.seconds,
  );
}
scratch.remove();

// 3. The whole corpus: cold on every core and on one thread, no-op, after one edit.
const corpus = project();
const coldRuns: Timing[] = [];
const singleRuns: Timing[] = [];
for (let i = 0; i < (quick ? 1 : 3); i++) {
  rmSync(path.join(corpus.root, 'out'), { recursive: true, force: true });
  coldRuns.push(hexaglot(corpus.root, 'build'));
  rmSync(path.join(corpus.root, 'out'), { recursive: true, force: true });
  singleRuns.push(hexaglot(corpus.root, 'build', '--jobs', '1'));
}
const [cold, single] = [medianTiming(coldRuns), medianTiming(singleRuns)];
row(
  `whole corpus cold, ${availableParallelism()} threads`,
  `${s(cold)}, peak ${mib(cold)}`,
  `one thread ${s(single)}, peak ${mib(single)} (${(single.seconds / cold.seconds).toFixed(2)}× faster)`,
  '≤ 5 s; peak ≤ 400 MiB',
  cold.seconds <= 5 && cold.peakMiB <= 400,
);
hexaglot(corpus.root, 'build'); // the outputs the no-op finds
const noop = repeat(() => hexaglot(corpus.root, 'build'));
row('whole corpus, nothing changed', `${s(noop)}, peak ${mib(noop)}`, '', '≤ 0.5 s', noop.seconds <= 0.5);
const edited = path.join(corpus.root, 'content', doc, 'zh.md');
const edit = repeat(() => {
  writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n`);
  return hexaglot(corpus.root, 'build');
});
row(`whole corpus after one edit (${doc}/zh.md)`, s(edit), `cold ${s(cold)}`, '', undefined);

// 4. The HTML preview: a save of a language file until its page is on disk, seen from outside.
async function previewLatency(docId: string): Promise<number[]> {
  const watcher = spawn('node', [bin, 'build', '--watch', '--format', 'html', '--doc', docId, '--lang', 'zh', '--root', corpus.root], {
    cwd: corpus.root,
  });
  let log = '';
  watcher.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const waitFor = async (pattern: RegExp, from: number) => {
    while (!pattern.test(log.slice(from))) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  await waitFor(/Watching/, 0);
  await new Promise((resolve) => setTimeout(resolve, 3000)); // the warm-up preview
  const source = path.join(corpus.root, 'content', docId, 'zh.md');
  const page = readFileSync(path.join(corpus.root, 'out/.hexaglot/manifest.json'), 'utf8').match(
    new RegExp(`"${docId}/zh/html/":\\{[^}]*"file":"([^"]+)"`),
  )![1]!;
  const latencies: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const before = statSync(path.join(corpus.root, page)).mtimeMs;
    const from = log.length;
    const start = performance.now();
    writeFileSync(source, `${readFileSync(source, 'utf8')}\n`);
    while (statSync(path.join(corpus.root, page)).mtimeMs === before) await new Promise((resolve) => setImmediate(resolve));
    latencies.push(performance.now() - start);
    await waitFor(/Watching/, from);
  }
  watcher.kill();
  return latencies.slice(1); // the first save after start-up is not an editor's typical one
}
for (const docId of ['res71-proposal', doc]) {
  const latencies = await previewLatency(docId);
  const ms = median(latencies);
  row(`HTML preview after a save, ${docId} zh`, `${Math.round(ms)} ms`, '', '≤ 100 ms', ms <= 100);
}
corpus.remove();

// 5. A synthetic corpus made from the real documents: how time and memory grow with the work.
const sizes = quick ? [7, 28] : [7, 50, 100, 200];
const real = listDocuments();
for (const count of sizes) {
  const synthetic = project();
  for (let i = real.length; i < count; i++) {
    const from = real[i % real.length]!;
    const to = `${from}-copy${i}`;
    cpSync(path.join(synthetic.root, 'content', from), path.join(synthetic.root, 'content', to), { recursive: true });
  }
  const html = hexaglot(synthetic.root, 'build', '--format', 'html');
  row(`synthetic corpus, ${count} documents, HTML, cold`, `${s(html)}, peak ${mib(html)}`, '', '', undefined);
  synthetic.remove();
}

function listDocuments(): string[] {
  return execFileSync('ls', [path.join(repo, 'content')], { encoding: 'utf8' })
    .split('\n')
    .filter((name) => name && existsSync(path.join(repo, 'content', name, 'document.yaml')));
}

console.log(
  `\n| what | figure | beside | goal | |\n| --- | --- | --- | --- | --- |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`,
);
