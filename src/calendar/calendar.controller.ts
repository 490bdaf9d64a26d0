import { Controller, Get, HttpCode, Param, Post, Render, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { confirmed } from '../common/confirm';
import { Authenticated, Public } from '../common/access.decorators';
import { CurrentActor, CurrentUser } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import type { User } from '../users/user.entity';
import { CalendarFeedNotFoundError } from './calendar.errors';
import { CalendarService } from './calendar.service';
import { calendarLinkBody } from './calendar.responses';
import { ApiOk } from '../common/api-docs';
import { calendarPage } from './calendar-views';

const SESSION_ID = new ParseIdPipe('sessions.errors.notFound');
const CALENDAR = 'text/calendar; charset=utf-8';

/** The private feed (public route, secret URL), single-session downloads, and the page and API of one's link. */
@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Public()
  @Get('calendar/:userId/:file')
  @ApiExcludeEndpoint()
  async feed(@Param('userId') userId: string, @Param('file') file: string, @Res() res: Response) {
    if (!file.endsWith('.ics')) throw new CalendarFeedNotFoundError();
    const body = await this.calendar.feed(userId, file.slice(0, -'.ics'.length));
    res.setHeader('Content-Type', CALENDAR);
    res.setHeader('Content-Disposition', 'inline; filename="kursors.ics"');
    res.setHeader('X-Robots-Tag', 'noindex');
    res.send(body);
  }

  @Authenticated()
  @Get('sessions/:id/ics')
  @ApiExcludeEndpoint()
  async sessionFile(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const { fileName, body } = await this.calendar.sessionFile(actor, id, req.lang);
    res.setHeader('Content-Type', CALENDAR);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.send(body);
  }

  @Authenticated()
  @Get('my/calendar')
  @ApiExcludeEndpoint()
  @Render('pages/calendar/link')
  page(@CurrentUser() user: User) {
    return calendarPage(this.calendar.link(user));
  }

  @Authenticated()
  @Post('my/calendar/renew')
  @ApiExcludeEndpoint()
  async renewPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    if (
      !confirmed(req, res, {
        question: 'confirm.renewCalendar',
        consequence: 'confirm.renewCalendarConsequence',
        button: 'confirm.renew',
        back: '/my/calendar',
      })
    )
      return;
    await this.calendar.renew(actor);
    req.session.flash = [{ kind: 'success', key: 'calendar.flash.renewed' }];
    res.redirect(303, '/my/calendar');
  }

  @Authenticated()
  @Get('api/v1/me/calendar')
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'My private calendar feed URL (iCalendar); anyone with it can read my schedule' })
  @ApiOk(calendarLinkBody)
  api(@CurrentUser() user: User) {
    return this.calendar.link(user);
  }

  @Authenticated()
  @Post('api/v1/me/calendar/renew')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Replace my calendar feed URL; the old one stops working' })
  @ApiOk(calendarLinkBody, 'The new link; the old one no longer works.')
  renewApi(@CurrentActor() actor: Actor) {
    return this.calendar.renew(actor);
  }
}
