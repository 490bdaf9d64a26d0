import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { uploadFromRequest } from '../storage/upload';
import type { Actor } from '../common/actor';
import { Authenticated } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { sendDownload } from '../common/download-response';
import { storedFileDownload } from '../storage/stored-file-download';
import { materialJson } from './material-views';
import { materialBody, materialListBody } from './material.responses';
import { MaterialsService, MATERIAL_FILE_FIELD, type MaterialList } from './materials.service';
import { ApiCreated, ApiFile, ApiNoContent, ApiOk } from '../common/api-docs';

const UploadBody = () =>
  ApiBody({
    schema: {
      type: 'object',
      required: ['title', MATERIAL_FILE_FIELD],
      properties: {
        title: { type: 'string', maxLength: 300 },
        [MATERIAL_FILE_FIELD]: {
          type: 'string',
          format: 'binary',
          description: 'PDF, DOCX, PPTX, XLSX, ODT, PNG or JPEG; the type is checked from the content',
        },
      },
    },
  });

function listJson(list: MaterialList) {
  return { items: [...list.cohortMaterials, ...list.partMaterials].map(materialJson) };
}

@ApiTags('materials')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class MaterialsApiController {
  constructor(private readonly materials: MaterialsService) {}

  @Authenticated()
  @Get('cohorts/:cohortId/materials')
  @ApiOperation({ summary: "A cohort's materials, its part's included" })
  @ApiParam({ name: 'cohortId', format: 'uuid' })
  @ApiOk(materialListBody)
  async listForCohort(@CurrentActor() actor: Actor, @Param('cohortId') cohortId: string) {
    return listJson(await this.materials.listForCohort(actor, cohortId));
  }

  @Authenticated()
  @Get('parts/:partId/materials')
  @ApiOperation({ summary: "A part's materials (shared by all its cohorts)" })
  @ApiParam({ name: 'partId', format: 'uuid' })
  @ApiOk(materialListBody)
  async listForPart(@CurrentActor() actor: Actor, @Param('partId') partId: string) {
    return listJson(await this.materials.listForPart(actor, partId));
  }

  @Authenticated()
  @Post('cohorts/:cohortId/materials')
  @ApiOperation({ summary: 'Upload a material for one cohort (its instructors and admins)' })
  @ApiParam({ name: 'cohortId', format: 'uuid' })
  @ApiConsumes('multipart/form-data')
  @UploadBody()
  @ApiCreated(materialBody)
  async uploadToCohort(@CurrentActor() actor: Actor, @Param('cohortId') cohortId: string, @Req() req: Request) {
    return materialJson(await this.materials.upload(actor, { cohortId }, uploadFromRequest(req)));
  }

  @Authenticated()
  @Post('parts/:partId/materials')
  @ApiOperation({ summary: "Upload a material for all a part's cohorts (their instructors and admins)" })
  @ApiParam({ name: 'partId', format: 'uuid' })
  @ApiConsumes('multipart/form-data')
  @UploadBody()
  @ApiCreated(materialBody)
  async uploadToPart(@CurrentActor() actor: Actor, @Param('partId') partId: string, @Req() req: Request) {
    return materialJson(await this.materials.upload(actor, { partId }, uploadFromRequest(req)));
  }

  @Authenticated()
  @Get('materials/:id')
  @ApiOperation({ summary: 'A material (whoever may see its cohort or part)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOk(materialBody)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return materialJson(await this.materials.get(actor, id));
  }

  @Authenticated()
  @Get('materials/:id/download')
  @ApiOperation({ summary: 'Download a material under its original name' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiFile('application/octet-stream')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { material, content } = await this.materials.openDownload(actor, id);
    return sendDownload(res, storedFileDownload(material, content));
  }

  @Authenticated()
  @Delete('materials/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a material (who uploaded it, and admins)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContent('Deleted, with its file')
  async delete(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.materials.delete(actor, id);
  }
}
