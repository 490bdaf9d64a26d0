import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import type { User } from '../users/user.entity';
import { ProgrammeLogoService } from './programme-logo.service';

/** The logo image in the footer of a programme's pages, for whoever may see the programme. */
@ApiExcludeController()
@Controller('programmes')
export class ProgrammeLogoController {
  constructor(private readonly logos: ProgrammeLogoService) {}

  @Authenticated()
  @Get(':id/logo')
  async logo(
    @CurrentUser() user: User,
    @Param('id', new ParseIdPipe('programmes.errors.notFound')) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { content, mimeType } = await this.logos.open(user, id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, max-age=300');
    return new StreamableFile(content, { type: mimeType });
  }
}
