import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { NotFoundError } from '../common/errors';
import { confirmed } from '../common/confirm';
import { apiTokenSchema } from '../auth/auth.schemas';
import { ApiTokensService } from '../auth/api-tokens.service';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { UsersService } from './users.service';
import { withFormLocals } from '../common/form-locals';
import { tokenCreatedPage, tokenNewPage } from './user-views';

const userNotFound = new ParseIdPipe('users.errors.notFound');
const tokenNotFound = new ParseIdPipe('auth.errors.tokenNotFound');

/** A user's personal API tokens, managed by an administrator on the user's page. */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/users/:id/tokens')
export class UserTokensPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  @Get('new')
  @Render('pages/users/token-new')
  async newForm(@Param('id', userNotFound) id: string) {
    return tokenNewPage(await this.users.get(id));
  }

  /**
   * Shows the secret on the page this POST answers, not after a redirect: a redirect would need the
   * secret kept in the session store, and it must be kept nowhere.
   */
  @Post()
  @FormView('pages/users/token-new')
  async create(
    @Param('id', userNotFound) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const owner = await this.users.get(id);
    const { token, secret } = await withFormLocals(res, tokenNewPage(owner), () =>
      this.apiTokens.create(id, parseWith(apiTokenSchema, body).name, actor),
    );
    res.status(201).render('pages/users/token-created', tokenCreatedPage(owner, token, secret));
  }

  @Post(':tokenId/revoke')
  async revoke(
    @Param('id', userNotFound) id: string,
    @Param('tokenId', tokenNotFound) tokenId: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const token = (await this.apiTokens.listFor(id)).find((t) => t.id === tokenId);
    if (!token) throw new NotFoundError('auth.errors.tokenNotFound');
    const ask = {
      question: 'confirm.revokeToken',
      params: { name: token.name },
      consequence: 'confirm.revokeTokenConsequence',
      button: 'confirm.revoke',
      back: `/admin/users/${id}#tokens`,
    };
    if (!confirmed(req, res, ask)) return;
    await this.apiTokens.revoke(id, tokenId, actor);
    req.session.flash = [{ kind: 'success', key: 'tokens.revoked' }];
    res.redirect(303, `/admin/users/${id}#tokens`);
  }
}
