import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditApiController } from './audit-api.controller';
import { AuditEvent } from './audit-event.entity';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  // Served by the web process; in the worker, which loads this module too, they are inert.
  controllers: [AuditController, AuditApiController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
