/**
 * Redlines the whole Annex 1 (2028-2031) in every language, its rejected reading against its
 * accepted reading, beside `git diff --no-index --word-diff` on the same two readings written as
 * plain text (one line per run of text: label, paragraph, cell, caption, footnote). Prints the
 * time (median of several runs), the marks each makes and the characters they hold, and how many
 * Chinese marks cut a word as Intl.Segmenter cuts it. Run with `npx tsx bench/redline.ts`; the
 * aim is under 100 ms per language version.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkProject } from '../scripts/cli/pipeline.js';
import type { Lang } from '../scripts/i18n/languages.js';
import type { BlockNode, InlineNode, ModelDocument } from '../scripts/model/types.js';
import { forEachInlineRun } from '../scripts/model/walk.js';
import { reading } from '../scripts/passes/index.js';
import { canonicalBlocks, redline } from '../scripts/passes/redline/index.js';
import { cutsInside, marksInsideWords } from '../scripts/passes/redline/word-cuts.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DOCUMENT = 'res71-annex1-2028';
const WARM_UP = 5;
const RUNS = 11;

interface Marks {
  marks: number;
  /** Characters inside the marks, deleted and inserted. */
  chars: number;
  /** Chinese only: mark edges inside a word of either reading. */
  cuts?: number | undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall-clock and CPU time of this process, each the median of the runs after the warm-up. */
function timed<T>(run: () => T): { result: T; ms: number; cpuMs: number } {
  for (let turn = 0; turn < WARM_UP; turn++) run();
  const [wall, cpu]: [number[], number[]] = [[], []];
  let result!: T;
  for (let turn = 0; turn < RUNS; turn++) {
    const [start, startCpu] = [performance.now(), process.cpuUsage()];
    result = run();
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { result, ms: median(wall), cpuMs: median(cpu) };
}

function runsOf(doc: ModelDocument): { run: readonly InlineNode[]; block: BlockNode }[] {
  const found: { run: readonly InlineNode[]; block: BlockNode }[] = [];
  for (const blocks of [doc.body, ...doc.footnotes.map((note) => note.children)])
    forEachInlineRun(blocks, (run, block) => found.push({ run, block }));
  return found;
}

function printed(run: readonly InlineNode[]): string {
  return run
    .map((node) => {
      if (node.type === 'text' || node.type === 'callWord') return node.value;
      if (node.type === 'footnoteReference') return `[^${node.id}]`;
      if (node.type === 'break') return ' ';
      return 'children' in node && node.type !== 'editorComment' ? printed(node.children) : '';
    })
    .join('');
}

/** Marks as an editor counts them: a block inserted or deleted whole is one mark, else each insertion and deletion. */
function marksOf(doc: ModelDocument): Marks {
  const wholly = new Set<BlockNode>();
  const found: Marks = { marks: 0, chars: 0 };
  const inline = (run: readonly InlineNode[]) => {
    for (const node of run) {
      if (node.type === 'insertion' || node.type === 'deletion')
        [found.marks, found.chars] = [found.marks + 1, found.chars + [...printed(node.children)].length];
      else if ('children' in node) inline(node.children);
    }
  };
  for (const { run, block } of runsOf(doc)) {
    if ('change' in block && block.change) {
      wholly.add(block);
      found.chars += [...printed(run)].length;
    } else inline(run);
  }
  if (doc.lang === 'zh')
    found.cuts = runsOf(doc).reduce(
      (n, { run }) => n + marksInsideWords(run, 'accepted', 'zh').length + marksInsideWords(run, 'rejected', 'zh').length,
      0,
    );
  return { ...found, marks: found.marks + wholly.size };
}

/** The reading as git sees it: one line per run of printed text, a footnote call as its label. */
function plainText(doc: ModelDocument): string {
  const lines = runsOf(doc).map(({ run }) => printed(run));
  return `${lines.filter((line) => line.trim() !== '').join('\n')}\n`;
}

/** `git diff --word-diff=porcelain` read back: its marks, the characters in them, and for Chinese the marks that cut a word of either reading. */
function gitMarks(porcelain: string, lang: Lang): Marks {
  const found: Marks = { marks: 0, chars: 0, cuts: lang === 'zh' ? 0 : undefined };
  let line: { status: string; text: string }[] = [];
  const endLine = () => {
    for (const which of ['-', '+']) {
      let text = '';
      const edges: number[] = [];
      for (const part of line) {
        if (part.status !== ' ' && part.status !== which) edges.push(text.length);
        else if (part.status === ' ') text += part.text;
        else {
          edges.push(text.length);
          text += part.text;
          edges.push(text.length);
        }
      }
      if (found.cuts !== undefined) found.cuts += cutsInside(text, edges, lang).length;
    }
    line = [];
  };
  let inHunk = false;
  for (const row of porcelain.split('\n')) {
    if (row.startsWith('@@')) [inHunk, line] = [true, []];
    else if (!inHunk || row === '') continue;
    else if (row.startsWith('~')) endLine();
    else {
      const status = row[0]!;
      if (status !== ' ') {
        if (line.at(-1)?.status !== status) found.marks++;
        found.chars += [...row.slice(1)].length;
      }
      line.push({ status, text: row.slice(1) });
    }
  }
  return found;
}

function gitWordDiff(scratch: string, lang: Lang, old: string, next: string, regex?: string): Marks & { ms: number } {
  const [a, b] = [path.join(scratch, `${lang}-rejected.txt`), path.join(scratch, `${lang}-accepted.txt`)];
  writeFileSync(a, old);
  writeFileSync(b, next);
  const args = ['diff', '--no-index', '--no-color', '--word-diff=porcelain', ...(regex ? [`--word-diff-regex=${regex}`] : []), a, b];
  const { result, ms } = timed(() => spawnSync('git', args, { encoding: 'utf8', maxBuffer: 64 << 20 }));
  if (result.status !== 1) throw new Error(`git diff exited with ${result.status}: ${result.stderr}`);
  return { ms, ...gitMarks(result.stdout, lang) };
}

function sameReading(a: ModelDocument, b: ModelDocument): boolean {
  const form = (doc: ModelDocument) =>
    JSON.stringify(
      { body: canonicalBlocks(doc.body), notes: doc.footnotes.map((n) => canonicalBlocks(n.children)) },
      (key, value: unknown) => (key === 'position' ? undefined : value),
    );
  return form(a) === form(b);
}

const columns: [string, number][] = [
  ['lang', 4],
  ['by hand', 9],
  ['redline ms', 12],
  ['cpu ms', 8],
  ['marks', 7],
  ['chars', 7],
  ['cut', 5],
  ['git ms', 9],
  ['marks', 7],
  ['chars', 7],
  ['cut', 5],
  ['git chars ms', 14],
  ['marks', 7],
  ['chars', 7],
  ['cut', 5],
];
const row = (cells: string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(4) : cell.padStart(columns[index]![1]))).join('');
const marksCells = (found: Marks) => [String(found.marks), String(found.chars), found.cuts === undefined ? '–' : String(found.cuts)];

