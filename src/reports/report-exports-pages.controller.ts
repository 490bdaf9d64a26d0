import { Body, Controller, Get, Param, Post, Render, Req, Res, StreamableFile } from '@nestjs/common';
import { sendDownload } from '../common/download-response';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated } from '../common/access.decorators';
import { Clock } from '../common/clock';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { storedFileDownload } from '../storage/stored-file-download';
import { StorageService } from '../storage/storage.service';
import { EXPORT_FILE_TYPES } from './report-exports.constants';
import { ReportExportsService } from './report-exports.service';
import { exportPage, exportsPage } from './report-views';
import { startExportSchema } from './reports.schemas';

const EXPORT_ID = new ParseIdPipe('reports.errors.exportNotFound');

/**
 * Background exports: starting one from a report page, its page (progress that survives a reload, kept in the
 * database; a script refreshes it, a link does without), the list of one's own, and the download while it is valid.
 * Each person sees only their own exports.
 */
@ApiExcludeController()
@Authenticated()
@Controller('reports/exports')
export class ReportExportsPagesController {
  constructor(
    private readonly exports: ReportExportsService,
    private readonly storage: StorageService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Render('pages/reports/exports')
  async list(@CurrentActor() actor: Actor) {
    const now = this.clock.now();
    return exportsPage(await this.exports.mine(actor), now);
  }

  @Post()
  async start(@CurrentActor() actor: Actor, @Body() body: unknown, @Req() req: Request, @Res() res: Response) {
    const row = await this.exports.start(actor, parseWith(startExportSchema, body));
    req.session.flash = [{ kind: 'success', key: 'reports.flash.exportStarted' }];
    res.redirect(303, `/reports/exports/${row.id}`);
  }

  @Get(':id')
  @Render('pages/reports/export')
  async show(@CurrentActor() actor: Actor, @Param('id', EXPORT_ID) id: string) {
    return exportPage(await this.exports.get(actor, id), this.clock.now());
  }

  @Get(':id/download')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', EXPORT_ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.download(actor, id, this.clock.now());
    return sendDownload(
      res,
      storedFileDownload(
        { fileName: file.fileName, mimeType: EXPORT_FILE_TYPES[file.format], size: file.size },
        this.storage.openRead(file.key),
      ),
    );
  }
}
