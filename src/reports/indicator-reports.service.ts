import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import type { DayRange } from '../i18n/dates';
import { IndicatorValues, type IndicatorEvidence, type IndicatorValue } from '../programmes/indicator-values.service';
import type { Programme } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { ReportAccess } from './report-access.service';

export interface IndicatorsReport {
  programme: Programme;
  range: DayRange;
  values: IndicatorValue[];
  generatedAt: Date;
}

export interface EvidenceReport {
  programme: Programme;
  range: DayRange;
  evidence: IndicatorEvidence;
  generatedAt: Date;
}

/**
 * A programme's indicators in a range of days, and the records behind one of them, for administrators (they span
 * every cohort of the programme). The counting is the programmes feature's (IndicatorValues).
 */
@Injectable()
export class IndicatorReportsService {
  constructor(
    private readonly access: ReportAccess,
    private readonly values: IndicatorValues,
    private readonly programmes: ProgrammesService,
    private readonly clock: Clock,
  ) {}

  /** The programme, for a reader who may see its reports. */
  async programme(actor: Actor, programmeId: string): Promise<Programme> {
    this.access.assertCanReportOnProgrammes(actor);
    return this.programmes.get(programmeId);
  }

  async indicators(actor: Actor, programmeId: string, range: DayRange): Promise<IndicatorsReport> {
    this.access.assertCanReportOnProgrammes(actor);
    const generatedAt = this.clock.now();
    const [programme, values] = await Promise.all([this.programmes.get(programmeId), this.values.values(programmeId, range)]);
    return { programme, range, values, generatedAt };
  }

  async evidence(actor: Actor, indicatorId: string, range: DayRange): Promise<EvidenceReport> {
    this.access.assertCanReportOnProgrammes(actor);
    const generatedAt = this.clock.now();
    const evidence = await this.values.evidence(indicatorId, range);
    return { programme: await this.programmes.get(evidence.indicator.programmeId), range, evidence, generatedAt };
  }
}
