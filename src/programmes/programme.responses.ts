import { z } from 'zod';
import { listOf } from '../common/api-docs';
import { ruleChangeBody } from '../completion/completion.responses';
import { INDICATOR_METRICS } from './indicator.entity';
import { INDICATOR_STATUSES } from './indicator-rules';
import { PROGRAMME_STATUSES } from './programme.entity';

/** The API's bodies for programmes, parts and indicators (built in programme-views.ts). */
export const programmeBody = z
  .object({
    id: z.uuid(),
    titleLv: z.string(),
    titleEn: z.string().nullable(),
    descriptionLv: z.string(),
    descriptionEn: z.string(),
    status: z.enum(PROGRAMME_STATUSES),
    project: z.object({
      title: z.string(),
      agreementNumber: z.string(),
      funder: z.string(),
      cofinancingPercent: z.number(),
      partners: z.array(z.string()),
      fundingStatement: z.string(),
      logoUrl: z.string().nullable(),
    }),
    reminderOffsetsHours: z.array(z.number().int()),
    studyVisitOffsetsHours: z.array(z.number().int()),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Programme' });

export const programmeSummaryBody = programmeBody
  .extend({ partCount: z.number().int(), cohortCount: z.number().int() })
  .meta({ id: 'ProgrammeSummary' });
export const programmeListBody = listOf(programmeSummaryBody, 'ProgrammeList');

export const partBody = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    number: z.number().int(),
    titleLv: z.string(),
    titleEn: z.string().nullable(),
    descriptionLv: z.string(),
    descriptionEn: z.string(),
    academicHours: z.number().int(),
    completionRule: z.object({
      minAttendancePercent: z.number().int(),
      requiresIndependentWork: z.boolean(),
      requiresFinalExam: z.boolean(),
      closesWithSeminar: z.boolean(),
      description: z.array(z.string()).describe("The rule in words, in the caller's language."),
    }),
  })
  .meta({ id: 'Part' });
export const partListBody = listOf(partBody, 'PartList');

export const partUpdateBody = partBody
  .extend({
    applied: z.boolean().describe('False for a dry run: nothing was saved.'),
    completionChange: ruleChangeBody
      .nullable()
      .describe(
        "What the new completion rule does (or, in a dry run, would do) to the part's trainees; null when the rule stays as it was.",
      ),
  })
  .meta({ id: 'PartUpdate' });

export const programmeWithPartsBody = programmeBody.extend({ parts: z.array(partBody) }).meta({ id: 'ProgrammeWithParts' });

export const indicatorBody = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    nameLv: z.string(),
    nameEn: z.string().nullable(),
    metric: z.enum(INDICATOR_METRICS),
    target: z.number().int(),
    position: z.number().int(),
    value: z.number().int().describe('What is counted now, over the whole time of the programme (indicator-rules: counted).'),
    toCome: z.number().int().describe('Planned or under way, counted once it happens (sessions ahead, members who can still complete, …).'),
    notCounted: z.number().int().describe('Records looked at and not counted (withdrawn, cancelled, revoked, counted once already, …).'),
    percent: z.number().describe('Share of the target reached, 0–100, rounded down.'),
    status: z
      .enum(INDICATOR_STATUSES)
      .describe('met: value ≥ target; on_track: not yet, but value + toCome ≥ target; at_risk: value + toCome < target.'),
    reached: z.boolean(),
  })
  .meta({ id: 'Indicator' });
export const indicatorListBody = listOf(indicatorBody, 'IndicatorList');

export type ProgrammeBody = z.infer<typeof programmeBody>;
export type PartBody = z.infer<typeof partBody>;
export type IndicatorBody = z.infer<typeof indicatorBody>;
