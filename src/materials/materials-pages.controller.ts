import { Controller, Get, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { uploadFromRequest } from '../storage/upload';
import type { Actor } from '../common/actor';
import { ForbiddenError } from '../common/errors';
import { confirmed } from '../common/confirm';
import { Authenticated } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { AppConfig } from '../config/app-config';
import { materialsPage } from './material-views';
import { sendDownload } from '../common/download-response';
import { storedFileDownload } from '../storage/stored-file-download';
import { MaterialsService } from './materials.service';

const VIEW = 'pages/materials/list';

/** Materials pages: lists for a cohort and a part, upload, delete and download. */
@ApiExcludeController()
@Controller()
export class MaterialsPagesController {
  constructor(
    private readonly materials: MaterialsService,
    private readonly config: AppConfig,
  ) {}

  private async cohortPage(actor: Actor, cohortId: string, lang: Request['lang']) {
    return materialsPage(await this.materials.listForCohort(actor, cohortId), lang, this.config.env.MATERIAL_MAX_MB);
  }

  private async partPage(actor: Actor, partId: string, lang: Request['lang']) {
    return materialsPage(await this.materials.listForPart(actor, partId), lang, this.config.env.MATERIAL_MAX_MB);
  }

  @Authenticated()
  @Get('cohorts/:cohortId/materials')
  async cohortMaterials(@CurrentActor() actor: Actor, @Param('cohortId') cohortId: string, @Req() req: Request, @Res() res: Response) {
    res.render(VIEW, await this.cohortPage(actor, cohortId, req.lang));
  }

  @Authenticated()
  @Get('parts/:partId/materials')
  async partMaterials(@CurrentActor() actor: Actor, @Param('partId') partId: string, @Req() req: Request, @Res() res: Response) {
    res.render(VIEW, await this.partPage(actor, partId, req.lang));
  }

  /** The page is loaded first so that a refused file shows the form again with the list around it. */
  @Authenticated()
  @Post('cohorts/:cohortId/materials')
  @FormView(VIEW)
  async uploadToCohort(@CurrentActor() actor: Actor, @Param('cohortId') cohortId: string, @Req() req: Request, @Res() res: Response) {
    Object.assign(res.locals, await this.cohortPage(actor, cohortId, req.lang));
    await this.materials.upload(actor, { cohortId }, uploadFromRequest(req));
    req.session.flash = [{ kind: 'success', key: 'materials.uploaded' }];
    res.redirect(303, `/cohorts/${cohortId}/materials`);
  }

  @Authenticated()
  @Post('parts/:partId/materials')
  @FormView(VIEW)
  async uploadToPart(@CurrentActor() actor: Actor, @Param('partId') partId: string, @Req() req: Request, @Res() res: Response) {
    Object.assign(res.locals, await this.partPage(actor, partId, req.lang));
    await this.materials.upload(actor, { partId }, uploadFromRequest(req));
    req.session.flash = [{ kind: 'success', key: 'materials.uploaded' }];
    res.redirect(303, `/parts/${partId}/materials`);
  }

  @Authenticated()
  @Post('materials/:id/delete')
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    const shown = await this.materials.get(actor, id);
    if (!(await this.materials.canManage(actor, shown))) throw new ForbiddenError();
    const list = shown.cohortId ? `/cohorts/${shown.cohortId}/materials` : `/parts/${shown.partId}/materials`;
    if (
      !confirmed(req, res, {
        question: 'confirm.deleteMaterial',
        params: { name: shown.title },
        consequence: 'confirm.cannotUndo',
        button: 'confirm.delete',
        back: list,
      })
    )
      return;
    const material = await this.materials.delete(actor, id);
    req.session.flash = [{ kind: 'success', key: 'materials.deleted' }];
    res.redirect(303, material.cohortId ? `/cohorts/${material.cohortId}/materials` : `/parts/${material.partId}/materials`);
  }

  @Authenticated()
  @Get('materials/:id/download')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { material, content } = await this.materials.openDownload(actor, id);
    return sendDownload(res, storedFileDownload(material, content));
  }
}
