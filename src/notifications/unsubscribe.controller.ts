import { Controller, Get, HttpCode, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { Public } from '../common/access.decorators';
import { UnsubscribeService } from './unsubscribe.service';
import { unsubscribePage, unsubscribedPage } from './outbox-views';

/**
 * The link in reminder and update emails. GET only asks (link scanners follow links); POST switches the
 * emails off, from the page's button or from a mail client's RFC 8058 one-click request.
 */
@ApiExcludeController()
@Public()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get(':token')
  @Render('pages/outbox/unsubscribe')
  async ask(@Param('token') token: string) {
    return unsubscribePage(await this.unsubscribe.inspect(token));
  }

  @Post(':token')
  @HttpCode(200)
  @Render('pages/outbox/unsubscribed')
  async confirm(@Param('token') token: string, @CurrentActor() actor: Actor) {
    return unsubscribedPage(await this.unsubscribe.confirm(token, actor));
  }
}
