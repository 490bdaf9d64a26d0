import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { CohortsModule } from '../cohorts/cohorts.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { StorageModule } from '../storage/storage.module';
import { MaterialsApiController } from './materials-api.controller';
import { MaterialsPagesController } from './materials-pages.controller';
import { MaterialsService } from './materials.service';

/** Methodological materials of parts and cohorts. */
@Module({
  imports: [CohortAccessModule, CohortsModule, ProgrammesModule, StorageModule],
  controllers: [MaterialsPagesController, MaterialsApiController],
  providers: [MaterialsService],
  exports: [MaterialsService],
})
export class MaterialsModule {}
