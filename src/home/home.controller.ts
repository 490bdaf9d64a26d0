import { Controller, Get, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated } from '../common/access.decorators';
import { CurrentActor, CurrentUser } from '../common/current-user.decorator';
import { I18nService } from '../i18n/i18n.service';
import type { User } from '../users/user.entity';
import { adminPanels, instructorPanels, traineePanels } from './dashboard-views';
import { DashboardService } from './dashboard.service';

/** The start page of everyone: each of their roles' panels. */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly i18n: I18nService,
  ) {}

  @Authenticated()
  @Get()
  @Render('pages/home/index')
  async index(@CurrentUser() user: User, @CurrentActor() actor: Actor, @Req() req: Request) {
    const d = await this.dashboards.forActor(actor);
    return {
      titleKey: 'home.title',
      name: user.name,
      trainee: d.trainee && traineePanels(d.trainee, this.i18n, req.lang, d.generatedAt),
      instructor: d.instructor && instructorPanels(d.instructor, d.generatedAt),
      admin: d.admin && adminPanels(d.admin, this.i18n, req.lang),
    };
  }
}
