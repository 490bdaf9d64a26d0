import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiCreated, ApiNoContent, ApiOk, ApiZodBody } from '../common/api-docs';
import { parseWith } from '../common/zod-validation.pipe';
import { IndicatorsService } from './indicators.service';
import { IndicatorValues } from './indicator-values.service';
import { indicatorJson, indicatorListJson } from './programme-views';
import { indicatorSchema } from './programme.schemas';
import { indicatorBody, indicatorListBody } from './programme.responses';

const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');
const INDICATOR_ID = new ParseIdPipe('programmes.errors.indicatorNotFound');

/** Expected results of a programme: targets set by admins, values derived from the data. */
@ApiTags('indicators')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class IndicatorsApiController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly values: IndicatorValues,
  ) {}

  @Roles('admin')
  @Get('programmes/:id/indicators')
  @ApiOperation({
    summary: 'The indicators of a programme with their values and status over its whole time',
    description: 'The records behind each value, and values in a range of days: GET /api/v1/programmes/{id}/reports/indicators.',
  })
  @ApiOk(indicatorListBody)
  async list(@Param('id', PROGRAMME_ID) id: string) {
    return indicatorListJson(await this.values.values(id));
  }

  @Roles('admin')
  @Post('programmes/:id/indicators')
  @ApiOperation({ summary: 'Add an indicator' })
  @ApiZodBody(indicatorSchema)
  @ApiCreated(indicatorBody)
  async create(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', PROGRAMME_ID) id: string, @Body() body: unknown) {
    const indicator = await this.indicators.create(id, parseWith(indicatorSchema, body), actor);
    return this.withValue(indicator.programmeId, indicator.id);
  }

  @Roles('admin')
  @Put('indicators/:id')
  @ApiOperation({ summary: 'Replace the fields of an indicator' })
  @ApiZodBody(indicatorSchema)
  @ApiOk(indicatorBody)
  async update(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', INDICATOR_ID) id: string, @Body() body: unknown) {
    const indicator = await this.indicators.update(id, parseWith(indicatorSchema, body), actor);
    return this.withValue(indicator.programmeId, indicator.id);
  }

  @Roles('admin')
  @Delete('indicators/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an indicator' })
  @ApiNoContent()
  async remove(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', INDICATOR_ID) id: string) {
    await this.indicators.remove(id, actor);
  }

  private async withValue(programmeId: string, id: string) {
    const found = (await this.values.values(programmeId)).find((row) => row.indicator.id === id);
    return found ? indicatorJson(found) : null;
  }
}
