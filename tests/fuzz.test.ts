/**
 * A few hundred mutations of the corpus's smaller sources from a fixed seed, each checked in process
 * and, when it passes, rendered as HTML: nothing throws but a diagnostic, no run takes over 10 s, and
 * every text of a source that passes reaches its page. `npm run fuzz -- --seed N --runs N` runs more,
 * over every source.
 */
import { describe, expect, it } from 'vitest';
import { paths } from './helpers/build.js';
import { FuzzHarness } from './fuzz/harness.js';
import { campaign } from './fuzz/campaign.js';

describe('fuzzed sources', () => {
  it('never crash, hang or lose a text that passes check', async () => {
    const harness = await FuzzHarness.create(paths);
    const sources = harness.sources(25_000);
    expect(sources.length).toBeGreaterThanOrEqual(10);
    const cpu = process.cpuUsage();
    const report = await campaign(harness, sources, { seed: 14, runs: 300, maxDepth: 64 });
    const summary = report.findings.map((f) => `run ${f.run}, ${f.source} (${f.mutations.join('; ')}): ${f.problem}`);
    expect(summary).toEqual([]);
    // Enough of the mutations pass check for the page comparison to mean something.
    expect(report.passed).toBeGreaterThan(30);
    // Under a minute of the processor's time: the wall clock also counts whatever else the machine runs.
    const { user, system } = process.cpuUsage(cpu);
    expect((user + system) / 1e6).toBeLessThan(60);
  });
});
