import { Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CompletionModule } from './completion.module';
import { CompletionService } from './completion.service';

/**
 * On the worker's start, stores the completion of enrolments that have none yet (made before completion was kept),
 * in the background so the worker's queues start at once. Several workers starting together do it safely: each
 * cohort is re-evaluated under the same locks as any change, and one that another worker finished has nothing left.
 */
@Injectable()
export class CompletionBackfill implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CompletionBackfill.name);
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly completion: CompletionService) {}

  onApplicationBootstrap(): void {
    this.running = this.completion.recordMissing().then(
      (cohorts) => {
        if (cohorts) this.logger.log(`Completion stored for the unrecorded members of ${cohorts} open cohort(s)`);
      },
      (error: Error) => this.logger.error(`Completion of unrecorded members not stored: ${error.message}`),
    );
  }

  /** Lets a back-fill under way finish before the database connection closes. */
  onApplicationShutdown(): Promise<void> {
    return this.running;
  }
}

/** Completion's work in the worker process. */
@Module({ imports: [CompletionModule], providers: [CompletionBackfill] })
export class CompletionWorkerModule {}
