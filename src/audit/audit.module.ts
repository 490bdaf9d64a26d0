import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditRecords } from './audit-records.service';
import { AuditService } from './audit.service';

/** The audit log every feature writes to, in the web process and the worker alike. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  providers: [AuditRecords, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
