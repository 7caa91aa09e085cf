/** A thread of the build's pool (piscina): runs one document's job at a time, its failure sent back as data. */
import { runDocumentJob, type DocumentJob } from './document-job.js';
import { settle, type JobOutcome } from './job-errors.js';

export default function run(job: DocumentJob): Promise<JobOutcome> {
  return settle(runDocumentJob, job);
}
