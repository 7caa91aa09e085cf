/** A fuzz campaign: `runs` mutations of the corpus from one seed, each run through the harness. */
import type { FuzzHarness, Source } from './harness.js';
import { mutate, seeded } from './mutations.js';

/** The longest a single run may take. */
export const RUN_LIMIT_MS = 10_000;

export interface Finding {
  run: number;
  source: string;
  mutations: string[];
  problem: string;
  /** The mutated text, to run again by hand. */
  text: string;
}

export interface CampaignReport {
  runs: number;
  passed: number;
  slowest: { milliseconds: number; source: string };
  findings: Finding[];
}

export async function campaign(
  harness: FuzzHarness,
  sources: readonly Source[],
  options: { seed: number; runs: number; maxDepth: number; onRun?: (run: number, report: CampaignReport) => void },
): Promise<CampaignReport> {
  const random = seeded(options.seed);
  const report: CampaignReport = { runs: 0, passed: 0, slowest: { milliseconds: 0, source: '' }, findings: [] };
  for (let run = 1; run <= options.runs; run++) {
    const source = sources[Math.floor(random() * sources.length)]!;
    const name = `${source.docId}/${source.lang}.md`;
    const mutated = mutate(source.text, random, { maxDepth: options.maxDepth });
    const result = await harness.run(source, mutated.text);
    report.runs++;
    if (result.passed) report.passed++;
    if (result.milliseconds > report.slowest.milliseconds) report.slowest = { milliseconds: result.milliseconds, source: name };
    const problem = result.failure ?? (result.milliseconds > RUN_LIMIT_MS ? `took ${Math.round(result.milliseconds)} ms` : undefined);
    if (problem) report.findings.push({ run, source: name, mutations: mutated.did, problem, text: mutated.text });
    options.onRun?.(run, report);
  }
  return report;
}
