import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { ApiErrorResponses, ApiOk, ApiZodQuery } from '../common/api-docs';
import { parseWith } from '../common/zod-validation.pipe';
import { AppConfig } from '../config/app-config';
import { OutboxAdminService } from './outbox-admin.service';
import { outboxListQuerySchema } from './outbox.schemas';
import { outboxDetail, outboxPageJson } from './outbox-views';
import { outboxMessageDetailBody, outboxPageBody } from './outbox.responses';

@ApiTags('outbox')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin')
@Controller('api/v1/outbox')
export class OutboxApiController {
  constructor(
    private readonly admin: OutboxAdminService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List emails of the outbox, newest first (admins)' })
  @ApiZodQuery(outboxListQuerySchema)
  @ApiOk(outboxPageBody)
  async list(@Query() rawQuery: unknown) {
    const query = parseWith(outboxListQuerySchema, rawQuery);
    return outboxPageJson(await this.admin.list(query), query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One email with its headers, text and HTML parts (admins)' })
  @ApiOk(outboxMessageDetailBody)
  async get(@Param('id') id: string) {
    return outboxDetail(await this.admin.get(id), this.config.env.MAIL_FROM);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed, undelivered, suppressed or sent email again (admins)' })
  @ApiOk(outboxMessageDetailBody)
  @ApiErrorResponses(409)
  async resend(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return outboxDetail(await this.admin.resend(id, actor), this.config.env.MAIL_FROM);
  }
}
