import { Injectable } from '@nestjs/common';
import { IndicatorValues, type IndicatorValue } from './indicator-values.service';
import { ProgrammeRecords } from './programme-records.service';

/** An indicator of an active programme at risk (indicator-rules.ts): even with everything to come, short of its target. */
export interface IndicatorAtRisk extends IndicatorValue {
  programme: { id: string; titleLv: string; titleEn: string | null };
}

/**
 * The indicators of the active programmes at risk over each programme's whole time, for the administrator's home
 * page: counted and judged by `IndicatorValues`, the same rule as the programme's report page, in three statements
 * however many programmes are active.
 */
@Injectable()
export class IndicatorsAtRisk {
  constructor(
    private readonly values: IndicatorValues,
    private readonly records: ProgrammeRecords,
  ) {}

  /** Furthest from the target first: the smallest share of it that value and what is to come would reach. */
  async list(): Promise<IndicatorAtRisk[]> {
    const programmes = await this.records.active();
    const values = await this.values.valuesOf(programmes.map((g) => g.id));
    const atRisk = programmes.flatMap((g) =>
      values
        .get(g.id)!
        .filter((item) => item.status === 'at_risk')
        .map((item) => ({ ...item, programme: { id: g.id, titleLv: g.title_lv, titleEn: g.title_en } })),
    );
    const reachable = (i: IndicatorAtRisk) => (i.value + i.toCome) / Math.max(1, i.indicator.target);
    return atRisk.sort((a, b) => reachable(a) - reachable(b));
  }
}
