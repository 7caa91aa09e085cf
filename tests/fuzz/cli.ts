/**
 * `npm run fuzz -- --seed 7 --runs 2000`: a longer fuzz campaign than the test's, by hand, over every
 * source of the corpus (annexes included). Each finding is printed, and its mutated source saved so
 * that it can be checked again with `hexaglot check`. Exits 1 when anything was found.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { paths } from '../helpers/build.js';
import { FuzzHarness } from './harness.js';
import { campaign } from './campaign.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    runs: { type: 'string', default: '1000' },
    'max-depth': { type: 'string', default: '200' },
    'max-bytes': { type: 'string', default: 'Infinity' },
    out: { type: 'string' },
  },
});
const seed = Number(values.seed);
const runs = Number(values.runs);
const maxDepth = Number(values['max-depth']);
const maxBytes = Number(values['max-bytes']);
if (![seed, runs, maxDepth].every(Number.isInteger) || maxDepth < 2 || Number.isNaN(maxBytes)) {
  process.stderr.write('usage: npm run fuzz -- [--seed N] [--runs N] [--max-depth N ≥ 2] [--max-bytes N] [--out folder]\n');
  process.exit(2);
}
const out = values.out ?? path.join(tmpdir(), `hexaglot-fuzz-${seed}`);

const harness = await FuzzHarness.create(paths);
const sources = harness.sources(maxBytes);
process.stdout.write(`seed ${seed}: ${runs} runs over ${sources.length} sources\n`);
const report = await campaign(harness, sources, {
  seed,
  runs,
  maxDepth,
  onRun: (run, so) => {
    if (run % 50 === 0) process.stdout.write(`  ${run}/${runs}: ${so.passed} passed check, ${so.findings.length} finding(s)\n`);
  },
});
for (const finding of report.findings) {
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `run-${finding.run}-${finding.source.replaceAll('/', '-')}`);
  writeFileSync(file, finding.text);
  process.stdout.write(
    `✗ run ${finding.run}, ${finding.source} (${finding.mutations.join('; ')}): ${finding.problem}\n  source: ${file}\n`,
  );
}
process.stdout.write(
  `${report.findings.length ? '✗' : '✓'} ${report.runs} runs, ${report.passed} passed check, ${report.findings.length} finding(s); slowest ${Math.round(report.slowest.milliseconds)} ms (${report.slowest.source})\n`,
);
process.exitCode = report.findings.length ? 1 : 0;
