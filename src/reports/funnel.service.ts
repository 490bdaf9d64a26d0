import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { CompletionService } from '../completion/completion.service';
import type { CriterionResult } from '../completion/enrolment-completion.entity';
import type { DayRange } from '../i18n/dates';
import { PartsService } from '../programmes/parts.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { FUNNEL_STAGES, furthestStage, perTraineeAndPart, stageCounts, type FunnelStage, type StageCount } from './funnel';
import {
  FunnelRecords,
  type FunnelCohortRecord,
  type FunnelOutsideRecord,
  type FunnelPartRecord,
  type FunnelScope,
  type FunnelStageRecord,
} from './funnel-records.service';
import { ReportAccess } from './report-access.service';
import { ReportRecords, type CohortHeaderRecord } from './report-records.service';
import { ReportCohortNotFoundError } from './reports.errors';

/** What a funnel is of: a programme, one of its parts, or a cohort (with the programme and part above it). */
export interface FunnelSubject {
  level: 'programme' | 'part' | 'cohort';
  programme: { id: string; titleLv: string; titleEn: string | null };
  part: { id: string; number: number; titleLv: string; titleEn: string | null } | null;
  cohort: CohortHeaderRecord | null;
}

/** A trainee in a part, at the furthest stage they reached. */
export interface FunnelUnit {
  enrolmentId: string;
  userId: string;
  name: string;
  email: string;
  department: string | null;
  cohortId: string;
  cohortName: string;
  startsOn: string;
  partId: string;
  partNumber: number;
  partTitleLv: string;
  partTitleEn: string | null;
  furthest: number;
  stage: FunnelStage;
  criteria: CriterionResult[] | null;
  completedAt: Date | null;
  setByHand: boolean;
  serial: string | null;
  /** How many enrolments of the part the trainee had (2 or more: a retake). */
  enrolments: number;
}

export interface FunnelStageRow extends StageCount {
  /** Whether any part of the scope has the stage in its rule; a stage no rule has is passed through by everyone. */
  required: boolean;
}

/** A funnel without the people at each stage. */
export type FunnelSummary = Omit<Funnel, 'units'>;

export interface Funnel {
  subject: FunnelSubject;
  /** Cohorts starting in these days (a programme's or a part's funnel); open at both ends for a cohort. */
  range: DayRange;
  stages: FunnelStageRow[];
  units: FunnelUnit[];
  /** Withdrawn and waiting-list enrolments of the scope, outside the funnel. */
  outside: FunnelOutsideRecord[];
  /** The parts of the scope, and (a part's funnel) its cohorts in the range: each has a funnel of its own. */
  parts: FunnelPartRecord[];
  cohorts: FunnelCohortRecord[];
  generatedAt: Date;
}

const EVERY_COHORT: DayRange = { from: null, to: null };

function requiredStages(parts: FunnelPartRecord[]): Record<FunnelStage, boolean> {
  return {
    enrolled: true,
    attendance: parts.some((p) => p.min_attendance_percent > 0),
    work: parts.some((p) => p.requires_independent_work),
    exam: parts.some((p) => p.requires_final_exam),
    completed: true,
    certified: true,
  };
}

/**
 * The completion funnel of a programme, a part or a cohort (the rule is in funnel.ts). Administrators see every
 * funnel; a cohort's instructors see their cohort's; nobody else any.
 */
@Injectable()
export class FunnelService {
  constructor(
    private readonly access: ReportAccess,
    private readonly records: FunnelRecords,
    private readonly reports: ReportRecords,
    private readonly programmes: ProgrammesService,
    private readonly parts: PartsService,
    private readonly completion: CompletionService,
    private readonly clock: Clock,
  ) {}

  async funnel(actor: Actor, scope: FunnelScope, range: DayRange = EVERY_COHORT): Promise<Funnel> {
    return this.build(actor, scope, range, async (cohortRange) =>
      (await this.placed(await this.records.members(scope, cohortRange))).map(({ record: m, criteria, furthest }) => ({
        enrolmentId: m.enrolment_id,
        userId: m.user_id,
        name: m.name,
        email: m.email,
        department: m.department,
        cohortId: m.cohort_id,
        cohortName: m.cohort_name,
        startsOn: m.starts_on,
        partId: m.part_id,
        partNumber: m.part_number,
        partTitleLv: m.part_title_lv,
        partTitleEn: m.part_title_en,
        furthest,
        stage: FUNNEL_STAGES[furthest],
        criteria,
        completedAt: m.completed_at,
        setByHand: m.set_by_hand,
        serial: m.serial,
      })),
    );
  }

