import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../common/access.decorators';
import { ApiErrorResponses, ApiZodQuery, ApiZodResponse, ZodValidationPipe } from '../common/zod-validation.pipe';
import { AuditQueryInput, auditQuerySchema, toAuditQuery } from './audit.schemas';
import { AuditService } from './audit.service';
import { auditResponse } from './audit-views';

const auditPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      createdAt: z.iso.datetime(),
      actorId: z.uuid().nullable(),
      actor: z.object({ name: z.string(), email: z.string() }).nullable(),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string().nullable(),
      before: z.record(z.string(), z.unknown()).nullable(),
      after: z.record(z.string(), z.unknown()).nullable(),
      ip: z.string().nullable(),
      requestId: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

@ApiTags('audit')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin')
@Controller('api/v1/audit')
export class AuditApiController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Search the audit log', description: 'Newest first; filter by action, actor, record and Riga calendar days.' })
  @ApiZodQuery(auditQuerySchema)
  @ApiZodResponse(200, 'A page of audit events.', auditPageSchema)
  @ApiErrorResponses(400, 401, 403)
  async search(@Query(new ZodValidationPipe(auditQuerySchema)) query: AuditQueryInput) {
    const { items, total } = await this.audit.search(toAuditQuery(query));
    const actors = await this.audit.actorsOf(items);
    return { items: items.map((event) => auditResponse(event, actors)), total, page: query.page, pageSize: query.pageSize };
  }
}
