import { z } from 'zod';
import { listOf } from '../common/api-docs';
import { MARK_STATES } from './exam-attempt-item.entity';
import { RESULT_STATUSES } from './exam-result.entity';
import { QUESTION_KINDS } from './question-body';

/** The API's bodies for exam marking, re-marking, results, release and statistics. */
export const essayGroupBody = z
  .object({
    examId: z.uuid(),
    examTitle: z.string(),
    cohortName: z.string(),
    questionId: z.uuid(),
    questionName: z.string(),
    toMark: z.number().int().describe('Answers still waiting for a mark.'),
    total: z.number().int(),
  })
  .meta({ id: 'ExamEssayGroup' });
export const essayGroupListBody = listOf(essayGroupBody, 'ExamEssayGroupList');

export const examItemBody = z
  .object({
    id: z.uuid(),
    version: z.number().int().describe('Send it back with a mark; a mark saved meanwhile by someone else makes yours a 409.'),
    examId: z.uuid(),
    attemptId: z.uuid(),
    userId: z.uuid(),
    traineeName: z.string(),
    questionId: z.uuid(),
    questionVersionId: z.uuid(),
    questionName: z.string(),
    questionText: z.string().describe('Markdown.'),
    kind: z.enum(QUESTION_KINDS),
    response: z.record(z.string(), z.unknown()).nullable().describe("The trainee's answer as saved."),
    points: z.number(),
    markState: z.enum(MARK_STATES),
    awarded: z.number().nullable(),
    feedback: z.string(),
    markedByName: z.string().nullable(),
    markedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ExamAttemptItemMarking' });

export const remarkOutcomeBody = z
  .object({
    items: z.number().int().describe('Answers marked again.'),
    changed: z.number().int().describe('Of those, answers whose points changed.'),
    attempts: z.number().int(),
  })
  .meta({ id: 'ExamRemarkOutcome' });

export const remarkBody = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    traineeName: z.string(),
    questionName: z.string(),
    oldAwarded: z.number().nullable(),
    newAwarded: z.number(),
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    byName: z.string().nullable(),
    reason: z.string(),
  })
  .meta({ id: 'ExamRemark' });
export const remarkListBody = listOf(remarkBody, 'ExamRemarkList');

export const examResultBody = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    status: z.enum(RESULT_STATUSES).nullable(),
    score: z.number().nullable(),
    version: z.number().int().describe('0 when there is no result yet. Send it with an override.'),
    overriddenReason: z.string().nullable(),
    attempts: z.number().int(),
    needsMarking: z.boolean(),
  })
  .meta({ id: 'ExamResultForStaff' });

export const releaseBody = z
  .object({ examId: z.uuid(), releasedAt: z.iso.datetime(), emailed: z.number().int().describe('Emails written by this call.') })
  .meta({ id: 'ExamRelease' });

export const statisticsBody = z
  .object({
    examId: z.uuid(),
    counted: z
      .enum(['attempts', 'results'])
      .describe('What the figures count: marked attempts of an online exam, or the scores entered for an exam sat in person.'),
    attempts: z.number().int().describe('How many attempts (or, for an exam sat in person, scored results) are counted.'),
    maxPoints: z.number(),
    mean: z.number().nullable(),
    distribution: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
    questions: z.array(
      z.object({
        questionId: z.uuid(),
        name: z.string(),
        points: z.number(),
        attempts: z.number().int(),
        facility: z.number().describe('Mean share of the points earned, 0..1.'),
        discrimination: z.number().nullable().describe('Correlation with the rest of the exam; null with fewer than three attempts.'),
        flags: z.array(z.enum(['tooHard', 'tooEasy', 'weakDiscrimination'])),
      }),
    ),
  })
  .meta({ id: 'ExamStatistics' });

export const ownResultBody = z
  .object({
    examId: z.uuid(),
    state: z.enum(['none', 'awaiting', 'shown']).describe('awaiting: handed in, results not released yet.'),
    status: z.enum(RESULT_STATUSES).nullable(),
    score: z.number().nullable(),
    maxPoints: z.number(),
    items: z.array(
      z.object({
        position: z.number().int(),
        questionName: z.string(),
        response: z.record(z.string(), z.unknown()).nullable(),
        rightAnswer: z.string(),
        points: z.number(),
        awarded: z.number().nullable(),
        feedback: z.string(),
      }),
    ),
  })
  .meta({ id: 'ExamOwnResult' });
