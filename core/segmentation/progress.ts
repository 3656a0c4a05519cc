import { RECOMPUTE_PHASES, type RecomputePhase } from './state';

interface Job {
  phase: RecomputePhase | null;
  running: boolean;
  startedAt: number;
}

/** How far each named recompute has got, for `segments:progress`; finished ones are kept briefly. */
export class RecomputeJobs {
  private readonly jobs = new Map<string, Job>();

  start(jobId: string): (phase: RecomputePhase) => void {
    this.jobs.set(jobId, { phase: null, running: true, startedAt: Date.now() });
    if (this.jobs.size > 20) this.jobs.delete(this.jobs.keys().next().value!);
    return (phase) => {
      const job = this.jobs.get(jobId);
      if (job) job.phase = phase;
    };
  }

  finish(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (job) job.running = false;
  }

  progress(jobId: string) {
    const job = this.jobs.get(jobId);
    const step = job?.phase ? RECOMPUTE_PHASES.indexOf(job.phase) + 1 : 0;
    return {
      phase: job?.phase ?? null,
      step: job && !job.running ? RECOMPUTE_PHASES.length : step,
      steps: RECOMPUTE_PHASES.length,
      running: job?.running ?? false,
      elapsedMs: job ? Date.now() - job.startedAt : 0,
    };
  }
}
