import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { LANGUAGE_COOKIE } from '../common/cookies';
import { CurrentActor } from '../common/current-user.decorator';
import { withFormLocals } from '../common/form-locals';
import { FormView } from '../common/form-view';
import { I18nService, isLanguage } from '../i18n/i18n.service';
import { uploadFromRequest } from '../storage/upload';
import { verificationPath } from './certificate-documents';
import { normalizeCode } from './verification-code';
import { VerificationService } from './verification.service';
import { badCodePage, badgeResultPage, codeResultPage, fileResultPage, verifyFormPage } from './verification-views';

const FORM_VIEW = 'pages/certificates/verify';
const RESULT_VIEW = 'pages/certificates/verify-result';

/**
 * The public verification page: no login. A visitor not signed in switches language with a plain link that
 * sets the language cookie, so reading a result writes no session.
 */
@ApiExcludeController()
@Controller('verify')
export class VerificationPagesController {
  constructor(
    private readonly verification: VerificationService,
    private readonly i18n: I18nService,
  ) {}

  @Public()
  @Get()
  form(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    if (switchedLanguage(query, req, res)) return;
    if (typeof query.code === 'string' && query.code.trim()) {
      const code = normalizeCode(query.code);
      if (code) return res.redirect(303, verificationPath(code));
      const message = this.i18n.t(req.lang, 'validation.certificate.badCode');
      const formError = this.i18n.t(req.lang, 'errors.validationForm');
      return res.status(422).render(FORM_VIEW, badCodePage(this.formLocals(req), query.code, message, formError));
    }
    res.render(FORM_VIEW, this.formLocals(req));
  }

  /**
   * The address a file or a badge was posted to, asked for again — by a language switch or a reload of the result:
   * a result cannot be shown without its file, so the form, in the language asked for.
   */
  @Public()
  @Get(['file', 'badge'])
  checkAgain(@Query() query: Record<string, unknown>, @Res() res: Response) {
    res.redirect(303, isLanguage(query.lang) ? `/verify?lang=${query.lang}` : '/verify');
  }

  @Public()
  @Get(':code')
  async result(
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    if (switchedLanguage(query, req, res)) return;
    const check = await this.verification.byCode(actor, code);
    res.status(check.kind === 'found' ? 200 : 404).render(RESULT_VIEW, codeResultPage(check, languageLink(req), req.lang));
  }

  @Public()
  @Post('file')
  @FormView(FORM_VIEW)
  async file(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const check = await withFormLocals(
      res,
      async () => this.formLocals(req),
      () => this.verification.byFile(actor, uploadFromRequest(req)),
    );
    res.status(200).render(RESULT_VIEW, fileResultPage(check, req.lang));
  }

  @Public()
  @Post('badge')
  @FormView(FORM_VIEW)
  async badge(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const check = await withFormLocals(
      res,
      async () => this.formLocals(req),
      () => this.verification.byBadgeUpload(actor, uploadFromRequest(req)),
    );
    res.status(200).render(RESULT_VIEW, badgeResultPage(check, req.lang));
  }

  private formLocals(req: Request) {
    return verifyFormPage(req.lang, this.verification.badgesOffered);
  }
}

/** `?lang=en` from the language link: remembered in the cookie, then the same page without it. */
function switchedLanguage(query: Record<string, unknown>, req: Request, res: Response): boolean {
  if (!isLanguage(query.lang)) return false;
  res.cookie(LANGUAGE_COOKIE, query.lang, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400_000 });
  res.redirect(303, req.path);
  return true;
}

/** For a visitor with no session, the language switch is a link rather than a form (whose token would need one). */
function languageLink(req: Request): string | null {
  return req.user ? null : `${req.path}?lang=${req.lang === 'lv' ? 'en' : 'lv'}`;
}
