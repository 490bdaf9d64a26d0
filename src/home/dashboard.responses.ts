import { z } from 'zod';
import { attendanceSummaryBody } from '../attendance/attendance.responses';
import { certificateBody } from '../certificates/certificate.responses';
import { enrolmentCompletionBody } from '../completion/completion.responses';
import { RESULT_STATUSES } from '../exams/exam-result.entity';
import { EXAM_MODES } from '../exams/exam.entity';
import { MY_EXAM_STATES } from '../exams/my-exam-state';
import { INDICATOR_STATUSES } from '../programmes/indicator-rules';
import { INDICATOR_METRICS } from '../programmes/indicator.entity';
import { sessionBody } from '../sessions/session.responses';
import { SESSION_KINDS } from '../sessions/session.entity';
import { deadlinesBody } from '../submissions/submission.responses';
import { SUBMISSION_STATES } from '../submissions/submission-state';

/** The API's body of `GET /api/v1/me/dashboard`: the home page's panels, each role's only for those who hold it. */
const instant = z.iso.datetime();
const count = z.number().int();

const workItem = z
  .object({
    assignmentId: z.uuid(),
    title: z.string(),
    cohortId: z.uuid(),
    cohortName: z.string(),
    state: z.enum(SUBMISSION_STATES),
    deadlines: deadlinesBody,
    grade: z
      .object({ score: z.number().nullable(), passed: z.boolean(), releasedAt: instant.nullable() })
      .nullable()
      .describe('Only once released.'),
  })
  .meta({ id: 'DashboardWork' });

const myExam = z
  .object({
    id: z.uuid(),
    title: z.string(),
    mode: z.enum(EXAM_MODES),
    cohortId: z.uuid(),
    cohortName: z.string(),
    retake: z.boolean(),
    opensAt: instant.nullable().describe('The window as it applies to me, with my accommodation (online).'),
    closesAt: instant.nullable(),
    sitting: z
      .object({
        sessionId: z.uuid(),
        startsAt: instant,
        endsAt: instant,
        address: z.string().nullable(),
        room: z.string().nullable(),
        onlineUrl: z.string().nullable(),
        cancelled: z.boolean(),
      })
      .nullable()
      .describe('The exam sitting in the schedule: when and where.'),
    attemptsAllowed: count,
    attemptsUsed: count,
    inProgress: z.object({ attemptId: z.uuid(), deadlineAt: instant }).nullable(),
    state: z
      .enum(MY_EXAM_STATES)
      .describe(
        'upcoming; open (an attempt can be started); in_progress; awaiting_result (handed in or sat, no result shown yet); result; missed (the window closed without an attempt).',
      ),
    result: z
      .object({ status: z.enum(RESULT_STATUSES), score: z.number().nullable(), maxPoints: z.number() })
      .nullable()
      .describe('Only once it is shown to me.'),
  })
  .meta({ id: 'DashboardExam' });

const traineePanels = z
  .object({
    sessions: z.object({ items: z.array(sessionBody), total: count }).describe('The next sessions, nearest first.'),
    work: z.object({
      toDo: z.array(workItem).describe('To hand in while its window is open, soonest due first.'),
      toDoTotal: count,
      handedIn: z.array(workItem).describe('Handed in, waiting for a grade.'),
      handedInTotal: count,
      graded: z.array(workItem).describe('Grades released, the latest first.'),
    }),
    exams: z.array(myExam),
    progress: z.array(enrolmentCompletionBody).describe('Each part taken in a cohort still open, criterion by criterion.'),
    certificates: z.object({ items: z.array(certificateBody), total: count }),
  })
  .meta({ id: 'TraineeDashboard' });

const cohortWork = z.object({
  cohortId: z.uuid().nullable().describe("Null: a part's assignment of someone no longer in a cohort of it."),
  cohortName: z.string().nullable(),
  waiting: count,
  oldestSubmittedAt: instant,
});
const examEssays = z.object({
  examId: z.uuid(),
  examTitle: z.string(),
  cohortId: z.uuid(),
  cohortName: z.string(),
  toMark: count,
  oldestSubmittedAt: instant,
});

const instructorPanels = z
  .object({
    today: z.array(sessionBody).describe("The Riga day's sessions I teach or whose cohort I teach."),
    attendanceToTake: z
      .object({
        total: count,
        items: z.array(
          z.object({
            sessionId: z.uuid(),
            title: z.string(),
            kind: z.enum(SESSION_KINDS),
            startsAt: instant,
            endsAt: instant,
            cohortId: z.uuid(),
            cohortName: z.string(),
          }),
        ),
      })
      .describe('Sessions held in open cohorts I teach whose attendance nobody has taken, the latest first.'),
    workToGrade: z.object({ total: count, byCohort: z.array(cohortWork) }),
    essaysToMark: z.object({ total: count, byExam: z.array(examEssays) }),
  })
  .meta({ id: 'InstructorDashboard' });

const failing = z.object({ count, oldestAt: instant.nullable() });

const adminPanels = z
  .object({
    cohortsRunning: z.object({
      total: count,
      items: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          partTitle: z.string(),
          programmeTitle: z.string(),
          startsOn: z.iso.date(),
          endsOn: z.iso.date(),
          members: count,
        }),
      ),
    }),
    belowAttendanceMinimum: z
      .object({ total: count, items: z.array(attendanceSummaryBody) })
      .describe('Enrolled trainees of running cohorts below their part’s minimum, the lowest first.'),
    markingOverdue: z
      .object({
        days: count.describe('MARKING_DUE_DAYS'),
        handedInBefore: instant,
        work: z.object({ total: count, byCohort: z.array(cohortWork) }),
        essays: z.object({ total: count, byExam: z.array(examEssays) }),
      })
      .describe('Work and exam essays handed in before handedInBefore and still not marked.'),
    emailsFailing: z.object({ failed: failing, uncertain: failing }),
    certificatesReady: z
      .object({
        total: count,
        byCohort: z.array(z.object({ cohortId: z.uuid(), cohortName: z.string(), ready: count, completedSince: instant.nullable() })),
      })
      .describe('Members who completed their part and were never issued a certificate of it.'),
    indicatorsAtRisk: z.array(
      z.object({
        programmeId: z.uuid(),
        programmeTitleLv: z.string(),
        programmeTitleEn: z.string().nullable(),
        indicatorId: z.uuid(),
        nameLv: z.string(),
        nameEn: z.string().nullable(),
        metric: z.enum(INDICATOR_METRICS),
        target: count,
        value: count,
        percent: count.describe('Of the target reached, 0–100.'),
        toCome: count.describe('Planned or under way, counted once it happens (sessions ahead, members who can still complete, …).'),
        status: z.enum(INDICATOR_STATUSES).describe('at_risk: even with everything to come, the value would fall short of the target.'),
      }),
    ),
  })
  .meta({ id: 'AdminDashboard' });

export const dashboardBody = z
  .object({
    generatedAt: instant,
    trainee: traineePanels.nullable(),
    instructor: instructorPanels.nullable(),
    admin: adminPanels.nullable(),
  })
  .meta({ id: 'Dashboard' });
