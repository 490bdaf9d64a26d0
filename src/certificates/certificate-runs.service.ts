import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Cohort } from '../cohorts/cohort.entity';
import { CohortNotFoundError } from '../cohorts/cohorts.errors';
import { afterCommit, unitOfWork } from '../database/unit-of-work';
import { CertificateAccess } from './certificate-access.service';
import { CertificateRunRecords, type RunFailureRow } from './certificate-run-records.service';
import { isRunActive, type CertificateRun } from './certificate-run.entity';
import {
  CERTIFICATE_RUN_JOB_OPTIONS,
  CERTIFICATE_RUN_QUEUE,
  certificateRunJobId,
  type CertificateRunJob,
} from './certificate-runs.constants';
import { CertificateTemplatesService } from './certificate-templates.service';
import { CertificateRunNotFoundError, NoTemplateError, NothingToIssueError } from './certificates.errors';

export interface RunStart {
  run: CertificateRun;
  /** False when the cohort already had a run queued or running, which is returned instead. */
  created: boolean;
}

export interface RunOverview {
  eligible: number;
  latest: CertificateRun | null;
  active: CertificateRun | null;
}

/** How many of a cohort's runs its pages and API list. */
const LISTED = 20;

/**
 * Certificate runs: issuing every eligible trainee of a cohort in the background. Starting one writes the run and
 * one item per trainee who has completed the part without holding its certificate, in a unit of work whose commit
 * queues the job (job id = run id); a cohort has one run queued or running at a time, and starting again meanwhile
 * returns it. The worker's CertificateRunner issues the items in batches. Administrators only.
 */
@Injectable()
export class CertificateRunsService {
  private readonly logger = new Logger(CertificateRunsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(CERTIFICATE_RUN_QUEUE) private readonly queue: Queue<CertificateRunJob>,
    private readonly records: CertificateRunRecords,
    private readonly access: CertificateAccess,
    private readonly templates: CertificateTemplatesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * How many certificates a run started now would issue (the number its confirmation names), and the cohort's
   * latest run: the one queued or running, if any is, since none can start beside it.
   */
  async overview(actor: Actor, cohortId: string): Promise<RunOverview> {
    this.access.assertCanIssue(actor);
    await this.cohort(cohortId);
    const [eligible, [latest]] = await Promise.all([this.records.eligibleCount(cohortId), this.records.ofCohort(cohortId, 1)]);
    return { eligible, latest: latest ?? null, active: latest && isRunActive(latest) ? latest : null };
  }

  async start(actor: Actor, cohortId: string): Promise<RunStart> {
    this.access.assertCanIssue(actor);
    const cohort = await this.cohort(cohortId);
    if (!(await this.templates.find(cohort.part.programmeId))) throw new NoTemplateError();
    // A run that finishes between a refused insert and the look-up leaves room for a new one: the second try opens it.
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = await unitOfWork(this.dataSource, async (manager) => {
        const id = await this.records.open(manager, cohortId, actor.userId);
        if (!id) return null;
        const total = await this.records.addEligible(manager, id, cohortId);
        if (!total) throw new NothingToIssueError();
        await this.audit.record(
          { actor, action: 'certificate_run.started', entityType: 'certificate_run', entityId: id, after: { cohortId, total } },
          manager,
        );
        await afterCommit(manager, () => this.queueJobs([{ id, resumes: 0 }]));
        return (await this.records.find(id, manager))!;
      });
      if (started) return { run: started, created: true };
      const active = await this.records.active(cohortId);
      if (active) return { run: active, created: false };
    }
    throw new Error(`No certificate run of cohort ${cohortId} could be started or found`);
  }

  /** A run, for administrators. */
  async get(actor: Actor, runId: string): Promise<CertificateRun> {
    this.access.assertCanIssue(actor);
    const run = await this.records.find(runId);
    if (!run) throw new CertificateRunNotFoundError();
    return run;
  }

  /** A run of this cohort: the id of another cohort's run is not found here. */
  async ofCohort(actor: Actor, cohortId: string, runId: string): Promise<CertificateRun> {
    const run = await this.get(actor, runId);
    if (run.cohortId !== cohortId) throw new CertificateRunNotFoundError();
    return run;
  }

  /** The cohort's runs, newest first. */
  async list(actor: Actor, cohortId: string): Promise<CertificateRun[]> {
    this.access.assertCanIssue(actor);
    await this.cohort(cohortId);
    return this.records.ofCohort(cohortId, LISTED);
  }

  failures(run: CertificateRun): Promise<RunFailureRow[]> {
    return this.records.failures(run.id);
  }

  /**
   * Puts runs on the queue (after the commit that wrote them, and the sweep's requeue). A failure loses nothing:
   * the sweep queues every run still waiting.
   */
  async queueJobs(runs: { id: string; resumes: number }[]): Promise<void> {
    try {
      await this.queue.addBulk(
        runs.map((run) => ({
          name: 'issue',
          data: { runId: run.id },
          opts: { ...CERTIFICATE_RUN_JOB_OPTIONS, jobId: certificateRunJobId(run.id, run.resumes) },
        })),
      );
    } catch (error) {
      this.logger.warn({ err: error, count: runs.length }, 'Could not queue certificate runs now; the sweep will queue them');
    }
  }

  private async cohort(cohortId: string): Promise<Cohort> {
    const cohort = await this.dataSource.getRepository(Cohort).findOne({ where: { id: cohortId }, relations: { part: true } });
    if (!cohort) throw new CohortNotFoundError();
    return cohort;
  }
}
