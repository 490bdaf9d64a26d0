import { Controller, Get, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import type { User } from '../users/user.entity';
import { singleProgrammeFooter } from '../programmes/programme-footer';
import { MyEnrolmentsService } from './my-enrolments.service';
import { isMember } from './enrolment-status';

const statusKey = (status: string) => `cohorts.status.${status}`;

/** Each person's own view: the instructor's cohorts with their trainees, the trainee's programme. */
@ApiExcludeController()
@Controller('my')
export class MyPagesController {
  constructor(private readonly mine: MyEnrolmentsService) {}

  @Roles('instructor')
  @Get('cohorts')
  @Render('pages/cohorts/my-cohorts')
  async cohorts(@CurrentUser() user: User, @Req() req: Request) {
    const cohorts = await this.mine.cohortsOf(user, req.lang);
    return {
      titleKey: 'cohorts.my.title',
      cohorts: cohorts.map((c) => ({ ...c, trainees: c.trainees.map((e) => ({ ...e, statusKey: statusKey(e.status) })) })),
      ...singleProgrammeFooter(cohorts.map((c) => c.footer)),
    };
  }

  @Roles('trainee')
  @Get('programme')
  @Render('pages/cohorts/my-programme')
  async programme(@CurrentUser() user: User, @Req() req: Request) {
    const enrolments = await this.mine.enrolmentsOf(user, req.lang);
    return {
      titleKey: 'cohorts.myProgramme.title',
      enrolments: enrolments.map((e) => ({ ...e, statusKey: statusKey(e.status), member: isMember(e.status) })),
      ...singleProgrammeFooter(enrolments.map((e) => e.footer)),
    };
  }
}
