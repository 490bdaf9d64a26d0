import { z } from 'zod';
import { listOf } from '../common/api-docs';
import { ATTEMPT_EVENT_KINDS } from './exam-attempt-event.entity';
import { ATTEMPT_STATUSES, SUBMITTED_BY } from './exam-attempt.entity';
import { RESULT_STATUSES } from './exam-result.entity';
import { EXAM_MODES, PASS_MARK_UNITS, RESULTS_SHOWN } from './exam.entity';
import { QUESTION_KINDS } from './question-body';

/** The API's bodies for exams and attempts (built in exam-views.ts). No body carries a question's key. */
const examFields = {
  id: z.uuid(),
  cohortId: z.uuid(),
  sessionId: z.uuid().nullable(),
  title: z.string(),
  mode: z.enum(EXAM_MODES),
  passMark: z.number(),
  passMarkUnit: z.enum(PASS_MARK_UNITS),
  maxPoints: z.number(),
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  timeLimitMinutes: z.number().int().nullable(),
  attemptsAllowed: z.number().int(),
  shuffleQuestions: z.boolean(),
  shuffleChoices: z.boolean(),
  resultsShown: z.enum(RESULTS_SHOWN),
  retakeOfId: z.uuid().nullable(),
  releasedAt: z.iso.datetime().nullable(),
  version: z.number().int().describe('Send it back with an edit; a newer one refuses the edit with 409.'),
};

export const examBody = z.object(examFields).meta({ id: 'Exam' });

const selectionBody = z
  .object({
    kind: z.enum(['fixed', 'random']),
    questionIds: z.array(z.uuid()).optional().describe('fixed: the questions in order.'),
    categories: z
      .array(z.object({ categoryId: z.uuid(), count: z.number().int() }))
      .optional()
      .describe('random: how many are drawn from each category.'),
  })
  .nullable();

export const examStaffBody = z
  .object({
    ...examFields,
    selection: selectionBody,
    warnings: z
      .array(z.object({ userId: z.uuid(), name: z.string() }))
      .describe("Trainees whose closing time cuts their accommodation's time."),
  })
  .meta({ id: 'ExamForStaff' });

export const examListBody = listOf(examBody, 'ExamList');

export const accommodationBody = z
  .object({
    userId: z.uuid(),
    name: z.string().nullable(),
    timeFactor: z.number(),
    extraMinutes: z.number().int(),
    extraAttempts: z.number().int(),
    opensAt: z.iso.datetime().nullable(),
    closesAt: z.iso.datetime().nullable(),
    note: z.string(),
    cutByClosing: z.boolean().describe('A trainee starting at the opening would be cut short by the closing time.'),
  })
  .meta({ id: 'ExamAccommodation' });

export const accommodationListBody = listOf(accommodationBody, 'ExamAccommodationList');

const attemptSummaryFields = {
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(ATTEMPT_STATUSES),
  startedAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  submittedBy: z.enum(SUBMITTED_BY).nullable(),
  score: z.number().nullable().describe('Only once results are shown.'),
  maxPoints: z.number(),
};

export const attemptSummaryBody = z.object(attemptSummaryFields).meta({ id: 'ExamAttemptSummary' });

export const resultBody = z.object({ status: z.enum(RESULT_STATUSES), score: z.number().nullable() }).meta({ id: 'ExamResult' });

export const standingBody = z
  .object({
    exam: examBody,
    opensAt: z.iso.datetime().nullable(),
    closesAt: z.iso.datetime().nullable(),
    allowedMinutes: z.number().int().nullable().describe('With the trainee’s accommodation; null without a time limit.'),
    attemptsAllowed: z.number().int(),
    attemptsUsed: z.number().int(),
    attemptsLeft: z.number().int(),
    inProgressAttemptId: z.uuid().nullable(),
    canStart: z.boolean(),
    reason: z.string().nullable(),
    attempts: z.array(attemptSummaryBody),
    result: resultBody.nullable(),
  })
  .meta({ id: 'ExamStanding' });

const responseBody = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    choice: z.string().nullable().optional().describe('single'),
    choices: z.array(z.string()).optional().describe('multiple'),
    value: z.boolean().nullable().optional().describe('truefalse'),
    text: z.string().optional().describe('short, numeric, essay'),
  })
  .nullable();

export const attemptItemBody = z
  .object({
    position: z.number().int(),
    kind: z.enum(QUESTION_KINDS),
    name: z.string(),
    textHtml: z.string(),
    points: z.number(),
    choices: z.array(z.object({ id: z.string(), text: z.string() })).nullable(),
    response: responseBody.nullable(),
    responseSeq: z.number().int(),
    savedAt: z.iso.datetime().nullable(),
    flagged: z.boolean(),
    answered: z.boolean(),
    awarded: z.number().nullable(),
    awaitingMarking: z.boolean(),
  })
  .meta({ id: 'ExamAttemptItem' });

export const attemptBody = z
  .object({
    ...attemptSummaryFields,
    examId: z.uuid(),
    examTitle: z.string(),
    secondsLeft: z.number().int(),
    graceSeconds: z.number().int(),
    needsMarking: z.boolean().nullable(),
    items: z.array(attemptItemBody),
  })
  .meta({ id: 'ExamAttempt' });

export const saveOutcomeBody = z
  .object({
    saved: z.boolean().describe('false: a save with this number or a later one was already kept; nothing changed.'),
    seq: z.number().int(),
    savedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ExamSaveOutcome' });

export const attemptEventBody = z
  .object({ kind: z.enum(ATTEMPT_EVENT_KINDS), at: z.iso.datetime(), detail: z.record(z.string(), z.unknown()), ip: z.string().nullable() })
  .meta({ id: 'ExamAttemptEvent' });

export const attemptEventsBody = z
  .object({
    attempt: attemptSummaryBody,
    userId: z.uuid(),
    events: z.array(attemptEventBody),
    lateAnswers: z.array(
      z.object({ position: z.number().int(), seq: z.number().int(), receivedAt: z.iso.datetime(), response: z.unknown() }),
    ),
  })
  .meta({ id: 'ExamAttemptEvents' });

export const attemptListBody = listOf(attemptSummaryBody.extend({ userId: z.uuid(), name: z.string() }), 'ExamAttemptList');
