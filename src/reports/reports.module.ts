import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AttendanceRecords } from '../attendance/attendance-records.service';
import { AttendanceStatsService } from '../attendance/attendance-stats.service';
import { CertificateRecordsModule } from '../certificates/certificate-records.module';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { StorageModule } from '../storage/storage.module';
import { AttendanceReportService } from './attendance-report.service';
import { GradebookService } from './gradebook.service';
import { ReportAccess } from './report-access.service';
import { ReportExportRecords } from './report-export-records.service';
import { REPORT_EXPORT_QUEUE } from './report-exports.constants';
import { ReportExportsService } from './report-exports.service';
import { ReportRecords } from './report-records.service';
import { ReportTables } from './report-tables';
import { TraineeRecordService } from './trainee-record.service';
import { CompletionModule } from '../completion/completion.module';
import { ReportReadsModule } from '../database/report-reads';
import { ProgrammesModule } from '../programmes/programmes.module';
import { FunnelRecords } from './funnel-records.service';
import { FunnelService } from './funnel.service';
import { IndicatorReportsService } from './indicator-reports.service';
import { FunderReportRecords } from './funder-report-records.service';
import { FunderReportService } from './funder-report.service';

/**
 * The reports and their exports, for both processes: the web shows them and starts exports, the worker makes the
 * background exports. Attendance is counted by the attendance feature's own service (one rule), provided here as
 * the attendance digest's worker module provides it; the certificate register is read by the certificates' own
 * `CertificateRegister`; a programme's indicators are counted by the programmes feature (`IndicatorValues`); the
 * funnel reads completion and certificates; the funder's report (a PDF, background only) puts these together.
 */
@Module({
  imports: [
    CohortAccessModule,
    CertificateRecordsModule,
    StorageModule,
    CompletionModule,
    ProgrammesModule,
    ReportReadsModule,
    BullModule.registerQueue({ name: REPORT_EXPORT_QUEUE }),
  ],
  providers: [
    AttendanceRecords,
    AttendanceStatsService,
    ReportAccess,
    ReportRecords,
    AttendanceReportService,
    GradebookService,
    TraineeRecordService,
    FunnelRecords,
    FunnelService,
    IndicatorReportsService,
    FunderReportRecords,
    FunderReportService,
    ReportTables,
    ReportExportRecords,
    ReportExportsService,
  ],
  exports: [
    FunnelService,
    FunderReportService,
    IndicatorReportsService,
    AttendanceRecords,
    ReportAccess,
    ReportRecords,
    AttendanceReportService,
    GradebookService,
    TraineeRecordService,
    ReportTables,
    ReportExportRecords,
    ReportExportsService,
    StorageModule,
  ],
})
export class ReportsModule {}
