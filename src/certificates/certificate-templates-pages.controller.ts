import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { withFormLocals } from '../common/form-locals';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import type { Language } from '../i18n/languages';
import { ProgrammesService } from '../programmes/programmes.service';
import { templateFormValues, templatePageLocals } from './certificate-template-views';
import { CertificateTemplatesService, TEMPLATE_DEFAULTS } from './certificate-templates.service';
import { templateFormSchema } from './certificates.schemas';

const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');

/** The certificate template of a programme: one form, administrators only. */
@ApiExcludeController()
@Controller('admin/programmes/:id/certificate-template')
export class CertificateTemplatesPagesController {
  constructor(
    private readonly templates: CertificateTemplatesService,
    private readonly programmes: ProgrammesService,
  ) {}

  @Roles('admin')
  @Get()
  @Render('pages/certificates/template')
  async form(@Param('id', PROGRAMME_ID) id: string, @Req() req: Request) {
    const locals = await this.locals(id, req.lang);
    const template = await this.templates.find(id);
    return { ...locals, values: templateFormValues(template ?? TEMPLATE_DEFAULTS) };
  }

  @Roles('admin')
  @Post()
  @FormView('pages/certificates/template')
  async save(
    @Param('id', PROGRAMME_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      () => this.locals(id, req.lang),
      () => this.templates.save(actor, id, parseWith(templateFormSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'certificates.flash.templateSaved' }];
    res.redirect(303, `/admin/programmes/${id}/certificate-template`);
  }

  private async locals(id: string, lang: Language) {
    return templatePageLocals(await this.programmes.get(id), lang);
  }
}
