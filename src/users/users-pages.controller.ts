import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { confirmed } from '../common/confirm';
import { z } from 'zod';
import { safeNext } from '../auth/auth.schemas';
import { ApiTokensService } from '../auth/api-tokens.service';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { createUserSchema, updateUserSchema, userListQuerySchema } from './user.schemas';
import { withFormLocals } from '../common/form-locals';
import { newUserPage, userEditPage, userFormValues, userListPage } from './user-views';
import { UsersService } from './users.service';

const backSchema = z.object({ next: z.string().max(2000).optional() });
const userNotFound = new ParseIdPipe('users.errors.notFound');

/** The administrator's user pages: the list, the user form, and the account actions. */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/users')
export class UsersPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  @Get()
  @Render('pages/users/index')
  async list(@Query() rawQuery: unknown, @CurrentActor() actor: Actor) {
    const query = parseWith(userListQuerySchema, rawQuery);
    return userListPage(await this.users.list(query), query, actor.userId);
  }

  @Get('new')
  @Render('pages/users/form')
  newForm() {
    return newUserPage({ roles: ['trainee'], language: 'lv' });
  }

  @Post('new')
  @FormView('pages/users/form', () => newUserPage())
  async create(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const input = parseWith(createUserSchema, body);
    const user = await this.users.create(input, actor);
    req.session.flash = [{ kind: 'success', key: 'users.flash.created' }];
    res.redirect(303, `/admin/users/${user.id}`);
  }

  @Get(':id')
  @Render('pages/users/form')
  async edit(@Param('id', userNotFound) id: string, @CurrentActor() actor: Actor) {
    const page = await this.editPage(id, actor);
    return { ...page, values: userFormValues(page.account) };
  }

  @Post(':id')
  @FormView('pages/users/form')
  async update(
    @Param('id', userNotFound) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    // Loaded first: a user that does not exist is a 404 before the input is read.
    await withFormLocals(res, await this.editPage(id, actor), async () => {
      const input = parseWith(updateUserSchema, body);
      await this.users.update(id, { ...input, department: input.department ?? null }, actor);
    });
    req.session.flash = [{ kind: 'success', key: 'users.flash.updated' }];
    res.redirect(303, `/admin/users/${id}`);
  }

  @Post(':id/disable')
  async disable(
    @Param('id', userNotFound) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const user = await this.users.get(id);
    const ask = {
      question: 'confirm.disableUser',
      params: { name: user.name },
      consequence: 'confirm.disableUserConsequence',
      button: 'confirm.disable',
      back: this.back(body, id),
    };
    if (!confirmed(req, res, ask)) return;
    await this.users.setDisabled(id, true, actor);
    req.session.flash = [{ kind: 'success', key: 'users.flash.disabled' }];
    res.redirect(303, this.back(body, id));
  }

  @Post(':id/enable')
  async enable(
    @Param('id', userNotFound) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.users.setDisabled(id, false, actor);
    req.session.flash = [{ kind: 'success', key: 'users.flash.enabled' }];
    res.redirect(303, this.back(body, id));
  }

  @Post(':id/invite')
  async invite(@Param('id', userNotFound) id: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    await this.users.resendInvitation(id, actor);
    req.session.flash = [{ kind: 'success', key: 'users.flash.invited' }];
    res.redirect(303, `/admin/users/${id}`);
  }

  private async editPage(id: string, actor: Actor) {
    return userEditPage(await this.users.getSummary(id), await this.apiTokens.listFor(id), actor.userId);
  }

  /** The list page the action was taken from (with its filters), or the user's page. */
  private back(body: unknown, id: string): string {
    const { next } = parseWith(backSchema, body);
    return next ? safeNext(next) : `/admin/users/${id}`;
  }
}
