import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { CertificateReads } from '../certificates/certificate-reads.service';
import type { Certificate } from '../certificates/certificate.entity';
import { CompletionAccess, type MemberCompletion } from '../completion/completion-access.service';
import { MyExamsService, type MyExam } from '../exams/my-exams.service';
import { MySessionsService, type ListedSession } from '../sessions/my-sessions.service';
import { MyAssignmentsService, type MyAssignment } from '../submissions/my-assignments.service';
import type { SubmissionState } from '../submissions/submission-state';
import { actingUser } from '../users/acting-user';
import { SHOWN } from './panel-lists';

/** Work still to hand in (its window open), and work handed in that waits for a grade. */
const TO_DO: readonly SubmissionState[] = ['not_submitted', 'draft', 'returned'];
const HANDED_IN: readonly SubmissionState[] = ['submitted', 'late'];

export interface TraineeDashboard {
  sessions: { items: ListedSession[]; total: number };
  work: {
    toDo: MyAssignment[];
    toDoTotal: number;
    handedIn: MyAssignment[];
    handedInTotal: number;
    /** Grades released, the latest first. */
    graded: MyAssignment[];
  };
  exams: MyExam[];
  /** Each part taken in a cohort that is still open, criterion by criterion. */
  progress: MemberCompletion[];
  /** Their certificates, the newest first. */
  certificates: { items: Certificate[]; total: number };
}

/**
 * A trainee's panels, each read through its feature: the next sessions, work to hand in and where it stands, the
 * exams, progress toward completing each part, the certificates to download.
 */
@Injectable()
export class TraineeDashboardService {
  constructor(
    private readonly sessions: MySessionsService,
    private readonly assignments: MyAssignmentsService,
    private readonly exams: MyExamsService,
    private readonly completion: CompletionAccess,
    private readonly certificates: CertificateReads,
  ) {}

  async build(actor: Actor, now: Date): Promise<TraineeDashboard> {
    const [sessions, work, exams, progress, certificates] = await Promise.all([
      this.sessions.upcoming(actingUser(actor), 1, SHOWN, now),
      this.assignments.list(actor),
      this.exams.list(actor),
      this.completion.mine(actor),
      this.certificates.mine(actor, 1, SHOWN),
    ]);
    const toDo = work.filter(({ work: w }) => TO_DO.includes(w.state) && w.deadlines.cutoffAt.getTime() > now.getTime());
    const handedIn = work.filter(({ work: w }) => HANDED_IN.includes(w.state));
    const graded = work
      .filter(({ work: w }) => w.state === 'graded' && w.grade?.releasedAt)
      .sort((a, b) => b.work.grade!.releasedAt!.getTime() - a.work.grade!.releasedAt!.getTime());
    return {
      sessions,
      work: {
        toDo: toDo.slice(0, SHOWN),
        toDoTotal: toDo.length,
        handedIn: handedIn.slice(0, SHOWN),
        handedInTotal: handedIn.length,
        graded: graded.slice(0, SHOWN),
      },
      exams: exams.slice(0, SHOWN),
      progress: progress.filter((m) => !m.cohort_closed_at),
      certificates,
    };
  }
}
