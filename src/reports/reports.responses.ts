import { z } from 'zod';
import { ATTENDANCE_STATUSES } from '../attendance/attendance.entity';
import { listOf } from '../common/api-docs';
import { SUBMISSION_STATES } from '../submissions/submission-state';
import { RESULT_STATUSES } from '../exams/exam-result.entity';
import { EXPORT_STATUSES } from './report-export.entity';
import { BACKGROUND_FORMATS, EXPORT_KINDS } from './report-exports.constants';

/** The API's bodies for reports and their exports. */
const completion = z.enum(['completed', 'not_completed', 'not_possible', 'in_progress']).describe('Where completion of the part stands.');
const percent = z.number().int().nullable().describe('Whole percent, rounded down; null before any attendance is taken.');

export const attendanceReportBody = z
  .object({
    cohortId: z.uuid(),
    cohortName: z.string(),
    minPercent: z.number().int(),
    generatedAt: z.iso.datetime(),
    percent: percent.describe("The cohort's attendance: every member's attended sessions over every member's recorded ones."),
    sessions: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        kind: z.string(),
        startsAt: z.iso.datetime(),
        endsAt: z.iso.datetime(),
        recorded: z.boolean().describe('Attendance was taken: only then does the session count.'),
        attended: z.number().int(),
        percent,
      }),
    ),
    trainees: z.array(
      z.object({
        userId: z.uuid(),
        enrolmentId: z.uuid(),
        name: z.string(),
        marks: z.array(z.enum(ATTENDANCE_STATUSES).nullable()).describe('One per session, in order; null: not marked.'),
        held: z.number().int(),
        recorded: z.number().int(),
        present: z.number().int(),
        late: z.number().int(),
        excused: z.number().int(),
        absent: z.number().int(),
        unmarked: z.number().int(),
        percent,
        belowMinimum: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'AttendanceReport' });

const grade = z
  .object({ score: z.number().nullable(), passed: z.boolean(), released: z.boolean().describe('False: a draft, shown to staff only.') })
  .nullable();
const workCell = z.object({ assignmentId: z.uuid(), state: z.enum(SUBMISSION_STATES), grade });
const examCell = z.object({
  examId: z.uuid(),
  status: z.enum(RESULT_STATUSES).nullable(),
  score: z.number().nullable(),
  released: z.boolean().describe('False: not yet released to the trainee.'),
});

export const gradebookBody = z
  .object({
    cohortId: z.uuid(),
    cohortName: z.string(),
    generatedAt: z.iso.datetime(),
    members: z.number().int().describe('Members before the filter.'),
    assignments: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        dueAt: z.iso.datetime(),
        gradingType: z.enum(['points', 'pass_fail']),
        maxPoints: z.number().nullable(),
        requiredForCompletion: z.boolean(),
      }),
    ),
    exams: z.array(z.object({ id: z.uuid(), title: z.string(), maxPoints: z.number(), retakeOfId: z.uuid().nullable() })),
    rows: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        email: z.string(),
        enrolmentStatus: z.string(),
        work: z.array(workCell).describe('One per assignment, in order.'),
        exams: z.array(examCell).describe('One per exam sitting, in order.'),
        totals: z
          .object({ points: z.number(), maxPoints: z.number(), requiredPassed: z.number().int(), required: z.number().int() })
          .describe('Released grades only.'),
        exam: examCell.nullable().describe('The last sitting with a result.'),
        completion,
      }),
    ),
  })
  .meta({ id: 'Gradebook' });

export const traineeRecordBody = z
  .object({
    audience: z.enum(['staff', 'trainee']).describe('trainee: only what has been released to them.'),
    generatedAt: z.iso.datetime(),
    person: z.object({ id: z.uuid(), name: z.string(), email: z.string(), department: z.string().nullable() }),
    enrolments: z.array(
      z.object({
        enrolmentId: z.uuid(),
        cohortId: z.uuid(),
        cohortName: z.string(),
        partTitleLv: z.string(),
        partTitleEn: z.string().nullable(),
        status: z.string(),
        enrolledAt: z.iso.datetime().nullable(),
        withdrawnAt: z.iso.datetime().nullable(),
        completion,
        completedAt: z.iso.datetime().nullable(),
      }),
    ),
    attendance: z.array(
      z.object({
        cohortId: z.uuid(),
        cohortName: z.string(),
        held: z.number().int(),
        recorded: z.number().int(),
        present: z.number().int(),
        late: z.number().int(),
        excused: z.number().int(),
        absent: z.number().int(),
        unmarked: z.number().int(),
        percent,
        minPercent: z.number().int(),
        belowMinimum: z.boolean(),
      }),
    ),
    sessions: z.array(
      z.object({
        sessionId: z.uuid(),
        title: z.string(),
        startsAt: z.iso.datetime(),
        cohortName: z.string(),
        status: z.enum(ATTENDANCE_STATUSES).nullable(),
      }),
    ),
    work: z.array(
      z.object({
        assignmentId: z.uuid(),
        cohortId: z.uuid(),
        title: z.string(),
        dueAt: z.iso.datetime(),
        gradingType: z.enum(['points', 'pass_fail']),
        state: z.enum(SUBMISSION_STATES),
        grade,
      }),
    ),
    exams: z.array(
      z.object({
        examId: z.uuid(),
        cohortId: z.uuid(),
        title: z.string(),
        satAt: z.iso.datetime().nullable(),
        status: z.enum(RESULT_STATUSES).nullable(),
        score: z.number().nullable(),
        released: z.boolean(),
      }),
    ),
    emails: z.array(
      z.object({
        id: z.uuid(),
        subject: z.string(),
        category: z.string(),
        status: z.string(),
        createdAt: z.iso.datetime(),
        sentAt: z.iso.datetime().nullable(),
      }),
    ),
    certificates: z
      .array(z.object({ serial: z.string(), status: z.string(), issuedAt: z.iso.datetime() }))
      .nullable()
      .describe('null where certificates are not kept yet.'),
  })
  .meta({ id: 'TraineeRecord' });

export const reportExportBody = z
  .object({
    id: z.uuid(),
    report: z.enum(EXPORT_KINDS),
    subjectId: z.uuid(),
    format: z.enum(BACKGROUND_FORMATS),
    status: z.enum(EXPORT_STATUSES),
    rowsDone: z.number().int(),
    rowsTotal: z.number().int().nullable(),
    percent: z.number().int().describe('How far along, 0–100.'),
    fileName: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable().describe('The download link works until then.'),
    expired: z.boolean(),
    downloadUrl: z.string().nullable(),
  })
  .meta({ id: 'ReportExport' });
export const reportExportListBody = listOf(reportExportBody, 'ReportExportList');
