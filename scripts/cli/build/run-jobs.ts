/**
 * Runs the documents' jobs: on a pool of worker threads, one per core, when there is more than one
 * job and more than one core; otherwise in this thread (a rebuild of one document after a save starts
 * no thread). Outputs do not depend on where a job ran: each job is the same code on the same inputs.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { DocumentJob, DocumentResult } from './document-job.js';
import { rethrown, type JobOutcome } from './job-errors.js';

/** Worker threads load compiled code: run from the TypeScript sources (in tests), jobs stay in this thread. */
const compiled = import.meta.url.endsWith('.js');

export async function runJobs(jobs: readonly DocumentJob[], threads = availableParallelism()): Promise<DocumentResult[]> {
  if (jobs.length === 0) return [];
  const size = Math.min(threads, jobs.length);
  if (size <= 1 || !compiled) {
    const { runDocumentJob } = await import('./document-job.js');
    const results: DocumentResult[] = [];
    for (const job of jobs) results.push(await runDocumentJob(job));
    return results;
  }
  const pool = new Piscina<DocumentJob, JobOutcome>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: size,
    maxThreads: size,
    idleTimeout: 0,
  });
  try {
    const outcomes = await Promise.all(jobs.map((job) => pool.run(job)));
    return outcomes.map(rethrown);
  } finally {
    await pool.destroy();
  }
}
