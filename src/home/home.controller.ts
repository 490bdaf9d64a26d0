import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Authenticated } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { User } from '../users/user.entity';

/** The start page of each role. */
@ApiExcludeController()
@Controller()
export class HomeController {
  @Authenticated()
  @Get()
  @Render('pages/home/index')
  home(@CurrentUser() user: User) {
    return {
      titleKey: 'home.title',
      name: user.name,
      isAdmin: user.hasRole('admin'),
      isInstructor: user.hasRole('instructor'),
      isTrainee: user.hasRole('trainee'),
    };
  }
}
