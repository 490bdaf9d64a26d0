import { Module } from '@nestjs/common';
import { CoreModule } from './core.module';

/** The background process: BullMQ processors and job schedulers, no HTTP. */
@Module({
  imports: [CoreModule],
})
export class WorkerModule {}
