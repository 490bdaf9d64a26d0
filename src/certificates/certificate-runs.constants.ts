export const CERTIFICATE_RUN_QUEUE = 'certificate-runs';
export const CERTIFICATE_RUN_SWEEP_QUEUE = 'certificate-run-sweep';

export interface CertificateRunJob {
  runId: string;
}

/**
 * The job of a run: its id is the run's, with the number of times it was taken up again after its worker stopped
 * (`<run>-r<n>`), so queueing it again while it waits changes nothing and a resumed run gets a job of its own.
 * Retried twice on failure (a database or storage hiccup); after the third the run is marked failed.
 */
export function certificateRunJobId(runId: string, resumes: number): string {
  return resumes ? `${runId}-r${resumes}` : runId;
}

export const CERTIFICATE_RUN_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: true,
} as const;
