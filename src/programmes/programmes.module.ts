import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { CompletionModule } from '../completion/completion.module';
import { StorageModule } from '../storage/storage.module';
import { Indicator } from './indicator.entity';
import { IndicatorsApiController } from './indicators-api.controller';
import { IndicatorsPagesController } from './indicators-pages.controller';
import { IndicatorsAtRisk } from './indicators-at-risk.service';
import { IndicatorsService } from './indicators.service';
import { IndicatorRecords } from './indicator-records.service';
import { IndicatorValues } from './indicator-values.service';
import { ReportReadsModule } from '../database/report-reads';
import { Part } from './part.entity';
import { PartsPagesController } from './parts-pages.controller';
import { PartsService } from './parts.service';
import { Programme } from './programme.entity';
import { ProgrammeLogoController } from './programme-logo.controller';
import { ProgrammeLogoService } from './programme-logo.service';
import { ProgrammeRecords } from './programme-records.service';
import { ProgrammesApiController } from './programmes-api.controller';
import { ProgrammesPagesController } from './programmes-pages.controller';
import { ProgrammesService } from './programmes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Programme, Part, Indicator]), CohortAccessModule, StorageModule, CompletionModule, ReportReadsModule],
  controllers: [
    ProgrammesPagesController,
    IndicatorsPagesController,
    PartsPagesController,
    ProgrammeLogoController,
    ProgrammesApiController,
    IndicatorsApiController,
  ],
  providers: [
    ProgrammesService,
    PartsService,
    IndicatorsService,
    IndicatorRecords,
    IndicatorValues,
    IndicatorsAtRisk,
    ProgrammeLogoService,
    ProgrammeRecords,
  ],
  exports: [ProgrammesService, PartsService, IndicatorsService, IndicatorValues, IndicatorsAtRisk],
})
export class ProgrammesModule {}
