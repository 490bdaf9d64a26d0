import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { ClockModule } from './common/clock';
import { LoggingModule } from './common/logging.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { I18nModule } from './i18n/i18n.module';
import { bullOptions } from './redis/bull-connection';

/** What both the web and the worker process need. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => bullOptions(config.env),
    }),
    I18nModule,
    ClockModule,
    AuditModule,
  ],
})
export class CoreModule {}
