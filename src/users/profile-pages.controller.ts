import { Body, Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor, CurrentUser } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { parseWith } from '../common/zod-validation.pipe';
import { User } from './user.entity';
import { profileSchema } from './user.schemas';
import { profilePage, profileValues } from './user-views';
import { UsersService } from './users.service';

/** Each signed-in person's own name, language and email preferences. */
@ApiExcludeController()
@Authenticated()
@Controller('profile')
export class ProfilePagesController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Render('pages/profile/index')
  show(@CurrentUser() user: User) {
    return { ...profilePage(user), values: profileValues(user) };
  }

  @Post()
  @FormView('pages/profile/index', (req) => profilePage(req.user!))
  async save(@CurrentActor() actor: Actor, @Body() body: unknown, @Req() req: Request, @Res() res: Response) {
    const input = parseWith(profileSchema, body);
    await this.users.updateProfile(actor, input);
    req.session.lang = input.language;
    req.session.flash = [{ kind: 'success', key: 'profile.saved' }];
    res.redirect(303, '/profile');
  }
}
