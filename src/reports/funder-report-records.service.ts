import { Injectable } from '@nestjs/common';
import { ReportReads } from '../database/report-reads';
import type { DayRange } from '../i18n/dates';

/** A cohort of the programme as the funder's report lists it. */
export interface FunderCohortRecord {
  id: string;
  name: string;
  part_number: number;
  part_title_lv: string;
  part_title_en: string | null;
  starts_on: string;
  ends_on: string;
  /** Members (cohort_members): enrolled, completed or not completed; not the withdrawn or those waiting. */
  members: number;
}

/** The funder's report's own reads; its counts come from the indicators, the funnel and the register. */
@Injectable()
export class FunderReportRecords {
  constructor(private readonly reads: ReportReads) {}

  /** The programme's cohorts starting in the range (as the funnel takes them), by part and first day, with their members. */
  cohorts(programmeId: string, range: DayRange): Promise<FunderCohortRecord[]> {
    return this.reads.query<FunderCohortRecord>(
      `SELECT c.id, c.name, p.number AS part_number, p.title_lv AS part_title_lv, p.title_en AS part_title_en,
              to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on,
              (SELECT count(*)::int FROM cohort_members m WHERE m.cohort_id = c.id) AS members
         FROM cohorts c JOIN parts p ON p.id = c.part_id
        WHERE p.programme_id = $1 AND ($2::date IS NULL OR c.starts_on >= $2::date) AND ($3::date IS NULL OR c.starts_on <= $3::date)
        ORDER BY p.number, c.starts_on, c.name`,
      [programmeId, range.from ?? null, range.to ?? null],
    );
  }

  /** Who runs the programme, as its certificates name the issuer; none before its certificate template is written. */
  async issuer(programmeId: string): Promise<{ issuer_lv: string; issuer_en: string } | undefined> {
    const [row] = await this.reads.query<{ issuer_lv: string; issuer_en: string }>(
      'SELECT issuer_lv, issuer_en FROM certificate_templates WHERE programme_id = $1',
      [programmeId],
    );
    return row;
  }
}
