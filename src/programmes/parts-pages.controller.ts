import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { withFormLocals } from '../common/form-locals';
import { partMoveSchema, partSchema } from './programme.schemas';
import { PartsService, ruleFingerprint } from './parts.service';
import { NEW_PART_VALUES, partDryRunPage, partFormPage, partSavedFlash } from './programme-views';
import { ProgrammesService } from './programmes.service';

const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');
const PART_ID = new ParseIdPipe('programmes.errors.partNotFound');

/** Admin pages of a programme's parts: create, edit, move up or down. */
@ApiExcludeController()
@Controller('admin')
export class PartsPagesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly parts: PartsService,
  ) {}

  @Roles('admin')
  @Get('programmes/:id/parts/new')
  @Render('pages/programmes/part-form')
  async newForm(@Param('id', PROGRAMME_ID) id: string, @Req() req: Request) {
    const programme = await this.programmes.get(id);
    return { ...partFormPage(programme, req.lang), values: NEW_PART_VALUES };
  }

  @Roles('admin')
  @Post('programmes/:id/parts')
  @FormView('pages/programmes/part-form')
  async create(
    @Param('id', PROGRAMME_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => partFormPage(await this.programmes.get(id), req.lang),
      () => this.parts.create(id, parseWith(partSchema, body), actor),
    );
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.partSaved' }];
    res.redirect(303, `/admin/programmes/${id}#parts`);
  }

  @Roles('admin')
  @Get('parts/:id/edit')
  @Render('pages/programmes/part-form')
  async editForm(@Param('id', PART_ID) id: string, @Req() req: Request) {
    const part = await this.parts.get(id);
    return { ...partFormPage(part.programme, req.lang, id), values: part };
  }

  @Roles('admin')
  @Post('parts/:id')
  @FormView('pages/programmes/part-form')
  async update(
    @Param('id', PART_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    // A changed completion rule is saved only once its dry run was shown for exactly that rule (`ruleConfirmed`).
    const { ruleConfirmed, ...fields } = (body ?? {}) as Record<string, unknown>;
    const outcome = await withFormLocals(
      res,
      async () => partFormPage((await this.parts.get(id)).programme, req.lang, id),
      async () => {
        const input = parseWith(partSchema, fields);
        const fingerprint = ruleFingerprint(input);
        if (ruleConfirmed !== fingerprint) {
          const preview = await this.parts.previewRuleChange(id, input);
          if (preview?.evaluated) return { preview, fingerprint, saved: null };
        }
        return { preview: null, fingerprint, saved: await this.parts.updateWithCompletion(id, input, actor) };
      },
    );
    if (!outcome.saved) {
      const part = await this.parts.get(id);
      res
        .status(200)
        .render('pages/programmes/part-form', partDryRunPage(part.programme, req.lang, id, fields, outcome.preview!, outcome.fingerprint));
      return;
    }
    const { part, completion } = outcome.saved;
    req.session.flash = partSavedFlash(completion);
    res.redirect(303, `/admin/programmes/${part.programmeId}#parts`);
  }

  @Roles('admin')
  @Post('parts/:id/move')
  async move(
    @Param('id', PART_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const part = await this.parts.move(id, parseWith(partMoveSchema, body).direction, actor);
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.partsReordered' }];
    res.redirect(303, `/admin/programmes/${part.programmeId}#parts`);
  }
}
