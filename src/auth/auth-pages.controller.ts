import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { Authenticated, Public } from '../common/access.decorators';
import { FormView } from '../common/form-view';
import { parseWith } from '../common/zod-validation.pipe';
import { passwordSchema } from '../users/user.schemas';
import { PasswordTokensService } from '../users/password-tokens.service';
import { UsersService } from '../users/users.service';
import { LANGUAGE_COOKIE } from '../common/cookies';
import { AuthService } from './auth.service';
import { languageSchema, loginSchema, resetRequestSchema, safeNext } from './auth.schemas';
import { loginPage, passwordPage, resetPage } from './auth-views';
import { SessionAuth } from './session-auth';
import { withFormLocals } from '../common/form-locals';

@ApiExcludeController()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionAuth,
    private readonly passwordTokens: PasswordTokensService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Get('login')
  login(@Req() req: Request, @Query('next') next: string | undefined, @Res() res: Response) {
    if (req.user) return res.redirect(303, safeNext(next));
    res.render('pages/auth/login', loginPage(safeNext(next)));
  }

  @Public()
  @Post('login')
  @FormView('pages/auth/login', () => loginPage())
  async submitLogin(@Req() req: Request, @CurrentActor() actor: Actor, @Body() body: unknown, @Res() res: Response) {
    const input = parseWith(loginSchema, body);
    const user = await this.auth.verifyCredentials(input.email, input.password, actor);
    await this.sessions.logIn(req, user);
    res.redirect(303, safeNext(input.next));
  }

  @Authenticated()
  @Post('logout')
  async logout(@Req() req: Request, @Res() res: Response) {
    await this.sessions.logOut(req, res);
    res.redirect(303, '/login');
  }

  /** Anyone may switch; a signed-in user's choice is saved to their profile. */
  @Public()
  @Post('language')
  async language(@Req() req: Request, @CurrentActor() actor: Actor, @Body() body: unknown, @Res() res: Response) {
    const input = parseWith(languageSchema, body);
    if (actor.userId) await this.users.changeLanguage(actor, input.lang);
    req.session.lang = input.lang;
    res.cookie(LANGUAGE_COOKIE, input.lang, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400_000 });
    res.redirect(303, safeNext(input.next));
  }

  @Public()
  @Get('password/:token')
  @Render('pages/auth/set-password')
  async passwordForm(@Param('token') token: string) {
    return passwordPage(await this.passwordTokens.inspect(token));
  }

  @Public()
  @Post('password/:token')
  @FormView('pages/auth/set-password')
  async setPassword(
    @Req() req: Request,
    @CurrentActor() actor: Actor,
    @Param('token') token: string,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    // Loaded first: a link that is spent or unknown says so before the password is read.
    const user = await withFormLocals(res, passwordPage(await this.passwordTokens.inspect(token)), () => {
      const input = parseWith(passwordSchema, body);
      return this.passwordTokens.consume(token, input.password, input.passwordConfirm, actor);
    });
    await this.sessions.logIn(req, user);
    req.session.flash = [{ kind: 'success', key: 'auth.password.saved' }];
    res.redirect(303, '/');
  }

  @Public()
  @Get('password-reset')
  @Render('pages/auth/reset-request')
  resetForm() {
    return resetPage();
  }

  @Public()
  @Post('password-reset')
  @FormView('pages/auth/reset-request', resetPage)
  async requestReset(@CurrentActor() actor: Actor, @Body() body: unknown, @Res() res: Response) {
    const input = parseWith(resetRequestSchema, body);
    await this.users.requestPasswordReset(input.email, actor);
    res.status(200).render('pages/auth/reset-sent', resetPage());
  }
}
