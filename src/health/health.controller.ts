import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/access.decorators';
import { REDIS } from '../redis/redis.module';
import type { RedisClient } from '../redis/redis-connection';
import { withTimeout } from '../common/timeout';
import { livenessBody, readinessBody } from './health.responses';
import { ApiOk, ApiZodResponse } from '../common/api-docs';
import { DatabaseProbe } from './database-probe';

type Check = { status: 'up' | 'down'; error?: string };

async function check(probe: () => Promise<unknown>): Promise<Check> {
  try {
    await withTimeout(probe(), 2000);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseProbe,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  /** The process is running. */
  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is running' })
  @ApiOk(livenessBody)
  live() {
    return { status: 'ok' };
  }

  /** The process can serve: PostgreSQL and Redis answer. */
  @Get('ready')
  @ApiOperation({ summary: 'The process can serve: PostgreSQL and Redis answer' })
  @ApiOk(readinessBody)
  @ApiZodResponse(503, 'PostgreSQL or Redis does not answer.', readinessBody)
  async ready(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([check(() => this.database.ping()), check(() => this.redis.ping())]);
    const ok = database.status === 'up' && redis.status === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks: { database, redis } };
  }
}
