import { z } from 'zod';
import { INDICATOR_METRICS } from '../programmes/indicator.entity';
import { EVIDENCE_REASONS, EVIDENCE_STATES, INDICATOR_STATUSES } from '../programmes/indicator-rules';
import { FUNNEL_STAGES } from './funnel';

/** The API's bodies for a programme's indicators, their records and the completion funnels (programme-report-views.ts). */
const day = z.iso.date().nullable();
const range = {
  from: day.describe('First day of the range (Riga time); null: open.'),
  to: day.describe('Last day of the range, included; null: open.'),
};

const indicatorValue = {
  id: z.uuid(),
  nameLv: z.string(),
  nameEn: z.string().nullable(),
  metric: z.enum(INDICATOR_METRICS),
  target: z.number().int(),
  value: z.number().int().describe('Counted in the range.'),
  toCome: z.number().int().describe('Planned or under way in the range; counted once it happens.'),
  notCounted: z.number().int().describe('Looked at and not counted, each with a reason in its records.'),
  percent: z.number().int().describe('Share of the target reached, 0–100, rounded down.'),
  status: z
    .enum(INDICATOR_STATUSES)
    .describe('met: value ≥ target; on_track: not yet, but value + toCome ≥ target; at_risk: value + toCome < target.'),
};

export const indicatorsReportBody = z
  .object({
    programmeId: z.uuid(),
    ...range,
    generatedAt: z.iso.datetime(),
    items: z.array(z.object(indicatorValue).meta({ id: 'IndicatorValue' })),
  })
  .meta({ id: 'IndicatorsReport' });

export const indicatorEvidenceBody = z
  .object({
    ...indicatorValue,
    programmeId: z.uuid(),
    ...range,
    generatedAt: z.iso.datetime(),
    kind: z.enum(['participant', 'session', 'certificate', 'material']).describe('What the records are.'),
    records: z.array(
      z
        .object({
          state: z.enum(EVIDENCE_STATES),
          reason: z
            .enum(EVIDENCE_REASONS)
            .nullable()
            .describe('Why it is to come or not counted; set_by_hand for a completion set by an administrator.'),
          at: z.iso.datetime().nullable().describe('The date that puts it in the range.'),
          amount: z.number().int().describe('1, or the free places of a cohort (reason free_places).'),
          userId: z.uuid().nullable(),
          name: z.string().nullable(),
          email: z.string().nullable(),
          enrolmentId: z.uuid().nullable(),
          enrolmentStatus: z.string().nullable(),
          cohortId: z.uuid().nullable(),
          cohortName: z.string().nullable(),
          partNumber: z.number().int().nullable(),
          sessionId: z.uuid().nullable(),
          sessionTitle: z.string().nullable(),
          sessionKind: z.string().nullable(),
          certificateId: z.uuid().nullable(),
          serial: z.string().nullable(),
          replacedBySerial: z.string().nullable(),
          revocationReason: z.string().nullable(),
          materialId: z.uuid().nullable(),
          materialTitle: z.string().nullable(),
          noteAt: z.iso.datetime().nullable().describe('When the trainee withdrew, or the certificate was revoked.'),
        })
        .meta({ id: 'IndicatorRecord' }),
    ),
  })
  .meta({ id: 'IndicatorEvidence' });

export const funnelBody = z
  .object({
    level: z.enum(['programme', 'part', 'cohort']),
    programmeId: z.uuid(),
    partId: z.uuid().nullable(),
    cohortId: z.uuid().nullable(),
    ...range,
    generatedAt: z.iso.datetime(),
    stages: z.array(
      z
        .object({
          stage: z.enum(FUNNEL_STAGES),
          required: z.boolean().describe('False: no part of the scope has it in its rule, so everyone passes it.'),
          reached: z.number().int().describe('Reached this stage and every one before it.'),
          here: z.number().int().describe('Reached this stage and no further.'),
          percent: z.number().int().describe('Of those enrolled, rounded down.'),
          percentOfPrevious: z.number().int().describe('Of those who reached the stage before, rounded down.'),
        })
        .meta({ id: 'FunnelStage' }),
    ),
    outside: z
      .array(
        z.object({
          enrolmentId: z.uuid(),
          userId: z.uuid(),
          name: z.string(),
          status: z.enum(['withdrawn', 'waitlisted']),
          cohortId: z.uuid(),
          cohortName: z.string(),
          at: z.iso.datetime().nullable().describe('When the trainee withdrew or joined the waiting list.'),
        }),
      )
      .describe('Enrolments outside the funnel: withdrawn, and waiting for a place.'),
    people: z
      .array(
        z
          .object({
            enrolmentId: z.uuid(),
            userId: z.uuid(),
            name: z.string(),
            email: z.string(),
            partId: z.uuid(),
            cohortId: z.uuid(),
            cohortName: z.string(),
            stage: z.enum(FUNNEL_STAGES).describe('The furthest stage reached.'),
            here: z.boolean().describe('Reached the stage asked for and no further.'),
            completedAt: z.iso.datetime().nullable(),
            setByHand: z.boolean(),
            serial: z.string().nullable().describe('The valid certificate of the part held.'),
            enrolments: z.number().int().describe('Enrolments of the part the trainee had (2 or more: a retake); the furthest counts.'),
          })
          .meta({ id: 'FunnelPerson' }),
      )
      .nullable()
      .describe('With `stage`: everyone who reached it.'),
  })
  .meta({ id: 'Funnel' });
