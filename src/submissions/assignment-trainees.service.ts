import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { MEMBER_STATUSES, WITHDRAWN_STATUS } from '../cohorts/enrolment-status';
import type { Actor } from '../common/actor';
import type { Assignment } from '../assignments/assignment.entity';
import { AssignmentAccess } from '../assignments/assignment-access.service';
import { Extension } from '../assignments/extension.entity';
import { Grade } from '../grading/grade.entity';
import { deadlinesFor, submissionState, type Deadlines, type SubmissionState } from './submission-state';
import { Submission } from './submission.entity';

export interface TraineeRow {
  userId: string;
  name: string;
  email: string;
  cohortId: string;
  cohortName: string;
  enrolmentStatus: string;
  submission: Submission | null;
  extension: Extension | null;
  deadlines: Deadlines;
  state: SubmissionState;
}

/** The trainees of an assignment's cohorts that the user teaches (all cohorts for admins), with where each one stands. */
/** Members, and those who withdrew (their work stays to be seen); not those still waiting for a place. */
const LISTED_STATUSES = [...MEMBER_STATUSES, WITHDRAWN_STATUS];

@Injectable()
export class AssignmentTraineesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AssignmentAccess,
  ) {}

  async list(actor: Actor, assignment: Assignment): Promise<TraineeRow[]> {
    const cohortIds = await this.access.managedCohortIds(actor, assignment);
    if (!cohortIds.length) return [];
    const people: { user_id: string; name: string; email: string; cohort_id: string; cohort_name: string; status: string }[] =
      await this.dataSource.query(
        `SELECT u.id AS user_id, u.name, u.email, c.id AS cohort_id, c.name AS cohort_name, e.status
         FROM enrolments e JOIN users u ON u.id = e.user_id JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.cohort_id = ANY($1) AND e.status = ANY($2)
        ORDER BY c.starts_on, c.name, u.name, u.id`,
        [cohortIds, LISTED_STATUSES],
      );
    const userIds = people.map((p) => p.user_id);
    if (!userIds.length) return [];
    const [submissions, extensions] = await Promise.all([
      this.dataSource.getRepository(Submission).findBy({ assignmentId: assignment.id, userId: In(userIds) }),
      this.dataSource.getRepository(Extension).findBy({ assignmentId: assignment.id, userId: In(userIds) }),
    ]);
    const grades = submissions.length
      ? await this.dataSource.getRepository(Grade).findBy({ submissionId: In(submissions.map((s) => s.id)) })
      : [];
    return people.map((person) => {
      const submission = submissions.find((s) => s.userId === person.user_id) ?? null;
      const extension = extensions.find((x) => x.userId === person.user_id) ?? null;
      const grade = submission ? (grades.find((g) => g.submissionId === submission.id) ?? null) : null;
      const deadlines = deadlinesFor(assignment, extension, submission);
      return {
        userId: person.user_id,
        name: person.name,
        email: person.email,
        cohortId: person.cohort_id,
        cohortName: person.cohort_name,
        enrolmentStatus: person.status,
        submission,
        extension,
        deadlines,
        state: submissionState(submission, grade, deadlines.dueAt),
      };
    });
  }
}
