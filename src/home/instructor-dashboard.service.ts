import { Injectable } from '@nestjs/common';
import { AttendanceStatsService, type UntakenSession } from '../attendance/attendance-stats.service';
import type { Actor } from '../common/actor';
import type { EssaysWaiting } from '../exams/exam-marking-records.service';
import { ExamMarkingService } from '../exams/exam-marking.service';
import { GradingQueueService, type WaitingWork } from '../grading/grading-queue.service';
import { MySessionsService, type ListedSession } from '../sessions/my-sessions.service';
import { actingUser } from '../users/acting-user';
import { SHOWN, sum } from './panel-lists';

export interface InstructorDashboard {
  /** The sessions of the Riga day that they teach (or whose cohort they teach). */
  today: ListedSession[];
  /** Sessions held without attendance taken, the latest first. */
  attendance: { total: number; items: UntakenSession[] };
  /** Handed-in work waiting to be graded, per cohort. */
  grading: { total: number; byCohort: WaitingWork[] };
  /** Essay answers of exams waiting to be marked, per exam. */
  essays: { total: number; byExam: EssaysWaiting[] };
}

/**
 * An instructor's panels. `actor` holds the instructor role alone (`actorInRole`), so each feature's own rules
 * give the cohorts they teach, whatever other roles the person has.
 */
@Injectable()
export class InstructorDashboardService {
  constructor(
    private readonly sessions: MySessionsService,
    private readonly attendance: AttendanceStatsService,
    private readonly grading: GradingQueueService,
    private readonly marking: ExamMarkingService,
  ) {}

  async build(actor: Actor, now: Date): Promise<InstructorDashboard> {
    const [today, attendance, grading, essays] = await Promise.all([
      this.sessions.today(actingUser(actor), now),
      actor.userId ? this.attendance.untaken(actor.userId, now, SHOWN) : { total: 0, items: [] },
      this.grading.waiting(actor),
      this.marking.waiting(actor),
    ]);
    return {
      today,
      attendance,
      grading: { total: sum(grading, (w) => w.waiting), byCohort: grading },
      essays: { total: sum(essays, (e) => e.toMark), byExam: essays },
    };
  }
}
