import { Injectable } from '@nestjs/common';
import { AttendanceStatsService, type AttendanceSummary } from '../attendance/attendance-stats.service';
import { actorHasRole, type Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { ReportAccess } from './report-access.service';
import {
  ReportRecords,
  type CertificateRecord,
  type EmailRecord,
  type EnrolmentRecord,
  type ExamResultRecord,
  type TraineeRecord,
  type WorkRecord,
} from './report-records.service';
import { completionShown, examCellFor, workCell, type Audience, type CompletionShown, type ExamCell, type WorkCell } from './report-rules';
import { TraineeRecordNotFoundError } from './reports.errors';

/** How many of the newest emails the record lists. */
export const RECORD_EMAILS = 200;
/** How many of the newest held sessions the record lists. */
export const RECORD_SESSIONS = 500;

export interface RecordSession {
  sessionId: string;
  title: string;
  startsAt: Date;
  cohortName: string;
  status: string | null;
}

/** One trainee's whole record: who they are, each enrolment, attendance, work and grades, exams, emails, certificates. */
export interface TraineeRecordReport {
  audience: Audience;
  person: TraineeRecord;
  enrolments: (EnrolmentRecord & { completion: CompletionShown })[];
  attendance: AttendanceSummary[];
  sessions: RecordSession[];
  work: (WorkRecord & { cell: WorkCell })[];
  exams: (ExamResultRecord & { cell: ExamCell })[];
  emails: EmailRecord[];
  /** null: the certificates feature's table does not exist yet. */
  certificates: CertificateRecord[] | null;
  generatedAt: Date;
}

/**
 * A trainee's record for administrators, and the same of themselves for the trainee: what staff see includes draft
 * grades and results not released (marked as such); the trainee sees only what has been released to them.
 */
@Injectable()
export class TraineeRecordService {
  constructor(
    private readonly access: ReportAccess,
    private readonly records: ReportRecords,
    private readonly stats: AttendanceStatsService,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, userId: string): Promise<TraineeRecordReport> {
    this.access.assertCanReadRecord(actor, userId);
    const person = await this.records.trainee(userId);
    if (!person) throw new TraineeRecordNotFoundError();
    const audience: Audience = actorHasRole(actor, 'admin') ? 'staff' : 'trainee';
    const now = this.clock.now();
    const [enrolments, attendance, sessions, work, exams, emails, certificates] = await Promise.all([
      this.records.enrolments(userId),
      this.stats.forTrainee(userId, now),
      this.stats.sessionsOfTrainee(userId, now, RECORD_SESSIONS),
      this.records.traineeWork(userId),
      this.records.traineeExamResults(userId),
      this.records.emails(userId, RECORD_EMAILS),
      this.records.certificates(userId),
    ]);
    return {
      audience,
      person,
      enrolments: enrolments.map((e) => ({ ...e, completion: completionShown(e) })),
      attendance,
      sessions,
      work: work.map((w) => ({ ...w, cell: workCell(w, audience) })),
      exams: exams.map((e) => ({ ...e, cell: examCellFor(e, audience) })),
      emails,
      certificates,
      generatedAt: now,
    };
  }
}
