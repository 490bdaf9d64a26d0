import { Controller, Get, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ForbiddenError } from '../common/errors';
import { confirmed } from '../common/confirm';
import { Authenticated } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { AppConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import { materialsPage } from './material-views';
import { downloadFile } from './material-download';
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

  private async cohortPage(user: User, cohortId: string, lang: Request['lang']) {
    return materialsPage(await this.materials.listForCohort(user, cohortId), lang, this.config.env.MATERIAL_MAX_MB);
  }

  private async partPage(user: User, partId: string, lang: Request['lang']) {
    return materialsPage(await this.materials.listForPart(user, partId), lang, this.config.env.MATERIAL_MAX_MB);
  }

  @Authenticated()
  @Get('cohorts/:cohortId/materials')
  async cohortMaterials(@CurrentUser() user: User, @Param('cohortId') cohortId: string, @Req() req: Request, @Res() res: Response) {
    res.render(VIEW, await this.cohortPage(user, cohortId, req.lang));
  }

  @Authenticated()
  @Get('parts/:partId/materials')
  async partMaterials(@CurrentUser() user: User, @Param('partId') partId: string, @Req() req: Request, @Res() res: Response) {
    res.render(VIEW, await this.partPage(user, partId, req.lang));
  }

  /** The page is loaded first so that a refused file shows the form again with the list around it. */
  @Authenticated()
  @Post('cohorts/:cohortId/materials')
  @FormView(VIEW)
  async uploadToCohort(@CurrentUser() user: User, @Param('cohortId') cohortId: string, @Req() req: Request, @Res() res: Response) {
    Object.assign(res.locals, await this.cohortPage(user, cohortId, req.lang));
    await this.materials.upload(user, { cohortId }, req);
    req.session.flash = [{ kind: 'success', key: 'materials.uploaded' }];
    res.redirect(303, `/cohorts/${cohortId}/materials`);
  }

  @Authenticated()
  @Post('parts/:partId/materials')
  @FormView(VIEW)
  async uploadToPart(@CurrentUser() user: User, @Param('partId') partId: string, @Req() req: Request, @Res() res: Response) {
    Object.assign(res.locals, await this.partPage(user, partId, req.lang));
    await this.materials.upload(user, { partId }, req);
    req.session.flash = [{ kind: 'success', key: 'materials.uploaded' }];
    res.redirect(303, `/parts/${partId}/materials`);
  }

  @Authenticated()
  @Post('materials/:id/delete')
  async remove(@CurrentUser() user: User, @Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    const shown = await this.materials.get(user, id);
    if (!(await this.materials.canManage(user, shown))) throw new ForbiddenError();
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
    const material = await this.materials.delete(user, id, req);
    req.session.flash = [{ kind: 'success', key: 'materials.deleted' }];
    res.redirect(303, material.cohortId ? `/cohorts/${material.cohortId}/materials` : `/parts/${material.partId}/materials`);
  }

  @Authenticated()
  @Get('materials/:id/download')
  async download(@CurrentUser() user: User, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return downloadFile(res, await this.materials.openDownload(user, id));
  }
}
