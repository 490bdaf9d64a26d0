import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Roles } from '../common/access.decorators';
import { type Actor, actorHasRole } from '../common/actor';
import { confirmed } from '../common/confirm';
import { CurrentActor } from '../common/current-user.decorator';
import { withFormLocals } from '../common/form-locals';
import { FormView } from '../common/form-view';
import { pager } from '../common/paging';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import type { Language } from '../i18n/languages';
import { ProgrammesService } from '../programmes/programmes.service';
import { sendDownload } from '../common/download-response';
import { CertificateBadges } from './certificate-badges.service';
import { CertificateReads } from './certificate-reads.service';
import { CertificateRunsService } from './certificate-runs.service';
import { CertificateTemplatesService } from './certificate-templates.service';
import {
  certificatePage,
  cohortCertificatesPage,
  myCertificatesPage,
  programmeCertificatesPage,
  reissuePage,
  revokePage,
} from './certificate-views';
import { issueProgrammeSchema, myCertificatesQuerySchema, reissueSchema, revokeSchema } from './certificates.schemas';
import { CertificatesService, type IssueOutcome } from './certificates.service';

const ID = new ParseIdPipe('certificates.errors.notFound');
const COHORT_ID = new ParseIdPipe('cohorts.errors.notFound');
const ENROLMENT_ID = new ParseIdPipe('certificates.errors.enrolmentNotFound');
const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');

/**
 * Certificate pages: a cohort's and a programme's lists with the issue actions, one certificate with its history,
 * revoke and reissue forms, the downloads (the PDF and the Open Badge), and each holder's own list.
 */
@ApiExcludeController()
@Controller()
export class CertificatesPagesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly reads: CertificateReads,
    private readonly templates: CertificateTemplatesService,
    private readonly programmes: ProgrammesService,
    private readonly badges: CertificateBadges,
    private readonly runs: CertificateRunsService,
  ) {}

  @Roles('admin', 'instructor')
  @Get('cohorts/:cohortId/certificates')
  @Render('pages/certificates/cohort')
  async cohort(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor, @Req() req: Request) {
    const read = await this.reads.cohort(actor, cohortId);
    const isAdmin = actorHasRole(actor, 'admin');
    const runs = isAdmin ? await this.runs.overview(actor, cohortId) : null;
    const hasTemplate = Boolean(await this.templates.find(read.cohort.part.programme.id));
    return cohortCertificatesPage(read, runs, hasTemplate, isAdmin, req.lang);
  }

  @Roles('admin')
  @Post('enrolments/:enrolmentId/certificate')
  async issue(
    @Param('enrolmentId', ENROLMENT_ID) enrolmentId: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    issued(req, res, await this.certificates.issue(actor, { enrolmentId }));
  }

  @Roles('admin')
  @Get('admin/programmes/:id/certificates')
  @Render('pages/certificates/programme')
  async programme(@Param('id', PROGRAMME_ID) id: string, @Req() req: Request) {
    const programme = await this.programmes.get(id);
    const holders = await this.reads.programmeHolders(id);
    return programmeCertificatesPage(id, programme, holders, Boolean(await this.templates.find(id)), req.lang);
  }

  @Roles('admin')
  @Post('admin/programmes/:id/certificates')
  async issueProgramme(
    @Param('id', PROGRAMME_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const { userId } = parseWith(issueProgrammeSchema, body);
    issued(req, res, await this.certificates.issue(actor, { programmeId: id, userId }));
  }

  @Authenticated()
  @Get('certificates/:id')
  @Render('pages/certificates/show')
  async show(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Req() req: Request) {
    return certificatePage(await this.reads.withHistory(actor, id), this.badges.available, actorHasRole(actor, 'admin'), req.lang);
  }

  @Authenticated()
  @Get('certificates/:id/download')
  async download(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return sendDownload(res, await this.reads.open(actor, id));
  }

  @Authenticated()
  @Get('certificates/:id/badge')
  async badge(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return sendDownload(res, await this.badges.open(actor, id));
  }

  @Roles('admin')
  @Get('certificates/:id/revoke')
  @Render('pages/certificates/revoke')
  async revokeForm(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.revokeLocals(actor, id, req.lang);
  }

  @Roles('admin')
  @Post('certificates/:id/revoke')
  @FormView('pages/certificates/revoke')
  async revoke(
    @Param('id', ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const input = await withFormLocals(
      res,
      () => this.revokeLocals(actor, id, req.lang),
      async () => parseWith(revokeSchema, withoutConfirmation(body)),
    );
    const { certificate } = await this.reads.withHistory(actor, id);
    const back = `/certificates/${id}`;
    if (
      !confirmed(req, res, {
        question: 'certificates.revoke.question',
        params: { serial: certificate.serial },
        consequence: 'certificates.revoke.consequence',
        button: 'certificates.revoke.submit',
        back,
      })
    )
      return;
    const revoked = await withFormLocals(
      res,
      () => this.revokeLocals(actor, id, req.lang),
      () => this.certificates.revoke(actor, id, input),
    );
    req.session.flash = [{ kind: 'success', key: 'certificates.flash.revoked', params: { serial: revoked.serial } }];
    res.redirect(303, back);
  }

  @Roles('admin')
  @Get('certificates/:id/reissue')
  @Render('pages/certificates/reissue')
  async reissueForm(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.reissueLocals(actor, id, req.lang);
  }

  @Roles('admin')
  @Post('certificates/:id/reissue')
  @FormView('pages/certificates/reissue')
  async reissue(
    @Param('id', ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const certificate = await withFormLocals(
      res,
      () => this.reissueLocals(actor, id, req.lang),
      () => this.certificates.reissue(actor, id, parseWith(reissueSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'certificates.flash.reissued', params: { serial: certificate.serial } }];
    res.redirect(303, `/certificates/${certificate.id}`);
  }

  @Authenticated()
  @Get('my/certificates')
  @Render('pages/certificates/mine')
  async mine(@CurrentActor() actor: Actor, @Req() req: Request, @Query() rawQuery: unknown) {
    const query = parseWith(myCertificatesQuerySchema, rawQuery);
    const { items, total } = await this.reads.mine(actor, query.page, query.pageSize);
    return myCertificatesPage(items, this.badges.available, pager('/my/certificates', query, total), req.lang);
  }

  private async revokeLocals(actor: Actor, id: string, lang: Language) {
    return revokePage((await this.reads.withHistory(actor, id)).certificate, lang);
  }

  private async reissueLocals(actor: Actor, id: string, lang: Language) {
    return reissuePage((await this.reads.withHistory(actor, id)).certificate, lang);
  }
}

/** The form's own fields, without the confirmation page's answer. */
function withoutConfirmation(body: unknown): unknown {
  const { confirm: _answer, ...fields } = (body ?? {}) as Record<string, unknown>;
  return fields;
}

/** After an issue: to the certificate, saying whether it is new or the one already held. */
function issued(req: Request, res: Response, { certificate, created }: IssueOutcome): void {
  req.session.flash = [
    {
      kind: 'success',
      key: created ? 'certificates.flash.issued' : 'certificates.flash.alreadyIssued',
      params: { serial: certificate.serial },
    },
  ];
  res.redirect(303, `/certificates/${certificate.id}`);
}
