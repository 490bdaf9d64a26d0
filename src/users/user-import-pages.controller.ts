import { Body, Controller, Get, Header, Post, Render, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { parseWith } from '../common/zod-validation.pipe';
import { UserImportService } from './user-import.service';
import { CSV_UPLOAD, IMPORT_TEMPLATE, UploadedCsv } from './user-import.upload';
import { importUsersSchema } from './user.schemas';
import { importPage, importReportPage } from './user-views';

/** The CSV import of users. Declared before the user pages, so `/admin/users/import` is not read as a user id. */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/users/import')
export class UserImportPagesController {
  constructor(private readonly imports: UserImportService) {}

  @Get()
  @Render('pages/users/import')
  form() {
    return importPage();
  }

  @Get('template.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="kursors-lietotaji.csv"')
  template() {
    return IMPORT_TEMPLATE;
  }

  /** All or nothing: a refused file shows its per-row report and creates no one. */
  @Post()
  @UseInterceptors(FileInterceptor('file', CSV_UPLOAD))
  @FormView('pages/users/import', importPage)
  async import(
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const input = parseWith(importUsersSchema, body);
    const report = await this.imports.import({ file: file?.buffer, csv: input.csv }, actor, req.lang);
    if (!report.ok) {
      res.status(422).render('pages/users/import', importReportPage(report, input));
      return;
    }
    req.session.flash = [{ kind: 'success', key: 'users.flash.imported', params: { count: report.created } }];
    res.redirect(303, '/admin/users?status=invited');
  }
}
