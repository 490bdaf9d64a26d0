import { Controller, Get, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { I18nService } from '../i18n/i18n.service';
import type { User } from '../users/user.entity';
import { myCohortsPage, myProgrammePage } from './cohort-views';
import { CohortsService } from './cohorts.service';
import { EnrolmentsService } from './enrolments.service';

/** Each person's own view: the instructor's cohorts with their trainees, the trainee's programme. */
@ApiExcludeController()
@Controller('my')
export class MyPagesController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly enrolments: EnrolmentsService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('instructor')
  @Get('cohorts')
  @Render('pages/cohorts/my-cohorts')
  async myCohorts(@CurrentUser() user: User, @Req() req: Request) {
    return myCohortsPage(await this.cohorts.taughtBy(user.id), req.lang);
  }

  @Roles('trainee')
  @Get('programme')
  @Render('pages/cohorts/my-programme')
  async programme(@CurrentUser() user: User, @Req() req: Request) {
    return myProgrammePage(await this.enrolments.forTrainee(user.id), req.lang, this.i18n);
  }
}
