import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators';
import { ApiErrorResponses, ApiZodQuery, ApiZodResponse } from '../common/api-docs';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { AuditQueryInput, auditQuerySchema, toAuditQuery } from './audit.schemas';
import { AuditService } from './audit.service';
import { auditResponse } from './audit-views';
import { auditPageBody } from './audit.responses';

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
  @ApiZodResponse(200, 'A page of audit events.', auditPageBody)
  @ApiErrorResponses(400, 401, 403)
  async search(@Query(new ZodValidationPipe(auditQuerySchema)) query: AuditQueryInput) {
    const { items, total } = await this.audit.search(toAuditQuery(query));
    const actors = await this.audit.actorsOf(items);
    return { items: items.map((event) => auditResponse(event, actors)), total, page: query.page, pageSize: query.pageSize };
  }
}
