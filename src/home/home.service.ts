import { Injectable } from '@nestjs/common';
import { type Actor, actorHasRole } from '../common/actor';
import { CohortsService } from '../cohorts/cohorts.service';
import { GradingQueueService } from '../grading/grading-queue.service';
import { MyAssignmentsService } from '../submissions/my-assignments.service';
import { rigaDateTimeInputs } from '../i18n/dates';
import { sessionPageView } from '../sessions/session-views';
import { OutboxAdminService } from '../notifications/outbox-admin.service';
import { MySessionsService } from '../sessions/my-sessions.service';
import { actingUser } from '../users/acting-user';

const SHOWN = 3;

/**
 * What each person sees first, until the dashboards come: what is next for them, read through the features'
 * own services and only for the roles the person has.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly sessions: MySessionsService,
    private readonly assignments: MyAssignmentsService,
    private readonly grading: GradingQueueService,
    private readonly cohorts: CohortsService,
    private readonly outbox: OutboxAdminService,
  ) {}

  async page(actor: Actor, now: Date) {
    const [sessions, trainee, instructor, admin] = await Promise.all([
      actorHasRole(actor, 'trainee', 'instructor') ? this.nextSessions(actor, now) : null,
      actorHasRole(actor, 'trainee') ? this.work(actor, now) : null,
      actorHasRole(actor, 'instructor') ? this.toGrade(actor) : null,
      actorHasRole(actor, 'admin') ? this.overview(now) : null,
    ]);
    return { sessions, trainee, instructor, admin };
  }

  /** Today's sessions, or the next ones when there are none today. */
  private async nextSessions(actor: Actor, now: Date) {
    const today = await this.sessions.today(actingUser(actor), now);
    const listed = today.length ? today : (await this.sessions.upcoming(actingUser(actor), 1, SHOWN, now)).items;
    return { today: today.length > 0, items: listed.map(({ session, cohortName }) => sessionPageView(session, cohortName, now)) };
  }

  /** Work still to hand in, soonest due first, and the grades released most recently. */
  private async work(actor: Actor, now: Date) {
    const all = await this.assignments.list(actor);
    const due = all
      .filter(
        ({ work }) => ['not_submitted', 'draft', 'returned'].includes(work.state) && work.deadlines.cutoffAt.getTime() > now.getTime(),
      )
      .slice(0, SHOWN)
      .map(({ work, cohortName }) => ({
        id: work.assignment.id,
        title: work.assignment.title,
        cohortName,
        dueAt: work.deadlines.dueAt,
        returned: work.state === 'returned',
      }));
    const graded = all
      .filter(({ work }) => work.state === 'graded' && work.grade?.releasedAt)
      .sort((a, b) => b.work.grade!.releasedAt!.getTime() - a.work.grade!.releasedAt!.getTime())
      .slice(0, SHOWN)
      .map(({ work }) => ({
        id: work.assignment.id,
        title: work.assignment.title,
        score: work.grade!.score === null ? null : Number(work.grade!.score),
        passed: work.grade!.passed,
        maxPoints: work.assignment.maxPoints === null ? null : Number(work.assignment.maxPoints),
      }));
    return { due, graded };
  }

  private async toGrade(actor: Actor) {
    const { total } = await this.grading.find(actor, { page: 1, pageSize: 1 });
    return { waiting: total };
  }

  private async overview(now: Date) {
    const [running, failed] = await Promise.all([
      this.cohorts.countRunning(rigaDateTimeInputs(now)[0]),
      this.outbox.list({ status: 'failed', page: 1, pageSize: 1 }),
    ]);
    return { runningCohorts: running, failedEmails: failed.total };
  }
}
