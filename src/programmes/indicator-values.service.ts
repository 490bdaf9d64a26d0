import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { rigaDayBounds, type DayRange } from '../i18n/dates';
import type { Indicator } from './indicator.entity';
import { IndicatorRecords, type EvidenceRecord } from './indicator-records.service';
import {
  countEvidence,
  indicatorStatus,
  METRIC_EVIDENCE,
  percentOfTarget,
  type EvidenceCounts,
  type EvidenceKind,
  type IndicatorStatus,
} from './indicator-rules';
import { IndicatorsService } from './indicators.service';
import { ProgrammesService } from './programmes.service';

export const WHOLE_TIME: DayRange = { from: null, to: null };

/** An indicator with its value in a range: what was counted, what is to come, what was not counted, and its status. */
export interface IndicatorValue {
  indicator: Indicator;
  value: number;
  toCome: number;
  notCounted: number;
  /** Share of the target reached, 0–100 (rounded down); 100 when the target is 0. */
  percent: number;
  status: IndicatorStatus;
  reached: boolean;
}

/** An indicator's value with every record it looked at: the auditor's list. */
export interface IndicatorEvidence extends IndicatorValue {
  kind: EvidenceKind;
  records: EvidenceRecord[];
}

/**
 * The values of a programme's indicators in a range of days, derived from the data by the rules of
 * indicator-rules.ts, and the records behind each value.
 */
@Injectable()
export class IndicatorValues {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly indicators: IndicatorsService,
    private readonly records: IndicatorRecords,
    private readonly clock: Clock,
  ) {}

  async values(programmeId: string, range: DayRange = WHOLE_TIME): Promise<IndicatorValue[]> {
    await this.programmes.get(programmeId);
    return (await this.valuesOf([programmeId], range)).get(programmeId)!;
  }

  /** The values of several programmes' indicators: two statements, whatever the number of programmes. */
  async valuesOf(programmeIds: readonly string[], range: DayRange = WHOLE_TIME): Promise<Map<string, IndicatorValue[]>> {
    const indicators = programmeIds.length ? await this.indicators.listOf(programmeIds) : [];
    const counts = await this.records.counts(
      programmeIds,
      indicators.map((i) => i.metric),
      rigaDayBounds(range),
      this.clock.now(),
    );
    return new Map(
      programmeIds.map((id) => [
        id,
        indicators.filter((i) => i.programmeId === id).map((indicator) => withValue(indicator, counts.get(id)!.get(indicator.metric)!)),
      ]),
    );
  }

  /** An indicator with the records it counted, did not count, or expects. */
  async evidence(indicatorId: string, range: DayRange = WHOLE_TIME): Promise<IndicatorEvidence> {
    const indicator = await this.indicators.find(indicatorId);
    const records = await this.records.evidence(indicator.programmeId, indicator.metric, rigaDayBounds(range), this.clock.now());
    return { ...withValue(indicator, countEvidence(records)), kind: METRIC_EVIDENCE[indicator.metric], records };
  }
}

function withValue(indicator: Indicator, counts: EvidenceCounts): IndicatorValue {
  return {
    indicator,
    ...counts,
    percent: percentOfTarget(counts.value, indicator.target),
    status: indicatorStatus(indicator.target, counts.value, counts.toCome),
    reached: counts.value >= indicator.target,
  };
}
