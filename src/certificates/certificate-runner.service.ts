import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, personActor } from '../common/actor';
import { DomainError } from '../common/errors';
import { PhaseTimings } from '../common/phase-timings';
import type { Role } from '../common/roles';
import { unitOfWork } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { CertificateLogoError } from './certificate-pdf.errors';
import type { RunFailureReason } from './certificate-run-item.entity';
import { CertificateRunRecords, type ItemSettlement } from './certificate-run-records.service';
import { EnrolmentNotFoundError, NoTemplateError, NotCompletedError, SerialTakenError } from './certificates.errors';
import type { DrawnAhead } from './certificate-writer';
import { CertificatesService, type EnrolmentIssue } from './certificates.service';

/** Trainees issued per transaction. */
export const RUN_BATCH = 25;

export type RunOutcome = 'done' | 'busy' | 'skipped' | 'failed';

/** The next batch's trainees, as read ahead of it, and their certificates drawn ahead (none when a refusal stopped that). */
interface NextBatch {
  count: number;
  lastPosition: number;
  drawn: DrawnAhead | undefined;
}

/**
 * Issues a certificate run's trainees in batches, each batch one unit of work of the certificates service: its
 * trainees' items locked (`SKIP LOCKED`), their certificates written with consecutive serials, the items settled
 * and the run's counts moved, all committed together. A worker that dies mid-batch loses only that uncommitted
 * batch (its serials return to the counter); whoever takes the run up again goes on from the items still pending.
 *
 * The worker holds the run's advisory lock on a connection of its own while it runs it, so a second job for the
 * same run (a retry, the sweep's requeue) finds it busy and leaves it; the lock goes with the connection when the
 * worker dies, which is how the sweep tells an interrupted run. A batch that fails for one trainee (a refusal, an
 * unreadable logo) is issued again one trainee at a time, so that trainee is recorded as failed with the reason
 * and the others get theirs.
 *
 * Drawing the PDFs is most of the work, and it happens outside the batches' transactions: while one batch is issued,
 * the next one's certificates are drawn on the render threads with the serials they will get once this one has
 * taken its own (CertificateWriter.drawAhead), so a batch's transaction, which holds the serial counter, waits for
 * no drawing unless a serial came out otherwise than expected.
 */
@Injectable()
export class CertificateRunner {
  private readonly logger = new Logger(CertificateRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CertificateRunRecords,
    private readonly certificates: CertificatesService,
  ) {}

  async run(runId: string): Promise<RunOutcome> {
    const connection = this.dataSource.createQueryRunner();
    await connection.connect();
    try {
      if (!(await this.records.tryLock(connection.manager, runId))) return 'busy';
      try {
        return await this.runLocked(runId);
      } finally {
        await this.records.unlock(connection.manager, runId).catch(() => undefined);
      }
    } finally {
      await connection.release();
    }
  }

  /** After the last attempt failed: the run is marked failed, its page says why. */
  async failed(runId: string, error: unknown): Promise<void> {
    await this.records.fail(runId, error instanceof Error ? error.message : String(error));
  }

  private async runLocked(runId: string): Promise<RunOutcome> {
    const run = await this.records.claim(runId);
    if (!run) return 'skipped';
    const actor = await this.starter(run.startedById, runId);
    if (!actor) {
      await this.records.fail(runId, 'The administrator who started the run can no longer issue certificates');
      return 'failed';
    }
    const timings = new PhaseTimings();
    const started = performance.now();
    let settled = 0;
    let next = await this.drawNext(runId, actor, 0, undefined, timings);
    for (;;) {
      const current = next;
      // The next batch's serials come after this one's; its counter read sees every batch committed so far.
      next = current.count ? await this.drawNext(runId, actor, current.lastPosition, current.drawn, timings) : current;
      await timings.time('drawing', () => current.drawn?.ready ?? Promise.resolve());
      const count = await this.batch(runId, actor, timings, current.drawn).finally(
        () => current.drawn && this.certificates.discardUnused(current.drawn),
      );
      if (!count) break;
      settled += count;
    }
    await this.records.finish(runId);
    this.logger.log(
      { runId, settled, durationMs: Math.round(performance.now() - started), phasesMs: timings.summary() },
      'Certificate run finished',
    );
    return 'done';
  }

