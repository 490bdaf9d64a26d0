import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/access.decorators';
import { ApiOk, ApiZodResponse } from '../common/api-docs';
import { livenessJson, readinessJson } from './health-views';
import { livenessBody, readinessBody } from './health.responses';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** The process is running. */
  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is running' })
  @ApiOk(livenessBody)
  live() {
    return livenessJson();
  }

  /** The process can serve: PostgreSQL and Redis answer. */
  @Get('ready')
  @ApiOperation({ summary: 'The process can serve: PostgreSQL and Redis answer' })
  @ApiOk(readinessBody)
  @ApiZodResponse(503, 'PostgreSQL or Redis does not answer.', readinessBody)
  async ready(@Res({ passthrough: true }) res: Response) {
    const body = readinessJson(await this.health.checks());
    res.status(body.status === 'ok' ? 200 : 503);
    return body;
  }
}
