import { Injectable } from '@nestjs/common';
import { indicatorPace, isAtRisk, timeElapsedPercent, type IndicatorPace } from './indicator-pace';
import { IndicatorsService, type IndicatorWithValue } from './indicators.service';
import { ProgrammeRecords } from './programme-records.service';

/** An indicator of an active programme that is behind its pace or missed (indicator-pace.ts). */
export interface IndicatorAtRisk extends IndicatorWithValue {
  programme: { id: string; titleLv: string; titleEn: string | null };
  pace: IndicatorPace;
  /** The share of the programme's time gone, 0–100. */
  timeElapsedPercent: number;
}

/**
 * The indicators of the active programmes at risk on a Riga day, for the administrator's home page: each
 * programme's values as `IndicatorsService` counts them now (two statements a programme: there are a handful of
 * active programmes, each with many trainees), judged by indicator-pace.ts.
 */
@Injectable()
export class IndicatorsAtRisk {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly records: ProgrammeRecords,
  ) {}

  /** Missed first, then those furthest behind their programme's time. */
  async list(today: string): Promise<IndicatorAtRisk[]> {
    const programmes = await this.records.activeWithPeriods();
    const perProgramme = await Promise.all(
      programmes.map(async (g) => {
        const period = g.starts_on && g.ends_on ? { startsOn: g.starts_on, endsOn: g.ends_on } : null;
        const elapsed = period ? timeElapsedPercent(period, today) : 0;
        return (await this.indicators.listWithValues(g.id)).map((item) => ({
          ...item,
          programme: { id: g.id, titleLv: g.title_lv, titleEn: g.title_en },
          pace: indicatorPace({ value: item.value, target: item.indicator.target }, period, today),
          timeElapsedPercent: elapsed,
        }));
      }),
    );
    const gap = (i: IndicatorAtRisk) => i.percent - i.timeElapsedPercent;
    return perProgramme
      .flat()
      .filter((i) => isAtRisk(i.pace))
      .sort((a, b) => Number(b.pace === 'missed') - Number(a.pace === 'missed') || gap(a) - gap(b));
  }
}
