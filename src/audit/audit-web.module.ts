import { Module } from '@nestjs/common';
import { AuditApiController } from './audit-api.controller';
import { AuditController } from './audit.controller';

/** The audit log's pages and API: web process only (the log itself, AuditModule, is in both). */
@Module({
  controllers: [AuditController, AuditApiController],
})
export class AuditWebModule {}
