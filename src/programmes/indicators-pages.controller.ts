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
import { withFormLocals } from '../common/form-locals';
import { IndicatorsService } from './indicators.service';
import { deleteIndicatorQuestion, indicatorFormPage } from './programme-views';
import { indicatorSchema } from './programme.schemas';
import { ProgrammesService } from './programmes.service';

const ID = new ParseIdPipe('programmes.errors.notFound');

/** Admin pages of a programme's expected-result indicators: add, edit, delete. */
@ApiExcludeController()
@Controller('admin/programmes/:id/indicators')
export class IndicatorsPagesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly indicators: IndicatorsService,
  ) {}

  @Roles('admin')
  @Get('new')
  @Render('pages/programmes/indicator-form')
  async newIndicator(@Param('id', ID) id: string, @Req() req: Request) {
    return { ...indicatorFormPage(await this.programmes.get(id), req.lang), values: {} };
  }

  @Roles('admin')
  @Post()
  @FormView('pages/programmes/indicator-form')
  async createIndicator(
    @Param('id', ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => indicatorFormPage(await this.programmes.get(id), req.lang),
      () => this.indicators.create(id, parseWith(indicatorSchema, body), actor),
    );
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.indicatorSaved' }];
    res.redirect(303, `/admin/programmes/${id}#indicators`);
  }

  @Roles('admin')
  @Get(':indicatorId/edit')
  @Render('pages/programmes/indicator-form')
  async editIndicator(@Param('id', ID) id: string, @Param('indicatorId', ID) indicatorId: string, @Req() req: Request) {
    const indicator = await this.indicators.get(id, indicatorId);
    return { ...indicatorFormPage(await this.programmes.get(id), req.lang, indicatorId), values: indicator };
  }

  @Roles('admin')
  @Post(':indicatorId')
  @FormView('pages/programmes/indicator-form')
  async updateIndicator(
    @Param('id', ID) id: string,
    @Param('indicatorId', ID) indicatorId: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => indicatorFormPage(await this.programmes.get(id), req.lang, indicatorId),
      async () => {
        await this.indicators.get(id, indicatorId);
        return this.indicators.update(indicatorId, parseWith(indicatorSchema, body), actor);
      },
    );
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.indicatorSaved' }];
    res.redirect(303, `/admin/programmes/${id}#indicators`);
  }

  @Roles('admin')
  @Post(':indicatorId/delete')
  async deleteIndicator(
    @Param('id', ID) id: string,
    @Param('indicatorId', ID) indicatorId: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    if (!confirmed(req, res, deleteIndicatorQuestion(await this.indicators.get(id, indicatorId), req.lang))) return;
    await this.indicators.remove(indicatorId, actor);
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.indicatorDeleted' }];
    res.redirect(303, `/admin/programmes/${id}#indicators`);
  }
}