  /** The funnel's stages and who is outside it, without the people at each stage: a programme's page and API. */
  async summary(actor: Actor, scope: FunnelScope, range: DayRange = EVERY_COHORT): Promise<FunnelSummary> {
    const { units: _units, ...summary } = await this.placedOnly(actor, scope, range);
    return summary;
  }

  /**
   * The funnel with each member placed (part, furthest stage) but not named: what counting by part needs (the
   * funder's report), without reading every member's name and email.
   */
  async placedOnly(actor: Actor, scope: FunnelScope, range: DayRange = EVERY_COHORT) {
    return this.build(actor, scope, range, async (cohortRange) =>
      (await this.placed(await this.records.stages(scope, cohortRange))).map(({ record: m, furthest }) => ({
        userId: m.user_id,
        partId: m.part_id,
        startsOn: m.starts_on,
        furthest,
      })),
    );
  }

  private async build<U extends { userId: string; partId: string; startsOn: string; furthest: number }>(
    actor: Actor,
    scope: FunnelScope,
    range: DayRange,
    rows: (cohortRange: DayRange) => Promise<U[]>,
  ): Promise<FunnelSummary & { units: (U & { enrolments: number })[] }> {
    const subject = await this.subject(actor, scope);
    const cohortRange = 'cohortId' in scope ? EVERY_COHORT : range;
    const generatedAt = this.clock.now();
    const [members, outside, parts, cohorts] = await Promise.all([
      rows(cohortRange),
      this.records.outside(scope, cohortRange),
      this.records.parts(scope),
      'partId' in scope ? this.records.cohorts(scope.partId, cohortRange) : [],
    ]);
    const units = perTraineeAndPart(members);
    const required = requiredStages(parts);
    return {
      subject,
      range: cohortRange,
      stages: stageCounts(units).map((row) => ({ ...row, required: required[row.stage] })),
      units,
      outside,
      parts,
      cohorts,
      generatedAt,
    };
  }

  /** Each member at the furthest stage reached, by the criteria stored or (never evaluated) worked out now. */
  private async placed<R extends FunnelStageRecord>(records: R[]) {
    const live = await this.liveCriteria(records.filter((m) => m.criteria === null && m.closed_at === null).map((m) => m.enrolment_id));
    return records.map((record) => {
      const criteria = record.criteria ?? live.get(record.enrolment_id) ?? null;
      return { record, criteria, furthest: furthestStage({ criteria, completed: record.completed, certified: record.certified }) };
    });
  }

  /** Checks the reader may see the scope's funnel and says what it is of. */
  async subject(actor: Actor, scope: FunnelScope): Promise<FunnelSubject> {
    if ('cohortId' in scope) {
      await this.access.assertCanReportOnCohort(actor, scope.cohortId);
      const cohort = await this.reports.cohortHeader(scope.cohortId);
      if (!cohort) throw new ReportCohortNotFoundError();
      return {
        level: 'cohort',
        programme: { id: cohort.programme_id, titleLv: cohort.programme_title_lv, titleEn: cohort.programme_title_en },
        part: { id: cohort.part_id, number: cohort.part_number, titleLv: cohort.part_title_lv, titleEn: cohort.part_title_en },
        cohort,
      };
    }
    this.access.assertCanReportOnProgrammes(actor);
    if ('partId' in scope) {
      const part = await this.parts.get(scope.partId);
      return {
        level: 'part',
        programme: { id: part.programme.id, titleLv: part.programme.titleLv, titleEn: part.programme.titleEn },
        part: { id: part.id, number: part.number, titleLv: part.titleLv, titleEn: part.titleEn },
        cohort: null,
      };
    }
    const programme = await this.programmes.get(scope.programmeId);
    return {
      level: 'programme',
      programme: { id: programme.id, titleLv: programme.titleLv, titleEn: programme.titleEn },
      part: null,
      cohort: null,
    };
  }

  /** The rule worked out now for members it was never worked out for (enrolled before completion was kept). */
  private async liveCriteria(enrolmentIds: string[]): Promise<Map<string, CriterionResult[]>> {
    if (!enrolmentIds.length) return new Map();
    const live = await this.completion.live({ enrolmentIds });
    return new Map([...live].map(([id, evaluation]) => [id, evaluation.criteria]));
  }
}
