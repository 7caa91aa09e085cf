/**
 * Runs the documents' jobs: on a pool of worker threads, one per core, when there is more than one
 * job and more than one core; otherwise in this thread (a rebuild of one document after a save starts
 * no thread). Outputs do not depend on where a job ran: each job is the same code on the same inputs.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { DocumentJob, DocumentResult } from './document-job.js';
import { rethrown, settle, type JobOutcome } from './job-errors.js';

/**
 * The heap each worker thread may grow to. V8 lets a heap grow far past what it holds alive before it
 * collects; the largest document (the annex, six languages, every format) lives in well under this, so
 * the cap keeps a build's memory near what its largest document needs. A document that does not fit
 * is built again in this thread, whose heap has no such cap.
 */
const WORKER_HEAP_MIB = 128;

/** Worker threads load compiled code: run from the TypeScript sources (in tests), jobs stay in this thread. */
const compiled = import.meta.url.endsWith('.js');

/** Runs every job; `done` is given each result as soon as its job ends, in the order they end. */
export async function runJobs(
  jobs: readonly DocumentJob[],
  threads = availableParallelism(),
  done: (result: DocumentResult) => void,
): Promise<void> {
  if (jobs.length === 0) return;
  const size = Math.min(threads, jobs.length);
  if (size <= 1 || !compiled) {
    const { runDocumentJob } = await import('./document-job.js');
    for (const job of jobs) done(await runDocumentJob(job));
    return;
  }
  const pool = new Piscina<DocumentJob, JobOutcome>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: size,
    maxThreads: size,
    idleTimeout: 0,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MIB },
  });
  const inThisThread = async (job: DocumentJob) => settle((await import('./document-job.js')).runDocumentJob, job);
  try {
    await Promise.all(
      jobs.map(async (job) => {
        const outcome = await pool.run(job).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return inThisThread(job);
          throw error;
        });
        done(rethrown(outcome));
      }),
    );
  } finally {
    await pool.destroy();
  }
}
