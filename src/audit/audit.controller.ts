import { Controller, Get, Query, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '../common/access.decorators';
import { pager } from '../common/paging';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { auditQuerySchema, toAuditQuery } from './audit.schemas';
import { AuditService } from './audit.service';
import { auditRow, codeOption } from './audit-views';

/** The audit log for administrators: who did what to which record, and when. */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly i18n: I18nService,
  ) {}

  @Get()
  @Render('pages/audit/index')
  async list(@Query() rawQuery: unknown, @Req() req: Request) {
    const query = parseWith(auditQuerySchema, rawQuery);
    const has = (key: string) => this.i18n.has(req.lang, key);
    const [{ items, total }, actions, entityTypes] = await Promise.all([
      this.audit.search(toAuditQuery(query)),
      this.audit.actions(),
      this.audit.entityTypes(),
    ]);
    const [actors, records] = await Promise.all([this.audit.actorsOf(items), this.audit.recordNamesOf(items)]);
    return {
      titleKey: 'audit.title',
      query,
      items: items.map((event) => auditRow(event, actors, records, has)),
      pager: pager('/admin/audit', query, total),
      actionOptions: actions.map((action) => codeOption(action, `audit.actions.${action}`, has)),
      entityTypeOptions: entityTypes.map((type) => codeOption(type, `audit.entityTypes.${type}`, has)),
    };
  }
}
