import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { confirmed } from '../common/confirm';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { acceptAttribute, allowedLabel } from '../storage/file-policy';
import type { Language } from '../i18n/languages';
import { describeCompletionRule } from './completion-rule';
import { withFormLocals } from '../common/form-locals';
import { IndicatorValues } from './indicator-values.service';
import { INDICATOR_TONES } from './indicator-views';
import { localized } from '../i18n/localized';
import { programmeFooter } from './programme-footer';
import { uploadFromRequest } from '../storage/upload';
import { LOGO_POLICY, ProgrammeLogoService } from './programme-logo.service';
import { PROGRAMME_STATUSES, Programme } from './programme.entity';
import { programmeSchema } from './programme.schemas';
import { ProgrammesService } from './programmes.service';

const ID = new ParseIdPipe('programmes.errors.notFound');

/** What a programme form shows besides the values: the choices and the footer of the programme. */
function programmeFormLocals(programme?: Programme, lang: Language = 'lv') {
  return {
    titleKey: programme ? 'programmes.edit.title' : 'programmes.new.title',
    programme: programme ? { id: programme.id, title: localized(lang, programme.titleLv, programme.titleEn) } : null,
    statusOptions: PROGRAMME_STATUSES.map((value) => ({ value, label: `programmes.status.${value}` })),
    ...(programme ? programmeFooter(programme) : {}),
  };
}

function programmeValues(p: Programme) {
  return {
    ...p,
    cofinancingPercent: String(Number(p.cofinancingPercent)),
    partners: p.partners.join('\n'),
    reminderOffsetsHours: p.reminderOffsetsHours.join(', '),
    studyVisitOffsetsHours: p.studyVisitOffsetsHours.join(', '),
  };
}

/** Admin pages of programmes: list, create, edit, and the programme page with its parts and indicators. */
@ApiExcludeController()
@Controller('admin/programmes')
export class ProgrammesPagesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly indicators: IndicatorValues,
    private readonly logos: ProgrammeLogoService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('admin')
  @Get()
  @Render('pages/programmes/list')
  async list(@Req() req: Request) {
    const rows = await this.programmes.list();
    return {
      titleKey: 'programmes.list.title',
      programmes: rows.map(({ programme, partCount, cohortCount }) => ({
        id: programme.id,
        title: localized(req.lang, programme.titleLv, programme.titleEn),
        status: programme.status,
        statusKey: `programmes.status.${programme.status}`,
        agreementNumber: programme.agreementNumber,
        partCount,
        cohortCount,
      })),
    };
  }

  @Roles('admin')
  @Get('new')
  @Render('pages/programmes/form')
  newForm() {
    return {
      ...programmeFormLocals(),
      values: { status: 'draft', cofinancingPercent: '100', reminderOffsetsHours: '24', studyVisitOffsetsHours: '72, 24' },
    };
  }

  @Roles('admin')
  @Post()
  @FormView('pages/programmes/form', () => programmeFormLocals())
  async create(@CurrentActor() actor: Actor, @Req() req: Request, @Body() body: unknown, @Res() res: Response) {
    const programme = await this.programmes.create(parseWith(programmeSchema, body), actor);
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.created' }];
    res.redirect(303, `/admin/programmes/${programme.id}`);
  }

  @Roles('admin')
  @Get(':id')
  @Render('pages/programmes/show')
  show(@Param('id', ID) id: string, @Req() req: Request) {
    return this.showLocals(id, req.lang);
  }

  @Roles('admin')
  @Post(':id/logo')
  @FormView('pages/programmes/show')
  async uploadLogo(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    await withFormLocals(
      res,
      () => this.showLocals(id, req.lang),
      () => this.logos.upload(id, uploadFromRequest(req), actor),
    );
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.logoSaved' }];
    res.redirect(303, `/admin/programmes/${id}#logo`);
  }

  @Roles('admin')
  @Post(':id/logo/delete')
  async removeLogo(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const programme = await this.programmes.get(id);
    const back = `/admin/programmes/${id}#logo`;
    if (
      !confirmed(req, res, {
        question: 'confirm.deleteLogo',
        params: { name: localized(req.lang, programme.titleLv, programme.titleEn) },
        button: 'confirm.remove',
        back,
      })
    )
      return;
    await this.logos.remove(id, actor);
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.logoRemoved' }];
    res.redirect(303, `/admin/programmes/${id}#logo`);
  }

  private async showLocals(id: string, lang: Language) {
    const programme = await this.programmes.getWithChildren(id);
    const indicators = await this.indicators.values(id);
    return {
      title: localized(lang, programme.titleLv, programme.titleEn),
      ...programmeFooter(programme),
      programme: {
        ...programme,
        title: localized(lang, programme.titleLv, programme.titleEn),
        description: localized(lang, programme.descriptionLv, programme.descriptionEn),
        cofinancingPercent: Number(programme.cofinancingPercent),
        statusKey: `programmes.status.${programme.status}`,
        logoUrl: programme.logoKey ? `/programmes/${programme.id}/logo` : null,
      },
      logoAccept: acceptAttribute(LOGO_POLICY.allowed),
      logoTypes: allowedLabel(LOGO_POLICY.allowed),
      parts: programme.parts.map((part, index, all) => ({
        ...part,
        title: localized(lang, part.titleLv, part.titleEn),
        rule: describeCompletionRule(part, lang, this.i18n),
        first: index === 0,
        last: index === all.length - 1,
      })),
      indicators: indicators.map(({ indicator, value, percent, status }) => ({
        ...indicator,
        name: localized(lang, indicator.nameLv, indicator.nameEn),
        metricKey: `programmes.metric.${indicator.metric}`,
        value,
        percent,
        statusKey: `programmes.indicatorStatus.${status}`,
        tone: INDICATOR_TONES[status],
      })),
    };
  }

  @Roles('admin')
  @Get(':id/edit')
  @Render('pages/programmes/form')
  async editForm(@Param('id', ID) id: string, @Req() req: Request) {
    const programme = await this.programmes.get(id);
    return { ...programmeFormLocals(programme, req.lang), values: programmeValues(programme) };
  }

  @Roles('admin')
  @Post(':id')
  @FormView('pages/programmes/form')
  async update(
    @Param('id', ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => programmeFormLocals(await this.programmes.get(id), req.lang),
      () => this.programmes.update(id, parseWith(programmeSchema, body), actor),
    );
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.updated' }];
    res.redirect(303, `/admin/programmes/${id}`);
  }
}
