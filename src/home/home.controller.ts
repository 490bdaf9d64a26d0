import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated } from '../common/access.decorators';
import { Clock } from '../common/clock';
import { CurrentActor, CurrentUser } from '../common/current-user.decorator';
import type { User } from '../users/user.entity';
import { HomeService } from './home.service';

/** The start page of each role: what is next for the person. */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(
    private readonly home: HomeService,
    private readonly clock: Clock,
  ) {}

  @Authenticated()
  @Get()
  @Render('pages/home/index')
  async index(@CurrentUser() user: User, @CurrentActor() actor: Actor) {
    return {
      titleKey: 'home.title',
      name: user.name,
      isAdmin: user.hasRole('admin'),
      isInstructor: user.hasRole('instructor'),
      isTrainee: user.hasRole('trainee'),
      ...(await this.home.page(actor, this.clock.now())),
    };
  }
}
