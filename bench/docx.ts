/**
 * Times the DOCX of every document and language (tracked copy) against pandoc
 * turning the same text, with every change accepted, from Markdown into DOCX.
 * Run with `npx tsx bench/docx.ts`; the goal is at least five times faster
 * than pandoc per document.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { directiveToMarkdown } from 'mdast-util-directive';
import type { Parents, Root, RootContent } from 'mdast';
import { checkProject, renderOutputs } from '../scripts/cli/pipeline.js';
import { createMarkdownReader } from '../scripts/parse/processor.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const RUNS = 5;
const reader = createMarkdownReader();

/** The source with every change accepted and editors' comments removed. */
function acceptAll(markdown: string): string {
  const tree = reader.parse(markdown) as Root;
  const accept = (node: Parents) => {
    const children = node.children as RootContent[];
    const accepted = children.flatMap((child): RootContent[] => {
      if (child.type === 'deletion' || child.type === 'editorComment' || child.type === 'yaml') return [];
      if (child.type === 'insertion') return child.children;
      if (child.type === 'substitution') return child.children[1].children;
      return [child];
    });
    node.children = accepted as typeof node.children;
    for (const child of node.children) if ('children' in child) accept(child as Parents);
  };
  accept(tree);
  return toMarkdown(tree, { extensions: [gfmToMarkdown(), directiveToMarkdown()] });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'hexaglot-bench-'));
try {
  const result = checkProject(root, {});
  if (!result.ok) throw new Error('the corpus has problems: run `hexaglot check`');
  console.log('document             lang  hexaglot ms  pandoc ms  pandoc / hexaglot');
  for (const build of result.builds) {
    for (const doc of build.versions) {
      const single = { ...result, builds: [{ ...build, versions: [doc] }], langs: undefined };
      const ours: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        const outputs = await renderOutputs(single, ['docx']);
        if (!outputs.some((o) => o.variant === 'tracked')) throw new Error('no tracked copy');
        ours.push((performance.now() - start) / outputs.length);
      }
      const source = path.join(root, doc.path);
      const markdown = path.join(scratch, `${doc.docId}.${doc.lang}.md`);
      writeFileSync(markdown, acceptAll(readFileSync(source, 'utf8')));
      const theirs: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        execFileSync('pandoc', ['-f', 'markdown', '-o', path.join(scratch, 'out.docx'), markdown], { stdio: 'ignore' });
        theirs.push(performance.now() - start);
      }
      const [a, b] = [median(ours), median(theirs)];
      console.log(
        `${doc.docId.padEnd(20)} ${doc.lang.padEnd(4)} ${a.toFixed(1).padStart(11)} ${b.toFixed(1).padStart(10)} ${(b / a).toFixed(1).padStart(18)}×`,
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
