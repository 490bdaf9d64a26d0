import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated } from '../common/access.decorators';
import { ApiOk } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { I18nService } from '../i18n/i18n.service';
import { dashboardJson } from './dashboard-json';
import { dashboardBody } from './dashboard.responses';
import { DashboardService } from './dashboard.service';

/** The home page's panels in the API. */
@ApiTags('home')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class DashboardApiController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly i18n: I18nService,
  ) {}

  @Authenticated()
  @Get('me/dashboard')
  @ApiOperation({
    summary: 'My home page as data: the panels of each role I hold',
    description:
      'A trainee: next sessions, work to hand in and handed in, exams, progress toward completing each part, certificates. An instructor: ' +
      "the Riga day's sessions, attendance not yet taken, work and essay answers waiting to be marked. An administrator: cohorts running, " +
      'trainees below the attendance minimum, marking overdue, emails failing, certificates ready to issue, indicators at risk. ' +
      'A role I do not hold is null. Lists hold at most 5 lines; the totals count all.',
  })
  @ApiOk(dashboardBody)
  async mine(@CurrentActor() actor: Actor, @Req() req: Request) {
    return dashboardJson(await this.dashboards.forActor(actor), req.lang, this.i18n);
  }
}
