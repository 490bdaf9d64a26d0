import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxApiController } from './outbox-api.controller';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxPagesController } from './outbox-pages.controller';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';
import { NotificationsModule } from './notifications.module';

/** The outbox pages and API for administrators, and the unsubscribe links: web process only. */
@Module({
  imports: [NotificationsModule, TypeOrmModule.forFeature([OutboxMessage]), UsersModule],
  controllers: [OutboxPagesController, OutboxApiController, UnsubscribeController],
  providers: [OutboxAdminService, UnsubscribeService],
  exports: [OutboxAdminService],
})
export class NotificationsWebModule {}
