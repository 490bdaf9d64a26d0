import type { RunFailureRow } from './certificate-run-records.service';
import { isRunActive, type CertificateRun } from './certificate-run.entity';

/** A run's counts: done is issued now or found already held; left is still pending. */
function counts(run: CertificateRun) {
  const done = run.issued + run.held;
  const left = run.total - done - run.failed;
  return { done, left, percent: run.total ? Math.floor(((run.total - left) * 100) / run.total) : 100 };
}

/** A run in the API; its failures when they are asked for (one run), not in a list. */
export function certificateRunJson(run: CertificateRun, failures?: RunFailureRow[]) {
  return {
    id: run.id,
    cohortId: run.cohortId,
    partId: run.partId,
    status: run.status,
    total: run.total,
    ...counts(run),
    failed: run.failed,
    issued: run.issued,
    alreadyHeld: run.held,
    startedById: run.startedById,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    ...(failures && {
      failures: failures.map((f) => ({
        enrolmentId: f.enrolment_id,
        userId: f.user_id,
        name: f.user_name,
        reason: f.reason,
        detail: f.detail,
      })),
    }),
  };
}

/** A run as its page and the cohort's certificates page show it. */
export function certificateRunPageView(run: CertificateRun) {
  return {
    id: run.id,
    cohortId: run.cohortId,
    status: run.status,
    statusKey: `certificateRuns.status.${run.status}`,
    active: isRunActive(run),
    failedRun: run.status === 'failed',
    total: run.total,
    settled: run.total - counts(run).left,
    ...counts(run),
    failed: run.failed,
    issued: run.issued,
    held: run.held,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function runFailuresView(failures: RunFailureRow[]) {
  return failures.map((f) => ({ name: f.user_name, reasonKey: `certificateRuns.reasons.${f.reason}`, detail: f.detail ?? '' }));
}
