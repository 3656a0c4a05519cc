import type { ImportProgress } from './types';

interface Job {
  controller: AbortController;
  progress: ImportProgress;
}

/**
 * Imports in flight, by a caller-chosen job id: the screen polls their progress and may cancel them
 * through ordinary calls, which works the same over IPC, the loopback bridge and in tests.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  start(jobId: string | undefined): { signal?: AbortSignal; onProgress?: (p: ImportProgress) => void; done(): void } {
    if (!jobId) return { done: () => {} };
    const job: Job = { controller: new AbortController(), progress: { rows: 0, bytesRead: 0, totalBytes: 0, rowsPerSecond: 0 } };
    this.jobs.set(jobId, job);
    return {
      signal: job.controller.signal,
      onProgress: (p) => (job.progress = p),
      done: () => this.jobs.delete(jobId),
    };
  }

  progress(jobId: string): (ImportProgress & { running: boolean }) {
    const job = this.jobs.get(jobId);
    return job ? { ...job.progress, running: true } : { rows: 0, bytesRead: 0, totalBytes: 0, rowsPerSecond: 0, running: false };
  }

  /** Cancelling rolls the import's transaction back: the database stays exactly as before. */
  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    job?.controller.abort();
    return { cancelled: job !== undefined };
  }
}
