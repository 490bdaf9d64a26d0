import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { ApiOk, ApiZodBody } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { ProgrammesService } from '../programmes/programmes.service';
import { templateJson } from './certificate-template-views';
import { CertificateTemplatesService } from './certificate-templates.service';
import { certificateTemplateBody } from './certificate.responses';
import { NoTemplateError } from './certificates.errors';
import { templateSchema } from './certificates.schemas';

const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');

@ApiTags('certificates')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/programmes/:id/certificate-template')
export class CertificateTemplatesApiController {
  constructor(
    private readonly templates: CertificateTemplatesService,
    private readonly programmes: ProgrammesService,
  ) {}

  @Roles('admin')
  @Get()
  @ApiOperation({ summary: "A programme's certificate template (admins); 409 while it has none" })
  @ApiOk(certificateTemplateBody)
  async get(@Param('id', PROGRAMME_ID) id: string) {
    await this.programmes.get(id);
    const template = await this.templates.find(id);
    if (!template) throw new NoTemplateError();
    return templateJson(template);
  }

  @Roles('admin')
  @Put()
  @ApiOperation({
    summary: "Write a programme's certificate template (admins)",
    description:
      'The whole template, Latvian and English. The serial format has {YYYY} and one {NNN}–{NNNNNNNN}; numbers run per programme and year without gaps. The logo and the publicity statement are the programme’s own.',
  })
  @ApiZodBody(templateSchema)
  @ApiOk(certificateTemplateBody)
  async put(@Param('id', PROGRAMME_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    return templateJson(await this.templates.save(actor, id, parseWith(templateSchema, body)));
  }
}
