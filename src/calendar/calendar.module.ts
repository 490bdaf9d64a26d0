import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { CalendarTokens } from './calendar-tokens';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** iCalendar feeds and downloads (web process). */
@Module({
  imports: [SessionsModule],
  controllers: [CalendarController],
  providers: [CalendarService, CalendarTokens],
})
export class CalendarModule {}
