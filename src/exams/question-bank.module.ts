import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { I18nModule } from '../i18n/i18n.module';
import { QuestionBankAccess } from './question-bank-access.service';
import { QuestionBankApiController } from './question-bank-api.controller';
import { QuestionBankPagesController } from './question-bank-pages.controller';
import { QuestionBankRecords } from './question-bank-records.service';
import { QuestionBankService } from './question-bank.service';
import { QuestionImportService } from './question-import.service';

/** A part's question bank: categories, versioned questions, Moodle XML and GIFT import, Moodle XML export. */
@Module({
  imports: [CohortAccessModule, I18nModule],
  controllers: [QuestionBankPagesController, QuestionBankApiController],
  providers: [QuestionBankAccess, QuestionBankRecords, QuestionBankService, QuestionImportService],
  exports: [QuestionBankService, QuestionBankAccess],
})
export class QuestionBankModule {}
