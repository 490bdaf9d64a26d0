import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailDeliveryProcessor } from './email-delivery.processor';
import { Mailer } from './mailer';
import { OutboxDelivery } from './outbox-delivery';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxSweeper, OutboxSweepProcessor } from './outbox-sweeper';
import { NotificationsModule } from './notifications.module';

/** Email delivery and the outbox sweeper: worker process only. */
@Module({
  imports: [NotificationsModule, TypeOrmModule.forFeature([OutboxMessage])],
  providers: [Mailer, OutboxDelivery, EmailDeliveryProcessor, OutboxSweeper, OutboxSweepProcessor],
  exports: [OutboxDelivery, OutboxSweeper],
})
export class NotificationsWorkerModule {}
