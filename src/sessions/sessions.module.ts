import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { CompletionModule } from '../completion/completion.module';
import { MySessionsService } from './my-sessions.service';
import { SessionAccess } from './session-access.service';
import { SessionChangesService } from './session-changes.service';
import { SessionClashCheck } from './session-clash-check';
import { SessionNotices } from './session-notices';
import { SessionRecords } from './session-records.service';
import { SessionsApiController } from './sessions-api.controller';
import { SessionsPagesController } from './sessions-pages.controller';
import { SessionsService } from './sessions.service';
import { NotificationsModule } from '../notifications/notifications.module';

/** Sessions of cohorts: the schedule, its changes and each person's own schedule (web process). */
@Module({
  imports: [NotificationsModule, CohortAccessModule, CompletionModule],
  controllers: [SessionsPagesController, SessionsApiController],
  providers: [SessionsService, SessionChangesService, SessionAccess, SessionClashCheck, SessionNotices, MySessionsService, SessionRecords],
  exports: [SessionsService, SessionAccess, MySessionsService, SessionRecords],
})
export class SessionsModule {}
