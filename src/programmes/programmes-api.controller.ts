import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentActor, CurrentUser } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiCreated, ApiNoContent, ApiOk, ApiZodBody } from '../common/api-docs';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import type { User } from '../users/user.entity';
import { partJson, partListJson, partUpdateJson, programmeJson, programmeListJson, programmeWithPartsJson } from './programme-views';
import { uploadFromRequest } from '../storage/upload';
import { LOGO_FIELD, ProgrammeLogoService } from './programme-logo.service';
import { partOrderSchema, partSchema, partUpdateSchema, programmeSchema } from './programme.schemas';
import { PartsService } from './parts.service';
import { PartNotFoundError } from './programmes.errors';
import { ProgrammesService } from './programmes.service';
import { partBody, partListBody, partUpdateBody, programmeBody, programmeListBody, programmeWithPartsBody } from './programme.responses';

const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');
const PART_ID = new ParseIdPipe('programmes.errors.partNotFound');

/** Programmes and their parts. Admins manage them; whoever takes part in a cohort of a programme may read it. */
@ApiTags('programmes')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class ProgrammesApiController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly parts: PartsService,
    private readonly logos: ProgrammeLogoService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('admin')
  @Get('programmes')
  @ApiOperation({ summary: 'Every programme, newest first' })
  @ApiOk(programmeListBody)
  async list() {
    return programmeListJson(await this.programmes.list());
  }

  @Roles('admin')
  @Post('programmes')
  @ApiOperation({ summary: 'Create a programme' })
  @ApiZodBody(programmeSchema)
  @ApiCreated(programmeBody)
  async create(@CurrentActor() actor: Actor, @Req() req: Request, @Body() body: unknown) {
    return programmeJson(await this.programmes.create(parseWith(programmeSchema, body), actor));
  }

  @Authenticated()
  @Get('programmes/:id')
  @ApiOperation({ summary: 'A programme with its parts in order (admins, and the instructors and trainees of its cohorts)' })
  @ApiOk(programmeWithPartsBody)
  async get(@CurrentUser() user: User, @Req() req: Request, @Param('id', PROGRAMME_ID) id: string) {
    return programmeWithPartsJson(await this.programmes.getFor(user, id), req.lang, this.i18n);
  }

  @Roles('admin')
  @Put('programmes/:id')
  @ApiOperation({ summary: 'Replace the fields of a programme' })
  @ApiZodBody(programmeSchema)
  @ApiOk(programmeBody)
  async update(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', PROGRAMME_ID) id: string, @Body() body: unknown) {
    return programmeJson(await this.programmes.update(id, parseWith(programmeSchema, body), actor));
  }

  @Roles('admin')
  @Put('programmes/:id/logo')
  @ApiOperation({ summary: "Upload the logo shown in the footer of the programme's pages (PNG, JPEG or WEBP, at most 1 MB)" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { [LOGO_FIELD]: { type: 'string', format: 'binary' } }, required: [LOGO_FIELD] } })
  @ApiOk(programmeBody)
  async uploadLogo(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', PROGRAMME_ID) id: string) {
    await this.logos.upload(id, uploadFromRequest(req), actor);
    return programmeJson(await this.programmes.get(id));
  }

  @Roles('admin')
  @Delete('programmes/:id/logo')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the logo' })
  @ApiNoContent()
  async removeLogo(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', PROGRAMME_ID) id: string) {
    await this.logos.remove(id, actor);
  }

  @Authenticated()
  @Get('programmes/:id/parts')
  @ApiOperation({ summary: 'The parts of a programme in order, each with its completion rule' })
  @ApiOk(partListBody)
  async listParts(@CurrentUser() user: User, @Req() req: Request, @Param('id', PROGRAMME_ID) id: string) {
    return partListJson((await this.programmes.getFor(user, id)).parts, req.lang, this.i18n);
  }

  @Roles('admin')
  @Post('programmes/:id/parts')
  @ApiOperation({ summary: 'Add a part; without a number it takes the next one' })
  @ApiZodBody(partSchema)
  @ApiCreated(partBody)
  async createPart(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', PROGRAMME_ID) id: string, @Body() body: unknown) {
    return partJson(await this.parts.create(id, parseWith(partSchema, body), actor), req.lang, this.i18n);
  }

  @Roles('admin')
  @Put('programmes/:id/parts/order')
  @ApiOperation({ summary: 'Reorder the parts: name every part once, in the new order' })
  @ApiZodBody(partOrderSchema)
  @ApiOk(partListBody)
  async reorder(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', PROGRAMME_ID) id: string, @Body() body: unknown) {
    return partListJson(await this.parts.reorder(id, parseWith(partOrderSchema, body).partIds, actor), req.lang, this.i18n);
  }

  @Authenticated()
  @Get('parts/:id')
  @ApiOperation({ summary: 'A part with its completion rule' })
  @ApiOk(partBody)
  async getPart(@CurrentUser() user: User, @Req() req: Request, @Param('id', PART_ID) id: string) {
    const part = await this.parts.get(id);
    await this.programmes.getFor(user, part.programmeId).catch(() => {
      throw new PartNotFoundError();
    });
    return partJson(part, req.lang, this.i18n);
  }

  @Roles('admin')
  @Put('parts/:id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace the fields of a part',
    description:
      "A changed completion rule is applied at once to the trainees of the part's open cohorts; `completionChange` says whom it " +
      'un-completed and completed. With `dryRun: true` nothing is saved and the answer says what saving would do; saving the same ' +
      'right after does the same. Certificates already issued are never taken back.',
  })
  @ApiZodBody(partUpdateSchema)
  @ApiOk(partUpdateBody)
  async updatePart(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', PART_ID) id: string, @Body() body: unknown) {
    const { dryRun, ...input } = parseWith(partUpdateSchema, body);
    const update = dryRun ? await this.parts.dryRun(id, input) : await this.parts.updateWithCompletion(id, input, actor);
    return partUpdateJson(update, !dryRun, req.lang, this.i18n);
  }
}
