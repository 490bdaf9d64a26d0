import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ReportExportCleanup } from './report-export-cleanup.service';
import { ReportExportRunner } from './report-export-runner.service';
import { REPORT_EXPORT_CLEANUP_QUEUE } from './report-exports.constants';
import { ReportExportCleanupProcessor, ReportExportCleanupScheduler, ReportExportProcessor } from './report-exports.processor';
import { ReportsModule } from './reports.module';

/** Background exports and their clean-up: worker process only. */
@Module({
  imports: [ReportsModule, BullModule.registerQueue({ name: REPORT_EXPORT_CLEANUP_QUEUE })],
  providers: [ReportExportRunner, ReportExportProcessor, ReportExportCleanup, ReportExportCleanupScheduler, ReportExportCleanupProcessor],
  exports: [ReportExportRunner, ReportExportCleanup],
})
export class ReportsWorkerModule {}
