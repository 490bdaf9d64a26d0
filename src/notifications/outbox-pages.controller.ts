import { Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { parseWith } from '../common/zod-validation.pipe';
import { AppConfig } from '../config/app-config';
import { OutboxAdminService } from './outbox-admin.service';
import { outboxListQuerySchema } from './outbox.schemas';
import { outboxListPage, outboxMessagePage } from './outbox-views';

/** The HTML part runs nowhere: an opaque origin with no scripts, shown only inside our own page. */
const EMAIL_PREVIEW_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

@ApiExcludeController()
@Roles('admin')
@Controller('admin/outbox')
export class OutboxPagesController {
  constructor(
    private readonly admin: OutboxAdminService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Render('pages/outbox/index')
  async list(@Query() rawQuery: unknown) {
    const query = parseWith(outboxListQuerySchema, rawQuery);
    return outboxListPage(await this.admin.list(query), query, Boolean(this.config.env.SMTP_URL));
  }

  @Get(':id')
  @Render('pages/outbox/show')
  async show(@Param('id') id: string) {
    return outboxMessagePage(await this.admin.get(id), this.config.env.MAIL_FROM);
  }

  /** The HTML part alone, for the sandboxed frame of the detail page. */
  @Get(':id/html')
  async html(@Param('id') id: string, @Res() res: Response) {
    const message = await this.admin.get(id);
    res.setHeader('Content-Security-Policy', EMAIL_PREVIEW_CSP);
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.type('html').send(message.html);
  }

  @Post(':id/resend')
  async resend(@Param('id') id: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const message = await this.admin.resend(id, actor);
    req.session.flash = [{ kind: 'success', key: 'outbox.flash.resent' }];
    res.redirect(303, `/admin/outbox/${message.id}`);
  }
}