  /** The administrator who started the run, as the certificates' issuer; null when they can no longer issue. */
  private async starter(userId: string | null, runId: string): Promise<Actor | null> {
    const user = userId ? await this.dataSource.getRepository(User).findOneBy({ id: userId }) : null;
    if (!user || user.disabledAt || !user.roles.includes('admin')) return null;
    return { ...personActor({ id: user.id, roles: user.roles as Role[], language: user.language }), requestId: `certificate-run:${runId}` };
  }

  /**
   * Reads the pending trainees after `afterPosition` that the next batch will take and starts drawing their
   * certificates. A refusal (no template, say) draws nothing: the batch meets it again and records it.
   */
  private async drawNext(
    runId: string,
    actor: Actor,
    afterPosition: number,
    before: DrawnAhead | undefined,
    timings: PhaseTimings,
  ): Promise<NextBatch> {
    return timings.time('reading ahead', async () => {
      const items = await this.records.peekPending(runId, afterPosition, RUN_BATCH);
      if (!items.length) return { count: 0, lastPosition: afterPosition, drawn: undefined };
      const ids = items.map((item) => item.enrolment_id);
      const drawn = await this.certificates.drawAhead(actor, ids, before).catch((error: unknown) => {
        if (error instanceof DomainError) return undefined;
        throw error;
      });
      return { count: items.length, lastPosition: items[items.length - 1].position, drawn };
    });
  }

  /** Settles the next batch of pending trainees; how many (0: none was left). */
  private async batch(runId: string, actor: Actor, timings: PhaseTimings, ahead?: DrawnAhead): Promise<number> {
    try {
      return await timings.time('batches', () =>
        unitOfWork(this.dataSource, async (manager) => {
          const items = await timings.time('take', () => this.records.takePending(manager, runId, RUN_BATCH));
          if (!items.length) return 0;
          const ids = items.map((item) => item.enrolment_id);
          const outcomes = await this.certificates.issueEnrolments(actor, manager, ids, timings, ahead);
          await timings.time('settle', () =>
            this.records.settle(
              manager,
              runId,
              ids.map((id, i) => settlement(id, outcomes[i])),
            ),
          );
          return items.length;
        }),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn({ runId, err: error }, 'A batch of a certificate run failed; issuing its trainees one at a time');
      return this.oneByOne(runId, actor);
    }
  }

  /** Settles up to a batch of pending trainees one per transaction, recording a refusal as that trainee's failure. */
  private async oneByOne(runId: string, actor: Actor): Promise<number> {
    let settled = 0;
    for (; settled < RUN_BATCH; settled++) {
      let enrolmentId: string | undefined;
      try {
        const took = await unitOfWork(this.dataSource, async (manager) => {
          const [item] = await this.records.takePending(manager, runId, 1);
          if (!item) return false;
          enrolmentId = item.enrolment_id;
          const [outcome] = await this.certificates.issueEnrolments(actor, manager, [enrolmentId]);
          await this.records.settle(manager, runId, [settlement(enrolmentId, outcome)]);
          return true;
        });
        if (!took) break;
      } catch (error) {
        if (!(error instanceof DomainError) || !enrolmentId) throw error;
        const failedId = enrolmentId;
        await unitOfWork(this.dataSource, (manager) => this.records.settle(manager, runId, [failure(failedId, error)]));
      }
    }
    return settled;
  }
}

function settlement(enrolmentId: string, outcome: EnrolmentIssue): ItemSettlement {
  if (outcome instanceof DomainError) return failure(enrolmentId, outcome);
  return { enrolmentId, status: outcome.created ? 'issued' : 'held', certificateId: outcome.certificate.id, reason: null, detail: null };
}

/** The reason each refusal is recorded under; any other is `unexpected`, with its code. */
const REASONS: [abstract new (...args: never[]) => DomainError, RunFailureReason][] = [
  [NotCompletedError, 'not_completed'],
  [EnrolmentNotFoundError, 'not_completed'],
  [NoTemplateError, 'no_template'],
  [SerialTakenError, 'serial_taken'],
  [CertificateLogoError, 'logo_unreadable'],
];

/** A trainee's failure: the reason, and the detail its message names (the serial taken, the logo's number). */
function failure(enrolmentId: string, error: DomainError): ItemSettlement {
  const reason = REASONS.find(([type]) => error instanceof type)?.[1] ?? 'unexpected';
  const detail = error.params.serial ?? error.params.number ?? (reason === 'unexpected' ? error.code : null);
  return {
    enrolmentId,
    status: 'failed',
    certificateId: null,
    reason,
    detail: detail === null || detail === undefined ? null : String(detail),
  };
}
