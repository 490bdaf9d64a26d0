import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { StorageCleanupProcessor, StorageCleanupScheduler, STORAGE_CLEANUP_QUEUE } from './storage-cleanup.processor';
import { StorageModule } from './storage.module';

/** The nightly orphan-file cleanup: worker process only. */
@Module({
  imports: [StorageModule, BullModule.registerQueue({ name: STORAGE_CLEANUP_QUEUE })],
  providers: [StorageCleanupScheduler, StorageCleanupProcessor],
})
export class StorageWorkerModule {}
