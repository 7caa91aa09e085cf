/**
 * Times the PDF (marked copy) of every document and language: the first run
 * of each includes reading and parsing the fonts it needs for the first time,
 * the median of the others is the steady cost per document. Run with
 * `npx tsx bench/pdf.ts`; the goal is the Chinese Annex 1 under 2 seconds.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkProject, renderOutputs } from '../scripts/cli/pipeline.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const result = checkProject(root, {});
if (!result.ok) throw new Error('the corpus has problems: run `hexaglot check`');
console.log('document             lang  pages  first ms  median ms');
for (const build of result.builds) {
  for (const doc of build.versions) {
    const one = { ...result, builds: [{ ...build, versions: [doc] }] };
    const times: number[] = [];
    let pages = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const outputs = await renderOutputs(one, ['pdf']);
      times.push((performance.now() - start) / outputs.length);
      pages = (outputs[0]!.content.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    }
    console.log(
      `${doc.docId.padEnd(20)} ${doc.lang.padEnd(5)} ${String(pages).padStart(5)} ${times[0]!.toFixed(0).padStart(9)} ${median(times.slice(1)).toFixed(0).padStart(10)}`,
    );
  }
}
