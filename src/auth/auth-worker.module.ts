import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SESSION_PRUNE_QUEUE, SessionPruneProcessor, SessionPruneScheduler } from './session-prune.processor';

/** The removal of expired sessions: worker process only. */
@Module({
  imports: [BullModule.registerQueue({ name: SESSION_PRUNE_QUEUE })],
  providers: [SessionPruneScheduler, SessionPruneProcessor],
})
export class AuthWorkerModule {}
