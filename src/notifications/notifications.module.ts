import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailRenderer } from './mail-renderer';
import { EMAIL_QUEUE, OUTBOX_SWEEP_QUEUE } from './notifications.constants';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRecords } from './outbox-records.service';
import { OutboxService } from './outbox.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** The outbox every feature writes its emails to. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage]), BullModule.registerQueue({ name: EMAIL_QUEUE }, { name: OUTBOX_SWEEP_QUEUE })],
  providers: [OutboxService, MailRenderer, UnsubscribeTokens, OutboxRecords],
  exports: [OutboxService, MailRenderer, UnsubscribeTokens, OutboxRecords, BullModule],
})
export class NotificationsModule {}