const scratch = mkdtempSync(path.join(tmpdir(), 'hexaglot-redline-'));
try {
  const result = checkProject(root, { docs: [DOCUMENT] });
  if (!result.ok) throw new Error('the corpus has problems: run `hexaglot check`');
  console.log(`content/${DOCUMENT}/<lang>.md: the rejected reading redlined against the accepted reading.
redline: IN-PROCESS, on the two models already built (no parsing, no process start); median of ${RUNS} runs after ${WARM_UP} warm-up
  runs, wall clock and this process's CPU time (the CPU time holds when other work shares the machine).
git: A WHOLE PROCESS per run, \`git diff --no-index --word-diff=porcelain\` on the two readings written as plain text files
  (start-up included); median of ${RUNS} runs, wall clock. git chars: the same with --word-diff-regex=. (each character a word).
by hand: the marks typed in the source. marks: insertions and deletions (a block inserted or deleted whole is one);
  chars: characters inside them; cut: Chinese mark edges that fall inside a word of either reading (Intl.Segmenter).
`);
  console.log(row(columns.map(([name]) => name)));
  for (const doc of result.builds[0]!.versions) {
    const [old, next] = [reading(doc, 'rejected'), reading(doc, 'accepted')];
    const ours = timed(() => redline(old, next));
    if (!sameReading(reading(ours.result, 'rejected'), old) || !sameReading(reading(ours.result, 'accepted'), next))
      throw new Error(`${doc.lang}: the redline does not give back both readings`);
    const [oldText, nextText] = [plainText(old), plainText(next)];
    const words = gitWordDiff(scratch, doc.lang, oldText, nextText);
    const chars = gitWordDiff(scratch, doc.lang, oldText, nextText, '.');
    console.log(
      row([
        doc.lang,
        String(marksOf(doc).marks),
        ours.ms.toFixed(1),
        ours.cpuMs.toFixed(1),
        ...marksCells(marksOf(ours.result)),
        words.ms.toFixed(1),
        ...marksCells(words),
        chars.ms.toFixed(1),
        ...marksCells(chars),
      ]),
    );
  }
  console.log('\nAim: under 100 ms per language version for the redline.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
