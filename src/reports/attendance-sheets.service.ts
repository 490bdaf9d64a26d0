import { Injectable } from '@nestjs/common';
import { AttendanceRecords } from '../attendance/attendance-records.service';
import type { Actor } from '../common/actor';
import { I18nService } from '../i18n/i18n.service';
import { localized } from '../i18n/localized';
import { rigaDateTimeInputs } from '../i18n/dates';
import { SessionAccess } from '../sessions/session-access.service';
import { SessionNotFoundError } from '../sessions/sessions.errors';
import { AttendanceReportService } from './attendance-report.service';
import { renderAttendanceSheets } from './attendance-sheet-pdf';
import { ReportRecords, type CohortHeaderRecord, type SheetSessionRecord } from './report-records.service';

export interface SheetFile {
  fileName: string;
  pdf: Buffer;
}

/**
 * The signed attendance sheets as a PDF: one session's (for whoever may take its attendance, a guest lecturer
 * named on it too), or every scheduled session of a cohort in order (for the cohort's staff), in the reader's
 * language. A session whose attendance was taken shows each mark; otherwise the mark column is left to fill in.
 */
@Injectable()
export class AttendanceSheetsService {
  constructor(
    private readonly reports: AttendanceReportService,
    private readonly records: ReportRecords,
    private readonly attendance: AttendanceRecords,
    private readonly sessions: SessionAccess,
    private readonly i18n: I18nService,
  ) {}

  async forCohort(actor: Actor, cohortId: string): Promise<SheetFile> {
    const cohort = await this.reports.cohort(actor, cohortId);
    const sessions = await this.records.sheetSessions({ cohortId });
    return { fileName: this.fileName(actor, cohort, null), pdf: await this.render(actor, cohort, sessions) };
  }

  async forSession(actor: Actor, sessionId: string): Promise<SheetFile> {
    const [session] = await this.records.sheetSessions({ sessionId });
    if (!session) throw new SessionNotFoundError();
    await this.sessions.assertCanTakeAttendance(actor, { id: session.id, cohortId: session.cohort_id });
    const cohort = (await this.records.cohortHeader(session.cohort_id))!;
    return { fileName: this.fileName(actor, cohort, session), pdf: await this.render(actor, cohort, [session]) };
  }

  private fileName(actor: Actor, cohort: CohortHeaderRecord, session: SheetSessionRecord | null): string {
    const base = this.i18n.t(actor.language, 'reports.sheet.fileName');
    return `${[base, cohort.name, session ? rigaDateTimeInputs(new Date(session.starts_at))[0] : null].filter(Boolean).join(' - ')}.pdf`;
  }

  private async render(actor: Actor, cohort: CohortHeaderRecord, sessions: SheetSessionRecord[]): Promise<Buffer> {
    const lang = actor.language;
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(lang, `reports.sheet.${key}`, params);
    const pages = [];
    for (const session of sessions) {
      const trainees = await this.attendance.sheet(cohort.id, session.id);
      pages.push({
        title: session.title,
        startsAt: new Date(session.starts_at),
        endsAt: new Date(session.ends_at),
        place: [session.address, session.room].filter(Boolean).join(', '),
        instructors: session.instructors,
        trainees: trainees.map((r) => ({
          name: r.name,
          department: r.department,
          mark: r.status ? this.i18n.t(lang, `attendance.status.${r.status}`) : '',
        })),
      });
    }
    return renderAttendanceSheets({
      lang,
      programmeTitle: localized(lang, cohort.programme_title_lv, cohort.programme_title_en),
      projectTitle: cohort.project_title,
      agreementNumber: cohort.agreement_number,
      partTitle: `${cohort.part_number}. ${localized(lang, cohort.part_title_lv, cohort.part_title_en)}`,
      cohortName: cohort.name,
      fundingStatement: cohort.funding_statement,
      pages,
      t,
    });
  }
}
