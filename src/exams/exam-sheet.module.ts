import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { ExamAccess } from './exam-access.service';
import { ExamProtocolService } from './exam-protocol.service';
import { ExamSheetApiController } from './exam-sheet-api.controller';
import { ExamSheetPagesController } from './exam-sheet-pages.controller';
import { ExamSheetRecords } from './exam-sheet-records.service';
import { ExamSheetService } from './exam-sheet.service';
import { CompletionModule } from '../completion/completion.module';

/** Results of exams sat in person: the sheet, its CSV/XLSX upload and the printable protocol (web process). */
@Module({
  imports: [CohortAccessModule, CompletionModule],
  controllers: [ExamSheetPagesController, ExamSheetApiController],
  providers: [ExamAccess, ExamSheetRecords, ExamSheetService, ExamProtocolService],
})
export class ExamSheetModule {}
