import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { AttendanceSheetsService } from './attendance-sheets.service';
import { ReportExportsPagesController } from './report-exports-pages.controller';
import { ReportsApiController } from './reports-api.controller';
import { ReportsPagesController } from './reports-pages.controller';
import { ProgrammeReportsApiController } from './programme-reports-api.controller';
import { ProgrammeReportsPagesController } from './programme-reports-pages.controller';
import { ReportsModule } from './reports.module';

/** The reports' pages and API, and the signed attendance sheets (which ask the sessions feature who may take a session's attendance): web process only. */
@Module({
  imports: [ReportsModule, SessionsModule],
  controllers: [
    ReportsPagesController,
    ReportsApiController,
    ReportExportsPagesController,
    ProgrammeReportsPagesController,
    ProgrammeReportsApiController,
  ],
  providers: [AttendanceSheetsService],
})
export class ReportsWebModule {}
